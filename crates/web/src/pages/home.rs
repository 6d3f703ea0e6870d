//! The home page. For a member it is *today*: whether today's check-in is saved, today's
//! plan of each running experiment, one true and encouraging sentence from their own diary,
//! and a next small step. For a visitor, what Foothold is.

use super::experiments::today_line;
use super::hacks::ask_to_share;
use super::insights::{outcome_name, sentence};
use super::{html, layout};
use crate::auth::Viewer;
use crate::error::AppResult;
use crate::experiments;
use crate::i18n::Tr;
use crate::insights::Insight;
use crate::AppState;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use chrono::Duration;
use foothold_core::agency::{self, Label};
use foothold_core::experiment::Status;
use foothold_core::hacks::TRY_DAYS;
use foothold_store::User;
use maud::{html, Markup};
use serde::Deserialize;

#[derive(Deserialize)]
pub struct HomeQuery {
    /// Set by the redirect after an account was deleted, to confirm it happened.
    deleted: Option<String>,
}

/// One sentence from the member's own diary that is true and gives heart: the clearest
/// thing that goes with their better days, or how close the first patterns are.
fn encouragement(tr: &Tr, insight: &Insight) -> Markup {
    let best = insight
        .report
        .results
        .iter()
        .filter(|e| e.label == Label::LikelyHelps)
        .max_by(|a, b| a.p_benefit.total_cmp(&b.p_benefit));
    let more = agency::MIN_DAYS.saturating_sub(insight.days);
    html! {
        p class="encourage" {
            @if let Some(e) = best {
                (sentence(tr, insight, e, &outcome_name(tr, e.outcome)))
                " " a href="/insights" { (tr.t("home-see-insights")) }
            } @else if insight.days == 0 {
                (tr.t("home-first-days"))
            } @else if more > 0 {
                (tr.ta("home-days-so-far", &[("days", &insight.days.to_string()), ("more", &more.to_string())]))
            } @else {
                (tr.ta("home-days-diary", &[("days", &insight.days.to_string())])) " " a href="/insights" { (tr.t("home-see-insights")) }
            }
        }
    }
}

async fn today(app: &AppState, viewer: &Viewer, user: &User) -> AppResult<Markup> {
    let tr = &viewer.tr;
    let today = app.today(user);
    let setup = app.store.checkin_setup(user.id, today).await?;
    let checked_in = setup.day_saved;
    // A questionnaire is offered only once the day's check-in is done: no query before.
    let due = match checked_in {
        true => app.questionnaires.due(&app.store, user, today, setup.time_zone).await?,
        false => Vec::new(),
    };
    // Only experiments whose dates include today are rebuilt (which needs the strategies).
    let current = app.store.experiments_on(user.id, today).await?;
    let running: Vec<_> = match current.is_empty() {
        true => Vec::new(),
        false => experiments::rebuild_all(tr, current, &app.store.strategies(user.id).await?)
            .into_iter()
            .filter(|e| matches!(e.status(today), Status::Running | Status::Paused))
            .collect(),
    };
    let asks = app.store.hacks_to_ask_about(user.id, today - Duration::days(TRY_DAYS)).await?;
    let insight = app.insights.get_at(&app.store, user.id, tr, setup.diary_revision).await?;
    Ok(html! {
        @if setup.items.is_none() && insight.days == 0 {
            p class="notice" { (tr.t("home-new")) " " a href="/welcome" { (tr.t("home-new-start")) } }
        }
        @if checked_in { p class="notice" role="status" { (tr.t("home-checked-in")) } }
        p { a class="button" href="/checkin" { (tr.t(if checked_in { "home-checkin-change" } else { "home-checkin" })) } }
        @for e in &running {
            p class="notice" {
                strong { (tr.t("home-experiment")) } " "
                @match e.on(today).filter(|_| e.status(today) == Status::Running) {
                    Some(p) => (today_line(tr, e, p, today)),
                    None => (tr.t("experiment-status-paused")),
                }
                " " a href={ "/experiments/" (e.stored.id) } { (tr.t("checkin-experiment-see")) }
            }
        }
        (encouragement(tr, &insight))
        (ask_to_share(tr, viewer, &asks))
        // Offered once the day's check-in is done, one at a time, never in its way.
        @if let Some(i) = due.first() { (super::questionnaires::due_offer(viewer, &i.q)) }
        section aria-labelledby="next-step" {
            h2 id="next-step" { (tr.t("home-next-title")) }
            ul class="next-steps" {
                li { a href="/goals" { (tr.t("home-next-goal")) } }
                li { a href="/skills" { (tr.t("home-next-skill")) } }
                li { a href="/groups" { (tr.t("home-next-group")) } }
            }
        }
    })
}

pub async fn show(
    State(app): State<AppState>,
    viewer: Viewer,
    Query(query): Query<HomeQuery>,
) -> AppResult<Response> {
    let tr = &viewer.tr;
    let farewell = query.deleted.is_some() && viewer.user().is_none();
    let body = match viewer.user() {
        Some(user) => html! {
            h1 { (tr.ta("home-hello", &[("handle", &user.handle)])) }
            (today(&app, &viewer, user).await?)
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
    Ok(html(StatusCode::OK, layout::page(&viewer, &tr.t("home-page-title"), body)))
}
