//! The FHIR export of three years: 1,095 days of all seven ratings, a PEG every two weeks and
//! a PHQ-9 every four (about 8,000 resources), built and written as JSON.
//! `cargo bench -p foothold-core --bench fhir`

use chrono::{Duration, TimeZone, Utc};
use criterion::{criterion_group, criterion_main, Criterion};
use foothold_core::fhir::{bundle, Response};
use foothold_core::questionnaire::parse;
use foothold_core::simulate::wide_diary;

fn bench(c: &mut Criterion) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../content/questionnaires/en/");
    let read = |id: &str| parse(&std::fs::read_to_string(format!("{dir}{id}.json")).unwrap_or_default()).ok();
    let (Some(peg), Some(phq)) = (read("peg-3"), read("phq-9")) else { return };
    let diary: Vec<_> =
        wide_diary(3 * 365, 10, 3).days.into_iter().map(|d| (d.date, d.ratings, false)).collect();
    let start = Utc.with_ymd_and_hms(2023, 1, 1, 19, 0, 0).single().unwrap_or_default();
    let peg_answers =
        peg.check(&[("q1", "5"), ("q2", "4"), ("q3", "6")].map(|(l, v)| (l.to_string(), v.to_string()))).ok();
    let phq_raw: Vec<(String, String)> = (1..=9).map(|i| (format!("q{i}"), "LA6569-3".to_string())).collect();
    let phq_answers = phq.check(&phq_raw).ok();
    let (Some(peg_answers), Some(phq_answers)) = (peg_answers, phq_answers) else { return };
    let mut responses = Vec::new();
    for n in 0..(3 * 26) {
        responses.push(Response {
            id: n,
            questionnaire: &peg,
            answers: &peg_answers,
            authored: start + Duration::weeks(2 * n),
        });
        if n % 2 == 0 {
            responses.push(Response {
                id: 1000 + n,
                questionnaire: &phq,
                answers: &phq_answers,
                authored: start + Duration::weeks(2 * n),
            });
        }
    }
    c.bench_function("fhir: 3 years of diary and questionnaires, to JSON", |b| {
        b.iter(|| {
            serde_json::to_vec(&bundle([7; 8], &diary, &responses, start, "Foothold bench")).map(|v| v.len())
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
