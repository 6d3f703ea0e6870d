//! Questionnaires over HTTP on both databases: the form (every problem at once, input kept),
//! the score with its band and meaningful change, PHQ-9 item 9 going to the support panel,
//! the schedule offered on the home page, the API, and the FHIR R4 export read by an
//! independent FHIR library (Python `fhir.resources`, through scripts/check-fhir.py).

use crate::common::{apps, browser, checker_python, config, crisis_config, hidden_value, TestApp};
use chrono::{Duration, Utc};
use reqwest::Client;
use serde_json::{json, Value};
use std::collections::HashSet;

const PW: &str = "a calm long passphrase";

/// Runs scripts/check-fhir.py on the bundle (and on every questionnaire file we ship).
fn check_fhir(python: &str, bundle: &Value) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bundle.json");
    std::fs::write(&file, bundle.to_string()).unwrap();
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let mut cmd = std::process::Command::new(python);
    cmd.arg(format!("{root}/scripts/check-fhir.py")).arg(&file);
    for entry in std::fs::read_dir(format!("{root}/content/questionnaires/en")).unwrap() {
        cmd.arg(entry.unwrap().path());
    }
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "check-fhir: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Posts the PHQ-9 page's form with these answers (link id → option code).
async fn answer_page(
    app: &TestApp,
    c: &Client,
    answers: &[(&str, &str)],
    nonce: Option<&str>,
) -> reqwest::Response {
    let page = app.get(c, "/questionnaires/phq-9").await.text().await.unwrap();
    let nonce = nonce.map_or_else(|| hidden_value(&page, "nonce"), str::to_owned);
    let mut form = vec![("csrf".to_string(), hidden_value(&page, "csrf")), ("nonce".to_string(), nonce)];
    form.extend(answers.iter().map(|(k, v)| (format!("a-{k}"), (*v).to_string())));
    c.post(app.url("/questionnaires/phq-9")).form(&form).send().await.unwrap()
}

const NOT_AT_ALL: &str = "LA6568-5";
const SEVERAL_DAYS: &str = "LA6569-3";
const MORE_THAN_HALF: &str = "LA6570-1";

fn phq9(first_eight: &str, ninth: &str) -> Vec<(&'static str, String)> {
    let links = ["q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8"];
    let mut all: Vec<(&'static str, String)> = links.iter().map(|l| (*l, first_eight.to_string())).collect();
    all.push(("q9", ninth.to_string()));
    all
}

fn pairs<'a>(v: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    v.iter().map(|(k, s)| (*k, s.as_str())).collect()
}

#[tokio::test]
async fn answering_on_the_page_scores_compares_and_offers_support_for_item_nine() {
    let mut cfg = config();
    cfg.crisis = crisis_config();
    for app in apps(cfg).await {
        let c = browser();
        app.register(&c, "Asker", PW).await;
        let list = app.get(&c, "/questionnaires").await.text().await.unwrap();
        for title in ["PHQ-9", "GAD-7", "PEG", "Self-compassion", "Loneliness"] {
            assert!(list.contains(title), "{title} is listed");
        }

        // Two answers only: every missing one is named, and what was chosen is kept.
        let r = answer_page(&app, &c, &[("q1", SEVERAL_DAYS), ("q2", "nonsense")], None).await;
        assert_eq!(r.status(), 422);
        let page = r.text().await.unwrap();
        assert!(
            page.contains("Please choose one of the answers shown.") && page.contains("href=\"#q9\""),
            "{page}"
        );
        assert_eq!(
            page.matches("Please choose an answer.").count(),
            7 + 7,
            "in the summary and beside each of q3–q9"
        );
        assert!(
            page.contains(&format!("name=\"a-q1\" value=\"{SEVERAL_DAYS}\" required checked")),
            "the answer is kept"
        );

        // 8 × "more than half the days" = 16, and "several days" on item 9: 17, with support.
        let first = phq9(MORE_THAN_HALF, SEVERAL_DAYS);
        let page = app.get(&c, "/questionnaires/phq-9").await.text().await.unwrap();
        let nonce = hidden_value(&page, "nonce");
        let r = answer_page(&app, &c, &pairs(&first), Some(&nonce)).await;
        assert_eq!(r.status(), 303);
        let to = r.headers()["location"].to_str().unwrap().to_owned();
        assert!(to.contains("support=crisis"), "{to}");
        let again = answer_page(&app, &c, &pairs(&first), Some(&nonce)).await;
        assert_eq!(again.status(), 303, "the same form twice");
        let shown = app.get(&c, &to).await.text().await.unwrap();
        assert!(shown.contains("Thank you for answering honestly"), "the support panel comes first");
        assert!(shown.find("support-title").unwrap() < shown.find("Your score").unwrap());
        assert!(shown.contains("Your score: 17") && shown.contains("Moderately severe"));
        assert!(shown.contains("worth talking over with your clinician"));
        assert!(shown.contains("This is your first answer"));

        // 8 × "several days", item 9 "not at all": 8, a meaningful change (≥ 5) for the better.
        let r = answer_page(&app, &c, &pairs(&phq9(SEVERAL_DAYS, NOT_AT_ALL)), None).await;
        let to = r.headers()["location"].to_str().unwrap().to_owned();
        assert!(!to.contains("support"), "no support panel without item 9");
        let shown = app.get(&c, &to).await.text().await.unwrap();
        assert!(shown.contains("Your score: 8") && shown.contains("Mild"), "{shown}");
        assert!(shown.contains("meaningful change for the better since last time"));
        assert_eq!(shown.matches("<tr><td>").count(), 2, "two answers in the history, not three");
    }
}

#[tokio::test]
async fn a_scheduled_questionnaire_is_offered_after_the_check_in_until_not_now() {
    for app in apps(config()).await {
        let c = browser();
        app.register(&c, "Planner", PW).await;
        let r = app
            .submit(&c, "/questionnaires/gad-7", "/questionnaires/gad-7/schedule", &[("every", "28")])
            .await;
        assert_eq!(r.status(), 303);
        let home = app.get(&c, "/").await.text().await.unwrap();
        assert!(!home.contains("A short questionnaire is ready"), "not before the day's check-in");
        let today = Utc::now().date_naive().to_string();
        let r = app.submit(&c, "/checkin", "/checkin", &[("day", &today), ("pain", "5")]).await;
        assert_eq!(r.status(), 303);
        let home = app.get(&c, "/").await.text().await.unwrap();
        assert!(home.contains("A short questionnaire is ready when you are: GAD-7"), "{home}");
        let r = app.submit(&c, "/", "/questionnaires/gad-7/schedule", &[("action", "snooze")]).await;
        assert_eq!(r.status(), 303);
        let home = app.get(&c, "/").await.text().await.unwrap();
        assert!(!home.contains("A short questionnaire is ready"), "not now means not now");
        let r = app
            .submit(&c, "/questionnaires/gad-7", "/questionnaires/gad-7/schedule", &[("every", "5")])
            .await;
        assert_eq!(r.status(), 400, "only the periods offered");
        let r = app
            .submit(
                &c,
                "/questionnaires/gad-7",
                "/questionnaires/gad-7/schedule",
                &[("every", "28"), ("action", "stop")],
            )
            .await;
        assert_eq!(r.status(), 303);
        let me = app
            .store
            .user_by_handle(&foothold_core::account::Handle::parse("Planner").unwrap())
            .await
            .unwrap();
        assert!(app.store.schedules(me.id).await.unwrap().is_empty());
    }
}

#[tokio::test]
async fn the_api_answers_and_the_fhir_export_is_valid_r4() {
    let python = checker_python("FOOTHOLD_FHIR_PYTHON", "fhir.resources");
    for app in apps(config()).await {
        let c = browser();
        let csrf = app.api_login(&c, "FhirMember", PW).await;
        let post =
            |path: &str, body: Value| c.post(app.url(path)).header("x-csrf-token", &csrf).json(&body).send();
        let list: Value = app.get(&c, "/api/v1/questionnaires").await.json().await.unwrap();
        assert_eq!(list.as_array().unwrap().len(), 7);
        let file: Value = app.get(&c, "/api/v1/questionnaires/peg-3").await.json().await.unwrap();
        assert_eq!(
            (file["resourceType"].as_str(), file["item"].as_array().map(Vec::len)),
            (Some("Questionnaire"), Some(3))
        );

        let r = post(
            "/api/v1/questionnaires/peg-3/responses",
            json!({"answers": {"q1": 11, "q2": "x", "q4": 3}}),
        )
        .await
        .unwrap();
        assert_eq!(r.status(), 422);
        let body: Value = r.json().await.unwrap();
        let fields: HashSet<(String, String)> = body["error"]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| (f["field"].as_str().unwrap().to_owned(), f["code"].as_str().unwrap().to_owned()))
            .collect();
        for (field, code) in [
            ("q1", "answer-out-of-range"),
            ("q2", "answer-out-of-range"),
            ("q3", "answer-missing"),
            ("q4", "answer-unknown-question"),
        ] {
            assert!(fields.contains(&(field.to_owned(), code.to_owned())), "{field} {code}: {body}");
        }
        assert!(app
            .get(&c, "/api/v1/questionnaires/peg-3/responses")
            .await
            .json::<Value>()
            .await
            .unwrap()
            .as_array()
            .unwrap()
            .is_empty());

        let r = post(
            "/api/v1/questionnaires/peg-3/responses",
            json!({"nonce": "peg-1", "answers": {"q1": 6, "q2": 6, "q3": 6}}),
        )
        .await
        .unwrap();
        assert_eq!(r.status(), 201);
        let r = post(
            "/api/v1/questionnaires/peg-3/responses",
            json!({"nonce": "peg-2", "answers": {"q1": 4, "q2": 4, "q3": 4}}),
        )
        .await
        .unwrap();
        let body: Value = r.json().await.unwrap();
        assert_eq!(
            (body["response"]["score"].as_f64(), body["response"]["change"].as_str()),
            (Some(4.0), Some("better")),
            "6 → 4 is 33 %"
        );
        assert!(body["support"].is_null());

        let mut phq: serde_json::Map<String, Value> =
            (1..=9).map(|n| (format!("q{n}"), json!(NOT_AT_ALL))).collect();
        phq.insert("q9".into(), json!(MORE_THAN_HALF));
        let r = post("/api/v1/questionnaires/phq-9/responses", json!({"answers": phq})).await.unwrap();
        let body: Value = r.json().await.unwrap();
        assert_eq!(
            (body["response"]["score"].as_f64(), body["support"]["level"].as_str()),
            (Some(2.0), Some("crisis")),
            "{body}"
        );

        let r = c
            .put(app.url("/api/v1/questionnaires/phq-9/schedule"))
            .header("x-csrf-token", &csrf)
            .json(&json!({"every_days": 400}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 422);
        let r = c
            .put(app.url("/api/v1/questionnaires/phq-9/schedule"))
            .header("x-csrf-token", &csrf)
            .json(&json!({"every_days": 30}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 204);

        let days = 3;
        for d in 0..days {
            let day = Utc::now().date_naive() - Duration::days(d);
            let r = c
                .put(app.url(&format!("/api/v1/checkins/{day}")))
                .header("x-csrf-token", &csrf)
                .json(&json!({"pain": 5, "peg_pain": 6, "peg_enjoyment": 3, "peg_activity": 6, "mood": 4, "flare": d == 0, "version": null}))
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), 200);
        }
        let r = app.get(&c, "/api/v1/export/fhir").await;
        assert_eq!(r.headers()["content-type"], "application/fhir+json");
        let bundle: Value = r.json().await.unwrap();
        let entries = bundle["entry"].as_array().unwrap();
        let count = |kind: &str| entries.iter().filter(|e| e["resource"]["resourceType"] == kind).count();
        // Per day: pain, three PEG items, mood, and the PEG score; the flare day a flare. Per
        // response: it and its score.
        assert_eq!(count("Observation"), days as usize * 6 + 1 + 3);
        let flares: Vec<&Value> =
            entries.iter().filter(|e| e["resource"]["code"]["coding"][0]["code"] == "flare").collect();
        assert_eq!(flares.len(), 1, "only the day marked as a flare");
        assert_eq!(flares[0]["resource"]["valueBoolean"], true);
        assert_eq!(flares[0]["resource"]["effectiveDateTime"], Utc::now().date_naive().to_string());
        assert_eq!((count("Patient"), count("QuestionnaireResponse"), count("Provenance")), (1, 3, 1));
        let urls: HashSet<&str> = entries.iter().map(|e| e["fullUrl"].as_str().unwrap()).collect();
        assert_eq!(urls.len(), entries.len(), "every fullUrl is unique");
        let text = bundle.to_string();
        for reference in text.split("\"reference\":\"").skip(1).map(|s| s.split('"').next().unwrap()) {
            assert!(urls.contains(reference), "{reference} resolves inside the bundle");
        }
        assert!(!text.contains("FhirMember"), "the patient is pseudonymous");
        let pain = entries.iter().find(|e| e["resource"]["code"]["coding"][0]["code"] == "72514-3").unwrap();
        assert_eq!(pain["resource"]["valueInteger"], 5);
        if let Some(python) = &python {
            let summary = check_fhir(python, &bundle);
            assert_eq!(summary["resources"].as_u64(), Some(entries.len() as u64 + 7), "{summary}");
        }

        // Nobody else's.
        let other = browser();
        other
            .post(app.url("/api/v1/accounts"))
            .json(&json!({"handle": "Other", "password": PW}))
            .send()
            .await
            .unwrap();
        other
            .post(app.url("/api/v1/sessions"))
            .json(&json!({"handle": "Other", "password": PW}))
            .send()
            .await
            .unwrap();
        let theirs: Value =
            app.get(&other, "/api/v1/questionnaires/peg-3/responses").await.json().await.unwrap();
        assert!(theirs.as_array().unwrap().is_empty());
        let bundle: Value = app.get(&other, "/api/v1/export/fhir").await.json().await.unwrap();
        assert_eq!(bundle["entry"].as_array().unwrap().len(), 2, "their Patient and Provenance only");
    }
}
