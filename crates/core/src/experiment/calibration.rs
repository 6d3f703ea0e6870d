//! Calibration of the experiment analysis: simulated experiments with a *known* true effect,
//! analysed like a member's, and scored on how often the result is right.
//!
//! Each simulated experiment uses the default design (3 pairs of 7-day periods, order drawn
//! from the seed) and draws its own world: pain around 3.5–6.5 with a linear drift of up to
//! ±1 point over the experiment; AR(1) noise with ρ from 0 to 0.6 and innovation σ from 0.7
//! to 1.3; a carry-over of 1 or 2 days (the effect ramps linearly from the old condition's
//! level to the new one's over the first days of each period, in and out); 0–20 % of days
//! missing at random. The true effect (A − B, in points of pain, steady state) is one of
//! {0, ±0.5, ±1, ±2}; ratings are rounded and kept within 0–10 as in a real diary.
//!
//! The truth the interval is scored against is the steady-state effect, the thing a member
//! wants to know; carry-over biases the estimate towards zero (more without washout).

use super::analysis::{estimate, Adherence, Conclusion, ExperimentDay};
use super::design::{Comparison, Design};
use crate::agency::Outcome;
use crate::simulate::Rng;
use chrono::NaiveDate;

/// The true effects simulated, each equally often.
pub const EFFECTS: [f64; 7] = [0.0, 0.5, -0.5, 1.0, -1.0, 2.0, -2.0];

pub struct Scenario {
    pub days: Vec<ExperimentDay>,
    /// The true steady-state effect A − B on pain.
    pub truth: f64,
}

fn between(rng: &mut Rng, lo: f64, hi: f64) -> f64 {
    lo + (hi - lo) * rng.uniform()
}

/// One simulated experiment with the default design and `washout_days`.
pub fn scenario(seed: u64, truth: f64, washout_days: u32) -> Option<Scenario> {
    let mut rng = Rng::new(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15).wrapping_add(29));
    let start = NaiveDate::from_ymd_opt(2026, 3, 2)?;
    let comparison = Comparison::WithWithout { strategy: crate::strategy::StrategyId(1) };
    let design = Design::new(comparison, Outcome::Pain, 7, 3, washout_days, rng.next_u64(), start).ok()?;
    let rho = between(&mut rng, 0.0, 0.6);
    let sigma = between(&mut rng, 0.7, 1.3);
    let base = between(&mut rng, 3.5, 6.5);
    let drift = between(&mut rng, -1.0, 1.0);
    let carry = rng.range(1, 2) as f64;
    let missing = between(&mut rng, 0.0, 0.2);
    let plan = design.schedule();
    let total = plan.len() as f64;
    let mut noise = sigma / (1.0 - rho * rho).sqrt() * rng.normal();
    // Share of A's effect acting: before the experiment the member is in condition B.
    let (mut before, mut period, mut day_in_period) = (0.0, 0, 0u32);
    let mut days = Vec::with_capacity(plan.len());
    for (t, p) in plan.iter().enumerate() {
        let target = if p.condition == super::Condition::A { 1.0 } else { 0.0 };
        if p.period != period {
            if period != 0 {
                before = 1.0 - target;
            }
            period = p.period;
            day_in_period = 0;
        }
        let ramp = (f64::from(day_in_period + 1) / (carry + 1.0)).min(1.0);
        let exposure = before + (target - before) * ramp;
        day_in_period += 1;
        noise = rho * noise + sigma * rng.normal();
        let pain = base + drift * (t as f64 / total - 0.5) + truth * exposure + noise;
        let rated = !rng.chance(missing);
        days.push(ExperimentDay {
            date: p.date,
            period: p.period,
            condition: p.condition,
            washout: p.washout,
            value: rated.then(|| pain.round().clamp(0.0, 10.0)),
            adherence: Adherence::Followed,
        });
    }
    Some(Scenario { days, truth })
}

/// How the analysis did for one true effect.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct ByEffect {
    pub truth: f64,
    pub runs: usize,
    pub analysed: usize,
    pub covered: usize,
    pub paired_covered: usize,
    pub paired_runs: usize,
    pub helps: usize,
    pub worse: usize,
    pub sum_estimate: f64,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        f64::NAN
    } else {
        a as f64 / b as f64
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Calibration {
    pub washout_days: u32,
    pub by_effect: Vec<ByEffect>,
}

impl Calibration {
    fn of(&self, truth: f64) -> ByEffect {
        self.by_effect.iter().find(|b| b.truth == truth).copied().unwrap_or_default()
    }

    /// 90 % interval coverage over all true effects.
    pub fn coverage(&self) -> f64 {
        let (a, b) = self.by_effect.iter().fold((0, 0), |(a, b), e| (a + e.covered, b + e.analysed));
        ratio(a, b)
    }

    /// With no true effect: share of experiments concluding "it helps" (P(benefit) ≥ 0.96).
    pub fn false_helps(&self) -> f64 {
        let e = self.of(0.0);
        ratio(e.helps, e.analysed)
    }

    /// With a true 1-point effect (either sign): share concluding it in the right direction.
    pub fn power_1(&self) -> f64 {
        let (good, bad) = (self.of(-1.0), self.of(1.0));
        ratio(good.helps + bad.worse, good.analysed + bad.analysed)
    }

    pub fn analysed_share(&self) -> f64 {
        let (a, b) = self.by_effect.iter().fold((0, 0), |(a, b), e| (a + e.analysed, b + e.runs));
        ratio(a, b)
    }
}

/// Simulates and analyses `per_effect` experiments for each true effect in [`EFFECTS`].
pub fn run(per_effect: usize, washout_days: u32, first_seed: u64) -> Calibration {
    let mut by_effect = Vec::with_capacity(EFFECTS.len());
    for (k, &truth) in EFFECTS.iter().enumerate() {
        let mut b = ByEffect { truth, ..ByEffect::default() };
        for i in 0..per_effect as u64 {
            let seed = first_seed.wrapping_add(i).wrapping_mul(16).wrapping_add(k as u64);
            let Some(s) = scenario(seed, truth, washout_days) else { continue };
            b.runs += 1;
            let Ok(r) = estimate(&s.days, Outcome::Pain) else { continue };
            b.analysed += 1;
            b.sum_estimate += r.estimate;
            b.covered += usize::from(r.interval[0] <= truth && truth <= r.interval[1]);
            if let Some(p) = &r.paired {
                b.paired_runs += 1;
                b.paired_covered += usize::from(p.interval[0] <= truth && truth <= p.interval[1]);
            }
            match r.conclusion() {
                Conclusion::LikelyHelps => b.helps += 1,
                Conclusion::LikelyWorse => b.worse += 1,
                Conclusion::NoClearDifference => {}
            }
        }
        by_effect.push(b);
    }
    Calibration { washout_days, by_effect }
}

impl std::fmt::Display for Calibration {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let runs: usize = self.by_effect.iter().map(|b| b.runs).sum();
        writeln!(
            f,
            "default design (3 pairs x 7 days), washout {} day(s), {runs} experiments",
            self.washout_days
        )?;
        writeln!(f, "  truth  mean est  coverage  paired cov  'helps'  'worse'")?;
        for b in &self.by_effect {
            writeln!(
                f,
                "  {:>5.1}  {:>8.2}  {:>8.3}  {:>10.3}  {:>7.3}  {:>7.3}",
                b.truth,
                b.sum_estimate / b.analysed.max(1) as f64,
                ratio(b.covered, b.analysed),
                ratio(b.paired_covered, b.paired_runs),
                ratio(b.helps, b.analysed),
                ratio(b.worse, b.analysed),
            )?;
        }
        writeln!(f, "  analysable: {:.3}", self.analysed_share())?;
        writeln!(f, "  90% interval coverage, all effects: {:.3} (target 0.85-0.95)", self.coverage())?;
        writeln!(
            f,
            "  true effect 0, concluded 'it helps' (P(benefit) >= 0.96): {:.3} (target <= 0.05)",
            self.false_helps()
        )?;
        write!(f, "  power, true 1-point effect, right direction concluded: {:.3}", self.power_1())
    }
}
