//! The agency engine on the reference member: 3 years of days, 40 strategies,
//! 4 outcomes, 2 lags. `cargo bench -p foothold-core --bench agency`

use criterion::{criterion_group, criterion_main, Criterion};
use foothold_core::agency::{analyze, Day, Diary, Tracked};
use foothold_core::checkin::{Ratings, Score};
use foothold_core::simulate::Rng;

/// A diary of `days` days with `strategies` strategies: every outcome present on 80 % of days.
fn reference_diary(days: u32, strategies: usize, seed: u64) -> Diary {
    let mut rng = Rng::new(seed);
    let first = chrono::NaiveDate::from_ymd_opt(2023, 1, 1).unwrap_or_default();
    let rates: Vec<f64> = (0..strategies).map(|_| 0.05 + 0.5 * rng.uniform()).collect();
    let score =
        |rng: &mut Rng, mean: f64| Score::new((mean + 1.5 * rng.normal()).round().clamp(0.0, 10.0) as i64);
    let present: Vec<u32> = (0..days).filter(|_| rng.chance(0.8)).collect();
    let days = present
        .into_iter()
        .map(|t| Day {
            date: first + chrono::Duration::days(i64::from(t)),
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
    let strategies = (0..strategies).map(|s| Tracked { name: format!("s{s}"), tracked_from: None }).collect();
    Diary { strategies, days }
}

fn bench(c: &mut Criterion) {
    let three_years = reference_diary(3 * 365, 40, 1);
    c.bench_function("analyze: 3 years, 40 strategies, 4 outcomes, 2 lags", |b| {
        b.iter(|| analyze(&three_years))
    });
    let one_year = reference_diary(365, 15, 2);
    c.bench_function("analyze: 1 year, 15 strategies", |b| b.iter(|| analyze(&one_year)));
}

criterion_group!(benches, bench);
criterion_main!(benches);
