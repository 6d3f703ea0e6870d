//! Visit preparation over HTTP on both databases: questions (checked, read by the support
//! service), and the visit summary PDF read back by independent tools (poppler's `pdftotext`,
//! `pdfinfo` and `pdftoppm`): its text holds what the member chose, it has one or two pages,
//! and it renders to an image with ink on it.

use crate::common::{apps, browser, config, hidden_value, TestApp};
use chrono::{Duration, Utc};
use foothold_core::account::Handle;
use foothold_core::community::profile::{Audience, Profile};
use reqwest::Client;
use serde_json::json;
use std::process::Command;

const PW: &str = "a calm long passphrase";

/// Whether poppler's tools are here; in CI (FOOTHOLD_TEST_REQUIRE_ALL=1) they must be.
fn poppler() -> bool {
    let here = Command::new("pdftotext").arg("-v").output().is_ok();
    assert!(
        here || std::env::var("FOOTHOLD_TEST_REQUIRE_ALL").is_err(),
        "poppler-utils must be installed in CI"
    );
    if !here {
        eprintln!("skipping the PDF checks: install poppler-utils");
    }
    here
}

async fn ask(app: &TestApp, c: &Client, question: &str) -> reqwest::Response {
    let page = app.get(c, "/visit").await.text().await.unwrap();
    let form = [
        ("csrf", hidden_value(&page, "csrf")),
        ("nonce", hidden_value(&page, "nonce")),
        ("question", question.to_string()),
    ];
    c.post(app.url("/visit/questions")).form(&form).send().await.unwrap()
}

/// (text, pages, share of dark pixels) of a PDF, by poppler.
fn read_pdf(bytes: &[u8]) -> (String, usize, f64) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("summary.pdf");
    std::fs::write(&file, bytes).unwrap();
    let text = Command::new("pdftotext").args(["-layout"]).arg(&file).arg("-").output().unwrap();
    assert!(text.status.success(), "pdftotext: {}", String::from_utf8_lossy(&text.stderr));
    let info = String::from_utf8(Command::new("pdfinfo").arg(&file).output().unwrap().stdout).unwrap();
    let pages = info.lines().find_map(|l| l.strip_prefix("Pages:")).unwrap().trim().parse().unwrap();
    let out = dir.path().join("page");
    let status = Command::new("pdftoppm")
        .args(["-r", "40", "-gray", "-f", "1", "-l", "1"])
        .arg(&file)
        .arg(&out)
        .status()
        .unwrap();
    assert!(status.success());
    let image = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "pgm"))
        .unwrap();
    let pgm = std::fs::read(image).unwrap();
    // P5 header: magic, width, height, maxval, each followed by whitespace.
    let mut fields = 0;
    let mut at = 0;
    while fields < 4 {
        while pgm[at].is_ascii_whitespace() {
            at += 1;
        }
        while !pgm[at].is_ascii_whitespace() {
            at += 1;
        }
        fields += 1;
    }
    let pixels = &pgm[at + 1..];
    let dark = pixels.iter().filter(|p| **p < 128).count() as f64 / pixels.len() as f64;
    (String::from_utf8(text.stdout).unwrap(), pages, dark)
}

/// The tag tree with its text, as poppler's `pdfinfo -struct-text` prints it.
fn structure(bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("summary.pdf");
    std::fs::write(&file, bytes).unwrap();
    let info = String::from_utf8(Command::new("pdfinfo").arg(&file).output().unwrap().stdout).unwrap();
    assert!(info.lines().any(|l| l.starts_with("Tagged:") && l.ends_with("yes")), "{info}");
    let out = Command::new("pdfinfo").arg("-struct-text").arg(&file).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[tokio::test]
async fn questions_and_the_visit_summary_pdf() {
    let check = poppler();
    for app in apps(config()).await {
        let c = browser();
        let csrf = app.api_login(&c, "VisitMember", PW).await;
        for d in 0..60 {
            let day = Utc::now().date_naive() - Duration::days(d);
            let flare = d % 20 == 7;
            let body = json!({"pain": 3 + (d % 5), "peg_pain": 5, "peg_enjoyment": 4, "peg_activity": 6, "flare": flare, "version": null});
            let r = c
                .put(app.url(&format!("/api/v1/checkins/{day}")))
                .header("x-csrf-token", &csrf)
                .json(&body)
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), 200);
        }
        // A paced goal, started today from three days of baseline, with today's step done.
        let goal = json!({"activity": "Walk", "unit": "minutes"});
        let r =
            c.post(app.url("/api/v1/goals")).header("x-csrf-token", &csrf).json(&goal).send().await.unwrap();
        let goal = r.json::<serde_json::Value>().await.unwrap()["goal"]["id"].as_i64().unwrap();
        let today = app.clock.today(chrono_tz::UTC);
        for back in [3, 2, 1, 0] {
            let day = today - Duration::days(back);
            let path = format!("/api/v1/goals/{goal}/days/{day}");
            let amount = if back == 0 { 8 } else { 10 };
            let r = c
                .put(app.url(&path))
                .header("x-csrf-token", &csrf)
                .json(&json!({"amount": amount}))
                .send()
                .await;
            assert_eq!(r.unwrap().status(), 200);
            if back == 1 {
                let act = json!({"action": "start"});
                let path = format!("/api/v1/goals/{goal}/actions");
                let r = c.post(app.url(&path)).header("x-csrf-token", &csrf).json(&act).send().await.unwrap();
                assert_eq!(r.status(), 200);
            }
        }
        let phq: serde_json::Map<String, serde_json::Value> =
            (1..=9).map(|n| (format!("q{n}"), json!("LA6569-3"))).collect();
        let r = c
            .post(app.url("/api/v1/questionnaires/phq-9/responses"))
            .header("x-csrf-token", &csrf)
            .json(&json!({"answers": phq}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 201);

        assert_eq!(ask(&app, &c, "   ").await.status(), 422);
        let long = "x".repeat(301);
        let r = ask(&app, &c, &long).await;
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains("300 characters"));
        assert_eq!(ask(&app, &c, "Could pacing help me get back to gardening?").await.status(), 303);
        let r = ask(&app, &c, "I want to end my life, nothing helps").await;
        assert_eq!(r.status(), 200, "saved, with the support panel");
        assert!(r.text().await.unwrap().contains("You don't have to face this alone"));

        let today = Utc::now().date_naive();
        let from = today - Duration::days(59);
        let r = app.get(&c, &format!("/visit/summary.pdf?from={from}&to={today}")).await;
        assert_eq!(r.status(), 200);
        assert_eq!(r.headers()["content-type"], "application/pdf");
        let bytes = r.bytes().await.unwrap();
        assert!(bytes.starts_with(b"%PDF-"));
        let api = app.get(&c, &format!("/api/v1/report.pdf?from={from}&to={today}")).await;
        assert_eq!(api.status(), 200);
        let r = app.get(&c, &format!("/api/v1/report.pdf?from={today}&to={from}")).await;
        assert_eq!(r.status(), 422, "the days in the wrong order");
        if check {
            let (text, pages, dark) = read_pdf(&bytes);
            let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
            for expected in [
                "Visit summary: VisitMember",
                "60 days recorded",
                "3 of them were marked as flares",
                "PHQ-9",
                "Mild",
                "Could pacing help me get back to gardening?",
                "My questions",
                "Pain averaged",
                "Goals, paced week by week",
                "Walk: the step is now 8 minutes",
            ] {
                assert!(flat.contains(expected), "{expected} in:\n{text}");
            }
            // Tagged for screen readers: poppler reads the structure back in reading order.
            let tree = structure(&bytes);
            let flat_tree = tree.split_whitespace().collect::<Vec<_>>().join(" ");
            for expected in [
                "Document H1 \"Visit summary: VisitMember\" (block)",
                "H2 \"Questionnaires\" (block) \"Questionnaires\" Table (block) TR TH: /Scope /Column \"Questionnaire\"",
                "TR TD \"PHQ-9",
                "Figure \"0",
                "L (block): /ListNumbering /Decimal LI (block) LBody (block) \"1. Could pacing help me get back",
            ] {
                assert!(flat_tree.contains(expected), "{expected} in:\n{tree}");
            }
            assert!(
                !flat_tree.contains("Made with Foothold"),
                "the footer is an artifact, not content:\n{tree}"
            );
            assert!((1..=2).contains(&pages), "{pages} pages");
            assert!(dark > 0.005 && dark < 0.5, "the first page has ink on it: {dark}");
        }
    }
}

#[tokio::test]
async fn the_data_archive_holds_everything_and_reads_with_another_zip_reader() {
    for app in apps(config()).await {
        let c = browser();
        let csrf = app.api_login(&c, "Archivist", PW).await;
        let day = Utc::now().date_naive();
        let body = json!({"pain": 4, "note": "a quiet day", "version": null});
        let r = c
            .put(app.url(&format!("/api/v1/checkins/{day}")))
            .header("x-csrf-token", &csrf)
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        let answers = json!({"answers": {"q1": 5, "q2": 4, "q3": 6}});
        let r = c
            .post(app.url("/api/v1/questionnaires/peg-3/responses"))
            .header("x-csrf-token", &csrf)
            .json(&answers)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 201);
        assert_eq!(ask(&app, &c, "Is it safe to swim?").await.status(), 303);
        let goal = json!({"activity": "Swim", "unit": "minutes"});
        let r =
            c.post(app.url("/api/v1/goals")).header("x-csrf-token", &csrf).json(&goal).send().await.unwrap();
        assert_eq!(r.status(), 201);
        let hack = json!({"title": "Warm socks", "body": "Before bed.", "cost": "free", "effort": "low",
                          "minutes": 5, "accept_rules": true});
        let r =
            c.post(app.url("/api/v1/hacks")).header("x-csrf-token", &csrf).json(&hack).send().await.unwrap();
        let hack = r.json::<serde_json::Value>().await.unwrap()["thread"].as_i64().unwrap();
        let path = format!("/api/v1/hacks/{hack}/try");
        let r = c.put(app.url(&path)).header("x-csrf-token", &csrf).send().await.unwrap();
        assert!(r.status().is_success());
        let group = json!({"name": "Swimmers", "kind": "support", "visibility": "public", "rules": ""});
        let r = c
            .post(app.url("/api/v1/groups"))
            .header("x-csrf-token", &csrf)
            .json(&group)
            .send()
            .await
            .unwrap();
        let slug = r.json::<serde_json::Value>().await.unwrap()["slug"].as_str().unwrap().to_owned();
        let thread = json!({"title": "Cold water", "body": "It numbs the ache for an hour."});
        let r = c
            .post(app.url(&format!("/api/v1/groups/{slug}/threads")))
            .header("x-csrf-token", &csrf)
            .json(&thread)
            .send()
            .await
            .unwrap();
        assert!(r.status().is_success());

        // A conversation, then a block: the archive keeps both sides, blocked or not.
        let me = app.store.user_by_handle(&Handle::parse("Archivist").unwrap()).await.unwrap().id;
        let pal = crate::community::Who::new(&app, "pen_pal").await.id;
        app.store.send_message(pal, me, "n1", "Thinking of you today.").await.unwrap();
        app.store.send_message(me, pal, "n2", "Thank you, the swim helped.").await.unwrap();
        app.store.set_block(me, pal, true).await.unwrap();
        let profile =
            Profile { about: "I swim slowly.".into(), about_to: Audience::Members, ..Profile::default() };
        app.store.set_profile(me, &profile).await.unwrap();

        let r = app.get(&c, "/api/v1/export").await;
        assert_eq!(
            (r.status().as_u16(), r.headers()["content-type"].to_str().unwrap()),
            (200, "application/zip")
        );
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("all.zip");
        std::fs::write(&file, r.bytes().await.unwrap()).unwrap();
        // Python's own zipfile: every member's CRC checked, then the contents we look for.
        let script = "import json, sys, zipfile\n\
z = zipfile.ZipFile(sys.argv[1])\n\
assert z.testzip() is None\n\
print(json.dumps({n: z.read(n).decode() for n in z.namelist()}))";
        let out = Command::new("python3").arg("-c").arg(script).arg(&file).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let files: serde_json::Map<String, serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(files.len(), 17, "{:?}", files.keys());
        let text = |name: &str| files[name].as_str().unwrap().to_owned();
        assert!(
            text("posts.json").contains("It numbs the ache for an hour.")
                && text("posts.json").contains("Cold water")
        );
        assert!(
            text("diary.csv").contains(&format!("{day},4,")) && text("diary.csv").contains("a quiet day")
        );
        assert!(text("questionnaires.csv").contains(",peg-3,5,"));
        assert!(text("visit-questions.json").contains("Is it safe to swim?"));
        let tried: serde_json::Value = serde_json::from_str(&text("hacks.json")).unwrap();
        assert_eq!(
            (tried[0]["title"].as_str(), tried[0]["shared"].as_bool()),
            (Some("Warm socks"), Some(false))
        );
        assert!(text("goals.json").contains("\"activity\": \"Swim\""), "{}", text("goals.json"));
        let bundle: serde_json::Value = serde_json::from_str(&text("fhir.json")).unwrap();
        assert_eq!(bundle["resourceType"], "Bundle");
        assert!(text("README.txt").contains("fhir.json") && text("README.txt").contains("messages.json"));
        let messages: serde_json::Value = serde_json::from_str(&text("messages.json")).unwrap();
        let said = |i: usize| {
            let m = &messages[i];
            (
                m["with"].as_str().unwrap().to_owned(),
                m["sent"].as_bool().unwrap(),
                m["body"].as_str().unwrap().to_owned(),
            )
        };
        assert_eq!(
            (said(0), said(1)),
            (
                ("pen_pal".into(), false, "Thinking of you today.".into()),
                ("pen_pal".into(), true, "Thank you, the swim helped.".into())
            )
        );
        let community: serde_json::Value = serde_json::from_str(&text("community.json")).unwrap();
        assert_eq!(community["profile"]["about"], json!({"text": "I swim slowly.", "seen_by": "members"}));
        let groups = community["groups"].as_array().unwrap();
        assert!(groups.iter().any(|g| g["slug"].as_str() == Some(slug.as_str())), "{groups:?}");
        assert_eq!(community["blocked"][0]["handle"], "pen_pal");
    }
}
