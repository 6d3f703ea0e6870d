//! The administrators' pages. Clinicians (`/admin/clinicians`): who may receive members'
//! shares; an administrator marks an account after checking the person, as
//! `foothold user set-clinician` does; above it, what the operator has yet to configure.
//! Hacks (`/admin/hacks`): every hack as a file, and a file of hacks imported (all or none),
//! as `foothold hacks export|import` do, for operators who start a new community.

use super::form::{csrf, value, Errors};
use super::{html, layout, see_other};
use crate::auth::{Admin, Member, Viewer};
use crate::error::{AppError, AppResult};
use crate::AppState;
use axum::extract::{Multipart, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Form;
use foothold_core::account::Handle;
use foothold_core::hacks::HackRecord;
use foothold_core::Invalid;
use maud::{html, Markup};

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
        (admin_nav(tr))
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

pub async fn show(State(app): State<AppState>, Admin(Member { viewer, .. }): Admin) -> AppResult<Response> {
    page(&app, &viewer, None, StatusCode::OK).await
}

pub async fn change(
    State(app): State<AppState>,
    Admin(Member { viewer, .. }): Admin,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
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

fn admin_nav(tr: &crate::i18n::Tr) -> Markup {
    html! {
        nav class="ranges" aria-label=(tr.t("admin-pages")) {
            a href="/admin/clinicians" { (tr.t("admin-clinicians")) }
            a href="/admin/hacks" { (tr.t("admin-hacks")) }
        }
    }
}

/// The largest file of hacks the page takes.
pub const HACKS_FILE_LIMIT: usize = 4 * 1024 * 1024;

fn hacks_page(viewer: &Viewer, outcome: Option<Markup>, status: StatusCode) -> Response {
    let tr = &viewer.tr;
    let title = tr.t("admin-hacks");
    let body = html! {
        (admin_nav(tr))
        h1 { (title) }
        p { (tr.t("admin-hacks-lead")) }
        @if let Some(o) = outcome { (o) }
        p { a class="button" href="/admin/hacks.json" download="hacks.json" { (tr.t("admin-hacks-export")) } }
        h2 { (tr.t("admin-hacks-import")) }
        form method="post" action={ "/admin/hacks/import?csrf=" (viewer.csrf) } enctype="multipart/form-data" {
            div class="field" {
                label for="file" { (tr.t("admin-hacks-file")) }
                p class="hint" id="file-hint" { (tr.t("admin-hacks-file-hint")) }
                input type="file" id="file" name="file" accept=".json,application/json" aria-describedby="file-hint";
            }
            button type="submit" { (tr.t("admin-hacks-import")) }
        }
    };
    html(status, layout::page(viewer, &title, body))
}

pub async fn hacks(Admin(Member { viewer, .. }): Admin) -> AppResult<Response> {
    Ok(hacks_page(&viewer, None, StatusCode::OK))
}

pub async fn hacks_export(State(app): State<AppState>, _: Admin) -> AppResult<Response> {
    let records = crate::hacks::export(&app.store).await?;
    let json = serde_json::to_vec_pretty(&records).map_err(|_| AppError::Internal)?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::CONTENT_DISPOSITION, "attachment; filename=\"hacks.json\""),
        ],
        json,
    )
        .into_response())
}

pub async fn hacks_import(
    State(app): State<AppState>,
    Admin(Member { user: admin, viewer, .. }): Admin,
    mut multipart: Multipart,
) -> AppResult<Response> {
    let tr = &viewer.tr;
    let mut file = None;
    while let Some(field) = multipart.next_field().await.map_err(|_| AppError::BadRequest)? {
        let named = field.name() == Some("file");
        let bytes = field.bytes().await.map_err(|_| AppError::TooLarge)?;
        if named {
            file = Some(bytes);
        }
    }
    let refuse = |message: String| {
        let outcome = html! { div class="error-summary" role="alert" { p { (message) } } };
        Ok(hacks_page(&viewer, Some(outcome), StatusCode::UNPROCESSABLE_ENTITY))
    };
    let Some(bytes) = file.filter(|b| !b.is_empty()) else { return refuse(tr.t("data-import-no-file")) };
    let Ok(records) = serde_json::from_slice::<Vec<HackRecord>>(&bytes) else {
        return refuse(tr.t("admin-hacks-not-a-list"));
    };
    match crate::hacks::import(&app.store, admin.id, &records).await? {
        Ok(created) => {
            let line = tr.ta(
                "admin-hacks-imported",
                &[("created", &created.to_string()), ("there", &(records.len() - created).to_string())],
            );
            Ok(hacks_page(&viewer, Some(html! { p class="notice" role="status" { (line) } }), StatusCode::OK))
        }
        Err(crate::hacks::ImportProblems(problems)) => {
            let outcome = html! {
                div class="error-summary" role="alert" {
                    h2 { (tr.t("admin-hacks-problems")) }
                    ul {
                        @for (i, title, e) in &problems {
                            @for p in e.problems() {
                                li { (tr.ta("admin-hacks-problem", &[("number", &i.to_string()), ("title", title)])) " " (tr.error(p.code)) }
                            }
                        }
                    }
                }
            };
            Ok(hacks_page(&viewer, Some(outcome), StatusCode::UNPROCESSABLE_ENTITY))
        }
    }
}
