//! Sharing pages. The member's `/sharing`: make a share (what, which days, until when) and get
//! its code once, stop one, and read who looked at what. The clinician's `/clinician`: enter a
//! code, see the members who shared, and open one read-only summary.

use super::form::{csrf, value, values, Errors};
use super::{html, layout, scroll_table, see_other};
use crate::auth::Viewer;
use crate::error::{AppError, AppResult};
use crate::i18n::Tr;
use crate::shares::{self, Shown};
use crate::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use chrono::Duration;
use foothold_core::share::{parse_share, Scope};
use foothold_store::{Share, User};
use maud::{html, Markup};

/// Lines of the access log shown on the page.
const LOG_LINES: i64 = 200;

pub fn scope_name(tr: &Tr, scope: Scope) -> String {
    tr.t(&format!("share-scope-{}", scope.as_str()))
}

fn scopes_line(tr: &Tr, share: &Share) -> String {
    share.scopes.iter().map(|s| scope_name(tr, *s)).collect::<Vec<_>>().join(", ")
}

/// The form's input, kept when it failed.
#[derive(Default)]
struct Input {
    scopes: Vec<String>,
    from: String,
    to: String,
    until: String,
}

async fn member_page(
    app: &AppState,
    viewer: &Viewer,
    user: &User,
    input: Input,
    code: Option<&str>,
    error: Option<&AppError>,
    status: StatusCode,
) -> AppResult<Response> {
    let tr = &viewer.tr;
    let shares = app.store.member_shares(user.id).await?;
    let log = app.store.share_views(user.id, LOG_LINES).await?;
    let today = shares::today(app, user.id).await?;
    let errors = Errors { tr, error };
    let from = if input.from.is_empty() { (today - Duration::days(90)).to_string() } else { input.from };
    let to = if input.to.is_empty() { today.to_string() } else { input.to };
    let until = if input.until.is_empty() { (today + Duration::days(30)).to_string() } else { input.until };
    let chosen = |s: Scope| {
        if error.is_some() {
            input.scopes.iter().any(|c| c == s.as_str())
        } else {
            s != Scope::Thoughts
        }
    };
    let title = tr.t("share-title");
    let body = html! {
        h1 { (title) }
        p { (tr.t("share-lead")) }
        @if let Some(code) = code {
            section class="notice" role="status" aria-labelledby="code-title" {
                h2 id="code-title" { (tr.t("share-code-made")) }
                p class="share-code" { code { (code) } }
                p { (tr.t("share-code-once")) }
            }
        }
        (errors.summary())
        form method="post" action="/sharing" {
            (csrf(&viewer.csrf))
            fieldset id="scopes" class={ @if errors.message_for("scopes").is_some() { "field-error" } } {
                legend { (tr.t("share-what")) }
                @if let Some(m) = errors.message_for("scopes") { p class="error-message" { (m) } }
                @for s in Scope::ALL {
                    label class="choice" {
                        input type="checkbox" name="scopes" value=(s.as_str()) checked[chosen(*s)];
                        " " (scope_name(tr, *s))
                    }
                    p class="hint" { (tr.t(&format!("share-scope-{}-hint", s.as_str()))) }
                }
            }
            (date_field(&errors, tr, "from", &from))
            (date_field(&errors, tr, "to", &to))
            (date_field(&errors, tr, "until", &until))
            button type="submit" { (tr.t("share-make")) }
        }
        section aria-labelledby="shares-title" {
            h2 id="shares-title" { (tr.t("share-list")) }
            @if shares.is_empty() { p { (tr.t("share-none")) } }
            @for s in &shares {
                div class="card" {
                    p { strong { (scopes_line(tr, s)) } }
                    p class="meta" { (tr.ta("share-period", &[("from", &s.from.to_string()), ("to", &s.to.to_string())])) }
                    p class="meta" {
                        @match (&s.clinician, s.revoked, s.until < today) {
                            (_, true, _) => (tr.t("share-state-stopped")),
                            (_, false, true) => (tr.t("share-state-ended")),
                            (Some(who), false, false) => (tr.ta("share-state-with", &[("who", who), ("until", &s.until.to_string())])),
                            (None, false, false) if s.redeemed => (tr.t("share-state-left")),
                            (None, false, false) => (tr.ta("share-state-waiting", &[("until", &s.until.to_string())])),
                        }
                    }
                    @if !s.revoked && s.until >= today {
                        form method="post" action={ "/sharing/" (s.id) "/stop" } class="inline" {
                            (csrf(&viewer.csrf))
                            button type="submit" class="secondary" { (tr.t("share-stop")) }
                        }
                    }
                }
            }
        }
        section aria-labelledby="log-title" {
            h2 id="log-title" { (tr.t("share-log")) }
            @if log.is_empty() {
                p { (tr.t("share-log-none")) }
            } @else {
                @let columns = ["share-log-when", "share-log-who", "share-log-what"].map(|c| tr.t(c));
                (scroll_table("log-caption", &tr.t("share-log"), &columns, html! {
                    @for v in &log {
                        tr {
                            td { (v.at.format("%Y-%m-%d %H:%M")) " UTC" }
                            td { (v.clinician) }
                            td { (Scope::parse(&v.what).map_or_else(|| v.what.clone(), |s| scope_name(tr, s))) }
                        }
                    }
                }))
            }
        }
    };
    Ok(html(status, layout::page(viewer, &title, body)))
}

fn date_field(errors: &Errors, tr: &Tr, name: &'static str, value: &str) -> Markup {
    let error = errors.message_for(name);
    html! {
        div class={ "field" @if error.is_some() { " field-error" } } {
            label for=(name) { (tr.t(&format!("share-{name}"))) }
            @if let Some(m) = &error { p class="error-message" id={ (name) "-error" } { (m) } }
            input type="date" id=(name) name=(name) value=(value) required;
        }
    }
}

pub async fn member(State(app): State<AppState>, viewer: Viewer) -> AppResult<Response> {
    let user = viewer.require_user()?;
    member_page(&app, &viewer, user, Input::default(), None, None, StatusCode::OK).await
}

pub async fn create(
    State(app): State<AppState>,
    viewer: Viewer,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let user = viewer.require_user()?;
    let today = shares::today(&app, user.id).await?;
    let scopes = values(&pairs, "scopes");
    let parsed =
        parse_share(&scopes, value(&pairs, "from"), value(&pairs, "to"), value(&pairs, "until"), today);
    match parsed {
        Ok(new) => {
            let (_, code) = shares::create(&app, user, &new).await?;
            member_page(&app, &viewer, user, Input::default(), Some(&code), None, StatusCode::CREATED).await
        }
        Err(invalid) => {
            let input = Input {
                scopes: scopes.iter().map(|s| (*s).to_string()).collect(),
                from: value(&pairs, "from").to_string(),
                to: value(&pairs, "to").to_string(),
                until: value(&pairs, "until").to_string(),
            };
            let error = AppError::from(invalid);
            member_page(&app, &viewer, user, input, None, Some(&error), StatusCode::UNPROCESSABLE_ENTITY)
                .await
        }
    }
}

pub async fn stop(State(app): State<AppState>, viewer: Viewer, Path(id): Path<i64>) -> AppResult<Response> {
    let user = viewer.require_user()?;
    app.store.revoke_share(user.id, id).await?;
    Ok(see_other("/sharing#shares-title"))
}

async fn clinician_page(
    app: &AppState,
    viewer: &Viewer,
    user: &User,
    error: Option<&AppError>,
    status: StatusCode,
) -> AppResult<Response> {
    let tr = &viewer.tr;
    if !app.store.is_clinician(user.id).await? {
        let body = html! { h1 { (tr.t("clinician-title")) } p { (tr.t("clinician-not-yet")) } };
        return Ok(html(StatusCode::FORBIDDEN, layout::page(viewer, &tr.t("clinician-title"), body)));
    }
    let today = shares::today(app, user.id).await?;
    let list = app.store.clinician_shares(user.id, today).await?;
    let errors = Errors { tr, error };
    let title = tr.t("clinician-title");
    let body = html! {
        h1 { (title) }
        p { (tr.t("clinician-lead")) }
        (errors.summary())
        form method="post" action="/clinician" {
            (csrf(&viewer.csrf))
            div class={ "field" @if errors.message_for("code").is_some() { " field-error" } } {
                label for="code" { (tr.t("clinician-code")) }
                p class="hint" id="code-hint" { (tr.t("clinician-code-hint")) }
                @if let Some(m) = errors.message_for("code") { p class="error-message" { (m) } }
                input id="code" name="code" type="text" autocomplete="off" autocapitalize="characters" required aria-describedby="code-hint";
            }
            button type="submit" { (tr.t("clinician-redeem")) }
        }
        section aria-labelledby="members-title" {
            h2 id="members-title" { (tr.t("clinician-members")) }
            @if list.is_empty() { p { (tr.t("clinician-none")) } }
            ul class="cards" {
                @for s in &list {
                    li class="card" {
                        h3 { a href={ "/clinician/shares/" (s.id) } { (s.member) } }
                        p class="meta" { (scopes_line(tr, s)) " · " (tr.ta("share-period", &[("from", &s.from.to_string()), ("to", &s.to.to_string())])) }
                        p class="meta" { (tr.ta("clinician-until", &[("until", &s.until.to_string())])) }
                    }
                }
            }
        }
    };
    Ok(html(status, layout::page(viewer, &title, body)))
}

pub async fn clinician(State(app): State<AppState>, viewer: Viewer) -> AppResult<Response> {
    let user = viewer.require_user()?;
    clinician_page(&app, &viewer, user, None, StatusCode::OK).await
}

pub async fn redeem(
    State(app): State<AppState>,
    viewer: Viewer,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let user = viewer.require_user()?;
    match shares::redeem(&app, user, value(&pairs, "code")).await {
        Ok(s) => Ok(see_other(&format!("/clinician/shares/{}", s.id))),
        Err(e @ AppError::Invalid(_)) => {
            clinician_page(&app, &viewer, user, Some(&e), StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(e),
    }
}

pub async fn shared(State(app): State<AppState>, viewer: Viewer, Path(id): Path<i64>) -> AppResult<Response> {
    let user = viewer.require_user()?;
    let share = shares::open(&app, user, id).await?;
    let shown = shares::shown(&app, user, &share).await?;
    let tr = &viewer.tr;
    let title = tr.ta("clinician-shared-title", &[("member", &share.member)]);
    let body = html! {
        p { a href="/clinician" { "← " (tr.t("clinician-title")) } }
        h1 { (title) }
        p class="notice" {
            (scopes_line(tr, &share)) " · "
            (tr.ta("share-period", &[("from", &share.from.to_string()), ("to", &share.to.to_string())])) ". "
            (tr.t("clinician-read-only"))
        }
        (sections(tr, &shown))
    };
    Ok(html(StatusCode::OK, layout::page(&viewer, &title, body)))
}

fn rating(score: Option<foothold_core::checkin::Score>) -> String {
    score.map_or_else(|| "—".to_string(), |s| s.value().to_string())
}

fn sections(tr: &Tr, shown: &Shown<'_>) -> Markup {
    html! {
        @if let Some(days) = &shown.diary {
            section aria-labelledby="diary-title" {
                h2 id="diary-title" { (tr.t("share-scope-diary")) }
                p { (tr.ta("clinician-days", &[("count", &days.len().to_string())])) }
                @let columns = ["clinician-col-day", "clinician-col-pain", "clinician-col-peg", "clinician-col-mood", "clinician-col-sleep", "clinician-col-control"].map(|c| tr.t(c));
                (scroll_table("diary-caption", &tr.t("share-scope-diary"), &columns, html! {
                    @for d in days.iter().rev() {
                        tr {
                            td { (d.day) }
                            td { (rating(d.ratings.pain)) }
                            td { (d.ratings.peg().map_or_else(|| "—".to_string(), |p| format!("{p:.1}"))) }
                            td { (rating(d.ratings.mood)) }
                            td { (rating(d.ratings.sleep)) }
                            td { (rating(d.ratings.control)) }
                        }
                    }
                }))
            }
        }
        @if let Some(all) = &shown.questionnaires {
            section aria-labelledby="q-shared-title" {
                h2 id="q-shared-title" { (tr.t("share-scope-questionnaires")) }
                @if all.is_empty() { p { (tr.t("clinician-no-questionnaires")) } }
                @for (n, (q, points)) in all.iter().enumerate() {
                    (super::questionnaires::scores_table(tr, q, points, &format!("q-caption-{n}")))
                }
            }
        }
        @if let Some(records) = &shown.thoughts {
            section aria-labelledby="thoughts-title" {
                h2 id="thoughts-title" { (tr.t("share-scope-thoughts")) }
                @if records.is_empty() { p { (tr.t("clinician-no-thoughts")) } }
                @for t in records {
                    div class="card" {
                        p class="meta" { (t.day) }
                        @if let Some(s) = &t.situation { p { strong { (tr.t("clinician-situation")) } " " (s) } }
                        @if let Some(s) = &t.thought { p { strong { (tr.t("clinician-thought")) } " " (s) } }
                        @if let Some(s) = &t.alternative { p { strong { (tr.t("clinician-alternative")) } " " (s) } }
                    }
                }
            }
        }
    }
}
