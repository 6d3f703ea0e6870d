//! Direct messages over HTTP on both databases: both members must allow them, new accounts
//! wait, a block closes them without saying so, the writer of a crisis message sees the
//! support panel, the recipient reports, and the site's moderators can turn a sender off.

use crate::common::{apps, browser, config, crisis_config, hidden_value, TestApp};
use crate::community::{age, Who};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

async fn page(app: &TestApp, who: &Who, path: &str) -> (StatusCode, String) {
    let r = who.c.get(app.url(path)).send().await.unwrap();
    (r.status(), r.text().await.unwrap())
}

/// The error code a refused API call gives for the `body` field (or the error's own code).
async fn refusal(r: reqwest::Response) -> (StatusCode, String) {
    let status = r.status();
    let v: Value = r.json().await.unwrap();
    let code =
        v["error"]["fields"][0]["code"].as_str().or(v["error"]["code"].as_str()).unwrap_or("").to_owned();
    (status, code)
}

async fn send(app: &TestApp, who: &Who, to: &str, body: &str) -> reqwest::Response {
    who.call(app, Method::POST, &format!("/api/v1/messages/{to}"), Some(json!({ "body": body }))).await
}

#[tokio::test]
async fn two_members_who_both_allow_it_write_to_each_other() {
    let mut cfg = config();
    cfg.crisis = crisis_config();
    for app in apps(cfg.clone()).await {
        let (ann, bob, cy) =
            (Who::new(&app, "ann").await, Who::new(&app, "bob").await, Who::new(&app, "cyd").await);
        age(&app, &ann).await;
        age(&app, &bob).await;

        // Off until turned on: the page explains instead of showing a form.
        let (status, first) = page(&app, &ann, "/messages/bob").await;
        assert_eq!(status, 200);
        assert!(
            first.contains("please first let members send you messages") && !first.contains("name=\"body\"")
        );
        let r = app.submit(&ann.c, "/messages", "/account/messages", &[("open", "yes")]).await;
        assert_eq!(r.status(), 303);
        assert_eq!(
            refusal(send(&app, &ann, "bob", "hello").await).await,
            (StatusCode::UNPROCESSABLE_ENTITY, "messages-closed".into())
        );
        bob.json(&app, Method::PUT, "/api/v1/me/messages", Some(json!({"open": true}))).await;

        // Through the page's form; the same form sent twice is one message.
        let (_, form) = page(&app, &ann, "/messages/bob").await;
        let nonce = hidden_value(&form, "nonce");
        let fields =
            [("nonce", nonce.as_str()), ("body", "Hello Bob,\nhow was the walk? <script>x</script>")];
        for _ in 0..2 {
            let r = app.submit(&ann.c, "/messages/bob", "/messages/bob", &fields).await;
            assert_eq!(r.status(), 303);
            assert!(r.headers()["location"].to_str().unwrap().starts_with("/messages/bob#message-"));
        }
        let told = bob.json(&app, Method::GET, "/api/v1/notifications", None).await;
        assert_eq!(
            (told["unread"].as_i64(), told["notifications"][0]["kind"].as_str()),
            (Some(1), Some("message"))
        );
        let (_, list) = page(&app, &bob, "/messages").await;
        assert!(list.contains("href=\"/messages/ann\"") && list.contains("1 new"), "{list}");
        let (_, talk) = page(&app, &bob, "/messages/ann").await;
        assert!(
            talk.contains("how was the walk?")
                && talk.contains("&lt;script&gt;")
                && !talk.contains("<script>x")
        );
        let seen = bob.json(&app, Method::GET, "/api/v1/messages", None).await;
        assert_eq!(seen["conversations"][0]["unread"].as_i64(), Some(0), "opening it read it: {seen}");
        assert_eq!(
            bob.json(&app, Method::GET, "/api/v1/notifications", None).await["unread"].as_i64(),
            Some(0)
        );

        // A message that reads like a crisis still goes; its writer sees the support panel.
        let r = send(&app, &bob, "ann", "Honestly I don't want to wake up tomorrow.").await;
        assert_eq!(r.status(), StatusCode::CREATED);
        let sent: Value = r.json().await.unwrap();
        assert_eq!(sent["support"]["level"].as_str(), Some("crisis"), "{sent}");
        let id = sent["id"].as_i64().unwrap();
        let (_, panel) = page(&app, &bob, &format!("/messages/ann?sent={id}")).await;
        assert!(panel.contains("Your message went to one member only") && panel.contains("0800 123"));
        let (_, other) = page(&app, &ann, &format!("/messages/bob?sent={id}")).await;
        assert!(!other.contains("Your message went to one member only"), "the panel is the writer's alone");

        // What is refused, and why; nothing refused is saved.
        assert_eq!(refusal(send(&app, &ann, "ann", "me").await).await.1, "message-self");
        assert_eq!(refusal(send(&app, &ann, "bob", "   ").await).await.1, "message-empty");
        assert_eq!(refusal(send(&app, &ann, "bob", &"a".repeat(60_000)).await).await.1, "text-too-long");
        assert_eq!(send(&app, &ann, "nobody_here", "hi").await.status(), StatusCode::NOT_FOUND);
        cy.json(&app, Method::PUT, "/api/v1/me/messages", Some(json!({"open": true}))).await;
        assert_eq!(
            refusal(send(&app, &cy, "ann", "hi").await).await.1,
            "messages-not-yet",
            "a new account waits"
        );
        assert_eq!(send(&app, &ann, "cyd", "Welcome, Cyd!").await.status(), StatusCode::CREATED);
        assert_eq!(
            send(&app, &cy, "ann", "Thank you!").await.status(),
            StatusCode::CREATED,
            "but may answer"
        );
        let r = app
            .submit(
                &ann.c,
                "/messages",
                "/messages/bob",
                &[("nonce", "n-long"), ("body", &"b".repeat(60_000))],
            )
            .await;
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains("name=\"body\""), "the form again, with the error");
        let both = ann.json(&app, Method::GET, "/api/v1/messages/bob", None).await;
        assert_eq!(both["messages"].as_array().unwrap().len(), 2, "{both}");
        assert_eq!(both["messages"][0]["mine"].as_bool(), Some(true));

        // A block on either side closes the conversation, and says only "does not take messages".
        bob.json(&app, Method::PUT, "/api/v1/members/ann/block", None).await;
        assert_eq!(refusal(send(&app, &ann, "bob", "hello?").await).await.1, "messages-closed");
        let list = ann.json(&app, Method::GET, "/api/v1/messages", None).await;
        let with: Vec<&str> =
            list["conversations"].as_array().unwrap().iter().map(|c| c["handle"].as_str().unwrap()).collect();
        assert_eq!(with, ["cyd"], "the conversation with Bob is out of the list");
        bob.call(&app, Method::DELETE, "/api/v1/members/ann/block", None).await;

        // The rate: sixty an hour.
        let now = foothold_store::now().timestamp();
        for _ in 0..60 {
            app.store.hit(&format!("messages:{}", ann.id.0), 3600, now).await.unwrap();
        }
        assert_eq!(send(&app, &ann, "bob", "one more").await.status(), StatusCode::TOO_MANY_REQUESTS);

        // Anonymous visitors are sent to log in; the API says 401.
        assert_eq!(browser().get(app.url("/messages")).send().await.unwrap().status(), StatusCode::SEE_OTHER);
        assert_eq!(
            browser().get(app.url("/api/v1/messages")).send().await.unwrap().status(),
            StatusCode::UNAUTHORIZED
        );
    }
}

#[tokio::test]
async fn a_reported_message_reaches_the_site_moderators_who_can_turn_its_sender_off() {
    for app in apps(config()).await {
        let (ann, bob, sam) =
            (Who::new(&app, "ann").await, Who::new(&app, "bob").await, Who::new(&app, "site_sam").await);
        app.store.set_role(sam.id, foothold_core::account::Role::Moderator).await.unwrap();
        for who in [&ann, &bob] {
            age(&app, who).await;
            who.json(&app, Method::PUT, "/api/v1/me/messages", Some(json!({"open": true}))).await;
        }
        let sent: Value = send(&app, &ann, "bob", "Buy my miracle cure").await.json().await.unwrap();
        let id = sent["id"].as_i64().unwrap();
        let mine: Value = send(&app, &bob, "ann", "No thank you").await.json().await.unwrap();

        // Only what you received can be reported.
        let r = ann
            .call(
                &app,
                Method::POST,
                "/api/v1/messages/bob/reports",
                Some(json!({"message": id, "reason": "spam"})),
            )
            .await;
        assert_eq!(r.status(), StatusCode::NOT_FOUND);
        let (status, _) =
            page(&app, &ann, &format!("/messages/bob/report/{}", mine["id"].as_i64().unwrap() + 1000)).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let (status, form) = page(&app, &bob, &format!("/messages/ann/report/{id}")).await;
        assert_eq!(status, 200);
        assert!(form.contains("go to the site's moderators"), "{form}");
        let path = format!("/messages/ann/report/{id}");
        assert_eq!(app.submit(&bob.c, &path, &path, &[("reason", "nope")]).await.status(), 422);
        let r = app.submit(&bob.c, &path, &path, &[("reason", "spam"), ("note", "selling things")]).await;
        assert_eq!(r.status(), 303);

        // The site queue shows the message alone; members may not act on it.
        let (_, queue) = page(&app, &sam, "/moderation").await;
        assert!(
            queue.contains("Buy my miracle cure")
                && queue.contains("From ann")
                && !queue.contains("No thank you")
        );
        let report = app.store.open_message_reports().await.unwrap()[0].id;
        let act = format!("/moderation/messages/{report}");
        assert_eq!(app.submit(&bob.c, "/messages", &act, &[("bar", "yes")]).await.status(), 403);
        assert_eq!(app.submit(&sam.c, "/moderation", &act, &[("bar", "yes")]).await.status(), 303);
        assert!(app.store.open_message_reports().await.unwrap().is_empty());

        // Ann's messages are off for good; her page says so, and turning them on does nothing.
        assert_eq!(refusal(send(&app, &ann, "bob", "hello?").await).await.1, "messages-barred");
        ann.json(&app, Method::PUT, "/api/v1/me/messages", Some(json!({"open": true}))).await;
        let settings = ann.json(&app, Method::GET, "/api/v1/messages", None).await;
        assert_eq!((settings["open"].as_bool(), settings["barred"].as_bool()), (Some(false), Some(true)));
        let (_, list) = page(&app, &ann, "/messages").await;
        assert!(list.contains("turned your messages off after a report"));
    }
}
