//! Thought records and predictions in the JSON API: the member's own export.

use super::ErrorBody;
use super::Json;
use crate::auth::Member;
use crate::error::AppResult;
use crate::AppState;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use foothold_core::thought::Feeling;
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct ThoughtRecordView {
    id: i64,
    day: NaiveDate,
    /// How far the record got: `situation`, `feelings`, `reading`, `evidence`, `alternative`,
    /// `rerate` or `done`.
    step: &'static str,
    situation: Option<String>,
    thought: Option<String>,
    /// Each with `name`, `before` and `after` (0–100; `after` once re-rated).
    #[schema(value_type = Vec<Object>)]
    feelings: Vec<Feeling>,
    traps: Vec<&'static str>,
    evidence_for: Option<String>,
    evidence_against: Option<String>,
    alternative: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct PredictionView {
    id: i64,
    day: NaiveDate,
    activity: Option<String>,
    expected: String,
    /// How sure, 0–100 %.
    confidence: u8,
    happened: Option<String>,
    /// `better`, `as_expected` or `worse`, once checked.
    compared: Option<&'static str>,
}

#[derive(Serialize, ToSchema)]
pub struct ThoughtsExport {
    thought_records: Vec<ThoughtRecordView>,
    predictions: Vec<PredictionView>,
}

/// All your thought records and predictions, newest first.
#[utoipa::path(get, path = "/api/v1/thoughts.json", tag = "thoughts",
    responses((status = 200, body = ThoughtsExport), (status = 401, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn export(State(app): State<AppState>, Member { user, .. }: Member) -> AppResult<Response> {
    let disposition =
        format!("attachment; filename=\"foothold-thoughts-{}.json\"", chrono::Utc::now().date_naive());
    Ok(([(axum::http::header::CONTENT_DISPOSITION, disposition)], Json(all(&app, user.id).await?))
        .into_response())
}

/// Every thought record and prediction of the member (also in the data archive).
pub(super) async fn all(app: &AppState, user: foothold_store::UserId) -> AppResult<ThoughtsExport> {
    let thought_records = app
        .store
        .thoughts(user)
        .await?
        .into_iter()
        .map(|r| ThoughtRecordView {
            id: r.id.0,
            day: r.day,
            step: r.step.as_str(),
            situation: r.situation,
            thought: r.thought,
            feelings: r.feelings,
            traps: r.traps,
            evidence_for: r.evidence_for,
            evidence_against: r.evidence_against,
            alternative: r.alternative,
        })
        .collect();
    let predictions = app
        .store
        .predictions(user)
        .await?
        .into_iter()
        .map(|p| PredictionView {
            id: p.id.0,
            day: p.day,
            activity: p.activity,
            expected: p.expected,
            confidence: p.confidence,
            happened: p.happened,
            compared: p.compared.map(|c| c.as_str()),
        })
        .collect();
    Ok(ThoughtsExport { thought_records, predictions })
}
