//! Hacks over HTTP on both databases: sharing one through the form (rules, validation, the
//! support panel), trying it, the one question about sharing, and evidence pooled through
//! the API from five members up, gone again when a result is withdrawn.

use crate::common::{apps, browser, config, crisis_config, TestApp};
use crate::community::Who;
use chrono::{Duration, NaiveDate};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

const PW: &str = "a calm long passphrase";

fn location(r: &reqwest::Response) -> String {
    r.headers()["location"].to_str().unwrap().to_owned()
}

async fn page(app: &TestApp, c: &reqwest::Client, path: &str) -> String {
    let r = app.get(c, path).await;
    assert_eq!(r.status(), 200, "{path}");
    r.text().await.unwrap()
}

#[tokio::test]
async fn a_hack_is_shared_tried_and_asked_about_once_through_the_pages() {
    let mut cfg = config();
    cfg.crisis = crisis_config();
    for app in apps(cfg.clone()).await {
        let author = browser();
        app.register(&author, "author", PW).await;
        assert!(page(&app, &author, "/hacks").await.contains("Pain hacks"));
        let form = page(&app, &author, "/hacks/new").await;
        assert!(form.contains("not medical advice"), "the rules are shown to a member who has not joined");

        let r = app.submit(&author, "/hacks/new", "/hacks", &[("title", ""), ("minutes", "0")]).await;
        assert_eq!(r.status(), 422);
        let html = r.text().await.unwrap();
        assert!(html.contains("number from 1 to 600") && html.contains("at least 3 characters"), "{html}");

        let fields = [
            ("title", "Heat pad before bed"),
            ("body", "Ten minutes on the **low** setting, then bed."),
            ("cost", "low"),
            ("effort", "low"),
            ("minutes", "10"),
            ("tags", "back_pain"),
            ("tags", "back"),
            ("nonce", "form-1"),
        ];
        let r = app.submit(&author, "/hacks/new", "/hacks", &fields).await;
        assert_eq!(r.status(), 422, "joining the hacks group needs its rules accepted");
        let mut accepted = fields.to_vec();
        accepted.push(("accept_rules", "yes"));
        let r = app.submit(&author, "/hacks/new", "/hacks", &accepted).await;
        assert_eq!(r.status(), 303);
        let to = location(&r);
        let id: i64 = to.trim_start_matches("/hacks/").split('?').next().unwrap().parse().unwrap();
        // The same form again is the same hack.
        let again = app.submit(&author, "/hacks/new", "/hacks", &accepted).await;
        assert_eq!(location(&again), to);

        let shown = page(&app, &author, &to).await;
        assert!(
            shown.contains("<strong>low</strong>")
                && shown.contains("Costs a little · Little effort · 10 minutes")
        );
        assert!(shown.contains("For: Back pain, Back"));
        assert!(shown.contains("once at least 5 members"), "no evidence below five members");
        assert!(!shown.contains("class=\"support"), "nothing alarming here");
        let discussion = page(&app, &author, &format!("/threads/{id}")).await;
        assert!(discussion.contains("This is the discussion of a hack"));
        assert!(
            discussion.contains("You started this conversation")
                && !discussion.contains("Follow this conversation")
        );

        // Another member tries it: it is in their check-in from today.
        let tryer = browser();
        app.register(&tryer, "tryer", PW).await;
        let r = app.submit(&tryer, &format!("/hacks/{id}"), &format!("/hacks/{id}/try"), &[]).await;
        assert_eq!(r.status(), 303);
        assert!(page(&app, &tryer, "/checkin").await.contains("Heat pad before bed"));
        let mine = page(&app, &tryer, &format!("/hacks/{id}")).await;
        assert!(mine.contains("You started trying") && mine.contains("In 21 more days"), "{mine}");
        assert!(page(&app, &tryer, "/hacks").await.contains("Hacks you are trying"));
        assert!(page(&app, &tryer, &format!("/threads/{id}")).await.contains("Follow this conversation"));

        // Three weeks on, the home page asks once; "no" ends it.
        assert!(!page(&app, &tryer, "/").await.contains("trying “Heat pad before bed” for three weeks"));
        app.clock.travel(21);
        let home = page(&app, &tryer, "/").await;
        assert!(home.contains("trying “Heat pad before bed” for three weeks"), "{home}");
        let r = app.submit(&tryer, "/", &format!("/hacks/{id}/result"), &[("action", "no")]).await;
        assert_eq!((r.status(), location(&r)), (StatusCode::SEE_OTHER, "/".to_owned()));
        assert!(!page(&app, &tryer, "/").await.contains("for three weeks"));

        // A hack that reads like a crisis is published, and its author sees the panel first.
        let crisis = [
            ("title", "What I do at night"),
            ("body", "Honestly I want to end my life, nothing helps anymore."),
            ("cost", "free"),
            ("effort", "low"),
            ("minutes", "5"),
            ("nonce", "form-2"),
        ];
        let r = app.submit(&author, "/hacks/new", "/hacks", &crisis).await;
        let shown = page(&app, &author, &location(&r)).await;
        assert!(shown.contains("class=\"support"), "the author sees the support panel");
        assert!(shown.contains("0800 123"));
    }
}

/// Days with the strategy: irregular, so that neither the weekday nor yesterday's choice
/// stands in for it.
const PATTERN: &[u8; 28] = b"1101001110010110011010011100";

/// Four weeks of diary from `from`: less pain on the days with the strategy.
async fn diary(app: &TestApp, who: &Who, strategy: i64, from: NaiveDate) {
    for (i, mark) in (0i64..).zip(PATTERN) {
        let day = from + Duration::days(i);
        let with = *mark == b'1';
        let pain = if with { 3 + i % 3 / 2 } else { 6 + i % 3 / 2 };
        let strategies: Vec<i64> = if with { vec![strategy] } else { vec![] };
        let body = json!({"pain": pain, "strategies": strategies, "version": null});
        who.json(app, Method::PUT, &format!("/api/v1/checkins/{day}"), Some(body)).await;
    }
}

#[tokio::test]
async fn evidence_appears_at_five_shared_results_and_goes_with_a_withdrawal() {
    for app in apps(config()).await {
        let author = Who::new_registered(&app, "author").await;
        let hack = json!({"title": "Cold pack", "body": "ok", "cost": "free", "effort": "low", "minutes": 5,
                          "tags": ["migraine"], "nonce": "one"});
        let r = author.call(&app, Method::POST, "/api/v1/hacks", Some(hack.clone())).await;
        assert_eq!(r.status(), 422, "the rules must be accepted when joining");
        let mut accepted = hack.clone();
        accepted["accept_rules"] = json!(true);
        let r = author.call(&app, Method::POST, "/api/v1/hacks", Some(accepted.clone())).await;
        assert_eq!(r.status(), 201);
        let id = r.json::<Value>().await.unwrap()["thread"].as_i64().unwrap();
        let r = author.call(&app, Method::POST, "/api/v1/hacks", Some(accepted)).await;
        assert_eq!(
            (r.status(), r.json::<Value>().await.unwrap()["thread"].as_i64()),
            (StatusCode::OK, Some(id))
        );

        let mut sharers = Vec::new();
        for m in 0..5 {
            let who = Who::new_registered(&app, &format!("sharer{m}")).await;
            let tried = who.json(&app, Method::PUT, &format!("/api/v1/hacks/{id}/try"), None).await;
            assert_eq!(tried["mine"]["result"]["state"], "too_soon", "{tried}");
            assert_eq!(tried["mine"]["result"]["days_left"], 21);
            let strategy = tried["mine"]["strategy"].as_i64().unwrap();
            let from: NaiveDate = tried["mine"]["tried_on"].as_str().unwrap().parse().unwrap();
            sharers.push((who, strategy, from));
        }
        let r = sharers[0].0.call(&app, Method::PUT, &format!("/api/v1/hacks/{id}/result"), None).await;
        assert_eq!(r.status(), 422, "nothing to share yet");

        app.clock.travel(28);
        for (who, strategy, from) in &sharers {
            diary(&app, who, *strategy, *from).await;
        }
        let path = format!("/api/v1/hacks/{id}");
        for (i, (who, ..)) in sharers.iter().enumerate() {
            let before = who.json(&app, Method::GET, &path, None).await;
            assert_eq!(before["mine"]["result"]["state"], "ready", "{before}");
            let pain = &before["mine"]["result"]["results"][0];
            assert_eq!(
                (pain["outcome"].as_str(), pain["label"].as_str()),
                (Some("pain"), Some("likely_helps"))
            );
            let after = who.json(&app, Method::PUT, &format!("{path}/result"), None).await;
            assert_eq!(after["mine"]["shared"], true);
            let evidence = after["hack"]["evidence"].as_array().unwrap();
            if i < 4 {
                assert!(evidence.is_empty(), "{} results must show nothing: {after}", i + 1);
            } else {
                assert_eq!(
                    (evidence[0]["outcome"].as_str(), evidence[0]["members"].as_i64()),
                    (Some("pain"), Some(5))
                );
                assert_eq!(evidence[0]["helped"], 5);
                assert!(evidence[0]["estimate"].as_f64().unwrap() < -1.0, "{after}");
            }
        }
        // Seen by anyone signed in, with nothing that names a member who shared.
        let reader = Who::new_registered(&app, "reader").await;
        let seen = reader.json(&app, Method::GET, &path, None).await;
        assert_eq!(seen["hack"]["evidence"][0]["members"], 5);
        assert!(seen["mine"].is_null());
        assert!(!seen.to_string().contains("sharer"), "{seen}");
        let sorted = reader.json(&app, Method::GET, "/api/v1/hacks?sort=evidence", None).await;
        assert_eq!(sorted["hacks"][0]["id"].as_i64(), Some(id));
        assert_eq!(reader.call(&app, Method::GET, "/api/v1/hacks?sort=popular", None).await.status(), 422);
        assert_eq!(reader.call(&app, Method::GET, "/api/v1/hacks/999999", None).await.status(), 404);

        // One withdraws: back under five, nothing shown.
        let r = sharers[0].0.call(&app, Method::DELETE, &format!("{path}/result"), None).await;
        assert_eq!(r.status(), 204);
        let seen = reader.json(&app, Method::GET, &path, None).await;
        assert_eq!(seen["hack"]["evidence"], json!([]), "{seen}");

        // The member's tags order the list by fit.
        let tags =
            reader.json(&app, Method::PUT, "/api/v1/me/hack-tags", Some(json!({"tags": ["migraine"]}))).await;
        assert_eq!(tags["tags"], json!(["migraine"]));
        let r =
            reader.call(&app, Method::PUT, "/api/v1/me/hack-tags", Some(json!({"tags": ["elbow"]}))).await;
        assert_eq!(r.status(), 422);
    }
}

#[tokio::test]
async fn a_kept_personal_experiment_of_a_hack_is_shared_apart_as_stronger_evidence() {
    use foothold_core::agency::Outcome;
    use foothold_core::hacks::pooling::{Shared, Source};
    for app in apps(config()).await {
        let author = Who::new_registered(&app, "author").await;
        let hack = json!({"title": "Warm bath", "body": "ok", "cost": "free", "effort": "low", "minutes": 20,
                          "accept_rules": true});
        let id =
            author.json(&app, Method::POST, "/api/v1/hacks", Some(hack)).await["thread"].as_i64().unwrap();
        // Four members shared an experiment result before (set up in the store).
        for m in 0..4 {
            let who = Who::new_registered(&app, &format!("earlier{m}")).await;
            who.json(&app, Method::PUT, &format!("/api/v1/hacks/{id}/try"), None).await;
            let r = Shared { estimate: -1.5, interval: [-2.5, -0.5], helps: true };
            app.store
                .share_hack_result(
                    foothold_store::ThreadId(id),
                    who.id,
                    &[(Source::Experiment, Outcome::Pain, r)],
                )
                .await
                .unwrap();
        }
        // The fifth tests it for real: the hack against doing without it, then keeps the result.
        let me = Who::new_registered(&app, "tester").await;
        let tried = me.json(&app, Method::PUT, &format!("/api/v1/hacks/{id}/try"), None).await;
        let strategy = tried["mine"]["strategy"].as_i64().unwrap();
        let today: NaiveDate = tried["mine"]["tried_on"].as_str().unwrap().parse().unwrap();
        let plan = me
            .json(
                &app,
                Method::POST,
                "/api/v1/experiments",
                Some(json!({"strategy": strategy, "start": today, "period_days": 3, "pairs": 2})),
            )
            .await;
        let experiment = plan["id"].as_i64().unwrap();
        for (i, day) in plan["schedule"].as_array().unwrap().iter().enumerate() {
            let pain = if day["condition"] == "A" { 2 } else { 7 } + (i % 2) as i64;
            let date = day["date"].as_str().unwrap();
            me.json(
                &app,
                Method::PUT,
                &format!("/api/v1/checkins/{date}"),
                Some(json!({"pain": pain, "version": null})),
            )
            .await;
            app.clock.travel(1);
        }
        app.clock.travel(10);
        let keep =
            me.c.post(app.url(&format!("/experiments/{experiment}/keep")))
                .header("x-csrf-token", &me.csrf)
                .form(&[("kept", "true")])
                .send()
                .await
                .unwrap();
        assert_eq!(keep.status(), 303);
        let mine = me.json(&app, Method::GET, &format!("/api/v1/hacks/{id}"), None).await;
        assert_eq!(mine["mine"]["result"]["state"], "ready", "{mine}");
        assert_eq!(mine["mine"]["result"]["experiment"]["helps"], true, "{mine}");
        assert!(mine["hack"]["experiment_evidence"].as_array().unwrap().is_empty(), "four show nothing");
        let shared = me.json(&app, Method::PUT, &format!("/api/v1/hacks/{id}/result"), None).await;
        let pooled = &shared["hack"]["experiment_evidence"][0];
        assert_eq!(
            (pooled["outcome"].as_str(), pooled["members"].as_i64()),
            (Some("pain"), Some(5)),
            "{shared}"
        );
        assert!(shared["hack"]["evidence"].as_array().unwrap().is_empty(), "experiments are not diaries");
        let page = me.c.get(app.url(&format!("/hacks/{id}"))).send().await.unwrap().text().await.unwrap();
        assert!(page.contains("5 of 5 members' own experiments found less pain with it."), "{page}");
    }
}

#[tokio::test]
async fn administrators_export_and_import_hacks_all_or_none() {
    use reqwest::multipart::{Form, Part};
    for app in apps(config()).await {
        let c = browser();
        app.register(&c, "Operator", "a calm long passphrase").await;
        assert_eq!(app.get(&c, "/admin/hacks").await.status(), 403, "members are not administrators");
        assert_eq!(app.get(&c, "/admin/hacks.json").await.status(), 403);
        let me = app
            .store
            .user_by_handle(&foothold_core::account::Handle::parse("Operator").unwrap())
            .await
            .unwrap();
        app.store.set_role(me.id, foothold_core::account::Role::Admin).await.unwrap();
        let html = page(&app, &c, "/admin/hacks").await;
        let csrf = crate::common::csrf_token(&html);
        let upload = |body: String| {
            let form = Form::new().part("file", Part::bytes(body.into_bytes()).file_name("hacks.json"));
            c.post(app.url(&format!("/admin/hacks/import?csrf={csrf}"))).multipart(form).send()
        };
        let good = json!([{"title": "Warm socks at night", "how": "Put them on before bed.", "cost": "free",
                           "effort": "low", "minutes": 1, "tags": []}]);
        let mut bad = good.clone();
        bad.as_array_mut()
            .unwrap()
            .push(json!({"title": " ", "how": "x", "cost": "free", "effort": "low", "minutes": 1}));

        let r = upload(bad.to_string()).await.unwrap();
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().await.unwrap().contains("Hack 2"), "the record is named");
        let r = upload("not json".into()).await.unwrap();
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let export = |c: &reqwest::Client| c.get(app.url("/admin/hacks.json")).send();
        let before: Value = export(&c).await.unwrap().json().await.unwrap();
        assert!(
            !before.as_array().unwrap().iter().any(|h| h["title"] == "Warm socks at night"),
            "nothing was imported"
        );

        let r = upload(good.to_string()).await.unwrap();
        assert_eq!(r.status(), StatusCode::OK);
        assert!(r.text().await.unwrap().contains("1 new hacks imported"));
        let r = upload(good.to_string()).await.unwrap();
        assert!(
            r.text().await.unwrap().contains("0 new hacks imported; 1 were here already"),
            "the same file adds nothing"
        );
        let after = export(&c).await.unwrap();
        assert!(after.headers()["content-disposition"].to_str().unwrap().contains("hacks.json"));
        let after: Value = after.json().await.unwrap();
        assert_eq!(after.as_array().unwrap().len(), before.as_array().unwrap().len() + 1);
    }
}
