//! Group sessions in the JSON API: the same rules as the pages (`crate::group_sessions`).

use super::community::api_nonce;
use super::ErrorBody;
use super::Json;
use crate::auth::Member;
use crate::community;
use crate::error::AppResult;
use crate::group_sessions as service;
use crate::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Utc};
use foothold_core::community::access::Action;
use foothold_core::group_sessions::{parse_session, weekday_name, SessionForm};
use foothold_store::{GroupSession, GroupSessionId, Rsvp};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct SessionView {
    id: i64,
    title: String,
    about: String,
    /// How to take part sitting down.
    seated: String,
    /// How to take part standing up.
    standing: String,
    /// Local wall time of the first session, in `time_zone`.
    #[schema(value_type = String)]
    start: NaiveDateTime,
    time_zone: String,
    minutes: u16,
    /// Repeat days (`mo` … `su`); empty for a one-off.
    weekdays: Vec<&'static str>,
    until: Option<NaiveDate>,
    count: Option<u32>,
    /// Local dates without a session.
    except: Vec<NaiveDate>,
    /// The RFC 5545 RRULE the calendar feeds carry.
    rrule: Option<String>,
    capacity: Option<u32>,
    /// A place, or a video link.
    place: String,
    cancelled: bool,
    /// Raised with every change (iCalendar SEQUENCE).
    sequence: u32,
    going: i64,
    waiting: i64,
    /// The next starts (up to 5), UTC.
    next: Vec<DateTime<Utc>>,
    /// You: `going`, `waiting` or null (only on a single session).
    mine: Option<&'static str>,
}

fn view(s: GroupSession, mine: Option<Rsvp>) -> SessionView {
    let now = Utc::now();
    let schedule = &s.plan.schedule;
    let next = schedule.occurrences(now, now + Duration::days(400)).into_iter().take(5).collect();
    let repeat = schedule.repeat.clone();
    SessionView {
        id: s.id.0,
        rrule: schedule.rrule(),
        start: schedule.start,
        time_zone: schedule.time_zone.name().to_owned(),
        minutes: schedule.minutes,
        weekdays: repeat
            .as_ref()
            .map(|r| r.weekdays.iter().map(|d| weekday_name(*d)).collect())
            .unwrap_or_default(),
        until: repeat.as_ref().and_then(|r| r.until),
        count: repeat.as_ref().and_then(|r| r.count),
        except: repeat.map(|r| r.except).unwrap_or_default(),
        next,
        title: s.plan.title,
        about: s.plan.about,
        seated: s.plan.seated,
        standing: s.plan.standing,
        capacity: s.plan.capacity,
        place: s.plan.place,
        cancelled: s.cancelled,
        sequence: s.sequence,
        going: s.going,
        waiting: s.waiting,
        mine: mine.map(status),
    }
}

fn status(r: Rsvp) -> &'static str {
    match r {
        Rsvp::Going => "going",
        Rsvp::Waiting => "waiting",
    }
}

/// The group's sessions, cancelled ones included.
#[utoipa::path(get, path = "/api/v1/groups/{slug}/sessions", tag = "sessions", operation_id = "list_sessions", params(("slug" = String, Path)),
    responses((status = 200, body = Vec<SessionView>), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn list(
    State(app): State<AppState>,
    Member { viewer, .. }: Member,
    Path(slug): Path<String>,
) -> AppResult<Json<Vec<SessionView>>> {
    let place = community::place(&app, viewer.user(), &slug).await?;
    place.require(Action::Read)?;
    let all = app.store.group_sessions(place.group.id).await?;
    Ok(Json(all.into_iter().map(|s| view(s, None)).collect()))
}

#[derive(Deserialize, ToSchema, Default)]
#[serde(default)]
pub struct SessionRequest {
    /// Any unique string per session: sending the same one again returns the first.
    nonce: Option<String>,
    title: String,
    about: String,
    seated: String,
    standing: String,
    /// `YYYY-MM-DD`, local.
    date: String,
    /// `HH:MM`, local.
    time: String,
    /// IANA name, e.g. `Europe/London`.
    time_zone: String,
    minutes: String,
    /// Repeat days (`mo` … `su`); none for a one-off. The first date must be one of them.
    weekdays: Vec<String>,
    until: String,
    count: String,
    /// Dates without a session, comma-separated.
    except: String,
    capacity: String,
    place: String,
}

#[derive(Serialize, ToSchema)]
pub struct Planned {
    id: i64,
}

/// Plans a session (hosts and moderators of the group). 201.
#[utoipa::path(post, path = "/api/v1/groups/{slug}/sessions", tag = "sessions", operation_id = "create_session", params(("slug" = String, Path)), request_body = SessionRequest,
    responses((status = 201, body = Planned), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn create(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(slug): Path<String>,
    Json(r): Json<SessionRequest>,
) -> AppResult<(StatusCode, Json<Planned>)> {
    let place = community::place(&app, viewer.user(), &slug).await?;
    place.require(Action::Moderate)?;
    let form = SessionForm {
        title: &r.title,
        about: &r.about,
        seated: &r.seated,
        standing: &r.standing,
        date: &r.date,
        time: &r.time,
        time_zone: &r.time_zone,
        minutes: &r.minutes,
        capacity: &r.capacity,
        place: &r.place,
        until: &r.until,
        count: &r.count,
        except: &r.except,
    };
    let weekdays: Vec<&str> = r.weekdays.iter().map(String::as_str).collect();
    let new = parse_session(&form, &weekdays)?;
    let id = service::plan(&app, &user, &place, &api_nonce(r.nonce.clone())?, &new).await?;
    Ok((StatusCode::CREATED, Json(Planned { id: id.0 })))
}

/// One session, with whether you are coming.
#[utoipa::path(get, path = "/api/v1/sessions/{id}", tag = "sessions", operation_id = "get_session", params(("id" = i64, Path)),
    responses((status = 200, body = SessionView), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn get(
    State(app): State<AppState>,
    Member { user, .. }: Member,
    Path(id): Path<GroupSessionId>,
) -> AppResult<Json<SessionView>> {
    let (s, _, mine) = service::open(&app, &user, id).await?;
    Ok(Json(view(s, mine)))
}

#[derive(Serialize, ToSchema)]
pub struct RsvpView {
    /// `going`, or `waiting` when the session is full.
    status: &'static str,
}

/// Says you are coming: a place, or the waiting list when full.
#[utoipa::path(put, path = "/api/v1/sessions/{id}/rsvp", tag = "sessions", operation_id = "rsvp_session", params(("id" = i64, Path)),
    responses((status = 200, body = RsvpView), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn rsvp(
    State(app): State<AppState>,
    Member { user, .. }: Member,
    Path(id): Path<GroupSessionId>,
) -> AppResult<Json<RsvpView>> {
    let answer = service::rsvp(&app, &user, id, true).await?;
    Ok(Json(RsvpView { status: answer.map_or("going", status) }))
}

/// You are not coming after all; your place goes to the first who waits. 204.
#[utoipa::path(delete, path = "/api/v1/sessions/{id}/rsvp", tag = "sessions", operation_id = "cancel_rsvp", params(("id" = i64, Path)),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn unrsvp(
    State(app): State<AppState>,
    Member { user, .. }: Member,
    Path(id): Path<GroupSessionId>,
) -> AppResult<StatusCode> {
    service::rsvp(&app, &user, id, false).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
pub struct RatingRequest {
    /// Pain just before.
    #[schema(maximum = 10)]
    before: u8,
    /// Pain just after.
    #[schema(maximum = 10)]
    after: u8,
}

/// Your pain before and after the session of `day` (its local date, in the last 14 days);
/// "group exercise" is tagged on that day's check-in. 204.
#[utoipa::path(put, path = "/api/v1/sessions/{id}/ratings/{day}", tag = "sessions", operation_id = "rate_session", params(("id" = i64, Path), ("day" = String, Path)), request_body = RatingRequest,
    responses((status = 204), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn rate(
    State(app): State<AppState>,
    Member { user, .. }: Member,
    Path((id, day)): Path<(GroupSessionId, String)>,
    Json(r): Json<RatingRequest>,
) -> AppResult<StatusCode> {
    service::rate(&app, &user, id, &day, &r.before.to_string(), &r.after.to_string()).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Cancels every occurrence (hosts and moderators). 204.
#[utoipa::path(post, path = "/api/v1/sessions/{id}/cancel", tag = "sessions", operation_id = "cancel_session", params(("id" = i64, Path)),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn cancel(
    State(app): State<AppState>,
    Member { user, .. }: Member,
    Path(id): Path<GroupSessionId>,
) -> AppResult<StatusCode> {
    service::cancel(&app, &user, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
