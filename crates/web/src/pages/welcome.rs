//! Onboarding in three short steps a member may skip: what Foothold is for (`/welcome`);
//! their time zone, what the check-in asks and which strategies it offers
//! (`/welcome/setup`); their first check-in (`/checkin?first=1`). "Your check-in" under the
//! account (`/account/checkin`) changes the same choices later, and their order.

use super::form::{csrf, value, values, Errors};
use super::{html, layout, see_other};
use crate::auth::{Member, Viewer};
use crate::diary::strategy_name;
use crate::error::{AppError, AppResult};
use crate::i18n::Tr;
use crate::onboarding::{self, Setup};
use crate::AppState;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use foothold_core::checkin::{self, Item};
use foothold_core::strategy::STARTERS;
use foothold_store::User;
use maud::{html, Markup};
use serde::Deserialize;

pub async fn intro(Member { viewer, .. }: Member) -> AppResult<Response> {
    let tr = &viewer.tr;
    let body = html! {
        p class="step" { (tr.ta("welcome-step", &[("step", "1"), ("of", "3")])) }
        h1 { (tr.t("welcome-title")) }
        p class="lead" { (tr.t("welcome-lead")) }
        ul class="pillars" {
            li { (tr.t("welcome-checkin")) }
            li { (tr.t("welcome-see")) }
            li { (tr.t("welcome-yours")) }
        }
        p class="actions" {
            a class="button" href="/welcome/setup" { (tr.t("welcome-next")) }
            " " a href="/" { (tr.t("welcome-skip")) }
        }
    };
    Ok(html(StatusCode::OK, layout::page(&viewer, &tr.t("welcome-title"), body)))
}

/// The item checkboxes, in the member's order; with `reorder`, each has a "Move up" button.
fn items_fieldset(tr: &Tr, order: &[Item], chosen: &[Item], reorder: bool, errors: &Errors) -> Markup {
    html! {
        fieldset class="choose-items" id="items" {
            legend { (tr.t("setup-items")) }
            p class="hint" { (tr.t("setup-items-hint")) }
            @if let Some(m) = errors.message_for("items") { p class="error-message" { (m) } }
            ul class="item-list" {
                @for (i, item) in order.iter().enumerate() {
                    li {
                        label class="chip" {
                            input type="checkbox" name="item" value=(item.as_str()) checked[chosen.contains(item)];
                            span { (tr.t(&format!("setup-item-{}", item.as_str()))) }
                        }
                        @if reorder && i > 0 {
                            button type="submit" class="secondary small" name="up" value=(item.as_str())
                                aria-label=(tr.ta("setup-move-up-named", &[("item", &tr.t(&format!("setup-item-{}", item.as_str())))])) {
                                (tr.t("setup-move-up"))
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Every item: the chosen first, in their order, then the rest.
fn full_order(chosen: &[Item]) -> Vec<Item> {
    let mut order = chosen.to_vec();
    order.extend(Item::ALL.iter().filter(|i| !chosen.contains(i)));
    order
}

async fn setup_page(
    app: &AppState,
    viewer: &Viewer,
    user: &User,
    typed: Option<&[(String, String)]>,
    error: Option<&AppError>,
) -> AppResult<Response> {
    let tr = &viewer.tr;
    let errors = Errors { tr, error };
    let today = app.today(user);
    let setup = app.store.checkin_setup(user.id, today).await?;
    let (zone, stored) = (setup.time_zone, setup.items);
    let never_chosen = stored.is_none();
    app.store.ensure_builtin_strategies(user.id, today).await?;
    let builtins: Vec<_> =
        app.store.strategies(user.id).await?.into_iter().filter(|s| s.builtin_key.is_some()).collect();
    let chosen = match typed {
        Some(t) => values(t, "item").iter().filter_map(|n| Item::parse(n)).collect(),
        None => checkin::items_from_stored(stored.as_deref()),
    };
    let ticked = |s: &foothold_store::Strategy| match typed {
        Some(t) => values(t, "strategy").contains(&s.id.to_string().as_str()),
        // A new member starts from a short list; later the form shows what they chose.
        None if never_chosen => s.builtin_key.as_deref().is_some_and(|k| STARTERS.contains(&k)),
        None => !s.archived,
    };
    let zone_value = typed.map_or_else(|| zone.name().to_owned(), |t| value(t, "time_zone").to_owned());
    let zone_error = errors.message_for("time_zone");
    let body = html! {
        p class="step" { (tr.ta("welcome-step", &[("step", "2"), ("of", "3")])) }
        h1 { (tr.t("setup-title")) }
        (errors.summary())
        form method="post" action="/welcome/setup" novalidate {
            (csrf(&viewer.csrf))
            div class={ "field" @if zone_error.is_some() { " field-error" } } {
                label for="time_zone" { (tr.t("field-time-zone")) }
                p class="hint" id="time_zone-hint" { (tr.t("setup-time-zone-hint")) }
                p class="hint" id="time_zone-detected" hidden { (tr.t("setup-time-zone-detected")) }
                @if let Some(m) = &zone_error { p class="error-message" { (m) } }
                input type="text" id="time_zone" name="time_zone" value=(zone_value) list="time-zones"
                    autocomplete="off" aria-describedby="time_zone-hint time_zone-detected" data-detect-time-zone;
                datalist id="time-zones" {
                    @for z in chrono_tz::TZ_VARIANTS { option value=(z.name()) {} }
                }
            }
            (items_fieldset(tr, &full_order(&chosen), &chosen, false, &errors))
            fieldset id="strategies" {
                legend { (tr.t("setup-strategies")) }
                p class="hint" { (tr.t("setup-strategies-hint")) }
                div class="chips" {
                    @for s in &builtins {
                        label class="chip" {
                            input type="checkbox" name="strategy" value=(s.id) checked[ticked(s)];
                            span { (strategy_name(tr, s)) }
                        }
                    }
                }
            }
            button type="submit" { (tr.t("setup-next")) }
        }
        p { a href="/checkin?first=1" { (tr.t("setup-skip")) } }
        script src=(crate::assets::time_zone_js_url()) defer {}
    };
    let status = error.map_or(StatusCode::OK, AppError::status);
    Ok(html(status, layout::page(viewer, &tr.t("setup-title"), body)))
}

pub async fn setup(State(app): State<AppState>, Member { user, viewer, .. }: Member) -> AppResult<Response> {
    setup_page(&app, &viewer, &user, None, None).await
}

pub async fn save_setup(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let items = values(&pairs, "item").into_iter().map(str::to_owned).collect::<Vec<_>>();
    let strategies = values(&pairs, "strategy").into_iter().map(str::to_owned).collect::<Vec<_>>();
    let setup = Setup {
        time_zone: Some(value(&pairs, "time_zone")),
        items: &items,
        order: &Item::ALL,
        strategies: Some(&strategies),
    };
    match onboarding::save(&app.store, user.id, &setup).await.map_err(AppError::from) {
        Ok(_) => Ok(see_other("/checkin?first=1")),
        Err(e @ AppError::Invalid(_)) => setup_page(&app, &viewer, &user, Some(&pairs), Some(&e)).await,
        Err(e) => Err(e),
    }
}

#[derive(Deserialize)]
pub struct Saved {
    saved: Option<String>,
}

/// "Your check-in" under the account: what it asks, and in which order.
pub async fn account(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Query(q): Query<Saved>,
) -> AppResult<Response> {
    let stored = app.store.checkin_setup(user.id, app.today(&user)).await?.items;
    let chosen = checkin::items_from_stored(stored.as_deref());
    Ok(account_page(&viewer, &full_order(&chosen), &chosen, q.saved.is_some(), None))
}

fn account_page(
    viewer: &Viewer,
    order: &[Item],
    chosen: &[Item],
    saved: bool,
    error: Option<&AppError>,
) -> Response {
    let tr = &viewer.tr;
    let errors = Errors { tr, error };
    let body = html! {
        p { a href="/account" { "← " (tr.t("account-title")) } }
        h1 { (tr.t("setup-title")) }
        @if saved { p class="notice" role="status" { (tr.t("setup-saved")) } }
        (errors.summary())
        form method="post" action="/account/checkin" novalidate {
            (csrf(&viewer.csrf))
            @for item in order { input type="hidden" name="order" value=(item.as_str()); }
            (items_fieldset(tr, order, chosen, true, &errors))
            button type="submit" { (tr.t("setup-save")) }
        }
        p { a href="/strategies" { (tr.t("strategies-manage")) } }
    };
    let status = error.map_or(StatusCode::OK, AppError::status);
    html(status, layout::page(viewer, &tr.t("setup-title"), body))
}

pub async fn save_account(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let mut order: Vec<Item> = values(&pairs, "order").iter().filter_map(|n| Item::parse(n)).collect();
    order = full_order(&order);
    let moved = Item::parse(value(&pairs, "up"));
    if let Some(item) = moved {
        order = checkin::move_up(&order, item);
    }
    let items = values(&pairs, "item").into_iter().map(str::to_owned).collect::<Vec<_>>();
    let setup = Setup { time_zone: None, items: &items, order: &order, strategies: None };
    match onboarding::save(&app.store, user.id, &setup).await.map_err(AppError::from) {
        // Moving an item keeps the member on the form, with the new order shown.
        Ok(chosen) if moved.is_some() => Ok(account_page(&viewer, &order, &chosen, true, None)),
        Ok(_) => Ok(see_other("/account/checkin?saved=1")),
        Err(e @ AppError::Invalid(_)) => {
            let chosen: Vec<Item> = items.iter().filter_map(|n| Item::parse(n)).collect();
            Ok(account_page(&viewer, &order, &chosen, false, Some(&e)))
        }
        Err(e) => Err(e),
    }
}
