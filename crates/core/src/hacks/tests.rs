#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use super::*;

fn codes(r: Result<NewHack, Invalid>) -> Vec<(&'static str, &'static str)> {
    r.err().map(|e| e.problems().iter().map(|p| (p.field, p.code)).collect()).unwrap_or_default()
}

#[test]
fn a_hack_with_everything_it_needs() {
    let hack = parse_hack(
        "  Heat pad before bed ",
        "Ten minutes on the low setting.",
        "low",
        "low",
        "10",
        &["back", "back_pain", "back"],
    )
    .unwrap();
    assert_eq!(hack.thread.title, "Heat pad before bed");
    assert_eq!(hack.needs, Needs { cost: Cost::Low, effort: Effort::Low, minutes: 10 });
    // Each tag once, in the list's order (conditions first).
    assert_eq!(hack.tags, vec![Tag::BackPain, Tag::Back]);
    assert!(Tag::BackPain.is_condition() && !Tag::Back.is_condition());
}

#[test]
fn every_problem_is_reported_at_once() {
    let problems = codes(parse_hack("", "", "gold", "", "0", &["elbow"]));
    assert_eq!(
        problems,
        vec![
            ("title", "title-short"),
            ("body", "post-empty"),
            ("cost", "choose-one"),
            ("effort", "choose-one"),
            ("minutes", "hack-minutes"),
            ("tags", "choose-one"),
        ]
    );
    assert_eq!(codes(parse_hack("x", "ok", "free", "low", "601", &[])).len(), 2);
}

#[test]
fn the_title_follows_the_strategy_name_rules() {
    // It becomes a strategy in the diaries of members who try it.
    let long = "a".repeat(61);
    assert_eq!(
        codes(parse_hack(&long, "How.", "free", "low", "5", &[])),
        vec![("title", "strategy-name-too-long")]
    );
    assert_eq!(
        codes(parse_hack("Heat; then ice", "How.", "free", "low", "5", &[])),
        vec![("title", "strategy-name-semicolon")]
    );
    // A one-word body ("ok") is a hack like any other; no tags is fine.
    assert!(parse_hack("Ice", "ok", "free", "low", "600", &[]).is_ok());
}

#[test]
fn a_record_round_trips_and_is_checked_like_the_form() {
    let hack = parse_hack("Ice", "Wrapped in a towel.", "free", "low", "10", &["migraine", "head"]).unwrap();
    let record = HackRecord::of(&hack);
    let json = serde_json::to_string(&record).unwrap();
    let back: HackRecord = serde_json::from_str(&json).unwrap();
    assert_eq!(back.parse().unwrap(), hack);
    let bad = HackRecord { minutes: 0, ..record };
    assert_eq!(codes(bad.parse()), vec![("minutes", "hack-minutes")]);
    assert!(serde_json::from_str::<HackRecord>(
        r#"{"title":"x","how":"y","cost":"free","effort":"low","minutes":1,"author":"z"}"#
    )
    .is_err());
}
