//! Fits the weights of the crisis detector's scored layer (`crisis/score.rs`) and prints
//! cross-validated figures, so the table in the source can be reproduced and checked.
//!
//! `cargo run --release -p foothold-readers --example crisis_fit [-- --predictions]`
//!
//! L2-regularised logistic regression by plain gradient descent from zero (deterministic).
//! The threshold is the lowest probability whose false-alarm rate on the *training* part stays
//! at or under `MAX_FALSE_ALARMS`. Cross-validation: fit on dev+heldout and test on heldout2,
//! the reverse, fit on dev+heldout+heldout2 and test on heldout3 (released in session 4's second
//! round, read at run time from `crisis-c.jsonl` when present), and five folds over all released
//! lines. `--predictions` prints, for each heldout2 line, whether the layer fitted on dev+heldout
//! flags it.

use foothold_readers::crisis::{self, score};
use foothold_readers::style::eval::CrisisItem;

const CRISIS: &str = include_str!("../../../content/eval/crisis.jsonl");
const CRISIS_B: &str = include_str!("../../../content/eval/crisis-b.jsonl");
/// heldout3, read at run time so the example builds without it.
const CRISIS_C: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../content/eval/crisis-c.jsonl");
/// The heldout2 lines the rules of commit f64d0ea (before heldout2 was released) got wrong,
/// as printed by that commit's `style_eval`: 42 missed crises and 13 false alarms. With them,
/// "those rules + this layer fitted on dev+heldout" can be measured on heldout2 honestly.
const OLD_RULES_WRONG: &[&str] = &[
    "I'm thinking of ways to make it look like an accident.",
    "I'm giving my plants away to friends because I won't be here to water them.",
    "Punched the wall on purpose till my knuckles split, felt like I deserved it.",
    "The cat is the only reason I'm still alive.",
    "ive written the notes, just need to work up the nerve",
    "I'd give anything to just not wake up tomorrow.",
    "so tired of being a person. of being alive at all.",
    "Every night I secretly hope I won't open my eyes in the morning.",
    "Please someone talk to me, I'm about to do something I can't undo.",
    "Please let tomorrow be the morning I just don't wake.",
    "Remind me why I'm staying alive for this?",
    "I can't promise I'll still be here on Monday.",
    "I want to take every pill in the house.",
    "My partner doesn't know I've been cutting.",
    "Dead skin on my heels from the neuropathy, podiatrist Tuesday.",
    "My husband hid the knives because of what I said last night, and I still think about it.",
    "I hope the surgery goes wrong and I don't come round.",
    "Last night I got as far as the roof.",
    "Every night I ask God to take me.",
    "Overdosed on sugar at the party, regretting it.",
    "Being alive feels like a chore I want to quit for good.",
    "I'm planning to drive into a tree.",
    "The first year after the accident I wished I'd died in it. I don't feel that way now, I've got \
     my grandkids.",
    "I can't see myself staying alive much longer with this pain.",
    "Thoughts of suicide? No, not at all. Just frustration.",
    "The CRPS makes me want to cut my arm off, but obviously I'm not going to.",
    "If I have to hear that hold music again I'll die.",
    "Some nights I hope my heart just stops.",
    "During my worst year I wanted to die. Therapy and a new med changed that, and I'm glad I stayed.",
    "So tired of it all that an endless sleep sounds perfect.",
    "I want to end the pain the only way I know how, by ending me.",
    "i want a sleep i dont come back from",
    "I wish the car crash had finished me off.",
    "I used to self-harm as a teenager; I'm 45 now and it's long behind me.",
    "I've been biting my arms till they bruise.",
    "This pain is killing me and honestly I wish it would hurry up.",
    "My kids would be fine without me, maybe better.",
    "My therapist asked if I ever think about ending my life. I said no, and meant it.",
    "Hope I don't wake up during the procedure!",
    "Having SI again, pretty constant today.",
    "i stood by the train tracks for an hour last night thinking about it",
    "If a lorry took me out on the way to the shops I'd be grateful.",
    "I just want to join my wife, she died last spring and I don't want to be here without her.",
    "Opened up the old cuts on my thigh again yesterday.",
    "Ending it all is on my mind again, like it was in March.",
    "I hit my head against the wall until it bled.",
    "Dying my hair purple to cheer myself up.",
    "I keep my tablets in a pile under the bed for when I'm ready.",
    "I looked up how high the multi-storey car park is.",
    "My uncle died by suicide when I was small.",
    "I'm done being here. On this earth, I mean.",
    "Nobody would notice if I went, so why not go.",
    "The painkillers are strong enough to knock out a horse.",
    "I've been looking at the bottle of vodka and the pills together.",
    "I'm only hanging on for my mum's sake.",
];
const LAMBDA: f64 = 0.003;
const RATE: f64 = 0.5;
const STEPS: usize = 6000;
const MAX_FALSE_ALARMS: f64 = 0.04;

struct Row {
    x: [f64; score::N],
    y: bool,
    rules: bool,
    unseen: bool,
    split: String,
    text: String,
}

struct Model {
    w: [f64; score::N],
    b: f64,
    threshold: f64,
}

fn fit(rows: &[&Row]) -> Model {
    let (mut w, mut b) = ([0.0; score::N], 0.0);
    let n = rows.len().max(1) as f64;
    for _ in 0..STEPS {
        let (mut gw, mut gb) = ([0.0; score::N], 0.0);
        for r in rows {
            let err = score::probability(&r.x, &w, b) - f64::from(u8::from(r.y));
            for (g, x) in gw.iter_mut().zip(&r.x) {
                *g += err * x;
            }
            gb += err;
        }
        for (wi, g) in w.iter_mut().zip(&gw) {
            *wi -= RATE * (g / n + LAMBDA * *wi);
        }
        b -= RATE * gb / n;
    }
    // The lowest threshold whose training false alarms stay within the budget.
    let negatives: Vec<f64> = rows.iter().filter(|r| !r.y).map(|r| score::probability(&r.x, &w, b)).collect();
    let mut candidates: Vec<f64> = rows.iter().map(|r| score::probability(&r.x, &w, b)).collect();
    candidates.sort_by(f64::total_cmp);
    let fa = |t: f64| negatives.iter().filter(|&&p| p >= t).count() as f64 / negatives.len().max(1) as f64;
    let threshold = candidates.into_iter().find(|&t| fa(t) <= MAX_FALSE_ALARMS).unwrap_or(1.0);
    Model { w, b, threshold }
}

fn flags(m: &Model, r: &Row) -> bool {
    score::probability(&r.x, &m.w, m.b) >= m.threshold
}

/// As in the detector: the layer is asked only where no rule pattern matched at all.
fn gated(m: &Model, r: &Row) -> bool {
    r.unseen && flags(m, r)
}

/// Recall and false alarms of `predict` on `rows`.
fn rates(rows: &[&Row], predict: impl Fn(&Row) -> bool) -> String {
    let pos = rows.iter().filter(|r| r.y).count();
    let neg = rows.len() - pos;
    let tp = rows.iter().filter(|r| r.y && predict(r)).count();
    let fp = rows.iter().filter(|r| !r.y && predict(r)).count();
    format!(
        "recall {:.3} ({tp} of {pos}), false alarms {:.3} ({fp} of {neg})",
        tp as f64 / pos.max(1) as f64,
        fp as f64 / neg.max(1) as f64
    )
}

fn report(name: &str, train: &[&Row], test: &[&Row]) -> Model {
    let m = fit(train);
    println!("{name} (threshold {:.3})", m.threshold);
    println!("  scored layer alone: {}", rates(test, |r| flags(&m, r)));
    println!(
        "  rules + scored layer as the detector uses it: {} (rules tuned on every split)",
        rates(test, |r| r.rules || gated(&m, r))
    );
    m
}

fn main() -> Result<(), serde_json::Error> {
    let mut rows = Vec::new();
    let third = std::fs::read_to_string(CRISIS_C).unwrap_or_default();
    for line in CRISIS.lines().chain(CRISIS_B.lines()).chain(third.lines()).filter(|l| !l.trim().is_empty()) {
        let item: CrisisItem = serde_json::from_str(line)?;
        rows.push(Row {
            x: crisis::score_features(&item.text),
            y: item.crisis,
            rules: crisis::rules_only(&item.text),
            unseen: crisis::unseen_by_rules(&item.text),
            split: item.split,
            text: item.text,
        });
    }
    let old: Vec<&Row> = rows.iter().filter(|r| r.split == "dev" || r.split == "heldout").collect();
    let fresh: Vec<&Row> = rows.iter().filter(|r| r.split == "heldout2").collect();
    let all: Vec<&Row> = rows.iter().collect();

    let a = report("fit on dev+heldout, test on heldout2", &old, &fresh);
    let before = |r: &Row| r.y != OLD_RULES_WRONG.contains(&r.text.as_str());
    println!("  rules of f64d0ea alone: {}", rates(&fresh, before));
    println!("  rules of f64d0ea + scored layer (honest): {}", rates(&fresh, |r| before(r) || flags(&a, r)));
    report("fit on heldout2, test on dev+heldout", &fresh, &old);
    let first3: Vec<&Row> = rows.iter().filter(|r| r.split != "heldout3").collect();
    let h3: Vec<&Row> = rows.iter().filter(|r| r.split == "heldout3").collect();
    if !h3.is_empty() {
        report("fit on dev+heldout+heldout2, test on heldout3", &first3, &h3);
    }
    let (mut tp, mut fp, mut pos, mut neg) = (0, 0, 0, 0);
    for k in 0..5 {
        let train: Vec<&Row> = all.iter().enumerate().filter(|(i, _)| i % 5 != k).map(|(_, r)| *r).collect();
        let test: Vec<&Row> = all.iter().enumerate().filter(|(i, _)| i % 5 == k).map(|(_, r)| *r).collect();
        let m = fit(&train);
        for r in test {
            pos += usize::from(r.y);
            neg += usize::from(!r.y);
            tp += usize::from(r.y && flags(&m, r));
            fp += usize::from(!r.y && flags(&m, r));
        }
    }
    println!(
        "five folds over all released lines: scored layer alone recall {:.3} ({tp} of {pos}), false alarms \
         {:.3} ({fp} of {neg})",
        tp as f64 / pos.max(1) as f64,
        fp as f64 / neg.max(1) as f64
    );

    let m = fit(&all);
    println!("\nfinal fit on all released lines, threshold {:.3}:", m.threshold);
    println!("  scored layer alone: {}", rates(&all, |r| flags(&m, r)));
    println!("  rules + scored layer as the detector uses it: {}", rates(&all, |r| r.rules || gated(&m, r)));
    println!("\npub const WEIGHTS: [f64; N] = [");
    for (w, name) in m.w.iter().zip(score::NAMES) {
        println!("    {w:.3}, // {name}");
    }
    println!("];\npub const BIAS: f64 = {:.3};\npub const THRESHOLD: f64 = {:.3};", m.b, m.threshold);

    if std::env::args().any(|a| a == "--predictions") {
        for r in &fresh {
            println!("{}\t{}\t{}", u8::from(r.y), u8::from(flags(&a, r)), r.text);
        }
    }
    Ok(())
}
