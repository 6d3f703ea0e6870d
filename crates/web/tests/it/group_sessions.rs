//! Group sessions over HTTP on both databases: planning one (every problem at once), coming,
//! the waiting list, rating pain before and after (which tags "group exercise" on the day),
//! cancelling, and the group's and the member's calendar files read by an independent parser
//! (Python's `icalendar`, through scripts/check-ics.py) against our own expansion.

use crate::common::{apps, browser, checker_python, config, TestApp};
use crate::community::Who;
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, TimeZone, Utc, Weekday};
use foothold_core::group_sessions::{Recurrence, Schedule};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

const PW: &str = "a calm long passphrase";

/// Runs scripts/check-ics.py on `ics` and returns its JSON (it fails on anything malformed).
fn check_ics(python: &str, ics: &str) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("feed.ics");
    std::fs::write(&file, ics).unwrap();
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../../scripts/check-ics.py");
    let out = std::process::Command::new(python).arg(script).arg(&file).output().unwrap();
    assert!(out.status.success(), "check-ics: {}\n{ics}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn next(weekday: Weekday) -> NaiveDate {
    let mut d = Utc::now().date_naive() + Duration::days(1);
    while d.weekday() != weekday {
        d += Duration::days(1);
    }
    d
}

async fn plan(app: &TestApp, c: &reqwest::Client, slug: &str, fields: &[(&str, &str)]) -> reqwest::Response {
    app.submit(c, &format!("/groups/{slug}/sessions/new"), &format!("/groups/{slug}/sessions"), fields).await
}

fn id_of(r: &reqwest::Response) -> i64 {
    r.headers()["location"].to_str().unwrap().trim_start_matches("/sessions/").parse().unwrap()
}

async fn text(app: &TestApp, c: &reqwest::Client, path: &str) -> String {
    let r = app.get(c, path).await;
    assert_eq!(r.status(), 200, "{path}");
    r.text().await.unwrap()
}

#[tokio::test]
async fn sessions_are_planned_joined_rated_and_followed_in_calendars() {
    let python = checker_python("FOOTHOLD_ICS_PYTHON", "icalendar");
    for app in apps(config()).await {
        let host = browser();
        app.register(&host, "host", PW).await;
        // The host's group, through the page.
        let r = app
            .submit(
                &host,
                "/groups/new",
                "/groups",
                &[("name", "Chair yoga"), ("kind", "exercise"), ("visibility", "public")],
            )
            .await;
        assert_eq!(r.status(), 303);
        let slug = "chair-yoga";

        // Every problem at once: a Monday start on a Tuesday-only series, a bad time and zone.
        let monday = next(Weekday::Mon).to_string();
        let r = plan(
            &app,
            &host,
            slug,
            &[
                ("title", "Seated flow"),
                ("date", &monday),
                ("time", "25:00"),
                ("time_zone", "Mars/Base"),
                ("minutes", "30"),
                ("weekdays", "tu"),
            ],
        )
        .await;
        assert_eq!(r.status(), 422);
        let html = r.text().await.unwrap();
        for message in ["start time like 10:30", "time zone is not known", "must fall on one of the days"] {
            assert!(html.contains(message), "{message}");
        }
        // Mondays and Thursdays at 10:00 in London, 40 times: across the March clock change.
        let fields = [
            ("title", "Seated flow"),
            ("about", "Slow, gentle; stop whenever you like."),
            ("seated", "Arms and neck from a chair."),
            ("standing", "Hold the chair back for balance."),
            ("date", monday.as_str()),
            ("time", "10:00"),
            ("time_zone", "Europe/London"),
            ("minutes", "30"),
            ("weekdays", "mo"),
            ("weekdays", "th"),
            ("count", "40"),
            ("capacity", "2"),
            ("place", "https://video.example/flow"),
            ("nonce", "plan-1"),
        ];
        let r = plan(&app, &host, slug, &fields).await;
        assert_eq!(r.status(), 303, "{}", r.text().await.unwrap());
        let weekly = id_of(&r);
        assert_eq!(
            id_of(&plan(&app, &host, slug, &fields).await),
            weekly,
            "the same form twice is one session"
        );

        // Two places: the third member waits, and gets the place the first gives up.
        let mut members = Vec::new();
        for name in ["ann", "bob", "cyd"] {
            let who = Who::new_registered(&app, name).await;
            who.json(&app, Method::POST, &format!("/api/v1/groups/{slug}/membership"), Some(json!({}))).await;
            members.push(who);
        }
        let come = |who: &Who, coming: &'static str| {
            let c = who.c.clone();
            let csrf = who.csrf.clone();
            let url = app.url(&format!("/sessions/{weekly}/rsvp"));
            async move {
                c.post(url).header("x-csrf-token", csrf).form(&[("coming", coming)]).send().await.unwrap()
            }
        };
        for (who, done) in members.iter().zip(["going", "going", "waiting"]) {
            let r = come(who, "yes").await;
            assert_eq!(r.headers()["location"], format!("/sessions/{weekly}?done={done}").as_str());
        }
        come(&members[0], "no").await;
        let page = text(&app, &members[2].c, &format!("/sessions/{weekly}")).await;
        assert!(page.contains("You are coming."), "the first who waits gets the freed place");
        let host_page = text(&app, &host, &format!("/sessions/{weekly}")).await;
        assert!(
            host_page.contains("2 coming, 0 waiting.") && host_page.contains("from 5 ratings on"),
            "{host_page}"
        );

        // A one-off two days ago can be rated; the day's check-in gets "group exercise".
        let past = (Utc::now() - Duration::days(2)).date_naive();
        let r = plan(
            &app,
            &host,
            slug,
            &[
                ("title", "Tuesday walk"),
                ("date", &past.to_string()),
                ("time", "00:30"),
                ("time_zone", "UTC"),
                ("minutes", "45"),
                ("nonce", "plan-2"),
            ],
        )
        .await;
        let walk = id_of(&r);
        let ann = &members[0];
        let rate = |who: &Who, day: String, before: &'static str| {
            let (c, csrf, url) =
                (who.c.clone(), who.csrf.clone(), app.url(&format!("/sessions/{walk}/rate")));
            async move {
                c.post(url)
                    .header("x-csrf-token", csrf)
                    .form(&[("day", day.as_str()), ("before", before), ("after", "4")])
                    .send()
                    .await
                    .unwrap()
            }
        };
        assert_eq!(rate(ann, past.to_string(), "6").await.status(), 422, "only members who are coming rate");
        come_to(&app, ann, walk).await;
        assert_eq!(
            rate(ann, (past - Duration::days(1)).to_string(), "6").await.status(),
            422,
            "not a session day"
        );
        assert_eq!(rate(ann, past.to_string(), "11").await.status(), 422);
        assert_eq!(rate(ann, past.to_string(), "6").await.status(), 303);
        let day = ann.json(&app, Method::GET, &format!("/api/v1/checkins/{past}"), None).await;
        let strategies = ann.json(&app, Method::GET, "/api/v1/strategies", None).await;
        let group_exercise =
            strategies.as_array().unwrap().iter().find(|s| s["builtin_key"] == "group-exercise").unwrap();
        assert!(day["strategies"].as_array().unwrap().contains(&group_exercise["id"]), "{day}");

        // The group's calendar file, read by an independent parser, agrees with our dates.
        let ics = text(&app, &members[1].c, &format!("/groups/{slug}/sessions.ics")).await;
        let start = NaiveDateTime::parse_from_str(&format!("{monday} 10:00"), "%Y-%m-%d %H:%M").unwrap();
        let ours = Schedule {
            start,
            minutes: 30,
            time_zone: chrono_tz::Europe::London,
            repeat: Some(Recurrence {
                weekdays: vec![Weekday::Mon, Weekday::Thu],
                until: None,
                count: Some(40),
                except: vec![],
            }),
        };
        let from = Utc.from_utc_datetime(&start) - Duration::days(1);
        let expected: Vec<String> = ours
            .occurrences(from, from + Duration::days(800))
            .iter()
            .map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
            .collect();
        assert_eq!(expected.len(), 40);
        assert!(
            expected.iter().any(|t| t.ends_with("T10:00:00Z"))
                && expected.iter().any(|t| t.ends_with("T09:00:00Z")),
            "the series crosses a clock change and keeps 10:00 local"
        );
        if let Some(python) = &python {
            let read = check_ics(python, &ics);
            let event = read.as_array().unwrap().iter().find(|e| e["summary"] == "Seated flow").unwrap();
            let theirs: Vec<String> = event["occurrences"]
                .as_array()
                .unwrap()
                .iter()
                .map(|t| t.as_str().unwrap().to_owned())
                .collect();
            assert_eq!(theirs, expected, "{:?}", app.db.backend);
            assert_eq!((event["status"].as_str(), event["sequence"].as_i64()), (Some("CONFIRMED"), Some(0)));
        }

        // One date cancelled: an EXDATE, a higher sequence, and the independent reader drops it.
        let second = expected[1].clone();
        let day = &second[..10];
        let r = app
            .submit(
                &host,
                &format!("/sessions/{weekly}"),
                &format!("/sessions/{weekly}/skip"),
                &[("day", day)],
            )
            .await;
        assert_eq!(r.status(), 303);
        let ics = text(&app, &members[1].c, &format!("/groups/{slug}/sessions.ics")).await;
        assert!(ics.contains("SEQUENCE:1") && ics.contains("EXDATE"), "{ics}");
        if let Some(python) = &python {
            let read = check_ics(python, &ics);
            let event = read.as_array().unwrap().iter().find(|e| e["summary"] == "Seated flow").unwrap();
            let theirs: Vec<&str> =
                event["occurrences"].as_array().unwrap().iter().map(|t| t.as_str().unwrap()).collect();
            assert_eq!(theirs.len(), 39);
            assert!(!theirs.contains(&second.as_str()));
        }
        let r = app
            .submit(
                &host,
                &format!("/sessions/{weekly}"),
                &format!("/sessions/{weekly}/skip"),
                &[("day", "2020-01-01")],
            )
            .await;
        assert_eq!(r.status(), 422, "only a session still to come can be cancelled");

        // Cancelling the series asks first; only the confirmation cancels.
        let (page, action) = (format!("/sessions/{weekly}"), format!("/sessions/{weekly}/cancel"));
        let r = app.submit(&host, &page, &action, &[]).await;
        assert_eq!(r.status(), 200);
        assert!(r.text().await.unwrap().contains("Cancel the whole series?"));
        assert!(!text(&app, &members[1].c, &format!("/groups/{slug}/sessions.ics"))
            .await
            .contains("STATUS:CANCELLED"));
        // Cancelled: the feed keeps the session, cancelled, with a higher sequence.
        let r = app.submit(&host, &page, &action, &[("confirm", "yes")]).await;
        assert_eq!(r.status(), 303);
        let ics = text(&app, &members[1].c, &format!("/groups/{slug}/sessions.ics")).await;
        assert!(ics.contains("STATUS:CANCELLED") && ics.contains("SEQUENCE:2"));
        if let Some(python) = &python {
            let read = check_ics(python, &ics);
            let event = read.as_array().unwrap().iter().find(|e| e["summary"] == "Seated flow").unwrap();
            assert_eq!((event["status"].as_str(), event["sequence"].as_i64()), (Some("CANCELLED"), Some(2)));
        }

        // The member's own feed: no login, revocable.
        let page =
            app.submit(&ann.c, "/calendar", "/calendar", &[("action", "new")]).await.text().await.unwrap();
        let address =
            page.split("<code class=\"token feed-address\">").nth(1).unwrap().split('<').next().unwrap();
        assert!(address.starts_with(&format!("{}/calendar/", app.base)), "{address}");
        let anonymous = reqwest::Client::new();
        let feed = anonymous.get(address).send().await.unwrap();
        assert_eq!(feed.status(), 200);
        assert!(feed.headers()["content-type"].to_str().unwrap().starts_with("text/calendar"));
        let feed = feed.text().await.unwrap();
        assert!(feed.contains("SUMMARY:Tuesday walk") && !feed.contains("Seated flow"), "{feed}");
        if let Some(python) = &python {
            check_ics(python, &feed);
        }
        app.submit(&ann.c, "/calendar", "/calendar", &[("action", "new")]).await;
        assert_eq!(anonymous.get(address).send().await.unwrap().status(), StatusCode::NOT_FOUND);

        // The same through the API.
        let bob = &members[1];
        let listed = bob.json(&app, Method::GET, &format!("/api/v1/groups/{slug}/sessions"), None).await;
        let flow = listed.as_array().unwrap().iter().find(|s| s["id"] == weekly).unwrap();
        assert_eq!(flow["rrule"], "FREQ=WEEKLY;BYDAY=MO,TH;COUNT=40");
        assert_eq!(
            (flow["cancelled"].as_bool(), flow["time_zone"].as_str()),
            (Some(true), Some("Europe/London"))
        );
        let one = bob.json(&app, Method::GET, &format!("/api/v1/sessions/{walk}"), None).await;
        assert!(one["mine"].is_null());
        let coming = bob.json(&app, Method::PUT, &format!("/api/v1/sessions/{walk}/rsvp"), None).await;
        assert_eq!(coming["status"], "going");
        let rated = bob
            .call(
                &app,
                Method::PUT,
                &format!("/api/v1/sessions/{walk}/ratings/{past}"),
                Some(json!({"before": 7, "after": 5})),
            )
            .await;
        assert_eq!(rated.status(), 204);
        let too_high = bob
            .call(
                &app,
                Method::PUT,
                &format!("/api/v1/sessions/{walk}/ratings/{past}"),
                Some(json!({"before": 11, "after": 5})),
            )
            .await;
        assert_eq!(too_high.status(), 422);
        let planned = bob.call(&app, Method::POST, &format!("/api/v1/groups/{slug}/sessions"), Some(json!({"title": "Mine", "date": monday, "time": "10:00", "time_zone": "UTC", "minutes": "30"}))).await;
        assert_eq!(planned.status(), 403);

        // Planning is for hosts and moderators.
        assert_eq!(app.get(&bob.c, &format!("/groups/{slug}/sessions/new")).await.status(), 403);
        let r = bob
            .c
            .post(app.url(&format!("/groups/{slug}/sessions")))
            .header("x-csrf-token", &bob.csrf)
            .form(&fields)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 403);
    }
}

async fn come_to(app: &TestApp, who: &Who, session: i64) {
    let r = who
        .c
        .post(app.url(&format!("/sessions/{session}/rsvp")))
        .header("x-csrf-token", &who.csrf)
        .form(&[("coming", "yes")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
}

#[tokio::test]
async fn a_host_changes_a_session_and_calendars_pick_it_up() {
    for app in apps(config()).await {
        let host = browser();
        app.register(&host, "changer", PW).await;
        let r = app
            .submit(
                &host,
                "/groups/new",
                "/groups",
                &[("name", "Stretch club"), ("kind", "exercise"), ("visibility", "public")],
            )
            .await;
        assert_eq!(r.status(), 303);
        let slug = "stretch-club";
        let tuesday = next(Weekday::Tue).to_string();
        let fields = [
            ("title", "Morning stretch"),
            ("date", tuesday.as_str()),
            ("time", "09:00"),
            ("time_zone", "Europe/Berlin"),
            ("minutes", "20"),
            ("weekdays", "tu"),
            ("count", "6"),
            ("except", ""),
            ("nonce", "change-1"),
        ];
        let id = id_of(&plan(&app, &host, slug, &fields).await);

        // The form comes back as the host typed it.
        let form = text(&app, &host, &format!("/sessions/{id}/edit")).await;
        assert!(form.contains(r#"value="Morning stretch""#) && form.contains(r#"value="09:00""#));
        assert!(
            form.contains(r#"value="tu" checked"#) && form.contains(r#"name="sequence" value="0""#),
            "{form}"
        );
        let mut changed: Vec<(&str, String)> = fields.iter().map(|(k, v)| (*k, (*v).to_owned())).collect();
        changed.retain(|(k, _)| !matches!(*k, "title" | "time" | "nonce"));
        changed.extend([
            ("title", "Gentle stretch".to_owned()),
            ("time", "10:30".to_owned()),
            ("sequence", "0".to_owned()),
        ]);
        let send = |fields: Vec<(&'static str, String)>| {
            let mut all = vec![("csrf", crate::common::csrf_token(&form))];
            all.extend(fields);
            host.post(app.url(&format!("/sessions/{id}/edit"))).form(&all).send()
        };
        let r = send(changed.clone()).await.unwrap();
        assert_eq!(r.status(), 303);
        let ics = text(&app, &host, &format!("/groups/{slug}/sessions.ics")).await;
        assert!(ics.contains("SUMMARY:Gentle stretch") && ics.contains("SEQUENCE:1"), "{ics}");
        assert!(ics.contains("T103000"), "the new time: {ics}");

        // The same form again is stale: another change came first, and nothing is overwritten.
        let r = send(changed.clone()).await.unwrap();
        assert_eq!(r.status(), 409);
        // A bad change shows its problems and changes nothing.
        let mut bad = changed.clone();
        bad.retain(|(k, _)| !matches!(*k, "sequence" | "time"));
        bad.extend([("sequence", "1".to_owned()), ("time", "25:00".to_owned())]);
        assert_eq!(send(bad).await.unwrap().status(), 422);
        assert!(text(&app, &host, &format!("/groups/{slug}/sessions.ics")).await.contains("SEQUENCE:1"));

        // Members may not change it.
        let member = browser();
        app.register(&member, "attendee", PW).await;
        assert_eq!(app.get(&member, &format!("/sessions/{id}/edit")).await.status(), 403);
    }
}
