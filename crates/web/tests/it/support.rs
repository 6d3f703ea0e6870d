//! The support service on every path that takes a member's text (issue 14): the check-in
//! page and API, thought records and predictions. Crisis language gets the crisis resources,
//! acute danger the emergency number first; the text is always saved as written; a note over
//! its limit is refused before anything reads it.

use crate::common::{apps, browser, config, crisis_config, csrf_token, TestApp};
use chrono::Utc;
use reqwest::Client;
use serde_json::{json, Value};
use std::time::{Duration, Instant};

const PW: &str = "a calm long passphrase";
const CRISIS: &str = "I don't want to wake up tomorrow.";
const ACUTE: &str = "I took 30 tablets an hour ago.";

fn cfg() -> foothold_web::config::WebConfig {
    let mut c = config();
    c.crisis = crisis_config();
    c
}

async fn put_note(
    app: &TestApp,
    c: &Client,
    csrf: &str,
    day: &str,
    note: &str,
    version: Option<i64>,
) -> Value {
    let r = c
        .put(app.url(&format!("/api/v1/checkins/{day}")))
        .header("x-csrf-token", csrf)
        .json(&json!({"pain": 6, "note": note, "version": version}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    r.json().await.unwrap()
}

#[tokio::test]
async fn the_checkin_api_carries_support_in_the_members_answer() {
    for app in apps(cfg()).await {
        let c = browser();
        let csrf = app.api_login(&c, "Answered", PW).await;
        let day = Utc::now().date_naive().pred_opt().unwrap().to_string();

        let plain = put_note(&app, &c, &csrf, &day, "Walked to the shop, pain 4.", None).await;
        assert!(plain["support"].is_null(), "{plain}");

        let crisis = put_note(&app, &c, &csrf, &day, CRISIS, Some(1)).await;
        assert_eq!(crisis["note"], CRISIS, "saved as written");
        assert_eq!(crisis["support"]["level"], "crisis", "{crisis}");
        let kinds: Vec<&str> = crisis["support"]["resources"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["kind"].as_str().unwrap())
            .collect();
        assert_eq!(kinds, ["line"]);

        let acute = put_note(&app, &c, &csrf, &day, ACUTE, Some(2)).await;
        assert_eq!(acute["support"]["level"], "acute", "{acute}");
        let resources = acute["support"]["resources"].as_array().unwrap();
        assert_eq!(
            (resources[0]["kind"].as_str(), resources[0]["phone"].as_str()),
            (Some("emergency"), Some("999"))
        );
        assert_eq!(resources[1]["kind"], "poison");
        assert!(acute["support"]["message"].as_str().unwrap().contains("even if you feel fine"));

        // Reading the day again shows it again; lists do not carry it.
        let again: Value =
            c.get(app.url(&format!("/api/v1/checkins/{day}"))).send().await.unwrap().json().await.unwrap();
        assert_eq!(again["support"]["level"], "acute");
        let range = format!("/api/v1/checkins?from={day}&to={day}");
        let list: Value = c.get(app.url(&range)).send().await.unwrap().json().await.unwrap();
        assert!(list[0].get("support").is_none());
    }
}

#[tokio::test]
async fn the_checkin_page_puts_the_emergency_number_first_and_shows_it_again_on_reopening() {
    for app in apps(cfg()).await {
        let c = browser();
        app.register(&c, "Urgent", PW).await;
        let today = Utc::now().date_naive().to_string();
        let page = app.get(&c, "/checkin").await.text().await.unwrap();
        let form = [("csrf", csrf_token(&page)), ("day", today.clone()), ("note", ACUTE.into())];
        let r = c.post(app.url("/checkin")).form(&form).send().await.unwrap();
        assert_eq!(r.status(), 303, "never blocked");
        let saved = app.get(&c, &format!("/checkin?day={today}")).await.text().await.unwrap();
        assert!(saved.contains(ACUTE), "kept as written");
        let panel = saved.find(r#"class="support acute""#).expect("the acute panel");
        assert!(panel < saved.find(r#"class="checkin""#).unwrap(), "before the form");
        let tel = saved.find(r#"href="tel:999""#).expect("the emergency number");
        assert!(tel < saved.find("Poison Line").unwrap() && tel < saved.find("Test Line").unwrap());
        assert!(saved.contains("even if you feel fine"));
    }
}

#[tokio::test]
async fn a_note_over_its_limit_is_refused_before_anything_reads_it() {
    for app in apps(cfg()).await {
        let c = browser();
        app.register(&c, "Wordy", PW).await;
        let page = app.get(&c, "/checkin").await.text().await.unwrap();
        let note = format!("{CRISIS} {}", "I walked a little further today and rested after. ".repeat(1_200));
        assert!(note.len() > 60_000);
        let started = Instant::now();
        for note in [note, format!("{CRISIS} {}", "Rested. ".repeat(700))] {
            let form =
                [("csrf", csrf_token(&page)), ("day", Utc::now().date_naive().to_string()), ("note", note)];
            let r = c.post(app.url("/checkin")).form(&form).send().await.unwrap();
            assert_eq!(r.status(), 422);
            let html = r.text().await.unwrap();
            assert!(
                html.contains("at most 5,000 characters") && !html.contains(r#"class="support"#),
                "not read: {html}"
            );
        }
        assert!(started.elapsed() < Duration::from_secs(5), "{:?}", started.elapsed());
        let today = Utc::now().date_naive();
        let day = app.get(&c, &format!("/checkin?day={today}")).await.text().await.unwrap();
        assert!(!day.contains("Rested."), "nothing saved");
    }
}

/// Writes a prediction through the form; the answer's redirect says where it leads.
async fn predict(app: &TestApp, c: &Client, expected: &str) -> String {
    let page = app.get(c, "/predictions").await.text().await.unwrap();
    let nonce = page.split(r#"name="nonce" value=""#).nth(1).unwrap().split('"').next().unwrap().to_owned();
    let form = [
        ("csrf", csrf_token(&page)),
        ("nonce", nonce),
        ("activity", "The family lunch".into()),
        ("expected", expected.into()),
        ("confidence", "80".into()),
    ];
    let r = c.post(app.url("/predictions")).form(&form).send().await.unwrap();
    assert_eq!(r.status(), 303);
    r.headers()["location"].to_str().unwrap().to_owned()
}

#[tokio::test]
async fn a_prediction_in_crisis_language_opens_on_its_page_with_support() {
    for app in apps(cfg()).await {
        let c = browser();
        app.register(&c, "Foreseen", PW).await;
        let to = predict(&app, &c, "Everyone would be better off without me there, or anywhere.").await;
        assert!(to.starts_with("/predictions/"), "{to}");
        let shown = app.get(&c, &to).await.text().await.unwrap();
        assert!(shown.contains(r#"class="support""#) && shown.contains("better off without me"), "{shown}");
        let to = predict(&app, &c, "The walk will wreck my day.").await;
        assert_eq!(to, "/predictions?done=created", "no support needed");
    }
}
