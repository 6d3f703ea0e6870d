//! The administrators' page for clinicians (`/admin/clinicians`): who may receive members'
//! shares. An administrator marks an account after checking the person, as
//! `foothold user set-clinician` does. Above it, what the operator has yet to configure.

use super::form::{csrf, value, Errors};
use super::{html, layout, see_other};
use crate::auth::Viewer;
use crate::error::{AppError, AppResult};
use crate::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use foothold_core::account::{Handle, Role};
use foothold_core::Invalid;
use foothold_store::User;
use maud::html;

fn require_admin(viewer: &Viewer) -> AppResult<&User> {
    let user = viewer.require_user()?;
    if user.role == Role::Admin {
        Ok(user)
    } else {
        Err(AppError::Forbidden)
    }
}

async fn page(
    app: &AppState,
    viewer: &Viewer,
    error: Option<&AppError>,
    status: StatusCode,
) -> AppResult<Response> {
    let tr = &viewer.tr;
    let clinicians = app.store.clinicians().await?;
    let errors = Errors { tr, error };
    let title = tr.t("admin-clinicians");
    // What the operator still has to set up: said here and in the logs, never to members.
    let checks = [
        (app.config.crisis_configured(), "admin-check-crisis"),
        (app.config.emergency_configured(), "admin-check-emergency"),
        (app.mailer.is_some(), "admin-check-mail"),
    ];
    let body = html! {
        h1 { (title) }
        @if checks.iter().any(|(ok, _)| !ok) {
            section class="notice" aria-labelledby="setup-checks" {
                h2 id="setup-checks" { (tr.t("admin-checks")) }
                ul { @for (_, key) in checks.iter().filter(|(ok, _)| !ok) { li { (tr.t(key)) } } }
            }
        }
        p { (tr.t("admin-clinicians-lead")) }
        (errors.summary())
        form method="post" action="/admin/clinicians" {
            (csrf(&viewer.csrf))
            input type="hidden" name="action" value="mark";
            div class={ "field" @if errors.message_for("handle").is_some() { " field-error" } } {
                label for="handle" { (tr.t("admin-clinicians-handle")) }
                @if let Some(m) = errors.message_for("handle") { p class="error-message" { (m) } }
                input id="handle" name="handle" type="text" autocomplete="off" required;
            }
            button type="submit" { (tr.t("admin-clinicians-mark")) }
        }
        @if clinicians.is_empty() { p { (tr.t("admin-clinicians-none")) } }
        ul class="cards" {
            @for (_, handle, at) in &clinicians {
                li class="card" {
                    p { strong { (handle) } " · " (tr.ta("admin-clinicians-since", &[("date", &at.format("%Y-%m-%d").to_string())])) }
                    form method="post" action="/admin/clinicians" class="inline" {
                        (csrf(&viewer.csrf))
                        input type="hidden" name="handle" value=(handle);
                        button type="submit" name="action" value="unmark" class="secondary" { (tr.t("admin-clinicians-unmark")) }
                    }
                }
            }
        }
    };
    Ok(html(status, layout::page(viewer, &title, body)))
}

pub async fn show(State(app): State<AppState>, viewer: Viewer) -> AppResult<Response> {
    require_admin(&viewer)?;
    page(&app, &viewer, None, StatusCode::OK).await
}

pub async fn change(
    State(app): State<AppState>,
    viewer: Viewer,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    require_admin(&viewer)?;
    let mark = match value(&pairs, "action") {
        "mark" => true,
        "unmark" => false,
        _ => return Err(AppError::BadRequest),
    };
    let found = match Handle::parse(value(&pairs, "handle")) {
        Ok(handle) => match app.store.user_by_handle(&handle).await {
            Ok(user) => Some(user),
            Err(foothold_store::StoreError::NotFound) => None,
            Err(e) => return Err(e.into()),
        },
        Err(_) => None,
    };
    let Some(user) = found else {
        let e = AppError::from(Invalid::one("handle", "admin-no-account"));
        return page(&app, &viewer, Some(&e), StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    app.store.set_clinician(user.id, mark).await?;
    Ok(see_other("/admin/clinicians"))
}
