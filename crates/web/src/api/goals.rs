//! Goals in the JSON API: the same rules as the pages (`crate::goals`, `foothold_core::goal`).

use super::community::api_nonce;
use super::Json;
use super::{schema, ErrorBody};
use crate::auth::Member;
use crate::error::{AppError, AppResult};
use crate::goals::{self, GoalOnDay};
use crate::support::{Audience, SupportView};
use crate::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use chrono::NaiveDate;
use foothold_core::checkin::parse_day;
use foothold_core::goal::{self, days_of_plan, parse_new_goal, GoalId, Unit};
use foothold_core::strategy::StrategyId;
use foothold_store::{User, UserId};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct GoalView {
    #[schema(value_type = i64)]
    id: GoalId,
    activity: String,
    /// `minutes`, `pages`, `times`, `repetitions` or `metres`.
    unit: &'static str,
    /// The first step, in percent of the baseline.
    start_percent: u8,
    /// The weekly rise, in percent.
    rise_percent: u8,
    /// Where the plan stops rising; `null` to keep rising.
    ceiling: Option<u32>,
    flare_plan: String,
    /// The mean of the recorded days the plan started from; `null` before it starts.
    baseline: Option<f64>,
    started_on: Option<NaiveDate>,
    /// Weeks given back on resuming after flares.
    steps_back: u32,
    /// Paused for a flare now.
    paused: bool,
    reached_on: Option<NaiveDate>,
    ended_on: Option<NaiveDate>,
    /// Today's step, once the plan runs.
    today_step: Option<u32>,
    /// What was recorded today.
    today_done: Option<u32>,
    /// The diary strategy the goal's steps tag (tagging it in a check-in records the step).
    #[schema(value_type = Option<i64>)]
    strategy_id: Option<StrategyId>,
}

impl GoalView {
    fn of(g: &GoalOnDay) -> Self {
        let goal = &g.goal;
        Self {
            id: goal.id,
            activity: goal.activity.clone(),
            unit: goal.unit.as_str(),
            start_percent: goal.start_percent,
            rise_percent: goal.rise_percent,
            ceiling: goal.ceiling,
            flare_plan: goal.flare_plan.clone(),
            baseline: goal.baseline,
            started_on: goal.started_on,
            steps_back: goal.steps_back,
            paused: goal.paused(),
            reached_on: goal.reached_on,
            ended_on: goal.ended_on,
            today_step: g.target,
            today_done: g.done,
            strategy_id: goal.strategy_id,
        }
    }
}

async fn view(app: &AppState, user: &User, id: GoalId) -> AppResult<GoalView> {
    let today = app.today(user);
    let all = goals::on_day(&app.store, user.id, today).await?;
    all.iter().find(|g| g.goal.id == id).map(GoalView::of).ok_or(AppError::NotFound)
}

/// Your goals, oldest first.
#[utoipa::path(get, path = "/api/v1/goals", tag = "goals", operation_id = "list_goals",
    responses((status = 200, body = Vec<GoalView>), (status = 401, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn list(
    State(app): State<AppState>,
    Member { user, today, .. }: Member,
) -> AppResult<Json<Vec<GoalView>>> {
    Ok(Json(goals::on_day(&app.store, user.id, today).await?.iter().map(GoalView::of).collect()))
}

#[derive(Deserialize, ToSchema)]
pub struct NewGoalRequest {
    /// Any unique string per goal: sending the same one again returns the first.
    #[serde(default)]
    nonce: Option<String>,
    #[schema(pattern = r"\S", max_length = 60)]
    activity: String,
    #[schema(schema_with = schema::one_of::<Unit>)]
    unit: String,
    /// 80 when left out.
    #[serde(default)]
    #[schema(minimum = 50, maximum = 100)]
    start_percent: Option<u8>,
    /// 10 when left out.
    #[serde(default)]
    #[schema(minimum = 5, maximum = 20)]
    rise_percent: Option<u8>,
    #[serde(default)]
    #[schema(minimum = 1, maximum = 10000)]
    ceiling: Option<u32>,
    #[serde(default)]
    #[schema(max_length = 1000)]
    flare_plan: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct GoalCreated {
    goal: GoalView,
    /// Present when what was written asks for support: show it first.
    support: Option<SupportView>,
}

/// Sets up a goal. Record three or more days, then start its plan.
#[utoipa::path(post, path = "/api/v1/goals", tag = "goals", operation_id = "create_goal", request_body = NewGoalRequest,
    responses((status = 201, body = GoalCreated), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn create(
    State(app): State<AppState>,
    Member { user, viewer, today }: Member,
    Json(req): Json<NewGoalRequest>,
) -> AppResult<(StatusCode, Json<GoalCreated>)> {
    let number = |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_default();
    let new = parse_new_goal(
        &req.activity,
        &req.unit,
        &number(req.start_percent.map(u32::from)),
        &number(req.rise_percent.map(u32::from)),
        &number(req.ceiling),
        req.flare_plan.as_deref().unwrap_or_default(),
    )?;
    let nonce = api_nonce(req.nonce)?;
    let created = app.store.create_goal(user.id, &nonce, &new, today).await?;
    let support = app
        .support
        .read(&[&new.activity, &new.flare_plan])
        .await
        .map(|level| SupportView::new(&app.config, &viewer.tr, level, Audience::OnlyYou));
    let goal = view(&app, &user, created.id).await?;
    Ok((StatusCode::CREATED, Json(GoalCreated { goal, support })))
}

#[derive(Serialize, ToSchema)]
pub struct GoalDayView {
    day: NaiveDate,
    /// The day's step; `null` for baseline days, before the plan started.
    step: Option<u32>,
    done: Option<u32>,
    paused: bool,
}

#[derive(Serialize, ToSchema)]
pub struct GoalDetail {
    goal: GoalView,
    /// Every day with something recorded before the plan, then every day of the plan.
    days: Vec<GoalDayView>,
}

/// One goal with its baseline days and every day of its plan.
#[utoipa::path(get, path = "/api/v1/goals/{id}", tag = "goals", operation_id = "get_goal",
    params(("id" = i64, Path)),
    responses((status = 200, body = GoalDetail), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn get(
    State(app): State<AppState>,
    Member { user, today, .. }: Member,
    Path(id): Path<GoalId>,
) -> AppResult<Json<GoalDetail>> {
    let all = goals::on_day(&app.store, user.id, today).await?;
    let g = all.iter().find(|g| g.goal.id == id).ok_or(AppError::NotFound)?;
    Ok(Json(detail(&app, user.id, g, today).await?))
}

async fn detail(app: &AppState, user: UserId, g: &GoalOnDay, today: NaiveDate) -> AppResult<GoalDetail> {
    let stored = &g.goal;
    let steps = app.store.goal_steps(user, stored.id).await?;
    let mut days: Vec<GoalDayView> = steps
        .iter()
        .filter(|(d, _)| stored.started_on.is_none_or(|s| *d < s))
        .map(|(day, a)| GoalDayView { day: *day, step: None, done: Some(*a), paused: false })
        .collect();
    if let Some(plan) = stored.plan() {
        days.extend(days_of_plan(&plan, &steps, today).into_iter().map(|d| GoalDayView {
            day: d.day,
            step: Some(d.target),
            done: d.done,
            paused: d.paused,
        }));
    }
    Ok(GoalDetail { goal: GoalView::of(g), days })
}

/// Every goal of the member with its days, for the data archive.
pub(super) async fn all(app: &AppState, user: &foothold_store::User) -> AppResult<Vec<GoalDetail>> {
    let today = app.today(user);
    let user = user.id;
    let mut out = Vec::new();
    for g in goals::on_day(&app.store, user, today).await? {
        out.push(detail(app, user, &g, today).await?);
    }
    Ok(out)
}

#[derive(Deserialize, ToSchema)]
pub struct DayRequest {
    /// How much was done; `null` takes the day back.
    #[schema(maximum = 10000)]
    amount: Option<u32>,
}

/// Records what you did of a goal on a day (today or earlier), and tags its strategy that day.
#[utoipa::path(put, path = "/api/v1/goals/{id}/days/{day}", tag = "goals", operation_id = "record_goal_day",
    params(("id" = i64, Path), ("day" = NaiveDate, Path)), request_body = DayRequest,
    responses((status = 200, body = GoalView), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn record(
    State(app): State<AppState>,
    Member { user, today, .. }: Member,
    Path((id, day)): Path<(GoalId, String)>,
    Json(req): Json<DayRequest>,
) -> AppResult<Json<GoalView>> {
    let goal = app.store.goal(user.id, id).await?;
    let day = parse_day(&day, today)?;
    if let Some(a) = req.amount {
        goal::check_amount(a)?;
    }
    goals::record(&app.store, user.id, &goal, day, req.amount).await?;
    Ok(Json(view(&app, &user, id).await?))
}

#[derive(Deserialize, ToSchema)]
pub struct GoalAction {
    /// `start` (from the recorded days), `pause` (a flare), `resume`, `resume-back` (a week
    /// back) or `end`.
    #[schema(schema_with = goal_actions)]
    action: String,
}

fn goal_actions() -> utoipa::openapi::schema::Object {
    schema::choice(["start", "pause", "resume", "resume-back", "end"])
}

/// Starts, pauses, resumes or ends a goal's plan, today.
#[utoipa::path(post, path = "/api/v1/goals/{id}/actions", tag = "goals", operation_id = "act_on_goal",
    params(("id" = i64, Path)), request_body = GoalAction,
    responses((status = 200, body = GoalView), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn act(
    State(app): State<AppState>,
    Member { user, today, .. }: Member,
    Path(id): Path<GoalId>,
    Json(req): Json<GoalAction>,
) -> AppResult<Json<GoalView>> {
    let goal = app.store.goal(user.id, id).await?;
    match req.action.as_str() {
        "start" => goals::start(&app.store, user.id, &goal, today).await.map(|_| ())?,
        "pause" => app.store.pause_goal(user.id, id, today).await.map(|_| ())?,
        "resume" => app.store.resume_goal(user.id, id, today, false).await.map(|_| ())?,
        "resume-back" => app.store.resume_goal(user.id, id, today, true).await.map(|_| ())?,
        "end" => app.store.end_goal(user.id, id, today).await.map(|_| ())?,
        _ => return Err(foothold_core::Invalid::one("action", "goal-action").into()),
    }
    Ok(Json(view(&app, &user, id).await?))
}
