//! Graded goals (pacing): a concrete activity with a unit, a baseline from days the member
//! recorded, a first target below the baseline and a fixed rise each week.
//!
//! The plan is *time-contingent, not pain-contingent*: the target of a day depends only on
//! how many weeks of the plan have passed, never on how the day felt. A flare pauses the plan
//! deliberately (paused days do not count towards the next rise), and on resuming the member
//! may step back a week. Amounts are whole units: minutes, pages, times.

use crate::Invalid;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[cfg(test)]
mod tests;

crate::id_type!(
    /// A goal's id.
    GoalId
);

/// A baseline needs at least this many recorded days: one good or bad day says little.
pub const BASELINE_DAYS_MIN: usize = 3;
/// The longest activity name, in characters.
pub const ACTIVITY_MAX: usize = 60;
/// The longest flare plan, in characters.
pub const FLARE_PLAN_MAX: usize = 1_000;
/// The largest amount of one day, in any unit (a day has 1,440 minutes).
pub const AMOUNT_MAX: u32 = 10_000;
/// The weekly rise, in percent, that a member may choose.
pub const RISE_RANGE: std::ops::RangeInclusive<u8> = 5..=20;
/// Where the first target may start, in percent of the baseline.
pub const START_RANGE: std::ops::RangeInclusive<u8> = 50..=100;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    Minutes,
    Pages,
    Times,
    Repetitions,
    Metres,
}

impl Unit {
    pub const ALL: [Unit; 5] = [Unit::Minutes, Unit::Pages, Unit::Times, Unit::Repetitions, Unit::Metres];

    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Minutes => "minutes",
            Unit::Pages => "pages",
            Unit::Times => "times",
            Unit::Repetitions => "repetitions",
            Unit::Metres => "metres",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|u| u.as_str() == s)
    }
}

impl crate::named::Named for Unit {
    fn all() -> &'static [Self] {
        &Self::ALL
    }

    fn name(self) -> &'static str {
        self.as_str()
    }
}

/// What a member writes to set up a goal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewGoal {
    pub activity: String,
    pub unit: Unit,
    /// The first target, in percent of the baseline.
    pub start_percent: u8,
    /// How much the target rises each week, in percent.
    pub rise_percent: u8,
    /// Where the plan stops rising; `None` to keep rising.
    pub ceiling: Option<u32>,
    /// What the member will do in a flare (kept for when they need it).
    pub flare_plan: String,
}

/// Reads a goal form, reporting every problem at once. Empty percentages take the usual
/// pacing values: start at 80 % of the baseline, rise 10 % a week.
pub fn parse_new_goal(
    activity: &str,
    unit: &str,
    start_percent: &str,
    rise_percent: &str,
    ceiling: &str,
    flare_plan: &str,
) -> Result<NewGoal, Invalid> {
    let activity = activity.trim();
    let activity_ok = if activity.is_empty() {
        Err(Invalid::one("activity", "goal-activity-empty"))
    } else if activity.chars().count() > ACTIVITY_MAX {
        Err(Invalid::one("activity", "goal-activity-long"))
    } else {
        Ok(())
    };
    let unit = Unit::parse(unit.trim()).ok_or_else(|| Invalid::one("unit", "goal-unit"));
    let start = percent(start_percent, 80, START_RANGE, "start_percent", "goal-start-range");
    let rise = percent(rise_percent, 10, RISE_RANGE, "rise_percent", "goal-rise-range");
    let ceiling = match ceiling.trim() {
        "" => Ok(None),
        c => parse_amount_in(c, "ceiling").and_then(|c| {
            if c == 0 {
                Err(Invalid::one("ceiling", "goal-amount-range"))
            } else {
                Ok(Some(c))
            }
        }),
    };
    let flare_plan = flare_plan.trim();
    let flare_ok = if flare_plan.chars().count() > FLARE_PLAN_MAX {
        Err(Invalid::one("flare_plan", "goal-flare-plan-long"))
    } else {
        Ok(())
    };
    let mut problems = Vec::new();
    Invalid::gather(&mut problems, &activity_ok);
    Invalid::gather(&mut problems, &unit);
    Invalid::gather(&mut problems, &start);
    Invalid::gather(&mut problems, &rise);
    Invalid::gather(&mut problems, &ceiling);
    Invalid::gather(&mut problems, &flare_ok);
    if let Some(invalid) = Invalid::from_problems(problems) {
        return Err(invalid);
    }
    match (unit, start, rise, ceiling) {
        (Ok(unit), Ok(start_percent), Ok(rise_percent), Ok(ceiling)) => Ok(NewGoal {
            activity: activity.to_owned(),
            unit,
            start_percent,
            rise_percent,
            ceiling,
            flare_plan: flare_plan.to_owned(),
        }),
        _ => Err(Invalid::one("activity", "bad-request")),
    }
}

fn percent(
    input: &str,
    default: u8,
    range: std::ops::RangeInclusive<u8>,
    field: &'static str,
    code: &'static str,
) -> Result<u8, Invalid> {
    match input.trim().trim_end_matches('%').trim() {
        "" => Ok(default),
        s => s.parse::<u8>().ok().filter(|p| range.contains(p)).ok_or_else(|| Invalid::one(field, code)),
    }
}

/// Reads one day's amount: a whole number from 0 to [`AMOUNT_MAX`].
pub fn parse_amount(input: &str) -> Result<u32, Invalid> {
    parse_amount_in(input.trim(), "amount")
}

/// Checks an amount already read as a number (from JSON).
pub fn check_amount(amount: u32) -> Result<u32, Invalid> {
    if amount <= AMOUNT_MAX {
        Ok(amount)
    } else {
        Err(Invalid::one("amount", "goal-amount-range"))
    }
}

fn parse_amount_in(input: &str, field: &'static str) -> Result<u32, Invalid> {
    input
        .parse::<u32>()
        .ok()
        .filter(|a| *a <= AMOUNT_MAX)
        .ok_or_else(|| Invalid::one(field, "goal-amount-range"))
}

/// The baseline: the mean of the recorded days, once there are [`BASELINE_DAYS_MIN`] of them
/// and at least one is above zero (a plan cannot rise from nothing).
pub fn baseline(amounts: &[u32]) -> Option<f64> {
    if amounts.len() < BASELINE_DAYS_MIN || amounts.iter().all(|a| *a == 0) {
        return None;
    }
    Some(amounts.iter().map(|a| f64::from(*a)).sum::<f64>() / amounts.len() as f64)
}

/// A pause for a flare: from its first day up to, not including, the day the member resumed
/// (`None` while it lasts).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pause {
    pub from: NaiveDate,
    pub until: Option<NaiveDate>,
}

/// A running plan: everything its targets depend on.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub baseline: f64,
    pub start_percent: u8,
    pub rise_percent: u8,
    pub ceiling: Option<u32>,
    pub started_on: NaiveDate,
    pub pauses: Vec<Pause>,
    /// Weeks given back on resuming after flares.
    pub steps_back: u32,
}

impl Plan {
    /// Whether the plan is paused on `day`.
    pub fn paused_on(&self, day: NaiveDate) -> bool {
        self.pauses.iter().any(|p| p.from <= day && p.until.is_none_or(|u| day < u))
    }

    /// Days of the plan before `day` that were not paused.
    fn active_days_before(&self, day: NaiveDate) -> i64 {
        let all = (day - self.started_on).num_days().max(0);
        let paused: i64 = self
            .pauses
            .iter()
            .map(|p| {
                let from = p.from.max(self.started_on);
                let until = p.until.map_or(day, |u| u.min(day));
                (until - from).num_days().max(0)
            })
            .sum();
        (all - paused).max(0)
    }

    /// Which week of the plan `day` is in, from 0, after the weeks given back.
    pub fn week(&self, day: NaiveDate) -> u32 {
        let weeks = u32::try_from(self.active_days_before(day) / 7).unwrap_or(u32::MAX);
        weeks.saturating_sub(self.steps_back)
    }

    /// The target of `day`: whole units, at least one, never above the ceiling. `None` before
    /// the plan starts.
    pub fn target(&self, day: NaiveDate) -> Option<u32> {
        if day < self.started_on {
            return None;
        }
        Some(self.target_of_week(self.week(day)))
    }

    /// The target of the plan's week `week` (from 0).
    pub fn target_of_week(&self, week: u32) -> u32 {
        let first = self.baseline * f64::from(self.start_percent) / 100.0;
        let growth =
            (1.0 + f64::from(self.rise_percent) / 100.0).powi(i32::try_from(week).unwrap_or(i32::MAX));
        let raw = (first * growth).round().clamp(1.0, f64::from(AMOUNT_MAX));
        // Rounded and clamped to 1..=AMOUNT_MAX above, so the cast is exact.
        let target = raw as u32;
        self.ceiling.map_or(target, |c| target.min(c))
    }

    /// Whether the plan has reached its ceiling by `day`.
    pub fn at_ceiling(&self, day: NaiveDate) -> bool {
        match (self.ceiling, self.target(day)) {
            (Some(c), Some(t)) => t >= c,
            _ => false,
        }
    }
}

/// A day of the plan as the member saw it: the target and what they recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayOfPlan {
    pub day: NaiveDate,
    pub target: u32,
    pub done: Option<u32>,
    pub paused: bool,
}

impl DayOfPlan {
    /// A step is done when the day's amount reached its target.
    pub fn step_done(&self) -> bool {
        self.done.is_some_and(|d| d >= self.target)
    }
}

/// Every day of the plan from its start to `today`, with what was recorded (`steps`: day and
/// amount, any order).
pub fn days_of_plan(plan: &Plan, steps: &[(NaiveDate, u32)], today: NaiveDate) -> Vec<DayOfPlan> {
    let done: std::collections::HashMap<NaiveDate, u32> = steps.iter().copied().collect();
    plan.started_on
        .iter_days()
        .take_while(|d| *d <= today)
        .filter_map(|day| {
            let target = plan.target(day)?;
            Some(DayOfPlan { day, target, done: done.get(&day).copied(), paused: plan.paused_on(day) })
        })
        .collect()
}
