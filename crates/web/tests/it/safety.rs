//! Safety in the community over HTTP on both databases: blocking through the page and the
//! API, editing a post (the author's edit meets posting's rules and the support service; a
//! moderator's edit says so and its history is for moderators), moderators' notes — a warning
//! in their words and a pause in posting — and the site-wide report queue for staff.

use crate::common::{apps, config, crisis_config};
use crate::community::Who;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

async fn open_group(app: &crate::common::TestApp, host: &Who, members: &[&Who]) -> String {
    let g = host
        .json(
            app,
            Method::POST,
            "/api/v1/groups",
            Some(json!({"name": "Kind words", "kind": "support", "visibility": "public"})),
        )
        .await;
    let slug = g["slug"].as_str().unwrap().to_owned();
    for m in members {
        m.json(
            app,
            Method::POST,
            &format!("/api/v1/groups/{slug}/membership"),
            Some(json!({"accept_rules": true})),
        )
        .await;
    }
    slug
}

async fn thread(app: &crate::common::TestApp, who: &Who, slug: &str, title: &str, body: &str) -> (i64, i64) {
    let made = who
        .json(
            app,
            Method::POST,
            &format!("/api/v1/groups/{slug}/threads"),
            Some(json!({"title": title, "body": body})),
        )
        .await;
    (made["thread"].as_i64().unwrap(), made["post"].as_i64().unwrap())
}

async fn page(app: &crate::common::TestApp, who: &Who, path: &str) -> (StatusCode, String) {
    let r = who.c.get(app.url(path)).send().await.unwrap();
    (r.status(), r.text().await.unwrap())
}

#[tokio::test]
async fn a_member_blocks_another_through_the_page_and_the_api() {
    for app in apps(config()).await {
        let (ann, bob, sam) =
            (Who::new(&app, "ann").await, Who::new(&app, "bob").await, Who::new(&app, "site_sam").await);
        app.store.set_role(sam.id, foothold_core::account::Role::Moderator).await.unwrap();
        // The group's host moderates it and so would see everyone: Ann and Bob are members.
        let host = Who::new(&app, "host").await;
        let slug = open_group(&app, &host, &[&ann, &bob]).await;
        let (t, _) = thread(&app, &ann, &slug, "Evenings", "Heat helps me.").await;
        bob.json(
            &app,
            Method::POST,
            &format!("/api/v1/threads/{t}/posts"),
            Some(json!({"body": "Bob was here"})),
        )
        .await;

        // The page asks first and says what blocking does; the form then blocks.
        let (status, confirm) = page(&app, &ann, "/members/bob/block").await;
        assert_eq!(status, 200);
        assert!(confirm.contains("They are not told"), "{confirm}");
        let r = app.submit(&ann.c, "/members/bob/block", "/members/bob/block", &[("on", "yes")]).await;
        assert_eq!(r.status(), 303);
        let (_, list) = page(&app, &ann, "/account/blocked?done=blocked").await;
        assert!(list.contains("bob") && list.contains("You will not see each other"), "{list}");
        let (_, seen) = page(&app, &ann, &format!("/threads/{t}")).await;
        assert!(seen.contains("Heat helps me.") && !seen.contains("Bob was here"), "Ann no longer sees Bob");
        let (_, theirs) = page(&app, &bob, &format!("/threads/{t}")).await;
        assert!(!theirs.contains("Heat helps me.") && theirs.contains("Bob was here"), "nor Bob Ann");

        // Nobody blocks themselves or a site moderator; an unknown handle is not found.
        for (handle, code) in [("ann", "block-self"), ("site_sam", "block-staff")] {
            let r = ann.call(&app, Method::PUT, &format!("/api/v1/members/{handle}/block"), None).await;
            assert_eq!(r.status(), 422, "{handle}");
            let body: Value = r.json().await.unwrap();
            assert_eq!(body["error"]["fields"][0]["code"], code, "{body}");
        }
        let r = ann.call(&app, Method::PUT, "/api/v1/members/nobody_here/block", None).await;
        assert_eq!(r.status(), 404);

        // Post times are shown in the reader's own time zone.
        let r = app.submit(&ann.c, "/account", "/account/time-zone", &[("time_zone", "Asia/Tokyo")]).await;
        assert_eq!(r.status(), 303);
        let posts = ann.json(&app, Method::GET, &format!("/api/v1/threads/{t}"), None).await;
        let at: chrono::DateTime<chrono::Utc> =
            posts["posts"][0]["created_at"].as_str().unwrap().parse().unwrap();
        let tokyo = at.with_timezone(&chrono_tz::Asia::Tokyo).format("%Y-%m-%d %H:%M").to_string();
        let (_, seen) = page(&app, &ann, &format!("/threads/{t}")).await;
        assert!(seen.contains(&format!(">{tokyo}</time>")), "{tokyo} in {seen}");

        let blocks = ann.json(&app, Method::GET, "/api/v1/me/blocks", None).await;
        assert_eq!(blocks[0]["handle"], "bob");
        let r = ann.call(&app, Method::DELETE, "/api/v1/members/bob/block", None).await;
        assert_eq!(r.status(), 204);
        let (_, seen) = page(&app, &ann, &format!("/threads/{t}")).await;
        assert!(seen.contains("Bob was here"));
    }
}

#[tokio::test]
async fn authors_edit_their_posts_and_moderators_take_out_personal_details() {
    let mut cfg = config();
    cfg.crisis = crisis_config();
    for app in apps(cfg.clone()).await {
        let (host, ann, bob) =
            (Who::new(&app, "host").await, Who::new(&app, "ann").await, Who::new(&app, "bob").await);
        let slug = open_group(&app, &host, &[&ann, &bob]).await;
        let (t, post) = thread(&app, &ann, &slug, "Hello", "I live at 4 Elm Road.").await;

        // Only the author or a moderator may edit; the form starts from the post's text.
        let (status, _) = page(&app, &bob, &format!("/posts/{post}/edit")).await;
        assert_eq!(status, 403);
        let (status, form) = page(&app, &ann, &format!("/posts/{post}/edit")).await;
        assert_eq!(status, 200);
        assert!(form.contains("I live at 4 Elm Road."));
        // A new account's edit meets the same rule on links as a post.
        let r = ann
            .call(
                &app,
                Method::PATCH,
                &format!("/api/v1/posts/{post}"),
                Some(json!({"body": "see https://x.example"})),
            )
            .await;
        assert_eq!(r.status(), 422);
        let r = app
            .submit(
                &ann.c,
                &format!("/posts/{post}/edit"),
                &format!("/posts/{post}/edit"),
                &[("body", "I live near the park."), ("action", "save")],
            )
            .await;
        assert_eq!(r.status(), 303);
        assert!(r.headers()["location"].to_str().unwrap().contains("done=edited"));
        let (_, seen) = page(&app, &bob, &format!("/threads/{t}")).await;
        assert!(seen.contains("I live near the park.") && seen.contains("edited"));
        assert!(!seen.contains("I live at 4 Elm Road."));

        // An edit that now reads like a crisis gets the support panel, and moderators an urgent report.
        let edited = ann
            .json(
                &app,
                Method::PATCH,
                &format!("/api/v1/posts/{post}"),
                Some(json!({"body": "I don't want to wake up tomorrow."})),
            )
            .await;
        assert!(edited["support"].is_object(), "{edited}");
        let reports = host.json(&app, Method::GET, &format!("/api/v1/groups/{slug}/reports"), None).await;
        assert_eq!(
            (reports[0]["reason"].as_str(), reports[0]["automatic"].as_bool()),
            (Some("at_risk"), Some(true))
        );

        // The moderator takes a phone number out of Bob's reply; the post says so.
        let reply = bob
            .json(
                &app,
                Method::POST,
                &format!("/api/v1/threads/{t}/posts"),
                Some(json!({"body": "Ring me: 0123 456 789"})),
            )
            .await;
        let reply = reply["post"].as_i64().unwrap();
        let r = host
            .call(
                &app,
                Method::PATCH,
                &format!("/api/v1/posts/{reply}"),
                Some(json!({"body": "Ring me (number taken out)", "reason": "a phone number"})),
            )
            .await;
        assert_eq!(r.status(), 200);
        let (_, seen) = page(&app, &ann, &format!("/threads/{t}")).await;
        assert!(seen.contains("A moderator edited this post to take out personal details."), "{seen}");
        let log = ann.json(&app, Method::GET, &format!("/api/v1/groups/{slug}/log"), None).await;
        assert_eq!(
            (log[0]["action"].as_str(), log[0]["reason"].as_str()),
            (Some("edit"), Some("a phone number"))
        );

        // Earlier texts are for moderators only.
        let (status, history) = page(&app, &host, &format!("/posts/{reply}/history")).await;
        assert_eq!(status, 200);
        assert!(history.contains("Ring me: 0123 456 789") && history.contains("edited by a moderator"));
        let (status, _) = page(&app, &bob, &format!("/posts/{reply}/history")).await;
        assert_eq!(status, 403);
        let r = bob.call(&app, Method::GET, &format!("/api/v1/posts/{reply}/history"), None).await;
        assert_eq!(r.status(), 403);
        let h = host.json(&app, Method::GET, &format!("/api/v1/posts/{reply}/history"), None).await;
        assert_eq!(h[0]["body"], "Ring me: 0123 456 789");
    }
}

#[tokio::test]
async fn moderators_warn_and_pause_a_member_who_then_reads_but_does_not_post() {
    for app in apps(config()).await {
        let (host, ann, sam) =
            (Who::new(&app, "host").await, Who::new(&app, "ann").await, Who::new(&app, "site_sam").await);
        app.store.set_role(sam.id, foothold_core::account::Role::Moderator).await.unwrap();
        let slug = open_group(&app, &host, &[&ann]).await;
        let (t, post) = thread(&app, &ann, &slug, "Hello", "You are all wrong").await;
        ann.json(
            &app,
            Method::POST,
            &format!("/api/v1/posts/{post}/reports"),
            Some(json!({"reason": "other"})),
        )
        .await;
        let moderate = format!("/api/v1/groups/{slug}/moderation");

        // The site-wide queue is for staff; it names each report's group.
        let (status, queue) = page(&app, &sam, "/moderation").await;
        assert_eq!(status, 200);
        assert!(queue.contains("Kind words") && queue.contains("A note to ann"), "{queue}");
        assert_eq!(page(&app, &ann, "/moderation").await.0, 403);
        let all = sam.json(&app, Method::GET, "/api/v1/moderation/reports", None).await;
        assert_eq!(
            (all[0]["group"].as_str(), all[0]["author_id"].as_i64()),
            (Some(slug.as_str()), Some(ann.id.0))
        );

        // A warning needs words; then the member alone reads them.
        let warn = json!({"action": "warn", "target": "member", "id": ann.id.0, "post": post});
        let r = host.call(&app, Method::POST, &moderate, Some(warn.clone())).await;
        assert_eq!(r.status(), 422);
        let mut warn = warn;
        warn["reason"] = json!("Please disagree kindly.");
        host.json(&app, Method::POST, &moderate, Some(warn)).await;
        let (_, news) = page(&app, &ann, "/notifications").await;
        assert!(
            news.contains("The moderators of Kind words sent you a note")
                && news.contains("Please disagree kindly.")
        );
        let (_, log) = page(&app, &ann, &format!("/groups/{slug}/log")).await;
        assert!(log.contains("A member was sent a private note") && !log.contains("Please disagree kindly."));

        // A pause: a day to a month, for members (not the group's host).
        let pause =
            |days: i64, id: i64| json!({"action": "suspend", "target": "member", "id": id, "days": days});
        assert_eq!(host.call(&app, Method::POST, &moderate, Some(pause(5, ann.id.0))).await.status(), 422);
        assert_eq!(sam.call(&app, Method::POST, &moderate, Some(pause(3, host.id.0))).await.status(), 422);
        host.json(&app, Method::POST, &moderate, Some(pause(3, ann.id.0))).await;
        let reply = json!({"body": "sorry"});
        let r =
            ann.call(&app, Method::POST, &format!("/api/v1/threads/{t}/posts"), Some(reply.clone())).await;
        assert_eq!(r.status(), 403, "a paused member does not post");
        assert_eq!(
            ann.call(&app, Method::GET, &format!("/api/v1/threads/{t}"), None).await.status(),
            200,
            "but reads"
        );
        let (_, seen) = page(&app, &ann, &format!("/threads/{t}")).await;
        assert!(
            seen.contains("You are all wrong") && !seen.contains(&format!("/posts/{post}/edit")),
            "no edit while paused"
        );
        assert_eq!(page(&app, &ann, &format!("/posts/{post}/edit")).await.0, 403);
        let (_, news) = page(&app, &ann, "/notifications").await;
        assert!(news.contains("paused your posting there until"));
        let (_, queue) = page(&app, &host, &format!("/groups/{slug}/moderation")).await;
        assert!(queue.contains("posting paused until"), "{queue}");

        let unpause = json!({"action": "unsuspend", "target": "member", "id": ann.id.0});
        host.json(&app, Method::POST, &moderate, Some(unpause)).await;
        ann.json(&app, Method::POST, &format!("/api/v1/threads/{t}/posts"), Some(reply)).await;
    }
}

#[tokio::test]
async fn a_moderator_moves_a_conversation_to_another_group_they_look_after() {
    for app in apps(config()).await {
        let (host, ann, other_host) =
            (Who::new(&app, "host").await, Who::new(&app, "ann").await, Who::new(&app, "oth").await);
        let from = open_group(&app, &host, &[&ann]).await;
        let to = host
            .json(
                &app,
                Method::POST,
                "/api/v1/groups",
                Some(json!({"name": "Walking together", "kind": "exercise", "visibility": "public"})),
            )
            .await["slug"]
            .as_str()
            .unwrap()
            .to_owned();
        let elsewhere = other_host
            .json(
                &app,
                Method::POST,
                "/api/v1/groups",
                Some(json!({"name": "Someone else's", "kind": "support", "visibility": "public"})),
            )
            .await["slug"]
            .as_str()
            .unwrap()
            .to_owned();
        let (t, post) = thread(&app, &ann, &from, "Walking buddies?", "Anyone near the park?").await;
        ann.json(
            &app,
            Method::POST,
            &format!("/api/v1/posts/{post}/reports"),
            Some(json!({"reason": "other"})),
        )
        .await
        .to_string();

        // The thread page offers the host's other group, and nothing to a member.
        let (_, seen) = page(&app, &host, &format!("/threads/{t}")).await;
        assert!(seen.contains("Move this conversation") && seen.contains(&format!("value=\"{to}\"")));
        assert!(!seen.contains(&format!("value=\"{elsewhere}\"")) && !seen.contains("value=\"hacks\""));
        let (_, theirs) = page(&app, &ann, &format!("/threads/{t}")).await;
        assert!(!theirs.contains("Move this conversation"));

        // Not to a group they do not look after, nor by a member, nor a hack's group.
        let moving = |to: &str| json!({"action": "move", "target": "thread", "id": t, "to": to});
        let path = format!("/api/v1/groups/{from}/moderation");
        for nowhere in [elsewhere.as_str(), "hacks", "no-such-group", from.as_str()] {
            let r = host.call(&app, Method::POST, &path, Some(moving(nowhere))).await;
            assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "{nowhere}");
        }
        let r = ann.call(&app, Method::POST, &path, Some(moving(&to))).await;
        assert_eq!(r.status(), StatusCode::FORBIDDEN);

        // Through the page's form: the thread, its open report and both logs follow.
        let fields = [
            ("action", "move"),
            ("target", "thread"),
            ("id", &t.to_string()),
            ("to", &to),
            ("reason", "it is about walking"),
            ("back", "thread"),
        ];
        let r = app
            .submit(&host.c, &format!("/threads/{t}"), &format!("/groups/{from}/moderation"), &fields)
            .await;
        assert_eq!(r.status(), 303);
        assert_eq!(r.headers()["location"].to_str().unwrap(), format!("/threads/{t}?done=moved"));
        let (_, moved) = page(&app, &host, &format!("/threads/{t}?done=moved")).await;
        assert!(moved.contains("Moved. This conversation now belongs") && moved.contains("Walking together"));
        let reports = host.json(&app, Method::GET, &format!("/api/v1/groups/{to}/reports"), None).await;
        assert_eq!(reports.as_array().unwrap().len(), 1, "{reports}");
        assert!(
            host.json(&app, Method::GET, &format!("/api/v1/groups/{from}/reports"), None).await == json!([])
        );
        for slug in [&from, &to] {
            let log = ann.json(&app, Method::GET, &format!("/api/v1/groups/{slug}/log"), None).await;
            assert_eq!(
                (log[0]["action"].as_str(), log[0]["thread"].as_i64()),
                (Some("move"), Some(t)),
                "{slug}"
            );
        }
        let list = ann.json(&app, Method::GET, &format!("/api/v1/groups/{to}/threads"), None).await;
        assert!(list.to_string().contains("Walking buddies?"), "{list}");
    }
}

#[tokio::test]
async fn an_advocacy_group_keeps_pinned_resources_its_moderators_look_after() {
    for app in apps(config()).await {
        let (host, ann, out) =
            (Who::new(&app, "host").await, Who::new(&app, "ann").await, Who::new(&app, "outsider").await);
        let made = host
            .json(
                &app,
                Method::POST,
                "/api/v1/groups",
                Some(json!({"name": "Pain at work", "kind": "advocacy", "visibility": "members"})),
            )
            .await;
        let slug = made["slug"].as_str().unwrap().to_owned();
        ann.json(&app, Method::POST, &format!("/api/v1/groups/{slug}/membership"), Some(json!({}))).await;
        let support = open_group(&app, &host, &[&ann]).await;

        // Through the page: a form with a preview, then the resource's own page and the list.
        let new = format!("/groups/{slug}/resources/new");
        let fields = [
            ("title", "A letter to start from"),
            ("body", "Dear **manager**, see [your rights](https://example.org/rights)"),
            ("action", "save"),
        ];
        let r = app.submit(&host.c, &new, &format!("/groups/{slug}/resources"), &fields).await;
        assert_eq!(r.status(), 303);
        let at = r.headers()["location"].to_str().unwrap().to_owned();
        let (status, shown) = page(&app, &ann, &at).await;
        assert_eq!(status, 200);
        assert!(
            shown.contains("<strong>manager</strong>") && shown.contains("rel=\"nofollow ugc noopener\""),
            "{shown}"
        );
        assert!(!shown.contains("Change this resource"), "members read; moderators change");
        let (_, group) = page(&app, &ann, &format!("/groups/{slug}")).await;
        assert!(
            group.contains(&format!("href=\"/groups/{slug}/resources\"")),
            "the group links its resources"
        );
        let (_, list) = page(&app, &ann, &format!("/groups/{slug}/resources")).await;
        assert!(list.contains("A letter to start from") && !list.contains("Add a resource"));
        let (status, _) = page(&app, &ann, &format!("/groups/{support}/resources")).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "other kinds of group keep none");

        // Members read but do not change; outsiders of a members-only group do not read.
        let path = format!("/api/v1/groups/{slug}/resources");
        let one = json!({"title": "Rights at work", "body": "Know them."});
        assert_eq!(
            ann.call(&app, Method::POST, &path, Some(one.clone())).await.status(),
            StatusCode::FORBIDDEN
        );
        assert_eq!(out.call(&app, Method::GET, &path, None).await.status(), StatusCode::NOT_FOUND);
        assert_eq!(ann.json(&app, Method::GET, &path, None).await.as_array().unwrap().len(), 1);
        // Other kinds of group keep none.
        let other = format!("/api/v1/groups/{support}/resources");
        assert_eq!(
            host.call(&app, Method::POST, &other, Some(one.clone())).await.status(),
            StatusCode::NOT_FOUND
        );
        let bad = json!({"title": "x", "body": ""});
        assert_eq!(
            host.call(&app, Method::POST, &path, Some(bad)).await.status(),
            StatusCode::UNPROCESSABLE_ENTITY
        );

        // Changed and removed through the API; thirty at most.
        let id = host.json(&app, Method::POST, &path, Some(one)).await["id"].as_i64().unwrap();
        let changed = json!({"title": "Rights at work (2027)", "body": "Know them well."});
        host.json(&app, Method::PUT, &format!("{path}/{id}"), Some(changed)).await;
        let all = ann.json(&app, Method::GET, &path, None).await;
        assert_eq!(all[1]["title"], "Rights at work (2027)", "in the order added: {all}");
        let first = all[0]["id"].as_i64().unwrap();

        // Ordered: "Move up" on the page, the whole order through the API; members may not.
        let (_, list) = page(&app, &host, &format!("/groups/{slug}/resources")).await;
        assert!(
            list.contains(&format!("/groups/{slug}/resources/{id}/up"))
                && !list.contains(&format!("/{first}/up"))
        );
        let list_page = format!("/groups/{slug}/resources");
        let r = app.submit(&host.c, &list_page, &format!("/groups/{slug}/resources/{id}/up"), &[]).await;
        assert_eq!(r.status(), 303);
        let ids = |all: Value| {
            all.as_array().unwrap().iter().map(|r| r["id"].as_i64().unwrap()).collect::<Vec<_>>()
        };
        assert_eq!(ids(ann.json(&app, Method::GET, &path, None).await), [id, first]);
        let order = format!("{path}/order");
        assert_eq!(
            ann.call(&app, Method::PUT, &order, Some(json!({"ids": [first, id]}))).await.status(),
            StatusCode::FORBIDDEN
        );
        for wrong in
            [json!({"ids": [first]}), json!({"ids": [first, first]}), json!({"ids": [first, id, 999_999]})]
        {
            let r = host.call(&app, Method::PUT, &order, Some(wrong)).await;
            assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        }
        assert_eq!(
            ids(ann.json(&app, Method::GET, &path, None).await),
            [id, first],
            "a wrong order changes nothing"
        );
        assert_eq!(
            host.call(&app, Method::PUT, &order, Some(json!({"ids": [first, id]}))).await.status(),
            StatusCode::NO_CONTENT
        );
        assert_eq!(ids(ann.json(&app, Method::GET, &path, None).await), [first, id]);
        host.json(&app, Method::DELETE, &format!("{path}/{id}"), None).await;
        assert_eq!(
            host.call(&app, Method::DELETE, &format!("{path}/{id}"), None).await.status(),
            StatusCode::NOT_FOUND
        );
        for i in 1..foothold_store::RESOURCES_MAX {
            host.json(&app, Method::POST, &path, Some(json!({"title": format!("Note {i}"), "body": "ok"})))
                .await;
        }
        let r =
            host.call(&app, Method::POST, &path, Some(json!({"title": "One too many", "body": "ok"}))).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(ann.json(&app, Method::GET, &path, None).await.as_array().unwrap().len(), 30);
    }
}
