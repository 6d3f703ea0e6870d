//! Sharing in the JSON API: the member's shares and access log, and the clinician's side
//! (`/api/v1/clinician/…`). The same rules as the pages (`crate::shares`).

use super::Json;
use super::{schema, ErrorBody};
use crate::auth::Member;
use crate::error::AppResult;
use crate::shares;
use crate::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use chrono::{DateTime, NaiveDate, Utc};
use foothold_core::share::{parse_share, Scope, ShareId};
use foothold_store::Share;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct ShareView {
    #[schema(value_type = i64)]
    id: ShareId,
    /// The member who shared.
    member: String,
    /// Who redeemed the code; `null` before that.
    clinician: Option<String>,
    /// `diary`, `questionnaires`, `thoughts`.
    scopes: Vec<&'static str>,
    from: NaiveDate,
    to: NaiveDate,
    /// The last day it can be seen.
    until: NaiveDate,
    /// The clinician may leave notes and suggestions.
    coaching: bool,
    created_at: DateTime<Utc>,
    redeemed: bool,
    revoked: bool,
}

fn share_view(s: &Share) -> ShareView {
    ShareView {
        id: s.id,
        member: s.member.clone(),
        clinician: s.clinician.clone(),
        scopes: s.scopes.iter().map(|s| s.as_str()).collect(),
        from: s.from,
        to: s.to,
        until: s.until,
        coaching: s.coaching,
        created_at: s.created_at,
        redeemed: s.redeemed,
        revoked: s.revoked,
    }
}

/// Your shares, newest first.
#[utoipa::path(get, path = "/api/v1/shares", tag = "sharing", operation_id = "list_shares",
    responses((status = 200, body = Vec<ShareView>), (status = 401, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn list(
    State(app): State<AppState>,
    Member { user, .. }: Member,
) -> AppResult<Json<Vec<ShareView>>> {
    Ok(Json(share_views(&app.store.member_shares(user.id).await?)))
}

#[derive(Deserialize, ToSchema)]
pub struct ShareRequest {
    #[schema(schema_with = schema::some_of::<Scope>)]
    scopes: Vec<String>,
    /// The days shown (at most three years, ending no later than today).
    #[schema(value_type = NaiveDate)]
    from: String,
    #[schema(value_type = NaiveDate)]
    to: String,
    /// The last day the clinician can see it (today to a year ahead).
    #[schema(value_type = NaiveDate)]
    until: String,
    /// Let the clinician leave notes and suggest a skill or an experiment.
    #[serde(default)]
    coaching: bool,
}

#[derive(Serialize, ToSchema)]
pub struct MadeShare {
    share: ShareView,
    /// The one-time code for the clinician, shown only in this answer.
    code: String,
}

/// Makes a share and its one-time code.
#[utoipa::path(post, path = "/api/v1/shares", tag = "sharing", operation_id = "create_share", request_body = ShareRequest,
    responses((status = 201, body = MadeShare), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn create(
    State(app): State<AppState>,
    Member { user, today, .. }: Member,
    Json(req): Json<ShareRequest>,
) -> AppResult<(StatusCode, Json<MadeShare>)> {
    let scopes: Vec<&str> = req.scopes.iter().map(String::as_str).collect();
    let new = parse_share(&scopes, &req.from, &req.to, &req.until, req.coaching, today)?;
    let (share, code) = shares::create(&app, &user, &new).await?;
    Ok((StatusCode::CREATED, Json(MadeShare { share: share_view(&share), code })))
}

/// Stops a share at once.
#[utoipa::path(delete, path = "/api/v1/shares/{id}", tag = "sharing", operation_id = "stop_share",
    params(("id" = i64, Path,)),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn stop(
    State(app): State<AppState>,
    Member { user, .. }: Member,
    Path(id): Path<ShareId>,
) -> AppResult<StatusCode> {
    app.store.revoke_share(user.id, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Serialize, ToSchema)]
pub struct LogLine {
    clinician: String,
    /// The part of the share that was seen: `diary`, `questionnaires`, `thoughts`.
    what: String,
    at: DateTime<Utc>,
}

/// Who looked at what you shared, and when (newest first, the last 1,000).
#[utoipa::path(get, path = "/api/v1/shares/log", tag = "sharing", operation_id = "share_log",
    responses((status = 200, body = Vec<LogLine>), (status = 401, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn log(State(app): State<AppState>, Member { user, .. }: Member) -> AppResult<Json<Vec<LogLine>>> {
    let lines = app.store.share_views(user.id, 1_000).await?;
    Ok(Json(lines.into_iter().map(|v| LogLine { clinician: v.clinician, what: v.what, at: v.at }).collect()))
}

#[derive(Deserialize, ToSchema)]
pub struct RedeemRequest {
    /// The member's code, with or without hyphens.
    code: String,
}

/// A clinician opens a share with the member's one-time code. 403 for an account that is
/// not a clinician; 422 for a code that opens nothing.
#[utoipa::path(post, path = "/api/v1/clinician/shares", tag = "sharing", operation_id = "redeem_share", request_body = RedeemRequest,
    responses((status = 200, body = ShareView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody), (status = 429, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn redeem(
    State(app): State<AppState>,
    Member { user, .. }: Member,
    Json(req): Json<RedeemRequest>,
) -> AppResult<Json<ShareView>> {
    Ok(Json(share_view(&shares::redeem(&app, &user, &req.code).await?)))
}

/// The shares you, a clinician, may see today.
#[utoipa::path(get, path = "/api/v1/clinician/shares", tag = "sharing", operation_id = "clinician_shares",
    responses((status = 200, body = Vec<ShareView>), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn shared_with_me(
    State(app): State<AppState>,
    Member { user, today, .. }: Member,
) -> AppResult<Json<Vec<ShareView>>> {
    shares::require_clinician(&app, &user).await?;
    Ok(Json(app.store.clinician_shares(user.id, today).await?.iter().map(share_view).collect()))
}

#[derive(Serialize, ToSchema)]
pub struct SharedDayView {
    day: NaiveDate,
    pain: Option<u8>,
    peg: Option<f64>,
    mood: Option<u8>,
    sleep: Option<u8>,
    control: Option<u8>,
}

#[derive(Serialize, ToSchema)]
pub struct ScoreView {
    questionnaire: String,
    authored: DateTime<Utc>,
    score: f64,
    band: Option<String>,
    /// `better`, `worse`, `steady`, or `null` for the first.
    change: Option<&'static str>,
}

#[derive(Serialize, ToSchema)]
pub struct ThoughtView {
    day: NaiveDate,
    situation: Option<String>,
    thought: Option<String>,
    alternative: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct SharedView {
    share: ShareView,
    /// Present when the member shared their diary ratings.
    diary: Option<Vec<SharedDayView>>,
    questionnaires: Option<Vec<ScoreView>>,
    thoughts: Option<Vec<ThoughtView>>,
}

/// What one member shared with you, read-only; the view is written to their access log.
#[utoipa::path(get, path = "/api/v1/clinician/shares/{id}", tag = "sharing", operation_id = "clinician_share",
    params(("id" = i64, Path,)),
    responses((status = 200, body = SharedView), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn shared(
    State(app): State<AppState>,
    Member { user, .. }: Member,
    Path(id): Path<ShareId>,
) -> AppResult<Json<SharedView>> {
    let share = shares::open(&app, &user, id).await?;
    let shown = shares::shown(&app, &user, &share).await?;
    let score = |s: Option<foothold_core::checkin::Score>| s.map(|s| s.value());
    Ok(Json(SharedView {
        share: share_view(&share),
        diary: shown.diary.map(|days| {
            days.iter()
                .map(|d| SharedDayView {
                    day: d.day,
                    pain: score(d.ratings.pain),
                    peg: d.ratings.peg(),
                    mood: score(d.ratings.mood),
                    sleep: score(d.ratings.sleep),
                    control: score(d.ratings.control),
                })
                .collect()
        }),
        questionnaires: shown.questionnaires.map(|all| {
            all.iter()
                .flat_map(|(q, points)| {
                    points.iter().map(|p| ScoreView {
                        questionnaire: q.id.clone(),
                        authored: p.response.authored,
                        score: p.score,
                        band: p.band.clone(),
                        change: p.trend.map(super::questionnaires::trend_name),
                    })
                })
                .collect()
        }),
        thoughts: shown.thoughts.map(|records| {
            records
                .into_iter()
                .map(|t| ThoughtView {
                    day: t.day,
                    situation: t.situation,
                    thought: t.thought,
                    alternative: t.alternative,
                })
                .collect()
        }),
    }))
}

/// Your visit summary for the days you choose, as a PDF (one page, two at most): pain and PEG
/// with a chart, questionnaire scores with meaningful change, what goes with better days,
/// kept experiment results and your questions.
#[utoipa::path(get, path = "/api/v1/report.pdf", tag = "sharing", operation_id = "visit_summary",
    params(crate::report::PeriodQuery),
    responses((status = 200, content_type = "application/pdf"), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn report(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    axum::extract::Query(query): axum::extract::Query<crate::report::PeriodQuery>,
) -> AppResult<axum::response::Response> {
    crate::report::download(&app, &viewer, &user, &query).await
}

#[derive(Serialize, ToSchema)]
pub struct CoachingView {
    id: i64,
    #[schema(value_type = i64)]
    share: ShareId,
    clinician: String,
    /// `note`, `skill`, `experiment` or `goal`.
    kind: &'static str,
    body: String,
    /// The skill's slug (`/skills/{slug}`), for a skill.
    skill: Option<String>,
    /// What to test, and on which outcome, for an experiment; a goal's activity.
    strategy: Option<String>,
    outcome: Option<&'static str>,
    /// A goal's unit.
    unit: Option<&'static str>,
    /// `open`, `accepted` or `declined`.
    status: String,
    created_at: DateTime<Utc>,
}

/// The kinds of suggestion a clinician can make (`Suggestion`'s, by name).
fn coaching_kinds() -> utoipa::openapi::schema::Object {
    schema::choice(["note", "skill", "experiment", "goal"])
}

fn coaching_view(c: &foothold_store::Coaching) -> CoachingView {
    use foothold_core::share::Suggestion;
    let (kind, body, skill, strategy, outcome, unit) = match &c.suggestion {
        Suggestion::Note { body } => ("note", body.clone(), None, None, None, None),
        Suggestion::Skill { slug, body } => ("skill", body.clone(), Some(slug.clone()), None, None, None),
        Suggestion::Experiment { strategy, outcome, body } => {
            ("experiment", body.clone(), None, Some(strategy.clone()), Some(outcome.as_str()), None)
        }
        Suggestion::Goal { activity, unit, body } => {
            ("goal", body.clone(), None, Some(activity.clone()), None, Some(unit.as_str()))
        }
    };
    CoachingView {
        id: c.id,
        share: c.share_id,
        clinician: c.clinician.clone(),
        kind,
        body,
        skill,
        strategy,
        outcome,
        unit,
        status: c.status.clone(),
        created_at: c.created_at,
    }
}

/// Notes and suggestions your clinicians left, newest first.
#[utoipa::path(get, path = "/api/v1/shares/coaching", tag = "sharing", operation_id = "my_coaching",
    responses((status = 200, body = Vec<CoachingView>), (status = 401, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn my_coaching(
    State(app): State<AppState>,
    Member { user, .. }: Member,
) -> AppResult<Json<Vec<CoachingView>>> {
    Ok(Json(coaching_views(&app.store.member_coaching(user.id).await?)))
}

#[derive(Deserialize, ToSchema)]
pub struct CoachingAnswer {
    /// Take the suggestion up (`true`) or say no (`false`). Nothing starts by itself: plan
    /// the experiment or open the skill afterwards.
    accept: bool,
}

/// Answers an open suggestion, once.
#[utoipa::path(put, path = "/api/v1/shares/coaching/{id}", tag = "sharing", operation_id = "answer_coaching",
    params(("id" = i64, Path,)), request_body = CoachingAnswer,
    responses((status = 204), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn answer_coaching(
    State(app): State<AppState>,
    Member { user, .. }: Member,
    Path(id): Path<i64>,
    Json(req): Json<CoachingAnswer>,
) -> AppResult<StatusCode> {
    app.store.answer_coaching(user.id, id, req.accept).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
pub struct CoachingRequest {
    #[schema(schema_with = coaching_kinds)]
    kind: String,
    /// The note, or why you suggest it (at most 2,000 characters).
    #[serde(default)]
    body: String,
    /// A skill's slug, for a skill.
    #[serde(default)]
    skill: String,
    /// What to test and on which outcome (`pain`, `peg`, `mood`, `sleep`), for an experiment;
    /// for a goal, its activity.
    #[serde(default)]
    strategy: String,
    #[serde(default)]
    outcome: String,
    /// A goal's unit: `minutes`, `pages`, `times`, `repetitions` or `metres`.
    #[serde(default)]
    unit: String,
}

/// A clinician leaves a note or suggestion on a share whose member allowed coaching (403
/// otherwise).
#[utoipa::path(post, path = "/api/v1/clinician/shares/{id}/coaching", tag = "sharing", operation_id = "coach",
    params(("id" = i64, Path,)), request_body = CoachingRequest,
    responses((status = 201), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn coach(
    State(app): State<AppState>,
    Member { user, .. }: Member,
    Path(id): Path<ShareId>,
    Json(req): Json<CoachingRequest>,
) -> AppResult<StatusCode> {
    let s = app.library.parse_suggestion(
        &req.kind,
        &req.body,
        &req.skill,
        (&req.strategy, &req.outcome, &req.unit),
    )?;
    shares::coach(&app, &user, id, &s).await?;
    Ok(StatusCode::CREATED)
}

/// Shares as the API and the data archive show them.
pub(super) fn share_views(shares: &[Share]) -> Vec<ShareView> {
    shares.iter().map(share_view).collect()
}

/// Coaching as the API and the data archive show it.
pub(super) fn coaching_views(items: &[foothold_store::Coaching]) -> Vec<CoachingView> {
    items.iter().map(coaching_view).collect()
}
