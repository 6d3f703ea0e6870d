//! How long the crisis detector takes per text, by length, on one core: a short check-in
//! note, a typical note, and the longest note a check-in takes (2,000 characters).
//!
//! `cargo run --release -p foothold-readers --example crisis_speed`

use foothold_readers::crisis;
use std::time::Instant;

fn main() {
    let sentence = "Pain about a five today, I walked to the shop and rested after lunch. ";
    let cases = [
        ("short note (3 words)", "sore but ok".to_owned()),
        ("typical note (40 words)", sentence.repeat(3)),
        ("longest note (2,000 characters)", sentence.repeat(28)),
    ];
    // The first call parses the built-in weights.
    let start = Instant::now();
    crisis::detect("warm up");
    println!("first call (loads the weights): {:.0} ms", start.elapsed().as_secs_f64() * 1e3);
    for (name, text) in cases {
        // The median of single calls: this machine's speed varies from minute to minute, and
        // a mean would carry every slow moment.
        let ms = |f: &dyn Fn(&str)| {
            let mut times: Vec<f64> = (0..21)
                .map(|_| {
                    let start = Instant::now();
                    f(std::hint::black_box(&text));
                    start.elapsed().as_secs_f64() * 1e3
                })
                .collect();
            times.sort_by(f64::total_cmp);
            times.get(times.len() / 2).copied().unwrap_or_default()
        };
        let all = ms(&|t| _ = std::hint::black_box(crisis::detect(t)));
        let rules = ms(&|t| _ = std::hint::black_box(crisis::matching_rule(t)));
        let reader = ms(&|t| _ = std::hint::black_box(crisis::reader::probability(t)));
        println!(
            "{name} ({} bytes): {all:.1} ms per text (median) (rule layers {rules:.1} ms, reader {reader:.1} ms)",
            text.len()
        );
    }
}
