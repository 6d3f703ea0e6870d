//! "Your diary data": export everything, or import a diary in the CSV exchange format with a
//! check-only preview. All rows or none; importing the same file twice changes nothing.

use super::{html, layout};
use crate::auth::{Member, Viewer};
use crate::error::AppError;
use crate::AppState;
use axum::extract::{Multipart, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use foothold_core::diary_csv::{self, RowError};
use foothold_store::ImportSummary;
use maud::{html, Markup};

/// The largest file an import takes: far more than 50 years of daily rows.
pub const IMPORT_LIMIT: usize = 4 * 1024 * 1024;

enum Outcome {
    None,
    Problems(Vec<RowError>),
    Done { summary: ImportSummary, rows: usize, dry_run: bool },
    Message(String),
}

fn render(viewer: &Viewer, outcome: &Outcome, status: StatusCode) -> Response {
    let tr = &viewer.tr;
    let title = tr.t("data-title");
    let body = html! {
        h1 { (title) }
        section aria-labelledby="export" {
            h2 id="export" { (tr.t("data-export")) }
            p { (tr.t("data-export-lead")) }
            p { a class="button" href="/api/v1/export" download { (tr.t("data-export-all")) } }
            ul {
                li { a href="/api/v1/diary.csv" download { (tr.t("data-export-csv")) } }
                li { a href="/api/v1/diary.json" download { (tr.t("data-export-json")) } }
                li { a href="/api/v1/thoughts.json" download { (tr.t("data-export-thoughts")) } }
                li { a href="/api/v1/experiments" download="foothold-experiments.json" { (tr.t("data-export-experiments")) } }
                li { a href="/api/v1/export/fhir" download="foothold-fhir.json" { (tr.t("data-export-fhir")) } }
            }
        }
        section aria-labelledby="share" {
            h2 id="share" { (tr.t("share-title")) }
            p { (tr.t("data-share-lead")) " " a href="/sharing" { (tr.t("data-share-link")) } }
            p { a href="/visit" { (tr.t("visit-title")) } }
        }
        section aria-labelledby="import" {
            h2 id="import" { (tr.t("data-import")) }
            p { (tr.t("data-import-lead")) }
            (result(viewer, outcome))
            form method="post" action={ "/diary/import?csrf=" (viewer.csrf) } enctype="multipart/form-data" {
                div class="field" {
                    label for="file" { (tr.t("data-import-file")) }
                    p class="hint" id="file-hint" { (tr.t("data-import-file-hint")) }
                    input type="file" id="file" name="file" accept=".csv,text/csv" required aria-describedby="file-hint";
                }
                button type="submit" name="mode" value="check" class="secondary" { (tr.t("data-import-check")) }
                " "
                button type="submit" name="mode" value="import" { (tr.t("data-import-submit")) }
            }
        }
    };
    html(status, layout::page(viewer, &title, body))
}

fn result(viewer: &Viewer, outcome: &Outcome) -> Markup {
    let tr = &viewer.tr;
    match outcome {
        Outcome::None => html! {},
        Outcome::Message(m) => html! { div class="error-summary" role="alert" { p { (m) } } },
        Outcome::Problems(errors) => html! {
            div class="error-summary" role="alert" {
                h3 { (tr.ta("data-import-problems", &[("count", &errors.len().to_string())])) }
                table {
                    thead { tr { th scope="col" { (tr.t("data-line")) } th scope="col" { (tr.t("data-column")) } th scope="col" { (tr.t("data-problem")) } } }
                    tbody {
                        @for e in errors {
                            tr { td { (e.line) } td { (e.column) } td { (tr.error(e.code)) } }
                        }
                    }
                }
            }
        },
        Outcome::Done { summary, rows, dry_run } => {
            let args = [
                ("rows", rows.to_string()),
                ("created", summary.created.to_string()),
                ("updated", summary.updated.to_string()),
                ("unchanged", summary.unchanged.to_string()),
                ("strategies", summary.new_strategies.len().to_string()),
            ];
            let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let id = if *dry_run { "data-import-preview" } else { "data-import-done" };
            html! {
                div class="notice" role="status" {
                    p { (tr.ta(id, &args)) }
                    @if !summary.new_strategies.is_empty() {
                        p { (tr.t("data-import-new-strategies")) " " (summary.new_strategies.join(", ")) }
                    }
                }
            }
        }
    }
}

pub async fn show(Member { viewer, .. }: Member) -> Response {
    render(&viewer, &Outcome::None, StatusCode::OK)
}

pub async fn import(
    State(app): State<AppState>,
    Member { user, viewer, today }: Member,
    mut multipart: Multipart,
) -> Response {
    let mut file: Option<Vec<u8>> = None;
    let mut dry_run = true;
    loop {
        match multipart.next_field().await {
            Ok(Some(field)) => {
                let name = field.name().unwrap_or_default().to_owned();
                match field.bytes().await {
                    Ok(bytes) if name == "file" => file = Some(bytes.to_vec()),
                    Ok(bytes) if name == "mode" => dry_run = bytes.as_ref() != b"import",
                    Ok(_) => {}
                    Err(_) => return AppError::TooLarge.into_response(),
                }
            }
            Ok(None) => break,
            Err(_) => return AppError::BadRequest.into_response(),
        }
    }
    let Some(bytes) = file.filter(|b| !b.is_empty()) else {
        return render(
            &viewer,
            &Outcome::Message(viewer.tr.t("data-import-no-file")),
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    };
    let rows = match diary_csv::parse(&bytes, today) {
        Ok(rows) => rows,
        Err(errors) => return render(&viewer, &Outcome::Problems(errors), StatusCode::UNPROCESSABLE_ENTITY),
    };
    match app.store.import_diary(user.id, &rows, today, dry_run).await {
        Ok(summary) => {
            if !dry_run {
                app.insights.changed(&app.store, user.id, &viewer.tr);
            }
            render(&viewer, &Outcome::Done { summary, rows: rows.len(), dry_run }, StatusCode::OK)
        }
        Err(e) => AppError::from(e).into_response(),
    }
}
