use super::experiments::today_line;
use super::hacks::ask_to_share;
use super::{html, layout};
use crate::auth::Viewer;
use crate::experiments;
use crate::AppState;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use chrono::Duration;
use foothold_core::experiment::Status;
use foothold_core::hacks::TRY_DAYS;
use maud::html;
use serde::Deserialize;

#[derive(Deserialize)]
pub struct HomeQuery {
    /// Set by the redirect after an account was deleted, to confirm it happened.
    deleted: Option<String>,
}

/// Today's plan of each running experiment (the daily reminder, where members start), the
/// one question about sharing a hack's result, a questionnaire that is due, and whether
/// today's check-in is saved.
async fn reminders(app: &AppState, viewer: &Viewer) -> (maud::Markup, bool) {
    let Some(user) = viewer.user() else { return (html! {}, false) };
    let loaded = async {
        let time_zone = app.store.time_zone(user.id).await?;
        let today = app.clock.today(&time_zone);
        let checked_in = app.store.checkin(user.id, today).await?.is_some();
        // A questionnaire is offered only once the day's check-in is done: no query before.
        let due = match checked_in {
            true => crate::questionnaires::due(app, user, today, &time_zone).await?,
            false => Vec::new(),
        };
        Ok::<_, crate::error::AppError>((
            today,
            experiments::load_all(&app.store, &viewer.tr, user.id).await?,
            app.store.hacks_to_ask_about(user.id, today - Duration::days(TRY_DAYS)).await?,
            checked_in,
            due,
        ))
    };
    // A reminder is a convenience: if it cannot be loaded, the page still shows.
    let Ok((today, all, asks, checked_in, due)) = loaded.await else { return (html! {}, false) };
    let tr = &viewer.tr;
    let markup = html! {
        (ask_to_share(tr, viewer, &asks))
        // Offered once the day's check-in is done, one at a time, never in its way.
        @if let Some(i) = due.first() { (super::questionnaires::due_offer(viewer, &i.q)) }
        @for e in all.iter().filter(|e| matches!(e.status(today), Status::Running | Status::Paused)) {
            p class="notice" {
                strong { (tr.t("home-experiment")) } " "
                @match e.on(today).filter(|_| e.status(today) == Status::Running) {
                    Some(p) => (today_line(tr, e, p, today)),
                    None => (tr.t("experiment-status-paused")),
                }
                " " a href={ "/experiments/" (e.stored.id) } { (tr.t("checkin-experiment-see")) }
            }
        }
    };
    (markup, checked_in)
}

pub async fn show(State(app): State<AppState>, viewer: Viewer, Query(query): Query<HomeQuery>) -> Response {
    let (reminders, checked_in) = reminders(&app, &viewer).await;
    let tr = &viewer.tr;
    let farewell = query.deleted.is_some() && viewer.user().is_none();
    let body = match viewer.user() {
        Some(user) => html! {
            h1 { (tr.ta("home-hello", &[("handle", &user.handle)])) }
            p { (tr.t("home-member-intro")) }
            @if checked_in { p class="notice" role="status" { (tr.t("home-checked-in")) } }
            (reminders)
            p { a class="button" href="/checkin" { (tr.t(if checked_in { "home-checkin-change" } else { "home-checkin" })) } }
        },
        None => html! {
            @if farewell { p class="notice" role="status" { (tr.t("home-deleted")) } }
            h1 { (tr.t("home-title")) }
            p class="lead" { (tr.t("home-lead")) }
            ul class="pillars" {
                li { (tr.t("home-pillar-notice")) }
                li { (tr.t("home-pillar-see")) }
                li { (tr.t("home-pillar-test")) }
                li { (tr.t("home-pillar-connect")) }
            }
            p class="actions" {
                a class="button" href="/register" { (tr.t("home-start")) }
                " "
                a href="/login" { (tr.t("home-have-account")) }
            }
        },
    };
    html(StatusCode::OK, layout::page(&viewer, &tr.t("home-page-title"), body))
}
