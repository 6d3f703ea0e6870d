//! Personal experiments as pages and API use them: reading a design form, rebuilding a
//! stored plan with its course, the changes a member makes while it runs, and the result.
//! The rules live in `foothold_core::experiment`; this module joins them with the store.

use crate::clock::Clock;
use crate::diary::{own_strategy, strategy_name};
use crate::error::{ServiceError, ServiceResult};
use crate::i18n::Tr;
use chrono::NaiveDate;
use foothold_core::agency::Outcome;
use foothold_core::experiment::{
    self, analyse, Action, Adherence, Analysis, Comparison, Course, Design, DesignForm, Event, ExperimentDay,
    ExperimentId, ExperimentResult, NotAnalysable, Observed, PlanDay, Status,
};
use foothold_core::strategy::{Category, StrategyId};
use foothold_core::{checkin, Invalid};
use foothold_store::{Experiment, ExperimentPlan, Store, StoreError, Strategy, User, UserId};

/// A stored experiment with its rebuilt plan and the names of its two conditions.
pub struct Loaded {
    pub stored: Experiment,
    pub course: Course,
    /// Display names of condition A and B ("Walk" / "without Walk").
    pub labels: (String, String),
}

impl Loaded {
    pub fn status(&self, today: NaiveDate) -> Status {
        self.course.status(today)
    }

    pub fn label(&self, condition: experiment::Condition) -> &str {
        match condition {
            experiment::Condition::A => &self.labels.0,
            experiment::Condition::B => &self.labels.1,
        }
    }

    /// The plan's day for `date`, if the date belongs to the experiment (up to an early stop).
    pub fn on(&self, date: NaiveDate) -> Option<PlanDay> {
        self.course.design.on(date).filter(|_| date <= self.course.last_day())
    }
}

/// A design form as submitted; strategies are ids from the member's list.
#[derive(Debug, Default, Clone, serde::Deserialize)]
pub struct DesignInput {
    #[serde(default)]
    pub strategy: String,
    /// A new strategy to test instead of one from the list (created with the plan).
    #[serde(default)]
    pub new_strategy: String,
    /// Empty for "with / without".
    #[serde(default)]
    pub versus: String,
    #[serde(default)]
    pub outcome: String,
    #[serde(default)]
    pub period_days: String,
    #[serde(default)]
    pub pairs: String,
    #[serde(default)]
    pub washout_days: String,
    #[serde(default)]
    pub start: String,
    /// "yes": the member confirms a change to how they take a medicine was agreed with
    /// their prescriber (needed when either condition is a medication).
    #[serde(default)]
    pub prescriber: String,
}

/// The stored numbers as a core plan (the pair count already includes extensions).
fn design_of(plan: &ExperimentPlan) -> Result<Design, Invalid> {
    let comparison = match plan.strategy_b {
        None => Comparison::WithWithout { strategy: plan.strategy_a },
        Some(b) => Comparison::AVersusB { a: plan.strategy_a, b },
    };
    Design::new(
        comparison,
        plan.outcome,
        plan.period_days,
        plan.pairs,
        plan.washout_days,
        plan.seed,
        plan.start,
    )
}

fn labels(tr: &Tr, plan: &ExperimentPlan, strategies: &[Strategy]) -> (String, String) {
    let name = |id: StrategyId| {
        strategies.iter().find(|s| s.id == id).map(|s| strategy_name(tr, s)).unwrap_or_default()
    };
    let a = name(plan.strategy_a);
    let b = match plan.strategy_b {
        Some(b) => name(b),
        None => tr.ta("experiment-without", &[("name", &a)]),
    };
    (a, b)
}

/// Rebuilds a stored experiment.
pub fn rebuild(tr: &Tr, stored: Experiment, strategies: &[Strategy]) -> ServiceResult<Loaded> {
    let design = design_of(&stored.plan).map_err(|_| {
        tracing::error!(experiment = stored.id.0, "stored experiment plan no longer validates");
        ServiceError::Internal
    })?;
    let labels = labels(tr, &stored.plan, strategies);
    let course = Course { design, events: stored.events.clone() };
    Ok(Loaded { stored, course, labels })
}

/// One of the member's experiments.
pub async fn load(store: &Store, tr: &Tr, user: UserId, id: ExperimentId) -> ServiceResult<Loaded> {
    let stored = store.experiment(user, id).await?;
    rebuild(tr, stored, &store.strategies(user).await?)
}

/// All the member's experiments, newest first.
pub async fn load_all(store: &Store, tr: &Tr, user: UserId) -> ServiceResult<Vec<Loaded>> {
    let strategies = store.strategies(user).await?;
    Ok(rebuild_all(tr, store.experiments(user).await?, &strategies))
}

/// How far ahead a new experiment may be planned: a plan a year away is a typing slip.
const START_WITHIN_DAYS: i64 = 365;

/// Rebuilds stored experiments with the member's strategies (for callers that have them).
/// One whose stored plan no longer validates is left out (and logged) rather than breaking
/// every page that lists experiments, such as the daily check-in.
pub fn rebuild_all(tr: &Tr, stored: Vec<Experiment>, strategies: &[Strategy]) -> Vec<Loaded> {
    stored.into_iter().filter_map(|e| rebuild(tr, e, strategies).ok()).collect()
}

/// Reads a design form into a plan, randomised with `seed`; a plan starts today or later.
pub fn parse(
    input: &DesignInput,
    strategies: &[Strategy],
    (today, seed): (NaiveDate, u64),
) -> Result<ExperimentPlan, Invalid> {
    let mine = |field: &'static str, s: &str| -> Result<StrategyId, Invalid> {
        s.trim()
            .parse::<i64>()
            .ok()
            .map(StrategyId)
            .filter(|id| strategies.iter().any(|st| st.id == *id))
            .ok_or_else(|| Invalid::one(field, "strategy-unknown"))
    };
    let mut problems = Vec::new();
    // A new strategy is created only once the whole plan is valid; 0 stands in for it here.
    let a = match input.new_strategy.trim() {
        "" => mine("strategy", &input.strategy),
        name => checkin::parse_strategy_name(name)
            .map(|_| StrategyId(0))
            .map_err(|_| Invalid::one("new_strategy", "strategy-name-invalid")),
    };
    Invalid::gather(&mut problems, &a);
    let b = if input.versus.trim().is_empty() { Ok(None) } else { mine("versus", &input.versus).map(Some) };
    Invalid::gather(&mut problems, &b);
    // Randomising a medicine means days without it (or with another): never without the
    // prescriber's agreement, which the member confirms.
    let medication = [a.as_ref().ok().copied(), b.as_ref().ok().copied().flatten()]
        .into_iter()
        .flatten()
        .any(|id| strategies.iter().any(|s| s.id == id && s.category == Category::Medication));
    if medication && input.prescriber.trim() != "yes" {
        problems.push(foothold_core::validation::Problem {
            field: "prescriber",
            code: "experiment-medication-agreed",
        });
    }
    // An unknown strategy is reported above; a stand-in lets the rest be checked too.
    let form = DesignForm {
        strategy: a.as_ref().map_or(StrategyId(0), |id| *id),
        versus: b.as_ref().ok().copied().flatten(),
        outcome: &input.outcome,
        period_days: &input.period_days,
        pairs: &input.pairs,
        washout_days: &input.washout_days,
        start: &input.start,
    };
    let design = Design::parse(&form, seed);
    Invalid::gather(&mut problems, &design);
    if let Ok(d) = &design {
        let code = if d.start < today {
            Some("experiment-start-past")
        } else if d.start > today + chrono::Duration::days(START_WITHIN_DAYS) {
            Some("experiment-start-far")
        } else {
            None
        };
        if let Some(code) = code {
            problems.push(foothold_core::validation::Problem { field: "start", code });
        }
    }
    if let Some(invalid) = Invalid::from_problems(problems) {
        return Err(invalid);
    }
    match (a, b, design) {
        (Ok(strategy_a), Ok(strategy_b), Ok(d)) => Ok(ExperimentPlan {
            strategy_a,
            strategy_b,
            outcome: d.outcome,
            period_days: d.period_days,
            pairs: d.pairs,
            washout_days: d.washout_days,
            seed: d.seed,
            start: d.start,
            end: d.end(),
        }),
        _ => Err(Invalid::one("strategy", "strategy-unknown")),
    }
}

/// A fresh randomisation seed from the operating system. Without randomness there is no
/// experiment: a predictable order would defeat the randomisation.
fn seed() -> ServiceResult<u64> {
    Ok(u64::from_le_bytes(crate::secret::random_bytes::<8>()?))
}

/// A form's plan with its new strategy, if it names one, created.
async fn checked(
    store: &Store,
    user: UserId,
    input: &DesignInput,
    today: NaiveDate,
) -> ServiceResult<ExperimentPlan> {
    let mut plan = parse(input, &store.strategies(user).await?, (today, seed()?))?;
    if let Ok(name) = checkin::parse_strategy_name(&input.new_strategy) {
        plan.strategy_a = own_strategy(store, user, &name, today).await?;
    }
    Ok(plan)
}

/// Creates a plan from a form.
pub async fn create(
    store: &Store,
    clock: &Clock,
    user: &User,
    input: &DesignInput,
) -> ServiceResult<Experiment> {
    let today = clock.today(user.time_zone);
    let user = user.id;
    let plan = checked(store, user, input, today).await?;
    Ok(store.create_experiment(user, &plan).await?)
}

/// A refusal that names the field and the reason.
fn conflict(field: &'static str, code: &'static str) -> ServiceError {
    ServiceError::Conflict(foothold_core::validation::Problem { field, code })
}

/// The member's today and the experiment, if it has not started (its plan may still change).
async fn not_started(
    store: &Store,
    clock: &Clock,
    tr: &Tr,
    user: &User,
    id: ExperimentId,
) -> ServiceResult<(NaiveDate, Loaded)> {
    let today = clock.today(user.time_zone);
    let user = user.id;
    let current = load(store, tr, user, id).await?;
    if current.status(today) == Status::Planned {
        Ok((today, current))
    } else {
        Err(conflict("start", "experiment-started"))
    }
}

/// Replaces the plan of an experiment that has not started; the seed stays.
pub async fn edit(
    store: &Store,
    clock: &Clock,
    tr: &Tr,
    user: &User,
    id: ExperimentId,
    version: i64,
    input: &DesignInput,
) -> ServiceResult<Experiment> {
    let (today, current) = not_started(store, clock, tr, user, id).await?;
    let plan =
        ExperimentPlan { seed: current.stored.plan.seed, ..checked(store, user.id, input, today).await? };
    Ok(store.edit_experiment(user.id, id, version, &plan).await?)
}

/// Cancels a plan that has not started.
pub async fn cancel(
    store: &Store,
    clock: &Clock,
    tr: &Tr,
    user: &User,
    id: ExperimentId,
    version: i64,
) -> ServiceResult<()> {
    not_started(store, clock, tr, user, id).await?;
    Ok(store.delete_experiment(user.id, id, version).await?)
}

/// Pauses, resumes, extends or stops a running experiment, on the member's today.
pub async fn act(
    store: &Store,
    clock: &Clock,
    tr: &Tr,
    user: &User,
    id: ExperimentId,
    version: i64,
    action: Action,
) -> ServiceResult<Experiment> {
    let today = clock.today(user.time_zone);
    let user = user.id;
    let current = load(store, tr, user, id).await?;
    current.course.check(action, today).map_err(|code| conflict("action", code))?;
    let mut plan = current.stored.plan.clone();
    match action {
        Action::Extend => {
            let longer = current.course.extended()?;
            plan.pairs = longer.pairs;
            plan.end = longer.end();
        }
        Action::Stop => plan.end = today.min(plan.end),
        Action::Pause | Action::Resume => {}
    }
    Ok(store.record_experiment_event(user, id, version, Event { action, day: today }, &plan).await?)
}

/// Records whether the member followed the plan on `day` (today or earlier, inside the plan).
pub async fn set_followed(
    store: &Store,
    clock: &Clock,
    tr: &Tr,
    user: &User,
    id: ExperimentId,
    day: NaiveDate,
    followed: Option<bool>,
) -> ServiceResult<()> {
    let today = clock.today(user.time_zone);
    let user = user.id;
    let current = load(store, tr, user, id).await?;
    if day > today {
        return Err(Invalid::one("day", "day-in-future").into());
    }
    if current.on(day).is_none() {
        return Err(Invalid::one("day", "experiment-day-outside").into());
    }
    match store.set_followed(user, id, day, followed).await {
        Err(StoreError::NotFound) => Err(ServiceError::NotFound),
        other => Ok(other?),
    }
}

/// Keeps a finished experiment whose result favours A as "proven for me" (or stops keeping it).
pub async fn keep(
    store: &Store,
    clock: &Clock,
    tr: &Tr,
    user: &User,
    id: ExperimentId,
    kept: bool,
) -> ServiceResult<()> {
    let today = clock.today(user.time_zone);
    let user = user.id;
    let e = load(store, tr, user, id).await?;
    if kept {
        let helps = e.status(today).is_over()
            && result(store, user, &e)
                .await?
                .analysis
                .as_randomised
                .is_ok_and(|r| r.conclusion() == experiment::Conclusion::LikelyHelps);
        if !helps {
            return Err(conflict("kept", "experiment-not-proven"));
        }
    }
    Ok(store.keep_experiment(user, id, kept).await?)
}

/// Reads "yes" / "no" / "" (not answered).
pub fn parse_followed(s: &str) -> Result<Option<bool>, Invalid> {
    match s.trim() {
        "" => Ok(None),
        "yes" | "true" => Ok(Some(true)),
        "no" | "false" => Ok(Some(false)),
        _ => Err(Invalid::one("followed", "followed-invalid")),
    }
}

/// What an experiment found: the analysis and the days it rests on.
pub struct Findings {
    pub analysis: Analysis,
    /// Every day of the plan up to its last day (paused days without a value).
    pub days: Vec<ExperimentDay>,
    pub paused: usize,
    /// The same comparison on the other outcomes (as randomised), for the report.
    pub secondary: Vec<(Outcome, Result<ExperimentResult, NotAnalysable>)>,
}

/// The analysis of an experiment from the member's diary.
pub async fn result(store: &Store, user: UserId, e: &Loaded) -> ServiceResult<Findings> {
    let design = &e.course.design;
    let checkins = store.checkins(user, design.start, e.course.last_day()).await?;
    let adherence = |day: &NaiveDate| match e.stored.followed.get(day) {
        Some(true) => Adherence::Followed,
        Some(false) => Adherence::NotFollowed,
        None => Adherence::Unknown,
    };
    let days_of = |outcome: Outcome| {
        let mut observed: Vec<Observed> = checkins
            .iter()
            .map(|c| Observed { date: c.day, value: outcome.of(&c.ratings), adherence: adherence(&c.day) })
            .collect();
        // An answer about following the plan counts even on a day without a check-in.
        for day in e.stored.followed.keys().filter(|d| !checkins.iter().any(|c| c.day == **d)) {
            observed.push(Observed { date: *day, value: None, adherence: adherence(day) });
        }
        e.course.days(&observed)
    };
    let primary = design.outcome;
    let days = days_of(primary);
    let others: Vec<(Outcome, Vec<ExperimentDay>)> =
        Outcome::ALL.into_iter().filter(|o| *o != primary).map(|o| (o, days_of(o))).collect();
    let paused = e.course.paused_days();
    let found = tokio::task::spawn_blocking(move || {
        let secondary = others.iter().map(|(o, d)| (*o, experiment::analysis::estimate(d, *o))).collect();
        Findings { analysis: analyse(&days, primary), days, paused, secondary }
    });
    found.await.map_err(|_| ServiceError::Internal)
}
