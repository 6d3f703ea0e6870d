//! History: the member's days as a chart (server-rendered SVG, so it works without
//! JavaScript and can later go into the PDF report) and, always beside it, the same days as a
//! table for screen readers and for people who prefer numbers.

use super::{html, layout, scroll_table};
use crate::auth::{Member, Viewer};
use crate::diary::strategy_name;
use crate::error::AppError;
use crate::AppState;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::{Duration, NaiveDate};
use foothold_core::checkin::Score;
use foothold_core::strategy::StrategyId;
use foothold_store::CheckIn;
use maud::{html, Markup, PreEscaped};
use serde::Deserialize;
use std::collections::HashMap;
use std::fmt::Write;
use std::sync::Arc;

pub const RANGES: [i64; 3] = [30, 90, 365];

/// A member's days in one range and their strategy names, kept per diary revision (see
/// `kept.rs`): the page is read far more often than the diary changes.
pub struct Loaded {
    days: Vec<CheckIn>,
    names: HashMap<StrategyId, String>,
}

/// Member, first day, span and language.
pub type HistoryKey = (foothold_store::UserId, NaiveDate, i64, String);

#[derive(Deserialize)]
pub struct RangeQuery {
    days: Option<i64>,
    /// A strategy whose days are marked under the charts.
    strategy: Option<StrategyId>,
}

/// The drawing's own units. Narrow, so that its text (15 units) stays at least 12 px on a
/// 360 px phone; on wider screens the CSS caps the chart's width.
const W: f64 = 400.0;
const H: f64 = 230.0;
const PAD_L: f64 = 30.0;
const PAD_R: f64 = 8.0;
const PAD_B: f64 = 44.0;
const PAD_T: f64 = 10.0;
/// Up to this many days, every day is also drawn as a dot.
const DOTS_UP_TO: i64 = 31;

fn x_of(d: NaiveDate, from: NaiveDate, span: i64) -> f64 {
    PAD_L + (W - PAD_L - PAD_R) * ((d - from).num_days() as f64) / (span.max(2) - 1) as f64
}

fn y_of(v: f64) -> f64 {
    PAD_T + (H - PAD_T - PAD_B) * (1.0 - v / 10.0)
}

/// Polylines for one series; a missing day breaks the line rather than being drawn as zero,
/// and a day with no neighbour is a dot (a line needs two).
fn series(days: &[CheckIn], from: NaiveDate, span: i64, value: impl Fn(&CheckIn) -> Option<f64>) -> String {
    let mut runs: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut previous: Option<NaiveDate> = None;
    for c in days {
        let Some(v) = value(c) else {
            previous = None;
            continue;
        };
        let point = (x_of(c.day, from, span), y_of(v));
        match runs.last_mut() {
            Some(run) if previous.is_some_and(|p| c.day - p <= Duration::days(1)) => run.push(point),
            _ => runs.push(vec![point]),
        }
        previous = Some(c.day);
    }
    let mut out = String::new();
    for run in &runs {
        if run.len() > 1 {
            let points: Vec<String> = run.iter().map(|(x, y)| format!("{x:.1},{y:.1}")).collect();
            let _ = write!(out, "<polyline points=\"{}\"/>", points.join(" "));
        }
        if run.len() == 1 || span <= DOTS_UP_TO {
            for (x, y) in run {
                let _ = write!(out, "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"3.5\"/>");
            }
        }
    }
    out
}

/// Dates under the axis: the first and last day of the range and two between.
fn date_axis(from: NaiveDate, span: i64) -> String {
    let mut out = String::new();
    for i in 0..4 {
        let day = from + Duration::days((span - 1) * i / 3);
        let anchor = match i {
            0 => "start",
            3 => "end",
            _ => "middle",
        };
        let _ = write!(
            out,
            "<line x1=\"{x:.1}\" x2=\"{x:.1}\" y1=\"{}\" y2=\"{}\"/><text x=\"{x:.1}\" y=\"{}\" text-anchor=\"{anchor}\">{}</text>",
            H - PAD_B,
            H - PAD_B + 4.0,
            H - 6.0,
            day.format("%-d %b"),
            x = x_of(day, from, span)
        );
    }
    out
}

/// One line of a chart: its CSS class, the Fluent id of its key, and its value on a day.
struct Line {
    class: &'static str,
    key: &'static str,
    value: fn(&CheckIn) -> Option<f64>,
}

fn score(s: Option<Score>) -> Option<f64> {
    s.map(|s| f64::from(s.value()))
}

const PAIN_LINES: [Line; 2] = [
    Line { class: "pain", key: "history-key-pain", value: |c| score(c.ratings.pain) },
    Line { class: "peg", key: "history-key-peg", value: |c| c.ratings.peg() },
];

const WELLBEING_LINES: [Line; 3] = [
    Line { class: "mood", key: "history-key-mood", value: |c| score(c.ratings.mood) },
    Line { class: "sleep", key: "history-key-sleep", value: |c| score(c.ratings.sleep) },
    Line { class: "control", key: "history-key-control", value: |c| score(c.ratings.control) },
];

/// A chart of `lines`; `marked` days (those with the chosen strategy) get a tick under the
/// axis, so a strategy can be seen beside the lines.
fn chart(
    viewer: &Viewer,
    id: &str,
    title: &str,
    days: &[CheckIn],
    (from, span): (NaiveDate, i64),
    lines: &[Line],
    marked: Option<(StrategyId, &str)>,
) -> Markup {
    let tr = &viewer.tr;
    let mut grid = String::new();
    for v in [0.0, 5.0, 10.0] {
        let y = y_of(v);
        let _ = write!(
            grid,
            "<line x1=\"{PAD_L}\" x2=\"{}\" y1=\"{y:.1}\" y2=\"{y:.1}\"/><text x=\"{}\" y=\"{:.1}\">{v}</text>",
            W - PAD_R,
            PAD_L - 5.0,
            y + 5.0
        );
    }
    // Flare days as shaded bands behind the lines, a day wide (at least a hair on a year).
    let mut flares = String::new();
    let band = ((W - PAD_L - PAD_R) / span.max(2) as f64).max(1.5);
    for c in days.iter().filter(|c| c.flare) {
        let _ = write!(
            flares,
            "<rect x=\"{:.1}\" y=\"{PAD_T}\" width=\"{band:.1}\" height=\"{:.1}\"/>",
            x_of(c.day, from, span) - band / 2.0,
            H - PAD_T - PAD_B
        );
    }
    let mut ticks = String::new();
    if let Some((id, _)) = marked {
        for c in days.iter().filter(|c| c.strategies.contains(&id)) {
            let _ = write!(
                ticks,
                "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"3\" height=\"8\"/>",
                x_of(c.day, from, span) - 1.5,
                H - PAD_B + 6.0
            );
        }
    }
    html! {
        figure class="chart" {
            svg viewBox={ "0 0 " (W) " " (H) } role="img" aria-labelledby={ (id) "-title " (id) "-desc" } {
                title id={ (id) "-title" } { (title) }
                desc id={ (id) "-desc" } { (tr.t("history-chart-desc")) }
                g class="flares" { (PreEscaped(flares.as_str())) }
                g class="grid" { (PreEscaped(grid)) }
                g class="dates" { (PreEscaped(date_axis(from, span))) }
                @for line in lines {
                    g class={ "series " (line.class) } { (PreEscaped(series(days, from, span, line.value))) }
                }
                @if marked.is_some() { g class="markers" { (PreEscaped(ticks)) } }
            }
            figcaption {
                @for line in lines { span class={ "key " (line.class) } { (tr.t(line.key)) } " " }
                @if !flares.is_empty() { span class="key flare-key" { (tr.t("history-key-flare")) } " " }
                @if let Some((_, name)) = marked { span class="key marker" { (tr.ta("history-key-marker", &[("strategy", name)])) } }
            }
        }
    }
}

fn cell(s: Option<Score>) -> String {
    s.map(|s| s.value().to_string()).unwrap_or_else(|| "–".into())
}

pub async fn show(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Query(q): Query<RangeQuery>,
) -> Response {
    let span = q.days.filter(|d| RANGES.contains(d)).unwrap_or(30);
    let loaded = async {
        let today = app.today(&user);
        let from = today - Duration::days(span - 1);
        let key = (user.id, from, span, viewer.tr.lang());
        let revision = app.store.diary_revision(user.id).await?;
        if let Some(kept) = app.history.get(&key, revision) {
            return Ok::<_, AppError>((from, kept));
        }
        let days = app.store.checkins(user.id, from, today).await?;
        let names: HashMap<StrategyId, String> = app
            .store
            .strategies(user.id)
            .await?
            .into_iter()
            .map(|s| (s.id, strategy_name(&viewer.tr, &s)))
            .collect();
        let loaded = Arc::new(Loaded { days, names });
        app.history.put(key, revision, Arc::clone(&loaded));
        Ok((from, loaded))
    };
    let (from, loaded) = match loaded.await {
        Ok(v) => v,
        Err(e) => return e.into_response(),
    };
    let (days, mut names) = (&loaded.days, loaded.names.clone());
    let tr = &viewer.tr;
    let title = tr.t("history-title");
    let marked = q.strategy.and_then(|id| Some((id, names.get(&id)?.clone())));
    let marks = marked.as_ref().map(|(id, n)| (*id, n.as_str()));
    let mut choices: Vec<(StrategyId, String)> = names.drain().collect();
    choices.sort_by_key(|c| c.1.to_lowercase());
    let names: HashMap<StrategyId, String> = choices.iter().cloned().collect();
    let window = (from, span);
    let columns = [
        tr.t("history-col-day"),
        tr.t("history-col-pain"),
        "PEG".to_owned(),
        tr.t("history-col-mood"),
        tr.t("history-col-sleep"),
        tr.t("history-col-control"),
        tr.t("history-col-strategies"),
    ];
    let body = html! {
        h1 { (title) }
        p { a href="/history/calendar" { (tr.t("calendar-link")) } }
        nav aria-label=(tr.t("history-ranges")) class="ranges" {
            @for r in RANGES {
                @if r == span {
                    span aria-current="page" { (tr.ta("history-range", &[("days", &r.to_string())])) }
                } @else {
                    a href={ "/history?days=" (r) } { (tr.ta("history-range", &[("days", &r.to_string())])) }
                }
            }
        }
        @if days.is_empty() {
            p { (tr.t("history-empty")) " " a href="/checkin" { (tr.t("home-checkin")) } }
        } @else {
            form method="get" action="/history" class="marker-form" {
                input type="hidden" name="days" value=(span);
                label for="strategy" { (tr.t("history-mark")) }
                select id="strategy" name="strategy" {
                    option value="" { (tr.t("history-mark-none")) }
                    @for (id, name) in &choices {
                        option value=(id) selected[marked.as_ref().is_some_and(|(m, _)| m == id)] { (name) }
                    }
                }
                button type="submit" { (tr.t("history-mark-show")) }
            }
            (chart(&viewer, "pain-chart", &tr.ta("history-chart-title", &[("days", &span.to_string())]), days, window, &PAIN_LINES, marks))
            (chart(&viewer, "wellbeing-chart", &tr.ta("history-chart-wellbeing", &[("days", &span.to_string())]), days, window, &WELLBEING_LINES, marks))
            p class="hint" { (tr.ta("history-count", &[("count", &days.len().to_string()), ("days", &span.to_string())])) }
            (scroll_table("days-caption", &tr.t("history-table"), &columns, html! {
                @for c in days.iter().rev() {
                    tr {
                        th scope="row" {
                            a href={ "/checkin?day=" (c.day) } { (c.day) }
                            @if c.flare { " " span class="flare-tag" { (tr.t("history-flare")) } }
                        }
                        td { (cell(c.ratings.pain)) }
                        td { (c.ratings.peg().map_or_else(|| "–".to_owned(), |p| format!("{p:.1}"))) }
                        td { (cell(c.ratings.mood)) }
                        td { (cell(c.ratings.sleep)) }
                        td { (cell(c.ratings.control)) }
                        td { (c.strategies.iter().filter_map(|id| names.get(id).cloned()).collect::<Vec<_>>().join(", ")) }
                    }
                }
            }))
        }
    };
    html(StatusCode::OK, layout::page(&viewer, &title, body))
}
