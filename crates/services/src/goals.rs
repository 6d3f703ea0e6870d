//! Goals between the store and the pages and API: recording a step (and noticing a goal
//! reached), starting a plan from its baseline, and keeping a day's steps in line with its
//! check-in, whichever way the check-in came (form or API).

use crate::error::{ServiceError, ServiceResult};
use crate::i18n::Tr;
use chrono::NaiveDate;
use foothold_core::goal::{self, GoalId, Plan, Unit};
use foothold_core::Invalid;
use foothold_store::{CheckIn, Goal, Store, UserId};

/// "12 minutes", in the member's language.
pub fn amount(tr: &Tr, unit: Unit, n: u32) -> String {
    tr.ta(&format!("goal-unit-{}", unit.as_str()), &[("count", &n.to_string())])
}

/// A goal as it stands on a day: its plan, that day's target and what was recorded.
pub struct GoalOnDay {
    pub goal: Goal,
    pub plan: Option<Plan>,
    /// The day's step, once the plan runs.
    pub target: Option<u32>,
    pub done: Option<u32>,
}

impl GoalOnDay {
    /// `goal` on `day`, with what was recorded that day.
    pub fn new(goal: Goal, day: NaiveDate, done: Option<u32>) -> Self {
        let plan = goal.plan();
        let target = plan.as_ref().and_then(|p| p.target(day));
        Self { goal, plan, target, done }
    }

    /// Still asking for steps: not ended.
    pub fn current(&self) -> bool {
        self.goal.ended_on.is_none()
    }
}

/// The member's goals on `day`, with what was recorded that day.
pub async fn on_day(store: &Store, user: UserId, day: NaiveDate) -> ServiceResult<Vec<GoalOnDay>> {
    let goals = store.goals(user).await?;
    if goals.is_empty() {
        return Ok(Vec::new());
    }
    let steps = store.goal_steps_on(user, day).await?;
    Ok(goals
        .into_iter()
        .map(|goal| {
            let done = steps.iter().find(|(g, _)| *g == goal.id).map(|(_, a)| *a);
            GoalOnDay::new(goal, day, done)
        })
        .collect())
}

/// Records `amount` of a goal on `day` (`None` takes it back). A step at the plan's ceiling
/// marks the goal reached.
pub async fn record(
    store: &Store,
    user: UserId,
    goal: &Goal,
    day: NaiveDate,
    amount: Option<u32>,
) -> ServiceResult<()> {
    store.record_goal_step(user, goal.id, day, amount).await?;
    let at_ceiling = goal.plan().is_some_and(|p| p.at_ceiling(day));
    let reached = match (goal.ceiling, amount) {
        (Some(c), Some(a)) => at_ceiling && a >= c,
        _ => false,
    };
    if reached && goal.reached_on.is_none() {
        store.goal_reached(user, goal.id, day).await?;
    }
    Ok(())
}

/// Starts the plan on `day` from the days recorded so far; a clear error until there are
/// enough of them.
pub async fn start(store: &Store, user: UserId, goal: &Goal, day: NaiveDate) -> ServiceResult<Goal> {
    let amounts: Vec<u32> = store.goal_steps(user, goal.id).await?.into_iter().map(|(_, a)| a).collect();
    let baseline = goal::baseline(&amounts)
        .ok_or_else(|| ServiceError::Invalid(Invalid::one("baseline", "goal-baseline-short")))?;
    Ok(store.start_goal(user, goal.id, baseline, day).await?)
}

/// Brings the steps of a saved check-in's day in line with it: a running goal's strategy
/// ticked with no step records the day's target; unticked, its step is taken back. `typed`
/// are amounts the form asked for directly (baseline days), which win.
pub async fn follow_checkin(
    store: &Store,
    user: UserId,
    saved: &CheckIn,
    typed: &[(GoalId, Option<u32>)],
) -> ServiceResult<()> {
    for g in on_day(store, user, saved.day).await? {
        if !g.current() {
            continue;
        }
        let want = match typed.iter().find(|(id, _)| *id == g.goal.id) {
            Some((_, amount)) => *amount,
            None => {
                let ticked = g.goal.strategy_id.is_some_and(|s| saved.strategies.contains(&s));
                match (ticked, g.done) {
                    (true, None) => g.target,
                    (false, Some(a)) if a > 0 => None,
                    _ => g.done,
                }
            }
        };
        if want != g.done {
            record(store, user, &g.goal, saved.day, want).await?;
        }
    }
    Ok(())
}
