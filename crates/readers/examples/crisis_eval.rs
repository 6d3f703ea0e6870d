//! Crisis detection by tier on the sets written for issue 14 (`content/eval/README.md`):
//! `crisis-j.jsonl` and `crisis-i.jsonl` (heldout10 and heldout9, session 16's blind splits),
//! `crisis-h.jsonl` (heldout8: acute, crisis and hard negatives that share the acute words),
//! `short-notes.jsonl` (short-blind) and `short-notes-dev.jsonl` (short-dev), and
//! `prose.jsonl` (prose-blind, ordinary text of every length). For each split it prints the
//! acute recall (acute lines given the acute level), crisis recall (any level), false alarms,
//! and the same with the reader left out (`assess_rules`).
//!
//! `cargo run --release -p foothold-readers --example crisis_eval [-- --mistakes short-dev]`
//!
//! `--mistakes SPLIT` prints the lines read wrongly, for splits released for tuning only
//! (`short-dev`) or blind splits already measured once (heldout8, short-blind and prose-blind
//! on 2026-12-06, heldout9 and heldout10 on 2026-12-07); never for a blind split not yet
//! measured.

use foothold_readers::crisis::{assess, assess_rules, Level};
use serde::Deserialize;

const EVAL_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../content/eval");
const FILES: &[&str] = &[
    "crisis-j.jsonl",
    "crisis-i.jsonl",
    "crisis-h.jsonl",
    "short-notes-dev.jsonl",
    "short-notes.jsonl",
    "prose.jsonl",
];
/// Splits whose mistakes may be read: released for tuning, or blind splits already measured.
const RELEASED: &[&str] = &["short-dev", "heldout8", "short-blind", "prose-blind", "heldout9", "heldout10"];

#[derive(Deserialize)]
struct Item {
    split: String,
    text: String,
    crisis: bool,
    tier: Option<String>,
}

/// Counts for one split under one detector.
#[derive(Default)]
struct Tally {
    acute: (usize, usize),
    /// Acute lines raised at any level (the crisis panel still says to call the emergency
    /// number when in danger).
    acute_any: usize,
    crisis: (usize, usize),
    alarms: (usize, usize),
    /// Crisis lines that are not acute, given the acute level (the emergency number first).
    over: (usize, usize),
}

fn tally(items: &[&Item], judge: &dyn Fn(&str) -> Option<Level>) -> Tally {
    let mut t = Tally::default();
    for i in items {
        let level = judge(&i.text);
        if i.tier.as_deref() == Some("acute") {
            t.acute.1 += 1;
            t.acute.0 += usize::from(level == Some(Level::Acute));
            t.acute_any += usize::from(level.is_some());
        }
        if i.tier.as_deref() == Some("crisis") {
            t.over.1 += 1;
            t.over.0 += usize::from(level == Some(Level::Acute));
        }
        if i.crisis {
            t.crisis.1 += 1;
            t.crisis.0 += usize::from(level.is_some());
        } else {
            t.alarms.1 += 1;
            t.alarms.0 += usize::from(level.is_some());
        }
    }
    t
}

fn share((a, b): (usize, usize)) -> String {
    if b == 0 {
        "-".to_owned()
    } else {
        format!("{:.3} ({a} of {b})", a as f64 / b as f64)
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut items = Vec::new();
    for file in FILES {
        let Ok(text) = std::fs::read_to_string(format!("{EVAL_DIR}/{file}")) else { continue };
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            items.push(serde_json::from_str::<Item>(line)?);
        }
    }
    let args: Vec<String> = std::env::args().collect();
    if let Some(split) = args.iter().position(|a| a == "--mistakes").and_then(|i| args.get(i + 1)) {
        if !RELEASED.contains(&split.as_str()) {
            return Err(format!("{split} is not released for tuning").into());
        }
        for i in items.iter().filter(|i| &i.split == split) {
            let level = assess(&i.text).map(Level::as_str);
            if level != i.tier.as_deref()
                && (level.is_some() != i.crisis || i.tier.as_deref() == Some("acute"))
            {
                println!("{:<7} {:<7} {}", i.tier.as_deref().unwrap_or("-"), level.unwrap_or("-"), i.text);
            }
        }
        return Ok(());
    }
    let mut splits: Vec<&str> = items.iter().map(|i| i.split.as_str()).collect();
    splits.dedup();
    for split in splits {
        let of: Vec<&Item> = items.iter().filter(|i| i.split == split).collect();
        println!("{split} ({} lines)", of.len());
        for (name, judge) in
            [("detector", &assess as &dyn Fn(&str) -> Option<Level>), ("rules only", &assess_rules)]
        {
            let t = tally(&of, judge);
            println!(
                "  {name:<10} acute recall {} (raised at any level {}), crisis recall {}, false alarms {}, \
                 crisis lines given the acute level {}",
                share(t.acute),
                share((t.acute_any, t.acute.1)),
                share(t.crisis),
                share(t.alarms),
                share(t.over)
            );
        }
    }
    Ok(())
}
