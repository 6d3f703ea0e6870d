//! The analysis of a finished (or stopped) experiment.
//!
//! Model, on the analysed days (washout days and days without a rating left out):
//! `y_t = α_pair + β·[condition A] + carry-over + γ·trend_t + e_t` with AR(1) errors `e_t`,
//! fitted by the agency engine's Bayesian regression (errors whitened exactly across gaps, Normal–InvGamma
//! posterior, Student-t marginals), so experiments and insights share one set of maths;
//! only ρ is integrated over instead of plugged in (see `model.rs` for why).
//!
//! - **β** is the effect: mean(A) − mean(B) on the outcome's own scale. Its prior is the
//!   agency engine's sceptical N(0, 1.5²) points: most strategies move a 0–10 rating by well
//!   under two points, so a short, noisy experiment is pulled towards "no clear difference"
//!   rather than celebrating a fluke. The price: in a default experiment a true 2-point
//!   effect is reported as about 1.6 on average (see `calibration.rs`).
//! - **Pair intercepts** α (vague prior) rather than one effect per period: a period effect
//!   would be confounded with the condition (each period has one), while the pair is the
//!   block the order was randomised in. They absorb a flare or a slow change between pairs,
//!   and they make the model's estimate the regression version of the paired comparison.
//! - **A linear trend** γ (vague prior) catches steady drift *within* pairs, which the order
//!   of a single pair would otherwise partly credit to the condition.
//! - **Carry-over**: on the first two days of a period that follows the other condition, one
//!   column per day (+1 after A, −1 after B; sceptical prior like β) takes the share of the
//!   effect that has not switched over yet, so β stays the steady-state effect. Without it,
//!   a 1–2-day carry-over pulled a 2-point effect to 1.3 and the 90 % interval covered it in
//!   only 60 % of simulated experiments without washout. With washout days these columns
//!   have few or no data and cost nothing.
//!
//! As-randomised (every analysed day counts as its planned condition) is the primary
//! result, because randomisation protects only that comparison; per-protocol (days the
//! member did not follow the plan left out) is reported beside it when adherence was imperfect.

use super::design::Condition;
use super::model;
use crate::agency::design::Row;
use crate::agency::linalg::Sparse;
use crate::agency::{dist, Outcome};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;

/// Prior standard deviation of the effect, in points (as for the agency engine).
pub const PRIOR_SD: f64 = 1.5;
/// Intercepts and trend: vague, the data decide.
const NUISANCE_PRIOR_SD: f64 = 100.0;
/// "It helps" is claimed when P(benefit) reaches this (one-sided). At 0.95 the simulated
/// experiments without an effect said "it helps" 4.6 % of the time, too close to the 5 %
/// limit; 0.96 (the agency engine's threshold) leaves a margin (see `calibration.rs`).
pub const DECISION: f64 = 0.96;
/// The first days of a period in which the previous condition's effect may linger, modelled
/// by their own columns (see [`carry_over`]).
const CARRY_DAYS: usize = 2;
/// Fewer analysed days than this in either condition: not analysable.
pub const MIN_DAYS_PER_CONDITION: usize = 3;

/// Whether the member followed the plan on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Adherence {
    Followed,
    NotFollowed,
    /// Not recorded: counted as followed (the plan is the best guess of what happened).
    Unknown,
}

/// One day of an experiment with what was observed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ExperimentDay {
    pub date: NaiveDate,
    pub period: u32,
    pub condition: Condition,
    pub washout: bool,
    /// The primary outcome; `None` when not rated.
    pub value: Option<f64>,
    pub adherence: Adherence,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PeriodMean {
    pub period: u32,
    pub condition: Condition,
    /// Mean of the analysed days; `None` when none was rated.
    pub mean: Option<f64>,
    pub days: usize,
}

/// The robustness check: mean of the within-pair differences of period means, t interval.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Paired {
    pub estimate: f64,
    pub interval: [f64; 2],
    #[serde(skip)]
    pub pairs: usize,
}

/// The result, serialised with exactly the keys of `foothold analyze-experiment --json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExperimentResult {
    /// mean(A) − mean(B), on the outcome's scale.
    pub estimate: f64,
    /// 90 % credible interval.
    pub interval: [f64; 2],
    /// P(A is better than B): lower is better for pain and PEG, higher for mood and sleep.
    pub p_benefit: f64,
    /// P(A is better by at least the meaningful difference, 1 point).
    pub p_meaningful: f64,
    pub period_means: Vec<PeriodMean>,
    /// `None` with fewer than two complete pairs.
    pub paired: Option<Paired>,
    pub n_days_used: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Conclusion {
    LikelyHelps,
    LikelyWorse,
    NoClearDifference,
}

impl ExperimentResult {
    /// The claim the result supports at the [`DECISION`] threshold.
    pub fn conclusion(&self) -> Conclusion {
        if self.p_benefit >= DECISION {
            Conclusion::LikelyHelps
        } else if self.p_benefit <= 1.0 - DECISION {
            Conclusion::LikelyWorse
        } else {
            Conclusion::NoClearDifference
        }
    }
}

/// Why there is no result. The code is stable, for translation and API clients.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum NotAnalysable {
    #[error("no analysed day has a rating of the outcome")]
    NoDays,
    #[error("fewer than {MIN_DAYS_PER_CONDITION} analysed days with a rating in condition {0:?}")]
    TooFewDays(Condition),
    #[error("the outcome had the same rating on every analysed day, so there is no difference to measure")]
    ConstantOutcome,
    #[error("the model could not be fitted to these days")]
    NoFit,
}

impl NotAnalysable {
    pub fn code(self) -> &'static str {
        match self {
            NotAnalysable::NoDays => "experiment-no-days",
            NotAnalysable::TooFewDays(_) => "experiment-too-few-days",
            NotAnalysable::ConstantOutcome => "experiment-constant-outcome",
            NotAnalysable::NoFit => "experiment-no-fit",
        }
    }
}

/// Counts for the report (CENT 2015: adherence, washouts, missing days).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub days: usize,
    pub washout: usize,
    /// Non-washout days without a rating.
    pub missing: usize,
    pub followed: usize,
    pub not_followed: usize,
    pub unknown: usize,
}

/// Both analyses with the counts behind them.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    pub as_randomised: Result<ExperimentResult, NotAnalysable>,
    /// Only when some day was not followed.
    pub per_protocol: Option<Result<ExperimentResult, NotAnalysable>>,
    pub counts: Counts,
}

/// Analyses an experiment for one outcome (which only sets the direction of "better").
pub fn analyse(days: &[ExperimentDay], outcome: Outcome) -> Analysis {
    let mut counts = Counts { days: days.len(), ..Counts::default() };
    for d in days {
        match d.adherence {
            Adherence::Followed => counts.followed += 1,
            Adherence::NotFollowed => counts.not_followed += 1,
            Adherence::Unknown => counts.unknown += 1,
        }
        if d.washout {
            counts.washout += 1;
        } else if d.value.is_none() {
            counts.missing += 1;
        }
    }
    let per_protocol = (counts.not_followed > 0).then(|| {
        let kept: Vec<ExperimentDay> =
            days.iter().filter(|d| d.adherence != Adherence::NotFollowed).copied().collect();
        estimate(&kept, outcome)
    });
    Analysis { as_randomised: estimate(days, outcome), per_protocol, counts }
}

/// The model fit and the paired check on the given days (washout and unrated days skipped).
pub fn estimate(days: &[ExperimentDay], outcome: Outcome) -> Result<ExperimentResult, NotAnalysable> {
    let mut used: Vec<(NaiveDate, u32, Condition, f64)> = days
        .iter()
        .filter(|d| !d.washout)
        .filter_map(|d| Some((d.date, d.period, d.condition, d.value.filter(|v| v.is_finite())?)))
        .collect();
    used.sort_by_key(|u| u.0);
    used.dedup_by_key(|u| u.0);
    let (Some(first), Some(last)) = (used.first(), used.last()) else { return Err(NotAnalysable::NoDays) };
    for condition in [Condition::A, Condition::B] {
        if used.iter().filter(|u| u.2 == condition).count() < MIN_DAYS_PER_CONDITION {
            return Err(NotAnalysable::TooFewDays(condition));
        }
    }
    if used.iter().all(|u| u.3 == first.3) {
        return Err(NotAnalysable::ConstantOutcome);
    }
    let (start, span) = (first.0, (last.0 - first.0).num_days() + 1);
    // Columns: 0 the condition, 1..=CARRY_DAYS the carry-over, then the pair intercepts and
    // the trend.
    let pairs: BTreeMap<u32, usize> = {
        let mut p: Vec<u32> = used.iter().map(|u| pair_of(u.1)).collect();
        p.sort_unstable();
        p.dedup();
        p.into_iter().enumerate().map(|(i, pair)| (pair, i + 1 + CARRY_DAYS)).collect()
    };
    let trend = pairs.len() + 1 + CARRY_DAYS;
    let periods = periods(days);
    let rows: Vec<Row> = used
        .iter()
        .enumerate()
        .map(|(i, &(date, period, condition, y))| {
            let day = (date - start).num_days();
            let mut x: Sparse = Vec::with_capacity(4);
            if condition == Condition::A {
                x.push((0, 1.0));
            }
            if let Some((column, value)) = carry_over(&periods, date, period, condition) {
                x.push((column, value));
            }
            x.push((pairs.get(&pair_of(period)).copied().unwrap_or(1), 1.0));
            x.push((trend, 2.0 * (day as f64 + 0.5) / span as f64 - 1.0));
            Row { day, checkin: i, x, y }
        })
        .collect();
    let columns = trend + 1;
    let prior_sd: Vec<f64> =
        (0..columns).map(|j| if j <= CARRY_DAYS { PRIOR_SD } else { NUISANCE_PRIOR_SD }).collect();
    let posterior = model::effect_posterior(&rows, columns, &prior_sd, 0).ok_or(NotAnalysable::NoFit)?;
    let mean = posterior.mean();
    let interval = [posterior.quantile(0.05), posterior.quantile(0.95)];
    if !(mean.is_finite() && interval.iter().all(|v| v.is_finite())) {
        return Err(NotAnalysable::NoFit);
    }
    let m = outcome.meaningful();
    let (p_benefit, p_meaningful) = if outcome.lower_is_better() {
        (posterior.cdf(0.0), posterior.cdf(-m))
    } else {
        (1.0 - posterior.cdf(0.0), 1.0 - posterior.cdf(m))
    };
    let period_means = period_means(days, &used);
    Ok(ExperimentResult {
        estimate: mean,
        interval,
        p_benefit,
        p_meaningful,
        paired: paired(&period_means),
        period_means,
        n_days_used: used.len(),
    })
}

/// Each period's first date and condition.
fn periods(days: &[ExperimentDay]) -> BTreeMap<u32, (NaiveDate, Condition)> {
    let mut periods: BTreeMap<u32, (NaiveDate, Condition)> = BTreeMap::new();
    for d in days {
        let p = periods.entry(d.period).or_insert((d.date, d.condition));
        p.0 = p.0.min(d.date);
    }
    periods
}

/// The carry-over column of a day: on day `k < CARRY_DAYS` of a period that follows one of
/// the other condition, column `1 + k` holds +1 after A (A's effect may linger into B) and
/// −1 after B, so its coefficient is the share of the effect not yet switched over.
fn carry_over(
    periods: &BTreeMap<u32, (NaiveDate, Condition)>,
    date: NaiveDate,
    period: u32,
    condition: Condition,
) -> Option<(usize, f64)> {
    let (start, _) = periods.get(&period)?;
    let (_, before) = periods.get(&period.checked_sub(1)?)?;
    let k = usize::try_from((date - *start).num_days()).ok().filter(|k| *k < CARRY_DAYS)?;
    (*before != condition).then_some((1 + k, if *before == Condition::A { 1.0 } else { -1.0 }))
}

/// Periods `2k − 1` and `2k` form pair `k`.
pub fn pair_of(period: u32) -> u32 {
    period.div_ceil(2)
}

/// Every period of the plan (even one with no rated day), by period and condition.
fn period_means(days: &[ExperimentDay], used: &[(NaiveDate, u32, Condition, f64)]) -> Vec<PeriodMean> {
    let mut sums: BTreeMap<(u32, u8), (Condition, f64, usize)> = BTreeMap::new();
    let key = |period: u32, c: Condition| (period, u8::from(c == Condition::B));
    for d in days {
        sums.entry(key(d.period, d.condition)).or_insert((d.condition, 0.0, 0));
    }
    for &(_, period, condition, y) in used {
        let s = sums.entry(key(period, condition)).or_insert((condition, 0.0, 0));
        s.1 += y;
        s.2 += 1;
    }
    sums.into_iter()
        .map(|((period, _), (condition, sum, n))| PeriodMean {
            period,
            condition,
            mean: (n > 0).then(|| sum / n as f64),
            days: n,
        })
        .collect()
}

/// Mean of the within-pair differences mean(A) − mean(B), with a 90 % t interval; pairs
/// missing a rated period of either condition are left out.
fn paired(means: &[PeriodMean]) -> Option<Paired> {
    let mut by_pair: BTreeMap<u32, [Option<f64>; 2]> = BTreeMap::new();
    for m in means {
        let slot = by_pair.entry(pair_of(m.period)).or_insert([None, None]);
        let index = usize::from(m.condition == Condition::B);
        if let (Some(cell), Some(mean)) = (slot.get_mut(index), m.mean) {
            // Two periods of one condition in a pair (a hand-made plan): use the first.
            cell.get_or_insert(mean);
        }
    }
    let diffs: Vec<f64> = by_pair.values().filter_map(|[a, b]| Some((*a)? - (*b)?)).collect();
    let n = diffs.len();
    if n < 2 {
        return None;
    }
    let mean = diffs.iter().sum::<f64>() / n as f64;
    let var = diffs.iter().map(|d| (d - mean).powi(2)).sum::<f64>() / (n - 1) as f64;
    let half = dist::t_quantile(0.95, (n - 1) as f64) * (var / n as f64).sqrt();
    Some(Paired { estimate: mean, interval: [mean - half, mean + half], pairs: n })
}
