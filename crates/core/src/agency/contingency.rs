//! Contingency: how strongly the member's actions go with good days — the measure of the
//! learned-helplessness gap when set beside how much control they *felt*.

use super::design::Design;
use super::{dist, Diary, Outcome, MIN_DAYS_WITH, MIN_DAYS_WITHOUT};
use crate::strategy::StrategyId;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Contingency {
    pub outcomes: Vec<OutcomeContingency>,
    pub felt_control: FeltControl,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutcomeContingency {
    pub outcome: Outcome,
    /// A good day is one better than this, the member's own median.
    pub median: Option<f64>,
    pub days: usize,
    pub good_days: usize,
    /// How much of the day-to-day variation the member's strategies account for.
    pub actions_matter: Option<ActionsMatter>,
    pub strategies: Vec<GoodDays>,
}

/// The share of the day-to-day ups and downs (beyond trend and weekday) that the member's
/// strategies predict, checked on days held out from the fit (cross-validated), so chance
/// patterns do not count. 0 means "no visible link"; it can dip below 0 by chance.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActionsMatter {
    pub share: f64,
    /// 90 % interval.
    pub interval: [f64; 2],
}

/// ΔP = P(good day | strategy) − P(good day | no strategy), from Beta(1, 1) priors.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoodDays {
    pub strategy: StrategyId,
    pub delta_p: f64,
    /// 90 % interval (normal approximation to the difference of two Beta posteriors).
    pub interval: [f64; 2],
    /// Probability that ΔP > 0.
    pub p_positive: f64,
    pub p_good_with: f64,
    pub p_good_without: f64,
    pub n_with: usize,
    pub n_without: usize,
    pub enough_data: bool,
}

/// The felt sense of control over pain ("How much control did you feel over your pain
/// today?", 0–10) and its trend.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FeltControl {
    pub days: usize,
    pub mean: Option<f64>,
    /// Mean over the diary's last 28 days.
    pub recent_mean: Option<f64>,
    /// Change per 30 days (least squares), with its 90 % interval.
    pub slope_per_30_days: Option<f64>,
    pub slope_interval: Option<[f64; 2]>,
}

const Z90: f64 = 1.644_853_626_951_472_2;

fn median(values: &mut [f64]) -> Option<f64> {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => values.get(n / 2).copied(),
        _ => Some((values.get(n / 2 - 1)? + values.get(n / 2)?) / 2.0),
    }
}

pub fn for_outcome(
    diary: &Diary,
    design: &Design,
    outcome: Outcome,
    share: Option<(f64, f64)>,
) -> OutcomeContingency {
    let mut ys: Vec<f64> = design.rows.iter().map(|r| r.y).collect();
    let median = median(&mut ys);
    let good = |y: f64| median.is_some_and(|m| if outcome.lower_is_better() { y < m } else { y > m });
    // One pass over the days: per strategy, [good, all] days tracked and done, and tracked.
    let count = diary.strategies.len();
    let (mut done, mut tracked) = (vec![[0usize; 2]; count], vec![[0usize; 2]; count]);
    for row in &design.rows {
        let Some(day) = diary.days.get(row.checkin) else { continue };
        let g = usize::from(good(row.y));
        let on =
            |s: usize| diary.strategies.get(s).is_some_and(|t| t.tracked_from.is_none_or(|f| day.date >= f));
        for (s, t) in tracked.iter_mut().enumerate() {
            if on(s) {
                *t = [t[0] + g, t[1] + 1];
            }
        }
        for &s in &day.done {
            if let (true, Some(d)) = (on(s), done.get_mut(s)) {
                *d = [d[0] + g, d[1] + 1];
            }
        }
    }
    let strategies = diary
        .strategies
        .iter()
        .zip(done.iter().zip(&tracked))
        .map(|(tracked, (&[gw, nw], &[gt, nt]))| {
            let (go, no) = (gt - gw, nt - nw);
            let (mw, vw) = dist::beta_moments(1.0 + gw as f64, 1.0 + (nw - gw) as f64);
            let (mo, vo) = dist::beta_moments(1.0 + go as f64, 1.0 + (no - go) as f64);
            let (delta, sd) = (mw - mo, (vw + vo).sqrt());
            GoodDays {
                strategy: tracked.id,
                delta_p: delta,
                interval: [(delta - Z90 * sd).max(-1.0), (delta + Z90 * sd).min(1.0)],
                p_positive: dist::normal_cdf(delta / sd),
                p_good_with: mw,
                p_good_without: mo,
                n_with: nw,
                n_without: no,
                enough_data: nw >= MIN_DAYS_WITH && no >= MIN_DAYS_WITHOUT,
            }
        })
        .collect();
    OutcomeContingency {
        outcome,
        median,
        days: design.rows.len(),
        good_days: design.rows.iter().filter(|r| good(r.y)).count(),
        actions_matter: share
            .map(|(share, se)| ActionsMatter { share, interval: [share - Z90 * se, share + Z90 * se] }),
        strategies,
    }
}

pub fn felt_control(diary: &Diary) -> FeltControl {
    let points: Vec<(f64, f64)> = match diary.days.first() {
        Some(first) => diary
            .days
            .iter()
            .filter_map(|d| {
                let c = d.ratings.control?;
                Some(((d.date - first.date).num_days() as f64, f64::from(c.value())))
            })
            .collect(),
        None => vec![],
    };
    let n = points.len() as f64;
    let mean_of =
        |v: &[(f64, f64)]| (!v.is_empty()).then(|| v.iter().map(|p| p.1).sum::<f64>() / v.len() as f64);
    let last = points.last().map_or(0.0, |p| p.0);
    let recent: Vec<(f64, f64)> = points.iter().copied().filter(|p| p.0 > last - 28.0).collect();
    let (mut slope, mut interval) = (None, None);
    if points.len() >= 3 {
        let mx = points.iter().map(|p| p.0).sum::<f64>() / n;
        let my = points.iter().map(|p| p.1).sum::<f64>() / n;
        let sxx: f64 = points.iter().map(|p| (p.0 - mx).powi(2)).sum();
        if sxx > 0.0 {
            let b = points.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum::<f64>() / sxx;
            let rss: f64 = points.iter().map(|p| (p.1 - my - b * (p.0 - mx)).powi(2)).sum();
            let se = (rss / (n - 2.0) / sxx).sqrt();
            slope = Some(30.0 * b);
            interval = Some([30.0 * (b - Z90 * se), 30.0 * (b + Z90 * se)]);
        }
    }
    FeltControl {
        days: points.len(),
        mean: mean_of(&points),
        recent_mean: mean_of(&recent),
        slope_per_30_days: slope,
        slope_interval: interval,
    }
}
