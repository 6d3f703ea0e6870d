//! Personal experiments over HTTP, on both databases: the whole lifecycle in the API with
//! time travel (plan, daily check-ins and adherence, pause and resume, the result), the
//! rules that keep a running experiment intact, and the pages (design form, plan calendar,
//! the check-in's "today is a … day", stopping early, keeping a result as proven).

use crate::common::{apps, browser, config, csrf_token, TestApp};
use chrono::{Duration, NaiveDate, Utc};
use reqwest::Client;
use serde_json::{json, Value};

const PW: &str = "a calm long passphrase";

/// The members' today in these tests (their time zone is UTC).
fn today(app: &TestApp) -> NaiveDate {
    app.clock.today(chrono_tz::UTC)
}

struct Api<'a> {
    app: &'a TestApp,
    c: Client,
    csrf: String,
}

impl Api<'_> {
    async fn send(&self, method: reqwest::Method, path: &str, body: Option<Value>) -> (u16, Value) {
        let mut r = self.c.request(method, self.app.url(path)).header("x-csrf-token", &self.csrf);
        if let Some(b) = body {
            r = r.json(&b);
        }
        let r = r.send().await.unwrap();
        let status = r.status().as_u16();
        let text = r.text().await.unwrap();
        (status, serde_json::from_str(&text).unwrap_or(Value::Null))
    }
    async fn get(&self, path: &str) -> (u16, Value) {
        self.send(reqwest::Method::GET, path, None).await
    }
    async fn post(&self, path: &str, body: Value) -> (u16, Value) {
        self.send(reqwest::Method::POST, path, Some(body)).await
    }
    async fn put(&self, path: &str, body: Value) -> (u16, Value) {
        self.send(reqwest::Method::PUT, path, Some(body)).await
    }
    async fn strategy(&self, key: &str) -> i64 {
        let (_, list) = self.get("/api/v1/strategies").await;
        list.as_array().unwrap().iter().find(|s| s["builtin_key"] == key).unwrap_or_else(|| panic!("{list}"))
            ["id"]
            .as_i64()
            .unwrap()
    }
}

async fn member<'a>(app: &'a TestApp, handle: &str) -> Api<'a> {
    let c = browser();
    let csrf = app.api_login(&c, handle, PW).await;
    Api { app, c, csrf }
}

/// The error's code, or for a validation error the code of its (first) field.
fn code(body: &Value) -> &str {
    let field = body["error"]["fields"][0]["code"].as_str();
    field.or(body["error"]["code"].as_str()).unwrap_or_default()
}

#[tokio::test]
async fn an_experiment_runs_from_plan_to_result_with_pauses_and_adherence() {
    for app in apps(config()).await {
        let me = member(&app, "tester").await;
        let walk = me.strategy("walk").await;
        let start = today(&app);
        let (status, plan) = me
            .post(
                "/api/v1/experiments",
                json!({"strategy": walk, "start": start, "period_days": 4, "pairs": 3}),
            )
            .await;
        assert_eq!(status, 201, "{plan}");
        assert_eq!(plan["status"], "running");
        assert_eq!(plan["schedule"].as_array().unwrap().len(), 24);
        assert_eq!(plan["labels"], json!(["Walk", "without Walk"]));
        let id = plan["id"].as_i64().unwrap();
        let orders = plan["orders"].as_str().unwrap().to_owned();
        assert!(orders.split(' ').all(|o| o == "AB" || o == "BA"), "{orders}");

        // Only one experiment per outcome at a time; another outcome is fine.
        let (status, body) = me.post("/api/v1/experiments", json!({"strategy": walk, "start": start})).await;
        assert_eq!((status, code(&body)), (409, "experiment-overlap"));
        let heat = me.strategy("heat").await;
        let (status, body) = me
            .post(
                "/api/v1/experiments",
                json!({"strategy": heat, "outcome": "sleep", "start": start + Duration::days(1)}),
            )
            .await;
        assert_eq!(status, 201, "{body}");

        let mut version = plan["version"].as_i64().unwrap();
        let schedule: Vec<Value> = plan["schedule"].as_array().unwrap().clone();
        for (i, day) in schedule.iter().enumerate() {
            let date = day["date"].as_str().unwrap();
            assert_eq!(date, today(&app).to_string());
            // Walking days: pain about 3; other days about 6, with a little wobble.
            let pain = if day["condition"] == "A" { 3 } else { 6 } + (i % 3) as i64 - 1;
            let (status, body) =
                me.put(&format!("/api/v1/checkins/{date}"), json!({"pain": pain, "version": null})).await;
            assert_eq!(status, 200, "{body}");
            let followed = i != 5;
            let (status, _) =
                me.put(&format!("/api/v1/experiments/{id}/days/{date}"), json!({"followed": followed})).await;
            assert_eq!(status, 204);
            if i == 8 || i == 10 {
                let action = if i == 8 { "pause" } else { "resume" };
                let (status, body) = me
                    .post(
                        &format!("/api/v1/experiments/{id}/actions"),
                        json!({"action": action, "version": version}),
                    )
                    .await;
                assert_eq!(status, 200, "{body}");
                version = body["version"].as_i64().unwrap();
                assert_eq!(body["status"], if i == 8 { "paused" } else { "running" });
            }
            if i == 9 {
                // A stale version changes nothing.
                let (status, body) = me
                    .post(
                        &format!("/api/v1/experiments/{id}/actions"),
                        json!({"action": "resume", "version": version - 1}),
                    )
                    .await;
                assert_eq!((status, code(&body)), (409, "changed-elsewhere"));
                let (_, still) = me.get(&format!("/api/v1/experiments/{id}")).await;
                assert_eq!(still["status"], "paused");
            }
            app.clock.travel(1);
        }

        let (status, done) = me.get(&format!("/api/v1/experiments/{id}")).await;
        assert_eq!(status, 200);
        assert_eq!(done["status"], "finished", "{done}");
        let result = &done["result"];
        assert!(result["estimate"].as_f64().unwrap() < -1.5, "walking days had less pain: {result}");
        assert!(result["p_benefit"].as_f64().unwrap() > 0.96, "{result}");
        assert_eq!(result["counts"]["not_followed"], 1);
        assert_eq!(result["paused_days"], 2, "days 8 and 9 were paused: {result}");
        assert!(result["per_protocol"].is_object(), "one day was not followed");
        assert_eq!(result["n_days_used"], 22);
        assert_eq!(result["secondary"]["mood"]["error"], "experiment-no-days", "only pain was rated");
        let events: Vec<&str> =
            done["events"].as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
        assert_eq!(events, ["pause", "resume"]);

        let (status, body) = me
            .post(
                &format!("/api/v1/experiments/{id}/actions"),
                json!({"action": "extend", "version": version}),
            )
            .await;
        assert_eq!((status, code(&body)), (409, "experiment-over"));
        let (status, body) = me
            .put(&format!("/api/v1/experiments/{id}/days/{}", today(&app)), json!({"followed": true}))
            .await;
        assert_eq!((status, code(&body)), (422, "experiment-day-outside"));

        // Nobody else can see or change it.
        let other = member(&app, "someone").await;
        assert_eq!(other.get(&format!("/api/v1/experiments/{id}")).await.0, 404);
        let (status, _) =
            other.put(&format!("/api/v1/experiments/{id}/days/{start}"), json!({"followed": false})).await;
        assert_eq!(status, 404);
    }
}

#[tokio::test]
async fn designs_that_cannot_work_are_refused_with_reasons() {
    for app in apps(config()).await {
        let me = member(&app, "designer").await;
        let walk = me.strategy("walk").await;
        let medication = me.strategy("medication-as-prescribed").await;
        let start = today(&app);
        let cases = [
            (json!({"strategy": walk, "start": start - Duration::days(1)}), "experiment-start-past"),
            (json!({"strategy": walk, "start": "9999-12-31"}), "experiment-start-far"),
            (
                json!({"strategy": walk, "start": start, "period_days": 3, "washout_days": 2}),
                "experiment-washout-too-long",
            ),
            (
                json!({"strategy": walk, "start": start, "period_days": 3, "pairs": 2, "washout_days": 1}),
                "experiment-too-short",
            ),
            (json!({"strategy": walk, "start": start, "pairs": 9}), "experiment-pairs-range"),
            (json!({"strategy": walk, "versus": walk, "start": start}), "experiment-same-strategies"),
            (json!({"strategy": 999_999, "start": start}), "strategy-unknown"),
            (json!({"strategy": walk, "start": start, "outcome": "joy"}), "outcome-unknown"),
            // A medicine in either condition needs the prescriber's agreement, confirmed.
            (json!({"strategy": medication, "start": start}), "experiment-medication-agreed"),
            (json!({"strategy": walk, "versus": medication, "start": start}), "experiment-medication-agreed"),
        ];
        for (body, expected) in cases {
            let (status, answer) = me.post("/api/v1/experiments", body.clone()).await;
            assert_eq!(status, 422, "{body} → {answer}");
            let codes: Vec<&str> = answer["error"]["fields"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| f["code"].as_str().unwrap())
                .collect();
            assert!(codes.contains(&expected), "{body}: {codes:?}");
        }
        let (_, list) = me.get("/api/v1/experiments").await;
        assert_eq!(list, json!([]), "nothing was stored");
        // Something new to test is added to the member's list with the plan.
        let (status, body) = me
            .post(
                "/api/v1/experiments",
                json!({"new_strategy": "Cold shower", "outcome": "sleep", "start": start}),
            )
            .await;
        assert_eq!(status, 201, "{body}");
        assert_eq!(body["labels"], json!(["Cold shower", "without Cold shower"]));
        let agreed =
            json!({"strategy": medication, "outcome": "mood", "start": start, "prescriber_agreed": true});
        let (status, body) = me.post("/api/v1/experiments", agreed).await;
        assert_eq!(status, 201, "agreed with the prescriber: {body}");
        // A strategy in an experiment cannot be merged away.
        let (status, plan) = me.post("/api/v1/experiments", json!({"strategy": walk, "start": start})).await;
        assert_eq!(status, 201, "{plan}");
        let heat = me.strategy("heat").await;
        let (status, body) =
            me.post(&format!("/api/v1/strategies/{walk}/merge"), json!({"into": heat})).await;
        assert_eq!((status, code(&body)), (409, "strategy-in-experiment"));
    }
}

#[tokio::test]
async fn the_pages_plan_show_and_finish_an_experiment() {
    for app in apps(config()).await {
        let c = browser();
        app.register(&c, "pager", PW).await;
        let me = Api { app: &app, c: c.clone(), csrf: String::new() };
        let walk = me.strategy("walk").await.to_string();
        let tomorrow = (today(&app) + Duration::days(1)).to_string();

        let form = app
            .get(&c, &format!("/experiments/new?strategy={walk}&outcome=mood"))
            .await
            .text()
            .await
            .unwrap();
        assert!(form.contains(&format!(r#"<option value="{walk}" selected>Walk</option>"#)), "{form}");
        assert!(form.contains(r#"<option value="mood" selected>"#));
        assert!(
            form.contains(&format!(r#"name="start" type="date" value="{tomorrow}""#)),
            "tomorrow by default"
        );

        // A refused design comes back with the reason and what was typed.
        let fields = |period: &'static str, start: &str| {
            vec![
                ("strategy", walk.clone()),
                ("versus", String::new()),
                ("outcome", "pain".into()),
                ("period_days", period.into()),
                ("pairs", "3".into()),
                ("washout_days", "0".into()),
                ("start", start.into()),
            ]
        };
        let as_refs =
            |f: &Vec<(&'static str, String)>| f.iter().map(|(k, v)| (*k, v.clone())).collect::<Vec<_>>();
        let post = |path: &'static str, f: Vec<(&'static str, String)>| {
            let (app, c) = (&app, &c);
            async move {
                let f: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
                app.submit(c, "/experiments/new", path, &f).await
            }
        };
        let r = post("/experiments", as_refs(&fields("1", &tomorrow))).await;
        assert_eq!(r.status(), 422);
        let html = r.text().await.unwrap();
        assert!(html.contains("Choose a period of 3 to 28 days."), "{html}");
        assert!(html.contains(r#"value="1""#), "the typed value is kept");

        let r = post("/experiments", as_refs(&fields("7", &tomorrow))).await;
        assert_eq!(r.status(), 303);
        let at = r.headers()["location"].to_str().unwrap().to_owned();
        let id: i64 = at.trim_start_matches("/experiments/").split('?').next().unwrap().parse().unwrap();
        let page = app.get(&c, &at).await.text().await.unwrap();
        assert!(page.contains("Planned") && page.contains("What you commit to"), "{page}");
        assert_eq!(page.matches(r#"<span class="cond">A</span>"#).count(), 21, "21 days with walking");
        assert!(page.contains("Change the plan"));

        // Before the start the plan can change; the check-in does not show it yet.
        let edit = app.get(&c, &format!("/experiments/{id}/edit")).await.text().await.unwrap();
        assert!(edit.contains(r#"name="version""#));
        let checkin = app.get(&c, "/checkin").await.text().await.unwrap();
        assert!(!checkin.contains("Your experiment"));

        app.clock.travel(1);
        let page = app.get(&c, &format!("/experiments/{id}")).await.text().await.unwrap();
        assert!(page.contains("Running") && page.contains("Day 1 of 42"), "{page}");
        assert!(page.contains("Today’s plan:"));
        let r = app
            .submit(
                &c,
                &format!("/experiments/{id}/edit"),
                &format!("/experiments/{id}/edit"),
                &[
                    ("version", "1"),
                    ("strategy", &walk),
                    ("outcome", "pain"),
                    ("period_days", "5"),
                    ("pairs", "3"),
                    ("washout_days", "0"),
                    ("start", &today(&app).to_string()),
                ],
            )
            .await;
        assert_eq!(r.status(), 409, "a running plan cannot be edited");

        let home = app.get(&c, "/").await.text().await.unwrap();
        assert!(
            home.contains("Your experiment:") && home.contains("Today’s plan:"),
            "the daily reminder: {home}"
        );
        // The check-in asks whether today followed the plan, and remembers the answer.
        let checkin = app.get(&c, "/checkin").await.text().await.unwrap();
        assert!(checkin.contains("Your experiment") && checkin.contains("Today’s plan:"), "{checkin}");
        // An answer for an experiment that is not the member's is refused before anything is
        // written: no ratings saved under a failure.
        let yesterday = (today(&app) - Duration::days(1)).to_string();
        let r = app
            .submit(
                &c,
                "/checkin",
                "/checkin",
                &[("day", &yesterday), ("pain", "7"), ("followed-99999", "yes")],
            )
            .await;
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains("nothing was saved"));
        let r = c.get(app.url(&format!("/api/v1/checkins/{yesterday}"))).send().await.unwrap();
        assert_eq!(r.status(), 404, "the day's ratings were not saved");

        let field = format!("followed-{id}");
        let r = app
            .submit(
                &c,
                "/checkin",
                "/checkin",
                &[("day", &today(&app).to_string()), ("version", ""), ("pain", "4"), (field.as_str(), "yes")],
            )
            .await;
        assert_eq!(r.status(), 303, "{}", r.text().await.unwrap());
        let checkin = app.get(&c, "/checkin").await.text().await.unwrap();
        assert!(checkin.contains(&format!(r#"name="{field}" value="yes" checked"#)), "{checkin}");
        let page = app.get(&c, &format!("/experiments/{id}")).await.text().await.unwrap();
        assert!(page.contains("✓ followed"));

        // Stopping early shows what there is: here, not enough to compare, and the report.
        let version =
            page.split(r#"name="version" value=""#).nth(1).unwrap().split('"').next().unwrap().to_owned();
        let r = app
            .submit(
                &c,
                &format!("/experiments/{id}"),
                &format!("/experiments/{id}/action"),
                &[("version", &version), ("action", "stop")],
            )
            .await;
        assert_eq!(r.status(), 303);
        let page = app.get(&c, &format!("/experiments/{id}?done=stop")).await.text().await.unwrap();
        assert!(
            page.contains("Stopped early") && page.contains("There is not enough yet to compare."),
            "{page}"
        );
        assert!(page.contains("Report") && page.contains("Followed on 1 days"), "{page}");
        let r = app
            .submit(
                &c,
                &format!("/experiments/{id}"),
                &format!("/experiments/{id}/keep"),
                &[("kept", "true")],
            )
            .await;
        assert_eq!(r.status(), 409, "an unclear result cannot be kept as proven");

        // A second plan, cancelled before it starts.
        let r =
            post("/experiments", as_refs(&fields("7", &(today(&app) + Duration::days(2)).to_string()))).await;
        assert_eq!(r.status(), 303);
        let at = r.headers()["location"].to_str().unwrap().to_owned();
        let second = at.trim_start_matches("/experiments/").split('?').next().unwrap().to_owned();
        let r = app.submit(&c, &at, &format!("/experiments/{second}/cancel"), &[("version", "1")]).await;
        assert_eq!(r.status(), 303);
        let back = r.headers()["location"].to_str().unwrap().to_owned();
        assert_eq!(app.get(&c, &format!("/experiments/{second}")).await.status(), 404);
        let list = app.get(&c, &back).await.text().await.unwrap();
        assert!(list.contains("Stopped early") && list.contains("The plan was cancelled."), "{list}");
    }
}

#[tokio::test]
async fn a_finished_experiment_that_helps_can_be_kept_as_proven_on_the_insights_page() {
    for app in apps(config()).await {
        let c = browser();
        app.register(&c, "keeper", PW).await;
        let csrf = crate::common::csrf_token(&app.get(&c, "/account").await.text().await.unwrap());
        let me = Api { app: &app, c: c.clone(), csrf };
        let walk = me.strategy("walk").await;
        let (status, plan) = me
            .post(
                "/api/v1/experiments",
                json!({"strategy": walk, "start": today(&app), "period_days": 3, "pairs": 2}),
            )
            .await;
        assert_eq!(status, 201, "{plan}");
        let id = plan["id"].as_i64().unwrap();
        for (i, day) in plan["schedule"].as_array().unwrap().iter().enumerate() {
            let pain = if day["condition"] == "A" { 2 } else { 7 } + (i % 2) as i64;
            let date = day["date"].as_str().unwrap();
            assert_eq!(
                me.put(&format!("/api/v1/checkins/{date}"), json!({"pain": pain, "version": null})).await.0,
                200
            );
            app.clock.travel(1);
        }
        let page = app.get(&c, &format!("/experiments/{id}")).await.text().await.unwrap();
        assert!(page.contains("Walk went with better pain than without Walk."), "{page}");
        assert!(page.contains("On Walk days your pain was about"));
        assert!(page.contains(r#"class="experiment-chart""#) && page.contains("Every day as a table"));
        let r = app
            .submit(
                &c,
                &format!("/experiments/{id}"),
                &format!("/experiments/{id}/keep"),
                &[("kept", "true")],
            )
            .await;
        assert_eq!(r.status(), 303);
        let insights = app.get(&c, "/insights").await.text().await.unwrap();
        let proven = &insights[insights.find("Proven for you").expect("a proven section")..];
        assert!(proven.contains("Walk compared with without Walk"), "{proven}");
        assert!(Utc::now().date_naive() < today(&app), "time travelled");
    }
}

#[tokio::test]
async fn a_strategy_marked_as_a_medicine_needs_the_prescriber_s_agreement() {
    for app in apps(config()).await {
        let me = member(&app, "pillbox").await;
        let (status, own) = me.post("/api/v1/strategies", json!({"name": "Pregabalin"})).await;
        assert_eq!(status, 201, "{own}");
        let id = own["id"].as_i64().unwrap();
        let start = today(&app);
        let (status, _) = me.post("/api/v1/experiments", json!({"strategy": id, "start": start})).await;
        assert_eq!(status, 201, "an own strategy is not a medicine until the member says so");

        // Marked on its page, it is treated like the built-in medicines.
        let page = app.get(&me.c, &format!("/strategies/{id}")).await.text().await.unwrap();
        assert!(page.contains("Is this a medicine?"));
        let form = [("csrf", csrf_token(&page)), ("medication", "true".to_owned())];
        let r = me.c.post(app.url(&format!("/strategies/{id}/medication"))).form(&form).send().await.unwrap();
        assert_eq!(r.status(), 303);
        let body = json!({"strategy": id, "outcome": "mood", "start": start});
        let (status, answer) = me.post("/api/v1/experiments", body).await;
        assert_eq!((status, code(&answer)), (422, "experiment-medication-agreed"));
        // Built-in strategies keep their category.
        let walk = me.strategy("walk").await;
        let form = [("csrf", csrf_token(&page)), ("medication", "true".to_owned())];
        let r =
            me.c.post(app.url(&format!("/strategies/{walk}/medication"))).form(&form).send().await.unwrap();
        assert_eq!(r.status(), 409);
        // The API says the same.
        let (status, view) = me
            .send(
                reqwest::Method::PATCH,
                &format!("/api/v1/strategies/{id}"),
                Some(json!({"medication": false})),
            )
            .await;
        assert_eq!((status, view["category"].as_str()), (200, Some("own")), "{view}");
    }
}
