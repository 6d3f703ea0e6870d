//! Personal experiments as pages: the list, the design form (prefilled from an insight's
//! "Test it"), the plan as a calendar before it starts, the running experiment with its
//! pause / extend / stop buttons, and — once it is over — the result (`experiment_report`).

use super::experiment_report;
use super::form::{csrf, Errors};
use super::{html, layout, see_other};
use crate::auth::{Member, Viewer};
use crate::diary::strategy_name;
use crate::error::AppError;
use crate::experiments::{self, DesignInput, Loaded};
use crate::i18n::Tr;
use crate::AppState;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Form;
use chrono::{Datelike, Duration, NaiveDate};
use foothold_core::agency::Outcome;
use foothold_core::experiment::{design, Action, ExperimentId, Status};
use foothold_store::{Strategy, User};
use maud::{html, Markup};
use serde::Deserialize;

pub fn outcome_name(tr: &Tr, o: Outcome) -> String {
    tr.t(&format!("insights-outcome-{}", o.as_str()))
}

/// The outcome's name inside a sentence ("your pain").
pub fn outcome_in_sentence(tr: &Tr, o: Outcome) -> String {
    tr.t(&format!("insights-name-{}", o.as_str()))
}

fn status_name(tr: &Tr, s: Status) -> String {
    tr.t(&format!("experiment-status-{}", s.as_str()))
}

fn dates(tr: &Tr, e: &Loaded) -> String {
    tr.ta(
        "experiment-dates",
        &[("start", &e.course.design.start.to_string()), ("end", &e.course.last_day().to_string())],
    )
}

pub async fn list(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Query(q): Query<DoneQuery>,
) -> Response {
    let loaded = async {
        let today = app.today(&user);
        Ok::<_, AppError>((today, experiments::load_all(&app.store, &viewer.tr, user.id).await?))
    };
    let (today, all) = match loaded.await {
        Ok(v) => v,
        Err(e) => return e.into_response(),
    };
    let tr = &viewer.tr;
    let title = tr.t("experiments-title");
    let body = html! {
        h1 { (title) }
        @if q.done.as_deref() == Some("cancelled") { p class="notice" role="status" { (tr.t("experiment-cancelled")) } }
        p class="lead" { (tr.t("experiments-lead")) }
        p { a class="button" href="/experiments/new" { (tr.t("experiments-new")) } }
        @if all.is_empty() {
            p { (tr.t("experiments-none")) }
        } @else {
            ul class="experiments" {
                @for e in &all {
                    li {
                        a href={ "/experiments/" (e.stored.id) } {
                            (e.labels.0) " · " (outcome_name(tr, e.course.design.outcome))
                        }
                        " — " (status_name(tr, e.status(today))) ", " (dates(tr, e))
                    }
                }
            }
        }
        section aria-labelledby="why-experiments" {
            h2 id="why-experiments" { (tr.t("experiments-why")) }
            p { (tr.t("experiments-why-text")) }
        }
    };
    html(StatusCode::OK, layout::page(&viewer, &title, body))
}

#[derive(Deserialize, Default)]
pub struct NewQuery {
    strategy: Option<String>,
    outcome: Option<String>,
}

pub async fn new_form(
    State(app): State<AppState>,
    Member { user, viewer, today }: Member,
    Query(q): Query<NewQuery>,
) -> Response {
    let input = DesignInput {
        strategy: q.strategy.unwrap_or_default(),
        outcome: q.outcome.unwrap_or_default(),
        // Tomorrow: an experiment starts when the member is ready, not the moment they look.
        start: (today + Duration::days(1)).to_string(),
        ..DesignInput::default()
    };
    design_page(&app, &viewer, &user, &input, None, None).await
}

/// The design form, new (`editing` = None) or for a plan not yet started.
async fn design_page(
    app: &AppState,
    viewer: &Viewer,
    user: &User,
    input: &DesignInput,
    editing: Option<(ExperimentId, i64)>,
    error: Option<&AppError>,
) -> Response {
    let strategies = match app.store.strategies(user.id).await {
        Ok(s) => s,
        Err(e) => return AppError::from(e).into_response(),
    };
    let tr = &viewer.tr;
    let errors = Errors { tr, error };
    let title = tr.t(if editing.is_some() { "experiment-edit-title" } else { "experiment-new-title" });
    let action =
        editing.map_or_else(|| "/experiments".to_owned(), |(id, _)| format!("/experiments/{id}/edit"));
    let active: Vec<&Strategy> = strategies.iter().filter(|s| !s.archived).collect();
    let choose = |name: &'static str, selected: &str, none: Option<String>| {
        html! {
            select id=(name) name=(name) aria-invalid=[errors.message_for(name).map(|_| "true")] {
                @if let Some(none) = none { option value="" { (none) } }
                @for s in &active {
                    option value=(s.id) selected[s.id.to_string() == selected.trim()] { (strategy_name(tr, s)) }
                }
            }
        }
    };
    let number = |name: &'static str, value: &str, default: u32, (lo, hi): (u32, u32)| {
        let error = errors.message_for(name);
        html! {
            div class={ "field" @if error.is_some() { " field-error" } } {
                label for=(name) { (tr.t(&format!("experiment-field-{}", name.replace('_', "-")))) }
                p class="hint" id={ (name) "-hint" } { (tr.t(&format!("experiment-field-{}-hint", name.replace('_', "-")))) }
                @if let Some(m) = &error { p class="error-message" { (m) } }
                input id=(name) name=(name) type="number" inputmode="numeric" min=(lo) max=(hi)
                    value=(if value.is_empty() { default.to_string() } else { value.to_owned() })
                    aria-describedby={ (name) "-hint" };
            }
        }
    };
    let field_error =
        |name: &str| errors.message_for(name).map(|m| html! { p class="error-message" { (m) } });
    let body = html! {
        p { a href="/experiments" { "← " (tr.t("experiments-back")) } }
        h1 { (title) }
        p class="lead" { (tr.t("experiment-new-lead")) }
        (errors.summary())
        form method="post" action=(action) class="experiment-design" novalidate {
            (csrf(&viewer.csrf))
            @if let Some((_, version)) = editing { input type="hidden" name="version" value=(version); }
            div class="field" {
                label for="strategy" { (tr.t("experiment-field-strategy")) }
                @if let Some(m) = field_error("strategy") { (m) }
                (choose("strategy", &input.strategy, None))
            }
            div class="field" {
                label for="new_strategy" { (tr.t("experiment-field-new-strategy")) }
                p class="hint" id="new_strategy-hint" { (tr.t("experiment-field-new-strategy-hint")) }
                @if let Some(m) = field_error("new_strategy") { (m) }
                input id="new_strategy" name="new_strategy" type="text" maxlength="60" autocomplete="off"
                    value=(input.new_strategy) aria-describedby="new_strategy-hint";
            }
            div class="field" {
                label for="versus" { (tr.t("experiment-field-versus")) }
                p class="hint" { (tr.t("experiment-field-versus-hint")) }
                @if let Some(m) = field_error("versus") { (m) }
                (choose("versus", &input.versus, Some(tr.t("experiment-versus-none"))))
            }
            div class="field" {
                label for="outcome" { (tr.t("experiment-field-outcome")) }
                @if let Some(m) = field_error("outcome") { (m) }
                select id="outcome" name="outcome" {
                    @for o in Outcome::ALL {
                        option value=(o.as_str()) selected[input.outcome == o.as_str()] { (outcome_name(tr, o)) }
                    }
                }
            }
            (number("period_days", &input.period_days, design::PERIOD_DAYS_DEFAULT, design::PERIOD_DAYS))
            (number("pairs", &input.pairs, design::PAIRS_DEFAULT, design::PAIRS))
            (number("washout_days", &input.washout_days, 0, (0, design::PERIOD_DAYS.1 - 2)))
            div class="field" {
                label for="start" { (tr.t("experiment-field-start")) }
                p class="hint" id="start-hint" { (tr.t("experiment-field-start-hint")) }
                @if let Some(m) = field_error("start") { (m) }
                input id="start" name="start" type="date" value=(input.start) aria-describedby="start-hint";
            }
            @let agreed_error = errors.message_for("prescriber");
            div class={ "field" @if agreed_error.is_some() { " field-error" } } id="prescriber" {
                p class="hint" id="prescriber-hint" { (tr.t("experiment-prescriber-why")) }
                @if let Some(m) = &agreed_error { p class="error-message" { (m) } }
                label class="chip" {
                    input type="checkbox" name="prescriber" value="yes" checked[input.prescriber == "yes"] aria-describedby="prescriber-hint";
                    span { (tr.t("experiment-prescriber-agreed")) }
                }
            }
            button type="submit" { (tr.t(if editing.is_some() { "experiment-save-plan" } else { "experiment-make-plan" })) }
        }
    };
    let status = error.map_or(StatusCode::OK, AppError::status);
    html(status, layout::page(viewer, &title, body))
}

pub async fn create(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Form(input): Form<DesignInput>,
) -> Response {
    match experiments::create(&app.store, &app.clock, &user, &input).await.map_err(AppError::from) {
        Ok(e) => see_other(&format!("/experiments/{}?done=planned", e.id)),
        Err(e @ (AppError::Invalid(_) | AppError::Conflict(_))) => {
            design_page(&app, &viewer, &user, &input, None, Some(&e)).await
        }
        Err(e) => e.into_response(),
    }
}

#[derive(Deserialize, Default)]
pub struct DoneQuery {
    done: Option<String>,
}

pub async fn show(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(id): Path<ExperimentId>,
    Query(q): Query<DoneQuery>,
) -> Response {
    let loaded = async {
        let today = app.today(&user);
        Ok::<_, AppError>((today, experiments::load(&app.store, &viewer.tr, user.id, id).await?))
    };
    match loaded.await {
        Ok((today, e)) => experiment_page(&app, &viewer, &user, &e, today, q.done.as_deref(), None).await,
        Err(e) => e.into_response(),
    }
}

async fn experiment_page(
    app: &AppState,
    viewer: &Viewer,
    user: &User,
    e: &Loaded,
    today: NaiveDate,
    done: Option<&str>,
    error: Option<&AppError>,
) -> Response {
    let tr = &viewer.tr;
    let status = e.status(today);
    let outcome = outcome_name(tr, e.course.design.outcome);
    let title = tr.ta("experiment-title", &[("a", &e.labels.0), ("b", &e.labels.1), ("outcome", &outcome)]);
    let notice = done.map(|d| format!("experiment-done-{d}")).filter(|id| tr.has(id)).map(|id| tr.t(&id));
    let result = if status.is_over() {
        match experiments::result(&app.store, user.id, e).await.map_err(AppError::from) {
            Ok(r) => Some(r),
            Err(err) => return err.into_response(),
        }
    } else {
        None
    };
    let errors = Errors { tr, error };
    let body = html! {
        p { a href="/experiments" { "← " (tr.t("experiments-back")) } }
        h1 { (title) }
        @if let Some(n) = notice { p class="notice" role="status" { (n) } }
        (errors.summary())
        p class="lead" { strong { (status_name(tr, status)) } " · " (dates(tr, e)) }
        @match status {
            Status::Planned => (planned(tr, viewer, e)),
            Status::Running | Status::Paused => (running(tr, viewer, e, today, status)),
            Status::Finished | Status::Stopped => {
                @if let Some(found) = &result {
                    (experiment_report::result(tr, viewer, e, found))
                }
            }
        }
        section aria-labelledby="plan-calendar" {
            h2 id="plan-calendar" { (tr.t("experiment-calendar")) }
            (legend(tr, e))
            (calendar(tr, e, today))
        }
        @if let Some(found) = &result {
            (experiment_report::report(tr, e, found))
        }
    };
    let code = error.map_or(StatusCode::OK, AppError::status);
    html(code, layout::page(viewer, &title, body))
}

fn planned(tr: &Tr, viewer: &Viewer, e: &Loaded) -> Markup {
    let d = &e.course.design;
    let days = d.total_days().to_string();
    let id = e.stored.id;
    html! {
        section aria-labelledby="commitment" {
            h2 id="commitment" { (tr.t("experiment-commitment")) }
            p { (tr.ta("experiment-commitment-text", &[
                ("days", &days), ("period", &d.period_days.to_string()), ("pairs", &d.pairs.to_string()),
                ("a", &e.labels.0), ("b", &e.labels.1), ("outcome", &outcome_in_sentence(tr, d.outcome)),
                ("start", &d.start.to_string()), ("end", &d.end().to_string()),
            ])) }
            @if d.washout_days > 0 {
                p { (tr.ta("experiment-washout-text", &[("days", &d.washout_days.to_string())])) }
            }
            p { (tr.t("experiment-commitment-checkin")) }
            p class="hint" { (tr.t("experiment-randomised")) }
        }
        p { a class="button" href={ "/experiments/" (id) "/edit" } { (tr.t("experiment-change-plan")) } }
        form method="post" action={ "/experiments/" (id) "/cancel" } {
            (csrf(&viewer.csrf))
            input type="hidden" name="version" value=(e.stored.version);
            button type="submit" class="secondary" { (tr.t("experiment-cancel")) }
        }
    }
}

fn running(tr: &Tr, viewer: &Viewer, e: &Loaded, today: NaiveDate, status: Status) -> Markup {
    let d = &e.course.design;
    let day_number = ((today - d.start).num_days() + 1).to_string();
    let plan_today = e.on(today);
    let action = |a: Action, class: &str| {
        html! {
            form method="post" action={ "/experiments/" (e.stored.id) "/action" } class="inline-form" {
                (csrf(&viewer.csrf))
                input type="hidden" name="version" value=(e.stored.version);
                input type="hidden" name="action" value=(a.as_str());
                button type="submit" class=(class) { (tr.t(&format!("experiment-action-{}", a.as_str()))) }
            }
        }
    };
    html! {
        section aria-labelledby="today-plan" {
            h2 id="today-plan" { (tr.ta("experiment-day-of", &[("day", &day_number), ("days", &d.total_days().to_string())])) }
            @if status == Status::Paused {
                p { (tr.t("experiment-paused-text")) }
            } @else if let Some(p) = plan_today {
                p class="today-condition" { (today_line(tr, e, p, today)) }
                p { a href="/checkin" { (tr.t("experiment-go-checkin")) } }
            }
        }
        section aria-labelledby="changes" {
            h2 id="changes" { (tr.t("experiment-changes")) }
            p class="hint" { (tr.t("experiment-changes-hint")) }
            div class="actions" {
                @if status == Status::Paused { (action(Action::Resume, "")) } @else { (action(Action::Pause, "secondary")) }
                @if d.pairs < design::PAIRS.1 { (action(Action::Extend, "secondary")) }
                (action(Action::Stop, "secondary"))
            }
        }
    }
}

/// "Today's plan: *without Walk*" (or "This day's plan: …"), with a washout note.
pub fn today_line(tr: &Tr, e: &Loaded, p: foothold_core::experiment::PlanDay, today: NaiveDate) -> Markup {
    let opening = if p.date == today { "experiment-today-is" } else { "experiment-day-was" };
    html! {
        (tr.t(opening)) " " strong { (e.label(p.condition)) }
        @if p.washout { " " span class="hint" { (tr.t("experiment-today-washout")) } }
    }
}

fn legend(tr: &Tr, e: &Loaded) -> Markup {
    html! {
        ul class="plan-legend" {
            li { span class="cond cond-a" { "A" } " " (e.labels.0) }
            li { span class="cond cond-b" { "B" } " " (e.labels.1) }
            @if e.course.design.washout_days > 0 { li { span class="cond washout" { "w" } " " (tr.t("experiment-legend-washout")) } }
        }
    }
}

/// The plan as a month-style calendar, weeks from Monday: each day shows its condition,
/// whether it is a washout or paused day, and whether the member followed the plan.
fn calendar(tr: &Tr, e: &Loaded, today: NaiveDate) -> Markup {
    let d = &e.course.design;
    let schedule = d.schedule();
    let Some(first) = schedule.first().map(|p| p.date) else { return html! {} };
    let lead = first.weekday().num_days_from_monday();
    let start = first - Duration::days(i64::from(lead));
    let end = d.end();
    let weeks = ((end - start).num_days() / 7) + 1;
    html! {
        div class="table-scroll" tabindex="0" role="region" aria-labelledby="plan-caption" {
            table class="calendar plan" {
                caption id="plan-caption" { (tr.t("experiment-calendar-caption")) }
                thead { tr { @for w in 0..7 { th scope="col" abbr=(tr.t(&format!("weekday-{w}"))) { (tr.t(&format!("weekday-short-{w}"))) } } } }
                tbody {
                    @for week in 0..weeks {
                        tr {
                            @for wd in 0..7 {
                                @let date = start + Duration::days(week * 7 + wd);
                                (plan_cell(tr, e, date, today))
                            }
                        }
                    }
                }
            }
        }
    }
}

fn plan_cell(tr: &Tr, e: &Loaded, date: NaiveDate, today: NaiveDate) -> Markup {
    let Some(p) = e.course.design.on(date) else { return html! { td {} } };
    let after_stop = date > e.course.last_day();
    let letter = p.condition.as_str();
    let class = format!("cond-{}", letter.to_lowercase());
    let followed = e.stored.followed.get(&date);
    html! {
        td class={ (class) @if date == today { " today" } @if after_stop { " dropped" } } {
            span class="date" { (date.day()) " " (tr.t(&format!("month-short-{}", date.month()))) }
            // The letter alone fits a phone's narrow cells; the legend and screen readers get
            // the name.
            span class="cond-name" { span class="cond" { (letter) } span class="visually-hidden" { " " (e.label(p.condition)) } }
            @if p.washout { span class="tag" { (tr.t("experiment-legend-washout")) } }
            @if e.course.paused(date) && !after_stop { span class="tag" { (tr.t("experiment-paused-day")) } }
            @if after_stop { span class="tag" { (tr.t("experiment-after-stop")) } }
            @match followed {
                Some(true) => span class="tag" { "✓ " (tr.t("experiment-followed")) },
                Some(false) => span class="tag" { "✗ " (tr.t("experiment-not-followed")) },
                None => {},
            }
        }
    }
}

#[derive(Deserialize)]
pub struct VersionForm {
    version: i64,
}

pub async fn edit_form(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(id): Path<ExperimentId>,
) -> Response {
    let e = match experiments::load(&app.store, &viewer.tr, user.id, id).await.map_err(AppError::from) {
        Ok(e) => e,
        Err(e) => return e.into_response(),
    };
    let p = &e.stored.plan;
    let input = DesignInput {
        strategy: p.strategy_a.to_string(),
        new_strategy: String::new(),
        versus: p.strategy_b.map(|b| b.to_string()).unwrap_or_default(),
        outcome: p.outcome.as_str().to_owned(),
        period_days: p.period_days.to_string(),
        pairs: p.pairs.to_string(),
        washout_days: p.washout_days.to_string(),
        start: p.start.to_string(),
        prescriber: String::new(),
    };
    design_page(&app, &viewer, &user, &input, Some((id, e.stored.version)), None).await
}

#[derive(Deserialize)]
pub struct EditForm {
    version: i64,
    #[serde(flatten)]
    input: DesignInput,
}

pub async fn edit(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(id): Path<ExperimentId>,
    Form(f): Form<EditForm>,
) -> Response {
    match experiments::edit(&app.store, &app.clock, &viewer.tr, &user, id, f.version, &f.input)
        .await
        .map_err(AppError::from)
    {
        Ok(_) => see_other(&format!("/experiments/{id}?done=edited")),
        Err(e @ (AppError::Invalid(_) | AppError::Conflict(_))) => {
            design_page(&app, &viewer, &user, &f.input, Some((id, f.version)), Some(&e)).await
        }
        Err(e) => e.into_response(),
    }
}

pub async fn cancel(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(id): Path<ExperimentId>,
    Form(f): Form<VersionForm>,
) -> Response {
    match experiments::cancel(&app.store, &app.clock, &viewer.tr, &user, id, f.version)
        .await
        .map_err(AppError::from)
    {
        Ok(()) => see_other("/experiments?done=cancelled"),
        Err(e) => e.into_response(),
    }
}

#[derive(Deserialize)]
pub struct ActionForm {
    version: i64,
    action: String,
}

pub async fn act(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(id): Path<ExperimentId>,
    Form(f): Form<ActionForm>,
) -> Response {
    let Some(action) = Action::parse(&f.action) else { return AppError::BadRequest.into_response() };
    match experiments::act(&app.store, &app.clock, &viewer.tr, &user, id, f.version, action)
        .await
        .map_err(AppError::from)
    {
        Ok(_) => see_other(&format!("/experiments/{id}?done={}", action.as_str())),
        Err(err @ AppError::Conflict(_)) => {
            let loaded = async {
                let today = app.today(&user);
                Ok::<_, AppError>((today, experiments::load(&app.store, &viewer.tr, user.id, id).await?))
            };
            match loaded.await {
                Ok((today, e)) => experiment_page(&app, &viewer, &user, &e, today, None, Some(&err)).await,
                Err(e) => e.into_response(),
            }
        }
        Err(e) => e.into_response(),
    }
}

#[derive(Deserialize)]
pub struct KeepForm {
    kept: bool,
}

pub async fn keep(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(id): Path<ExperimentId>,
    Form(f): Form<KeepForm>,
) -> Response {
    match experiments::keep(&app.store, &app.clock, &viewer.tr, &user, id, f.kept)
        .await
        .map_err(AppError::from)
    {
        Ok(()) => {
            app.insights.changed(&app.store, user.id, &viewer.tr);
            see_other(&format!("/experiments/{id}?done={}", if f.kept { "kept" } else { "unkept" }))
        }
        Err(e) => e.into_response(),
    }
}
