//! Personal experiments in the JSON API: plan one, follow it day by day, change its course,
//! and read the result with the same analysis the pages show.

use super::Json;
use super::{schema, ErrorBody};
use crate::auth::Member;
use crate::error::{AppError, AppResult};
use crate::experiments::{self, DesignInput, Loaded};
use crate::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use chrono::NaiveDate;
use foothold_core::experiment::{Action, Event, ExperimentId, ExperimentResult, NotAnalysable, PlanDay};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A plan as the design form takes it (numbers may also be given as JSON numbers).
#[derive(Deserialize, ToSchema)]
pub struct PlanRequest {
    /// The id of the strategy to test (condition A)…
    strategy: Option<i64>,
    /// …or the name of a new one, created with the plan.
    new_strategy: Option<String>,
    /// Another strategy as condition B; absent for "without A".
    versus: Option<i64>,
    /// `pain` (default), `peg`, `mood` or `sleep`.
    outcome: Option<String>,
    /// Days per period, 3–28 (default 7).
    #[schema(minimum = 3, maximum = 28)]
    period_days: Option<u32>,
    /// Pairs of periods, 2–8 (default 3).
    #[schema(minimum = 2, maximum = 8)]
    pairs: Option<u32>,
    /// Days at the start of each period left out of the analysis (default 0).
    washout_days: Option<u32>,
    /// The first day, today or later (`YYYY-MM-DD`).
    start: NaiveDate,
    /// Needed (`true`) when either condition is a medication: the member confirms the change
    /// was agreed with their prescriber.
    #[serde(default)]
    prescriber_agreed: bool,
}

impl From<&PlanRequest> for DesignInput {
    fn from(r: &PlanRequest) -> Self {
        let text = |v: Option<u32>| v.map(|v| v.to_string()).unwrap_or_default();
        DesignInput {
            strategy: r.strategy.map(|s| s.to_string()).unwrap_or_default(),
            new_strategy: r.new_strategy.clone().unwrap_or_default(),
            versus: r.versus.map(|v| v.to_string()).unwrap_or_default(),
            outcome: r.outcome.clone().unwrap_or_default(),
            period_days: text(r.period_days),
            pairs: text(r.pairs),
            washout_days: text(r.washout_days),
            start: r.start.to_string(),
            prescriber: if r.prescriber_agreed { "yes".to_owned() } else { String::new() },
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct ExperimentView {
    id: i64,
    /// `planned`, `running`, `paused`, `finished` or `stopped`.
    status: &'static str,
    strategy: i64,
    versus: Option<i64>,
    /// Display names of condition A and B.
    labels: [String; 2],
    outcome: &'static str,
    period_days: u32,
    pairs: u32,
    washout_days: u32,
    /// The randomisation seed, for audit: the plan follows from it.
    seed: String,
    /// The order of each pair, e.g. `AB BA AB`.
    orders: String,
    start: NaiveDate,
    /// The last day: the plan's end, or the day it was stopped.
    end: NaiveDate,
    kept: bool,
    /// Send it back with every change (optimistic concurrency).
    version: i64,
    #[schema(value_type = Vec<Object>)]
    schedule: Vec<PlanDay>,
    #[schema(value_type = Vec<Object>)]
    events: Vec<Event>,
    /// Days on which you said whether you followed the plan.
    followed: std::collections::BTreeMap<NaiveDate, bool>,
    /// Once the experiment is over: the result in the shape of
    /// `foothold analyze-experiment --json`, or `{"error": code}` if it cannot be analysed.
    #[schema(value_type = Option<Object>)]
    result: Option<serde_json::Value>,
}

fn result_json(r: &Result<ExperimentResult, NotAnalysable>) -> serde_json::Value {
    match r {
        Ok(r) => serde_json::to_value(r).unwrap_or_default(),
        Err(code) => serde_json::json!({ "error": code.code() }),
    }
}

async fn view(
    app: &AppState,
    user: &foothold_store::User,
    e: Loaded,
    today: NaiveDate,
) -> AppResult<ExperimentView> {
    let status = e.status(today);
    let result = if status.is_over() {
        let found = experiments::result(&app.store, user.id, &e).await?;
        let mut value = result_json(&found.analysis.as_randomised);
        if let (Some(pp), Some(map)) = (&found.analysis.per_protocol, value.as_object_mut()) {
            map.insert("per_protocol".into(), result_json(pp));
        }
        if let Some(map) = value.as_object_mut() {
            map.insert("counts".into(), serde_json::to_value(found.analysis.counts).unwrap_or_default());
            map.insert("paused_days".into(), found.paused.into());
            let secondary: serde_json::Map<String, serde_json::Value> =
                found.secondary.iter().map(|(o, r)| (o.as_str().to_owned(), result_json(r))).collect();
            map.insert("secondary".into(), secondary.into());
        }
        Some(value)
    } else {
        None
    };
    let d = &e.course.design;
    Ok(ExperimentView {
        id: e.stored.id.0,
        status: status.as_str(),
        strategy: e.stored.plan.strategy_a.0,
        versus: e.stored.plan.strategy_b.map(|b| b.0),
        labels: [e.labels.0.clone(), e.labels.1.clone()],
        outcome: d.outcome.as_str(),
        period_days: d.period_days,
        pairs: d.pairs,
        washout_days: d.washout_days,
        seed: d.seed.to_string(),
        orders: d.order_code(),
        start: d.start,
        end: e.course.last_day(),
        kept: e.stored.kept,
        version: e.stored.version,
        schedule: d.schedule(),
        events: e.course.events.clone(),
        followed: e.stored.followed.clone(),
        result,
    })
}

/// Your experiments, newest first.
#[utoipa::path(get, path = "/api/v1/experiments", tag = "experiments", operation_id = "list_experiments",
    responses((status = 200, body = Vec<ExperimentView>), (status = 401, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn list(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
) -> AppResult<Json<Vec<ExperimentView>>> {
    Ok(Json(all(&app, &user, &viewer.tr).await?))
}

/// Every experiment of the member with its plan and result (also in the data archive).
pub(super) async fn all(
    app: &AppState,
    user: &foothold_store::User,
    tr: &crate::i18n::Tr,
) -> AppResult<Vec<ExperimentView>> {
    let mut out = Vec::new();
    let today = app.today(user);
    for e in experiments::load_all(&app.store, tr, user.id).await? {
        out.push(view(app, user, e, today).await?);
    }
    Ok(out)
}

/// Plan an experiment. Refused (409) if it overlaps another experiment on the same outcome,
/// and (422) if it is too short to analyse, with the reason as an error code.
#[utoipa::path(post, path = "/api/v1/experiments", tag = "experiments", operation_id = "create_experiment", request_body = PlanRequest,
    responses((status = 201, body = ExperimentView), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn create(
    State(app): State<AppState>,
    Member { user, viewer, today }: Member,
    Json(req): Json<PlanRequest>,
) -> AppResult<(StatusCode, Json<ExperimentView>)> {
    let created = experiments::create(&app.store, &app.clock, &user, &DesignInput::from(&req)).await?;
    let e = experiments::load(&app.store, &viewer.tr, user.id, created.id).await?;
    Ok((StatusCode::CREATED, Json(view(&app, &user, e, today).await?)))
}

/// One experiment with its plan, course and (once over) its result.
#[utoipa::path(get, path = "/api/v1/experiments/{id}", tag = "experiments", operation_id = "get_experiment", params(("id" = i64, Path)),
    responses((status = 200, body = ExperimentView), (status = 404, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn get(
    State(app): State<AppState>,
    Member { user, viewer, today }: Member,
    Path(id): Path<ExperimentId>,
) -> AppResult<Json<ExperimentView>> {
    let e = experiments::load(&app.store, &viewer.tr, user.id, id).await?;
    Ok(Json(view(&app, &user, e, today).await?))
}

#[derive(Deserialize, ToSchema)]
pub struct ActionRequest {
    /// `pause`, `resume`, `extend` (one more pair) or `stop`.
    #[schema(schema_with = schema::one_of::<Action>)]
    action: String,
    /// The version you saw.
    version: i64,
}

/// Change a running experiment's course on your today: pause (for a flare), resume, extend by
/// a pair, or stop early. Each is recorded in the report.
#[utoipa::path(post, path = "/api/v1/experiments/{id}/actions", tag = "experiments", params(("id" = i64, Path)), request_body = ActionRequest,
    responses((status = 200, body = ExperimentView), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn act(
    State(app): State<AppState>,
    Member { user, viewer, today }: Member,
    Path(id): Path<ExperimentId>,
    Json(req): Json<ActionRequest>,
) -> AppResult<Json<ExperimentView>> {
    let action = Action::parse(&req.action).ok_or(AppError::BadRequest)?;
    experiments::act(&app.store, &app.clock, &viewer.tr, &user, id, req.version, action).await?;
    let e = experiments::load(&app.store, &viewer.tr, user.id, id).await?;
    Ok(Json(view(&app, &user, e, today).await?))
}

#[derive(Deserialize, ToSchema)]
pub struct FollowedRequest {
    /// Whether you followed the plan that day; `null` forgets the answer.
    followed: Option<bool>,
}

/// Record whether you followed the plan on a day of the experiment (today or earlier).
#[utoipa::path(put, path = "/api/v1/experiments/{id}/days/{day}", tag = "experiments", params(("id" = i64, Path), ("day" = NaiveDate, Path)), request_body = FollowedRequest,
    responses((status = 204), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn set_followed(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path((id, day)): Path<(ExperimentId, String)>,
    Json(req): Json<FollowedRequest>,
) -> AppResult<StatusCode> {
    let day = NaiveDate::parse_from_str(&day, "%Y-%m-%d")
        .map_err(|_| AppError::Invalid(foothold_core::Invalid::one("day", "day-invalid")))?;
    experiments::set_followed(&app.store, &app.clock, &viewer.tr, &user, id, day, req.followed).await?;
    Ok(StatusCode::NO_CONTENT)
}
