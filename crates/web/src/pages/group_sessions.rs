//! Group sessions: a group's sessions and its calendar file, planning one, a session's page
//! (coming or on the waiting list, pain before and after, figures for hosts, cancelling), and
//! the member's personal calendar feed.

use super::form::{csrf, value, values, Errors, Field};
use super::{html, layout, see_other};
use crate::auth::{Member, Viewer};
use crate::community::{self, Place};
use crate::error::{AppError, AppResult};
use crate::group_sessions::{self as service, rateable_days};
use crate::i18n::Tr;
use crate::secret::{random_token, token_hash};
use crate::thoughts::nonce;
use crate::AppState;
use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Form;
use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use foothold_core::community::access::Action;
use foothold_core::group_sessions::{parse_session, weekday_name, SessionForm};
use foothold_store::{GroupSession, GroupSessionId, Rsvp, User};
use maud::html;
use serde::Deserialize;

/// Pooled before-and-after figures are shown to hosts from this many ratings up.
const MIN_RATINGS: i64 = 5;
/// Upcoming occurrences listed on a session's page.
const NEXT: usize = 5;

fn when(s: &GroupSession, at: DateTime<Utc>) -> String {
    let local = at.with_timezone(&s.plan.schedule.time_zone);
    format!("{} ({})", local.format("%a %Y-%m-%d %H:%M"), s.plan.schedule.time_zone.name())
}

/// The time in the viewer's own zone, when it differs from the session's local time.
fn yours(tr: &Tr, s: &GroupSession, at: DateTime<Utc>, zone: Tz) -> Option<String> {
    let theirs = at.with_timezone(&s.plan.schedule.time_zone).format("%a %H:%M").to_string();
    let mine = at.with_timezone(&zone).format("%a %H:%M").to_string();
    (mine != theirs).then(|| tr.ta("session-your-time", &[("time", &mine)]))
}

fn upcoming(s: &GroupSession, n: usize) -> Vec<DateTime<Utc>> {
    let now = Utc::now();
    s.plan.schedule.occurrences(now, now + Duration::days(400)).into_iter().take(n).collect()
}

fn summary_line(tr: &Tr, s: &GroupSession) -> String {
    let places = match s.plan.capacity {
        Some(c) => tr.ta("session-places", &[("going", &s.going.to_string()), ("capacity", &c.to_string())]),
        None => tr.ta("session-going", &[("count", &s.going.to_string())]),
    };
    let repeat = match &s.plan.schedule.repeat {
        Some(r) => tr.ta(
            "session-repeats",
            &[(
                "days",
                &r.weekdays
                    .iter()
                    .map(|d| tr.t(&format!("weekday-{}", weekday_name(*d))))
                    .collect::<Vec<_>>()
                    .join(", "),
            )],
        ),
        None => tr.t("session-once"),
    };
    format!(
        "{repeat} · {} · {places}",
        tr.ta("hack-minutes", &[("minutes", &s.plan.schedule.minutes.to_string())])
    )
}

pub async fn list(
    State(app): State<AppState>,
    Member { viewer, .. }: Member,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let place = community::place(&app, viewer.user(), &slug).await?;
    place.require(Action::Read)?;
    let sessions = app.store.group_sessions(place.group.id).await?;
    let tr = &viewer.tr;
    let g = &place.group;
    let title = tr.ta("sessions-of", &[("group", &g.name)]);
    let body = html! {
        p { a href={ "/groups/" (g.slug) } { "← " (g.name) } }
        h1 { (title) }
        p class="lead" { (tr.t("sessions-lead")) }
        @if place.may(Action::Moderate) { p { a class="button" href={ "/groups/" (g.slug) "/sessions/new" } { (tr.t("session-plan")) } } }
        @let shown: Vec<&GroupSession> = sessions.iter().filter(|s| !s.cancelled).collect();
        @if shown.is_empty() { p { (tr.t("sessions-none")) } }
        ul class="cards" {
            @for s in shown {
                li class="card" {
                    h3 { a href={ "/sessions/" (s.id) } { (s.plan.title) } }
                    p class="meta" { (summary_line(tr, s)) }
                    @match upcoming(s, 1).first() {
                        Some(next) => p { (tr.ta("session-next", &[("when", &when(s, *next))])) },
                        None => p { (tr.t("session-over")) },
                    }
                }
            }
        }
        p { a href={ "/groups/" (g.slug) "/sessions.ics" } { (tr.t("sessions-ics")) } " · " a href="/calendar" { (tr.t("feed-title")) } }
    };
    Ok(html(StatusCode::OK, layout::page(&viewer, &title, body)))
}

/// The plan form: new (`editing` None) or a change to session `editing` (its id).
fn plan_page(
    viewer: &Viewer,
    place: &Place,
    pairs: &[(String, String)],
    error: Option<&AppError>,
    editing: Option<GroupSessionId>,
) -> AppResult<Response> {
    let tr = &viewer.tr;
    let errors = Errors { tr, error };
    let get = |k: &str| value(pairs, k);
    let chosen = |d: &str| values(pairs, "weekdays").contains(&d);
    let g = &place.group;
    let title = tr.t(if editing.is_some() { "session-edit" } else { "session-plan" });
    let action = match editing {
        Some(id) => format!("/sessions/{id}/edit"),
        None => format!("/groups/{}/sessions", g.slug),
    };
    let nonce = match get("nonce") {
        "" => nonce()?,
        n => n.to_owned(),
    };
    let field = |name: &'static str, kind: &'static str, hint: bool| Field {
        name,
        label: tr.t(&format!("session-field-{name}")),
        kind,
        value: get(name),
        hint: hint.then(|| tr.t(&format!("session-field-{name}-hint"))),
        autocomplete: "off",
        required: false,
    };
    let weekdays_error = errors.message_for("weekdays");
    let body = html! {
        p { a href={ "/groups/" (g.slug) "/sessions" } { "← " (tr.ta("sessions-of", &[("group", &g.name)])) } }
        h1 { (title) }
        (errors.summary())
        @if editing.is_some() { p class="hint" { (tr.t("session-edit-hint")) } }
        form method="post" action=(action) novalidate {
            (csrf(&viewer.csrf))
            input type="hidden" name="nonce" value=(nonce);
            @if editing.is_some() { input type="hidden" name="sequence" value=(get("sequence")); }
            (field("title", "text", false).render(&errors))
            (field("about", "text", true).render(&errors))
            (field("seated", "text", true).render(&errors))
            (field("standing", "text", true).render(&errors))
            (field("date", "date", false).render(&errors))
            (field("time", "time", false).render(&errors))
            (field("time_zone", "text", true).render(&errors))
            (field("minutes", "number", false).render(&errors))
            fieldset id="weekdays" class={ "field" @if weekdays_error.is_some() { " field-error" } } {
                legend { (tr.t("session-field-weekdays")) }
                p class="hint" { (tr.t("session-field-weekdays-hint")) }
                @if let Some(m) = &weekdays_error { p class="error-message" { (m) } }
                @for d in ["mo", "tu", "we", "th", "fr", "sa", "su"] {
                    label class="choice" { input type="checkbox" name="weekdays" value=(d) checked[chosen(d)]; " " (tr.t(&format!("weekday-{d}"))) }
                }
            }
            (field("until", "date", true).render(&errors))
            (field("count", "number", true).render(&errors))
            (field("except", "text", true).render(&errors))
            (field("capacity", "number", true).render(&errors))
            (field("place", "text", true).render(&errors))
            button type="submit" { (tr.t(if editing.is_some() { "session-edit-send" } else { "session-plan-send" })) }
        }
    };
    Ok(html(error.map_or(StatusCode::OK, AppError::status), layout::page(viewer, &title, body)))
}

pub async fn new_form(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let place = community::place(&app, viewer.user(), &slug).await?;
    place.require(Action::Moderate)?;
    let zone = user.time_zone.name().to_owned();
    plan_page(&viewer, &place, &[("time_zone".into(), zone), ("minutes".into(), "30".into())], None, None)
}

/// The plan form's fields for a stored session, as its host would type them.
fn typed(s: &GroupSession) -> Vec<(String, String)> {
    let p = &s.plan;
    let r = p.schedule.repeat.as_ref();
    let mut pairs: Vec<(String, String)> = vec![
        ("title".into(), p.title.clone()),
        ("about".into(), p.about.clone()),
        ("seated".into(), p.seated.clone()),
        ("standing".into(), p.standing.clone()),
        ("date".into(), p.schedule.start.date().to_string()),
        ("time".into(), p.schedule.start.format("%H:%M").to_string()),
        ("time_zone".into(), p.schedule.time_zone.name().to_owned()),
        ("minutes".into(), p.schedule.minutes.to_string()),
        ("until".into(), r.and_then(|r| r.until).map(|d| d.to_string()).unwrap_or_default()),
        ("count".into(), r.and_then(|r| r.count).map(|c| c.to_string()).unwrap_or_default()),
        (
            "except".into(),
            r.map(|r| r.except.iter().map(ToString::to_string).collect::<Vec<_>>().join(", "))
                .unwrap_or_default(),
        ),
        ("capacity".into(), p.capacity.map(|c| c.to_string()).unwrap_or_default()),
        ("place".into(), p.place.clone()),
        ("sequence".into(), s.sequence.to_string()),
    ];
    for d in r.map(|r| r.weekdays.clone()).unwrap_or_default() {
        pairs.push(("weekdays".into(), weekday_name(d).to_lowercase()));
    }
    pairs
}

pub async fn edit_form(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(id): Path<GroupSessionId>,
) -> AppResult<Response> {
    let (s, place, _) = service::open(&app, &user, id).await?;
    place.require(Action::Moderate)?;
    if s.cancelled {
        return Err(AppError::NotFound);
    }
    plan_page(&viewer, &place, &typed(&s), None, Some(id))
}

pub async fn edit(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(id): Path<GroupSessionId>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let (_, place, _) = service::open(&app, &user, id).await?;
    place.require(Action::Moderate)?;
    let seen: u32 = value(&pairs, "sequence").parse().map_err(|_| AppError::BadRequest)?;
    let weekdays: Vec<&str> = values(&pairs, "weekdays");
    let changed = match parse_session(&session_form(&pairs), &weekdays) {
        Ok(new) => service::change(&app, &user, id, seen, &new).await,
        Err(e) => Err(e.into()),
    };
    match changed.map_err(AppError::from) {
        Ok(()) => Ok(see_other(&format!("/sessions/{id}?done=changed"))),
        Err(e @ (AppError::Invalid(_) | AppError::Conflict(_))) => {
            plan_page(&viewer, &place, &pairs, Some(&e), Some(id))
        }
        Err(e) => Err(e),
    }
}

/// The plan form's fields, as typed.
fn session_form(pairs: &[(String, String)]) -> SessionForm<'_> {
    let get = |k: &str| value(pairs, k);
    SessionForm {
        title: get("title"),
        about: get("about"),
        seated: get("seated"),
        standing: get("standing"),
        date: get("date"),
        time: get("time"),
        time_zone: get("time_zone"),
        minutes: get("minutes"),
        capacity: get("capacity"),
        place: get("place"),
        until: get("until"),
        count: get("count"),
        except: get("except"),
    }
}

pub async fn create(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(slug): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let place = community::place(&app, viewer.user(), &slug).await?;
    place.require(Action::Moderate)?;
    let weekdays: Vec<&str> = values(&pairs, "weekdays");
    match parse_session(&session_form(&pairs), &weekdays) {
        Ok(new) => {
            let id = service::plan(&app, &user, &place, value(&pairs, "nonce"), &new).await?;
            Ok(see_other(&format!("/sessions/{id}")))
        }
        Err(e) => plan_page(&viewer, &place, &pairs, Some(&e.into()), None),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ShowQuery {
    done: String,
}

/// What a session's page shows, loaded by [`show_with`].
struct Shown {
    session: GroupSession,
    place: Place,
    rsvp: Option<Rsvp>,
    /// The viewer's own ratings: (day, before, after).
    mine: Vec<(chrono::NaiveDate, i32, i32)>,
    /// For hosts and moderators only.
    figures: Option<foothold_store::SessionRatings>,
    /// The viewer's own time zone.
    zone: Tz,
}

fn session_page(viewer: &Viewer, shown: &Shown, done: &str, error: Option<&AppError>) -> Response {
    let Shown { session: s, place, rsvp, mine, figures, zone } = shown;
    let rsvp = *rsvp;
    let tr = &viewer.tr;
    let errors = Errors { tr, error };
    let g = &place.group;
    let days = rateable_days(s, Utc::now());
    let body = html! {
        p { a href={ "/groups/" (g.slug) "/sessions" } { "← " (tr.ta("sessions-of", &[("group", &g.name)])) } }
        h1 { (s.plan.title) }
        @if tr.has(&format!("session-done-{done}")) { p class="notice" role="status" { (tr.t(&format!("session-done-{done}"))) } }
        @if s.cancelled { p class="notice" { (tr.t("session-cancelled")) } }
        p class="meta" { (summary_line(tr, s)) }
        @if !s.plan.about.is_empty() { p { (s.plan.about) } }
        @if !s.plan.seated.is_empty() || !s.plan.standing.is_empty() {
            dl class="variants" {
                @if !s.plan.seated.is_empty() { dt { (tr.t("session-seated")) } dd { (s.plan.seated) } }
                @if !s.plan.standing.is_empty() { dt { (tr.t("session-standing")) } dd { (s.plan.standing) } }
            }
        }
        @if !s.plan.place.is_empty() {
            p { (tr.t("session-where")) " "
                @if s.plan.place.starts_with("https://") { a href=(s.plan.place) rel="noopener noreferrer nofollow" { (s.plan.place) } }
                @else { (s.plan.place) }
            }
        }
        @if !s.cancelled {
            section aria-labelledby="when" {
                h2 id="when" { (tr.t("session-when")) }
                @let next = upcoming(s, NEXT);
                @if next.is_empty() { p { (tr.t("session-over")) } }
                ul class="occurrences" {
                    @for t in &next {
                        li {
                            (when(s, *t))
                            @if let Some(y) = yours(tr, s, *t, *zone) { " · " (y) }
                            @if figures.is_some() {
                                " "
                                form method="post" action={ "/sessions/" (s.id) "/skip" } class="inline" {
                                    (csrf(&viewer.csrf))
                                    input type="hidden" name="day" value=(t.with_timezone(&s.plan.schedule.time_zone).date_naive());
                                    button type="submit" class="link" { (tr.t("session-skip")) }
                                }
                            }
                        }
                    }
                }
            }
            section aria-labelledby="coming" {
                h2 id="coming" { (tr.t("session-coming")) }
                @if place.may(Action::Post) {
                    form method="post" action={ "/sessions/" (s.id) "/rsvp" } {
                        (csrf(&viewer.csrf))
                        @match rsvp {
                            Some(Rsvp::Going) => { p { (tr.t("session-you-going")) } input type="hidden" name="coming" value="no"; button type="submit" class="secondary" { (tr.t("session-not-coming")) } },
                            Some(Rsvp::Waiting) => { p { (tr.t("session-you-waiting")) } input type="hidden" name="coming" value="no"; button type="submit" class="secondary" { (tr.t("session-leave-waiting")) } },
                            None => { input type="hidden" name="coming" value="yes"; button type="submit" { (tr.t("session-come")) } },
                        }
                    }
                } @else { p { (tr.t("session-join-group")) } }
            }
        }
        @if rsvp == Some(Rsvp::Going) && !days.is_empty() {
            section aria-labelledby="rate" {
                h2 id="rate" { (tr.t("session-rate")) }
                p class="hint" { (tr.t("session-rate-hint")) }
                (errors.summary())
                form method="post" action={ "/sessions/" (s.id) "/rate" } novalidate {
                    (csrf(&viewer.csrf))
                    div class="field" {
                        label for="day" { (tr.t("session-rate-day")) }
                        select id="day" name="day" { @for d in &days { option value=(d) { (d.format("%a %Y-%m-%d")) } } }
                    }
                    (Field { name: "before", label: tr.t("session-rate-before"), kind: "number", value: "", hint: None, autocomplete: "off", required: true }.render(&errors))
                    (Field { name: "after", label: tr.t("session-rate-after"), kind: "number", value: "", hint: None, autocomplete: "off", required: true }.render(&errors))
                    button type="submit" { (tr.t("session-rate-send")) }
                }
                @if !mine.is_empty() {
                    ul { @for (d, b, a) in mine { li { (tr.ta("session-rated", &[("day", &d.to_string()), ("before", &b.to_string()), ("after", &a.to_string())])) } } }
                }
            }
        }
        @if let Some(f) = *figures {
            section aria-labelledby="figures" {
                h2 id="figures" { (tr.t("session-figures")) }
                p { (tr.ta("session-figures-coming", &[("going", &s.going.to_string()), ("waiting", &s.waiting.to_string())])) }
                @if f.count >= MIN_RATINGS {
                    p { (tr.ta("session-figures-pain", &[("count", &f.count.to_string()), ("before", &format!("{:.1}", f.before)), ("after", &format!("{:.1}", f.after))])) }
                } @else {
                    p { (tr.ta("session-figures-few", &[("min", &MIN_RATINGS.to_string())])) }
                }
                @if !s.cancelled {
                    p { a href={ "/sessions/" (s.id) "/edit" } { (tr.t("session-edit")) } }
                    form method="post" action={ "/sessions/" (s.id) "/cancel" } {
                        (csrf(&viewer.csrf))
                        button type="submit" class="secondary" { (tr.t("session-cancel")) }
                    }
                }
            }
        }
    };
    html(error.map_or(StatusCode::OK, AppError::status), layout::page(viewer, &s.plan.title, body))
}

async fn show_with(
    app: &AppState,
    viewer: &Viewer,
    user: &User,
    id: GroupSessionId,
    done: &str,
    error: Option<&AppError>,
) -> AppResult<Response> {
    let (session, place, rsvp) = service::open(app, user, id).await?;
    let mine = app.store.my_session_ratings(id, user.id).await?;
    let figures = match place.may(Action::Moderate) {
        true => Some(app.store.session_ratings(id).await?),
        false => None,
    };
    let zone = viewer.zone();
    Ok(session_page(viewer, &Shown { session, place, rsvp, mine, figures, zone }, done, error))
}

pub async fn show(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(id): Path<GroupSessionId>,
    Query(q): Query<ShowQuery>,
) -> AppResult<Response> {
    show_with(&app, &viewer, &user, id, &q.done, None).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RsvpForm {
    coming: String,
}

pub async fn rsvp(
    State(app): State<AppState>,
    Member { user, .. }: Member,
    Path(id): Path<GroupSessionId>,
    Form(f): Form<RsvpForm>,
) -> AppResult<Response> {
    let done = match service::rsvp(&app, &user, id, f.coming == "yes").await? {
        Some(Rsvp::Going) => "going",
        Some(Rsvp::Waiting) => "waiting",
        None => "not-coming",
    };
    Ok(see_other(&format!("/sessions/{id}?done={done}")))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RateForm {
    day: String,
    before: String,
    after: String,
}

pub async fn rate(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(id): Path<GroupSessionId>,
    Form(f): Form<RateForm>,
) -> AppResult<Response> {
    match service::rate(&app, &user, id, &f.day, &f.before, &f.after).await.map_err(AppError::from) {
        Ok(()) => Ok(see_other(&format!("/sessions/{id}?done=rated#rate"))),
        Err(e @ AppError::Invalid(_)) => show_with(&app, &viewer, &user, id, "", Some(&e)).await,
        Err(e) => Err(e),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SkipForm {
    day: String,
}

pub async fn skip(
    State(app): State<AppState>,
    Member { user, .. }: Member,
    Path(id): Path<GroupSessionId>,
    Form(f): Form<SkipForm>,
) -> AppResult<Response> {
    service::skip(&app, &user, id, &f.day).await?;
    Ok(see_other(&format!("/sessions/{id}?done=skipped")))
}

/// Cancelling a whole series cannot be undone and tells everyone coming: the button asks
/// first, on a page of its own (no JavaScript), and only `confirm=yes` cancels.
pub async fn cancel(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(id): Path<GroupSessionId>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    if value(&pairs, "confirm") == "yes" {
        service::cancel(&app, &user, id).await?;
        return Ok(see_other(&format!("/sessions/{id}?done=cancelled")));
    }
    let (s, place, _) = service::open(&app, &user, id).await?;
    place.require(Action::Moderate)?;
    let tr = &viewer.tr;
    let title = tr.t("session-cancel-confirm-title");
    let body = html! {
        h1 { (title) }
        p { (tr.ta("session-cancel-confirm", &[("title", &s.plan.title), ("going", &s.going.to_string()), ("waiting", &s.waiting.to_string())])) }
        form method="post" action={ "/sessions/" (id) "/cancel" } {
            (csrf(&viewer.csrf))
            input type="hidden" name="confirm" value="yes";
            button type="submit" class="danger" { (tr.t("session-cancel-yes")) }
        }
        p { a href={ "/sessions/" (id) } { (tr.t("session-cancel-keep")) } }
    };
    Ok(html(StatusCode::OK, layout::page(&viewer, &title, body)))
}

fn calendar_response(body: String) -> Response {
    ([(header::CONTENT_TYPE, "text/calendar; charset=utf-8")], body).into_response()
}

/// The group's sessions as one iCalendar file, for anyone who may read the group.
pub async fn group_ics(
    State(app): State<AppState>,
    Member { viewer, .. }: Member,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let place = community::place(&app, viewer.user(), &slug).await?;
    place.require(Action::Read)?;
    let sessions = app.store.group_sessions(place.group.id).await?;
    Ok(calendar_response(service::ics(&place.group.name, &sessions)))
}

/// The member's own feed: every session they are coming to or waiting for. The address is
/// the secret (calendar apps send no cookies); only its hash is stored.
pub async fn member_ics(State(app): State<AppState>, Path(file): Path<String>) -> AppResult<Response> {
    let secret = file.strip_suffix(".ics").ok_or(AppError::NotFound)?;
    let user = app.store.calendar_owner(&token_hash(secret)).await?;
    let sessions = app.store.member_sessions(user).await?;
    Ok(calendar_response(service::ics("Foothold", &sessions)))
}

/// The feed page; `made`: a new feed's address, shown once, in the answer to the request that
/// made it (never in an address, where logs and history would keep it).
fn feed(viewer: &Viewer, has: bool, made: Option<&str>) -> Response {
    let tr = &viewer.tr;
    let title = tr.t("feed-title");
    let body = html! {
        h1 { (title) }
        p class="lead" { (tr.t("feed-lead")) }
        @if let Some(secret) = made {
            p class="notice" role="status" { (tr.t("feed-made")) }
            p { code class="token feed-address" { (secret) } }
        } @else if has {
            p { (tr.t("feed-on")) }
        }
        form method="post" action="/calendar" class="inline" {
            (csrf(&viewer.csrf))
            input type="hidden" name="action" value="new";
            button type="submit" { (tr.t(if has { "feed-renew" } else { "feed-make" })) }
        }
        @if has {
            " "
            form method="post" action="/calendar" class="inline" {
                (csrf(&viewer.csrf))
                input type="hidden" name="action" value="off";
                button type="submit" class="secondary" { (tr.t("feed-off")) }
            }
        }
    };
    html(StatusCode::OK, layout::page(viewer, &title, body))
}

pub async fn feed_page(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
) -> AppResult<Response> {
    let has = app.store.has_calendar_feed(user.id).await?;
    Ok(feed(&viewer, has, None))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct FeedForm {
    action: String,
}

pub async fn feed_change(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    headers: axum::http::HeaderMap,
    Form(f): Form<FeedForm>,
) -> AppResult<Response> {
    match f.action.as_str() {
        "new" => {
            let secret = random_token()?;
            app.store.set_calendar_secret(user.id, Some(&token_hash(&secret))).await?;
            // Calendar apps need the whole address; the member's own request names the host.
            let host = headers.get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or("localhost");
            let scheme = if app.config.secure_cookies { "https" } else { "http" };
            Ok(feed(&viewer, true, Some(&format!("{scheme}://{host}/calendar/{secret}.ics"))))
        }
        "off" => {
            app.store.set_calendar_secret(user.id, None).await?;
            Ok(see_other("/calendar"))
        }
        _ => Err(AppError::BadRequest),
    }
}
