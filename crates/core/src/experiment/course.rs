//! The course of an experiment once it is planned: where it stands on a given day, which
//! changes are allowed (pause for a flare, resume, extend by a pair, stop early), and which
//! days the analysis may use.
//!
//! The plan itself never changes after the start except by whole pairs (an extension keeps
//! every earlier day's condition, because a pair's order depends only on the seed and the
//! pair's number). Pauses do not shift the plan: the paused days are kept in the calendar
//! but left out of the analysis, so the randomised order of the remaining days stays intact.

use super::analysis::ExperimentDay;
use super::design::{Design, PAIRS};
use super::{join, Observed};
use chrono::NaiveDate;
use serde::Serialize;

/// Where an experiment stands on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Before its first day: the plan may still be changed or cancelled.
    Planned,
    Running,
    /// Paused (usually for a flare) until the member resumes.
    Paused,
    /// Every planned day has passed.
    Finished,
    /// Stopped early by the member.
    Stopped,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Planned => "planned",
            Status::Running => "running",
            Status::Paused => "paused",
            Status::Finished => "finished",
            Status::Stopped => "stopped",
        }
    }

    /// Finished or stopped: the result can be shown.
    pub fn is_over(self) -> bool {
        matches!(self, Status::Finished | Status::Stopped)
    }
}

crate::named::named!(
    /// A change the member made while the experiment ran. Stored, in order, as the audit trail.
    Action { Pause = "pause", Resume = "resume", Extend = "extend", Stop = "stop" }
);

/// One recorded change: what, and on which of the member's days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Event {
    pub action: Action,
    pub day: NaiveDate,
}

/// A plan with the changes made to it so far.
#[derive(Debug, Clone, PartialEq)]
pub struct Course {
    pub design: Design,
    /// Oldest first.
    pub events: Vec<Event>,
}

impl Course {
    /// The day the member stopped, if they did.
    pub fn stopped_on(&self) -> Option<NaiveDate> {
        self.events.iter().find(|e| e.action == Action::Stop).map(|e| e.day)
    }

    /// The last day that belongs to the experiment: the plan's end, or the day it was stopped.
    pub fn last_day(&self) -> NaiveDate {
        self.stopped_on().map_or(self.design.end(), |d| d.min(self.design.end()))
    }

    pub fn status(&self, today: NaiveDate) -> Status {
        if self.stopped_on().is_some() {
            Status::Stopped
        } else if today < self.design.start {
            Status::Planned
        } else if today > self.design.end() {
            Status::Finished
        } else if self.paused_since().is_some() {
            Status::Paused
        } else {
            Status::Running
        }
    }

    /// The day the current pause began, if the experiment is paused.
    fn paused_since(&self) -> Option<NaiveDate> {
        let mut since = None;
        for e in &self.events {
            match e.action {
                Action::Pause => since = Some(e.day),
                Action::Resume => since = None,
                Action::Extend | Action::Stop => {}
            }
        }
        since
    }

    /// Whether `date` fell in a pause: from the day of a pause to the day before the resume
    /// (a member who resumes on a day follows the plan that day).
    pub fn paused(&self, date: NaiveDate) -> bool {
        let mut since: Option<NaiveDate> = None;
        for e in &self.events {
            match e.action {
                Action::Pause => since = Some(e.day),
                Action::Resume => {
                    if since.is_some_and(|s| s <= date && date < e.day) {
                        return true;
                    }
                    since = None;
                }
                Action::Extend | Action::Stop => {}
            }
        }
        since.is_some_and(|s| s <= date)
    }

    /// Whether the member may take `action` today; the error is a stable code saying why not.
    pub fn check(&self, action: Action, today: NaiveDate) -> Result<(), &'static str> {
        let status = self.status(today);
        match (action, status) {
            (_, Status::Finished | Status::Stopped) => Err("experiment-over"),
            (_, Status::Planned) => Err("experiment-not-started"),
            (Action::Pause, Status::Paused) => Err("experiment-already-paused"),
            (Action::Resume, Status::Running) => Err("experiment-not-paused"),
            (Action::Extend, _) if self.design.pairs >= PAIRS.1 => Err("experiment-pairs-range"),
            _ => Ok(()),
        }
    }

    /// The plan with one more pair, for [`Action::Extend`].
    pub fn extended(&self) -> Result<Design, crate::validation::Invalid> {
        let d = &self.design;
        Design::new(d.comparison, d.outcome, d.period_days, d.pairs + 1, d.washout_days, d.seed, d.start)
    }

    /// The days to analyse: the plan up to its last day, joined with what was observed, with
    /// paused days left without a value (counted by [`Course::paused_days`]).
    pub fn days(&self, observed: &[Observed]) -> Vec<ExperimentDay> {
        let last = self.last_day();
        join(&self.design, observed)
            .into_iter()
            .filter(|d| d.date <= last)
            .map(|d| if self.paused(d.date) { ExperimentDay { value: None, ..d } } else { d })
            .collect()
    }

    /// How many days of the plan (up to its last day) were paused.
    pub fn paused_days(&self) -> usize {
        let last = self.last_day();
        self.design.schedule().iter().filter(|p| p.date <= last && self.paused(p.date)).count()
    }
}
