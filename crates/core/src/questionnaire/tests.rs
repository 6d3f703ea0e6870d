#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]
use super::*;

macro_rules! file {
    ($id:literal) => {
        (
            $id,
            include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../content/questionnaires/en/",
                $id,
                ".json"
            )),
        )
    };
}

const FILES: [(&str, &str); 7] = [
    file!("peg-3"),
    file!("phq-9"),
    file!("phq-2"),
    file!("gad-7"),
    file!("gad-2"),
    file!("scs-sf"),
    file!("ucla-3"),
];

fn load(id: &str) -> Questionnaire {
    let (_, json) = FILES.iter().find(|(i, _)| *i == id).unwrap();
    parse(json).unwrap()
}

/// Answers that give each scored item the option with the given ordinal.
fn by_ordinals(q: &Questionnaire, values: &[f64]) -> Answers {
    let raw: Vec<(String, String)> = q
        .items
        .iter()
        .filter(|i| i.is_scored())
        .zip(values)
        .map(|(item, v)| {
            let text = match &item.kind {
                ItemKind::Choice(options) => {
                    options.iter().find(|o| o.ordinal == Some(*v)).unwrap().coding.code.clone()
                }
                _ => format!("{v}"),
            };
            (item.link_id.clone(), text)
        })
        .collect();
    q.check(&raw).unwrap()
}

/// Answers whose sum is `total`, filling the items in order (each up to `top`).
fn summing(q: &Questionnaire, total: u32, top: u32) -> Answers {
    let n = q.items.iter().filter(|i| i.is_scored()).count();
    let mut left = total;
    let values: Vec<f64> = (0..n)
        .map(|_| {
            let v = left.min(top);
            left -= v;
            f64::from(v)
        })
        .collect();
    assert_eq!(left, 0, "{total} is more than the items can reach");
    by_ordinals(q, &values)
}

#[test]
fn every_shipped_questionnaire_reads_and_is_named_after_its_file() {
    for (id, json) in FILES {
        let q = parse(json).unwrap_or_else(|e| panic!("{id}: {e}"));
        assert_eq!(q.id, id);
        assert!(!q.copyright.is_empty() && q.every_days.is_some(), "{id}");
        assert!(q.scoring.is_some(), "{id} is scored");
    }
}

#[test]
fn phq9_bands_at_every_boundary() {
    let q = load("phq-9");
    for (total, band) in [
        (0, "minimal"),
        (4, "minimal"),
        (5, "mild"),
        (9, "mild"),
        (10, "moderate"),
        (14, "moderate"),
        (15, "moderately-severe"),
        (19, "moderately-severe"),
        (20, "severe"),
        (27, "severe"),
    ] {
        let scored = q.score(&summing(&q, total, 3)).unwrap();
        assert_eq!(scored.value, f64::from(total));
        assert_eq!(scored.band.unwrap().code, band, "PHQ-9 {total}");
    }
}

#[test]
fn gad7_bands_at_every_boundary() {
    let q = load("gad-7");
    for (total, band) in [
        (0, "minimal"),
        (4, "minimal"),
        (5, "mild"),
        (9, "mild"),
        (10, "moderate"),
        (14, "moderate"),
        (15, "severe"),
        (21, "severe"),
    ] {
        assert_eq!(q.score(&summing(&q, total, 3)).unwrap().band.unwrap().code, band, "GAD-7 {total}");
    }
}

#[test]
fn two_item_screens_turn_at_three() {
    for id in ["phq-2", "gad-2"] {
        let q = load(id);
        for (total, band, flag) in
            [(0, "below", false), (2, "below", false), (3, "above", true), (6, "above", true)]
        {
            let b = q.score(&summing(&q, total, 3)).unwrap().band.unwrap();
            assert_eq!((b.code.as_str(), b.flag), (band, flag), "{id} {total}");
        }
    }
}

#[test]
fn peg_is_the_mean_and_a_30_percent_change_is_meaningful() {
    let q = load("peg-3");
    let scored = q.score(&by_ordinals(&q, &[3.0, 4.0, 6.0])).unwrap();
    assert!((scored.value - 13.0 / 3.0).abs() < 1e-12);
    assert_eq!(q.format_score(scored.value), "4.3");
    assert_eq!(q.trend(6.0, 4.2), Trend::Better);
    assert_eq!(q.trend(6.0, 4.3), Trend::Steady);
    assert_eq!(q.trend(6.0, 7.8), Trend::Worse);
    assert_eq!(q.trend(0.0, 0.0), Trend::Steady);
    assert_eq!(q.trend(0.0, 1.0), Trend::Worse, "from no pain, any rise is more than 30 %");
}

#[test]
fn phq9_and_gad7_change_by_points() {
    let phq = load("phq-9");
    assert_eq!(phq.trend(15.0, 10.0), Trend::Better);
    assert_eq!(phq.trend(15.0, 11.0), Trend::Steady);
    assert_eq!(phq.trend(10.0, 15.0), Trend::Worse);
    let gad = load("gad-7");
    assert_eq!(gad.trend(12.0, 8.0), Trend::Better);
    assert_eq!(gad.trend(12.0, 9.0), Trend::Steady);
    assert_eq!(load("ucla-3").trend(9.0, 3.0), Trend::Steady, "no threshold, no claim");
}

#[test]
fn self_compassion_reverses_its_negative_items_and_higher_is_better() {
    let q = load("scs-sf");
    let all = |code: &str| {
        q.check(&q.questions().map(|i| (i.link_id.clone(), code.to_string())).collect::<Vec<_>>()).unwrap()
    };
    // Six items are reversed, so answering the same everywhere lands in the middle.
    assert_eq!(q.score(&all("almost-never")).unwrap().value, 3.0);
    assert_eq!(q.score(&all("almost-always")).unwrap().value, 3.0);
    let reversed = [1, 4, 8, 9, 11, 12];
    let kind: Vec<(String, String)> = q
        .questions()
        .enumerate()
        .map(|(n, i)| {
            (
                i.link_id.clone(),
                if reversed.contains(&(n + 1)) { "almost-never" } else { "almost-always" }.to_string(),
            )
        })
        .collect();
    let scored = q.score(&q.check(&kind).unwrap()).unwrap();
    assert_eq!((scored.value, scored.band.unwrap().code.as_str()), (5.0, "high"));
    assert_eq!(q.score(&by_ordinals(&q, &[2.0; 12])).unwrap().band.unwrap().code, "low");
    assert_eq!(
        q.score(&by_ordinals(&q, &[2.0, 3.0].repeat(6))).unwrap().band.unwrap().code,
        "moderate",
        "2.5 exactly"
    );
    assert_eq!(q.trend(2.0, 3.0), Trend::Steady);
}

#[test]
fn ucla3_sums_one_to_three_per_item() {
    let q = load("ucla-3");
    assert_eq!(q.score(&by_ordinals(&q, &[1.0, 1.0, 1.0])).unwrap().band.unwrap().code, "less-often");
    assert_eq!(q.score(&by_ordinals(&q, &[2.0, 2.0, 1.0])).unwrap().band.unwrap().code, "less-often");
    let often = q.score(&by_ordinals(&q, &[2.0, 2.0, 2.0])).unwrap();
    assert_eq!((often.value, often.band.unwrap().code.as_str()), (6.0, "more-often"));
}

#[test]
fn phq9_item_nine_above_zero_needs_support() {
    let q = load("phq-9");
    let mut values = [0.0; 9];
    assert!(!q.needs_support(&by_ordinals(&q, &values)));
    values[8] = 1.0;
    assert!(q.needs_support(&by_ordinals(&q, &values)), "'several days' on item 9");
    let mut others = [3.0; 9];
    others[8] = 0.0;
    assert!(!q.needs_support(&by_ordinals(&q, &others)), "a high score alone is not item 9");
}

#[test]
fn every_problem_with_the_answers_is_reported_at_once() {
    let q = load("phq-9");
    let raw: Vec<(String, String)> = vec![
        ("q1".into(), "LA6569-3".into()),
        ("q2".into(), "nonsense".into()),
        ("q3".into(), "LA6568-5".into()),
        ("q3".into(), "LA6569-3".into()),
        ("q99".into(), "LA6568-5".into()),
    ];
    let problems = q.check(&raw).unwrap_err();
    let has = |link: &str, code: &str| problems.iter().any(|p| p.link_id == link && p.code == code);
    assert!(has("q2", "answer-not-an-option"));
    assert!(has("q3", "answer-repeated"));
    assert!(has("q99", "answer-unknown-question"));
    assert!(has("q4", "answer-missing") && has("q9", "answer-missing"));
    assert!(!problems.iter().any(|p| p.link_id == "difficulty"), "the difficulty question is optional");
    let peg = load("peg-3");
    let out = peg
        .check(&[("q1".into(), "11".into()), ("q2".into(), "-1".into()), ("q3".into(), "five".into())])
        .unwrap_err();
    assert_eq!(out.iter().filter(|p| p.code == "answer-out-of-range").count(), 3);
}

#[test]
fn stored_answers_round_trip_as_json_and_are_checked_again() {
    let q = load("phq-9");
    let answers = summing(&q, 7, 3);
    let stored: Vec<Answer> = answers.clone().into();
    let json = serde_json::to_string(&stored).unwrap();
    assert!(json.starts_with(r#"[{"linkId":"q1","code":"LA6571-9"}"#), "{json}");
    let back: Vec<Answer> = serde_json::from_str(&json).unwrap();
    assert_eq!(q.recheck(&back).unwrap(), answers);
    let peg: Vec<Answer> = serde_json::from_str(
        r#"[{"linkId":"q1","integer":4},{"linkId":"q2","integer":5},{"linkId":"q3","integer":6}]"#,
    )
    .unwrap();
    assert_eq!(load("peg-3").score(&load("peg-3").recheck(&peg).unwrap()).unwrap().value, 5.0);
}

#[test]
fn a_broken_file_says_what_is_wrong() {
    let (_, phq) = file!("phq-9");
    let mut json: serde_json::Value = serde_json::from_str(phq).unwrap();
    assert_eq!(
        parse("{}").unwrap_err(),
        QuestionnaireError::Json("missing field `resourceType` at line 1 column 2".into())
    );
    assert_eq!(parse(r#"{"resourceType":"Patient"}"#).unwrap_err(), QuestionnaireError::NotAQuestionnaire);

    let mut no_mild = json.clone();
    let scoring = no_mild["extension"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|e| e["url"] == "urn:foothold:fhir:scoring")
        .unwrap();
    scoring["extension"]
        .as_array_mut()
        .unwrap()
        .retain(|e| !(e["url"] == "band" && e["extension"][2]["valueCode"] == "mild"));
    assert_eq!(
        parse(&no_mild.to_string()).unwrap_err(),
        QuestionnaireError::Bands(5.0, 0),
        "a gap in the bands"
    );

    json["item"][1]["required"] = serde_json::Value::Bool(false);
    assert_eq!(
        parse(&json.to_string()).unwrap_err(),
        QuestionnaireError::Scoring("every scored item must be required")
    );
    json["item"][1]["answerOption"] = serde_json::json!([]);
    assert_eq!(
        parse(&json.to_string()).unwrap_err(),
        QuestionnaireError::Item("q1".into(), "a choice needs at least two answer options")
    );
    json["id"] = "PHQ 9".into();
    assert_eq!(parse(&json.to_string()).unwrap_err(), QuestionnaireError::BadId("PHQ 9".into()));
}

#[test]
fn the_score_range_spans_every_answer() {
    let ranges: Vec<(f64, f64)> = ["phq-9", "gad-7", "peg-3", "scs-sf", "ucla-3"]
        .iter()
        .map(|id| load(id).score_range().unwrap())
        .collect();
    assert_eq!(ranges, [(0.0, 27.0), (0.0, 21.0), (0.0, 10.0), (1.0, 5.0), (3.0, 9.0)]);
}
