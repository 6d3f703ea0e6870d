//! A second, independent simulator for the agency engine (issue 19).
//!
//! Written without reading the engine's model or its own simulator: it only builds `Diary`s
//! through the public API, calls `analyze_outcome`, and compares the labels and intervals with
//! the effects it planted. Two worlds:
//!
//! 1. "First insight": the scenario, one strategy worth −1 pain point among five that do
//!    nothing, 70 days, analysed at every weekly look.
//! 2. "Realistic world": habits, strategies done together, a slow trend, a weekly rhythm, flares,
//!    gaps, strategies added part-way through, and true effects on the same and the next day.
//!
//! Run: `cargo run --release -p foothold-core --example second_simulator [DIARIES] [SEED]`
//! DIARIES (if given) is used for both worlds; by default 1,000 members and 500 diaries.

use std::time::Instant;

use chrono::{Datelike, Days, NaiveDate};
use foothold_core::agency::{analyze_outcome, Day, Diary, Effect, Label, Outcome, Tracked};
use foothold_core::checkin::{Ratings, Score};
use foothold_core::strategy::StrategyId;

/// splitmix64: tiny, well mixed, and enough for a simulation; seeded per diary so each diary
/// depends only on (seed, index).
struct Rng(u64);

impl Rng {
    fn for_diary(seed: u64, world: u64, index: u64) -> Self {
        let mut rng = Rng(seed ^ world.wrapping_mul(0xA076_1D64_78BD_642F) ^ index.wrapping_mul(0x9E37_79B9));
        rng.next_u64(); // one step so that neighbouring indices do not start out correlated
        rng
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1) with 53 random bits.
    fn uniform(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.uniform()
    }

    /// Whole number in 0..n (the modulo bias is negligible for the small n used here).
    fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    fn chance(&mut self, p: f64) -> bool {
        self.uniform() < p
    }

    /// Standard normal by Box–Muller (one of the pair is enough here).
    fn normal(&mut self) -> f64 {
        let u1 = 1.0 - self.uniform(); // in (0, 1], so the log is finite
        let u2 = self.uniform();
        (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
    }
}

/// A pain score as a member would write it: a whole number, 0 to 10.
fn ratings(latent: f64) -> Ratings {
    Ratings { pain: Score::new(latent.round().clamp(0.0, 10.0) as i64), ..Default::default() }
}

fn indices(done: &[bool]) -> Vec<usize> {
    done.iter().enumerate().filter(|(_, d)| **d).map(|(i, _)| i).collect()
}

fn find(effects: &[Effect], id: StrategyId, lag: u8) -> Option<&Effect> {
    effects.iter().find(|e| e.strategy == id && e.lag == lag)
}

fn directional(label: &Label) -> bool {
    matches!(label, Label::LikelyHelps | Label::LikelyWorse)
}

/// "0.043 (86 of 2,000)"
fn share(hits: usize, of: usize) -> String {
    let value = if of == 0 { f64::NAN } else { hits as f64 / of as f64 };
    format!("{value:.3} ({} of {})", thousands(hits), thousands(of))
}

fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let groups: Vec<&str> =
        digits.as_bytes().rchunks(3).rev().filter_map(|g| std::str::from_utf8(g).ok()).collect();
    groups.join(",")
}

// ---------------------------------------------------------------------------------------------
// World 1: the "first insight" scenario.

const LOOKS: [usize; 9] = [14, 21, 28, 35, 42, 49, 56, 63, 70];
const NULLS: usize = 5;

struct Member {
    strategies: Vec<Tracked>,
    /// Day number (0-based) and the day as recorded; missing days are absent.
    days: Vec<(usize, Day)>,
    effective: StrategyId,
}

fn first_insight_member(rng: &mut Rng, start: NaiveDate) -> Member {
    let count = NULLS + 1;
    // The effective strategy sits at a random position, so nothing can depend on the order.
    let effective = rng.below(count as u64) as usize;
    let shares: Vec<f64> =
        (0..count).map(|s| if s == effective { 0.5 } else { rng.range(0.15, 0.85) }).collect();
    let strategies: Vec<Tracked> =
        (0..count).map(|s| Tracked { id: StrategyId(s as i64), tracked_from: None }).collect();
    let baseline = rng.range(4.0, 6.0);
    let rho = rng.range(0.0, 0.5);
    let sigma = rng.range(0.8, 1.2);
    // Start the AR(1) noise from its stationary spread, so day 0 is like any other day.
    let mut noise = rng.normal() * sigma / (1.0 - rho * rho).sqrt();
    let start = start.checked_add_days(Days::new(rng.below(7))).unwrap_or(start);
    let mut days = Vec::new();
    for t in 0..70 {
        if t > 0 {
            noise = rho * noise + sigma * rng.normal();
        }
        let done: Vec<bool> = shares.iter().map(|p| rng.chance(*p)).collect();
        let effect = if done.get(effective).copied().unwrap_or(false) { -1.0 } else { 0.0 };
        let pain = ratings(baseline + noise + effect);
        let Some(date) = start.checked_add_days(Days::new(t as u64)) else { continue };
        if !rng.chance(0.15) {
            days.push((t, Day { date, ratings: pain, done: indices(&done) }));
        }
    }
    Member { effective: StrategyId(effective as i64), strategies, days }
}

fn first_insight(members: usize, seed: u64, start: NaiveDate) {
    let clock = Instant::now();
    let mut first_helps: Vec<usize> = Vec::new(); // look of the first LikelyHelps, per member found
    let mut effective_worse = 0; // the effective strategy ever labelled LikelyWorse at lag 0
    let mut effective_lag1 = 0;
    let (mut null_lag0, mut null_lag1, mut null_any) = (0, 0, 0);
    for m in 0..members {
        let mut rng = Rng::for_diary(seed, 1, m as u64);
        let member = first_insight_member(&mut rng, start);
        let mut first: Option<usize> = None;
        let (mut worse, mut lag1) = (false, false);
        // Per null strategy: directional at lag 0 / lag 1 at any look.
        let mut nulls: Vec<[bool; 2]> = vec![[false; 2]; member.strategies.len()];
        for look in LOOKS {
            let diary = Diary {
                strategies: member.strategies.clone(),
                days: member.days.iter().filter(|(t, _)| *t < look).map(|(_, d)| d.clone()).collect(),
            };
            let (effects, _) = analyze_outcome(&diary, Outcome::Pain);
            for (tracked, flags) in member.strategies.iter().zip(nulls.iter_mut()) {
                let id = tracked.id;
                let label0 = find(&effects, id, 0).map(|e| &e.label);
                let label1 = find(&effects, id, 1).map(|e| &e.label);
                if id == member.effective {
                    if first.is_none() && matches!(label0, Some(Label::LikelyHelps)) {
                        first = Some(look);
                    }
                    worse |= matches!(label0, Some(Label::LikelyWorse));
                    lag1 |= label1.is_some_and(directional);
                } else {
                    flags[0] |= label0.is_some_and(directional);
                    flags[1] |= label1.is_some_and(directional);
                }
            }
        }
        first_helps.extend(first);
        effective_worse += usize::from(worse);
        effective_lag1 += usize::from(lag1);
        for (tracked, flags) in member.strategies.iter().zip(&nulls) {
            if tracked.id != member.effective {
                null_lag0 += usize::from(flags[0]);
                null_lag1 += usize::from(flags[1]);
                null_any += usize::from(flags[0] || flags[1]);
            }
        }
    }
    let pairs = members * NULLS;
    first_helps.sort_unstable();
    let by = |day: usize| first_helps.iter().filter(|f| **f <= day).count();
    let median = first_helps.get(first_helps.len() / 2).map_or("none".to_string(), |d| format!("day {d}"));

    println!("== First insight: one strategy at -1 point (same day) among five that do nothing ==");
    println!("{} members, 70 days, looks at days {LOOKS:?} (days before the look)", thousands(members));
    println!("Effective strategy labelled LikelyHelps (lag 0) at some look:");
    for day in [35, 42, 56, 70] {
        println!("  by day {day:>2}: {}", share(by(day), members));
    }
    println!("  median first look labelled (among those labelled): {median}");
    println!("  never labelled by day 70: {}", share(members - by(70), members));
    println!("  labelled LikelyWorse at lag 0 at any look: {}", share(effective_worse, members));
    println!("  lag 1 (truly 0) labelled Helps/Worse at any look: {}", share(effective_lag1, members));
    println!("Null strategies, (member, strategy) pairs labelled Helps/Worse at ANY of the 9 looks:");
    println!("  lag 0:            {}", share(null_lag0, pairs));
    println!("  lag 1:            {}", share(null_lag1, pairs));
    println!("  either lag:       {}", share(null_any, pairs));
    println!("Time: {:.1} s", clock.elapsed().as_secs_f64());
    println!();
}

// ---------------------------------------------------------------------------------------------
// World 2: a more realistic diary, analysed once at its end.

/// How one strategy is chosen day by day, and what it truly does.
struct Habit {
    share: f64,             // how often it is chosen afresh
    stickiness: f64,        // probability of just repeating yesterday's choice
    partner: Option<usize>, // usually done together with this (earlier) strategy
    weekend: f64,           // change to `share` on Saturdays and Sundays
    from: usize,            // first day it exists (added part-way through the diary)
    truth: [f64; 2],        // true effect on pain the same day and the next day
}

/// Mostly zero; otherwise ±0.5, ±1 or ±1.5 with equal chances.
fn true_effect(rng: &mut Rng) -> f64 {
    if rng.chance(0.5) {
        return 0.0;
    }
    let size = [0.5, 1.0, 1.5].get(rng.below(3) as usize).copied().unwrap_or(1.0);
    let sign = if rng.chance(0.5) { -1.0 } else { 1.0 };
    sign * size
}

fn realistic_diary(rng: &mut Rng, start: NaiveDate) -> (Diary, Vec<[f64; 2]>) {
    let n = 60 + rng.below(306) as usize; // 60..=365 days
    let k = 4 + rng.below(12) as usize; // 4..=15 strategies
    let habits: Vec<Habit> = (0..k)
        .map(|s| Habit {
            share: rng.range(0.1, 0.7),
            stickiness: rng.range(0.2, 0.85),
            partner: if s > 0 && rng.chance(0.3) { Some(rng.below(s as u64) as usize) } else { None },
            weekend: if rng.chance(0.3) { rng.range(-0.2, 0.25) } else { 0.0 },
            from: if rng.chance(0.25) { n / 5 + rng.below((n / 2) as u64) as usize } else { 0 },
            truth: [true_effect(rng), true_effect(rng)],
        })
        .collect();
    let start = start.checked_add_days(Days::new(rng.below(7))).unwrap_or(start);
    let date = |t: usize| start.checked_add_days(Days::new(t as u64)).unwrap_or(start);

    let rho = rng.range(0.0, 0.6);
    let sigma = rng.range(0.7, 1.3);
    let drift = rng.range(-1.5, 1.5); // total change over the whole diary
    let (weekly, phase) = (rng.range(0.0, 0.7), rng.range(0.0, std::f64::consts::TAU));
    let mut noise = rng.normal() * sigma / (1.0 - rho * rho).sqrt();
    let (mut flare_left, mut flare_height) = (0usize, 0.0);
    let mut yesterday = vec![false; k];
    let mut latent = Vec::with_capacity(n);
    let mut choices = Vec::with_capacity(n);
    for t in 0..n {
        let weekday = date(t).weekday().num_days_from_monday();
        let is_weekend = weekday >= 5;
        let mut today: Vec<bool> = Vec::with_capacity(k);
        for (habit, was) in habits.iter().zip(&yesterday) {
            // The partner counts only once it exists; it was decided earlier today.
            let partner = habit
                .partner
                .filter(|p| habits.get(*p).is_some_and(|h| t >= h.from))
                .and_then(|p| today.get(p).copied());
            let done = if t < habit.from {
                false
            } else if let Some(with) = partner {
                rng.chance(if with { 0.75 } else { 0.1 })
            } else if t > habit.from && rng.chance(habit.stickiness) {
                *was
            } else {
                rng.chance(habit.share + if is_weekend { habit.weekend } else { 0.0 })
            };
            today.push(done);
        }
        if t > 0 {
            noise = rho * noise + sigma * rng.normal();
        }
        // Flares: a jump of 1.5–3.5 points lasting 2–6 days, about once every 45 days.
        if flare_left == 0 && rng.chance(1.0 / 45.0) {
            flare_left = 2 + rng.below(5) as usize;
            flare_height = rng.range(1.5, 3.5);
        }
        let flare = if flare_left > 0 { flare_height } else { 0.0 };
        flare_left = flare_left.saturating_sub(1);
        let trend = drift * t as f64 / n as f64;
        let rhythm = weekly * (std::f64::consts::TAU * f64::from(weekday) / 7.0 + phase).sin();
        let effects: f64 = habits
            .iter()
            .zip(today.iter().zip(&yesterday))
            .map(|(h, (now, before))| {
                h.truth[0] * f64::from(u8::from(*now)) + h.truth[1] * f64::from(u8::from(*before))
            })
            .sum();
        latent.push(noise + flare + trend + rhythm + effects);
        choices.push(today.clone());
        yesterday = today;
    }
    // Place the diary's average pain at 3.5–6.5, whatever the strategies add up to.
    let target = rng.range(3.5, 6.5);
    let shift = target - latent.iter().sum::<f64>() / n as f64;

    // Missing: some days at random (5–30 % per member) plus occasional gaps of 3–14 days.
    let missing_rate = rng.range(0.05, 0.3);
    let mut gap_left = 0usize;
    let mut days = Vec::new();
    for (t, (pain, done)) in latent.iter().zip(&choices).enumerate() {
        if gap_left == 0 && rng.chance(1.0 / 90.0) {
            gap_left = 3 + rng.below(12) as usize;
        }
        let absent = gap_left > 0 || rng.chance(missing_rate);
        gap_left = gap_left.saturating_sub(1);
        if !absent {
            days.push(Day { date: date(t), ratings: ratings(pain + shift), done: indices(done) });
        }
    }
    let strategies = habits
        .iter()
        .enumerate()
        .map(|(s, h)| Tracked { id: StrategyId(s as i64), tracked_from: (h.from > 0).then(|| date(h.from)) })
        .collect();
    (Diary { strategies, days }, habits.iter().map(|h| h.truth).collect())
}

#[derive(Default)]
struct Tally {
    zero: [usize; 2],          // true-zero effects, per lag
    zero_enough: [usize; 2],   // … of which not NotEnoughData
    zero_labelled: [usize; 2], // … labelled Helps/Worse
    not_enough: usize,         // all effects labelled NotEnoughData
    covered: [usize; 4],       // by |truth| 0, 0.5, 1, 1.5 (NotEnoughData left out)
    judged: [usize; 4],
    big: usize, // |truth| >= 1
    big_enough: usize,
    big_labelled: usize,
    big_right: usize,
    effects: usize,
}

fn bump(counts: &mut [usize], at: usize, yes: bool) {
    if let Some(c) = counts.get_mut(at) {
        *c += usize::from(yes);
    }
}

fn realistic(diaries: usize, seed: u64, start: NaiveDate) {
    let clock = Instant::now();
    let mut tally = Tally::default();
    for d in 0..diaries {
        let mut rng = Rng::for_diary(seed, 2, d as u64);
        let (diary, truths) = realistic_diary(&mut rng, start);
        let (effects, _) = analyze_outcome(&diary, Outcome::Pain);
        for (tracked, truth) in diary.strategies.iter().zip(&truths) {
            for (lag, truth) in [(0u8, truth[0]), (1u8, truth[1])] {
                tally.effects += 1;
                let Some(effect) = find(&effects, tracked.id, lag) else {
                    tally.not_enough += 1; // not reported at all: counted as not enough data
                    continue;
                };
                let enough = !matches!(effect.label, Label::NotEnoughData);
                tally.not_enough += usize::from(!enough);
                let labelled = directional(&effect.label);
                let right = match effect.label {
                    Label::LikelyHelps => truth < 0.0,
                    Label::LikelyWorse => truth > 0.0,
                    _ => false,
                };
                let l = usize::from(lag);
                if truth == 0.0 {
                    bump(&mut tally.zero, l, true);
                    bump(&mut tally.zero_enough, l, enough);
                    bump(&mut tally.zero_labelled, l, labelled);
                }
                if truth.abs() >= 1.0 {
                    tally.big += 1;
                    tally.big_enough += usize::from(enough);
                    tally.big_labelled += usize::from(labelled);
                    tally.big_right += usize::from(right);
                }
                let [lo, hi] = effect.interval;
                if enough && lo.is_finite() && hi.is_finite() {
                    let bucket = (truth.abs() * 2.0).round() as usize; // 0, 1, 2, 3
                    if let (Some(j), Some(c)) = (tally.judged.get_mut(bucket), tally.covered.get_mut(bucket))
                    {
                        *j += 1;
                        *c += usize::from(lo <= truth && truth <= hi);
                    }
                }
            }
        }
    }
    let t = &tally;
    let sum = |a: [usize; 2]| a[0] + a[1];
    println!("== Realistic world: habits, pairs, trend, weekly rhythm, flares, gaps; full diary ==");
    println!(
        "{} diaries, {} effects (strategy x lag); NotEnoughData: {}",
        thousands(diaries),
        thousands(t.effects),
        share(t.not_enough, t.effects)
    );
    println!("(a) True-zero effects labelled Helps/Worse (target <= 0.05)");
    println!("    denominator all zero effects | excluding NotEnoughData");
    for (name, l) in [("lag 0", 0), ("lag 1", 1)] {
        let at = |a: [usize; 2]| a.get(l).copied().unwrap_or(0);
        let (z, e, lab) = (at(t.zero), at(t.zero_enough), at(t.zero_labelled));
        println!("    {name}:   {} | {}", share(lab, z), share(lab, e));
    }
    println!(
        "    both:    {} | {}",
        share(sum(t.zero_labelled), sum(t.zero)),
        share(sum(t.zero_labelled), sum(t.zero_enough))
    );
    println!("(b) 90 % interval contains the truth (target 0.85-0.95; NotEnoughData left out)");
    println!("    all:        {}", share(t.covered.iter().sum(), t.judged.iter().sum()));
    for (i, name) in ["0", "0.5", "1", "1.5"].iter().enumerate() {
        let (c, j) = (t.covered.get(i).copied().unwrap_or(0), t.judged.get(i).copied().unwrap_or(0));
        println!("    |truth| {name:<3}: {}", share(c, j));
    }
    println!("(c) Effects with |truth| >= 1");
    println!(
        "    right direction among those labelled Helps/Worse (target >= 0.80): {}",
        share(t.big_right, t.big_labelled)
    );
    println!("    labelled in the right direction, of all:              {}", share(t.big_right, t.big));
    println!(
        "    labelled in the right direction, excl. NotEnoughData: {}",
        share(t.big_right, t.big_enough)
    );
    println!("Time: {:.1} s", clock.elapsed().as_secs_f64());
}

fn main() {
    let mut args = std::env::args().skip(1);
    let count: Option<usize> = args.next().and_then(|a| a.parse().ok());
    let seed: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(19);
    let Some(start) = NaiveDate::from_ymd_opt(2024, 1, 1) else { return };
    println!("Second simulator, seed {seed}\n");
    first_insight(count.unwrap_or(1000), seed, start);
    realistic(count.unwrap_or(500), seed, start);
}
