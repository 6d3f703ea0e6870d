//! Check-ins and strategies in the JSON API. Saving goes through the same
//! `diary::save` as the HTML form, so both validate identically.

use super::ErrorBody;
use super::Json;
use crate::auth::{Member, Viewer};
use crate::diary::{self, strategy_name, Submitted, SCORE_FIELDS};
use crate::error::{AppError, AppResult};
use crate::support::SupportView;
use crate::AppState;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use chrono::{DateTime, NaiveDate, Utc};
use foothold_core::checkin::{self, Ratings, Score};
use foothold_core::Invalid;
use foothold_store::{CheckIn, Strategy};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// The longest range one request may list (ten years).
const MAX_RANGE_DAYS: i64 = 3_660;

/// A day's ratings, 0–10 each, null when not recorded.
#[derive(Serialize, ToSchema)]
pub struct RatingsView {
    pain: Option<u8>,
    peg_pain: Option<u8>,
    peg_enjoyment: Option<u8>,
    peg_activity: Option<u8>,
    mood: Option<u8>,
    sleep: Option<u8>,
    control: Option<u8>,
    /// Mean of the three PEG items, when all three were given.
    peg: Option<f64>,
}

impl From<Ratings> for RatingsView {
    fn from(r: Ratings) -> Self {
        let v = |s: Option<Score>| s.map(Score::value);
        Self {
            pain: v(r.pain),
            peg_pain: v(r.peg_pain),
            peg_enjoyment: v(r.peg_enjoyment),
            peg_activity: v(r.peg_activity),
            mood: v(r.mood),
            sleep: v(r.sleep),
            control: v(r.control),
            peg: r.peg(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct CheckInView {
    day: NaiveDate,
    #[serde(flatten)]
    ratings: RatingsView,
    note: Option<String>,
    /// The member marked the day as a flare.
    flare: bool,
    /// Ids of the strategies tagged that day.
    strategies: Vec<i64>,
    /// Send this back when editing; a save against an older version gets 409.
    version: i64,
    updated_at: DateTime<Utc>,
}

impl From<CheckIn> for CheckInView {
    fn from(c: CheckIn) -> Self {
        Self {
            day: c.day,
            ratings: c.ratings.into(),
            note: c.note,
            flare: c.flare,
            strategies: c.strategies.iter().map(|s| s.0).collect(),
            version: c.version,
            updated_at: c.updated_at,
        }
    }
}

/// One day's check-in, with the support what its note asks for.
#[derive(Serialize, ToSchema)]
pub struct DayView {
    #[serde(flatten)]
    checkin: CheckInView,
    /// Null, or crisis resources in the member's language when the note uses crisis language
    /// (`acute`: the emergency number first). Only the member ever sees it.
    support: Option<SupportView>,
}

impl DayView {
    async fn new(app: &AppState, viewer: &Viewer, c: CheckIn) -> Self {
        let level = match c.note.as_deref() {
            Some(note) => app.support.read(&[note]).await,
            None => None,
        };
        let support =
            level.map(|l| SupportView::new(&app.config, &viewer.tr, l, crate::support::Audience::OnlyYou));
        Self { checkin: c.into(), support }
    }
}

/// A day's check-in as sent. Every rating is optional (null or absent = skipped).
#[derive(Deserialize, ToSchema)]
pub struct CheckInRequest {
    #[schema(value_type = Option<i64>, minimum = 0, maximum = 10)]
    pain: Option<serde_json::Number>,
    #[schema(value_type = Option<i64>, minimum = 0, maximum = 10)]
    peg_pain: Option<serde_json::Number>,
    #[schema(value_type = Option<i64>, minimum = 0, maximum = 10)]
    peg_enjoyment: Option<serde_json::Number>,
    #[schema(value_type = Option<i64>, minimum = 0, maximum = 10)]
    peg_activity: Option<serde_json::Number>,
    #[schema(value_type = Option<i64>, minimum = 0, maximum = 10)]
    mood: Option<serde_json::Number>,
    #[schema(value_type = Option<i64>, minimum = 0, maximum = 10)]
    sleep: Option<serde_json::Number>,
    #[schema(value_type = Option<i64>, minimum = 0, maximum = 10)]
    control: Option<serde_json::Number>,
    #[serde(default)]
    #[schema(max_length = 5000)]
    note: Option<String>,
    /// "Today is a flare"; absent is false, as an unticked box is.
    #[serde(default)]
    flare: bool,
    #[serde(default)]
    strategies: Vec<i64>,
    /// Null to create the day's check-in; the current version to replace it.
    #[serde(default)]
    version: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct StrategyView {
    id: i64,
    /// In the member's language.
    name: String,
    /// For built-in strategies, their stable key (e.g. `walk`).
    builtin_key: Option<String>,
    category: String,
    archived: bool,
    tracked_from: NaiveDate,
    /// Days on which it was tagged.
    uses: i64,
}

pub(super) fn strategy_view(tr: &crate::i18n::Tr, s: Strategy) -> StrategyView {
    StrategyView {
        name: strategy_name(tr, &s),
        id: s.id.0,
        builtin_key: s.builtin_key,
        category: s.category.as_str().to_owned(),
        archived: s.archived,
        tracked_from: s.tracked_from,
        uses: s.uses,
    }
}

#[derive(Deserialize, ToSchema)]
pub struct StrategyRequest {
    /// 1–60 characters, no `;`.
    #[schema(pattern = r"^[^;]*\S[^;]*$", max_length = 60)]
    name: String,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct Range {
    /// First day, `YYYY-MM-DD`.
    from: NaiveDate,
    /// Last day (inclusive).
    to: NaiveDate,
}

/// Your strategies, most used first (built-in ones included).
#[utoipa::path(get, path = "/api/v1/strategies", tag = "diary",
    responses((status = 200, body = [StrategyView]), (status = 401, body = ErrorBody)), security(("token" = []), ("session" = [])))]
pub async fn strategies(
    State(app): State<AppState>,
    Member { user, viewer, today }: Member,
) -> AppResult<Json<Vec<StrategyView>>> {
    app.store.ensure_builtin_strategies(user.id, today).await?;
    let list = app.store.strategies(user.id).await?;
    Ok(Json(list.into_iter().map(|s| strategy_view(&viewer.tr, s)).collect()))
}

/// Add a strategy of your own.
#[utoipa::path(post, path = "/api/v1/strategies", tag = "diary", request_body = StrategyRequest,
    responses((status = 201, body = StrategyView), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn create_strategy(
    State(app): State<AppState>,
    Member { user, viewer, today }: Member,
    Json(req): Json<StrategyRequest>,
) -> AppResult<(StatusCode, Json<StrategyView>)> {
    let name = checkin::parse_strategy_name(&req.name)?;
    let created = app.store.create_strategy(user.id, &name, today).await?;
    Ok((StatusCode::CREATED, Json(strategy_view(&viewer.tr, created))))
}

/// Your check-ins in a date range, oldest first.
#[utoipa::path(get, path = "/api/v1/checkins", tag = "diary", operation_id = "list_checkins", params(Range),
    responses((status = 200, body = [CheckInView]), (status = 422, body = ErrorBody)), security(("token" = []), ("session" = [])))]
pub async fn list(
    State(app): State<AppState>,
    Member { user, .. }: Member,
    Query(r): Query<Range>,
) -> AppResult<Json<Vec<CheckInView>>> {
    if r.to < r.from || (r.to - r.from).num_days() > MAX_RANGE_DAYS {
        return Err(Invalid::one("to", "range-invalid").into());
    }
    let list = app.store.checkins(user.id, r.from, r.to).await?;
    Ok(Json(list.into_iter().map(CheckInView::from).collect()))
}

/// One day's check-in.
#[utoipa::path(get, path = "/api/v1/checkins/{day}", tag = "diary", params(("day" = NaiveDate, Path)),
    responses((status = 200, body = DayView), (status = 404, body = ErrorBody)), security(("token" = []), ("session" = [])))]
pub async fn get_day(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(day): Path<NaiveDate>,
) -> AppResult<Json<DayView>> {
    let found = app.store.checkin(user.id, day).await?.ok_or(AppError::NotFound)?;
    Ok(Json(DayView::new(&app, &viewer, found).await))
}

/// Create or replace one day's check-in.
#[utoipa::path(put, path = "/api/v1/checkins/{day}", tag = "diary", params(("day" = NaiveDate, Path)), request_body = CheckInRequest,
    responses((status = 200, body = DayView), (status = 409, body = ErrorBody, description = "Saved elsewhere since you read it"),
              (status = 422, body = ErrorBody)), security(("token" = []), ("session" = [])))]
pub async fn put_day(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(day): Path<String>,
    Json(req): Json<CheckInRequest>,
) -> AppResult<Json<DayView>> {
    let values =
        [req.pain, req.peg_pain, req.peg_enjoyment, req.peg_activity, req.mood, req.sleep, req.control];
    let mut scores = SCORE_FIELDS.map(|f| (f, String::new()));
    for (slot, v) in scores.iter_mut().zip(values) {
        slot.1 = v.map(|n| n.to_string()).unwrap_or_default();
    }
    let form = Submitted {
        day,
        scores,
        strategies: req.strategies.iter().map(ToString::to_string).collect(),
        new_strategy: String::new(),
        note: req.note.unwrap_or_default(),
        flare: req.flare,
        version: req.version.map(|v| v.to_string()).unwrap_or_default(),
        followed: Vec::new(),
        goal_amounts: Vec::new(),
    };
    let saved = diary::save(&app.store, &app.clock, &user, &form).await?;
    app.insights.changed(&app.store, user.id, &viewer.tr);
    Ok(Json(DayView::new(&app, &viewer, saved).await))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct VersionQuery {
    /// The version being deleted.
    version: i64,
}

/// Delete one day's check-in (at the version you last read).
#[utoipa::path(delete, path = "/api/v1/checkins/{day}", tag = "diary", params(("day" = NaiveDate, Path), VersionQuery),
    responses((status = 204), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)), security(("token" = []), ("session" = [])))]
pub async fn delete_day(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(day): Path<NaiveDate>,
    Query(q): Query<VersionQuery>,
) -> AppResult<StatusCode> {
    app.store.delete_checkin(user.id, day, q.version).await?;
    app.insights.changed(&app.store, user.id, &viewer.tr);
    Ok(StatusCode::NO_CONTENT)
}

/// A day of the exported diary in JSON: the CSV's columns, plus the PEG score.
#[derive(Serialize, ToSchema)]
pub struct ExportedDay {
    date: NaiveDate,
    #[serde(flatten)]
    ratings: RatingsView,
    /// Built-in strategies by key, the member's own by name.
    strategies: Vec<String>,
    note: Option<String>,
    flare: bool,
}

fn attachment(name: &str) -> String {
    format!("attachment; filename=\"foothold-diary-{}.{name}\"", Utc::now().date_naive())
}

/// Your whole diary in Foothold's CSV exchange format (docs/DIARY-CSV.md).
#[utoipa::path(get, path = "/api/v1/diary.csv", tag = "diary",
    responses((status = 200, content_type = "text/csv", body = String)), security(("token" = []), ("session" = [])))]
pub async fn export_csv(
    State(app): State<AppState>,
    Member { user, .. }: Member,
) -> AppResult<axum::response::Response> {
    use axum::response::IntoResponse;
    let out = csv(&app.store.export_diary(user.id).await?)?;
    let headers = [
        (axum::http::header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
        (axum::http::header::CONTENT_DISPOSITION, attachment("csv")),
    ];
    Ok((headers, out).into_response())
}

/// Your whole diary as JSON.
#[utoipa::path(get, path = "/api/v1/diary.json", tag = "diary",
    responses((status = 200, body = [ExportedDay])), security(("token" = []), ("session" = [])))]
pub async fn export_json(
    State(app): State<AppState>,
    Member { user, .. }: Member,
) -> AppResult<axum::response::Response> {
    use axum::response::IntoResponse;
    let days = json_days(app.store.export_diary(user.id).await?);
    Ok(([(axum::http::header::CONTENT_DISPOSITION, attachment("json"))], Json(days)).into_response())
}

/// The diary in the CSV exchange format (also in the data archive).
pub(super) fn csv(rows: &[foothold_core::diary_csv::DiaryRow]) -> AppResult<Vec<u8>> {
    let mut out = Vec::new();
    foothold_core::diary_csv::write(rows, &mut out).map_err(|e| {
        tracing::error!(error = %e, "CSV export failed");
        AppError::Internal
    })?;
    Ok(out)
}

/// The diary as JSON days (also in the data archive).
pub(super) fn json_days(rows: Vec<foothold_core::diary_csv::DiaryRow>) -> Vec<ExportedDay> {
    rows.into_iter()
        .map(|r| ExportedDay {
            date: r.date,
            ratings: r.ratings.into(),
            strategies: r.strategies,
            note: r.note,
            flare: r.flare,
        })
        .collect()
}
