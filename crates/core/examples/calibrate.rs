//! Prints how well the agency engine recovers known effects from simulated diaries.
//! `cargo run --release -p foothold-core --example calibrate [DIARIES] [FIRST_SEED]`

fn main() {
    let mut args = std::env::args().skip(1);
    let diaries = args.next().and_then(|a| a.parse().ok()).unwrap_or(500);
    let seed = args.next().and_then(|a| a.parse().ok()).unwrap_or(1);
    let started = std::time::Instant::now();
    let c = foothold_core::calibration::run(diaries, seed);
    println!("{c}");
    println!("took {:.1} s", started.elapsed().as_secs_f64());
}
