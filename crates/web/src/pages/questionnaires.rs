//! Questionnaire pages: the list, one questionnaire's form with the member's scores over time,
//! and the schedule that offers it on the home page. Everything comes from the FHIR file:
//! questions, answers, bands and what counts as a meaningful change.

use super::form::{csrf, Errors};
use super::{html, layout, scroll_table, see_other};
use crate::auth::{Member, Viewer};
use crate::error::{AppError, AppResult};
use crate::i18n::Tr;
use crate::questionnaires::{self, Point, SNOOZE_DAYS};
use crate::support::{self, Audience};
use crate::thoughts::{nonce, parse_nonce};
use crate::AppState;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use chrono::Duration;
use foothold_core::questionnaire::{Item, ItemKind, Questionnaire, Trend};
use foothold_readers::crisis::Level;
use maud::{html, Markup};
use serde::Deserialize;

/// The form field that carries the answer to a question (`a-` keeps link ids apart from
/// `csrf` and `nonce`, whatever an operator's file calls its questions).
fn field(item: &Item) -> String {
    format!("a-{}", item.link_id)
}

/// The periods a member can choose from.
const PERIODS: [u16; 5] = [7, 14, 28, 56, 91];

pub async fn list(State(app): State<AppState>, Member { user, viewer, .. }: Member) -> AppResult<Response> {
    let tr = &viewer.tr;
    let latest = app.store.latest_responses(user.id).await?;
    let schedules = app.store.schedules(user.id).await?;
    let title = tr.t("q-title");
    let body = html! {
        h1 { (title) }
        p { (tr.t("q-lead")) }
        ul class="cards" {
            @for i in app.questionnaires.all() {
                @let q = &i.q;
                @let last = latest.iter().find(|r| r.questionnaire == q.id);
                li class="card" {
                    h2 { a href={ "/questionnaires/" (q.id) } { (q.title) } }
                    p { (q.description) }
                    p class="meta" {
                        (tr.ta("q-questions", &[("count", &q.questions().count().to_string())]))
                        @if let Some(s) = schedules.iter().find(|s| s.questionnaire == q.id) {
                            " · " (tr.ta("q-every", &[("days", &s.every_days.to_string())]))
                        }
                    }
                    p class="meta" {
                        @match last {
                            Some(r) => (tr.ta("q-last", &[("date", &r.authored.format("%Y-%m-%d").to_string()), ("score", &r.score.map(|s| q.format_score(s)).unwrap_or_default())])),
                            None => (tr.t("q-never")),
                        }
                    }
                }
            }
        }
    };
    Ok(html(StatusCode::OK, layout::page(&viewer, &title, body)))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ShowQuery {
    saved: Option<i64>,
    support: Option<String>,
}

pub async fn show(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(id): Path<String>,
    Query(query): Query<ShowQuery>,
) -> AppResult<Response> {
    let q = &app.questionnaires.get(&id)?.q;
    let points = questionnaires::history(&app.store, user.id, q).await?;
    let schedule = app.store.schedules(user.id).await?.into_iter().find(|s| s.questionnaire == q.id);
    let support = (query.support.as_deref() == Some("crisis"))
        .then(|| support::panel(&app.config, &viewer.tr, Level::Crisis, Audience::Answer));
    let saved = query.saved.and_then(|id| points.iter().position(|p| p.response.id == id));
    let page =
        Page { q, points: &points, saved, every: schedule.map(|s| s.every_days), support, answers: &[] };
    render(&app, &viewer, &page, None, StatusCode::OK)
}

struct Page<'a> {
    q: &'a Questionnaire,
    points: &'a [Point],
    /// The answer just saved, by its place in `points`.
    saved: Option<usize>,
    every: Option<u16>,
    support: Option<Markup>,
    /// A failed submit's input, kept.
    answers: &'a [(String, String)],
}

pub async fn answer(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let q = &app.questionnaires.get(&id)?.q;
    let nonce = parse_nonce(super::form::value(&pairs, "nonce"))?;
    let raw: Vec<(String, String)> = pairs
        .iter()
        .filter_map(|(k, v)| k.strip_prefix("a-").map(|link| (link.to_string(), v.clone())))
        .collect();
    match questionnaires::answer(&app.store, &user, q, &nonce, &raw).await.map_err(AppError::from) {
        Ok(done) => {
            let support = if done.support.is_some() { "&support=crisis" } else { "" };
            Ok(see_other(&format!("/questionnaires/{}?saved={}{support}#result", q.id, done.response.id)))
        }
        Err(e @ AppError::Answers(_)) => {
            let points = questionnaires::history(&app.store, user.id, q).await?;
            let every = app
                .store
                .schedules(user.id)
                .await?
                .into_iter()
                .find(|s| s.questionnaire == q.id)
                .map(|s| s.every_days);
            let page = Page { q, points: &points, saved: None, every, support: None, answers: &raw };
            render(&app, &viewer, &page, Some(&e), StatusCode::UNPROCESSABLE_ENTITY)
        }
        Err(e) => Err(e),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ScheduleForm {
    /// Days between offers.
    every: String,
    /// `stop`, or `snooze` ("not now" on the home page); empty to set `every`.
    action: String,
}

pub async fn schedule(
    State(app): State<AppState>,
    Member { user, .. }: Member,
    Path(id): Path<String>,
    Form(f): Form<ScheduleForm>,
) -> AppResult<Response> {
    let q = &app.questionnaires.get(&id)?.q;
    match f.action.as_str() {
        "stop" => app.store.set_schedule(user.id, &q.id, None).await?,
        "snooze" => {
            let today = app.today(&user);
            app.store.snooze_questionnaire(user.id, &q.id, today + Duration::days(SNOOZE_DAYS)).await?;
            return Ok(see_other("/"));
        }
        _ => {
            let days =
                f.every.parse::<u16>().ok().filter(|d| PERIODS.contains(d)).ok_or(AppError::BadRequest)?;
            app.store.set_schedule(user.id, &q.id, Some(days)).await?;
        }
    }
    Ok(see_other(&format!("/questionnaires/{}#schedule", q.id)))
}

fn render(
    app: &AppState,
    viewer: &Viewer,
    page: &Page<'_>,
    error: Option<&AppError>,
    status: StatusCode,
) -> AppResult<Response> {
    let tr = &viewer.tr;
    let q = page.q;
    let errors = Errors { tr, error };
    let nonce = nonce()?;
    let body = html! {
        @if let Some(panel) = &page.support { (panel) }
        p { a href="/questionnaires" { "← " (tr.t("q-back")) } }
        h1 { (q.title) }
        @if let Some(n) = page.saved { (result(tr, q, page.points, n)) }
        (errors.summary())
        @let form = html! {
            form method="post" action={ "/questionnaires/" (q.id) } class="questionnaire" {
                (csrf(&viewer.csrf))
                input type="hidden" name="nonce" value=(nonce);
                @for item in &q.items { (question(tr, item, page.answers, &errors)) }
                button type="submit" { (tr.t("q-save")) }
            }
        };
        // Just answered: the result comes first, and the questions wait behind "Answer again".
        @if page.saved.is_some() {
            details { summary { (tr.t("q-again")) } (form) }
        } @else {
            (form)
        }
        @if !page.points.is_empty() { (history(tr, q, page.points)) }
        (schedule_form(viewer, q, page.every))
        details {
            summary { (tr.t("q-about")) }
            p { (q.copyright) }
        }
        @if app.config.crisis_configured() { (support::reminder(tr)) }
    };
    Ok(html(status, layout::page(viewer, &q.title, body)))
}

fn question(tr: &Tr, item: &Item, kept: &[(String, String)], errors: &Errors) -> Markup {
    let name = field(item);
    let chosen = kept.iter().find(|(l, _)| *l == item.link_id).map_or("", |(_, v)| v.as_str());
    let error = errors.message_for(&item.link_id);
    html! {
        @match &item.kind {
            ItemKind::Display => p class="lead" { (item.text) },
            ItemKind::Choice(options) => fieldset class={ "choices" @if error.is_some() { " field-error" } } id=(item.link_id) {
                legend { (item.text) @if !item.required { " " span class="hint" { "(" (tr.t("q-optional")) ")" } } }
                @if let Some(m) = &error { p class="error-message" { (m) } }
                @for o in options {
                    label {
                        input type="radio" name=(name) value=(o.coding.code) required[item.required] checked[chosen == o.coding.code];
                        span { (o.coding.display.clone().unwrap_or_else(|| o.coding.code.clone())) }
                    }
                }
            },
            ItemKind::Integer { min, max, low, high } => fieldset class={ "scale" @if error.is_some() { " field-error" } } id=(item.link_id) {
                legend { (item.text) }
                @if !low.is_empty() { p class="hint" { (min) " = " (low) ", " (max) " = " (high) } }
                @if let Some(m) = &error { p class="error-message" { (m) } }
                div class="scale-options" {
                    @for n in *min..=*max {
                        @let v = n.to_string();
                        label {
                            input type="radio" name=(name) value=(v) required[item.required] checked[chosen == v];
                            span { (n) }
                        }
                    }
                }
            },
        }
    }
}

/// What the answer just saved came to, gently: the score, its band, and how it compares.
fn result(tr: &Tr, q: &Questionnaire, points: &[Point], n: usize) -> Markup {
    let Some(p) = points.get(n) else { return html! {} };
    let before = n.checked_sub(1).and_then(|i| points.get(i));
    let score = q.format_score(p.score);
    html! {
        section id="result" class="notice" aria-labelledby="result-title" {
            h2 id="result-title" { (tr.t("q-saved")) }
            p { strong { (tr.ta("q-your-score", &[("score", &score)])) } @if let Some(b) = &p.band { " — " (b) } }
            p {
                @match (before, p.trend) {
                    (Some(b), Some(trend)) => {
                        @let args = [("date", b.response.authored.format("%Y-%m-%d").to_string()), ("score", q.format_score(b.score))];
                        @let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
                        (tr.ta(match trend { Trend::Better => "q-trend-better", Trend::Worse => "q-trend-worse", Trend::Steady => "q-trend-steady" }, &args))
                    },
                    _ => (tr.t("q-first")),
                }
            }
            @if p.flag { p { (tr.t("q-flag")) } }
        }
    }
}

fn history(tr: &Tr, q: &Questionnaire, points: &[Point]) -> Markup {
    html! {
        section aria-labelledby="history-title" {
            h2 id="history-title" { (tr.t("q-history")) }
            @if points.len() >= 2 { (chart(tr, q, points)) }
            (scores_table(tr, q, points, "history-caption"))
        }
    }
}

/// The scores over time on the questionnaire's whole scale; the table below says the same
/// in words, so the picture is only an aid.
fn chart(tr: &Tr, q: &Questionnaire, points: &[Point]) -> Markup {
    // Narrow, so its labels stay readable when a phone scales it down.
    const W: f64 = 360.0;
    const H: f64 = 120.0;
    const LEFT: f64 = 30.0;
    const PAD: f64 = 12.0;
    let Some((low, high)) = q.score_range().filter(|(l, h)| h > l) else { return html! {} };
    let (Some(first), Some(last)) = (points.first(), points.last()) else { return html! {} };
    let span = (last.response.authored - first.response.authored).num_seconds().max(1) as f64;
    let x = |p: &Point| {
        LEFT + (W - LEFT - PAD)
            * ((p.response.authored - first.response.authored).num_seconds() as f64 / span)
    };
    let y = |v: f64| PAD + (H - 2.0 * PAD) * (1.0 - (v - low) / (high - low));
    let line: Vec<String> = points.iter().map(|p| format!("{:.1},{:.1}", x(p), y(p.score))).collect();
    html! {
        figure class="chart" {
            svg viewBox={ "0 0 " (W) " " (H) } role="img" aria-labelledby="q-chart-title q-chart-desc" {
                title id="q-chart-title" { (q.title) }
                desc id="q-chart-desc" { (tr.t("q-chart-desc")) }
                g class="grid" {
                    @for v in [low, high] {
                        line x1=(LEFT) x2=(W) y1=(format!("{:.1}", y(v))) y2=(format!("{:.1}", y(v))) {}
                        text x=(LEFT - 6.0) y=(format!("{:.1}", y(v) + 4.0)) { (q.format_score(v)) }
                    }
                }
                g class="series pain" { polyline points=(line.join(" ")) {} }
            }
        }
    }
}

/// Scores over time, newest first, with each one's band and change: the member's history,
/// and what a clinician sees of it.
pub fn scores_table(tr: &Tr, q: &Questionnaire, points: &[Point], caption_id: &str) -> Markup {
    let columns = ["q-col-date", "q-col-score", "q-col-band", "q-col-change"].map(|c| tr.t(c));
    let rows = html! {
        @for p in points.iter().rev() {
            tr {
                td { (p.response.authored.format("%Y-%m-%d")) }
                td { (q.format_score(p.score)) }
                td { (p.band.clone().unwrap_or_default()) }
                td {
                    @match p.trend {
                        Some(Trend::Better) => (tr.t("q-change-better")),
                        Some(Trend::Worse) => (tr.t("q-change-worse")),
                        Some(Trend::Steady) => (tr.t("q-change-steady")),
                        None => "—",
                    }
                }
            }
        }
    };
    scroll_table(caption_id, &q.title, &columns, rows)
}

fn schedule_form(viewer: &Viewer, q: &Questionnaire, every: Option<u16>) -> Markup {
    let tr = &viewer.tr;
    let current = every.or(q.every_days).unwrap_or(28);
    html! {
        section id="schedule" aria-labelledby="schedule-title" {
            h2 id="schedule-title" { (tr.t("q-schedule")) }
            p { (tr.t("q-schedule-lead")) }
            @if let Some(days) = every { p { strong { (tr.ta("q-scheduled", &[("days", &days.to_string())])) } } }
            form method="post" action={ "/questionnaires/" (q.id) "/schedule" } {
                (csrf(&viewer.csrf))
                div class="field" {
                    label for="every" { (tr.t("q-schedule-every")) }
                    select id="every" name="every" {
                        @for d in PERIODS {
                            option value=(d) selected[d == current] { (tr.ta("q-schedule-days", &[("days", &d.to_string())])) }
                        }
                    }
                }
                button type="submit" { (tr.t("q-schedule-save")) }
                @if every.is_some() {
                    " " button type="submit" name="action" value="stop" class="secondary" { (tr.t("q-schedule-stop")) }
                }
            }
        }
    }
}

/// The home page's offer of the questionnaires that are due, one at a time.
pub fn due_offer(viewer: &Viewer, q: &Questionnaire) -> Markup {
    let tr = &viewer.tr;
    html! {
        section class="notice" aria-labelledby="due-title" {
            p id="due-title" { (tr.ta("q-due", &[("title", &q.title)])) }
            form method="post" action={ "/questionnaires/" (q.id) "/schedule" } class="inline" {
                (csrf(&viewer.csrf))
                a class="button" href={ "/questionnaires/" (q.id) } { (tr.t("q-due-answer")) }
                " "
                button type="submit" name="action" value="snooze" class="secondary" { (tr.t("q-not-now")) }
            }
        }
    }
}
