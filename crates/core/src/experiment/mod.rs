//! Personal experiments: randomised n-of-1 trials a member runs on themselves.
//!
//! A diary can only say that a strategy *goes with* better days; an experiment tests it.
//! The member alternates periods with condition A and B (usually "with" and "without" a
//! strategy) in pairs whose order is randomised from a stored seed, optionally skipping a few
//! washout days at the start of each period, and the analysis estimates the difference with
//! the agency engine's Bayesian AR(1) regression. Methods follow the CENT 2015 reporting
//! guideline and the Bayesian models of chronic-pain n-of-1 trials (PREEMPT, Trialist).
//!
//! - [`design`]: the validated plan and its day-by-day schedule;
//! - [`analysis`]: the result (estimate, 90 % interval, P(benefit), P(meaningful), period
//!   means, the paired comparison), as-randomised and per-protocol;
//! - [`course`]: where a started plan stands — pauses, extensions, an early stop;
//! - [`calibration`]: simulated experiments with known effects that check the analysis;
//! - [`csv`]: the exchange-format CSV with experiment columns, for the command line.

pub mod analysis;
pub mod calibration;
pub mod course;
pub mod csv;
pub mod design;
mod model;

pub use analysis::{
    analyse, Adherence, Analysis, Conclusion, ExperimentDay, ExperimentResult, NotAnalysable, Paired,
    PeriodMean,
};
pub use course::{Action, Course, Event, Status};
pub use design::{Comparison, Condition, Design, DesignForm, PlanDay};

use chrono::NaiveDate;
use std::collections::HashMap;

crate::id_type!(
    /// Which of a member's experiments.
    ExperimentId
);

/// What the diary holds for one day of the plan.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Observed {
    pub date: NaiveDate,
    /// The primary outcome, `None` when not rated.
    pub value: Option<f64>,
    pub adherence: Adherence,
}

/// Joins the plan with what was observed. Days of the plan without an observation are
/// missing (kept, so the report can count them); observations outside the plan are ignored.
pub fn join(design: &Design, observed: &[Observed]) -> Vec<ExperimentDay> {
    let by_date: HashMap<NaiveDate, &Observed> = observed.iter().map(|o| (o.date, o)).collect();
    design
        .schedule()
        .into_iter()
        .map(|p| {
            let o = by_date.get(&p.date);
            ExperimentDay {
                date: p.date,
                period: p.period,
                condition: p.condition,
                washout: p.washout,
                value: o.and_then(|o| o.value),
                adherence: o.map_or(Adherence::Unknown, |o| o.adherence),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
