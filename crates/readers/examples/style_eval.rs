//! Prints how well the explanatory-style reader and the crisis detector do on the labelled
//! sets in `content/eval`: precision and recall per dimension, crisis recall and false-alarm
//! rate, for the development split and the held-out splits, and for crises also the rule
//! layers alone and the crisis reader alone. `heldout3` to `heldout7` (files `crisis-c.jsonl`
//! / `explanatory-style-c.jsonl`, `-d.jsonl`, and `crisis-e.jsonl` to `crisis-g.jsonl`) are read
//! when present and skipped quietly when not.
//!
//! `cargo run --release -p foothold-readers --example style_eval [-- --dev-mistakes | --mistakes SPLIT]`
//!
//! `--why` reads sentences from standard input and prints, for each, the crisis rule that
//! matched (for tuning on released splits; never run it on a member's text).
//!
//! `--layers` reads JSON Lines (`{"text": …}`) from standard input and prints, for each, whether
//! any rule layer matched, whether the scored layer's gate is open, and the reader's
//! probability: the inputs of `detect`, for choosing its thresholds on
//! released splits and training text.
//!
//! `--dev-mistakes` prints the development split only, with the sentences the readers get
//! wrong. `--mistakes SPLIT` does the same for any split released for tuning (see
//! `content/eval/README.md`, "Use of the splits"): never for a split still used as evidence.

use foothold_readers::style::eval::{self, CrisisItem, StyleItem};

const STYLE: &str = include_str!("../../../content/eval/explanatory-style.jsonl");
const CRISIS: &str = include_str!("../../../content/eval/crisis.jsonl");
/// The second held-out split, written after the first had been used for measurement.
const STYLE_B: &str = include_str!("../../../content/eval/explanatory-style-b.jsonl");
const CRISIS_B: &str = include_str!("../../../content/eval/crisis-b.jsonl");
/// The third held-out split, read at run time so the example builds without it.
const EVAL_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../content/eval");

fn parse<T: serde::de::DeserializeOwned>(jsonl: &str) -> Result<Vec<T>, serde_json::Error> {
    jsonl.lines().filter(|l| !l.trim().is_empty()).map(serde_json::from_str).collect()
}

/// A file of the eval directory, or an empty set when it does not exist.
fn optional<T: serde::de::DeserializeOwned>(name: &str) -> Result<Vec<T>, serde_json::Error> {
    match std::fs::read_to_string(format!("{EVAL_DIR}/{name}")) {
        Ok(text) => parse(&text),
        Err(_) => Ok(Vec::new()),
    }
}

/// The two readers of `detect` apart: the rule layers alone, and the crisis reader alone at
/// its own threshold.
fn parts(items: &[CrisisItem], split: &str) {
    use foothold_readers::crisis::{matching_rule, reader, READER_ALONE};
    let items: Vec<&CrisisItem> = items.iter().filter(|i| i.split == split).collect();
    let crises = items.iter().filter(|i| i.crisis).count();
    let calm = items.len() - crises;
    let share = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let by_rules = |t: &str| matching_rule(t).is_some();
    let by_reader = |t: &str| reader::probability(t).is_some_and(|p| p >= READER_ALONE);
    for (name, flags) in
        [("rule layers alone", &by_rules as &dyn Fn(&str) -> bool), ("reader alone", &by_reader)]
    {
        let found = items.iter().filter(|i| i.crisis && flags(&i.text)).count();
        let alarms = items.iter().filter(|i| !i.crisis && flags(&i.text)).count();
        println!(
            "  {name}: recall {:.3} ({found} of {crises}), false alarms {:.3} ({alarms} of {calm})",
            share(found, crises),
            share(alarms, calm),
        );
    }
    println!();
}

fn main() -> Result<(), serde_json::Error> {
    let style: Vec<StyleItem> = [
        parse(STYLE)?,
        parse(STYLE_B)?,
        optional("explanatory-style-c.jsonl")?,
        optional("explanatory-style-d.jsonl")?,
    ]
    .concat();
    let crisis: Vec<CrisisItem> = [
        parse(CRISIS)?,
        parse(CRISIS_B)?,
        optional("crisis-c.jsonl")?,
        optional("crisis-d.jsonl")?,
        optional("crisis-e.jsonl")?,
        optional("crisis-f.jsonl")?,
        optional("crisis-g.jsonl")?,
    ]
    .concat();
    let args: Vec<String> = std::env::args().collect();
    if args.iter().any(|a| a == "--why") {
        for line in std::io::stdin().lines().map_while(Result::ok) {
            println!("{:<60} {}", foothold_readers::crisis::matching_rule(&line).unwrap_or("-"), line);
        }
        return Ok(());
    }
    if args.iter().any(|a| a == "--layers") {
        use foothold_readers::crisis::{matching_rule, reader, unseen_by_rules};
        for line in std::io::stdin().lines().map_while(Result::ok).filter(|l| !l.trim().is_empty()) {
            let text = serde_json::from_str::<serde_json::Value>(&line)?
                .get("text")
                .and_then(|t| t.as_str())
                .unwrap_or("")
                .to_owned();
            let p = reader::probability(&text).unwrap_or(f32::NAN);
            let bit = |b: bool| u8::from(b);
            println!("{} {} {p:.6}", bit(matching_rule(&text).is_some()), bit(unseen_by_rules(&text)));
        }
        return Ok(());
    }
    let mistakes_of = if args.iter().any(|a| a == "--dev-mistakes") {
        Some("dev".to_owned())
    } else {
        args.iter().position(|a| a == "--mistakes").and_then(|i| args.get(i + 1)).cloned()
    };
    let mut splits: Vec<&str> = vec!["dev", "heldout", "heldout2"];
    for split in ["heldout3", "heldout4", "heldout5", "heldout6", "heldout7"] {
        if style.iter().any(|i| i.split == split) || crisis.iter().any(|i| i.split == split) {
            splits.push(split);
        }
    }
    if let Some(split) = &mistakes_of {
        splits = vec![split.as_str()];
    }
    for split in &splits {
        if style.iter().any(|i| i.split == *split) {
            println!("{}", eval::score_style(&style, split));
        }
        if crisis.iter().any(|i| i.split == *split) {
            print!("{}", eval::score_crisis(&crisis, split));
            parts(&crisis, split);
        }
    }
    if let Some(split) = mistakes_of {
        println!("{split} sentences read wrongly (expected → got):");
        for (text, expected, got) in eval::style_mistakes(&style, &split) {
            let names = |ds: &[foothold_readers::style::Dimension]| {
                ds.iter().map(|d| d.as_str()).collect::<Vec<_>>().join(",")
            };
            println!("  [{}] → [{}]  {text}", names(&expected), names(&got));
        }
        println!("{split} crisis mistakes:");
        for (text, expected) in eval::crisis_mistakes(&crisis, &split) {
            println!("  {}  {text}", if expected { "MISSED" } else { "FALSE ALARM" });
        }
    }
    Ok(())
}
