//! The member's own account: language, password, API tokens, and deleting everything.

use super::form::{csrf, Errors, Field};
use super::{html, layout, see_other, with_session_cookie};
use crate::accounts;
use crate::auth::{Member, Viewer};
use crate::error::AppError;
use crate::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Form;
use foothold_store::User;
use maud::{html, Markup};
use serde::Deserialize;

/// Which form on the page an error or a fresh token belongs to.
#[derive(Default)]
struct Outcome<'a> {
    error: Option<(&'static str, &'a AppError)>,
    new_token: Option<&'a str>,
    notice: Option<String>,
}

async fn page(app: &AppState, viewer: &Viewer, user: &User, outcome: Outcome<'_>) -> Response {
    let tr = &viewer.tr;
    let tokens = match app.store.tokens(user.id).await {
        Ok(t) => t,
        Err(e) => return AppError::from(e).into_response(),
    };
    let errors_for =
        |form: &str| Errors { tr, error: outcome.error.filter(|(f, _)| *f == form).map(|(_, e)| e) };
    let title = tr.t("account-title");
    let languages: Vec<String> = app.catalog.languages().map(ToString::to_string).collect();
    let current_lang = user.locale.clone().unwrap_or_default();
    let time_zone = user.time_zone.name().to_owned();
    let clinician = match app.store.is_clinician(user.id).await {
        Ok(c) => c,
        Err(e) => return AppError::from(e).into_response(),
    };
    let body = html! {
        h1 { (title) }
        @if let Some(notice) = &outcome.notice {
            p class="notice" role="status" { (notice) }
        }
        section aria-labelledby="you" {
            h2 id="you" { (tr.t("account-you")) }
            p { a href="/account/checkin" { (tr.t("setup-title")) } " · " a href="/account/reminders" { (tr.t("reminders-title")) } }
            dl {
                dt { (tr.t("field-handle")) } dd { (user.handle) }
                dt { (tr.t("account-role")) } dd { (tr.t(&format!("role-{}", user.role))) }
                dt { (tr.t("account-since")) } dd { (user.created_at.format("%Y-%m-%d")) }
            }
        }
        section aria-labelledby="language" {
            h2 id="language" { (tr.t("account-language")) }
            (errors_for("locale").summary())
            form method="post" action="/account/locale" {
                (csrf(&viewer.csrf))
                label for="locale" { (tr.t("field-locale")) }
                select id="locale" name="locale" {
                    option value="" selected[current_lang.is_empty()] { (tr.t("locale-browser")) }
                    @for l in &languages {
                        option value=(l) selected[*l == current_lang] { (tr.t(&format!("locale-{l}"))) }
                    }
                }
                button type="submit" { (tr.t("save")) }
            }
        }
        section aria-labelledby="time-zone" {
            h2 id="time-zone" { (tr.t("account-time-zone")) }
            (errors_for("time_zone").summary())
            form method="post" action="/account/time-zone" novalidate {
                (csrf(&viewer.csrf))
                (Field { name: "time_zone", label: tr.t("field-time-zone"), kind: "text", value: &time_zone,
                         hint: Some(tr.t("field-time-zone-hint")), autocomplete: "off", required: true }.render(&errors_for("time_zone")))
                button type="submit" { (tr.t("save")) }
            }
        }
        section aria-labelledby="data" {
            h2 id="data" { (tr.t("account-data")) }
            p { a href="/diary" { (tr.t("account-data-link")) } }
            p { a href="/sharing" { (tr.t("data-share-link")) } }
            p { a href="/visit" { (tr.t("visit-title")) } }
            @if clinician { p { a href="/clinician" { (tr.t("clinician-title")) } } }
            @if user.role == foothold_core::account::Role::Admin { p { a href="/admin/clinicians" { (tr.t("admin-clinicians")) } } }
            @if user.role.is_staff() {
                p { a href="/moderation" { (tr.t("sitequeue-title")) } }
            }
            p { a href="/account/profile" { (tr.t("profile-edit-title")) } " · " a href="/messages" { (tr.t("messages-title")) } }
            p { a href="/account/blocked" { (tr.t("blocked-title")) } }
        }
        (password_form(viewer, &errors_for("password")))
        (tokens_section(viewer, &tokens, outcome.new_token, &errors_for("token")))
        (delete_form(viewer, &errors_for("delete")))
    };
    let status = outcome.error.map_or(StatusCode::OK, |(_, e)| e.status());
    html(status, layout::page(viewer, &title, body))
}

fn password_form(viewer: &Viewer, errors: &Errors) -> Markup {
    let tr = &viewer.tr;
    html! {
        section aria-labelledby="password" {
            h2 id="password" { (tr.t("account-password")) }
            (errors.summary())
            form method="post" action="/account/password" novalidate {
                (csrf(&viewer.csrf))
                (Field { name: "current_password", label: tr.t("field-current-password"), kind: "password", value: "",
                         hint: None, autocomplete: "current-password", required: true }.render(errors))
                (Field { name: "new_password", label: tr.t("field-new-password"), kind: "password", value: "",
                         hint: Some(tr.t("field-new-password-hint")), autocomplete: "new-password", required: true }.render(errors))
                button type="submit" { (tr.t("account-password-submit")) }
            }
        }
    }
}

fn tokens_section(
    viewer: &Viewer,
    tokens: &[foothold_store::ApiToken],
    new_token: Option<&str>,
    errors: &Errors,
) -> Markup {
    let tr = &viewer.tr;
    html! {
        section aria-labelledby="tokens" {
            h2 id="tokens" { (tr.t("account-tokens")) }
            p class="hint" { (tr.t("account-tokens-lead")) }
            @if let Some(raw) = new_token {
                div class="notice" role="status" {
                    p { (tr.t("account-token-created")) }
                    p { code class="token" { (raw) } }
                }
            }
            @if !tokens.is_empty() {
                table {
                    caption class="visually-hidden" { (tr.t("account-tokens")) }
                    thead { tr { th scope="col" { (tr.t("token-name")) } th scope="col" { (tr.t("token-created")) }
                                 th scope="col" { (tr.t("token-last-used")) } th scope="col" { span class="visually-hidden" { (tr.t("token-actions")) } } } }
                    tbody {
                        @for t in tokens {
                            tr {
                                td { (t.name) }
                                td { (t.created_at.format("%Y-%m-%d")) }
                                td { @match t.last_used_at { Some(u) => (u.format("%Y-%m-%d")), None => (tr.t("token-never")) } }
                                td {
                                    form method="post" action={ "/account/tokens/" (t.id) "/revoke" } class="inline" {
                                        (csrf(&viewer.csrf))
                                        button type="submit" class="secondary" aria-label=(tr.ta("token-revoke-named", &[("name", &t.name)])) { (tr.t("token-revoke")) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            (errors.summary())
            form method="post" action="/account/tokens" novalidate {
                (csrf(&viewer.csrf))
                (Field { name: "name", label: tr.t("token-name"), kind: "text", value: "",
                         hint: Some(tr.t("token-name-hint")), autocomplete: "off", required: true }.render(errors))
                button type="submit" { (tr.t("token-create")) }
            }
        }
    }
}

fn delete_form(viewer: &Viewer, errors: &Errors) -> Markup {
    let tr = &viewer.tr;
    html! {
        section aria-labelledby="delete" class="danger-zone" {
            h2 id="delete" { (tr.t("account-delete")) }
            p { (tr.t("account-delete-lead")) }
            (errors.summary())
            form method="post" action="/account/delete" novalidate {
                (csrf(&viewer.csrf))
                (Field { name: "password", label: tr.t("field-password"), kind: "password", value: "",
                         hint: Some(tr.t("account-delete-hint")), autocomplete: "current-password", required: true }.render(errors))
                button type="submit" class="danger" { (tr.t("account-delete-submit")) }
            }
        }
    }
}

pub async fn show(State(app): State<AppState>, Member { user, viewer, .. }: Member) -> Response {
    page(&app, &viewer, &user, Outcome::default()).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PasswordForm {
    current_password: String,
    new_password: String,
}

pub async fn change_password(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Form(input): Form<PasswordForm>,
) -> Response {
    let done = accounts::change_password(
        &app.store,
        &user,
        (&input.current_password, &input.new_password),
        (viewer.session_hash(), viewer.token_id()),
    )
    .await;
    match done.map_err(AppError::from) {
        Ok(()) => {
            page(
                &app,
                &viewer,
                &user,
                Outcome { notice: Some(viewer.tr.t("account-password-changed")), ..Outcome::default() },
            )
            .await
        }
        Err(e @ AppError::Invalid(_)) => {
            page(&app, &viewer, &user, Outcome { error: Some(("password", &e)), ..Outcome::default() }).await
        }
        Err(e) => e.into_response(),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct LocaleForm {
    locale: String,
}

pub async fn set_locale(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Form(input): Form<LocaleForm>,
) -> Response {
    let tag = input.locale.trim();
    if !tag.is_empty() {
        if let Err(e) = accounts::set_locale_allowed(&app.catalog, tag).map_err(AppError::from) {
            return page(&app, &viewer, &user, Outcome { error: Some(("locale", &e)), ..Outcome::default() })
                .await;
        }
    }
    match app.store.set_locale(user.id, (!tag.is_empty()).then_some(tag)).await {
        Ok(()) => see_other("/account"),
        Err(e) => AppError::from(e).into_response(),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct TokenForm {
    name: String,
}

pub async fn create_token(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Form(input): Form<TokenForm>,
) -> Response {
    match accounts::create_token(&app.store, &user, &input.name).await.map_err(AppError::from) {
        Ok((_, raw)) => {
            page(&app, &viewer, &user, Outcome { new_token: Some(&raw), ..Outcome::default() }).await
        }
        Err(e @ AppError::Invalid(_)) => {
            page(&app, &viewer, &user, Outcome { error: Some(("token", &e)), ..Outcome::default() }).await
        }
        Err(e) => e.into_response(),
    }
}

pub async fn revoke_token(
    State(app): State<AppState>,
    Member { user, .. }: Member,
    Path(id): Path<i64>,
) -> Response {
    match app.store.delete_token(user.id, id).await {
        Ok(()) => see_other("/account#tokens"),
        Err(e) => AppError::from(e).into_response(),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct DeleteForm {
    password: String,
}

pub async fn delete(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Form(input): Form<DeleteForm>,
) -> Response {
    match accounts::delete_account(&app.store, &user, &input.password).await.map_err(AppError::from) {
        Ok(()) => with_session_cookie(&app, see_other("/?deleted=1"), None),
        Err(e @ AppError::Invalid(_)) => {
            page(&app, &viewer, &user, Outcome { error: Some(("delete", &e)), ..Outcome::default() }).await
        }
        Err(e) => e.into_response(),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct TimeZoneForm {
    time_zone: String,
}

pub async fn set_time_zone(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Form(input): Form<TimeZoneForm>,
) -> Response {
    match accounts::set_time_zone(&app.store, &user, &input.time_zone).await.map_err(AppError::from) {
        Ok(()) => match crate::reminders::reschedule(&app, user.id).await.map_err(AppError::from) {
            Ok(()) => see_other("/account#time-zone"),
            Err(e) => e.into_response(),
        },
        Err(e @ AppError::Invalid(_)) => {
            page(&app, &viewer, &user, Outcome { error: Some(("time_zone", &e)), ..Outcome::default() }).await
        }
        Err(e) => e.into_response(),
    }
}
