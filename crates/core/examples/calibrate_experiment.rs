//! Prints how well the experiment analysis recovers known effects from simulated
//! experiments with the default design, without washout and with 1 and 2 washout days.
//! `cargo run --release -p foothold-core --example calibrate_experiment [PER_EFFECT] [FIRST_SEED]`

fn main() {
    let mut args = std::env::args().skip(1);
    let per_effect = args.next().and_then(|a| a.parse().ok()).unwrap_or(1_000);
    let seed = args.next().and_then(|a| a.parse().ok()).unwrap_or(1);
    let started = std::time::Instant::now();
    for washout in 0..=2 {
        let c = foothold_core::experiment::calibration::run(per_effect, washout, seed);
        println!("{c}\n");
    }
    println!("took {:.1} s", started.elapsed().as_secs_f64());
}
