//! Profiles over HTTP on both databases: nothing shown until the member chooses, each field
//! to its own audience, private groups only to their members, nothing across a block.

use crate::common::{apps, browser, config, TestApp};
use crate::community::Who;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

async fn page(app: &TestApp, who: &Who, path: &str) -> (StatusCode, String) {
    let r = who.c.get(app.url(path)).send().await.unwrap();
    (r.status(), r.text().await.unwrap())
}

async fn group(app: &TestApp, host: &Who, name: &str, visibility: &str, members: &[&Who]) -> String {
    let body = json!({"name": name, "kind": "support", "visibility": visibility});
    let slug =
        host.json(app, Method::POST, "/api/v1/groups", Some(body)).await["slug"].as_str().unwrap().to_owned();
    let (g, _) = app.store.group(&slug, None).await.unwrap();
    for m in members {
        let active = Some(foothold_store::Membership::new(
            foothold_core::community::Role::Member,
            foothold_core::community::Standing::Active,
        ));
        app.store.set_membership(g.id, m.id, active).await.unwrap();
    }
    slug
}

#[tokio::test]
async fn each_part_of_a_profile_reaches_only_the_audience_its_member_chose() {
    for app in apps(config()).await {
        let (ann, bob, cy, dee) = (
            Who::new(&app, "ann").await,
            Who::new(&app, "bob").await,
            Who::new(&app, "cyd").await,
            Who::new(&app, "dee").await,
        );
        group(&app, &ann, "Back pain, evenings", "public", &[&bob, &dee]).await;
        group(&app, &ann, "Quiet corner", "private", &[&dee]).await;

        // Nothing until Ann chooses.
        let (status, empty) = page(&app, &bob, "/members/ann").await;
        assert_eq!(status, 200);
        assert!(empty.contains("ann has not shared anything here."), "{empty}");

        // A form with mistakes changes nothing and says what is wrong, field by field.
        let long = "x".repeat(501);
        let bad = [
            ("about", long.as_str()),
            ("about_to", "members"),
            ("living_with", ""),
            ("living_with_to", "everyone"),
            ("groups_to", "friends"),
            ("since_to", "nobody"),
        ];
        let r = app.submit(&ann.c, "/account/profile", "/account/profile", &bad).await;
        assert_eq!(r.status(), 422);
        assert_eq!(ann.json(&app, Method::GET, "/api/v1/me/profile", None).await["about_to"], "nobody");

        let fields = [
            ("about", "Gardener. <script>x</script>\nSlow walker."),
            ("about_to", "members"),
            ("living_with", "back pain since 2019"),
            ("living_with_to", "everyone"),
            ("groups_to", "members"),
            ("since_to", "nobody"),
        ];
        let r = app.submit(&ann.c, "/account/profile", "/account/profile", &fields).await;
        assert_eq!(r.status(), 303);
        assert_eq!(r.headers()["location"].to_str().unwrap(), "/members/ann?done=saved");

        // Bob shares a public group with her: about, living with, the public group only.
        let (_, seen) = page(&app, &bob, "/members/ann").await;
        assert!(seen.contains("Gardener. &lt;script&gt;") && seen.contains("back pain since 2019"), "{seen}");
        assert!(
            seen.contains("Back pain, evenings")
                && !seen.contains("Quiet corner")
                && !seen.contains("Member since")
        );
        assert!(seen.contains("href=\"/messages/ann\""));
        // Dee is in the private group too, so she is told of it.
        let api = dee.json(&app, Method::GET, "/api/v1/members/ann", None).await;
        let names: Vec<&str> =
            api["groups"].as_array().unwrap().iter().map(|g| g["name"].as_str().unwrap()).collect();
        assert_eq!(names, ["Back pain, evenings", "Quiet corner"]);
        // Cyd shares nothing with her: only what is for everyone.
        let other = cy.json(&app, Method::GET, "/api/v1/members/ann", None).await;
        assert_eq!(
            other,
            json!({"handle": "ann", "member_since": null, "about": null, "living_with": "back pain since 2019", "groups": null})
        );
        // A block, either way, leaves only the name.
        dee.json(&app, Method::PUT, "/api/v1/members/ann/block", None).await;
        let blocked = dee.json(&app, Method::GET, "/api/v1/members/ann", None).await;
        assert_eq!((blocked["living_with"].clone(), blocked["groups"].clone()), (Value::Null, Value::Null));
        let theirs = ann.json(&app, Method::GET, "/api/v1/members/dee", None).await;
        assert_eq!(theirs["handle"], "dee");

        // Ann sees all of it, with who sees each part.
        let (_, own) = page(&app, &ann, "/members/ann?done=saved").await;
        assert!(
            own.contains("Member since")
                && own.contains("seen only by you")
                && own.contains("seen by anyone signed in")
        );

        // The API sets it too, with the same rules.
        let r = ann
            .call(&app, Method::PUT, "/api/v1/me/profile", Some(json!({"about_to": "all", "living_with_to": "nobody", "groups_to": "nobody", "since_to": "everyone"})))
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let r = ann
            .call(&app, Method::PUT, "/api/v1/me/profile", Some(json!({"about_to": "nobody", "living_with_to": "nobody", "groups_to": "nobody", "since_to": "everyone"})))
            .await;
        assert_eq!(r.status(), StatusCode::NO_CONTENT);
        let after = cy.json(&app, Method::GET, "/api/v1/members/ann", None).await;
        assert!(after["member_since"].is_string() && after["living_with"].is_null(), "{after}");

        assert_eq!(
            browser().get(app.url("/members/ann")).send().await.unwrap().status(),
            StatusCode::SEE_OTHER
        );
        assert_eq!(
            browser().get(app.url("/api/v1/members/ann")).send().await.unwrap().status(),
            StatusCode::UNAUTHORIZED
        );
        assert_eq!(page(&app, &bob, "/members/nobody_at_all").await.0, StatusCode::NOT_FOUND);
    }
}
