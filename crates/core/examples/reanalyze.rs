//! Re-analyses many members at once, as after an engine upgrade: N simulated members of one
//! year and 15 strategies each, on every core. Prints the wall time.
//! `cargo run --release -p foothold-core --example reanalyze [MEMBERS] [STRATEGIES]`

use foothold_core::agency::analyze;
use foothold_core::simulate::wide_diary;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

fn main() {
    let mut args = std::env::args().skip(1);
    let members: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let strategies: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(15);
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let next = AtomicU64::new(0);
    let results = AtomicUsize::new(0);
    let started = std::time::Instant::now();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| loop {
                let seed = next.fetch_add(1, Ordering::Relaxed);
                if seed >= members {
                    break;
                }
                // Building the diary stands in for loading it; it is a small share of the time.
                let report = analyze(&wide_diary(365, strategies, seed));
                results.fetch_add(report.results.len(), Ordering::Relaxed);
            });
        }
    });
    let took = started.elapsed().as_secs_f64();
    println!(
        "{members} members × 1 year × {strategies} strategies on {threads} threads: {took:.1} s \
         ({:.2} ms per member, {} results)",
        1000.0 * took * threads as f64 / members as f64,
        results.load(Ordering::Relaxed)
    );
}
