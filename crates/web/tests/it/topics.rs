//! What a group is about, on both databases: topics chosen when it starts and changed by its
//! hosts alone, shown on its page, and the directory filtered by topic and leading with the
//! groups about the member's own pains — through the pages and the API alike.

use crate::common::{apps, config, TestApp};
use crate::community::Who;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

async fn page(app: &TestApp, who: &Who, path: &str) -> (StatusCode, String) {
    let r = who.c.get(app.url(path)).send().await.unwrap();
    (r.status(), r.text().await.unwrap())
}

async fn error_code(r: reqwest::Response) -> (StatusCode, String) {
    let status = r.status();
    let v: Value = r.json().await.unwrap();
    (status, v["error"]["fields"][0]["code"].as_str().unwrap_or("").to_owned())
}

#[tokio::test]
async fn groups_say_what_they_are_about_and_the_directory_finds_them() {
    for app in apps(config()).await {
        let (host, ann) = (Who::new(&app, "host").await, Who::new(&app, "ann").await);
        let new = json!({"name": "Migraine mornings", "kind": "support", "visibility": "public",
                         "tags": ["head", "migraine", "migraine"]});
        let made = host.json(&app, Method::POST, "/api/v1/groups", Some(new)).await;
        assert_eq!(made["tags"], json!(["migraine", "head"]), "each once, in the vocabulary's order");
        let hips =
            json!({"name": "Hip walkers", "kind": "exercise", "visibility": "public", "tags": ["hips"]});
        host.json(&app, Method::POST, "/api/v1/groups", Some(hips)).await;
        let plain = json!({"name": "Anything goes", "kind": "support", "visibility": "public"});
        host.json(&app, Method::POST, "/api/v1/groups", Some(plain)).await;

        // Bad topics change nothing and say why.
        let six = json!({"name": "Too much", "kind": "support", "visibility": "public",
                         "tags": ["migraine", "head", "neck_pain", "shoulders", "back", "hips"]});
        let r = host.call(&app, Method::POST, "/api/v1/groups", Some(six)).await;
        assert_eq!(error_code(r).await, (StatusCode::UNPROCESSABLE_ENTITY, "group-tags-many".into()));
        let r = host
            .call(&app, Method::PUT, "/api/v1/groups/migraine-mornings/tags", Some(json!({"tags": ["gout"]})))
            .await;
        assert_eq!(error_code(r).await, (StatusCode::UNPROCESSABLE_ENTITY, "choose-one".into()));

        // The API filters by topic.
        let about = ann.json(&app, Method::GET, "/api/v1/groups?about=migraine", None).await;
        let slugs: Vec<&str> =
            about.as_array().unwrap().iter().map(|g| g["slug"].as_str().unwrap()).collect();
        assert_eq!(slugs, ["migraine-mornings"]);
        let r = ann.call(&app, Method::GET, "/api/v1/groups?about=gout", None).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);

        // The page: filtered, and the member's own pains first when not filtered.
        let (status, filtered) = page(&app, &ann, "/groups?about=hips").await;
        assert_eq!(status, 200);
        assert!(
            filtered.contains("One group about Hips")
                && filtered.contains("Hip walkers")
                && !filtered.contains("Migraine mornings"),
            "{filtered}"
        );
        assert!(filtered.contains(r#"<option value="hips" selected>"#));
        assert_eq!(page(&app, &ann, "/groups?about=gout").await.0, 422);
        let (_, before) = page(&app, &ann, "/groups").await;
        assert!(!before.contains("About what you live with"), "no pains chosen yet");
        let r = app.submit(&ann.c, "/hacks", "/hacks/tags", &[("tag", "migraine")]).await;
        assert_eq!(r.status(), 303);
        let (_, directory) = page(&app, &ann, "/groups").await;
        let near = directory.find("About what you live with").expect("a section for the member's pains");
        let support = directory.find("Support groups").unwrap();
        let mornings = directory.find("Migraine mornings").unwrap();
        assert!(near < mornings && mornings < support, "the group about their pain comes first");
        assert!(directory.contains("About: Migraine and headache, Head"));

        // Only hosts (and site staff) change topics; the page shows them.
        let r =
            ann.call(&app, Method::PUT, "/api/v1/groups/hip-walkers/tags", Some(json!({"tags": []}))).await;
        assert_eq!(r.status(), StatusCode::FORBIDDEN);
        assert_eq!(page(&app, &ann, "/groups/hip-walkers/topics").await.0, StatusCode::FORBIDDEN);
        let (_, form) = page(&app, &host, "/groups/hip-walkers").await;
        assert!(form.contains(r#"href="/groups/hip-walkers/topics""#));
        let (_, topics) = page(&app, &host, "/groups/hip-walkers/topics").await;
        assert!(topics.contains(r#"value="hips" checked"#), "{topics}");
        let fields = [("tags", "hips"), ("tags", "legs_knees"), ("tags", "arthritis")];
        let r =
            app.submit(&host.c, "/groups/hip-walkers/topics", "/groups/hip-walkers/topics", &fields).await;
        assert_eq!(r.status(), 303);
        let (_, shown) = page(&app, &ann, "/groups/hip-walkers").await;
        assert!(shown.contains("About: Arthritis, Hips, Legs and knees"), "{shown}");
        assert!(!shown.contains("/groups/hip-walkers/topics"), "members are not offered the change");
        let many: Vec<(&str, &str)> = ["migraine", "head", "neck_pain", "shoulders", "back", "hips"]
            .iter()
            .map(|t| ("tags", *t))
            .collect();
        let r = app.submit(&host.c, "/groups/hip-walkers/topics", "/groups/hip-walkers/topics", &many).await;
        assert_eq!(r.status(), 422);
        let again = r.text().await.unwrap();
        assert!(again.contains("at most 5 topics") && again.contains(r#"value="neck_pain" checked"#));
        let kept = ann.json(&app, Method::GET, "/api/v1/groups/hip-walkers", None).await;
        assert_eq!(
            kept["tags"],
            json!(["arthritis", "hips", "legs_knees"]),
            "a refused change changes nothing"
        );
        let cleared =
            host.json(&app, Method::PUT, "/api/v1/groups/hip-walkers/tags", Some(json!({"tags": []}))).await;
        assert_eq!(cleared["tags"], json!([]));
    }
}
