//! "What helps me" over HTTP: a simulated year with known effects, imported through the
//! upload form, shows the right cards and figures on the page and in the API, and both
//! follow the diary as it changes.

use crate::common::{apps, browser, config, csrf_token};
use chrono::{Duration, Utc};
use foothold_core::{diary_csv, simulate};
use reqwest::multipart::{Form, Part};
use serde_json::{json, Value};

const PW: &str = "a calm long passphrase";

/// A simulated year (docs/DEMO.md: walking helps pain, skipped meals go with more pain)
/// ending yesterday, in the exchange format.
fn simulated_year() -> Vec<u8> {
    let yesterday = Utc::now().date_naive() - Duration::days(1);
    let mut out = Vec::new();
    diary_csv::write(&simulate::diary(11, yesterday, 365), &mut out).unwrap();
    out
}

/// The API's result for a strategy's same-day difference in pain, found by its name.
fn same_day_pain<'a>(api: &'a Value, strategy: &str) -> &'a Value {
    let names = api["strategy_names"].as_object().unwrap();
    let ids: Vec<i64> =
        names.iter().filter(|(_, name)| *name == strategy).map(|(id, _)| id.parse().unwrap()).collect();
    assert_eq!(ids.len(), 1, "one strategy named {strategy}: {names:?}");
    let results = api["results"].as_array().unwrap();
    results.iter().find(|r| r["strategy"] == ids[0] && r["outcome"] == "pain" && r["lag"] == 0).unwrap()
}

#[tokio::test]
async fn a_simulated_year_shows_its_known_effects_and_follows_changes() {
    for app in apps(config()).await {
        let c = browser();
        app.register(&c, "Finder", PW).await;

        let empty = app.get(&c, "/insights").await.text().await.unwrap();
        assert!(empty.contains("after 21 more check-ins"), "{empty}");

        let page = app.get(&c, "/diary").await.text().await.unwrap();
        let form = Form::new()
            .part("file", Part::bytes(simulated_year()).file_name("year.csv").mime_str("text/csv").unwrap())
            .text("mode", "import");
        let r = c
            .post(app.url(&format!("/diary/import?csrf={}", csrf_token(&page))))
            .multipart(form)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "{}", r.text().await.unwrap());

        let html = app.get(&c, "/insights").await.text().await.unwrap();
        let helps = &html[html.find("Goes with better days").expect("a helps section")..];
        let helps = &helps[..helps.find("</section>").unwrap()];
        assert!(helps.contains("On days you did “Walk”, your pain was about"), "{helps}");
        assert!(helps.contains("likely that this goes with better pain"));
        assert!(helps.contains(r#"class="interval""#) && helps.contains(r#"class="spread""#));
        let worse = &html[html.find("Goes with harder days").expect("a worse section")..];
        assert!(worse.contains("Skipped meals"), "the simulated harm is shown");
        assert!(html.contains("In short") && html.contains("ups and downs in your pain"));
        assert!(
            html.find("In short").unwrap() < html.find("Goes with better days").unwrap_or(usize::MAX),
            "the summary first"
        );
        assert_eq!(html.matches("cause").count(), 1, "only to say it shows no causes: {html}");
        assert!(!html.contains("−0.0") && !html.contains("+0.0"), "zero has no sign");

        let mood = app.get(&c, "/insights?outcome=mood").await.text().await.unwrap();
        assert!(mood.contains(r#"<span aria-current="page">Mood</span>"#));
        assert!(mood.contains("your mood was about"), "{mood}");

        let api: Value = c.get(app.url("/api/v1/insights")).send().await.unwrap().json().await.unwrap();
        let walk = same_day_pain(&api, "Walk");
        assert_eq!(walk["label"], "likely_helps");
        assert!(walk["estimate"].as_f64().unwrap() < 0.0);
        assert!(api["contingency"]["felt_control"]["days"].as_u64().unwrap() > 200);
        let (revision, days) = (api["revision"].as_i64().unwrap(), api["days"].as_u64().unwrap());

        // Today's check-in through the API: the next answer is of the new diary.
        let csrf = csrf_token(&app.get(&c, "/account").await.text().await.unwrap());
        let today = Utc::now().date_naive();
        let r = c
            .put(app.url(&format!("/api/v1/checkins/{today}")))
            .header("x-csrf-token", csrf)
            .json(&json!({"pain": 3, "mood": 7}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "{}", r.text().await.unwrap());
        let after: Value = c.get(app.url("/api/v1/insights")).send().await.unwrap().json().await.unwrap();
        assert!(after["revision"].as_i64().unwrap() > revision);
        assert_eq!(after["days"].as_u64().unwrap(), days + 1);
    }
}

/// Five weeks in, walking leans the better way but is not clear yet: the page says so, with
/// about how much more diary would tell, instead of a bare "no clear difference".
#[tokio::test]
async fn a_young_diary_shows_what_looks_promising_and_how_long_it_would_take() {
    for app in apps(config()).await {
        let c = browser();
        app.register(&c, "Leaning", PW).await;
        let mut csv = Vec::new();
        let yesterday = Utc::now().date_naive() - Duration::days(1);
        diary_csv::write(&simulate::leaning_diary(50, yesterday), &mut csv).unwrap();
        let page = app.get(&c, "/diary").await.text().await.unwrap();
        let form = Form::new()
            .part("file", Part::bytes(csv).file_name("weeks.csv").mime_str("text/csv").unwrap())
            .text("mode", "import");
        let url = app.url(&format!("/diary/import?csrf={}", csrf_token(&page)));
        assert_eq!(c.post(url).multipart(form).send().await.unwrap().status(), 200);

        let html = app.get(&c, "/insights").await.text().await.unwrap();
        assert!(!html.contains("Goes with better days"), "not claimed yet: {html}");
        assert!(
            html.contains("Nothing is clear yet for your pain, but “Walk” leans the better way: about "),
            "{html}"
        );
        let section =
            &html[html.find("Looking promising").unwrap_or_else(|| panic!("a promising section: {html}"))..];
        let section = &section[..section.find("</section>").unwrap()];
        assert!(section.contains("Walk (same day): about"), "{section}");
        assert!(section.contains(" more days of your diary would likely tell"), "{section}");
        assert!(section.contains(r#"class="test-it""#), "a short experiment is offered: {section}");
        let unclear = html.find("No clear difference yet").map_or("", |i| &html[i..]);
        assert!(!unclear.contains("Walk (same day)"), "one line per strategy");

        let api: Value = c.get(app.url("/api/v1/insights")).send().await.unwrap().json().await.unwrap();
        let walk = same_day_pain(&api, "Walk");
        assert_eq!(walk["label"], "no_clear_difference");
        assert!((8..=30).contains(&walk["promising"]["more_days"].as_u64().unwrap()), "{walk}");
    }
}

#[tokio::test]
async fn insights_are_only_for_their_member() {
    for app in apps(config()).await {
        let anonymous = browser();
        let r = anonymous.get(app.url("/insights")).send().await.unwrap();
        assert_eq!((r.status().as_u16(), r.headers()["location"].to_str().unwrap()), (303, "/login"));
        assert_eq!(anonymous.get(app.url("/api/v1/insights")).send().await.unwrap().status(), 401);

        let a = browser();
        app.register(&a, "Alpha", PW).await;
        let html = app.get(&a, "/checkin").await.text().await.unwrap();
        let form =
            [("csrf", csrf_token(&html)), ("day", Utc::now().date_naive().to_string()), ("pain", "4".into())];
        assert_eq!(a.post(app.url("/checkin")).form(&form).send().await.unwrap().status(), 303);
        let b = browser();
        app.register(&b, "Beta", PW).await;
        let theirs: Value = b.get(app.url("/api/v1/insights")).send().await.unwrap().json().await.unwrap();
        assert_eq!(theirs["days"], 0, "another member's diary is not mixed in");
        let mine: Value = a.get(app.url("/api/v1/insights")).send().await.unwrap().json().await.unwrap();
        assert_eq!(mine["days"], 1);
    }
}

/// A member's own "Walk" and the built-in walk share a name on the page; the analysis knows
/// them apart by id, so their opposite results never merge or swap.
#[tokio::test]
async fn two_strategies_with_one_name_stay_apart() {
    for app in apps(config()).await {
        let c = browser();
        app.register(&c, "TwoWalks", PW).await;
        let csrf = csrf_token(&app.get(&c, "/account").await.text().await.unwrap());
        let list: Value = c.get(app.url("/api/v1/strategies")).send().await.unwrap().json().await.unwrap();
        let builtin = list.as_array().unwrap().iter().find(|s| s["builtin_key"] == "walk").unwrap();
        assert_eq!(builtin["name"], "Walk");
        let builtin = builtin["id"].as_i64().unwrap();
        let r = c
            .post(app.url("/api/v1/strategies"))
            .header("x-csrf-token", &csrf)
            .json(&json!({"name": "Walk"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 201);
        let own = r.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
        assert_ne!(own, builtin);
        // The member's own walk goes with easier days, the built-in one with harder days.
        let yesterday = Utc::now().date_naive() - Duration::days(1);
        for i in 0..45i64 {
            let (pain, strategies) = match i % 3 {
                0 => (2 + i % 2, vec![own]),
                1 => (8 - i % 2, vec![builtin]),
                _ => (5, vec![]),
            };
            let day = yesterday - Duration::days(i);
            let r = c
                .put(app.url(&format!("/api/v1/checkins/{day}")))
                .header("x-csrf-token", &csrf)
                .json(&json!({"pain": pain, "strategies": strategies}))
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), 200, "{}", r.text().await.unwrap());
        }

        let api: Value = c.get(app.url("/api/v1/insights")).send().await.unwrap().json().await.unwrap();
        assert_eq!(api["strategy_names"][own.to_string()], "Walk");
        assert_eq!(api["strategy_names"][builtin.to_string()], "Walk");
        let label = |id: i64| {
            let results = api["results"].as_array().unwrap();
            let r = results.iter().find(|r| r["strategy"] == id && r["outcome"] == "pain" && r["lag"] == 0);
            r.unwrap()["label"].clone()
        };
        assert_eq!((label(own), label(builtin)), (json!("likely_helps"), json!("likely_worse")), "{api}");

        // On the page each card offers an experiment on its own strategy.
        let html = app.get(&c, "/insights").await.text().await.unwrap();
        let section = |title: &str| {
            let s = &html[html.find(title).unwrap_or_else(|| panic!("{title}: {html}"))..];
            s[..s.find("</section>").unwrap()].to_owned()
        };
        let (helps, worse) = (section("Goes with better days"), section("Goes with harder days"));
        assert!(helps.contains(&format!("/experiments/new?strategy={own}&amp;outcome=pain")), "{helps}");
        assert!(worse.contains(&format!("/experiments/new?strategy={builtin}&amp;outcome=pain")), "{worse}");
    }
}
