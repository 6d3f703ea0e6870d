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
        // The typeface is shipped with Foothold, never fetched from another host.
        let font = css.split("src:url(").nth(1).unwrap().split(')').next().unwrap();
        assert!(font.starts_with("/assets/fonts/atkinson-400.woff2?v="), "{font}");
        let r = app.get(&c, font).await;
        assert_eq!((r.status().as_u16(), r.headers()["content-type"].to_str().unwrap()), (200, "font/woff2"));
        assert!(r.bytes().await.unwrap().starts_with(b"wOF2"));
        assert_eq!(app.get(&c, "/assets/fonts/other.woff2").await.status(), 404);

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

#[tokio::test]
async fn a_flare_plan_is_written_and_kept_privately_on_its_page() {
    for app in apps(config()).await {
        let c = browser();
        app.register(&c, "Planner", PW).await;
        let page = app.get(&c, "/skills/flare-plan").await.text().await.unwrap();
        assert!(page.contains("Write it here") && page.contains(r#"name="writing""#));
        let checkin = app.get(&c, "/checkin").await.text().await.unwrap();
        assert!(checkin.contains(r##"href="/skills/flare-plan#writing""##), "one tap from the check-in");
        let write = |text: String| {
            let form = [("csrf", csrf_token(&page)), ("writing", text)];
            c.post(app.url("/skills/flare-plan/write")).form(&form).send()
        };
        let r = write("  Heat pad, lie on the floor, tell Sam.  ".into()).await.unwrap();
        assert_eq!(
            (r.status().as_u16(), r.headers()["location"].to_str().unwrap()),
            (303, "/skills/flare-plan?kept=1#writing")
        );
        let kept = app.get(&c, "/skills/flare-plan?kept=1").await.text().await.unwrap();
        assert!(
            kept.contains("Kept. Only you can see it.")
                && kept.contains(">Heat pad, lie on the floor, tell Sam.</textarea>")
        );

        // Too long: refused, shown as typed, and what was kept stays.
        let r = write("x".repeat(10_001)).await.unwrap();
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains("10,000 characters"));
        let again = app.get(&c, "/skills/flare-plan").await.text().await.unwrap();
        assert!(again.contains(">Heat pad, lie on the floor, tell Sam.</textarea>"));

        // Words that ask for support are met with it, as anywhere else.
        assert_eq!(
            write("I want to end my life when the next flare comes.".into()).await.unwrap().status(),
            303
        );
        let met = app.get(&c, "/skills/flare-plan").await.text().await.unwrap();
        assert!(met.contains(r#"class="support"#), "{met}");

        // Nobody else sees it; skills without writing take none; emptying it removes it.
        let other = browser();
        app.register(&other, "Neighbour", PW).await;
        assert!(!app
            .get(&other, "/skills/flare-plan")
            .await
            .text()
            .await
            .unwrap()
            .contains("next flare comes"));
        let form = [("csrf", csrf_token(&page)), ("writing", "notes".to_owned())];
        let r = c.post(app.url("/skills/slow-breathing/write")).form(&form).send().await.unwrap();
        assert_eq!(r.status(), 404);
        assert_eq!(write("   ".into()).await.unwrap().status(), 303);
        let user = app
            .store
            .user_by_handle(&foothold_core::account::Handle::parse("Planner").unwrap())
            .await
            .unwrap();
        assert!(app.store.writings(user.id).await.unwrap().is_empty());
    }
}
