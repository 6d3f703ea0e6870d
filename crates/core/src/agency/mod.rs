//! "What helps me": the agency engine.
//!
//! From a member's own diary it estimates, for each strategy, outcome and lag (0 = the same
//! day, 1 = the next day), how the outcome differs on days with the strategy and days
//! without — all strategies jointly, adjusted for slow trends and the weekday, with AR(1)
//! errors, and with a sceptical prior centred on zero so that thin evidence shrinks towards
//! "no clear difference" instead of celebrating flukes. It also measures *contingency*: how
//! strongly the member's actions go with good days, beside how much control they felt.
//!
//! Everything is "goes with", never "causes": the diary is observational. The personal
//! experiments (n-of-1 trials) are how a member tests a strategy properly.

mod contingency;
pub(crate) mod design;
pub mod dist;
pub(crate) mod linalg;
pub(crate) mod regression;

pub use contingency::{ActionsMatter, Contingency, FeltControl, GoodDays, OutcomeContingency};

use crate::checkin::Ratings;
use crate::diary_csv::DiaryRow;
use crate::strategy::StrategyId;
use chrono::NaiveDate;
use serde::Serialize;

/// The daily outcomes the engine analyses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    Pain,
    Peg,
    Mood,
    Sleep,
}

impl Outcome {
    pub const ALL: [Outcome; 4] = [Outcome::Pain, Outcome::Peg, Outcome::Mood, Outcome::Sleep];

    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Pain => "pain",
            Outcome::Peg => "peg",
            Outcome::Mood => "mood",
            Outcome::Sleep => "sleep",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|o| o.as_str() == s)
    }

    /// For pain and PEG lower is better; for mood and sleep higher is better.
    pub fn lower_is_better(self) -> bool {
        matches!(self, Outcome::Pain | Outcome::Peg)
    }

    pub fn of(self, r: &Ratings) -> Option<f64> {
        let score = |s: Option<crate::checkin::Score>| s.map(|s| f64::from(s.value()));
        match self {
            Outcome::Pain => score(r.pain),
            Outcome::Peg => r.peg(),
            Outcome::Mood => score(r.mood),
            Outcome::Sleep => score(r.sleep),
        }
    }

    /// A change of this many points is the smallest that matters (1 point on 0–10 scales).
    pub fn meaningful(self) -> f64 {
        1.0
    }
}

/// A strategy as the engine sees it: by id only, never by name.
#[derive(Debug, Clone, PartialEq)]
pub struct Tracked {
    pub id: StrategyId,
    /// The first day the member could tag it; earlier days are "not tracked", not "not done".
    /// `None`: tracked for the whole diary.
    pub tracked_from: Option<NaiveDate>,
}

/// One check-in: its day, ratings and the indices (into `Diary::strategies`) done that day.
#[derive(Debug, Clone, PartialEq)]
pub struct Day {
    pub date: NaiveDate,
    pub ratings: Ratings,
    pub done: Vec<usize>,
}

/// A diary ready for analysis: days ascending and distinct, `done` without duplicates.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Diary {
    pub strategies: Vec<Tracked>,
    pub days: Vec<Day>,
}

impl Diary {
    /// From rows of the exchange format, with each strategy's name by id (the id is the
    /// index). Names match ignoring letter case; every strategy counts as tracked for the
    /// whole diary (the format does not say otherwise).
    pub fn from_rows(rows: &[DiaryRow]) -> (Self, Vec<String>) {
        let mut strategies: Vec<Tracked> = Vec::new();
        let mut names: Vec<String> = Vec::new();
        let mut index = std::collections::HashMap::new();
        let mut days: Vec<Day> = rows
            .iter()
            .map(|r| {
                let mut done: Vec<usize> = r
                    .strategies
                    .iter()
                    .map(|name| {
                        *index.entry(name.to_lowercase()).or_insert_with(|| {
                            strategies
                                .push(Tracked { id: StrategyId(names.len() as i64), tracked_from: None });
                            names.push(name.clone());
                            strategies.len() - 1
                        })
                    })
                    .collect();
                done.sort_unstable();
                done.dedup();
                Day { date: r.date, ratings: r.ratings, done }
            })
            .collect();
        days.sort_by_key(|d| d.date);
        days.dedup_by_key(|d| d.date);
        (Self { strategies, days }, names)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Label {
    LikelyHelps,
    LikelyWorse,
    NoClearDifference,
    NotEnoughData,
}

/// The estimated difference that one strategy goes with, for one outcome and lag.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Effect {
    pub strategy: StrategyId,
    pub outcome: Outcome,
    pub lag: u8,
    /// Expected difference in the outcome (its own 0–10 scale) between days with the
    /// strategy (`lag` days before) and days without, other strategies, trend and weekday
    /// held equal.
    pub estimate: f64,
    /// 90 % credible interval.
    pub interval: [f64; 2],
    /// Probability that the difference is in the better direction.
    pub p_benefit: f64,
    /// Probability that it is better by at least the meaningful difference (1 point).
    pub p_meaningful: f64,
    pub n_with: usize,
    pub n_without: usize,
    pub label: Label,
    /// Not clear yet, but leaning the better way: how much more diary would likely tell.
    pub promising: Option<Promising>,
}

/// "Walking looks promising — about two more weeks of the diary would tell": shown instead of
/// a bare "no clear difference" while the evidence leans the better way, so the member knows
/// that keeping the diary (or a short experiment) is worth it. Not a claim.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Promising {
    /// Days of diary still needed if the difference stays as it looks now.
    pub more_days: u32,
}

/// Leaning the better way at least this surely, and "likely" within this many more days.
const PROMISING_FROM: f64 = 0.8;
const PROMISING_WITHIN_DAYS: f64 = 42.0;

/// Strategies the member almost always does together: their separate effects cannot be told
/// apart from the diary alone (an experiment can).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CoOccurring {
    pub strategies: [StrategyId; 2],
    pub together: usize,
    pub apart: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub results: Vec<Effect>,
    pub contingency: Contingency,
    pub co_occurring: Vec<CoOccurring>,
}

/// Below these counts an estimate is labelled "not enough data yet".
pub const MIN_DAYS_WITH: usize = 7;
pub const MIN_DAYS_WITHOUT: usize = 7;
pub const MIN_DAYS: usize = 21;
/// Prior standard deviation of a strategy's effect, in points: most strategies change a
/// 0–10 rating by well under two points, and many by nothing.
const PRIOR_SD: f64 = 1.5;
/// Next-day effects are usually smaller than same-day ones.
const NEXT_DAY_PRIOR_SD: f64 = 1.0;
/// Weekday and slow-trend terms are shrunk rather than free, so that a young diary does not
/// spend its few days on them (a weekly rhythm in pain is rarely half a point; a trend column
/// runs from −1 to 1, so 1 point is a 2-point drift over the diary). As days accumulate the
/// data outweigh these priors and the model uses the terms in full.
const WEEKDAY_PRIOR_SD: f64 = 0.5;
const TREND_PRIOR_SD: f64 = 1.0;
/// The indicators ("day before has no check-in", "not tracked yet"): a diary without gaps has
/// one day with no day before, its first, and with a vague prior a cross-validation fold
/// that holds that day out would fit its indicator from the next day's whitened row alone
/// (where it appears as −ρ) and predict nonsense. What they absorb is rarely more than a
/// couple of points.
const INDICATOR_PRIOR_SD: f64 = 2.0;
/// Vague prior for the intercept.
const NUISANCE_PRIOR_SD: f64 = 100.0;
/// A label claims a direction only when the posterior is this sure of it (two-sided, so a
/// strategy with no true effect gets a claim about 5 % of the time at most).
const DECISION: f64 = 0.96;

/// The full analysis of a diary: every strategy × outcome × lag, contingency, co-occurrence.
pub fn analyze(diary: &Diary) -> Report {
    let mut results = Vec::new();
    let mut outcomes = Vec::new();
    let mut cache = Cache::default();
    for outcome in Outcome::ALL {
        let (effects, contingency) = analyze_outcome_with(diary, outcome, &mut cache);
        results.extend(effects);
        outcomes.push(contingency);
    }
    Report {
        results,
        contingency: Contingency { outcomes, felt_control: contingency::felt_control(diary) },
        co_occurring: co_occurring(diary),
    }
}

/// The effects of every strategy (lags 0 and 1) on one outcome, and its contingency.
pub fn analyze_outcome(diary: &Diary, outcome: Outcome) -> (Vec<Effect>, OutcomeContingency) {
    analyze_outcome_with(diary, outcome, &mut Cache::default())
}

/// What the outcomes of one diary can share: they are usually rated on the same days, and
/// then the design (all but the outcome column) and `XᵀX` are the same.
#[derive(Default)]
struct Cache {
    plain: regression::PlainCache,
    design: Option<design::Design>,
}

fn analyze_outcome_with(
    diary: &Diary,
    outcome: Outcome,
    cache: &mut Cache,
) -> (Vec<Effect>, OutcomeContingency) {
    let design = match cache.design.take() {
        Some(previous) => previous.for_outcome(diary, outcome),
        None => design::build(diary, outcome),
    };
    let prior_sd: Vec<f64> = (0..design.columns)
        .map(|j| match j {
            _ if j < design.strategies => PRIOR_SD,
            _ if j < 2 * design.strategies => NEXT_DAY_PRIOR_SD,
            _ if design.weekday.contains(&j) => WEEKDAY_PRIOR_SD,
            _ if design.trend.contains(&j) => TREND_PRIOR_SD,
            _ if j >= design.prev_missing => INDICATOR_PRIOR_SD,
            _ => NUISANCE_PRIOR_SD,
        })
        .collect();
    let fitted = regression::fit(&design.rows, design.columns, &prior_sd, &mut cache.plain);
    // All coefficients of one fit share their degrees of freedom, so one quantile serves all.
    let t = fitted.as_ref().map_or(NO_FIT, |f| Quantiles::of(f.posterior.df));
    // Rows per calendar day, to turn rows still needed into days.
    let per_day = match (design.rows.first(), design.rows.last()) {
        (Some(a), Some(b)) => design.rows.len() as f64 / (b.day - a.day + 1) as f64,
        _ => 1.0,
    };
    let mut effects = Vec::with_capacity(2 * diary.strategies.len());
    for (s, tracked) in diary.strategies.iter().enumerate() {
        for lag in 0..2u8 {
            let column = usize::from(lag) * design.strategies + s;
            let counts =
                |v: &Vec<[usize; 2]>| v.get(s).and_then(|c| c.get(usize::from(lag))).copied().unwrap_or(0);
            let (n_with, n_without) = (counts(&design.with), counts(&design.without));
            let posterior = fitted
                .as_ref()
                .map(|f| &f.posterior)
                .and_then(|p| Some((*p.mean.get(column)?, *p.scale.get(column)?)));
            let counts = Counts { with: n_with, without: n_without, rows: design.rows.len(), per_day };
            effects.push(effect(tracked, outcome, lag, posterior, &t, counts));
        }
    }
    let nuisance: Vec<usize> = design.nuisance().collect();
    let share = fitted.as_ref().and_then(|f| regression::cross_validated_share(f, &nuisance));
    let contingency = contingency::for_outcome(diary, &design, outcome, share);
    cache.design = Some(design);
    (effects, contingency)
}

struct Counts {
    with: usize,
    without: usize,
    rows: usize,
    /// Rows per calendar day (check-ins with this outcome).
    per_day: f64,
}

/// What every effect of one fit shares: the degrees of freedom of its Student t posteriors and
/// two quantiles of that t (computed once per fit: each is a search over the distribution).
struct Quantiles {
    df: f64,
    /// For the 90 % interval.
    interval: f64,
    /// How many scales from zero an estimate must be for a label.
    decision: f64,
}

impl Quantiles {
    fn of(df: f64) -> Self {
        Self { df, interval: dist::t_quantile(0.95, df), decision: dist::t_quantile(DECISION, df) }
    }
}

/// Without a fit (no usable days at all) the prior speaks: t with 2 degrees of freedom.
const NO_FIT: Quantiles = Quantiles { df: 2.0, interval: 2.919_986, decision: 3.319_764 };

/// One effect from its posterior `(mean, scale)`: the coefficient is `mean + scale · t(df)`.
fn effect(
    tracked: &Tracked,
    outcome: Outcome,
    lag: u8,
    posterior: Option<(f64, f64)>,
    t: &Quantiles,
    n: Counts,
) -> Effect {
    // Without a fit the prior speaks: centred on zero, wide.
    let (mean, scale) = posterior.unwrap_or((0.0, PRIOR_SD));
    let below = |x: f64| dist::t_cdf((x - mean) / scale.max(1e-12), t.df);
    let m = outcome.meaningful();
    let (p_benefit, p_meaningful) =
        if outcome.lower_is_better() { (below(0.0), below(-m)) } else { (1.0 - below(0.0), 1.0 - below(m)) };
    let label =
        if n.with < MIN_DAYS_WITH || n.without < MIN_DAYS_WITHOUT || n.rows < MIN_DAYS || posterior.is_none()
        {
            Label::NotEnoughData
        } else if p_benefit >= DECISION {
            Label::LikelyHelps
        } else if p_benefit <= 1.0 - DECISION {
            Label::LikelyWorse
        } else {
            Label::NoClearDifference
        };
    let promising = (label == Label::NoClearDifference && p_benefit >= PROMISING_FROM)
        .then(|| more_days(mean / scale.max(1e-12), t.decision, n.rows, n.per_day))
        .flatten()
        .map(|more_days| Promising { more_days });
    Effect {
        strategy: tracked.id,
        outcome,
        lag,
        estimate: mean,
        interval: [mean - t.interval * scale, mean + t.interval * scale],
        p_benefit,
        p_meaningful,
        n_with: n.with,
        n_without: n.without,
        label,
        promising,
    }
}

/// Days of diary until the posterior would be sure enough for a label, if the estimate held:
/// the interval narrows as one over the square root of the days, so `rows · (z* / z)²` rows
/// are needed where `z` is how many scales the estimate is from zero now and `needed` how many
/// a label takes. `None` when that is further off than [`PROMISING_WITHIN_DAYS`].
fn more_days(z: f64, needed: f64, rows: usize, per_day: f64) -> Option<u32> {
    let z = z.abs();
    let rows_needed = rows as f64 * (needed / z.max(1e-6)).powi(2);
    let days = ((rows_needed - rows as f64) / per_day.max(0.1)).ceil().max(1.0);
    (days <= PROMISING_WITHIN_DAYS).then_some(days as u32)
}

/// Pairs of strategies (each done on at least 7 days) done together on at least 85 % of the
/// days either was done.
pub fn co_occurring(diary: &Diary) -> Vec<CoOccurring> {
    let n = diary.strategies.len();
    let mut uses = vec![0usize; n];
    // Days done together, for a < b at `a * n + b`.
    let mut both = vec![0usize; n * n];
    for d in &diary.days {
        for (i, &a) in d.done.iter().enumerate() {
            if let Some(u) = uses.get_mut(a) {
                *u += 1;
            }
            for &b in d.done.iter().skip(i + 1) {
                if let Some(t) = both.get_mut(a.min(b) * n + a.max(b)) {
                    *t += 1;
                }
            }
        }
    }
    let mut pairs: Vec<CoOccurring> = (0..n)
        .flat_map(|a| (a + 1..n).map(move |b| (a, b)))
        .filter_map(|(a, b)| {
            let together = *both.get(a * n + b)?;
            let (ua, ub) = (*uses.get(a)?, *uses.get(b)?);
            let either = ua + ub - together;
            let close = ua >= MIN_DAYS_WITH && ub >= MIN_DAYS_WITH && together as f64 >= 0.85 * either as f64;
            if !close {
                return None;
            }
            Some(CoOccurring {
                strategies: [diary.strategies.get(a)?.id, diary.strategies.get(b)?.id],
                together,
                apart: either - together,
            })
        })
        .collect();
    pairs.sort_by_key(|p| p.strategies);
    pairs
}

#[cfg(test)]
mod tests;
