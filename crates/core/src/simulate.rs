//! A simulated diary with *known* true effects: demo data that has something true to show,
//! and (later) the ground truth for calibrating the analysis.
//!
//! The model, per day `t` (all effects on the 0–10 scales, then rounded and clamped):
//!
//! - **Pain** = 5.6 + weekly rhythm (0.5 · sin(2π · weekday / 7)) + slow trend (−0.6 over the
//!   year) + flare (+2.2 while a flare lasts; a flare starts on 3 % of days and lasts 3–7
//!   days) + AR(1) noise (ρ = 0.5, σ = 0.9) + the effects of the day's strategies (lag 0) and
//!   of yesterday's (lag 1).
//! - **PEG items** = pain-based with their own noise; **mood** and **sleep** fall with pain
//!   and rise with some strategies; **felt control** drifts up slowly as helpful strategies
//!   become habits.
//! - **Missing days**: 12 % at random, plus now and then a gap of 3–10 days.
//! - **Strategies** are chosen with their own probabilities; extra medication is far more
//!   likely during a flare (so a naive comparison makes it look harmful — a realistic
//!   confounder); the support group meets on Thursdays.
//!
//! The true effects are listed in [`TRUE_EFFECTS`]: some help, some do nothing, one harms.

use crate::checkin::{Ratings, Score};
use crate::diary_csv::DiaryRow;
use chrono::{Datelike, Duration, NaiveDate};

/// One true effect of the simulation: `strategy` changes `outcome` by `effect` points,
/// `lag` days later (0 = the same day).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TrueEffect {
    pub strategy: &'static str,
    pub outcome: &'static str,
    pub lag: u8,
    pub effect: f64,
}

const fn e(strategy: &'static str, outcome: &'static str, lag: u8, effect: f64) -> TrueEffect {
    TrueEffect { strategy, outcome, lag, effect }
}

/// Every non-zero effect in the simulation; any strategy–outcome–lag not listed is zero.
pub const TRUE_EFFECTS: &[TrueEffect] = &[
    e("walk", "pain", 0, -0.9),
    e("walk", "mood", 0, 0.6),
    e("stretching", "pain", 0, -0.5),
    e("meditation", "pain", 0, -0.4),
    e("meditation", "mood", 0, 0.8),
    e("pacing-break", "pain", 1, -0.6),
    e("called-a-friend", "mood", 0, 1.0),
    e("support-group", "mood", 1, 0.5),
    e("sleep-routine", "sleep", 0, 1.2),
    e("Skipped meals", "pain", 0, 0.8),
];

/// Strategies the simulated member uses and how often (per day).
const HABITS: &[(&str, f64)] = &[
    ("walk", 0.45),
    ("stretching", 0.35),
    ("heat", 0.30),
    ("meditation", 0.25),
    ("pacing-break", 0.30),
    ("called-a-friend", 0.20),
    ("sleep-routine", 0.40),
    ("Skipped meals", 0.12),
];

const NOTES: &[&str] = &[
    "Slow start, better after lunch.",
    "Bad night. Kept it gentle today.",
    "Walked to the bakery and back.",
    "Busy day at work, sore by the evening.",
    "Weather change — joints complaining.",
    "Felt more like myself today.",
];

/// A small, fast, seeded generator (xorshift64*), so a seed always gives the same diary.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed.max(1))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in [0, 1).
    pub fn uniform(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.uniform() < p
    }

    /// Standard normal (Box–Muller).
    pub fn normal(&mut self) -> f64 {
        let u1 = self.uniform().max(f64::MIN_POSITIVE);
        let u2 = self.uniform();
        (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
    }

    /// Uniform integer in [lo, hi].
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next_u64() % (hi - lo + 1)
    }
}

fn effect_of(done: &[&str], yesterday: &[&str], outcome: &str) -> f64 {
    TRUE_EFFECTS
        .iter()
        .filter(|t| t.outcome == outcome)
        .filter(|t| if t.lag == 0 { done.contains(&t.strategy) } else { yesterday.contains(&t.strategy) })
        .map(|t| t.effect)
        .sum()
}

fn rate(x: f64) -> Option<Score> {
    Score::new(x.round().clamp(0.0, 10.0) as i64)
}

/// A diary of `days` days ending on `last`, from `seed`.
pub fn diary(seed: u64, last: NaiveDate, days: u32) -> Vec<DiaryRow> {
    diary_with_plan(seed, last, days, &|_| None)
}

/// Five weeks ending on `last` of a member whose walks go with about 0.8 points less pain,
/// walking on about half the days: with seed 50, not clear yet but "looks promising"
/// (the agency engine's unit test and the insights page's HTTP test read it).
pub fn leaning_diary(seed: u64, last: NaiveDate) -> Vec<DiaryRow> {
    let mut rng = Rng::new(seed);
    let walked: Vec<bool> = (0..35).map(|_| rng.chance(0.5)).collect();
    walked
        .iter()
        .zip((0..35i64).rev())
        .map(|(&walk, back)| DiaryRow {
            date: last - Duration::days(back),
            ratings: Ratings {
                pain: rate(5.0 - if walk { 0.8 } else { 0.0 } + rng.normal()),
                ..Ratings::default()
            },
            strategies: if walk { vec!["Walk".to_owned()] } else { vec![] },
            note: None,
            flare: false,
        })
        .collect()
}

/// [`diary`] for a member who runs a walking experiment: on the days where `walk_on` says
/// `Some(walked)`, walking follows the plan instead of habit (the effects follow from it).
/// The random draws are the same as without a plan.
pub fn diary_with_plan(
    seed: u64,
    last: NaiveDate,
    days: u32,
    walk_on: &dyn Fn(NaiveDate) -> Option<bool>,
) -> Vec<DiaryRow> {
    let mut rng = Rng::new(seed);
    let mut rows = Vec::new();
    let mut noise = 0.0;
    let mut flare_left = 0u64;
    let mut gap_left = 0u64;
    let mut yesterday: Vec<&str> = Vec::new();
    let first = last - Duration::days(i64::from(days.saturating_sub(1)));
    for t in 0..days {
        let day = first + Duration::days(i64::from(t));
        let progress = f64::from(t) / f64::from(days.max(1));
        noise = 0.5 * noise + 0.9 * rng.normal();
        if flare_left > 0 {
            flare_left -= 1;
        } else if rng.chance(0.03) {
            flare_left = rng.range(3, 7);
        }
        let flare = flare_left > 0;
        let mut done: Vec<&str> = HABITS.iter().filter(|(_, p)| rng.chance(*p)).map(|(s, _)| *s).collect();
        if rng.chance(if flare { 0.6 } else { 0.08 }) {
            done.push("extra-medication");
        }
        if day.weekday() == chrono::Weekday::Thu && rng.chance(0.8) {
            done.push("support-group");
        }
        match walk_on(day) {
            Some(true) if !done.contains(&"walk") => done.push("walk"),
            Some(false) => done.retain(|s| *s != "walk"),
            _ => {}
        }
        let weekday = f64::from(day.weekday().num_days_from_monday());
        let pain = 5.6 + 0.5 * (std::f64::consts::TAU * weekday / 7.0).sin() - 0.6 * progress
            + if flare { 2.2 } else { 0.0 }
            + noise
            + effect_of(&done, &yesterday, "pain");
        let mood = 6.0 - 0.45 * (pain - 5.0) + effect_of(&done, &yesterday, "mood") + 0.8 * rng.normal();
        let sleep = 6.0 - 0.3 * (pain - 5.0) + effect_of(&done, &yesterday, "sleep") + 0.9 * rng.normal();
        let control = 3.5 + 2.0 * progress - 0.2 * (pain - 5.0) + 0.8 * rng.normal();
        // Missing days are decided after the day is simulated, so the series stays continuous.
        if gap_left > 0 {
            gap_left -= 1;
        } else if rng.chance(0.01) {
            gap_left = rng.range(3, 10);
        }
        let missing = gap_left > 0 || rng.chance(0.12);
        if !missing {
            let ratings = Ratings {
                pain: rate(pain),
                peg_pain: rate(pain + 0.3 + 0.5 * rng.normal()),
                peg_enjoyment: rate(pain - 0.8 + 0.9 * rng.normal()),
                peg_activity: rate(pain - 0.4 + 0.9 * rng.normal()),
                mood: rate(mood),
                sleep: rate(sleep),
                control: rate(control),
            };
            let note = rng
                .chance(0.06)
                .then(|| rng.range(0, NOTES.len() as u64 - 1))
                .and_then(|i| NOTES.get(i as usize))
                .map(|n| (*n).to_owned());
            rows.push(DiaryRow {
                date: day,
                ratings,
                strategies: done.iter().map(|s| (*s).to_owned()).collect(),
                note,
                // The simulated member marks their flare days, as a member would.
                flare,
            });
        }
        yesterday = done;
    }
    rows
}

/// A diary for measuring speed, not effects: `days` days from 2023-01-01 (80 % of them
/// checked in, every outcome present), `strategies` strategies each done on 5–55 % of days,
/// ratings independent noise.
pub fn wide_diary(days: u32, strategies: usize, seed: u64) -> crate::agency::Diary {
    use crate::agency::{Day, Diary, Tracked};
    let mut rng = Rng::new(seed);
    let first = NaiveDate::from_ymd_opt(2023, 1, 1).unwrap_or_default();
    let rates: Vec<f64> = (0..strategies).map(|_| 0.05 + 0.5 * rng.uniform()).collect();
    let score = |rng: &mut Rng, mean: f64| rate(mean + 1.5 * rng.normal());
    let present: Vec<u32> = (0..days).filter(|_| rng.chance(0.8)).collect();
    let days = present
        .into_iter()
        .map(|t| Day {
            date: first + Duration::days(i64::from(t)),
            ratings: Ratings {
                pain: score(&mut rng, 5.0),
                peg_pain: score(&mut rng, 5.0),
                peg_enjoyment: score(&mut rng, 4.0),
                peg_activity: score(&mut rng, 4.5),
                mood: score(&mut rng, 6.0),
                sleep: score(&mut rng, 6.0),
                control: score(&mut rng, 4.0),
            },
            done: (0..strategies).filter(|&s| rng.chance(rates.get(s).copied().unwrap_or(0.0))).collect(),
        })
        .collect();
    let strategies = (0..strategies)
        .map(|s| Tracked { id: crate::strategy::StrategyId(s as i64), tracked_from: None })
        .collect();
    Diary { strategies, days }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    fn last() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }

    #[test]
    fn a_seed_always_gives_the_same_diary_and_different_seeds_differ() {
        assert_eq!(diary(7, last(), 365), diary(7, last(), 365));
        assert_ne!(diary(7, last(), 365), diary(8, last(), 365));
    }

    #[test]
    fn the_diary_has_realistic_gaps_and_valid_rows() {
        let rows = diary(42, last(), 365);
        let share = rows.len() as f64 / 365.0;
        assert!((0.70..0.95).contains(&share), "{share} of days present");
        assert_eq!(rows.last().map(|r| r.date <= last()), Some(true));
        assert!(rows.windows(2).all(|w| w[0].date < w[1].date));
        let mut out = Vec::new();
        crate::diary_csv::write(&rows, &mut out).unwrap();
        assert_eq!(crate::diary_csv::parse(&out, last()).unwrap(), rows, "valid in the exchange format");
    }

    /// The known effects are really in the data: over many seeds, days with a walk have
    /// lower pain than days without, and heat (no true effect) shows no such gap.
    #[test]
    fn the_known_effects_show_in_simple_comparisons() {
        let gap = |strategy: &str| {
            let (mut with, mut without) = (Vec::new(), Vec::new());
            for seed in 1..=20 {
                for r in diary(seed, last(), 365) {
                    let Some(p) = r.ratings.pain else { continue };
                    let bucket =
                        if r.strategies.iter().any(|s| s == strategy) { &mut with } else { &mut without };
                    bucket.push(f64::from(p.value()));
                }
            }
            let mean = |v: &Vec<f64>| v.iter().sum::<f64>() / v.len() as f64;
            mean(&with) - mean(&without)
        };
        let walk = gap("walk");
        let heat = gap("heat");
        assert!((-1.2..-0.6).contains(&walk), "walk: {walk}");
        assert!(heat.abs() < 0.2, "heat: {heat}");
        assert!(gap("extra-medication") > 0.5, "the confounder looks harmful");
    }
}
