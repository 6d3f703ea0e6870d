//! Questionnaires and the FHIR export in the JSON API: the same rules as the pages
//! (`crate::questionnaires`). A questionnaire is served as its FHIR R4 file, unchanged.

use super::community::api_nonce;
use super::ErrorBody;
use super::Json;
use crate::auth::Member;
use crate::error::{AppError, AppResult};
use crate::questionnaires::{self, Point};
use crate::support::{Audience, SupportView};
use crate::AppState;
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use foothold_core::questionnaire::{Answer, Trend};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct QuestionnaireView {
    /// Also the address of its FHIR file: `/api/v1/questionnaires/{id}`.
    id: String,
    title: String,
    description: String,
    /// The canonical URL a FHIR `QuestionnaireResponse` refers to.
    url: String,
    version: String,
    questions: usize,
    /// How often you chose to be offered it, in days; `null` when not scheduled.
    every_days: Option<u16>,
    /// How often it is usually offered.
    suggested_every_days: Option<u16>,
}

/// The questionnaires you can answer.
#[utoipa::path(get, path = "/api/v1/questionnaires", tag = "questionnaires", operation_id = "list_questionnaires",
    responses((status = 200, body = Vec<QuestionnaireView>), (status = 401, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn list(
    State(app): State<AppState>,
    Member { user, .. }: Member,
) -> AppResult<Json<Vec<QuestionnaireView>>> {
    let schedules = app.store.schedules(user.id).await?;
    Ok(Json(
        app.questionnaires
            .all()
            .iter()
            .map(|i| QuestionnaireView {
                id: i.q.id.clone(),
                title: i.q.title.clone(),
                description: i.q.description.clone(),
                url: i.q.url.clone(),
                version: i.q.version.clone(),
                questions: i.q.questions().count(),
                every_days: schedules.iter().find(|s| s.questionnaire == i.q.id).map(|s| s.every_days),
                suggested_every_days: i.q.every_days,
            })
            .collect(),
    ))
}

/// The questionnaire as a FHIR R4 `Questionnaire` resource: items, answer options with their
/// ordinal values, and Foothold's scoring extension (docs/FHIR.md).
#[utoipa::path(get, path = "/api/v1/questionnaires/{id}", tag = "questionnaires", operation_id = "get_questionnaire",
    params(("id" = String, Path, description = "e.g. `phq-9`")),
    responses((status = 200, body = Object, content_type = "application/fhir+json"), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn get(State(app): State<AppState>, _: Member, Path(id): Path<String>) -> AppResult<Response> {
    let instrument = app.questionnaires.get(&id)?;
    Ok(([(header::CONTENT_TYPE, "application/fhir+json")], instrument.json.clone()).into_response())
}

#[derive(Serialize, ToSchema)]
pub struct ResponseView {
    id: i64,
    authored: DateTime<Utc>,
    /// As given: `{"linkId": "q1", "code": "LA6568-5"}` or `{"linkId": "q1", "integer": 4}`.
    #[schema(value_type = Vec<Object>)]
    answers: Vec<Answer>,
    score: f64,
    /// The score's band as the questionnaire names it, e.g. `Mild`.
    band: Option<String>,
    /// Worth talking over with a clinician.
    flag: bool,
    /// Against the response before: `better`, `worse`, `steady` (within the meaningful change),
    /// or `null` for the first.
    change: Option<&'static str>,
}

fn response_view(p: &Point) -> ResponseView {
    ResponseView {
        id: p.response.id,
        authored: p.response.authored,
        answers: p.response.answers.clone(),
        score: p.score,
        band: p.band.clone(),
        flag: p.flag,
        change: p.trend.map(trend_name),
    }
}

/// A trend's name in the API.
pub(super) fn trend_name(t: Trend) -> &'static str {
    match t {
        Trend::Better => "better",
        Trend::Worse => "worse",
        Trend::Steady => "steady",
    }
}

/// Your responses to one questionnaire, oldest first, with scores and changes.
#[utoipa::path(get, path = "/api/v1/questionnaires/{id}/responses", tag = "questionnaires", operation_id = "list_responses",
    params(("id" = String, Path, description = "e.g. `phq-9`")),
    responses((status = 200, body = Vec<ResponseView>), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn responses(
    State(app): State<AppState>,
    Member { user, .. }: Member,
    Path(id): Path<String>,
) -> AppResult<Json<Vec<ResponseView>>> {
    let q = &app.questionnaires.get(&id)?.q;
    Ok(Json(questionnaires::history(&app.store, user.id, q).await?.iter().map(response_view).collect()))
}

/// An answer: an option's code, or a whole number for a scale.
#[derive(Deserialize, ToSchema)]
#[serde(untagged)]
pub enum AnswerInput {
    Code(String),
    Number(i64),
}

#[derive(Deserialize, ToSchema)]
pub struct ResponseRequest {
    /// Any unique string per response: sending the same one again returns the first.
    #[serde(default)]
    nonce: Option<String>,
    /// By question `linkId`, e.g. `{"q1": "LA6568-5", "q2": "LA6569-3"}` or `{"q1": 4}`.
    answers: BTreeMap<String, AnswerInput>,
}

#[derive(Serialize, ToSchema)]
pub struct Answered {
    response: ResponseView,
    /// Present when an answer asks for support (PHQ-9 item 9 above zero): show it first.
    support: Option<SupportView>,
}

/// Answers a questionnaire. Every problem is reported at once, by question `linkId`.
#[utoipa::path(post, path = "/api/v1/questionnaires/{id}/responses", tag = "questionnaires", operation_id = "answer_questionnaire",
    params(("id" = String, Path, description = "e.g. `phq-9`")), request_body = ResponseRequest,
    responses((status = 201, body = Answered), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn answer(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(id): Path<String>,
    Json(req): Json<ResponseRequest>,
) -> AppResult<(StatusCode, Json<Answered>)> {
    let q = &app.questionnaires.get(&id)?.q;
    let nonce = api_nonce(req.nonce)?;
    let raw: Vec<(String, String)> = req
        .answers
        .into_iter()
        .map(|(link, a)| {
            let text = match a {
                AnswerInput::Code(c) => c,
                AnswerInput::Number(n) => n.to_string(),
            };
            (link, text)
        })
        .collect();
    let done = questionnaires::answer(&app.store, &user, q, &nonce, &raw).await?;
    let points = questionnaires::history(&app.store, user.id, q).await?;
    let point = points.iter().find(|p| p.response.id == done.response.id).ok_or(AppError::Internal)?;
    let support =
        done.support.map(|level| SupportView::new(&app.config, &viewer.tr, level, Audience::Answer));
    Ok((StatusCode::CREATED, Json(Answered { response: response_view(point), support })))
}

#[derive(Deserialize, ToSchema)]
pub struct ScheduleRequest {
    /// Offer it every this many days; `null` to stop offering it.
    #[schema(minimum = 1, maximum = 366)]
    every_days: Option<u16>,
}

/// Chooses whether and how often the questionnaire is offered to you.
#[utoipa::path(put, path = "/api/v1/questionnaires/{id}/schedule", tag = "questionnaires", operation_id = "schedule_questionnaire",
    params(("id" = String, Path, description = "e.g. `phq-9`")), request_body = ScheduleRequest,
    responses((status = 204), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn schedule(
    State(app): State<AppState>,
    Member { user, .. }: Member,
    Path(id): Path<String>,
    Json(req): Json<ScheduleRequest>,
) -> AppResult<StatusCode> {
    let q = &app.questionnaires.get(&id)?.q;
    if req.every_days.is_some_and(|d| !(1..=366).contains(&d)) {
        return Err(foothold_core::Invalid::one("every_days", "schedule-range").into());
    }
    app.store.set_schedule(user.id, &q.id, req.every_days).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// All your diary ratings and questionnaire responses as a FHIR R4 `Bundle` (type
/// `collection`): a pseudonymous `Patient`, `Observation`s (LOINC codes where they exist),
/// `QuestionnaireResponse`s and a `Provenance`. See docs/FHIR.md.
#[utoipa::path(get, path = "/api/v1/export/fhir", tag = "questionnaires", operation_id = "export_fhir",
    responses((status = 200, body = Object, content_type = "application/fhir+json"), (status = 401, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn export_fhir(State(app): State<AppState>, Member { user, .. }: Member) -> AppResult<Response> {
    let bundle = crate::export::fhir_bundle(&app.store, &app.questionnaires, &user, Utc::now()).await?;
    let body = serde_json::to_vec(&bundle).map_err(|_| AppError::Internal)?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/fhir+json"),
            (header::CONTENT_DISPOSITION, "attachment; filename=\"foothold-fhir.json\""),
        ],
        body,
    )
        .into_response())
}
