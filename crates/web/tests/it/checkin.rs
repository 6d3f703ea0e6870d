//! The daily check-in over HTTP: the form (as a browser without JavaScript) and the API.

use crate::common::{apps, browser, config, csrf_token};
use chrono::{Datelike, Duration, Utc};
use serde_json::{json, Value};

const PW: &str = "a calm long passphrase";

fn today_utc() -> String {
    Utc::now().date_naive().to_string()
}

/// The value of the first checkbox whose label is `label` on a check-in page.
fn strategy_id(html: &str, label: &str) -> String {
    let end = html.find(&format!("<span>{label}</span>")).unwrap_or_else(|| panic!("no {label}"));
    let before = &html[..end];
    let start = before.rfind("value=\"").unwrap() + 7;
    before[start..].split('"').next().unwrap().to_owned()
}

#[tokio::test]
async fn a_check_in_is_saved_from_the_form_and_opens_again_for_editing() {
    for app in apps(config()).await {
        let c = browser();
        app.register(&c, "Checker", PW).await;
        let home = app.get(&c, "/").await.text().await.unwrap();
        assert!(home.contains("Check in for today") && !home.contains("check-in is saved"));
        let page = app.get(&c, "/checkin").await.text().await.unwrap();
        assert!(page.contains("Check-in: Today") && page.contains("Walk") && page.contains("Support group"));
        // What 0 and 10 mean is shown once where two scales in a row share it; screen readers
        // still hear it with each.
        for (field, hidden) in
            [("pain", false), ("peg_pain", true), ("peg_enjoyment", false), ("peg_activity", true)]
        {
            let class = if hidden { "scale-ends visually-hidden" } else { "scale-ends" };
            assert!(page.contains(&format!(r#"<p class="{class}" id="{field}-ends">"#)), "{field}");
            assert!(page.contains(&format!(r#"aria-describedby="{field}-ends""#)), "{field}");
        }
        let walk = strategy_id(&page, "Walk");
        let heat = strategy_id(&page, "Heat");
        let form = [
            ("csrf", csrf_token(&page)),
            ("day", today_utc()),
            ("version", String::new()),
            ("pain", "6".into()),
            ("peg_pain", "5".into()),
            ("mood", String::new()),
            ("control", "3".into()),
            ("strategy", walk.clone()),
            ("strategy", heat.clone()),
            ("new_strategy", "Warm bath".into()),
            ("note", "Slow morning, better after the walk.".into()),
            ("flare", "yes".into()),
        ];
        let r = c.post(app.url("/checkin")).form(&form).send().await.unwrap();
        assert_eq!(r.status(), 303);
        let to = r.headers()["location"].to_str().unwrap().to_owned();
        let page = app.get(&c, &to).await.text().await.unwrap();
        assert!(page.contains("Saved. Flare days are hard"), "a flare day is met kindly");
        assert!(page.contains(r#"name="flare" value="yes" checked"#) && page.contains("/skills/flare-plan"));
        assert!(page.contains(r#"name="pain" value="6" checked"#), "rating shown again");
        assert!(page.contains(r#"name="mood" value="" checked"#), "skipped stays skipped");
        assert!(page.contains(&format!(r#"value="{walk}" checked"#)));
        assert!(page.contains("Warm bath") && page.contains("Slow morning"));
        assert!(page.contains(r#"name="version" value="1""#));
        // The home page says the day is done, and offers to change it rather than to start.
        let home = app.get(&c, "/").await.text().await.unwrap();
        assert!(home.contains("check-in is saved. Thank you"), "{home}");
        assert!(home.contains("Change today") && !home.contains("Check in for today"));
        // The flare shows in history, as a band in the charts and a word in the table.
        let history = app.get(&c, "/history").await.text().await.unwrap();
        assert_eq!(history.matches(r#"<g class="flares"><rect"#).count(), 2, "both charts");
        assert!(
            history.contains("Shaded: a flare day")
                && history.contains(r#"<span class="flare-tag">flare</span>"#)
        );
        // Saved again without the box ticked, the day is no longer a flare.
        let page = app.get(&c, "/checkin").await.text().await.unwrap();
        let mut again: Vec<(&str, String)> = form.iter().filter(|(k, _)| *k != "flare").cloned().collect();
        for (k, v) in &mut again {
            match *k {
                "csrf" => *v = csrf_token(&page),
                "version" => *v = "1".into(),
                "new_strategy" => v.clear(),
                _ => {}
            }
        }
        let r = c.post(app.url("/checkin")).form(&again).send().await.unwrap();
        assert_eq!(r.status(), 303);
        let day: Value =
            app.get(&c, &format!("/api/v1/checkins/{}", today_utc())).await.json().await.unwrap();
        assert_eq!((day["flare"].as_bool(), day["version"].as_i64()), (Some(false), Some(2)), "{day}");
        let history = app.get(&c, "/history").await.text().await.unwrap();
        assert!(!history.contains("flare-tag") && !history.contains("Shaded: a flare day"));
    }
}

#[tokio::test]
async fn bad_check_ins_show_every_problem_keep_the_input_and_save_nothing() {
    for app in apps(config()).await {
        let c = browser();
        app.register(&c, "Careful", PW).await;
        let page = app.get(&c, "/checkin").await.text().await.unwrap();
        let tomorrow = (Utc::now().date_naive() + Duration::days(2)).to_string();
        for (field, value, message) in [
            ("pain", "11", "whole number from 0 to 10"),
            ("note", &"x".repeat(5_001), "at most 5,000 characters"),
            ("day", &tomorrow, "today or earlier"),
            ("strategy", "999999", "not in your list"),
            ("new_strategy", "a;b", "without a semicolon"),
        ] {
            let mut form = vec![("csrf", csrf_token(&page)), ("day", today_utc()), ("mood", "7".into())];
            form.retain(|(k, _)| *k != field);
            form.push((field, value.to_owned()));
            let r = c.post(app.url("/checkin")).form(&form).send().await.unwrap();
            assert_eq!(r.status(), 422, "{field}");
            let html = r.text().await.unwrap();
            assert!(html.contains(message), "{field}: {message}");
            assert!(html.contains(r#"name="mood" value="7" checked"#), "{field}: input kept");
        }
        let r = c.get(app.url(&format!("/api/v1/checkins/{}", today_utc()))).send().await.unwrap();
        assert_eq!(r.status(), 404, "nothing was saved");
    }
}

#[tokio::test]
async fn a_stale_form_never_overwrites_a_newer_save_silently() {
    for app in apps(config()).await {
        let c = browser();
        app.register(&c, "TwoTabs", PW).await;
        let tab1 = app.get(&c, "/checkin").await.text().await.unwrap();
        let tab2 = tab1.clone();
        let save = |page: &str, pain: &str| {
            let form = [
                ("csrf", csrf_token(page)),
                ("day", today_utc()),
                ("version", String::new()),
                ("pain", pain.to_owned()),
            ];
            c.post(app.url("/checkin")).form(&form).send()
        };
        assert_eq!(save(&tab1, "4").await.unwrap().status(), 303);
        let r = save(&tab2, "8").await.unwrap();
        assert_eq!(r.status(), 409);
        let html = r.text().await.unwrap();
        assert!(html.contains("saved somewhere else"));
        assert!(html.contains(r#"name="pain" value="8" checked"#), "what the member typed is kept");
        let elsewhere = html.split("The version saved elsewhere").nth(1).expect("both versions are shown");
        assert!(
            elsewhere.contains("<dt>Pain right now</dt><dd>4</dd>"),
            "the other save's pain: {elsewhere}"
        );
        let api: Value = c
            .get(app.url(&format!("/api/v1/checkins/{}", today_utc())))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(api["pain"], 4, "the earlier save is intact");
        // Saving the shown form again is now a deliberate replacement.
        let form = [
            ("csrf", csrf_token(&html)),
            ("day", today_utc()),
            ("version", "1".into()),
            ("pain", "8".into()),
        ];
        assert!(html.contains(r#"name="version" value="1""#));
        assert_eq!(c.post(app.url("/checkin")).form(&form).send().await.unwrap().status(), 303);
    }
}

#[tokio::test]
async fn the_api_creates_edits_lists_and_deletes_check_ins_with_versions() {
    for app in apps(config()).await {
        let c = browser();
        let csrf = app.api_login(&c, "ApiDiary", PW).await;
        let put = |day: &str, body: Value| {
            c.put(app.url(&format!("/api/v1/checkins/{day}")))
                .header("x-csrf-token", &csrf)
                .json(&body)
                .send()
        };
        let strategies: Value =
            c.get(app.url("/api/v1/strategies")).send().await.unwrap().json().await.unwrap();
        let walk = strategies.as_array().unwrap().iter().find(|s| s["builtin_key"] == "walk").unwrap()["id"]
            .as_i64()
            .unwrap();
        let yesterday = (Utc::now().date_naive() - Duration::days(1)).to_string();

        let r = put(&yesterday, json!({"pain": 5, "peg_pain": 6, "peg_enjoyment": 3, "peg_activity": 6, "strategies": [walk], "version": null})).await.unwrap();
        assert_eq!(r.status(), 200);
        let saved: Value = r.json().await.unwrap();
        assert_eq!(
            (saved["version"].as_i64(), saved["peg"].as_f64(), saved["mood"].is_null()),
            (Some(1), Some(5.0), true)
        );

        let stale = put(&yesterday, json!({"pain": 2, "version": null})).await.unwrap();
        assert_eq!(stale.status(), 409);
        assert_eq!(stale.json::<Value>().await.unwrap()["error"]["code"], "changed-elsewhere");
        let bad = put(&yesterday, json!({"pain": 11, "mood": 7.5, "version": 1})).await.unwrap();
        assert_eq!(bad.status(), 422);
        let codes: Vec<Value> = bad.json::<Value>().await.unwrap()["error"]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["field"].clone())
            .collect();
        assert_eq!(codes, [json!("pain"), json!("mood")]);
        let edited: Value =
            put(&yesterday, json!({"pain": 2, "version": 1})).await.unwrap().json().await.unwrap();
        assert_eq!(
            (
                edited["pain"].as_i64(),
                edited["version"].as_i64(),
                edited["strategies"].as_array().unwrap().len()
            ),
            (Some(2), Some(2), 0)
        );

        let list: Value = c
            .get(app.url(&format!("/api/v1/checkins?from={yesterday}&to={}", today_utc())))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(list.as_array().unwrap().len(), 1);
        let r = c.get(app.url("/api/v1/checkins?from=2026-01-02&to=2026-01-01")).send().await.unwrap();
        assert_eq!(r.status(), 422);

        let del = |v: i64| {
            c.delete(app.url(&format!("/api/v1/checkins/{yesterday}?version={v}")))
                .header("x-csrf-token", &csrf)
                .send()
        };
        assert_eq!(del(1).await.unwrap().status(), 409);
        assert_eq!(del(2).await.unwrap().status(), 204);
        assert_eq!(del(2).await.unwrap().status(), 404);
    }
}

#[tokio::test]
async fn members_never_see_or_use_each_others_diary() {
    for app in apps(config()).await {
        let (a, b) = (browser(), browser());
        let csrf_a = app.api_login(&a, "Private_A", PW).await;
        let csrf_b = app.api_login(&b, "Private_B", PW).await;
        let mine: Value = a
            .post(app.url("/api/v1/strategies"))
            .header("x-csrf-token", &csrf_a)
            .json(&json!({"name": "Swimming"}))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let day = today_utc();
        let r = a
            .put(app.url(&format!("/api/v1/checkins/{day}")))
            .header("x-csrf-token", &csrf_a)
            .json(&json!({"pain": 3, "note": "private"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        assert_eq!(b.get(app.url(&format!("/api/v1/checkins/{day}"))).send().await.unwrap().status(), 404);
        let r = b
            .put(app.url(&format!("/api/v1/checkins/{day}")))
            .header("x-csrf-token", &csrf_b)
            .json(&json!({"pain": 1, "strategies": [mine["id"]]}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 422, "another member's strategy id is refused");
        let theirs: Value = b.get(app.url("/api/v1/strategies")).send().await.unwrap().json().await.unwrap();
        assert!(theirs.as_array().unwrap().iter().all(|s| s["name"] != "Swimming"));
    }
}

#[tokio::test]
async fn today_is_the_members_own_date() {
    for app in apps(config()).await {
        let c = browser();
        app.register(&c, "FarEast", PW).await;
        let r = app.submit(&c, "/account", "/account/time-zone", &[("time_zone", "Mars/Olympus")]).await;
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains("time zone is not known"));
        let r =
            app.submit(&c, "/account", "/account/time-zone", &[("time_zone", "Pacific/Kiritimati")]).await;
        assert_eq!(r.status(), 303);
        let tz: chrono_tz::Tz = "Pacific/Kiritimati".parse().unwrap();
        let their_today = Utc::now().with_timezone(&tz).date_naive().to_string();
        let page = app.get(&c, "/checkin").await.text().await.unwrap();
        assert!(page.contains(&format!(r#"name="day" value="{their_today}""#)), "UTC+14: {their_today}");
    }
}

#[tokio::test]
async fn history_shows_a_chart_with_gaps_and_the_same_days_as_a_table() {
    for app in apps(config()).await {
        let c = browser();
        let csrf = app.api_login(&c, "Historian", PW).await;
        let today = Utc::now().date_naive();
        let list: Value = c.get(app.url("/api/v1/strategies")).send().await.unwrap().json().await.unwrap();
        let walk = list.as_array().unwrap().iter().find(|s| s["builtin_key"] == "walk").unwrap()["id"]
            .as_i64()
            .unwrap();
        // Two runs of days with a gap between them, and a lone day: the chart must not bridge
        // the gaps, and the lone day is a dot (a line needs two points).
        for back in [0, 1, 2, 5, 6, 40] {
            let day = (today - Duration::days(back)).to_string();
            let r = c
                .put(app.url(&format!("/api/v1/checkins/{day}")))
                .header("x-csrf-token", &csrf)
                .json(
                    &json!({"pain": (back + 2).min(10), "peg_pain": 4, "peg_enjoyment": 4, "peg_activity": 4,
                              "mood": 6, "strategies": if back < 2 { vec![walk] } else { vec![] }}),
                )
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), 200);
        }
        let html = c.get(app.url("/history")).send().await.unwrap().text().await.unwrap();
        assert!(
            html.contains("<svg")
                && html.contains(r#"role="img""#)
                && html.contains("Pain and PEG over the last 30 days")
        );
        let pain = html.split(r#"class="series pain""#).nth(1).unwrap().split("</g>").next().unwrap();
        assert_eq!(pain.matches("<polyline").count(), 2, "a gap splits the line: {pain}");
        assert_eq!(pain.matches("<circle").count(), 5, "in a month's view every day is also a dot");
        assert_eq!(html.matches(r#"<th scope="row">"#).count(), 5, "one table row per check-in");
        assert!(html.contains("5 check-ins in the last 30 days"));
        assert!(html.contains(&format!(">{}</text>", today.format("%-d %b"))), "dates under the axis");
        let quarter = c.get(app.url("/history?days=90")).send().await.unwrap().text().await.unwrap();
        let pain = quarter.split(r#"class="series pain""#).nth(1).unwrap().split("</g>").next().unwrap();
        assert_eq!((pain.matches("<polyline").count(), pain.matches("<circle").count()), (2, 1), "{pain}");
        // The page is kept per diary revision: a new check-in shows at once.
        let day = (today - Duration::days(10)).to_string();
        let r = c
            .put(app.url(&format!("/api/v1/checkins/{day}")))
            .header("x-csrf-token", &csrf)
            .json(&json!({"mood": 5}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        let again = c.get(app.url("/history")).send().await.unwrap().text().await.unwrap();
        assert!(again.contains("6 check-ins in the last 30 days"));
        let empty = app.get(&browser(), "/history").await;
        assert_eq!(empty.status(), 303, "members only");
        let r = c.get(app.url("/history?days=365")).send().await.unwrap().text().await.unwrap();
        assert!(r.contains("over the last 365 days"));
        let mood = html.split(r#"class="series mood""#).nth(1).unwrap().split("</g>").next().unwrap();
        assert_eq!(mood.matches("<polyline").count(), 2, "mood has its own chart: {mood}");
        assert!(!html.contains(r#"class="markers""#), "no markers until a strategy is chosen");
        let marked = c
            .get(app.url(&format!("/history?days=30&strategy={walk}")))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let ticks = marked.split(r#"class="markers""#).nth(1).unwrap().split("</g>").next().unwrap();
        assert_eq!(ticks.matches("<rect").count(), 2, "walk was done on two days: {ticks}");
        assert!(
            marked.contains("Days with “Walk”")
                && marked.contains(&format!(r#"<option value="{walk}" selected>"#))
        );
    }
}

#[tokio::test]
async fn a_note_in_crisis_language_is_saved_and_met_with_crisis_resources() {
    for app in apps(config()).await {
        let c = browser();
        app.register(&c, "Heard", PW).await;
        let page = app.get(&c, "/checkin").await.text().await.unwrap();
        assert!(!page.contains("have to face this alone"));
        let note = "I don't want to wake up tomorrow.";
        let form = [("csrf", csrf_token(&page)), ("day", today_utc()), ("note", note.into())];
        let r = c.post(app.url("/checkin")).form(&form).send().await.unwrap();
        assert_eq!(r.status(), 303, "never blocked");
        let to = r.headers()["location"].to_str().unwrap().to_owned();
        let saved = app.get(&c, &to).await.text().await.unwrap();
        assert!(saved.contains("Saved. Thank you") && saved.contains(note), "the note is kept as written");
        assert!(saved.contains("You don't have to face this alone") && saved.contains("emergency number"));

        // A pain idiom is not crisis language.
        let idiom = "This pain is killing me today.";
        let page = app.get(&c, "/checkin").await.text().await.unwrap();
        let form = [
            ("csrf", csrf_token(&page)),
            ("day", today_utc()),
            ("version", "1".into()),
            ("note", idiom.into()),
        ];
        let r = c.post(app.url("/checkin")).form(&form).send().await.unwrap();
        let to = r.headers()["location"].to_str().unwrap().to_owned();
        let saved = app.get(&c, &to).await.text().await.unwrap();
        assert!(saved.contains(idiom) && !saved.contains("have to face this alone"));

        // A form refused for another reason still offers help, and keeps the text.
        let form =
            [("csrf", csrf_token(&page)), ("day", today_utc()), ("pain", "11".into()), ("note", note.into())];
        let refused = c.post(app.url("/checkin")).form(&form).send().await.unwrap();
        assert_eq!(refused.status(), 422);
        let html = refused.text().await.unwrap();
        assert!(html.contains(note) && html.contains("have to face this alone"));
    }
}

#[tokio::test]
async fn strategies_are_renamed_archived_and_merged_without_losing_a_day() {
    for app in apps(config()).await {
        let c = browser();
        let csrf = app.api_login(&c, "Tidy", PW).await;
        let send = |method: reqwest::Method, path: &str, body: Value| {
            c.request(method, app.url(path)).header("x-csrf-token", &csrf).json(&body).send()
        };
        let list: Value = c.get(app.url("/api/v1/strategies")).send().await.unwrap().json().await.unwrap();
        let walk = list.as_array().unwrap().iter().find(|s| s["builtin_key"] == "walk").unwrap()["id"]
            .as_i64()
            .unwrap();
        let stroll: Value = send(reqwest::Method::POST, "/api/v1/strategies", json!({"name": "Stroll"}))
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let stroll = stroll["id"].as_i64().unwrap();
        let day = |d: i64| (Utc::now().date_naive() - Duration::days(d)).to_string();
        for (d, ids) in [(1, vec![stroll]), (2, vec![walk, stroll]), (3, vec![walk])] {
            let r = send(
                reqwest::Method::PUT,
                &format!("/api/v1/checkins/{}", day(d)),
                json!({"pain": 4, "strategies": ids}),
            )
            .await
            .unwrap();
            assert_eq!(r.status(), 200);
        }

        // Only an own strategy that no day has can be deleted; the rest say why not.
        let unused: Value = send(reqwest::Method::POST, "/api/v1/strategies", json!({"name": "Typo"}))
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let del = |id: i64| {
            c.delete(app.url(&format!("/api/v1/strategies/{id}"))).header("x-csrf-token", &csrf).send()
        };
        for (id, code) in [(stroll, "strategy-in-use"), (walk, "strategy-builtin")] {
            let r = del(id).await.unwrap();
            assert_eq!(r.status(), 409);
            let body: Value = r.json().await.unwrap();
            assert_eq!(body["error"]["code"], code);
        }
        assert_eq!(del(unused["id"].as_i64().unwrap()).await.unwrap().status(), 204);
        assert_eq!(del(unused["id"].as_i64().unwrap()).await.unwrap().status(), 404);

        let taken =
            send(reqwest::Method::PATCH, &format!("/api/v1/strategies/{stroll}"), json!({"name": "walk"}))
                .await
                .unwrap();
        assert_eq!(taken.status(), 200, "a built-in's translated name is not a taken name");
        let renamed: Value = send(
            reqwest::Method::PATCH,
            &format!("/api/v1/strategies/{stroll}"),
            json!({"name": "Evening stroll"}),
        )
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
        assert_eq!(renamed["name"], "Evening stroll");
        let archived: Value =
            send(reqwest::Method::PATCH, &format!("/api/v1/strategies/{stroll}"), json!({"archived": true}))
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
        assert_eq!(archived["archived"], true);
        let form = app.get(&c, "/checkin").await.text().await.unwrap();
        assert!(!form.contains("Evening stroll"), "archived strategies leave the form");
        let old = app.get(&c, &format!("/checkin?day={}", day(1))).await.text().await.unwrap();
        assert!(old.contains("Evening stroll"), "but stay on the days they were tagged");

        let same = send(
            reqwest::Method::POST,
            &format!("/api/v1/strategies/{stroll}/merge"),
            json!({"into": stroll}),
        )
        .await
        .unwrap();
        assert_eq!(same.status(), 422);
        let kept: Value =
            send(reqwest::Method::POST, &format!("/api/v1/strategies/{stroll}/merge"), json!({"into": walk}))
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
        assert_eq!(
            (kept["id"].as_i64(), kept["uses"].as_i64()),
            (Some(walk), Some(3)),
            "three days, day 2 once"
        );
        let days: Value = c
            .get(app.url(&format!("/api/v1/checkins?from={}&to={}", day(3), day(1))))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        for d in days.as_array().unwrap() {
            assert_eq!(d["strategies"], json!([walk]));
            assert_eq!(
                d["version"],
                if d["day"] == day(3) { 1 } else { 2 },
                "changed days get a new version"
            );
        }
        let gone =
            send(reqwest::Method::PATCH, &format!("/api/v1/strategies/{stroll}"), json!({"archived": false}))
                .await
                .unwrap();
        assert_eq!(gone.status(), 404);

        // Another member's strategy cannot be touched.
        let other = browser();
        let other_csrf = app.api_login(&other, "Other", PW).await;
        let r = other
            .patch(app.url(&format!("/api/v1/strategies/{walk}")))
            .header("x-csrf-token", other_csrf)
            .json(&json!({"name": "Mine now"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 404);
    }
}

#[tokio::test]
async fn the_activities_page_renames_with_the_form_and_explains_a_taken_name() {
    for app in apps(config()).await {
        let c = browser();
        app.register(&c, "Lister", PW).await;
        app.get(&c, "/checkin").await;
        let list = app.get(&c, "/strategies").await.text().await.unwrap();
        assert!(list.contains("Your activities") && list.contains(">Walk</a>"));
        let href = list.split("href=\"/strategies/").nth(1).unwrap().split('"').next().unwrap().to_owned();
        let page = format!("/strategies/{href}");
        let r = app.submit(&c, &page, &format!("{page}/rename"), &[("name", "Morning walk")]).await;
        assert_eq!(r.status(), 303);
        let shown = app.get(&c, r.headers()["location"].to_str().unwrap()).await.text().await.unwrap();
        assert!(shown.contains("<h1>Morning walk</h1>") && shown.contains("Renamed."));
        let other_href =
            list.split("href=\"/strategies/").nth(2).unwrap().split('"').next().unwrap().to_owned();
        let other = format!("/strategies/{other_href}");
        let r = app.submit(&c, &other, &format!("{other}/rename"), &[("name", "morning WALK")]).await;
        assert_eq!(r.status(), 409);
    }
}

#[tokio::test]
async fn the_calendar_shows_a_month_with_links_to_each_day() {
    for app in apps(config()).await {
        let c = browser();
        let csrf = app.api_login(&c, "Monthly", PW).await;
        let today = Utc::now().date_naive();
        let first = today.with_day(1).unwrap();
        for (day, pain) in [(first, 3), (today, 7)] {
            let r = c
                .put(app.url(&format!("/api/v1/checkins/{day}")))
                .header("x-csrf-token", &csrf)
                .json(&json!({"pain": pain}))
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), 200);
        }
        let html = c.get(app.url("/history/calendar")).send().await.unwrap().text().await.unwrap();
        assert!(html.contains(&format!(r#"<a href="/checkin?day={today}"><span class="date">{}</span><span class="pain">pain 7</span>"#, today.day())), "{html}");
        assert!(html.contains(&format!(r#"href="/checkin?day={first}""#)));
        assert!(!html.contains("Next month"), "no months in the future");
        assert!(!html.contains("Previous month"), "nor before the diary's first day");
        assert!(html.contains("has-checkin heat-3") && html.contains("has-checkin heat-1"), "shaded by pain");
        let r = c
            .put(app.url(&format!("/api/v1/checkins/{}", first - Duration::days(3))))
            .header("x-csrf-token", &csrf)
            .json(&json!({"note": "an earlier day"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        let html = c.get(app.url("/history/calendar")).send().await.unwrap().text().await.unwrap();
        assert!(html.contains("Previous month"), "the diary now goes back further");
        let future = format!("{}", (today + Duration::days(40)).format("%Y-%m"));
        let shown = c
            .get(app.url(&format!("/history/calendar?month={future}")))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert_eq!(
            shown.matches("has-checkin").count(),
            html.matches("has-checkin").count(),
            "falls back to this month"
        );
        let earlier = (first - Duration::days(1)).format("%Y-%m").to_string();
        let before = c
            .get(app.url(&format!("/history/calendar?month={earlier}")))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(before.contains("1 check-in this month") && before.contains("Next month"), "{before}");
        assert_eq!(app.get(&browser(), "/history/calendar").await.status(), 303, "members only");
    }
}

/// A form whose text is not UTF-8 is refused, not saved with replacement characters.
#[tokio::test]
async fn a_form_with_text_that_is_not_utf8_is_refused_and_changes_nothing() {
    for app in apps(config()).await {
        let c = browser();
        app.register(&c, "Latin", PW).await;
        let page = app.get(&c, "/checkin").await.text().await.unwrap();
        let post = |note: &str| {
            let body = format!("csrf={}&day={}&pain=3&note={note}", csrf_token(&page), today_utc());
            c.post(app.url("/checkin"))
                .header("content-type", "application/x-www-form-urlencoded")
                .body(body)
                .send()
        };
        assert_eq!(post("caf%E9+au+lait").await.unwrap().status(), 400);
        let day = app.get(&c, "/checkin").await.text().await.unwrap();
        assert!(!day.contains("caf\u{fffd}") && !day.contains("au lait"), "nothing saved");
        // The same note in UTF-8 is saved as written.
        assert_eq!(post("caf%C3%A9+au+lait").await.unwrap().status(), 303);
        assert!(app.get(&c, "/checkin").await.text().await.unwrap().contains("café au lait"));
    }
}

/// The value of the hidden input `name` on a page.
fn hidden(html: &str, name: &str) -> String {
    let at =
        html.find(&format!(r#"type="hidden" name="{name}" value=""#)).unwrap_or_else(|| panic!("no {name}"));
    let rest = &html[at..];
    let start = rest.find("value=\"").unwrap() + 7;
    rest[start..].split('"').next().unwrap().to_owned()
}

#[tokio::test]
async fn onboarding_sets_the_time_zone_the_items_and_the_strategies_the_check_in_offers() {
    for app in apps(config()).await {
        let c = browser();
        let r = app
            .submit(&c, "/register", "/register", &[("handle", "Newcomer"), ("password", PW), ("email", "")])
            .await;
        assert_eq!(r.headers()["location"], "/welcome", "a new member starts with onboarding");
        assert!(app.get(&c, "/welcome").await.text().await.unwrap().contains("Step 1 of 3"));
        let setup = app.get(&c, "/welcome/setup").await.text().await.unwrap();
        assert!(setup.contains(r#"<option value="Europe/Berlin">"#), "a searchable list of zones");
        let (walk, heat) = (strategy_id(&setup, "Walk"), strategy_id(&setup, "Cold"));
        assert!(setup.contains(&format!(r#"value="{walk}" checked"#)), "a short list is ticked");
        assert!(!setup.contains(&format!(r#"value="{heat}" checked"#)), "the rest is not");
        let user = app
            .store
            .user_by_handle(&foothold_core::account::Handle::parse("Newcomer").unwrap())
            .await
            .unwrap()
            .id;

        // A zone that does not exist changes nothing at all.
        let choose = |zone: &'static str| {
            vec![
                ("csrf", csrf_token(&setup)),
                ("time_zone", zone.to_owned()),
                ("item", "mood".to_owned()),
                ("item", "pain".to_owned()),
                ("strategy", walk.clone()),
            ]
        };
        let r = c.post(app.url("/welcome/setup")).form(&choose("Mars/Olympus")).send().await.unwrap();
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains(r#"value="Mars/Olympus""#), "input kept");
        let setup = app.store.checkin_setup(user, Utc::now().date_naive()).await.unwrap();
        assert_eq!((setup.time_zone.name(), setup.items), ("UTC", None));

        let r = c.post(app.url("/welcome/setup")).form(&choose("Europe/Berlin")).send().await.unwrap();
        assert_eq!(
            (r.status().as_u16(), r.headers()["location"].to_str().unwrap()),
            (303, "/checkin?first=1")
        );
        let setup = app.store.checkin_setup(user, Utc::now().date_naive()).await.unwrap();
        assert_eq!((setup.time_zone.name(), setup.items.as_deref()), ("Europe/Berlin", Some("pain,mood")));
        let page = app.get(&c, "/checkin?first=1").await.text().await.unwrap();
        assert!(page.contains("Step 3 of 3") && page.contains("your first check-in"));
        assert!(page.contains(r#"name="pain" value="6""#) && page.contains(r#"name="mood" value="6""#));
        assert!(!page.contains(r#"name="sleep" value="6""#), "sleep is not asked");
        assert!(page.contains("<span>Walk</span>") && !page.contains("<span>Cold</span>"));

        // What is not asked keeps its saved value when the form is saved.
        let day = hidden(&page, "day");
        let r = c
            .put(app.url(&format!("/api/v1/checkins/{day}")))
            .header("x-csrf-token", csrf_token(&page))
            .json(&json!({"sleep": 7, "version": null}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "{}", r.text().await.unwrap());
        let page = app.get(&c, "/checkin").await.text().await.unwrap();
        assert_eq!(hidden(&page, "sleep"), "7");
        let form = [
            ("csrf", csrf_token(&page)),
            ("day", day.clone()),
            ("version", hidden(&page, "version")),
            ("pain", "4".into()),
            ("sleep", hidden(&page, "sleep")),
        ];
        assert_eq!(c.post(app.url("/checkin")).form(&form).send().await.unwrap().status(), 303);
        let saved: Value =
            c.get(app.url(&format!("/api/v1/checkins/{day}"))).send().await.unwrap().json().await.unwrap();
        assert_eq!((saved["pain"].as_i64(), saved["sleep"].as_i64()), (Some(4), Some(7)));

        // Later, under the account: moving mood up puts it first in the check-in.
        let account = app.get(&c, "/account/checkin").await.text().await.unwrap();
        let order = [
            ("order", "pain"),
            ("order", "mood"),
            ("order", "peg"),
            ("order", "sleep"),
            ("order", "control"),
        ];
        let mut form: Vec<(&str, String)> = vec![("csrf", csrf_token(&account))];
        form.extend(order.iter().map(|(k, v)| (*k, (*v).to_owned())));
        form.extend([("item", "pain".to_owned()), ("item", "mood".to_owned()), ("up", "mood".to_owned())]);
        assert_eq!(c.post(app.url("/account/checkin")).form(&form).send().await.unwrap().status(), 200);
        assert_eq!(
            app.store.checkin_setup(user, Utc::now().date_naive()).await.unwrap().items.as_deref(),
            Some("mood,pain")
        );
        let page = app.get(&c, "/checkin").await.text().await.unwrap();
        assert!(page.find(r#"id="mood""#).unwrap() < page.find(r#"id="pain""#).unwrap());
        form.retain(|(k, _)| *k != "up");
        form.push(("item", "weather".to_owned()));
        let r = c.post(app.url("/account/checkin")).form(&form).send().await.unwrap();
        assert_eq!(r.status(), 422, "an unknown item changes nothing");
        assert_eq!(
            app.store.checkin_setup(user, Utc::now().date_naive()).await.unwrap().items.as_deref(),
            Some("mood,pain")
        );
    }
}
