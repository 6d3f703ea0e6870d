//! "Prepare for a visit": the member's questions, and the visit summary PDF for days they
//! choose (`/visit/summary.pdf`, the same as `GET /api/v1/report.pdf`).

use super::form::{csrf, value, Errors};
use super::{html, layout, see_other};
use crate::auth::{Member, Viewer};
use crate::error::{AppError, AppResult};
use crate::support::{self, Audience};
use crate::thoughts::{nonce, parse_nonce};
use crate::{report, AppState};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use chrono::Duration;
use foothold_core::Invalid;
use foothold_store::{User, MAX_QUESTIONS};
use maud::{html, Markup};

/// The longest question, in characters.
const QUESTION_LIMIT: usize = 300;

/// Checks a question as written: not empty, not too long.
fn parse_question(input: &str) -> Result<String, Invalid> {
    let q = input.trim();
    if q.is_empty() {
        return Err(Invalid::one("question", "visit-question-empty"));
    }
    if q.chars().count() > QUESTION_LIMIT {
        return Err(Invalid::one("question", "visit-question-long"));
    }
    Ok(q.to_string())
}

async fn page(
    app: &AppState,
    viewer: &Viewer,
    user: &User,
    input: &str,
    support: Option<Markup>,
    error: Option<&AppError>,
    status: StatusCode,
) -> AppResult<Response> {
    let tr = &viewer.tr;
    let questions = app.store.visit_questions(user.id).await?;
    let today = app.today(user);
    let errors = Errors { tr, error };
    let title = tr.t("visit-title");
    let body = html! {
        @if let Some(panel) = &support { (panel) }
        h1 { (title) }
        p { (tr.t("visit-lead")) }
        section aria-labelledby="questions-title" {
            h2 id="questions-title" { (tr.t("visit-questions")) }
            @if questions.is_empty() { p { (tr.t("visit-none")) } }
            ol class="questions" {
                @for (id, q) in &questions {
                    li {
                        (q) " "
                        form method="post" action={ "/visit/questions/" (id) "/remove" } class="inline" {
                            (csrf(&viewer.csrf))
                            button type="submit" class="secondary" { (tr.t("visit-remove")) }
                        }
                    }
                }
            }
            (errors.summary())
            form method="post" action="/visit/questions" {
                (csrf(&viewer.csrf))
                input type="hidden" name="nonce" value=(nonce()?);
                div class={ "field" @if errors.message_for("question").is_some() { " field-error" } } {
                    label for="question" { (tr.t("visit-question")) }
                    p class="hint" id="question-hint" { (tr.t("visit-question-hint")) }
                    @if let Some(m) = errors.message_for("question") { p class="error-message" { (m) } }
                    textarea id="question" name="question" rows="2" maxlength=(QUESTION_LIMIT) aria-describedby="question-hint" { (input) }
                }
                button type="submit" { (tr.t("visit-add")) }
            }
        }
        section aria-labelledby="summary-title" {
            h2 id="summary-title" { (tr.t("visit-summary")) }
            p { (tr.t("visit-summary-lead")) }
            form method="get" action="/visit/summary.pdf" {
                div class="field" {
                    label for="from" { (tr.t("visit-from")) }
                    input type="date" id="from" name="from" value=((today - Duration::days(90)).to_string()) max=(today.to_string()) required;
                }
                div class="field" {
                    label for="to" { (tr.t("visit-to")) }
                    input type="date" id="to" name="to" value=(today.to_string()) max=(today.to_string()) required;
                }
                button type="submit" { (tr.t("visit-make")) }
            }
        }
    };
    Ok(html(status, layout::page(viewer, &title, body)))
}

pub async fn show(State(app): State<AppState>, Member { user, viewer, .. }: Member) -> AppResult<Response> {
    page(&app, &viewer, &user, "", None, None, StatusCode::OK).await
}

pub async fn add(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let input = value(&pairs, "question");
    let question = match parse_question(input) {
        Ok(q) => q,
        Err(invalid) => {
            let e = AppError::from(invalid);
            return page(&app, &viewer, &user, input, None, Some(&e), StatusCode::UNPROCESSABLE_ENTITY).await;
        }
    };
    if app.store.visit_questions(user.id).await?.len() as i64 >= MAX_QUESTIONS {
        let e = AppError::from(Invalid::one("question", "visit-questions-full"));
        return page(&app, &viewer, &user, input, None, Some(&e), StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    let nonce = parse_nonce(value(&pairs, "nonce"))?;
    app.store.add_visit_question(user.id, &nonce, &question).await?;
    // A question is text the member wrote: the support service reads it like any other.
    match app.support.read(&[&question]).await {
        Some(level) => {
            let panel = support::panel(&app.config, &viewer.tr, level, Audience::OnlyYou);
            page(&app, &viewer, &user, "", Some(panel), None, StatusCode::OK).await
        }
        None => Ok(see_other("/visit#questions-title")),
    }
}

pub async fn remove(
    State(app): State<AppState>,
    Member { user, .. }: Member,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    app.store.remove_visit_question(user.id, id).await?;
    Ok(see_other("/visit#questions-title"))
}

pub async fn summary(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Query(query): Query<report::PeriodQuery>,
) -> AppResult<Response> {
    report::download(&app, &viewer, &user, &query).await
}
