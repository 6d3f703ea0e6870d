//! Sharing with a clinician over HTTP on both databases: the authorization matrix of every
//! clinician route (the clinician it was given to, another clinician, a member who is not
//! one, the member herself; before and after expiry and revocation), scopes, the one-time
//! code, and an access log line for every view and none for a refused one.

use crate::common::{apps, browser, config, TestApp};
use chrono::{Duration, Utc};
use foothold_store::UserId;
use reqwest::Client;
use serde_json::{json, Value};

const PW: &str = "a calm long passphrase";

struct Person {
    client: Client,
    csrf: String,
    id: UserId,
}

async fn person(app: &TestApp, handle: &str) -> Person {
    let client = browser();
    let csrf = app.api_login(&client, handle, PW).await;
    let me: Value = app.get(&client, "/api/v1/me").await.json().await.unwrap();
    Person { client, csrf, id: UserId(me["id"].as_i64().unwrap()) }
}

async fn post(app: &TestApp, p: &Person, path: &str, body: Value) -> reqwest::Response {
    p.client.post(app.url(path)).header("x-csrf-token", &p.csrf).json(&body).send().await.unwrap()
}

async fn log_lines(app: &TestApp, member: &Person) -> Vec<Value> {
    app.get(&member.client, "/api/v1/shares/log").await.json::<Vec<Value>>().await.unwrap()
}

/// The status each clinician route answers `who` with, for share `id`.
async fn statuses(app: &TestApp, who: &Person, id: i64) -> [u16; 2] {
    let api = app.get(&who.client, &format!("/api/v1/clinician/shares/{id}")).await.status().as_u16();
    let page = app.get(&who.client, &format!("/clinician/shares/{id}")).await.status().as_u16();
    [api, page]
}

#[tokio::test]
async fn only_the_chosen_clinician_sees_what_was_shared_while_it_lasts_and_every_view_is_logged() {
    for app in apps(config()).await {
        let member = person(&app, "Sharer").await;
        let clinician = person(&app, "DrRivera").await;
        let other_clinician = person(&app, "DrOther").await;
        let not_clinician = person(&app, "JustMember").await;
        app.store.set_clinician(clinician.id, true).await.unwrap();
        app.store.set_clinician(other_clinician.id, true).await.unwrap();

        let today = Utc::now().date_naive();
        for d in 0..3 {
            let day = today - Duration::days(d);
            let r = member
                .client
                .put(app.url(&format!("/api/v1/checkins/{day}")))
                .header("x-csrf-token", &member.csrf)
                .json(&json!({"pain": 4 + d, "mood": 6, "note": "private words", "version": null}))
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), 200);
        }
        let r = post(
            &app,
            &member,
            "/api/v1/questionnaires/peg-3/responses",
            json!({"answers": {"q1": 5, "q2": 4, "q3": 6}}),
        )
        .await;
        assert_eq!(r.status(), 201);
        app.store
            .start_thought(member.id, "n1", today, Some("At the shop"), Some("Never again"))
            .await
            .unwrap();

        let r = post(
            &app,
            &member,
            "/api/v1/shares",
            json!({"scopes": [], "from": "2026-13-01", "to": today, "until": today}),
        )
        .await;
        assert_eq!(r.status(), 422);
        let fields: Vec<String> = r.json::<Value>().await.unwrap()["error"]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["code"].as_str().unwrap().to_owned())
            .collect();
        assert_eq!(fields, ["share-scopes", "date-invalid"], "every problem at once");

        let until = today + Duration::days(10);
        let body = json!({"scopes": ["diary", "questionnaires"], "from": today - Duration::days(30), "to": today, "until": until});
        let r = post(&app, &member, "/api/v1/shares", body).await;
        assert_eq!(r.status(), 201);
        let made: Value = r.json().await.unwrap();
        let code = made["code"].as_str().unwrap().to_owned();
        let id = made["share"]["id"].as_i64().unwrap();
        assert_eq!(
            [statuses(&app, &clinician, id).await, statuses(&app, &other_clinician, id).await],
            [[404, 404], [404, 404]],
            "nobody before the code is used"
        );

        let r = post(&app, &not_clinician, "/api/v1/clinician/shares", json!({"code": code})).await;
        assert_eq!(r.status(), 403, "only a checked clinician redeems");
        let r = post(&app, &clinician, "/api/v1/clinician/shares", json!({"code": "2345-6789-ABCD"})).await;
        assert_eq!(r.status(), 422);
        let typed = code.to_lowercase().replace('-', " ");
        let r = post(&app, &clinician, "/api/v1/clinician/shares", json!({"code": typed})).await;
        assert_eq!(r.status(), 200, "the code typed in lower case with spaces");
        let r = post(&app, &other_clinician, "/api/v1/clinician/shares", json!({"code": code})).await;
        assert_eq!(r.status(), 422, "a code works once");

        // The matrix: only the clinician it was given to.
        assert_eq!(statuses(&app, &clinician, id).await, [200, 200]);
        for who in [&other_clinician, &not_clinician, &member] {
            assert_eq!(statuses(&app, who, id).await, [404, 404]);
        }
        let seen: Value =
            app.get(&clinician.client, &format!("/api/v1/clinician/shares/{id}")).await.json().await.unwrap();
        assert_eq!(seen["diary"].as_array().unwrap().len(), 3);
        assert_eq!(seen["questionnaires"][0]["score"].as_f64(), Some(5.0));
        assert!(seen["thoughts"].is_null(), "thought records were not chosen");
        assert!(!seen.to_string().contains("private words"), "never the notes");
        let page = app.get(&clinician.client, &format!("/clinician/shares/{id}")).await.text().await.unwrap();
        assert!(
            page.contains("Shared by Sharer") && page.contains("PEG: pain") && !page.contains("Never again")
        );

        // Three views (two API, one page) × two scopes, and none for the refused ones.
        let log = log_lines(&app, &member).await;
        assert_eq!(log.len(), 3 * 2 + 2, "{log:?}");
        assert!(log.iter().all(|l| l["clinician"] == "DrRivera"));
        let sharing = app.get(&member.client, "/sharing").await.text().await.unwrap();
        assert!(
            sharing.contains("Shared with DrRivera until") && sharing.contains("Who looked, and at what")
        );

        // After its last day, nothing.
        app.clock.travel(11);
        assert_eq!(statuses(&app, &clinician, id).await, [404, 404], "ended");
        let list: Vec<Value> =
            app.get(&clinician.client, "/api/v1/clinician/shares").await.json().await.unwrap();
        assert!(list.is_empty());
        app.clock.travel(-11);
        assert_eq!(statuses(&app, &clinician, id).await, [200, 200]);

        // Stopped: at once.
        let r = other_clinician
            .client
            .delete(app.url(&format!("/api/v1/shares/{id}")))
            .header("x-csrf-token", &other_clinician.csrf)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 404, "only the member stops it");
        let r = member
            .client
            .delete(app.url(&format!("/api/v1/shares/{id}")))
            .header("x-csrf-token", &member.csrf)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 204);
        let before = log_lines(&app, &member).await.len();
        assert_eq!(statuses(&app, &clinician, id).await, [404, 404], "revoked");
        assert_eq!(log_lines(&app, &member).await.len(), before, "a refused view is not a view");

        // No longer a clinician: nothing either.
        let r = post(
            &app,
            &member,
            "/api/v1/shares",
            json!({"scopes": ["thoughts"], "from": today, "to": today, "until": until}),
        )
        .await;
        let made: Value = r.json().await.unwrap();
        let r = post(&app, &clinician, "/api/v1/clinician/shares", json!({"code": made["code"]})).await;
        let second = r.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
        let thoughts: Value = app
            .get(&clinician.client, &format!("/api/v1/clinician/shares/{second}"))
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(thoughts["thoughts"][0]["thought"], "Never again");
        assert!(thoughts["diary"].is_null());
        app.store.set_clinician(clinician.id, false).await.unwrap();
        assert_eq!(statuses(&app, &clinician, second).await, [404, 404]);
        assert_eq!(app.get(&clinician.client, "/clinician").await.status(), 403);
    }
}

#[tokio::test]
async fn a_member_shares_from_the_page_and_sees_the_code_once() {
    for app in apps(config()).await {
        let c = browser();
        app.register(&c, "PageSharer", PW).await;
        let r = app
            .submit(
                &c,
                "/sharing",
                "/sharing",
                &[("from", "2026-01-01"), ("to", "2026-02-01"), ("until", "2026-01-01")],
            )
            .await;
        assert_eq!(r.status(), 422);
        let page = r.text().await.unwrap();
        assert!(
            page.contains("Choose at least one thing to show.") && page.contains("Choose a day from today"),
            "{page}"
        );
        assert!(page.contains("value=\"2026-02-01\""), "the input is kept");

        let today = Utc::now().date_naive();
        let (from, until) =
            ((today - Duration::days(7)).to_string(), (today + Duration::days(7)).to_string());
        let to = today.to_string();
        let fields =
            [("scopes", "diary"), ("from", from.as_str()), ("to", to.as_str()), ("until", until.as_str())];
        let r = app.submit(&c, "/sharing", "/sharing", &fields).await;
        assert_eq!(r.status(), 201);
        let page = r.text().await.unwrap();
        assert!(
            page.contains("Give this code to your clinician")
                && page.contains("The code has not been used yet")
        );
        let again = app.get(&c, "/sharing").await.text().await.unwrap();
        assert!(!again.contains("Give this code to your clinician"), "shown only once");
    }
}

#[tokio::test]
async fn a_clinician_suggests_and_the_member_decides() {
    for app in apps(config()).await {
        let member = person(&app, "Coached").await;
        let clinician = person(&app, "DrCoach").await;
        app.store.set_clinician(clinician.id, true).await.unwrap();
        let today = Utc::now().date_naive();
        let until = today + Duration::days(10);
        let mut ids = Vec::new();
        for coaching in [true, false] {
            let body = json!({"scopes": ["diary"], "from": today, "to": today, "until": until, "coaching": coaching});
            let made: Value = post(&app, &member, "/api/v1/shares", body).await.json().await.unwrap();
            let r = post(&app, &clinician, "/api/v1/clinician/shares", json!({"code": made["code"]})).await;
            ids.push(r.json::<Value>().await.unwrap()["id"].as_i64().unwrap());
        }
        let (open, closed) = (ids[0], ids[1]);
        let coach = |id: i64, body: Value| {
            let (app, clinician) = (&app, &clinician);
            async move { post(app, clinician, &format!("/api/v1/clinician/shares/{id}/coaching"), body).await }
        };
        assert_eq!(
            coach(closed, json!({"kind": "note", "body": "Well done"})).await.status(),
            403,
            "coaching not allowed"
        );
        assert_eq!(coach(open, json!({"kind": "skill", "skill": "juggling"})).await.status(), 422);
        assert_eq!(
            coach(open, json!({"kind": "note", "body": "Well done on the walks"})).await.status(),
            201
        );
        assert_eq!(
            coach(open, json!({"kind": "skill", "skill": "slow-breathing", "body": "Before bed"}))
                .await
                .status(),
            201
        );
        let r = coach(open, json!({"kind": "experiment", "strategy": "Heat pad", "outcome": "sleep"})).await;
        assert_eq!(r.status(), 201);
        let r =
            coach(open, json!({"kind": "goal", "strategy": "Walk to the shop", "unit": "furlongs"})).await;
        assert_eq!(r.status(), 422);
        let goal =
            json!({"kind": "goal", "strategy": "Walk to the shop", "unit": "minutes", "body": "Start small"});
        assert_eq!(coach(open, goal).await.status(), 201);
        let stranger = person(&app, "DrElse").await;
        app.store.set_clinician(stranger.id, true).await.unwrap();
        let r = post(
            &app,
            &stranger,
            &format!("/api/v1/clinician/shares/{open}/coaching"),
            json!({"kind": "note", "body": "Hi"}),
        )
        .await;
        assert_eq!(r.status(), 404, "not their share");

        let mine: Vec<Value> = app.get(&member.client, "/api/v1/shares/coaching").await.json().await.unwrap();
        assert_eq!(mine.len(), 4);
        assert!(mine.iter().all(|c| c["status"] == "open" && c["clinician"] == "DrCoach"));
        let page = app.get(&member.client, "/sharing").await.text().await.unwrap();
        assert!(
            page.contains("From your clinicians") && page.contains("Suggests a skill: Slow breathing"),
            "{page}"
        );
        assert!(page.contains("does Heat pad go with better days for Sleep?"));

        // Taking the skill up on the page leads to it; the experiment is answered through the API.
        let skill = mine.iter().find(|c| c["kind"] == "skill").unwrap()["id"].as_i64().unwrap();
        let form = [("csrf", crate::common::csrf_token(&page)), ("answer", "accept".into())];
        let r = member
            .client
            .post(app.url(&format!("/sharing/coaching/{skill}")))
            .form(&form)
            .send()
            .await
            .unwrap();
        assert_eq!(
            (r.status().as_u16(), r.headers()["location"].to_str().unwrap()),
            (303, "/skills/slow-breathing")
        );
        // A goal taken up opens the goal form with its activity and unit filled in.
        assert!(page.contains("Suggests a goal, paced week by week: Walk to the shop, in minutes."));
        let goal = mine.iter().find(|c| c["kind"] == "goal").unwrap();
        assert_eq!(
            (goal["strategy"].as_str(), goal["unit"].as_str()),
            (Some("Walk to the shop"), Some("minutes"))
        );
        let r = member
            .client
            .post(app.url(&format!("/sharing/coaching/{}", goal["id"])))
            .form(&form)
            .send()
            .await
            .unwrap();
        let to = r.headers()["location"].to_str().unwrap().to_owned();
        assert_eq!(to, "/goals/new?activity=Walk+to+the+shop&unit=minutes");
        let form_page = app.get(&member.client, &to).await.text().await.unwrap();
        assert!(
            form_page.contains(r#"value="Walk to the shop""#)
                && form_page.contains(r#"value="minutes" selected"#)
        );
        let experiment = mine.iter().find(|c| c["kind"] == "experiment").unwrap()["id"].as_i64().unwrap();
        let answer = |id: i64, accept: bool| {
            member
                .client
                .put(app.url(&format!("/api/v1/shares/coaching/{id}")))
                .header("x-csrf-token", &member.csrf)
                .json(&json!({"accept": accept}))
                .send()
        };
        assert_eq!(answer(experiment, false).await.unwrap().status(), 204);
        assert_eq!(answer(experiment, true).await.unwrap().status(), 404, "answered once");
        let seen =
            app.get(&clinician.client, &format!("/clinician/shares/{open}")).await.text().await.unwrap();
        assert!(
            seen.contains("Taken up")
                && seen.contains("Not taken up")
                && seen.contains("Waiting for the member")
        );
    }
}

#[tokio::test]
async fn an_administrator_marks_and_unmarks_clinicians_on_the_page() {
    for app in apps(config()).await {
        let admin = browser();
        app.register(&admin, "SiteAdmin", PW).await;
        let doctor = person(&app, "DrPage").await;
        let me = app
            .store
            .user_by_handle(&foothold_core::account::Handle::parse("SiteAdmin").unwrap())
            .await
            .unwrap();
        let r = app.get(&admin, "/admin/clinicians").await;
        assert_eq!(r.status(), 403, "members are not administrators");
        app.store.set_role(me.id, foothold_core::account::Role::Admin).await.unwrap();
        // What the operator has yet to set up is said to administrators, not to members.
        let page = app.get(&admin, "/admin/clinicians").await.text().await.unwrap();
        assert!(page.contains("Still to set up") && page.contains("Crisis lines for members"), "{page}");
        let home = app.get(&doctor.client, "/").await.text().await.unwrap();
        assert!(!home.contains("Still to set up") && !home.contains("configuration"));

        let r = app
            .submit(
                &admin,
                "/admin/clinicians",
                "/admin/clinicians",
                &[("action", "mark"), ("handle", "nobody")],
            )
            .await;
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains("There is no account with that handle."));
        let r = app
            .submit(
                &admin,
                "/admin/clinicians",
                "/admin/clinicians",
                &[("action", "mark"), ("handle", "drpage")],
            )
            .await;
        assert_eq!(r.status(), 303);
        assert!(app.store.is_clinician(doctor.id).await.unwrap());
        assert!(app.get(&admin, "/admin/clinicians").await.text().await.unwrap().contains("DrPage"));
        let r = app
            .submit(
                &admin,
                "/admin/clinicians",
                "/admin/clinicians",
                &[("action", "unmark"), ("handle", "DrPage")],
            )
            .await;
        assert_eq!(r.status(), 303);
        assert!(!app.store.is_clinician(doctor.id).await.unwrap());
        let r = post(&app, &doctor, "/api/v1/clinician/shares", json!({"code": "2345-6789-ABCD"})).await;
        assert_eq!(r.status(), 403, "no longer a clinician");
    }
}
