//! The daily check-in form: one page, big tap targets, every item skippable, works without
//! JavaScript. Opening a day that has a check-in edits it.

use super::experiments::today_line;
use super::form::{csrf, Errors};
use super::goals::amount;
use super::{html, layout, see_other};
use crate::auth::{Member, Viewer};
use crate::diary::{self, strategy_name, Submitted};
use crate::error::AppError;
use crate::experiments;
use crate::goals::{self, GoalOnDay};
use crate::i18n::Tr;
use crate::support;
use crate::AppState;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Form;
use chrono::{Duration, NaiveDate};
use foothold_core::checkin::{self, Item};
use foothold_core::experiment::{ExperimentId, Status};
use foothold_core::strategy::StrategyId;
use foothold_store::{CheckIn, Strategy, User};
use maud::{html, Markup};
use serde::Deserialize;

#[derive(Deserialize)]
pub struct DayQuery {
    day: Option<String>,
    saved: Option<String>,
    /// The last step of onboarding.
    first: Option<String>,
}

struct View<'a> {
    user: &'a User,
    day: NaiveDate,
    today: NaiveDate,
    form: &'a Submitted,
    strategies: &'a [Strategy],
    error: Option<&'a AppError>,
    saved: bool,
    /// Reached from onboarding: say this is its last step.
    first: bool,
    /// Crisis resources, when the note uses crisis language.
    support: Option<Markup>,
    /// The member's experiments that include this day.
    plans: &'a [PlanOfDay],
    /// The member's goals, as they stand on this day.
    goals: &'a [GoalOnDay],
    /// After a conflict: the version saved elsewhere, shown beside what the member typed.
    other: Option<&'a CheckIn>,
    /// What the member chose to be asked, in their order.
    items: &'a [Item],
    /// The member's time zone: offline, "today" is the member's date, not the device's.
    time_zone: chrono_tz::Tz,
}

/// An experiment that includes the day shown, with the answer about following it.
struct PlanOfDay {
    id: ExperimentId,
    line: Markup,
    answer: String,
}

/// The experiments (started, and not stopped before `day`) whose plan includes `day`; the
/// answers come from the submitted form if there is one, else from what was saved.
async fn plans_of(
    app: &AppState,
    viewer: &Viewer,
    user: &User,
    strategies: &[Strategy],
    (form, day, today): (&Submitted, NaiveDate, NaiveDate),
) -> Result<Vec<PlanOfDay>, AppError> {
    let all = experiments::rebuild_all(&viewer.tr, app.store.experiments(user.id).await?, strategies);
    Ok(all
        .iter()
        .filter(|e| e.status(today) != Status::Planned)
        .filter_map(|e| {
            let p = e.on(day)?;
            let answer = match form.followed.iter().find(|(id, _)| *id == e.stored.id) {
                Some((_, typed)) => typed.clone(),
                None => match e.stored.followed.get(&day) {
                    Some(true) => "yes".to_owned(),
                    Some(false) => "no".to_owned(),
                    None => String::new(),
                },
            };
            Some(PlanOfDay { id: e.stored.id, line: today_line(&viewer.tr, e, p, today), answer })
        })
        .collect())
}

/// Every adherence answer must name one of the member's experiments whose plan includes the
/// day, checked before anything is written, so a form never saves its ratings and then fails.
async fn plans_include(
    app: &AppState,
    viewer: &Viewer,
    user: &User,
    form: &Submitted,
) -> Result<(), AppError> {
    if form.followed.is_empty() {
        return Ok(());
    }
    let today = app.today(user);
    let Ok(day) = checkin::parse_day(&form.day, today) else { return Ok(()) }; // `diary::save` says why
    let all = experiments::load_all(&app.store, &viewer.tr, user.id).await?;
    for (id, _) in &form.followed {
        if !all.iter().any(|e| e.stored.id == *id && e.on(day).is_some()) {
            return Err(AppError::Invalid(foothold_core::Invalid::one("followed", "followed-not-in-plan")));
        }
    }
    Ok(())
}

fn plan_group(tr: &Tr, p: &PlanOfDay, errors: &Errors) -> Markup {
    let name = format!("followed-{}", p.id);
    html! {
        fieldset class={ "scale experiment-today" @if errors.message_for(&name).is_some() { " field-error" } } id=(name) {
            legend { (tr.t("checkin-experiment")) }
            p { (p.line) " " a href={ "/experiments/" (p.id) } { (tr.t("checkin-experiment-see")) } }
            @if let Some(message) = errors.message_for(&name) { p class="error-message" { (message) } }
            p { (tr.t("checkin-experiment-followed")) }
            div class="scale-options" {
                @for (value, label) in [("yes", "checkin-experiment-yes"), ("no", "checkin-experiment-no"), ("", "checkin-experiment-unsure")] {
                    label class=[value.is_empty().then_some("scale-skip")] {
                        input type="radio" name=(name) value=(value) checked[p.answer == value];
                        span { (tr.t(label)) }
                    }
                }
            }
        }
    }
}

/// The support panel if the note asks for it (docs/SECURITY.md: the note itself is never
/// logged, nor is the fact that it matched). A note over its limit is not read at all.
async fn support(app: &AppState, viewer: &Viewer, form: &Submitted) -> Option<Markup> {
    let note = checkin::parse_note(&form.note).ok().flatten()?;
    let level = app.support.read(&[&note]).await?;
    Some(support::panel(&app.config, &viewer.tr, level, support::Audience::OnlyYou))
}

fn day_label(viewer: &Viewer, day: NaiveDate, today: NaiveDate) -> String {
    let tr = &viewer.tr;
    if day == today {
        tr.t("checkin-today")
    } else if Some(day) == today.pred_opt() {
        tr.t("checkin-yesterday")
    } else {
        day.format("%Y-%m-%d").to_string()
    }
}

/// A running goal is one tap (its strategy, ticked); a goal still gathering its baseline
/// asks how much. Ended goals are not asked about.
fn goals_group(tr: &Tr, goals: &[GoalOnDay], form: &Submitted, errors: &Errors) -> Markup {
    let current: Vec<&GoalOnDay> = goals.iter().filter(|g| g.current()).collect();
    if current.is_empty() {
        return html! {};
    }
    let error = errors.message_for("goal_amount");
    html! {
        fieldset class={ "goals" @if error.is_some() { " field-error" } } id="goal_amount" {
            legend { (tr.t("checkin-goals")) }
            @if let Some(m) = &error { p class="error-message" { (m) } }
            @for g in current {
                @match (g.target, g.goal.strategy_id) {
                    (Some(target), Some(strategy)) => {
                        @let id = strategy.to_string();
                        label class="chip goal-step" {
                            input type="checkbox" name="strategy" value=(id) checked[form.strategies.contains(&id)];
                            span { (tr.ta("checkin-goal-step", &[("activity", &g.goal.activity), ("step", &amount(tr, g.goal.unit, target))])) }
                        }
                    }
                    _ => {
                        @let name = format!("goal-amount-{}", g.goal.id);
                        @let typed = form.goal_amounts.iter().find(|(id, _)| *id == g.goal.id).map(|(_, v)| v.clone());
                        div class="field" {
                            label for=(name) { (tr.ta("checkin-goal-baseline", &[("activity", &g.goal.activity), ("unit", &tr.t(&format!("goal-unit-name-{}", g.goal.unit.as_str())))])) }
                            input type="number" inputmode="numeric" min="0" id=(name) name=(name) value=(typed.or(g.done.map(|a| a.to_string())).unwrap_or_default());
                        }
                    }
                }
            }
            p { a href="/goals" { (tr.t("checkin-goal-see")) } }
        }
    }
}

/// The version another save left, so the member can choose between it and what they typed.
fn saved_elsewhere(tr: &Tr, other: &CheckIn, strategies: &[Strategy]) -> Markup {
    let r = other.ratings;
    let scores = [
        ("pain", r.pain),
        ("peg-pain", r.peg_pain),
        ("peg-enjoyment", r.peg_enjoyment),
        ("peg-activity", r.peg_activity),
        ("mood", r.mood),
        ("sleep", r.sleep),
        ("control", r.control),
    ];
    let names: Vec<String> = other
        .strategies
        .iter()
        .filter_map(|id| strategies.iter().find(|s| s.id == *id))
        .map(|s| strategy_name(tr, s))
        .collect();
    html! {
        section class="saved-elsewhere" aria-labelledby="elsewhere-title" {
            h2 id="elsewhere-title" { (tr.t("checkin-elsewhere")) }
            dl {
                @for (field, score) in scores {
                    @if let Some(s) = score {
                        dt { (tr.t(&format!("checkin-{field}"))) } dd { (s.value()) }
                    }
                }
                @if !names.is_empty() { dt { (tr.t("checkin-strategies")) } dd { (names.join(", ")) } }
                @if let Some(note) = &other.note { dt { (tr.t("checkin-note")) } dd class="pre-line" { (note) } }
            }
            p { (tr.t("checkin-elsewhere-choose")) " " a href={ "/checkin?day=" (other.day) } { (tr.t("checkin-elsewhere-keep")) } }
        }
    }
}

/// One 0–10 scale: eleven numbers in one row (a segmented control that stays one row at
/// 320 px), "Skip" beside the question, and what 0 and 10 mean under the ends — shown only
/// to screen readers when the scale just above says the same.
fn score_group(
    viewer: &Viewer,
    field: &'static str,
    value: &str,
    errors: &Errors,
    same_ends: bool,
) -> Markup {
    let tr = &viewer.tr;
    let key = field.replace('_', "-");
    let ends = format!("{field}-ends");
    let error = errors.message_for(field);
    html! {
        fieldset class={ "scale" @if error.is_some() { " field-error" } } id=(field) aria-describedby=(ends) {
            legend { (tr.t(&format!("checkin-{key}"))) }
            label class="scale-skip" {
                input type="radio" name=(field) value="" checked[value.is_empty()];
                span { (tr.t("checkin-skip")) }
            }
            @if let Some(message) = &error { p class="error-message" { (message) } }
            div class="scale-row" {
                @for n in 0..=10 {
                    @let v = n.to_string();
                    label {
                        input type="radio" name=(field) value=(v) checked[value == v];
                        span { (n) }
                    }
                }
            }
            p class={ "scale-ends" @if same_ends { " visually-hidden" } } id=(ends) {
                span { (tr.t(&format!("checkin-{key}-low"))) } " "
                span { (tr.t(&format!("checkin-{key}-high"))) }
            }
        }
    }
}

/// Whether the scale asked just before `field` has the same words at its ends.
fn same_ends(tr: &Tr, fields: &[&str], field: &str) -> bool {
    let ends = |f: &str| {
        let key = f.replace('_', "-");
        (tr.t(&format!("checkin-{key}-low")), tr.t(&format!("checkin-{key}-high")))
    };
    match fields.iter().position(|f| *f == field) {
        Some(i) if i > 0 => fields.get(i - 1).is_some_and(|before| ends(before) == ends(field)),
        _ => false,
    }
}

fn render(viewer: &Viewer, v: &View) -> Response {
    let tr = &viewer.tr;
    let errors = Errors { tr, error: v.error };
    let title = tr.ta("checkin-title", &[("day", &day_label(viewer, v.day, v.today))]);
    let chosen: Vec<&str> = v.form.strategies.iter().map(String::as_str).collect();
    // Current goals' strategies are asked about in their own group, not among the chips.
    let asked: Vec<Option<StrategyId>> =
        v.goals.iter().filter(|g| g.current()).map(|g| g.goal.strategy_id).collect();
    let body = html! {
        @if v.first {
            p class="step" { (tr.ta("welcome-step", &[("step", "3"), ("of", "3")])) " · " (tr.t("checkin-first")) }
        }
        h1 { (title) }
        // Support first: it says itself that the note was saved.
        @if let Some(panel) = &v.support { (panel) }
        @if v.saved {
            p class="notice" role="status" {
                @if v.form.flare { (tr.t("checkin-saved-flare")) } @else { (tr.t("checkin-saved")) }
            }
        }
        @if let Some(AppError::Conflict(_)) = v.error {
            p class="notice" role="alert" { (tr.t("checkin-conflict")) }
            @if let Some(other) = v.other { (saved_elsewhere(tr, other, v.strategies)) }
        } @else {
            (errors.summary())
        }
        // Onboarding's last step is about today; other days are for later.
        @if !v.first { nav class="day-nav" aria-label=(tr.t("checkin-days")) {
            @if let Some(prev) = v.day.pred_opt() {
                a href={ "/checkin?day=" (prev) } { (tr.t("checkin-previous-day")) }
            }
            @if v.day < v.today {
                a href={ "/checkin?day=" (v.day + Duration::days(1)) } { (tr.t("checkin-next-day")) }
                a href="/checkin" { (tr.t("checkin-today")) }
            }
            details class="day-picker" {
                summary { (tr.t("checkin-pick-day")) }
                form method="get" action="/checkin" {
                    label for="pick-day" class="visually-hidden" { (tr.t("checkin-pick-day")) }
                    input type="date" id="pick-day" name="day" value=(v.day) max=(v.today);
                    button type="submit" class="secondary" { (tr.t("checkin-go")) }
                }
            }
        } }
        div id="offline-status" class="notice" role="status" hidden {}
        form method="post" action="/checkin" class="checkin" novalidate
            data-time-zone=(v.time_zone.name()) data-offline-now=(tr.t("checkin-offline-now")) data-offline-kept=(tr.t("checkin-offline-kept"))
            data-offline-sent=(tr.t("checkin-offline-sent")) {
            (csrf(&viewer.csrf))
            input type="hidden" name="day" value=(v.day);
            input type="hidden" name="version" value=(v.form.version);
            // The first check-in's step line says this already.
            @if !v.first { p class="hint" { (tr.t("checkin-all-optional")) } }
            div class="flare-row" {
                label class="chip flare-toggle" {
                    input type="checkbox" name="flare" value="yes" checked[v.form.flare];
                    span { (tr.t("checkin-flare")) }
                }
                // In a flare, the member's own plan is one tap away.
                a href="/skills/flare-plan#writing" { (tr.t("checkin-flare-plan")) }
            }
            @let fields: Vec<&'static str> = v.items.iter().flat_map(|i| i.fields().iter().copied()).collect();
            @for item in v.items {
                @match item {
                    Item::Peg => fieldset class="peg" {
                        legend { (tr.t("checkin-peg")) }
                        @for field in item.fields() { (score_group(viewer, field, v.form.score(field), &errors, same_ends(tr, &fields, field))) }
                    },
                    _ => @for field in item.fields() { (score_group(viewer, field, v.form.score(field), &errors, same_ends(tr, &fields, field))) },
                }
            }
            // What the member chose not to be asked keeps its saved value.
            @for item in Item::ALL.iter().filter(|i| !v.items.contains(i)) {
                @for field in item.fields() { input type="hidden" name=(field) value=(v.form.score(field)); }
            }
            @for p in v.plans { (plan_group(tr, p, &errors)) }
            (goals_group(tr, v.goals, v.form, &errors))
            fieldset class="strategies" id="strategies" {
                legend { (tr.t("checkin-strategies")) " " span class="legend-hint" { (tr.t("checkin-strategies-hint")) } }
                @if let Some(message) = errors.message_for("strategies") { p class="error-message" { (message) } }
                div class="chips" {
                    @for s in v.strategies.iter().filter(|s| (!s.archived || chosen.contains(&s.id.to_string().as_str())) && !asked.contains(&Some(s.id))) {
                        @let id = s.id.to_string();
                        label class="chip" {
                            input type="checkbox" name="strategy" value=(id) checked[chosen.contains(&id.as_str())];
                            span { (strategy_name(tr, s)) }
                        }
                    }
                }
                @let own_error = errors.message_for("new_strategy");
                details class="add-own" open[own_error.is_some() || !v.form.new_strategy.is_empty()] {
                    summary { (tr.t("checkin-add-own")) }
                    div class="field" {
                        label for="new_strategy" { (tr.t("checkin-new-strategy")) }
                        @if let Some(message) = own_error { p class="error-message" { (message) } }
                        input type="text" id="new_strategy" name="new_strategy" value=(v.form.new_strategy) maxlength="60" autocomplete="off";
                    }
                    p { a href="/strategies" { (tr.t("strategies-manage")) } }
                }
            }
            div class={ "field" @if errors.message_for("note").is_some() { " field-error" } } {
                label for="note" { (tr.t("checkin-note")) }
                p class="hint" id="note-hint" { (tr.ta("checkin-note-hint", &[("max", &checkin::NOTE_MAX.to_string())])) }
                @if let Some(message) = errors.message_for("note") { p class="error-message" { (message) } }
                textarea id="note" name="note" rows="2" aria-describedby="note-hint" { (v.form.note) }
            }
            button type="submit" { (tr.t("checkin-save")) }
        }
        p class="hint" { (tr.ta("checkin-for-handle", &[("handle", &v.user.handle)])) }
        script src=(crate::assets::offline_js_url()) defer {}
    };
    let status = v.error.map_or(StatusCode::OK, AppError::status);
    html(status, layout::page(viewer, &tr.t("checkin-page-title"), body))
}

/// The member's today, strategies and chosen items.
async fn context(
    app: &AppState,
    user: &User,
) -> Result<(NaiveDate, Vec<Strategy>, Vec<Item>, chrono_tz::Tz), AppError> {
    let today = app.today(user);
    let setup = app.store.checkin_setup(user.id, today).await?;
    app.store.ensure_builtin_strategies(user.id, today).await?;
    let items = checkin::items_from_stored(setup.items.as_deref());
    Ok((today, app.store.strategies(user.id).await?, items, setup.time_zone))
}

pub async fn show(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Query(q): Query<DayQuery>,
) -> Response {
    let (today, strategies, items, time_zone) = match context(&app, &user).await {
        Ok(c) => c,
        Err(e) => return e.into_response(),
    };
    let day = match q.day.as_deref().filter(|d| !d.is_empty()) {
        None => today,
        Some(d) => match checkin::parse_day(d, today) {
            Ok(day) => day,
            Err(e) => {
                let form = Submitted { day: today.to_string(), ..Submitted::from_pairs(Vec::new()) };
                let error = AppError::Invalid(e);
                let view = View {
                    user: &user,
                    day: today,
                    today,
                    form: &form,
                    strategies: &strategies,
                    error: Some(&error),
                    saved: false,
                    first: false,
                    support: None,
                    plans: &[],
                    goals: &[],
                    other: None,
                    items: &items,
                    time_zone,
                };
                return render(&viewer, &view);
            }
        },
    };
    let form = match app.store.checkin(user.id, day).await {
        Ok(Some(saved)) => Submitted::from_saved(&saved),
        Ok(None) => Submitted { day: day.to_string(), ..Submitted::from_pairs(Vec::new()) },
        Err(e) => return AppError::from(e).into_response(),
    };
    let plans = match plans_of(&app, &viewer, &user, &strategies, (&form, day, today)).await {
        Ok(p) => p,
        Err(e) => return e.into_response(),
    };
    let day_goals = match goals::on_day(&app.store, user.id, day).await.map_err(AppError::from) {
        Ok(g) => g,
        Err(e) => return e.into_response(),
    };
    let support = support(&app, &viewer, &form).await;
    let view = View {
        user: &user,
        day,
        today,
        form: &form,
        strategies: &strategies,
        error: None,
        saved: q.saved.is_some(),
        first: q.first.is_some(),
        support,
        plans: &plans,
        goals: &day_goals,
        other: None,
        items: &items,
        time_zone,
    };
    render(&viewer, &view)
}

pub async fn save(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let mut form = Submitted::from_pairs(pairs);
    let answers: Result<Vec<(ExperimentId, Option<bool>)>, AppError> = form
        .followed
        .iter()
        .map(|(id, a)| {
            experiments::parse_followed(a)
                .map(|a| (*id, a))
                .map_err(|_| AppError::Invalid(foothold_core::Invalid::one("followed", "followed-invalid")))
        })
        .collect();
    let saved = match answers {
        Ok(answers) => match plans_include(&app, &viewer, &user, &form).await {
            Ok(()) => diary::save(&app.store, &app.clock, &user, &form)
                .await
                .map(|saved| (saved, answers))
                .map_err(AppError::from),
            Err(e) => Err(e),
        },
        Err(e) => Err(e),
    };
    match saved {
        Ok((saved, answers)) => {
            app.insights.changed(&app.store, user.id, &viewer.tr);
            for (id, followed) in answers {
                let set = experiments::set_followed(
                    &app.store, &app.clock, &viewer.tr, &user, id, saved.day, followed,
                );
                if let Err(e) = set.await {
                    return AppError::from(e).into_response();
                }
            }
            see_other(&format!("/checkin?day={}&saved=1", saved.day))
        }
        Err(error @ (AppError::Invalid(_) | AppError::Conflict(_))) => {
            let (today, strategies, items, time_zone) = match context(&app, &user).await {
                Ok(c) => c,
                Err(e) => return e.into_response(),
            };
            let day = checkin::parse_day(&form.day, today).unwrap_or(today);
            let mut other = None;
            if let AppError::Conflict(_) = error {
                // Keep what the member typed, but move the form to the saved version, so
                // saving again is a deliberate choice to replace the other edit.
                match app.store.checkin(user.id, day).await {
                    Ok(Some(current)) => {
                        form.version = current.version.to_string();
                        other = Some(current);
                    }
                    Ok(None) => {}
                    Err(e) => return AppError::from(e).into_response(),
                }
            }
            let plans = match plans_of(&app, &viewer, &user, &strategies, (&form, day, today)).await {
                Ok(p) => p,
                Err(e) => return e.into_response(),
            };
            let day_goals = match goals::on_day(&app.store, user.id, day).await.map_err(AppError::from) {
                Ok(g) => g,
                Err(e) => return e.into_response(),
            };
            let support = support(&app, &viewer, &form).await;
            let view = View {
                user: &user,
                day,
                today,
                form: &form,
                strategies: &strategies,
                error: Some(&error),
                saved: false,
                first: false,
                support,
                plans: &plans,
                goals: &day_goals,
                other: other.as_ref(),
                items: &items,
                time_zone,
            };
            render(&viewer, &view)
        }
        Err(e) => e.into_response(),
    }
}
