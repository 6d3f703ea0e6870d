#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

use super::eval::{score_style, StyleItem};
use super::{read, rules, style_only, Dimension, Reading, MAX_BYTES};
use crate::pattern::Pattern;
use crate::testing::Rng;

const STYLE_JSONL: &str = include_str!("../../../../content/eval/explanatory-style.jsonl");

fn dims(text: &str) -> Vec<Dimension> {
    let r = style_only(text);
    Dimension::ALL.into_iter().filter(|d| r.has(*d)).collect()
}

/// Every span is a char-boundary slice of the text, and says so.
fn assert_valid(text: &str, r: &Reading) {
    for s in &r.spans {
        assert!(s.start < s.end && s.end <= text.len().min(MAX_BYTES), "{s:?} in {text:?}");
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end), "{s:?} in {text:?}");
        assert_eq!(&text[s.start..s.end], s.text);
        assert!(r.has(s.dimension));
    }
}

#[test]
fn every_rule_compiles() {
    for r in rules::RULES {
        assert!(Pattern::compile(r.pattern, rules::LISTS).is_ok(), "{}", r.pattern);
    }
    for p in super::context::ADOPTION_SRC.iter().chain(super::context::PAST_SRC) {
        assert!(Pattern::compile(p, &[]).is_ok(), "{p}");
    }
}

#[test]
fn meets_the_targets_on_the_development_split() {
    let items: Vec<StyleItem> = STYLE_JSONL.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let scores = score_style(&items, "dev");
    for (d, c) in &scores.counts {
        assert!(c.true_pos + c.false_neg >= 30, "{d:?}: too few labelled sentences");
        assert!(c.precision() >= 0.85, "{d:?} precision {:.3}", c.precision());
        assert!(c.recall() >= 0.75, "{d:?} recall {:.3}", c.recall());
    }
}

#[test]
fn reads_each_dimension_once_in_order() {
    let r = read("It will never change. It ruins everything, it's my fault, and why bother?");
    for d in Dimension::ALL {
        assert!(r.has(d), "{d:?}");
    }
    assert_eq!(r.dimensions, Dimension::ALL);
    let permanent = r.spans.iter().find(|s| s.dimension == Dimension::Permanent).unwrap();
    assert_eq!(permanent.text, "will never change");
    let never = read("I will never run again");
    assert_eq!(
        (never.spans[0].text.as_str(), never.dimensions.as_slice()),
        ("never", &[Dimension::Permanent, Dimension::Absolutist][..])
    );
    assert!(!r.crisis);
    assert_eq!(read("Had soup and toast, early night."), Reading::default());
}

/// New kinds of language, in sentences written for this test (not taken from the evaluation
/// set): each must carry its dimension.
#[test]
fn broader_ways_of_saying_each_dimension() {
    use Dimension::{Helpless, Pervasive};
    let cases: &[(&str, Dimension)] = &[
        ("This is my life now and it's not going to change.", Dimension::Permanent),
        ("I'm stuck with this for the rest of my days.", Dimension::Permanent),
        ("From now on it's going to be like this.", Dimension::Permanent),
        ("The migraines are with me now, for good.", Dimension::Permanent),
        ("It's lifelong, the consultant was clear and I agree.", Dimension::Permanent),
        ("I'm a hopeless case.", Dimension::Permanent),
        ("The fatigue seeps into every part of my day.", Pervasive),
        ("It has ruined every single holiday we've had.", Pervasive),
        ("Not one hour of my day is free of it.", Pervasive),
        ("Flares wreck birthdays, gigs, walks, the lot.", Pervasive),
        ("There's nothing left that I enjoy.", Pervasive),
        ("I'm such a let-down to my kids.", Dimension::Personal),
        ("I've always been a useless person.", Dimension::Personal),
        ("That's just the kind of person I am.", Dimension::Personal),
        ("It's mostly my fault for overdoing it.", Dimension::Personal),
        ("I have no willpower at all.", Dimension::Personal),
        ("I'm the one who's weak.", Dimension::Personal),
        ("What's wrong with me?", Dimension::Personal),
        ("Why bother with physio, it does nothing.", Helpless),
        ("I've done the stretches and the diet, and nothing changes.", Helpless),
        ("Everything I try fails.", Helpless),
        ("What difference does it make?", Helpless),
        ("None of the injections make any difference.", Helpless),
        ("All that's left to do is wait and suffer.", Helpless),
    ];
    for (text, d) in cases {
        assert!(dims(text).contains(d), "{text}: {:?}", dims(text));
    }
    for text in [
        "I stopped smoking for good last year.",
        "I don't believe it's permanent.",
        "In my first year I felt like a burden, but not now.",
        "Pain doesn't decide what kind of mum I am.",
        "It doesn't matter what we eat tonight.",
        "I love every bit of my life with the grandkids.",
        "The pain isn't going away with ibuprofen, so I'll ring the GP.",
    ] {
        let found = dims(text);
        assert!(!found.iter().any(|d| !matches!(d, Dimension::Absolutist)), "{text}: {found:?}");
    }
}

#[test]
fn negation_and_hedges_cancel_the_label() {
    for text in [
        "It's not always bad.",
        "It won't always be like this.",
        "It won't be like this forever.",
        "It's not my fault.",
        "I'm not useless, I'm unwell.",
        "Not everything is ruined.",
        "I don't think nothing helps.",
        "It almost always eases by the evening.",
        "I'm not giving up.",
    ] {
        assert_eq!(dims(text), [], "{text}");
    }
    assert_eq!(dims("It will always be like this."), [Dimension::Permanent, Dimension::Absolutist]);
}

#[test]
fn quoted_reported_and_past_words_are_not_the_writers_own() {
    for text in [
        "My doctor said 'it will never go away'.",
        "My doctor said “it will never go away”, but I'm not sure she's right.",
        "My dad keeps telling me I'll always be in pain.",
        "I used to think nothing helps.",
        "Back then I blamed myself for everything.",
        "Does it always hurt more in the cold?",
    ] {
        assert_eq!(dims(text), [], "{text}");
    }
    let adopted = dims("My doctor said 'it will never go away' and honestly I agree.");
    assert!(adopted.contains(&Dimension::Permanent), "{adopted:?}");
    assert_eq!(dims("I keep thinking \"why bother\"."), [Dimension::Helpless]);
    assert_eq!(dims("What's the use?"), [Dimension::Helpless]);
}

#[test]
fn a_habit_is_absolutist_but_not_permanent() {
    assert_eq!(dims("My back always hurts after gardening."), [Dimension::Absolutist]);
    assert_eq!(
        dims("My back will always hurt, it's never going to change."),
        [Dimension::Permanent, Dimension::Absolutist]
    );
    assert_eq!(dims("Everything hurts today."), [Dimension::Absolutist]);
    assert_eq!(dims("I overdid the gardening, so I'll pace it this week."), []);
}

#[test]
fn spans_are_exact_slices_even_with_unicode() {
    for text in [
        "I’ll never be the same 😞",
        "Ça ruine tout — no, really: it ruins EVERYTHING.",
        "שלום. I'm useless 🙃 and it's my fault",
        "e\u{301}\u{301} always\u{200f} nothing\u{2028}works",
        "İ always İ",
    ] {
        let r = read(text);
        assert!(!r.spans.is_empty(), "{text}");
        assert_valid(text, &r);
    }
    let r = read("I'm useless");
    assert_eq!((r.spans[0].start, r.spans[0].end, r.spans[0].text.as_str()), (0, 11, "I'm useless"));
}

#[test]
fn serialises_to_the_documented_json() {
    let r = read("Nothing helps.");
    let json = serde_json::to_value(&r).unwrap();
    let span = &json["spans"][0];
    assert_eq!(span["dimension"], "helpless");
    let text = serde_json::to_string(&r.spans[0]).unwrap();
    assert!(text.starts_with(r#"{"start":0,"end":13,"text":"Nothing helps","dimension":"#), "{text}");
    assert!(json["dimensions"] == serde_json::json!(["helpless", "absolutist"]) && json["crisis"] == false);
    assert_eq!(serde_json::from_value::<Reading>(json).unwrap(), r);
}

#[test]
fn reads_only_the_first_ten_thousand_bytes_but_always_checks_for_crisis() {
    let mut text = "é".repeat(MAX_BYTES / 2 - 20);
    text.push_str(" I'm useless. ");
    text.push_str(&"x ".repeat(5_000));
    text.push_str("Nothing helps. I want to die.");
    let r = read(&text);
    assert!(r.has(Dimension::Personal));
    assert!(!r.has(Dimension::Helpless), "past the limit");
    assert!(r.crisis);
    assert_valid(&text, &r);
    // A multi-byte char straddling the limit is cut before, not split.
    let edge = format!("{}€ always", "a".repeat(MAX_BYTES - 1));
    assert_valid(&edge, &read(&edge));
}

#[rustfmt::skip]
const PIECES: &[&str] = &[
    "never", "always", "nothing", "every", "all", "not", "won't", "I'm", "useless", "my fault", "why bother",
    "ruins everything", "no point", "forever", "said", "used to", "'",
    "\"",
    "“", "”", "’", "?", ".", ",", ";", "—", "-", "😞", "👨‍👩‍👧", "🏳️‍🌈", "שלום", "مرحبا", "\u{200f}",
    "\u{202e}", "e\u{301}", "\u{301}", "\u{fe0f}", " ", "  ", "\t", "\n", "\r\n", "\u{a0}", "\u{2028}", "İ",
    "ß", "ﬁ", "Ω", "\u{0}", "my self", "no-one", "3.5", "kill myself", "I want to die",
];

#[test]
fn never_panics_and_offsets_stay_valid_on_random_unicode() {
    let mut rng = Rng::new(20_240_601);
    for _ in 0..3_000 {
        let mut text = String::new();
        for _ in 0..rng.range(0, 40) {
            if rng.chance(0.7) {
                text.push_str(PIECES[rng.range(0, PIECES.len() as u64 - 1) as usize]);
            } else if let Some(c) = char::from_u32(rng.range(0, 0x2_FFFF) as u32) {
                text.push(c);
            }
            if rng.chance(0.5) {
                text.push(' ');
            }
        }
        let r = style_only(&text);
        assert_valid(&text, &r);
        assert!(r.dimensions.len() <= 5);
    }
}

/// Session 4, second round: the wider word-class patterns, on sentences written for this test
/// (not taken from any split), and neutral look-alikes they must leave alone.
#[test]
fn wider_phrasings_by_word_class() {
    use Dimension::{Helpless, Permanent, Personal, Pervasive};
    for (text, dim) in [
        ("The migraines are here for keeps.", Permanent),
        ("My shoulder is never loosening, is it.", Permanent),
        ("Lupus will only progress as I get older.", Permanent),
        ("It will ruin my retirement like it ruined my fifties.", Permanent),
        ("The back pain has crept into the rest of my life.", Pervasive),
        ("I don't get any joy from music, cooking or my garden now.", Pervasive),
        ("Honestly it drains the fun out of everything.", Pervasive),
        ("I hate how selfish I've become.", Personal),
        ("Who'd want a grump like me around?", Personal),
        ("I'm the laziest person on this ward.", Personal),
        ("I keep letting my team down.", Personal),
        ("The acupuncture was pointless.", Helpless),
        ("I'm out of ideas with this hip.", Helpless),
        ("What difference would one more specialist make.", Helpless),
        ("The injections don't work on me.", Helpless),
    ] {
        assert!(dims(text).contains(&dim), "{text}: {:?}", dims(text));
    }
    for text in [
        "I'm stuck with the school run until Friday.",
        "The new tablets don't help with sleep but the pain is easing.",
        "The rain ruined my whole afternoon in the garden.",
        "I'm not going anywhere today, too wet.",
        "I feel weak after the infusion, normal for day one.",
    ] {
        let d = dims(text);
        assert!(!d.iter().any(|x| matches!(x, Permanent | Pervasive | Personal | Helpless)), "{text}: {d:?}");
    }
}
