//! Group sessions as pages, the API and the calendar feeds use them: who may plan, come to,
//! rate and cancel a session (asked of the group's access table), and the iCalendar text.

use crate::community::{self, Place};
use crate::error::{ServiceError, ServiceResult};
use crate::Services;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use foothold_core::community::access::Action;
use foothold_core::group_sessions::{calendar, Event, NewGroupSession, RATE_WITHIN_DAYS};
use foothold_core::Invalid;
use foothold_store::{GroupSession, GroupSessionId, Rsvp, User};

/// A session the viewer may see, their place in its group and whether they are coming.
pub async fn open(
    app: &Services,
    user: &User,
    id: GroupSessionId,
) -> ServiceResult<(GroupSession, Place, Option<Rsvp>)> {
    let (session, rsvp) = app.store.group_session(id, user.id).await?;
    let place = community::place_by_id(app, Some(user), session.group_id).await?;
    place.require(Action::Read)?;
    Ok((session, place, rsvp))
}

/// Plans a session: the group's hosts and moderators may.
pub async fn plan(
    app: &Services,
    user: &User,
    place: &Place,
    nonce: &str,
    new: &NewGroupSession,
) -> ServiceResult<GroupSessionId> {
    place.require(Action::Moderate)?;
    Ok(app.store.create_group_session(place.group.id, user.id, nonce, new).await?)
}

/// Changes a session's plan: the group's hosts and moderators may, while it is not cancelled.
pub async fn change(
    app: &Services,
    user: &User,
    id: GroupSessionId,
    seen: u32,
    new: &NewGroupSession,
) -> ServiceResult<()> {
    let (_, place, _) = open(app, user, id).await?;
    place.require(Action::Moderate)?;
    Ok(app.store.update_group_session(id, seen, new).await?)
}

/// Says the member is coming (a place, or the waiting list), or not coming after all.
pub async fn rsvp(
    app: &Services,
    user: &User,
    id: GroupSessionId,
    coming: bool,
) -> ServiceResult<Option<Rsvp>> {
    let (session, place, _) = open(app, user, id).await?;
    place.require(Action::Post)?;
    if coming {
        if session.cancelled {
            return Err(ServiceError::NotFound);
        }
        Ok(Some(app.store.rsvp(id, user.id).await?))
    } else {
        app.store.cancel_rsvp(id, user.id).await?;
        Ok(None)
    }
}

/// The local dates of the session's occurrences that began in the last
/// [`RATE_WITHIN_DAYS`] days, most recent first: the days an attendee can rate.
pub fn rateable_days(session: &GroupSession, now: DateTime<Utc>) -> Vec<NaiveDate> {
    let s = &session.plan.schedule;
    let mut days: Vec<NaiveDate> = s
        .occurrences(now - Duration::days(RATE_WITHIN_DAYS), now)
        .into_iter()
        .map(|t| t.with_timezone(&s.time_zone).date_naive())
        .collect();
    days.reverse();
    days
}

/// Pain before and after one occurrence, from an attendee; the day's check-in gets "group
/// exercise".
pub async fn rate(
    app: &Services,
    user: &User,
    id: GroupSessionId,
    day: &str,
    before: &str,
    after: &str,
) -> ServiceResult<()> {
    let (session, _, rsvp) = open(app, user, id).await?;
    if rsvp != Some(Rsvp::Going) {
        return Err(Invalid::one("day", "session-not-attending").into());
    }
    let score = |field: &'static str, v: &str| {
        v.trim().parse::<u8>().ok().filter(|n| *n <= 10).ok_or_else(|| Invalid::one(field, "score-range"))
    };
    let day_r = day
        .parse::<NaiveDate>()
        .ok()
        .filter(|d| rateable_days(&session, Utc::now()).contains(d))
        .ok_or_else(|| Invalid::one("day", "session-day"));
    let (day, (before, after)) =
        Invalid::both(day_r, Invalid::both(score("before", before), score("after", after)))?;
    app.store.rate_session(id, user.id, day, before, after).await?;
    Ok(())
}

/// Cancels every occurrence; hosts and moderators may.
pub async fn cancel(app: &Services, user: &User, id: GroupSessionId) -> ServiceResult<()> {
    let (_, place, _) = open(app, user, id).await?;
    place.require(Action::Moderate)?;
    Ok(app.store.cancel_group_session(id).await?)
}

/// Cancels one upcoming occurrence (its local date); for a one-off, the session.
pub async fn skip(app: &Services, user: &User, id: GroupSessionId, day: &str) -> ServiceResult<()> {
    let (session, place, _) = open(app, user, id).await?;
    place.require(Action::Moderate)?;
    let s = &session.plan.schedule;
    let now = Utc::now();
    let day = day
        .parse::<NaiveDate>()
        .ok()
        .filter(|d| {
            s.occurrences(now, now + Duration::days(400))
                .iter()
                .any(|t| t.with_timezone(&s.time_zone).date_naive() == *d)
        })
        .ok_or_else(|| Invalid::one("day", "session-day-upcoming"))?;
    match s.repeat {
        Some(_) => Ok(app.store.skip_occurrence(id, day).await?),
        None => Ok(app.store.cancel_group_session(id).await?),
    }
}

/// The sessions as one iCalendar file. UIDs carry the session's creation time as well as its
/// id, so two Foothold sites never share one.
pub fn ics(name: &str, sessions: &[GroupSession]) -> String {
    let uids: Vec<String> =
        sessions.iter().map(|s| format!("session-{}-{}@foothold", s.id, s.created_at.timestamp())).collect();
    let events: Vec<Event> = sessions
        .iter()
        .zip(&uids)
        .map(|(s, uid)| {
            let link = s.plan.place.starts_with("https://").then_some(s.plan.place.as_str());
            Event {
                uid: uid.clone(),
                sequence: s.sequence,
                cancelled: s.cancelled,
                summary: &s.plan.title,
                description: &s.plan.about,
                location: (!s.plan.place.is_empty() && link.is_none()).then_some(s.plan.place.as_str()),
                url: link,
                schedule: &s.plan.schedule,
                stamp: s.updated_at,
            }
        })
        .collect();
    calendar(name, &events)
}
