//! Time to the first insight: a member's diary analysed at every weekly look, as a member who
//! opens "What helps me" each week would see it.
//!
//! The world of issue 19: one strategy with a true same-day effect of −1 pain point, done on
//! about half the days (a habit: yesterday's choice is often repeated), among five strategies
//! with no effect; AR(1) noise with ρ from 0 to 0.5 and σ about 1; a small weekly rhythm; 15 %
//! of days missing; pain rounded and kept within 0–10. Every look is a new chance of a false
//! label, so a strategy with no effect counts as falsely labelled if *any* look labels it.

use super::between;
use crate::agency::{analyze_outcome, Day, Diary, Label, Outcome, Tracked};
use crate::checkin::{Ratings, Score};
use crate::simulate::Rng;
use crate::strategy::StrategyId;
use chrono::{Duration, NaiveDate};

/// The looks: the diary up to (and including) each of these days.
pub const LOOKS: [u32; 9] = [14, 21, 28, 35, 42, 49, 56, 63, 70];
const NULLS: usize = 5;

/// What a member saw across the looks.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Looks {
    pub members: usize,
    /// Per look: members whose helpful strategy was labelled "likely helps" at this look or before.
    pub found_by: [usize; LOOKS.len()],
    /// Per look: members shown "looks promising" or "likely helps" for it at this look or before.
    pub promising_by: [usize; LOOKS.len()],
    /// Strategies with no effect labelled helps or worse at any look: [lag 0, lag 1, either].
    pub false_any: [usize; 3],
    /// Per look: strategies with no effect labelled (either lag) for the first time there.
    pub false_first_at: [usize; LOOKS.len()],
    /// Strategies with no effect shown "looks promising" (same day) at any look.
    pub promising_null: usize,
    /// The helpful strategy's next-day effect (truly 0) labelled at any look.
    pub false_lag1_of_helpful: usize,
}

fn member(seed: u64) -> (Diary, Vec<u32>) {
    let mut rng = Rng::new(seed.wrapping_mul(0xD1B5_4A32_D192_ED03).wrapping_add(7));
    let (rho, sigma) = (between(&mut rng, 0.0, 0.5), between(&mut rng, 0.8, 1.2));
    let base = between(&mut rng, 4.0, 6.5);
    let (week_amp, week_phase) = (between(&mut rng, 0.0, 0.4), between(&mut rng, 0.0, 7.0));
    // Strategy 0 helps; each strategy keeps yesterday's choice with some probability.
    let rates: Vec<f64> =
        (0..=NULLS).map(|s| if s == 0 { 0.5 } else { between(&mut rng, 0.15, 0.7) }).collect();
    let keep: Vec<f64> = (0..=NULLS).map(|_| between(&mut rng, 0.0, 0.6)).collect();
    let first =
        NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default() + Duration::days(rng.range(0, 6) as i64);
    let mut noise = sigma / (1.0 - rho * rho).sqrt() * rng.normal();
    let mut yesterday = vec![false; NULLS + 1];
    let (mut days, mut offsets) = (Vec::new(), Vec::new());
    for t in 0..*LOOKS.last().unwrap_or(&70) {
        let today: Vec<bool> = yesterday
            .iter()
            .zip(rates.iter().zip(&keep))
            .map(|(&y, (&p, &k))| if rng.chance(k) { y } else { rng.chance(p) })
            .collect();
        noise = rho * noise + sigma * rng.normal();
        let weekly = week_amp * (std::f64::consts::TAU * (f64::from(t % 7) + week_phase) / 7.0).sin();
        let helps = if today.first().copied().unwrap_or(false) { -0.5 } else { 0.5 };
        let pain = base + weekly + noise + helps;
        if !rng.chance(0.15) {
            let done = today.iter().enumerate().filter(|(_, d)| **d).map(|(s, _)| s).collect();
            let ratings =
                Ratings { pain: Score::new(pain.round().clamp(0.0, 10.0) as i64), ..Ratings::default() };
            days.push(Day { date: first + Duration::days(i64::from(t)), ratings, done });
            offsets.push(t + 1);
        }
        yesterday = today;
    }
    let strategies = (0..=NULLS).map(|s| Tracked { id: StrategyId(s as i64), tracked_from: None }).collect();
    (Diary { strategies, days }, offsets)
}

/// Simulates `members` members from seeds `first_seed..` and analyses each at every look.
pub fn run(members: usize, first_seed: u64) -> Looks {
    let mut out = Looks { members, ..Looks::default() };
    for m in 0..members as u64 {
        let (diary, offsets) = member(first_seed + m);
        let (mut found, mut promising) = (false, false);
        let mut false_labels = [[false; 2]; NULLS + 1];
        let mut promising_null = [false; NULLS + 1];
        for (look, &day) in LOOKS.iter().enumerate() {
            let seen = offsets.partition_point(|&o| o <= day);
            let upto = Diary {
                strategies: diary.strategies.clone(),
                days: diary.days.get(..seen).map(<[Day]>::to_vec).unwrap_or_default(),
            };
            let (effects, _) = analyze_outcome(&upto, Outcome::Pain);
            let before = false_labels;
            for e in &effects {
                let s = usize::try_from(e.strategy.0).unwrap_or(0);
                let claimed = matches!(e.label, Label::LikelyHelps | Label::LikelyWorse);
                if s == 0 && e.lag == 0 {
                    found |= e.label == Label::LikelyHelps;
                    promising |= e.label == Label::LikelyHelps || e.promising.is_some();
                } else if let Some(f) = false_labels.get_mut(s).and_then(|f| f.get_mut(usize::from(e.lag))) {
                    *f |= claimed;
                }
                if let Some(p) = promising_null.get_mut(s).filter(|_| s > 0 && e.lag == 0) {
                    *p |= e.promising.is_some();
                }
            }
            let new_false = effects
                .iter()
                .filter(|e| {
                    e.strategy != StrategyId(0) && matches!(e.label, Label::LikelyHelps | Label::LikelyWorse)
                })
                .filter_map(|e| usize::try_from(e.strategy.0).ok())
                .filter(|&s| before.get(s).is_some_and(|f| !f[0] && !f[1]))
                .collect::<std::collections::BTreeSet<_>>()
                .len();
            if let Some(c) = out.false_first_at.get_mut(look) {
                *c += new_false;
            }
            if let Some(c) = out.found_by.get_mut(look) {
                *c += usize::from(found);
            }
            if let Some(c) = out.promising_by.get_mut(look) {
                *c += usize::from(promising);
            }
        }
        out.false_lag1_of_helpful += usize::from(false_labels[0][1]);
        out.promising_null += promising_null.iter().filter(|p| **p).count();
        for [lag0, lag1] in false_labels.iter().skip(1) {
            out.false_any[0] += usize::from(*lag0);
            out.false_any[1] += usize::from(*lag1);
            out.false_any[2] += usize::from(*lag0 || *lag1);
        }
    }
    out
}

impl Looks {
    fn share(&self, n: usize, of: usize) -> String {
        format!("{:.3} ({n} of {of})", n as f64 / of.max(1) as f64)
    }

    /// Share of strategies with no effect labelled at any look, either lag.
    pub fn false_rate(&self) -> f64 {
        self.false_any[2] as f64 / (NULLS * self.members).max(1) as f64
    }

    /// Share of members whose helpful strategy was labelled "likely helps" by `day`.
    pub fn found_by_day(&self, day: u32) -> f64 {
        let look = LOOKS.iter().position(|&l| l == day);
        look.and_then(|l| self.found_by.get(l)).map_or(0.0, |&n| n as f64 / self.members.max(1) as f64)
    }
}

impl std::fmt::Display for Looks {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "members: {}, looks at days {LOOKS:?}", self.members)?;
        for ((day, &found), &promising) in LOOKS.iter().zip(&self.found_by).zip(&self.promising_by) {
            writeln!(
                f,
                "by day {day}: likely helps {}; promising or likely helps {}",
                self.share(found, self.members),
                self.share(promising, self.members)
            )?;
        }
        let nulls = NULLS * self.members;
        writeln!(f, "no effect, first labelled at each look: {:?}", self.false_first_at)?;
        writeln!(f, "no effect, labelled at any look, same day: {}", self.share(self.false_any[0], nulls))?;
        writeln!(f, "no effect, labelled at any look, next day: {}", self.share(self.false_any[1], nulls))?;
        writeln!(f, "no effect, labelled at any look, either lag: {}", self.share(self.false_any[2], nulls))?;
        writeln!(
            f,
            "no effect, shown \"looks promising\" at any look: {}",
            self.share(self.promising_null, nulls)
        )?;
        write!(
            f,
            "helpful strategy's next day (no effect) labelled: {}",
            self.share(self.false_lag1_of_helpful, self.members)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A guard on the figures in docs/BENCHMARKS.md (printed by
    /// `cargo run --release -p foothold-core --example calibrate looks`), on 300 members: the
    /// first insight must not get slower, nor false labels across the looks more frequent.
    #[test]
    fn the_first_insight_comes_by_day_35_for_nearly_half_of_members() {
        let looks = run(300, 1);
        println!("{looks}");
        assert!(looks.found_by_day(35) >= 0.42, "{looks}");
        assert!(looks.false_rate() <= 0.26, "{looks}");
        // "Looks promising" reaches most members with a real effect by day 35.
        assert!(looks.promising_by.get(3).is_some_and(|&n| n as f64 >= 0.6 * 300.0), "{looks}");
    }
}
