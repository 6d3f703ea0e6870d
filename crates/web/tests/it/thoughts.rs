//! Thought records and predictions over HTTP, through the HTML forms, on both databases:
//! every step, saving and coming back, double and stale submissions, bad input, crisis
//! routing, trends, and privacy between members.

use crate::common::{apps, browser, config, TestApp};
use reqwest::Client;

const PW: &str = "a calm long passphrase";

/// The value of the hidden input `name` in a page.
fn hidden(html: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = html.find(&marker).unwrap_or_else(|| panic!("no {name} in:\n{html}")) + marker.len();
    html[start..].split('"').next().unwrap().to_owned()
}

async fn step(app: &TestApp, c: &Client, id: &str, fields: &[(&str, &str)]) -> reqwest::Response {
    let page = app.get(c, &format!("/thoughts/{id}")).await.text().await.unwrap();
    let version = hidden(&page, "version");
    let mut all: Vec<(&str, &str)> = vec![("version", &version)];
    all.extend_from_slice(fields);
    app.submit(c, &format!("/thoughts/{id}"), &format!("/thoughts/{id}"), &all).await
}

#[tokio::test]
async fn a_thought_record_goes_through_every_step_and_can_be_finished_later() {
    for app in apps(config()).await {
        let c = browser();
        app.register(&c, "recorder", PW).await;
        let list = app.get(&c, "/thoughts").await.text().await.unwrap();
        let nonce = hidden(&list, "nonce");
        let start = [
            ("nonce", nonce.as_str()),
            ("situation", "Cancelled lunch with Ana again"),
            ("thought", "Why bother making plans? It will never get better."),
        ];
        let r = app.submit(&c, "/thoughts", "/thoughts", &start).await;
        assert_eq!(r.status(), 303);
        let at = r.headers()["location"].to_str().unwrap().to_owned();
        let id = at.trim_start_matches("/thoughts/").to_owned();
        // The same form sent twice (a double tap) gives the same record.
        let again = app.submit(&c, "/thoughts", "/thoughts", &start).await;
        assert_eq!(again.headers()["location"].to_str().unwrap(), at);

        let page = app.get(&c, &at).await.text().await.unwrap();
        assert!(page.contains(r#"<span aria-current="step">Feelings</span>"#), "{page}");
        assert!(page.contains("<blockquote>Why bother making plans? It will never get better.</blockquote>"));

        // Bad input: every problem named, nothing saved.
        let r = step(
            &app,
            &c,
            &id,
            &[
                ("step", "feelings"),
                ("action", "next"),
                ("feeling", "Sad"),
                ("before", "150"),
                ("feeling", ""),
                ("before", "20"),
            ],
        )
        .await;
        assert_eq!(r.status(), 422);
        let html = r.text().await.unwrap();
        assert!(
            html.contains("Please use a whole number from 0 to 100.")
                && html.contains("Please name the feeling you rated."),
            "{html}"
        );
        assert!(html.contains(r#"value="150""#), "what was typed is kept");

        let r = step(
            &app,
            &c,
            &id,
            &[
                ("step", "feelings"),
                ("action", "next"),
                ("feeling", "Sad"),
                ("before", "80"),
                ("feeling", "Worried"),
                ("before", "60"),
            ],
        )
        .await;
        assert_eq!(r.status(), 303);
        assert_eq!(r.headers()["location"].to_str().unwrap(), format!("/thoughts/{id}?step=reading"));
        let page = app.get(&c, &format!("/thoughts/{id}?step=reading")).await.text().await.unwrap();
        assert!(page.contains(r#"<mark class="style-helpless">"#), "{page}");
        assert!(
            page.contains("Is there one small thing, even a tiny one, that has made a difference before?")
        );
        let r = step(
            &app,
            &c,
            &id,
            &[
                ("step", "reading"),
                ("action", "next"),
                ("trap", "fortune-telling"),
                ("trap", "catastrophising"),
            ],
        )
        .await;
        assert_eq!(r.status(), 303);

        // Save and come back later: the step stays where it was.
        let r = step(
            &app,
            &c,
            &id,
            &[
                ("step", "evidence"),
                ("action", "save"),
                ("evidence_for", "I cancelled twice this month."),
                ("evidence_against", ""),
            ],
        )
        .await;
        assert_eq!(
            r.headers()["location"].to_str().unwrap(),
            format!("/thoughts/{id}?step=evidence&saved=1")
        );
        let page = app.get(&c, &format!("/thoughts/{id}")).await.text().await.unwrap();
        assert!(
            page.contains(r#"<span aria-current="step">Evidence</span>"#)
                && page.contains("I cancelled twice this month.")
        );

        // A stale form (another tab) changes nothing and keeps what was typed.
        let old = hidden(&page, "version");
        let r = step(
            &app,
            &c,
            &id,
            &[
                ("step", "evidence"),
                ("action", "next"),
                ("evidence_for", "I cancelled twice."),
                ("evidence_against", "Ana said she understands."),
            ],
        )
        .await;
        assert_eq!(r.status(), 303);
        let stale = app
            .submit(
                &c,
                &format!("/thoughts/{id}"),
                &format!("/thoughts/{id}"),
                &[
                    ("version", &old),
                    ("step", "evidence"),
                    ("action", "next"),
                    ("evidence_for", "stale words"),
                    ("evidence_against", ""),
                ],
            )
            .await;
        assert_eq!(stale.status(), 409);
        assert!(stale.text().await.unwrap().contains("stale words"));

        let r = step(
            &app,
            &c,
            &id,
            &[
                ("step", "alternative"),
                ("action", "next"),
                ("alternative", "Plans are hard this month, and Ana still wants to see me."),
            ],
        )
        .await;
        assert_eq!(r.status(), 303);
        let r =
            step(&app, &c, &id, &[("step", "rerate"), ("action", "next"), ("after", "50"), ("after", "30")])
                .await;
        assert_eq!(r.headers()["location"].to_str().unwrap(), format!("/thoughts/{id}?step=done"));
        let done = app.get(&c, &format!("/thoughts/{id}")).await.text().await.unwrap();
        assert!(done.contains("Your feelings eased by 30 points on average."), "{done}");
        assert!(done.contains("Fortune telling") && done.contains("Sad: 80 → 50"));
        assert!(!done.contains("Need help now?</h2>"), "no crisis panel for this record");

        let list = app.get(&c, "/thoughts").await.text().await.unwrap();
        assert!(list.contains("Why bother making plans?") && list.contains("finished"));
        let trends = &list[list.find("Thought records by month").unwrap()..];
        assert!(trends.contains("<td>1</td>"), "{trends}");

        let export: serde_json::Value =
            c.get(app.url("/api/v1/thoughts.json")).send().await.unwrap().json().await.unwrap();
        let record = &export["thought_records"][0];
        assert_eq!(record["step"], "done");
        assert_eq!(record["traps"], serde_json::json!(["catastrophising", "fortune-telling"]));
        assert_eq!(record["feelings"][1], serde_json::json!({"name": "Worried", "before": 60, "after": 30}));

        // Nobody else can read or change it.
        let other = browser();
        app.register(&other, "curious", PW).await;
        assert_eq!(app.get(&other, &format!("/thoughts/{id}")).await.status(), 404);
        let r = app.submit(&other, "/thoughts", &format!("/thoughts/{id}/delete"), &[]).await;
        assert_eq!(r.status(), 404);
    }
}

#[tokio::test]
async fn crisis_language_in_a_record_shows_support_and_keeps_every_word() {
    for app in apps(config()).await {
        let c = browser();
        app.register(&c, "heavy", PW).await;
        let list = app.get(&c, "/thoughts").await.text().await.unwrap();
        let thought = "I want to end my life, I can't do this any more.";
        let r = app
            .submit(
                &c,
                "/thoughts",
                "/thoughts",
                &[("nonce", &hidden(&list, "nonce")), ("situation", ""), ("thought", thought)],
            )
            .await;
        assert_eq!(r.status(), 303);
        let page = app.get(&c, r.headers()["location"].to_str().unwrap()).await.text().await.unwrap();
        assert!(page.contains(r#"class="support""#), "{page}");
        assert!(page.contains(thought), "the text is kept as written");
        // On the steps after, one line with a link instead of the whole panel.
        let id = r.headers()["location"].to_str().unwrap().trim_start_matches("/thoughts/").to_owned();
        let r = step(
            &app,
            &c,
            &id,
            &[("step", "feelings"), ("action", "next"), ("feeling", "Numb"), ("before", "90")],
        )
        .await;
        assert_eq!(r.status(), 303);
        let page = app.get(&c, r.headers()["location"].to_str().unwrap()).await.text().await.unwrap();
        assert!(
            page.contains(r#"class="support-reminder""#) && !page.contains(r#"class="support""#),
            "{page}"
        );
        assert!(page.contains(r#"href="/help""#));
        // Empty and oversized thoughts are refused with a reason.
        let list = app.get(&c, "/thoughts").await.text().await.unwrap();
        let r = app
            .submit(&c, "/thoughts", "/thoughts", &[("nonce", &hidden(&list, "nonce")), ("thought", "  ")])
            .await;
        assert_eq!(r.status(), 422);
        let long = "ø".repeat(2_001);
        let r = app
            .submit(&c, "/thoughts", "/thoughts", &[("nonce", &hidden(&list, "nonce")), ("thought", &long)])
            .await;
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains("Please keep this to 2,000 characters."));
    }
}

#[tokio::test]
async fn predictions_are_written_before_and_checked_after() {
    for app in apps(config()).await {
        let c = browser();
        app.register(&c, "predictor", PW).await;
        let page = app.get(&c, "/predictions").await.text().await.unwrap();
        let fields = [
            ("nonce", hidden(&page, "nonce")),
            ("activity", "Walk to the park".into()),
            ("expected", "My back will flare and I'll be stuck on the sofa all evening.".into()),
            ("confidence", "90".into()),
        ];
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        for _ in 0..2 {
            let r = app.submit(&c, "/predictions", "/predictions", &fields).await;
            assert_eq!(r.status(), 303);
        }
        let page = app.get(&c, "/predictions?done=created").await.text().await.unwrap();
        assert_eq!(
            page.matches("What happened?</a>").count(),
            1,
            "a double submission made one prediction: {page}"
        );
        let id = page.split("href=\"/predictions/").nth(1).unwrap().split('"').next().unwrap().to_owned();

        let r = app
            .submit(
                &c,
                "/predictions",
                "/predictions",
                &[("nonce", &hidden(&page, "nonce")), ("expected", ""), ("confidence", "120")],
            )
            .await;
        assert_eq!(r.status(), 422);
        let html = r.text().await.unwrap();
        assert!(html.contains("Please write what you expect will happen.") && html.contains("from 0 to 100"));

        let form = app.get(&c, &format!("/predictions/{id}")).await.text().await.unwrap();
        let version = hidden(&form, "version");
        let r = app
            .submit(
                &c,
                &format!("/predictions/{id}"),
                &format!("/predictions/{id}"),
                &[
                    ("version", &version),
                    ("happened", "Sore afterwards, but I watched a film with the kids."),
                    ("compared", ""),
                ],
            )
            .await;
        assert_eq!(r.status(), 422, "how it compared is needed");
        let r = app
            .submit(
                &c,
                &format!("/predictions/{id}"),
                &format!("/predictions/{id}"),
                &[
                    ("version", &version),
                    ("happened", "Sore afterwards, but I watched a film with the kids."),
                    ("compared", "better"),
                ],
            )
            .await;
        assert_eq!(r.status(), 303);
        let stale = app
            .submit(
                &c,
                &format!("/predictions/{id}"),
                &format!("/predictions/{id}"),
                &[("version", &version), ("happened", "again"), ("compared", "worse")],
            )
            .await;
        assert_eq!(stale.status(), 409);
        let page = app.get(&c, "/predictions").await.text().await.unwrap();
        assert!(page.contains("1 of 1 turned out better than you expected."), "{page}");
        assert!(page.contains("Better than I expected") && page.contains("90 % sure"));

        let other = browser();
        app.register(&other, "nosy", PW).await;
        assert_eq!(app.get(&other, &format!("/predictions/{id}")).await.status(), 404);
    }
}
