//! What members' own diaries showed after trying a hack, pooled across members.
//!
//! Each member who shares gives the agency engine's estimate for the hack's strategy and
//! its 90 % interval, for one outcome. Members differ (a hack can help one and not another),
//! so the results are pooled with a random-effects model: DerSimonian–Laird, the method of
//! moments for the between-member variance τ², then inverse-variance weights 1/(vᵢ + τ²).
//! The pooled estimate and its 95 % interval say what the *typical* member saw; τ says how
//! much members differ. Nothing is pooled below [`MIN_SHARED`] members, so a result can
//! never be read back as one person's.

use crate::agency::{Effect, Label, Outcome};
use crate::named::named;
use serde::{Deserialize, Serialize};

/// Fewer shared results than this show nothing at all (k-anonymity).
pub const MIN_SHARED: usize = 5;
/// z for a two-sided 90 % interval: a shared interval's half-width is this many standard
/// errors (the engine's t quantile is close to it once a diary has enough days to share).
const Z90: f64 = 1.644_853_6;
/// z for the pooled 95 % interval.
const Z95: f64 = 1.959_964;
/// A variance below this (an interval of zero width) is treated as this, so one result
/// cannot take all the weight.
const MIN_VARIANCE: f64 = 1e-4;

named!(
    /// Where a shared result comes from. A personal experiment (randomised, planned) is the
    /// stronger evidence, so the two are pooled and shown apart.
    Source {
        /// The agency engine on the member's diary ("goes with").
        Diary = "diary",
        /// A kept personal experiment of the hack against doing without it.
        Experiment = "experiment",
    }
);

/// One member's shared result for one outcome.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Shared {
    /// Difference on days with the strategy, on the outcome's own scale.
    pub estimate: f64,
    /// The engine's 90 % interval.
    pub interval: [f64; 2],
    /// The member's own data showed the better direction (`likely_helps`).
    pub helps: bool,
}

impl Shared {
    /// What a member shares of one result of the agency engine: the estimate, its interval
    /// and whether it showed the better direction. Nothing else of their diary.
    pub fn of(e: &Effect) -> Self {
        Self { estimate: e.estimate, interval: e.interval, helps: e.label == Label::LikelyHelps }
    }

    fn variance(&self) -> f64 {
        let se = (self.interval[1] - self.interval[0]).abs() / (2.0 * Z90);
        (se * se).max(MIN_VARIANCE)
    }
}

/// Shared results pooled across members.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Pooled {
    /// Members whose results are pooled.
    pub members: usize,
    /// Of them, members whose own data showed the better direction (`likely_helps`).
    pub helped: usize,
    /// The typical member's difference, random-effects.
    pub estimate: f64,
    /// 95 % interval of `estimate`.
    pub interval: [f64; 2],
    /// Between-member standard deviation.
    pub tau: f64,
}

/// Pools the shared results of one outcome; `None` below [`MIN_SHARED`] members.
pub fn pool(results: &[Shared]) -> Option<Pooled> {
    if results.len() < MIN_SHARED {
        return None;
    }
    let y: Vec<f64> = results.iter().map(|r| r.estimate).collect();
    let v: Vec<f64> = results.iter().map(Shared::variance).collect();
    let (estimate, se, tau2) = dersimonian_laird(&y, &v)?;
    Some(Pooled {
        members: results.len(),
        helped: results.iter().filter(|r| r.helps).count(),
        estimate,
        interval: [estimate - Z95 * se, estimate + Z95 * se],
        tau: tau2.sqrt(),
    })
}

/// Pooled results per outcome, for the outcomes with at least [`MIN_SHARED`] members.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Evidence(pub Vec<(Outcome, Pooled)>);

impl Evidence {
    /// From every shared result of one hack.
    pub fn of(results: &[(Outcome, Shared)]) -> Self {
        Self(
            Outcome::ALL
                .iter()
                .filter_map(|&o| {
                    let these: Vec<Shared> =
                        results.iter().filter(|(x, _)| *x == o).map(|(_, s)| *s).collect();
                    Some((o, pool(&these)?))
                })
                .collect(),
        )
    }

    pub fn get(&self, outcome: Outcome) -> Option<&Pooled> {
        self.0.iter().find(|(o, _)| *o == outcome).map(|(_, p)| p)
    }
}

/// The random-effects estimate, its standard error and τ² from estimates `y` with
/// variances `v`. `None` without any finite estimate.
fn dersimonian_laird(y: &[f64], v: &[f64]) -> Option<(f64, f64, f64)> {
    let pairs: Vec<(f64, f64)> = y
        .iter()
        .zip(v)
        .filter(|(y, v)| y.is_finite() && v.is_finite() && **v > 0.0)
        .map(|(y, v)| (*y, *v))
        .collect();
    if pairs.is_empty() {
        return None;
    }
    let w: Vec<f64> = pairs.iter().map(|(_, v)| 1.0 / v).collect();
    let sum_w: f64 = w.iter().sum();
    let fixed = pairs.iter().zip(&w).map(|((y, _), w)| w * y).sum::<f64>() / sum_w;
    let q: f64 = pairs.iter().zip(&w).map(|((y, _), w)| w * (y - fixed).powi(2)).sum();
    let c = sum_w - w.iter().map(|w| w * w).sum::<f64>() / sum_w;
    let df = (pairs.len() - 1) as f64;
    let tau2 = if c > 0.0 { ((q - df) / c).max(0.0) } else { 0.0 };
    let w_star: Vec<f64> = pairs.iter().map(|(_, v)| 1.0 / (v + tau2)).collect();
    let sum_star: f64 = w_star.iter().sum();
    let estimate = pairs.iter().zip(&w_star).map(|((y, _), w)| w * y).sum::<f64>() / sum_star;
    Some((estimate, (1.0 / sum_star).sqrt(), tau2))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    /// BCG vaccine trials (Colditz et al. 1994), log relative risks: the standard worked
    /// example of random-effects meta-analysis. R's metafor, `rma(yi, vi, method = "DL")`,
    /// gives estimate −0.7141, SE 0.1787, τ² 0.3088.
    #[test]
    fn dersimonian_laird_matches_the_published_bcg_analysis() {
        let trials: [(f64, f64, f64, f64); 13] = [
            (4., 119., 11., 128.),
            (6., 300., 29., 274.),
            (3., 228., 11., 209.),
            (62., 13536., 248., 12619.),
            (33., 5036., 47., 5761.),
            (180., 1361., 372., 1079.),
            (8., 2537., 10., 619.),
            (505., 87886., 499., 87892.),
            (29., 7470., 45., 7232.),
            (17., 1699., 65., 1600.),
            (186., 50448., 141., 27197.),
            (5., 2493., 3., 2338.),
            (27., 16886., 29., 17825.),
        ];
        let y: Vec<f64> = trials.iter().map(|(a, b, c, d)| ((a / (a + b)) / (c / (c + d))).ln()).collect();
        let v: Vec<f64> =
            trials.iter().map(|(a, b, c, d)| 1. / a - 1. / (a + b) + 1. / c - 1. / (c + d)).collect();
        let (estimate, se, tau2) = dersimonian_laird(&y, &v).unwrap();
        assert!((estimate - -0.7141).abs() < 5e-4, "{estimate}");
        assert!((se - 0.1787).abs() < 5e-4, "{se}");
        assert!((tau2 - 0.3088).abs() < 5e-4, "{tau2}");
    }

    fn shared(estimate: f64, helps: bool) -> Shared {
        Shared { estimate, interval: [estimate - 0.8, estimate + 0.8], helps }
    }

    #[test]
    fn nothing_is_shown_below_five_members() {
        let four: Vec<Shared> = (0..4).map(|i| shared(-1.0 + f64::from(i) * 0.1, true)).collect();
        assert_eq!(pool(&four), None);
        let mut five = four.clone();
        five.push(shared(0.2, false));
        let pooled = pool(&five).unwrap();
        assert_eq!((pooled.members, pooled.helped), (5, 4));
        assert!(pooled.interval[0] < pooled.estimate && pooled.estimate < pooled.interval[1]);
    }

    #[test]
    fn identical_results_pool_to_themselves_with_no_spread() {
        let same: Vec<Shared> = (0..6).map(|_| shared(-1.2, true)).collect();
        let pooled = pool(&same).unwrap();
        assert!((pooled.estimate - -1.2).abs() < 1e-12);
        assert_eq!(pooled.tau, 0.0);
        // Six equal results narrow the interval by √6 against one member's own.
        let one_se = 0.8 / Z90;
        let half = (pooled.interval[1] - pooled.interval[0]) / 2.0;
        assert!((half - Z95 * one_se / 6f64.sqrt()).abs() < 1e-9, "{half}");
    }

    #[test]
    fn members_who_differ_widen_the_interval() {
        let agree: Vec<Shared> = (0..6).map(|_| shared(-1.0, true)).collect();
        let differ: Vec<Shared> =
            [-3.0, 1.0, -3.0, 1.0, -3.0, 1.0].into_iter().map(|e| shared(e, false)).collect();
        let (a, d) = (pool(&agree).unwrap(), pool(&differ).unwrap());
        assert!((d.estimate - -1.0).abs() < 1e-9);
        assert!(d.tau > 1.5, "{}", d.tau);
        assert!(d.interval[1] - d.interval[0] > 3.0 * (a.interval[1] - a.interval[0]));
    }

    #[test]
    fn a_zero_width_interval_does_not_take_all_the_weight() {
        let mut results: Vec<Shared> = (0..5).map(|_| shared(0.0, false)).collect();
        results.push(Shared { estimate: -5.0, interval: [-5.0, -5.0], helps: true });
        let pooled = pool(&results).unwrap();
        assert!(pooled.estimate.is_finite() && pooled.interval.iter().all(|x| x.is_finite()));
    }

    #[test]
    fn evidence_holds_only_outcomes_with_five_members() {
        let mut results: Vec<(Outcome, Shared)> =
            (0..5).map(|_| (Outcome::Pain, shared(-1.0, true))).collect();
        results.extend((0..4).map(|_| (Outcome::Mood, shared(1.0, true))));
        let evidence = Evidence::of(&results);
        assert_eq!(evidence.0.len(), 1);
        assert_eq!(evidence.get(Outcome::Pain).map(|p| p.members), Some(5));
        assert_eq!(evidence.get(Outcome::Mood), None);
    }
}
