//! Prints how well the agency engine recovers known effects from simulated diaries.
//! `cargo run --release -p foothold-core --example calibrate [DIARIES] [FIRST_SEED]`
//! `cargo run --release -p foothold-core --example calibrate looks [MEMBERS] [FIRST_SEED]`:
//! the time to the first insight with weekly looks (issue 19).

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let looks = args.first().is_some_and(|a| a == "looks");
    if looks {
        args.remove(0);
    }
    let number = |i: usize, default: u64| args.get(i).and_then(|a| a.parse().ok()).unwrap_or(default);
    let started = std::time::Instant::now();
    if looks {
        println!("{}", foothold_core::calibration::looks::run(number(0, 1000) as usize, number(1, 1)));
    } else {
        println!("{}", foothold_core::calibration::run(number(0, 500) as usize, number(1, 1)));
    }
    println!("took {:.1} s", started.elapsed().as_secs_f64());
}
