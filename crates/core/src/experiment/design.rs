//! The plan of a personal experiment: what is compared, on which outcome, and which
//! condition each day of the plan belongs to.
//!
//! The design is ABAB in pairs of periods; within each pair the order (AB or BA) is drawn
//! from a stored seed, so the plan can be reproduced and audited from four numbers and a date.
//! The draw is defined here (SplitMix64 of the seed and the pair number) rather than by a
//! general-purpose generator, so that a stored seed gives the same plan in every version.

use crate::agency::Outcome;
use crate::strategy::StrategyId;
use crate::validation::{Invalid, Problem};
use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

/// Default and allowed period length in days.
pub const PERIOD_DAYS_DEFAULT: u32 = 7;
pub const PERIOD_DAYS: (u32, u32) = (3, 28);
/// Default and allowed number of AB pairs.
pub const PAIRS_DEFAULT: u32 = 3;
pub const PAIRS: (u32, u32) = (2, 8);
/// Fewer analysed days than this per condition cannot tell even a 2-point difference from
/// ordinary day-to-day noise (about 1 point) with any confidence, so such a plan is refused.
pub const MIN_ANALYSED_DAYS_PER_CONDITION: u32 = 6;

/// One of the two conditions of an experiment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Condition {
    A,
    B,
}

impl Condition {
    pub fn other(self) -> Self {
        match self {
            Condition::A => Condition::B,
            Condition::B => Condition::A,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Condition::A => "A",
            Condition::B => "B",
        }
    }
}

/// What is compared, by strategy id (names are for people, and may change). "With /
/// without" is the common case (A = with the strategy).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Comparison {
    WithWithout { strategy: StrategyId },
    AVersusB { a: StrategyId, b: StrategyId },
}

/// A validated experiment plan. Stored as its fields; rebuilt through [`Design::new`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Design {
    pub comparison: Comparison,
    pub outcome: Outcome,
    pub period_days: u32,
    pub pairs: u32,
    /// The first days of every period that are not analysed (the previous condition may
    /// still be acting).
    pub washout_days: u32,
    pub seed: u64,
    pub start: NaiveDate,
}

/// One day of the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PlanDay {
    pub date: NaiveDate,
    /// 1-based; periods `2k − 1` and `2k` form pair `k`.
    pub period: u32,
    pub condition: Condition,
    pub washout: bool,
}

/// Form input for [`Design::parse`]: the strategies already looked up by the caller, the rest
/// as typed, empty meaning "the default".
#[derive(Debug, Clone)]
pub struct DesignForm<'a> {
    pub strategy: StrategyId,
    /// `None`: "with / without `strategy`"; otherwise the alternative strategy B.
    pub versus: Option<StrategyId>,
    pub outcome: &'a str,
    pub period_days: &'a str,
    pub pairs: &'a str,
    pub washout_days: &'a str,
    pub start: &'a str,
}

/// The outcome named in a form or on the command line.
pub fn parse_outcome(input: &str) -> Result<Outcome, Invalid> {
    let s = input.trim().to_ascii_lowercase();
    Outcome::ALL
        .into_iter()
        .find(|o| o.as_str() == s)
        .ok_or_else(|| Invalid::one("outcome", "outcome-unknown"))
}

fn number(input: &str, default: u32, field: &'static str, problems: &mut Vec<Problem>) -> u32 {
    let s = input.trim();
    if s.is_empty() {
        return default;
    }
    s.parse().unwrap_or_else(|_| {
        problems.push(Problem { field, code: "number-invalid" });
        default
    })
}

impl Design {
    /// Checks a plan. Every problem is reported at once; the codes say why a plan is refused.
    pub fn new(
        comparison: Comparison,
        outcome: Outcome,
        period_days: u32,
        pairs: u32,
        washout_days: u32,
        seed: u64,
        start: NaiveDate,
    ) -> Result<Self, Invalid> {
        let mut problems = Vec::new();
        if let Comparison::AVersusB { a, b } = comparison {
            if a == b {
                problems.push(Problem { field: "versus", code: "experiment-same-strategies" });
            }
        }
        if !(PERIOD_DAYS.0..=PERIOD_DAYS.1).contains(&period_days) {
            problems.push(Problem { field: "period_days", code: "experiment-period-range" });
        }
        if !(PAIRS.0..=PAIRS.1).contains(&pairs) {
            // One pair cannot separate the condition from whatever else changed between two
            // periods; the paired comparison needs at least two.
            problems.push(Problem { field: "pairs", code: "experiment-pairs-range" });
        }
        if washout_days + 2 > period_days {
            // At least two analysed days per period, or a period says nothing.
            problems.push(Problem { field: "washout_days", code: "experiment-washout-too-long" });
        } else if pairs * (period_days - washout_days) < MIN_ANALYSED_DAYS_PER_CONDITION {
            problems.push(Problem { field: "period_days", code: "experiment-too-short" });
        }
        match Invalid::from_problems(problems) {
            Some(invalid) => Err(invalid),
            None => Ok(Self { comparison, outcome, period_days, pairs, washout_days, seed, start }),
        }
    }

    /// Reads a design form (the seed is drawn by the server, never typed).
    pub fn parse(form: &DesignForm<'_>, seed: u64) -> Result<Self, Invalid> {
        let mut problems = Vec::new();
        let outcome =
            if form.outcome.trim().is_empty() { Ok(Outcome::Pain) } else { parse_outcome(form.outcome) };
        Invalid::gather(&mut problems, &outcome);
        let start = NaiveDate::parse_from_str(form.start.trim(), "%Y-%m-%d")
            .map_err(|_| Invalid::one("start", "day-invalid"));
        Invalid::gather(&mut problems, &start);
        let period_days = number(form.period_days, PERIOD_DAYS_DEFAULT, "period_days", &mut problems);
        let pairs = number(form.pairs, PAIRS_DEFAULT, "pairs", &mut problems);
        let washout_days = number(form.washout_days, 0, "washout_days", &mut problems);
        let comparison = match form.versus {
            None => Comparison::WithWithout { strategy: form.strategy },
            Some(b) => Comparison::AVersusB { a: form.strategy, b },
        };
        // The other fields are still checked with stand-ins, so every problem shows at once.
        let placeholder = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default();
        let checked = Self::new(
            comparison,
            outcome.as_ref().map_or(Outcome::Pain, |o| *o),
            period_days,
            pairs,
            washout_days,
            seed,
            start.as_ref().map_or(placeholder, |d| *d),
        );
        Invalid::gather(&mut problems, &checked);
        match Invalid::from_problems(problems) {
            Some(invalid) => Err(invalid),
            None => checked,
        }
    }

    /// The order of each pair: the condition of its first period.
    pub fn orders(&self) -> Vec<Condition> {
        (1..=self.pairs).map(|pair| first_of_pair(self.seed, pair)).collect()
    }

    /// The orders as text, e.g. `AB BA AB`, for the audit trail and the report.
    pub fn order_code(&self) -> String {
        let orders: Vec<String> = self
            .orders()
            .into_iter()
            .map(|first| format!("{}{}", first.as_str(), first.other().as_str()))
            .collect();
        orders.join(" ")
    }

    pub fn total_days(&self) -> u32 {
        2 * self.pairs * self.period_days
    }

    /// The last day of the plan.
    pub fn end(&self) -> NaiveDate {
        self.start + Duration::days(i64::from(self.total_days()) - 1)
    }

    /// Every day of the plan, in order.
    pub fn schedule(&self) -> Vec<PlanDay> {
        (0..self.total_days()).filter_map(|i| self.day_at(i)).collect()
    }

    /// The plan for one date, or `None` outside the plan (check-ins then are ordinary days).
    pub fn on(&self, date: NaiveDate) -> Option<PlanDay> {
        u32::try_from((date - self.start).num_days()).ok().and_then(|i| self.day_at(i))
    }

    fn day_at(&self, i: u32) -> Option<PlanDay> {
        if i >= self.total_days() || self.period_days == 0 {
            return None;
        }
        let period0 = i / self.period_days;
        let pair = period0 / 2 + 1;
        let first = first_of_pair(self.seed, pair);
        let condition = if period0 % 2 == 1 { first.other() } else { first };
        Some(PlanDay {
            date: self.start + Duration::days(i64::from(i)),
            period: period0 + 1,
            condition,
            washout: i % self.period_days < self.washout_days,
        })
    }
}

/// SplitMix64: a fixed, well-mixed function of its input (Steele et al. 2014).
fn splitmix64(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Which condition opens pair `pair` (1-based): the top bit of a hash of seed and pair.
pub fn first_of_pair(seed: u64, pair: u32) -> Condition {
    let h = splitmix64(splitmix64(seed) ^ u64::from(pair));
    if h >> 63 == 0 {
        Condition::A
    } else {
        Condition::B
    }
}
