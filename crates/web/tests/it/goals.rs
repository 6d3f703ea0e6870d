//! Goals over HTTP on both databases, as a member uses them: set a goal (bad input shows the
//! form again), record a baseline, start the plan, tick the step in the check-in and untick
//! it, type a baseline amount in the check-in (a bad one saves nothing), pause for a flare and
//! resume a week back, and see it on the wins wall; another member sees none of it.

use crate::common::{apps, browser, config, hidden_value, TestApp};
use chrono::{Duration, NaiveDate};
use foothold_core::goal::GoalId;
use reqwest::Client;

const PW: &str = "a calm long passphrase";

async fn post(
    app: &TestApp,
    c: &Client,
    page: &str,
    action: &str,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    let html = app.get(c, page).await.text().await.unwrap();
    let mut form: Vec<(&str, String)> = vec![("csrf", hidden_value(&html, "csrf"))];
    if html.contains("name=\"nonce\"") {
        form.push(("nonce", hidden_value(&html, "nonce")));
    }
    form.extend(fields.iter().map(|(k, v)| (*k, (*v).to_owned())));
    c.post(app.url(action)).form(&form).send().await.unwrap()
}

/// Sets up a goal through the form; returns its id.
async fn set_goal(app: &TestApp, c: &Client, activity: &str, unit: &str) -> GoalId {
    let fields = [
        ("activity", activity),
        ("unit", unit),
        ("start_percent", "80"),
        ("rise_percent", "10"),
        ("ceiling", ""),
        ("flare_plan", "Rest in short breaks, heat pad, tell Sam."),
    ];
    let r = post(app, c, "/goals/new", "/goals", &fields).await;
    assert_eq!(r.status(), 303, "{}", r.text().await.unwrap());
    let to = r.headers()["location"].to_str().unwrap().to_owned();
    GoalId(to.trim_start_matches("/goals/").parse().unwrap())
}

fn strategy_of_goal_step(checkin: &str) -> String {
    let at = checkin.find("chip goal-step").expect("the goal's one-tap step");
    let rest = &checkin[at..];
    let v = rest.find("value=\"").unwrap() + 7;
    rest[v..].split('"').next().unwrap().to_owned()
}

#[tokio::test]
async fn a_goal_from_baseline_to_plan_steps_flare_and_wins() {
    for app in apps(config()).await {
        let c = browser();
        app.register(&c, "Pacer", PW).await;
        let today: NaiveDate = {
            let page = app.get(&c, "/checkin").await.text().await.unwrap();
            assert!(page.contains("name=\"day\""), "{page}");
            hidden_value(&page, "day").parse().unwrap()
        };

        let bad = [("activity", ""), ("unit", "furlongs"), ("rise_percent", "50"), ("flare_plan", "")];
        let r = post(&app, &c, "/goals/new", "/goals", &bad).await;
        assert_eq!(r.status(), 422);
        let page = r.text().await.unwrap();
        for message in ["Please name the activity.", "Choose how it is measured.", "from 5 to 20 %"] {
            assert!(page.contains(message), "{message}");
        }
        let suggested = app.get(&c, "/goals/new?suggest=walk").await.text().await.unwrap();
        assert!(suggested.contains("value=\"Walk\""), "a suggestion fills the form");

        let walk = set_goal(&app, &c, "Walk", "minutes").await;
        let goal_page = format!("/goals/{walk}");
        let page = app.get(&c, &goal_page).await.text().await.unwrap();
        assert!(page.contains("Recording a baseline"), "{page}");
        let r = post(&app, &c, &goal_page, &format!("{goal_page}/start"), &[]).await;
        assert_eq!(r.status(), 422, "no plan without a baseline");
        assert!(r.text().await.unwrap().contains("at least three days"));

        for (back, minutes) in [(3, "10"), (2, "20"), (1, "15")] {
            let day = (today - Duration::days(back)).to_string();
            let r = post(
                &app,
                &c,
                &goal_page,
                &format!("{goal_page}/steps"),
                &[("day", &day), ("amount", minutes)],
            )
            .await;
            assert_eq!(r.status(), 303);
        }
        let r = post(
            &app,
            &c,
            &goal_page,
            &format!("{goal_page}/steps"),
            &[("day", "2999-01-01"), ("amount", "5")],
        )
        .await;
        assert_eq!(r.status(), 422, "not a day in the future");
        let r =
            post(&app, &c, &goal_page, &format!("{goal_page}/steps"), &[("day", ""), ("amount", "-4")]).await;
        assert_eq!(r.status(), 422);
        let page = app.get(&c, &goal_page).await.text().await.unwrap();
        assert!(
            page.contains("Your baseline is about 15 minutes a day. The first step is 12 minutes"),
            "{page}"
        );
        let r = post(&app, &c, &goal_page, &format!("{goal_page}/start"), &[]).await;
        assert_eq!(r.status(), 303);
        let page = app.get(&c, &goal_page).await.text().await.unwrap();
        assert!(page.contains("Week 1 of the plan. Today's step: 12 minutes."), "{page}");

        // The check-in asks about the step in one tap; ticking it records the step.
        let checkin = app.get(&c, "/checkin").await.text().await.unwrap();
        assert!(checkin.contains("Walk: I did today's step (12 minutes)"));
        let strategy = strategy_of_goal_step(&checkin);
        let day = today.to_string();
        let r = post(
            &app,
            &c,
            "/checkin",
            "/checkin",
            &[("day", &day), ("version", ""), ("strategy", &strategy)],
        )
        .await;
        assert_eq!(r.status(), 303);
        let page = app.get(&c, "/goals").await.text().await.unwrap();
        assert!(page.contains("Today's step is done."), "{page}");
        let steps = app.store.goal_steps(member(&app, "Pacer").await, walk).await.unwrap();
        assert_eq!(steps.last(), Some(&(today, 12)));
        // Unticked, the step is taken back.
        let checkin = app.get(&c, "/checkin").await.text().await.unwrap();
        let version = hidden_value(&checkin, "version");
        let r = post(&app, &c, "/checkin", "/checkin", &[("day", &day), ("version", &version)]).await;
        assert_eq!(r.status(), 303);
        let steps = app.store.goal_steps(member(&app, "Pacer").await, walk).await.unwrap();
        assert_eq!(steps.len(), 3, "only the baseline days are left");

        // A goal still gathering its baseline asks how much; a bad amount saves nothing.
        let read = set_goal(&app, &c, "Read", "pages").await;
        let field = format!("goal-amount-{read}");
        let earlier = today - Duration::days(5);
        let earlier_day = earlier.to_string();
        let r = post(
            &app,
            &c,
            "/checkin",
            "/checkin",
            &[("day", &earlier_day), ("version", ""), ("pain", "4"), (&field, "-1")],
        )
        .await;
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains("whole number from 0 to 10,000"));
        let pacer = member(&app, "Pacer").await;
        assert!(app.store.checkin(pacer, earlier).await.unwrap().is_none(), "nothing saved");
        let r =
            post(&app, &c, "/checkin", "/checkin", &[("day", &earlier_day), ("version", ""), (&field, "7")])
                .await;
        assert_eq!(r.status(), 303);
        assert_eq!(app.store.goal_steps(pacer, read).await.unwrap(), vec![(earlier, 7)]);

        // A flare pauses the plan and shows the flare plan; resuming can step back a week.
        let r = post(&app, &c, &goal_page, &format!("{goal_page}/pause"), &[]).await;
        assert_eq!(r.status(), 303);
        let page = app.get(&c, &goal_page).await.text().await.unwrap();
        assert!(page.contains("Paused for a flare") && page.contains("tell Sam"), "{page}");
        let r = post(&app, &c, &goal_page, &format!("{goal_page}/pause"), &[]).await;
        assert_eq!(r.status(), 409, "paused already");
        let r = post(&app, &c, &goal_page, &format!("{goal_page}/resume"), &[("step_back", "yes")]).await;
        assert_eq!(r.status(), 303);
        assert_eq!(app.store.goal(pacer, walk).await.unwrap().steps_back, 1);

        // A done step is a win.
        let r = post(&app, &c, &goal_page, &format!("{goal_page}/steps"), &[("day", &day), ("amount", "13")])
            .await;
        assert_eq!(r.status(), 303);
        let wins = app.get(&c, "/wins").await.text().await.unwrap();
        assert!(wins.contains("One step done"), "{wins}");

        // Nobody else sees or changes it.
        let other = browser();
        app.register(&other, "Stranger", PW).await;
        assert_eq!(app.get(&other, &goal_page).await.status(), 404);
        let r =
            post(&app, &other, "/goals", &format!("{goal_page}/steps"), &[("day", &day), ("amount", "1")])
                .await;
        assert_eq!(r.status(), 404);
        assert!(!app.get(&other, "/goals").await.text().await.unwrap().contains("Walk"));

        // Ending a goal keeps it, and the check-in stops asking.
        let r = post(&app, &c, &goal_page, &format!("{goal_page}/end"), &[]).await;
        assert_eq!(r.status(), 303);
        let checkin = app.get(&c, "/checkin").await.text().await.unwrap();
        assert!(!checkin.contains("chip goal-step"));
        assert!(app.get(&c, "/goals").await.text().await.unwrap().contains("Earlier goals"));
    }
}

async fn member(app: &TestApp, handle: &str) -> foothold_store::UserId {
    let handle = foothold_core::account::Handle::parse(handle).unwrap();
    app.store.user_by_handle(&handle).await.unwrap().id
}

#[tokio::test]
async fn goals_over_the_api_follow_the_same_rules() {
    use serde_json::{json, Value};
    for app in apps(config()).await {
        let c = browser();
        let csrf = app.api_login(&c, "ApiPacer", PW).await;
        let send = |method: reqwest::Method, path: &str, body: Value| {
            c.request(method, app.url(path)).header("x-csrf-token", &csrf).json(&body).send()
        };
        let r = send(
            reqwest::Method::POST,
            "/api/v1/goals",
            json!({"activity": " ", "unit": "leagues", "rise_percent": 40}),
        )
        .await
        .unwrap();
        assert_eq!(r.status(), 422);
        let body: Value = r.json().await.unwrap();
        let fields: Vec<&str> = body["error"]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["field"].as_str().unwrap())
            .collect();
        assert_eq!(fields, ["activity", "unit", "rise_percent"], "{body}");

        let new = json!({"nonce": "g1", "activity": "Stretch", "unit": "minutes", "ceiling": 15});
        let r = send(reqwest::Method::POST, "/api/v1/goals", new.clone()).await.unwrap();
        assert_eq!(r.status(), 201);
        let created: Value = r.json().await.unwrap();
        let id = created["goal"]["id"].as_i64().unwrap();
        assert!(created["support"].is_null());
        let again: Value =
            send(reqwest::Method::POST, "/api/v1/goals", new).await.unwrap().json().await.unwrap();
        assert_eq!(again["goal"]["id"].as_i64(), Some(id), "the same nonce is the same goal");

        let today = app.clock.today(chrono_tz::UTC);
        for (back, amount) in [(3, 10), (2, 10), (1, 10)] {
            let day = today - Duration::days(back);
            let r = send(
                reqwest::Method::PUT,
                &format!("/api/v1/goals/{id}/days/{day}"),
                json!({"amount": amount}),
            )
            .await
            .unwrap();
            assert_eq!(r.status(), 200);
        }
        let r =
            send(reqwest::Method::PUT, &format!("/api/v1/goals/{id}/days/{today}"), json!({"amount": 10001}))
                .await
                .unwrap();
        assert_eq!(r.status(), 422);
        let r =
            send(reqwest::Method::POST, &format!("/api/v1/goals/{id}/actions"), json!({"action": "jump"}))
                .await
                .unwrap();
        assert_eq!(r.status(), 422);
        let started: Value =
            send(reqwest::Method::POST, &format!("/api/v1/goals/{id}/actions"), json!({"action": "start"}))
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
        assert_eq!(started["baseline"], 10.0);
        assert_eq!(started["today_step"], 8, "80 % of the baseline");

        // Tagging the goal's strategy in a check-in records the day's step.
        let strategy = started["strategy_id"].as_i64().unwrap();
        let r = send(
            reqwest::Method::PUT,
            &format!("/api/v1/checkins/{today}"),
            json!({"strategies": [strategy], "version": null}),
        )
        .await
        .unwrap();
        assert_eq!(r.status(), 200);
        let detail: Value =
            c.get(app.url(&format!("/api/v1/goals/{id}"))).send().await.unwrap().json().await.unwrap();
        let days = detail["days"].as_array().unwrap();
        assert_eq!(days.len(), 4, "three baseline days and the plan's first: {detail}");
        assert_eq!(days[3], json!({"day": today.to_string(), "step": 8, "done": 8, "paused": false}));

        let paused: Value =
            send(reqwest::Method::POST, &format!("/api/v1/goals/{id}/actions"), json!({"action": "pause"}))
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
        assert_eq!(paused["paused"], true);
        let r =
            send(reqwest::Method::POST, &format!("/api/v1/goals/{id}/actions"), json!({"action": "pause"}))
                .await
                .unwrap();
        assert_eq!(r.status(), 409);

        let other = browser();
        let other_csrf = app.api_login(&other, "ApiStranger", PW).await;
        assert_eq!(other.get(app.url(&format!("/api/v1/goals/{id}"))).send().await.unwrap().status(), 404);
        let r = other
            .put(app.url(&format!("/api/v1/goals/{id}/days/{today}")))
            .header("x-csrf-token", &other_csrf)
            .json(&json!({"amount": 1}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 404);
        let theirs: Value = other.get(app.url("/api/v1/goals")).send().await.unwrap().json().await.unwrap();
        assert_eq!(theirs, json!([]));
    }
}
