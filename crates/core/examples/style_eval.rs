//! Prints how well the explanatory-style reader and the crisis detector do on the labelled
//! sets in `content/eval`: precision and recall per dimension, crisis recall and false-alarm
//! rate, for the development split and the two held-out splits (`heldout2` is the fresh one).
//!
//! `cargo run --release -p foothold-core --example style_eval [-- --dev-mistakes]`
//!
//! `--dev-mistakes` prints the development split only, with the sentences the readers get
//! wrong: for tuning, without even a glance at held-out results (the held-out sentences
//! must never be read by whoever tunes the rules).

use foothold_core::style::eval::{self, CrisisItem, StyleItem};

const STYLE: &str = include_str!("../../../content/eval/explanatory-style.jsonl");
const CRISIS: &str = include_str!("../../../content/eval/crisis.jsonl");
/// The second held-out split, written after the first had been used for measurement.
const STYLE_B: &str = include_str!("../../../content/eval/explanatory-style-b.jsonl");
const CRISIS_B: &str = include_str!("../../../content/eval/crisis-b.jsonl");

fn parse<T: serde::de::DeserializeOwned>(jsonl: &str) -> Result<Vec<T>, serde_json::Error> {
    jsonl.lines().filter(|l| !l.trim().is_empty()).map(serde_json::from_str).collect()
}

fn main() -> Result<(), serde_json::Error> {
    let style: Vec<StyleItem> = [parse(STYLE)?, parse(STYLE_B)?].concat();
    let crisis: Vec<CrisisItem> = [parse(CRISIS)?, parse(CRISIS_B)?].concat();
    let tuning = std::env::args().any(|a| a == "--dev-mistakes");
    let splits: &[&str] = if tuning { &["dev"] } else { &["dev", "heldout", "heldout2"] };
    for split in splits {
        println!("{}", eval::score_style(&style, split));
        println!("{}", eval::score_crisis(&crisis, split));
    }
    if tuning {
        println!("development sentences read wrongly (expected → got):");
        for (text, expected, got) in eval::style_mistakes(&style, "dev") {
            let names = |ds: &[foothold_core::style::Dimension]| {
                ds.iter().map(|d| d.as_str()).collect::<Vec<_>>().join(",")
            };
            println!("  [{}] → [{}]  {text}", names(&expected), names(&got));
        }
        println!("development crisis mistakes:");
        for (text, expected) in eval::crisis_mistakes(&crisis, "dev") {
            println!("  {}  {text}", if expected { "MISSED" } else { "FALSE ALARM" });
        }
    }
    Ok(())
}
