//! The agency engine on the reference member: 3 years of days, 40 strategies,
//! 4 outcomes, 2 lags. `cargo bench -p foothold-core --bench agency`

use criterion::{criterion_group, criterion_main, Criterion};
use foothold_core::agency::analyze;
use foothold_core::simulate::wide_diary as reference_diary;

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
