//! The skills library and articles over HTTP: open to all, rendered from `content/`, and a
//! practised skill logged into today's check-in (once per day) for members.

use crate::common::{apps, browser, config, csrf_token};
use serde_json::Value;

const PW: &str = "a calm long passphrase";

#[tokio::test]
async fn skills_and_articles_are_listed_and_shown_to_everyone() {
    for app in apps(config()).await {
        let c = browser();
        let list = app.get(&c, "/skills").await.text().await.unwrap();
        assert!(
            list.contains("Breathing and relaxation") && list.contains(r#"href="/skills/slow-breathing""#)
        );
        assert_eq!(list.matches("<li><a href=\"/skills/").count(), 17, "every skill listed once");

        let skill = app.get(&c, "/skills/slow-breathing").await.text().await.unwrap();
        assert!(skill.contains("<h1>Slow breathing</h1>") && skill.contains("Why this helps"));
        assert!(
            skill.contains(r##"<a class="button start" href="#timer">"##)
                && skill.contains(r#"class="breath b-4-6-300""#)
        );
        assert!(skill.contains("<ol>"), "steps are rendered from Markdown");
        assert!(skill.contains("Log in to keep a record"), "visitors are invited, not shown a form");

        let css_url = skill.split("href=\"/assets/foothold.css").nth(1).unwrap().split('"').next().unwrap();
        let css = app.get(&c, &format!("/assets/foothold.css{css_url}")).await.text().await.unwrap();
        assert!(css.contains("#timer:target .b-4-6-300{animation:b-4-6-300 10s ease-in-out 30}"), "{css}");

        let learn = app.get(&c, "/learn").await.text().await.unwrap();
        assert_eq!(learn.matches("<li><a href=\"/learn/").count(), 9);
        let article = app.get(&c, "/learn/where-learned-helplessness-comes-from").await.text().await.unwrap();
        assert!(article.contains("<h2>Sources</h2>"));

        assert_eq!(app.get(&c, "/skills/no-such-skill").await.status(), 404);
        assert_eq!(app.get(&c, "/learn/no-such-article").await.status(), 404);
    }
}

#[tokio::test]
async fn a_practised_skill_goes_into_today_s_check_in_once() {
    for app in apps(config()).await {
        let anonymous = browser();
        let r = anonymous
            .post(app.url("/skills/slow-breathing/done"))
            .form(&[("csrf", "x")])
            .send()
            .await
            .unwrap();
        assert_ne!(r.status(), 303, "no logging without an account");

        let c = browser();
        app.register(&c, "Breather", PW).await;
        for _ in 0..2 {
            let page = app.get(&c, "/skills/slow-breathing").await.text().await.unwrap();
            let r = c
                .post(app.url("/skills/slow-breathing/done"))
                .form(&[("csrf", csrf_token(&page))])
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), 303);
            let to = r.headers()["location"].to_str().unwrap().to_owned();
            let page = app.get(&c, &to).await.text().await.unwrap();
            assert!(page.contains("Well done. “Slow breathing” is in today's check-in."), "{page}");
        }
        let days: Value = c.get(app.url("/api/v1/diary.json")).send().await.unwrap().json().await.unwrap();
        let days = days.as_array().unwrap();
        assert_eq!(days.len(), 1);
        assert_eq!(days[0]["strategies"], serde_json::json!(["Slow breathing"]), "tagged once: {days:?}");
        assert!(days[0]["pain"].is_null(), "no rating is invented");

        let checkin = app.get(&c, "/checkin").await.text().await.unwrap();
        assert!(checkin.contains("Slow breathing"), "the skill is now one of the member's strategies");
    }
}
