//! A member's data as a FHIR R4 `Bundle` (type `collection`): a pseudonymous `Patient`, an
//! `Observation` per diary rating, a `QuestionnaireResponse` (and its score as an
//! `Observation`) per questionnaire answered, and a `Provenance` saying Foothold made it on the
//! member's behalf. Codes are LOINC where LOINC has one and Foothold's own CodeSystem
//! (docs/FHIR.md) where it does not. Checked in CI by an independent FHIR library.

use crate::checkin::{Ratings, Score};
use crate::questionnaire::{Answers, ItemKind, Questionnaire, Value as AnswerValue};
use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use serde_json::{json, Value};

pub const LOINC: &str = "http://loinc.org";
/// Foothold's codes for what LOINC has no code for (mood, sleep, felt control, scores).
pub const DIARY_SYSTEM: &str = "urn:foothold:diary";
pub const SCORE_SYSTEM: &str = "urn:foothold:questionnaire-score";
const CATEGORY_SYSTEM: &str = "http://terminology.hl7.org/CodeSystem/observation-category";

/// The diary's ratings and their codes: (system, code, display).
const RATINGS: [(&str, &str, &str); 7] = [
    (LOINC, "72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported"),
    (LOINC, "75893-8", "Pain on average (PEG item 1)"),
    (LOINC, "91145-3", "Pain interference with enjoyment of life (PEG item 2)"),
    (LOINC, "91146-1", "Pain interference with general activity (PEG item 3)"),
    (DIARY_SYSTEM, "mood", "Mood, 0-10"),
    (DIARY_SYSTEM, "sleep", "Sleep quality, 0-10"),
    (DIARY_SYSTEM, "control", "Felt control over pain, 0-10"),
];
const PEG_SCORE: (&str, &str, &str) = (LOINC, "91147-9", "Mean score [PEG]");
/// A day the member marked as a flare; only such days get one (a day without it says nothing).
const FLARE: (&str, &str, &str) = (DIARY_SYSTEM, "flare", "Pain flare day, as the member marked it");

fn ratings_of(r: &Ratings) -> [Option<Score>; 7] {
    [r.pain, r.peg_pain, r.peg_enjoyment, r.peg_activity, r.mood, r.sleep, r.control]
}

/// A questionnaire answered, with everything the export says about it.
pub struct Response<'a> {
    pub id: i64,
    pub questionnaire: &'a Questionnaire,
    pub answers: &'a Answers,
    pub authored: DateTime<Utc>,
}

/// Builds the bundle's entries one by one, giving each a `urn:uuid` full URL made from the
/// patient's key and a counter, so references resolve inside the bundle and two exports of
/// the same data are the same.
struct Builder {
    key: [u8; 8],
    entries: Vec<Value>,
    targets: Vec<Value>,
}

impl Builder {
    fn uuid(&self, n: u64) -> String {
        let k = u64::from_be_bytes(self.key);
        // Version 8 (custom) and the RFC 9562 variant; the rest is the key and the counter.
        format!(
            "{:08x}-{:04x}-8{:03x}-{:04x}-{:012x}",
            k >> 32,
            (k >> 16) & 0xffff,
            k & 0xfff,
            0x8000 | ((n >> 48) & 0x3fff),
            n & 0xffff_ffff_ffff
        )
    }

    fn add(&mut self, resource: Value) -> String {
        let url = format!("urn:uuid:{}", self.uuid(self.entries.len() as u64));
        self.targets.push(json!({ "reference": url }));
        self.entries.push(object([("fullUrl", Value::String(url.clone())), ("resource", resource)]));
        url
    }
}

/// An object from values moved in: `json!` would copy each value through serde, which for
/// the bundle's thousands of entries cost most of the export's time.
fn object<const N: usize>(pairs: [(&str, Value); N]) -> Value {
    Value::Object(pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
}

/// Adds `key: value` to a resource made with `json!`, without copying `value`.
fn with(mut resource: Value, key: &str, value: Value) -> Value {
    if let Some(map) = resource.as_object_mut() {
        map.insert(key.to_string(), value);
    }
    resource
}

fn coding((system, code, display): (&str, &str, &str)) -> Value {
    json!({ "system": system, "code": code, "display": display })
}

fn observation(patient: &str, code: Value, effective: &str, value: (&str, Value)) -> Value {
    let o = json!({
        "resourceType": "Observation",
        "status": "final",
        "category": [{ "coding": [{ "system": CATEGORY_SYSTEM, "code": "survey", "display": "Survey" }] }],
        "subject": { "reference": patient },
        "effectiveDateTime": effective,
    });
    with(with(o, "code", object([("coding", Value::Array(vec![code]))])), value.0, value.1)
}

fn instant(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// The score as a quantity without a unit, as FHIR writes scores.
fn score_quantity(value: f64) -> (&'static str, Value) {
    (
        "valueQuantity",
        json!({ "value": (value * 1000.0).round() / 1000.0, "system": "http://unitsofmeasure.org", "code": "{score}", "unit": "score" }),
    )
}

/// The whole bundle. `key` identifies the member without naming them (see the web layer);
/// `diary` holds each day's ratings and whether the member marked it as a flare.
pub fn bundle(
    key: [u8; 8],
    diary: &[(NaiveDate, Ratings, bool)],
    responses: &[Response<'_>],
    made: DateTime<Utc>,
    software: &str,
) -> Value {
    let mut b = Builder { key, entries: Vec::new(), targets: Vec::new() };
    let pseudonym = b.uuid(u64::MAX >> 16);
    let patient = b.add(json!({
        "resourceType": "Patient",
        "id": pseudonym,
        "meta": { "tag": [{ "system": "http://terminology.hl7.org/CodeSystem/v3-ObservationValue", "code": "PSEUDED", "display": "pseudonymized" }] },
    }));
    for (day, ratings, flare) in diary {
        let effective = day.to_string();
        for (score, code) in ratings_of(ratings).into_iter().zip(RATINGS) {
            if let Some(s) = score {
                b.add(observation(&patient, coding(code), &effective, ("valueInteger", json!(s.value()))));
            }
        }
        if let Some(peg) = ratings.peg() {
            b.add(observation(&patient, coding(PEG_SCORE), &effective, score_quantity(peg)));
        }
        if *flare {
            b.add(observation(&patient, coding(FLARE), &effective, ("valueBoolean", Value::Bool(true))));
        }
    }
    for r in responses {
        let q = r.questionnaire;
        let response = b.add(questionnaire_response(&patient, r));
        if let (Some(scoring), Some(scored)) = (&q.scoring, q.score(r.answers)) {
            let code = match &scoring.code {
                Some(c) => {
                    json!({ "system": c.system, "code": c.code, "display": c.display.clone().unwrap_or_else(|| format!("{} score", q.title)) })
                }
                None => {
                    json!({ "system": SCORE_SYSTEM, "code": q.id, "display": format!("{} score", q.title) })
                }
            };
            let mut o = observation(&patient, code, &instant(r.authored), score_quantity(scored.value));
            o = with(o, "derivedFrom", json!([{ "reference": response }]));
            if let Some(band) = scored.band {
                o = with(o, "interpretation", json!([{ "text": band.label }]));
            }
            b.add(o);
        }
    }
    let targets = std::mem::take(&mut b.targets);
    let provenance = json!({
        "resourceType": "Provenance",
        "recorded": instant(made),
        "agent": [{
            "type": { "coding": [{ "system": "http://terminology.hl7.org/CodeSystem/provenance-participant-type", "code": "author", "display": "Author" }] },
            "who": { "reference": patient },
        }],
        "entity": [{ "role": "source", "what": { "display": software } }],
    });
    b.add(with(provenance, "target", Value::Array(targets)));
    object([
        ("resourceType", "Bundle".into()),
        ("type", "collection".into()),
        ("timestamp", instant(made).into()),
        ("entry", Value::Array(b.entries)),
    ])
}

fn questionnaire_response(patient: &str, r: &Response<'_>) -> Value {
    let q = r.questionnaire;
    let items: Vec<Value> = r
        .answers
        .as_slice()
        .iter()
        .filter_map(|a| {
            let item = q.items.iter().find(|i| i.link_id == a.link_id)?;
            let answer = match (&item.kind, &a.value) {
                (ItemKind::Choice(options), AnswerValue::Code(code)) => {
                    let o = options.iter().find(|o| &o.coding.code == code)?;
                    json!({ "valueCoding": o.coding })
                }
                (_, AnswerValue::Integer(n)) => json!({ "valueInteger": n }),
                _ => return None,
            };
            Some(json!({ "linkId": a.link_id, "text": item.text, "answer": [answer] }))
        })
        .collect();
    json!({
        "resourceType": "QuestionnaireResponse",
        "id": format!("qr-{}", r.id),
        "questionnaire": format!("{}|{}", q.url, q.version),
        "status": "completed",
        "subject": { "reference": patient },
        "authored": instant(r.authored),
        "item": items,
    })
}
