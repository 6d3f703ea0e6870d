//! Goals and pacing: set a goal, record a baseline, start a plan that rises a little each
//! week, record steps, pause for a flare, and see the plan beside what was done.

use super::form::{csrf, value, Errors};
use super::{html, layout, scroll_table, see_other};
use crate::auth::{Member, Viewer};
use crate::error::{AppError, AppResult};
use crate::goals;
use crate::i18n::Tr;
use crate::support::{self, Audience};
use crate::thoughts::{nonce, parse_nonce};
use crate::AppState;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use chrono::NaiveDate;
use foothold_core::checkin::parse_day;
use foothold_core::goal::{self, days_of_plan, parse_new_goal, DayOfPlan, GoalId, Unit, BASELINE_DAYS_MIN};
use foothold_core::Invalid;
use foothold_store::{Goal, User};
use maud::{html, Markup};
use serde::Deserialize;

/// First goals the skills library suggests: an activity (a message `goal-suggest-<key>`)
/// and its unit.
const SUGGESTIONS: [(&str, Unit); 5] = [
    ("walk", Unit::Minutes),
    ("stand", Unit::Minutes),
    ("stretch", Unit::Minutes),
    ("read", Unit::Pages),
    ("outside", Unit::Times),
];

pub use crate::goals::amount;

/// Where a goal stands, in one line.
fn status_line(tr: &Tr, g: &goals::GoalOnDay, today: NaiveDate) -> String {
    let goal = &g.goal;
    if let Some(day) = goal.ended_on {
        return tr.ta("goal-status-ended", &[("day", &day.to_string())]);
    }
    match (&g.plan, g.target) {
        (None, _) | (_, None) => tr.t("goal-status-baseline"),
        (Some(plan), Some(target)) => {
            let step = amount(tr, goal.unit, target);
            if goal.paused() {
                tr.ta("goal-status-paused", &[("step", &step)])
            } else {
                let week = (plan.week(today) + 1).to_string();
                tr.ta("goal-status-week", &[("week", &week), ("step", &step)])
            }
        }
    }
}

pub async fn list(
    State(app): State<AppState>,
    Member { user, viewer, today }: Member,
) -> AppResult<Response> {
    let tr = &viewer.tr;
    let all = goals::on_day(&app.store, user.id, today).await?;
    let (current, ended): (Vec<_>, Vec<_>) = all.iter().partition(|g| g.current());
    let title = tr.t("goals-title");
    let body = html! {
        h1 { (title) }
        p class="lead" { (tr.t("goals-lead")) }
        p { a class="button" href="/goals/new" { (tr.t("goals-new")) } " " a href="/wins" { (tr.t("wins-title")) } }
        @if current.is_empty() { p { (tr.t("goals-none")) } }
        ul class="cards" {
            @for g in &current {
                li {
                    h2 { a href={ "/goals/" (g.goal.id) } { (g.goal.activity) } }
                    p { (status_line(tr, g, today)) }
                    @if let (Some(t), Some(d)) = (g.target, g.done) {
                        @if d >= t { p class="notice" { (tr.t("goal-today-done")) } }
                    }
                }
            }
        }
        @if !ended.is_empty() {
            h2 { (tr.t("goals-ended")) }
            ul { @for g in &ended { li { a href={ "/goals/" (g.goal.id) } { (g.goal.activity) } " — " (status_line(tr, g, today)) } } }
        }
    };
    Ok(html(StatusCode::OK, layout::page(&viewer, &title, body)))
}

#[derive(Deserialize, Default)]
pub struct NewQuery {
    suggest: Option<String>,
    /// A goal proposed by someone the member shares with, taken up: its activity and unit.
    activity: Option<String>,
    unit: Option<String>,
}

/// The goal form as typed.
#[derive(Default)]
struct Typed<'a> {
    activity: String,
    unit: &'a str,
    start_percent: &'a str,
    rise_percent: &'a str,
    ceiling: &'a str,
    flare_plan: &'a str,
}

fn new_page(viewer: &Viewer, typed: &Typed, error: Option<&AppError>) -> AppResult<Response> {
    let tr = &viewer.tr;
    let errors = Errors { tr, error };
    let title = tr.t("goal-new-title");
    let field_class =
        |name: &str| if errors.message_for(name).is_some() { "field field-error" } else { "field" };
    let message = |name: &str| errors.message_for(name).map(|m| html! { p class="error-message" { (m) } });
    let body = html! {
        p { a href="/goals" { "← " (tr.t("goals-title")) } }
        h1 { (title) }
        p class="lead" { (tr.t("goal-new-lead")) }
        section aria-labelledby="suggestions" {
            h2 id="suggestions" { (tr.t("goal-suggestions")) }
            ul class="chips" {
                @for (key, _) in SUGGESTIONS {
                    li { a class="chip" href={ "/goals/new?suggest=" (key) } { (tr.t(&format!("goal-suggest-{key}"))) } }
                }
            }
        }
        (errors.summary())
        form method="post" action="/goals" novalidate {
            (csrf(&viewer.csrf))
            input type="hidden" name="nonce" value=(nonce()?);
            div class=(field_class("activity")) {
                label for="activity" { (tr.t("goal-activity")) }
                p class="hint" id="activity-hint" { (tr.t("goal-activity-hint")) }
                @if let Some(m) = message("activity") { (m) }
                input type="text" id="activity" name="activity" value=(typed.activity) maxlength=(goal::ACTIVITY_MAX) aria-describedby="activity-hint" autocomplete="off";
            }
            div class=(field_class("unit")) {
                label for="unit" { (tr.t("goal-unit")) }
                @if let Some(m) = message("unit") { (m) }
                select id="unit" name="unit" {
                    @for u in Unit::ALL {
                        option value=(u.as_str()) selected[typed.unit == u.as_str()] { (tr.t(&format!("goal-unit-name-{}", u.as_str()))) }
                    }
                }
            }
            details open[!typed.start_percent.is_empty() || !typed.rise_percent.is_empty() || errors.error.is_some()] {
                summary { (tr.t("goal-pace")) }
                div class=(field_class("start_percent")) {
                    label for="start_percent" { (tr.t("goal-start-percent")) }
                    p class="hint" id="start-hint" { (tr.t("goal-start-percent-hint")) }
                    @if let Some(m) = message("start_percent") { (m) }
                    input type="number" inputmode="numeric" id="start_percent" name="start_percent" min="50" max="100" value=(if typed.start_percent.is_empty() { "80" } else { typed.start_percent }) aria-describedby="start-hint";
                }
                div class=(field_class("rise_percent")) {
                    label for="rise_percent" { (tr.t("goal-rise-percent")) }
                    p class="hint" id="rise-hint" { (tr.t("goal-rise-percent-hint")) }
                    @if let Some(m) = message("rise_percent") { (m) }
                    input type="number" inputmode="numeric" id="rise_percent" name="rise_percent" min="5" max="20" value=(if typed.rise_percent.is_empty() { "10" } else { typed.rise_percent }) aria-describedby="rise-hint";
                }
                div class=(field_class("ceiling")) {
                    label for="ceiling" { (tr.t("goal-ceiling")) }
                    p class="hint" id="ceiling-hint" { (tr.t("goal-ceiling-hint")) }
                    @if let Some(m) = message("ceiling") { (m) }
                    input type="number" inputmode="numeric" id="ceiling" name="ceiling" min="1" value=(typed.ceiling) aria-describedby="ceiling-hint";
                }
            }
            div class=(field_class("flare_plan")) {
                label for="flare_plan" { (tr.t("goal-flare-plan")) }
                p class="hint" id="flare-hint" { (tr.t("goal-flare-plan-hint")) }
                @if let Some(m) = message("flare_plan") { (m) }
                textarea id="flare_plan" name="flare_plan" rows="3" maxlength=(goal::FLARE_PLAN_MAX) aria-describedby="flare-hint" { (typed.flare_plan) }
            }
            button type="submit" { (tr.t("goal-create")) }
        }
    };
    let status = error.map_or(StatusCode::OK, AppError::status);
    Ok(html(status, layout::page(viewer, &title, body)))
}

pub async fn new(Member { viewer, .. }: Member, Query(q): Query<NewQuery>) -> AppResult<Response> {
    let suggestion = q.suggest.as_deref().and_then(|s| SUGGESTIONS.iter().find(|(k, _)| *k == s));
    let typed = match suggestion {
        Some((key, unit)) => Typed {
            activity: viewer.tr.t(&format!("goal-suggest-{key}")),
            unit: unit.as_str(),
            ..Typed::default()
        },
        None => Typed {
            activity: q.activity.clone().unwrap_or_default(),
            unit: q.unit.as_deref().and_then(Unit::parse).map_or("", Unit::as_str),
            ..Typed::default()
        },
    };
    new_page(&viewer, &typed, None)
}

pub async fn create(
    State(app): State<AppState>,
    Member { user, viewer, today }: Member,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let typed = Typed {
        activity: value(&pairs, "activity").to_owned(),
        unit: value(&pairs, "unit"),
        start_percent: value(&pairs, "start_percent"),
        rise_percent: value(&pairs, "rise_percent"),
        ceiling: value(&pairs, "ceiling"),
        flare_plan: value(&pairs, "flare_plan"),
    };
    let parsed = parse_new_goal(
        &typed.activity,
        typed.unit,
        typed.start_percent,
        typed.rise_percent,
        typed.ceiling,
        typed.flare_plan,
    );
    let new = match parsed {
        Ok(n) => n,
        Err(invalid) => return new_page(&viewer, &typed, Some(&AppError::from(invalid))),
    };
    let nonce = parse_nonce(value(&pairs, "nonce"))?;
    let created = app.store.create_goal(user.id, &nonce, &new, today).await?;
    // The activity and flare plan are the member's words: the support service reads them.
    if let Some(level) = app.support.read(&[&new.activity, &new.flare_plan]).await {
        let panel = support::panel(&app.config, &viewer.tr, level, Audience::OnlyYou);
        return show_page(&app, &viewer, &user, &created, Some(panel), None).await;
    }
    Ok(see_other(&format!("/goals/{}", created.id)))
}

pub async fn show(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(id): Path<GoalId>,
) -> AppResult<Response> {
    let goal = app.store.goal(user.id, id).await?;
    show_page(&app, &viewer, &user, &goal, None, None).await
}

async fn show_page(
    app: &AppState,
    viewer: &Viewer,
    user: &User,
    goal: &Goal,
    support: Option<Markup>,
    error: Option<&AppError>,
) -> AppResult<Response> {
    let tr = &viewer.tr;
    let today = app.today(user);
    let steps = app.store.goal_steps(user.id, goal.id).await?;
    let done_today = steps.iter().find(|(d, _)| *d == today).map(|(_, a)| *a);
    let g = goals::GoalOnDay::new(goal.clone(), today, done_today);
    let errors = Errors { tr, error };
    let title = goal.activity.clone();
    let base = format!("/goals/{}", goal.id);
    let baseline_days: Vec<&(NaiveDate, u32)> =
        steps.iter().filter(|(d, _)| goal.started_on.is_none_or(|s| *d < s)).collect();
    let body = html! {
        @if let Some(panel) = &support { (panel) }
        p { a href="/goals" { "← " (tr.t("goals-title")) } }
        h1 { (title) }
        p class="lead" { (status_line(tr, &g, today)) }
        (errors.summary())
        @if g.current() {
            @if let (Some(target), None) = (g.target, g.done) {
                form method="post" action={ (base) "/steps" } {
                    (csrf(&viewer.csrf))
                    input type="hidden" name="day" value=(today);
                    input type="hidden" name="amount" value=(target);
                    button type="submit" { (tr.ta("goal-did-step", &[("step", &amount(tr, goal.unit, target))])) }
                }
            }
            @if g.plan.is_some() { (record_form(viewer, goal, today, &g, &errors)) }
        }
        @if goal.reached_on.is_some() { p class="notice" { (tr.t("goal-reached-note")) } }
        @match (&g.plan, goal.started_on) {
            (Some(plan), Some(_)) => {
                @let days = days_of_plan(plan, &steps, today);
                (plan_section(tr, goal, &days))
                @if g.current() { (flare_section(viewer, goal, &base)) }
            }
            _ => (baseline_section(viewer, goal, &baseline_days, &base, record_form(viewer, goal, today, &g, &errors))),
        }
        @if !goal.flare_plan.is_empty() && !goal.paused() {
            details { summary { (tr.t("goal-flare-plan")) } p class="pre-line" { (goal.flare_plan) } }
        }
        @if g.current() {
            details class="end-goal" {
                summary { (tr.t("goal-end-ask")) }
                p { (tr.t("goal-end-lead")) }
                form method="post" action={ (base) "/end" } {
                    (csrf(&viewer.csrf))
                    button type="submit" class="secondary" { (tr.t("goal-end")) }
                }
            }
        }
    };
    let status = error.map_or(StatusCode::OK, AppError::status);
    Ok(html(status, layout::page(viewer, &goal.activity, body)))
}

fn record_form(
    viewer: &Viewer,
    goal: &Goal,
    today: NaiveDate,
    g: &goals::GoalOnDay,
    errors: &Errors,
) -> Markup {
    let tr = &viewer.tr;
    let prefill = g.done.or(g.target).map(|a| a.to_string()).unwrap_or_default();
    html! {
        details open[errors.error.is_some() || g.plan.is_none()] {
            summary { (tr.t("goal-record")) }
            form method="post" action={ "/goals/" (goal.id) "/steps" } novalidate {
                (csrf(&viewer.csrf))
                div class={ "field" @if errors.message_for("day").is_some() { " field-error" } } {
                    label for="day" { (tr.t("goal-record-day")) }
                    @if let Some(m) = errors.message_for("day") { p class="error-message" { (m) } }
                    input type="date" id="day" name="day" value=(today) max=(today);
                }
                div class={ "field" @if errors.message_for("amount").is_some() { " field-error" } } {
                    label for="amount" { (tr.ta("goal-record-amount", &[("unit", &tr.t(&format!("goal-unit-name-{}", goal.unit.as_str())))])) }
                    p class="hint" id="amount-hint" { (tr.t("goal-record-amount-hint")) }
                    @if let Some(m) = errors.message_for("amount") { p class="error-message" { (m) } }
                    input type="number" inputmode="numeric" min="0" id="amount" name="amount" value=(prefill) aria-describedby="amount-hint";
                }
                button type="submit" { (tr.t("goal-record-save")) }
            }
        }
    }
}

fn baseline_section(
    viewer: &Viewer,
    goal: &Goal,
    days: &[&(NaiveDate, u32)],
    base: &str,
    record: Markup,
) -> Markup {
    let tr = &viewer.tr;
    let amounts: Vec<u32> = days.iter().map(|(_, a)| *a).collect();
    let baseline = goal::baseline(&amounts);
    html! {
        section aria-labelledby="baseline-title" {
            h2 id="baseline-title" { (tr.t("goal-baseline")) }
            p { (tr.ta("goal-baseline-lead", &[("days", &BASELINE_DAYS_MIN.to_string())])) }
            @if goal.ended_on.is_none() { (record) }
            @if !days.is_empty() {
                (scroll_table("baseline-caption", &tr.t("goal-baseline"), &[tr.t("goal-col-day"), tr.t("goal-col-done")], html! {
                    @for (d, a) in days { tr { td { (d) } td { (amount(tr, goal.unit, *a)) } } }
                }))
            }
            @match baseline {
                Some(b) => {
                    @let first = goal::Plan {
                        baseline: b, start_percent: goal.start_percent, rise_percent: goal.rise_percent,
                        ceiling: goal.ceiling, started_on: NaiveDate::MIN, pauses: Vec::new(), steps_back: 0,
                    }.target_of_week(0);
                    p { (tr.ta("goal-baseline-ready", &[
                        ("baseline", &amount(tr, goal.unit, b.round() as u32)),
                        ("step", &amount(tr, goal.unit, first)),
                        ("rise", &goal.rise_percent.to_string()),
                    ])) }
                    form method="post" action={ (base) "/start" } {
                        (csrf(&viewer.csrf))
                        button type="submit" { (tr.t("goal-start")) }
                    }
                }
                None => p { (tr.ta("goal-baseline-more", &[("left", &BASELINE_DAYS_MIN.saturating_sub(days.len()).max(1).to_string())])) },
            }
        }
    }
}

fn plan_section(tr: &Tr, goal: &Goal, days: &[DayOfPlan]) -> Markup {
    // Newest week first; a week is seven days from the plan's start.
    let weeks: Vec<&[DayOfPlan]> = days.chunks(7).rev().collect();
    let columns = ["goal-col-week", "goal-col-step", "goal-col-days-done"].map(|c| tr.t(c));
    html! {
        section aria-labelledby="plan-title" {
            h2 id="plan-title" { (tr.t("goal-plan")) }
            p { (tr.ta("goal-plan-lead", &[("rise", &goal.rise_percent.to_string())])) }
            (chart(tr, goal, days))
            (scroll_table("plan-caption", &tr.t("goal-plan-caption"), &columns, html! {
                @for w in &weeks {
                    @if let (Some(first), Some(last)) = (w.first(), w.last()) {
                        tr {
                            td { (first.day) }
                            td {
                                (amount(tr, goal.unit, last.target))
                                @if w.iter().any(|d| d.paused) { " " (tr.t("goal-col-paused")) }
                            }
                            td { (tr.ta("goal-days-done", &[
                                ("done", &w.iter().filter(|d| d.step_done()).count().to_string()),
                                ("days", &w.len().to_string()),
                            ])) }
                        }
                    }
                }
            }))
        }
    }
}

/// The last eight weeks of the plan: the target as a stepped line, each recorded day as a
/// dot (filled when the step was done).
fn chart(tr: &Tr, goal: &Goal, days: &[DayOfPlan]) -> Markup {
    const W: f64 = 360.0;
    const H: f64 = 140.0;
    const LEFT: f64 = 34.0;
    const PAD: f64 = 12.0;
    let shown = days.get(days.len().saturating_sub(56)..).unwrap_or_default();
    let Some(first) = shown.first() else { return html! {} };
    let top = shown.iter().map(|d| d.target.max(d.done.unwrap_or(0))).max().unwrap_or(1).max(1);
    let n = shown.len().max(2) as f64 - 1.0;
    let x = |d: &DayOfPlan| LEFT + (W - LEFT - PAD) * ((d.day - first.day).num_days() as f64 / n);
    let y = |v: u32| PAD + (H - 2.0 * PAD) * (1.0 - f64::from(v) / f64::from(top));
    let line: Vec<String> = shown
        .iter()
        .flat_map(|d| {
            let (x0, yv) = (x(d), y(d.target));
            [format!("{x0:.1},{yv:.1}"), format!("{:.1},{yv:.1}", x0 + (W - LEFT - PAD) / n)]
        })
        .collect();
    html! {
        figure class="chart goal-chart" {
            svg viewBox={ "0 0 " (W) " " (H) } role="img" aria-labelledby="goal-chart-title goal-chart-desc" {
                title id="goal-chart-title" { (goal.activity) }
                desc id="goal-chart-desc" { (tr.t("goal-chart-desc")) }
                g class="grid" {
                    @for v in [0, top] {
                        line x1=(LEFT) x2=(W) y1=(format!("{:.1}", y(v))) y2=(format!("{:.1}", y(v))) {}
                        text x=(LEFT - 6.0) y=(format!("{:.1}", y(v) + 4.0)) { (v) }
                    }
                }
                g class="series plan" { polyline points=(line.join(" ")) {} }
                g class="done" {
                    @for d in shown {
                        @if let Some(a) = d.done {
                            circle cx=(format!("{:.1}", x(d))) cy=(format!("{:.1}", y(a))) r="3.5" class=[(!d.step_done()).then_some("short")] {}
                        }
                    }
                }
            }
            figcaption { (tr.t("goal-chart-caption")) }
        }
    }
}

fn flare_section(viewer: &Viewer, goal: &Goal, base: &str) -> Markup {
    let tr = &viewer.tr;
    html! {
        section aria-labelledby="flare-title" class=[goal.paused().then_some("flare")] {
            h2 id="flare-title" { (tr.t("goal-flare")) }
            @if goal.paused() {
                p { (tr.t("goal-paused-lead")) }
                @if !goal.flare_plan.is_empty() {
                    h3 { (tr.t("goal-flare-plan")) }
                    p class="pre-line" { (goal.flare_plan) }
                }
                form method="post" action={ (base) "/resume" } {
                    (csrf(&viewer.csrf))
                    fieldset {
                        legend { (tr.t("goal-resume-how")) }
                        label { input type="radio" name="step_back" value="no" checked; " " (tr.t("goal-resume-same")) }
                        label { input type="radio" name="step_back" value="yes"; " " (tr.t("goal-resume-back")) }
                    }
                    button type="submit" { (tr.t("goal-resume")) }
                }
            } @else {
                p { (tr.t("goal-flare-lead")) }
                form method="post" action={ (base) "/pause" } {
                    (csrf(&viewer.csrf))
                    button type="submit" class="secondary" { (tr.t("goal-pause")) }
                }
            }
        }
    }
}

pub async fn record(
    State(app): State<AppState>,
    Member { user, viewer, today }: Member,
    Path(id): Path<GoalId>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let goal = app.store.goal(user.id, id).await?;
    let day = parse_day(value(&pairs, "day"), today);
    let amount = match value(&pairs, "amount").trim() {
        "" => Ok(None),
        a => goal::parse_amount(a).map(Some),
    };
    match Invalid::both(day, amount) {
        Ok((day, amount)) => {
            goals::record(&app.store, user.id, &goal, day, amount).await?;
            Ok(see_other(&format!("/goals/{id}")))
        }
        Err(invalid) => show_page(&app, &viewer, &user, &goal, None, Some(&AppError::from(invalid))).await,
    }
}

pub async fn start(
    State(app): State<AppState>,
    Member { user, viewer, today }: Member,
    Path(id): Path<GoalId>,
) -> AppResult<Response> {
    let goal = app.store.goal(user.id, id).await?;
    match goals::start(&app.store, user.id, &goal, today).await.map_err(AppError::from) {
        Ok(_) => Ok(see_other(&format!("/goals/{id}"))),
        Err(e @ AppError::Invalid(_)) => show_page(&app, &viewer, &user, &goal, None, Some(&e)).await,
        Err(e) => Err(e),
    }
}

pub async fn pause(
    State(app): State<AppState>,
    Member { user, today, .. }: Member,
    Path(id): Path<GoalId>,
) -> AppResult<Response> {
    app.store.pause_goal(user.id, id, today).await?;
    Ok(see_other(&format!("/goals/{id}#flare-title")))
}

pub async fn resume(
    State(app): State<AppState>,
    Member { user, today, .. }: Member,
    Path(id): Path<GoalId>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let back = value(&pairs, "step_back") == "yes";
    app.store.resume_goal(user.id, id, today, back).await?;
    Ok(see_other(&format!("/goals/{id}")))
}

pub async fn end(
    State(app): State<AppState>,
    Member { user, today, .. }: Member,
    Path(id): Path<GoalId>,
) -> AppResult<Response> {
    app.store.end_goal(user.id, id, today).await?;
    Ok(see_other("/goals"))
}

/// How many of a plan's days so far had their step done, for the wins wall.
pub fn steps_done(goal: &Goal, steps: &[(NaiveDate, u32)], today: NaiveDate) -> usize {
    goal.plan().map_or(0, |p| days_of_plan(&p, steps, today).iter().filter(|d| d.step_done()).count())
}
