//! The HTML side, driven over HTTP like a browser without JavaScript.

use crate::common::{apps, browser, config, crisis_config, csrf_token};

const PW: &str = "a calm long passphrase";

#[tokio::test]
async fn register_log_out_and_log_in_again() {
    for app in apps(config()).await {
        let c = browser();
        app.register(&c, "Quiet_Fern", PW).await;
        let home = app.get(&c, "/").await.text().await.unwrap();
        assert!(home.contains("Hello, Quiet_Fern"), "{home}");

        let html = app.get(&c, "/").await.text().await.unwrap();
        let r = c.post(app.url("/logout")).form(&[("csrf", csrf_token(&html))]).send().await.unwrap();
        assert_eq!(r.status(), 303);
        let account = app.get(&c, "/account").await;
        assert_eq!(
            (account.status().as_u16(), account.headers()["location"].to_str().unwrap()),
            (303, "/login")
        );

        let r = app.submit(&c, "/login", "/login", &[("handle", "quiet_fern"), ("password", PW)]).await;
        assert_eq!(r.status(), 303, "handles are matched regardless of case");
        assert!(app.get(&c, "/account").await.text().await.unwrap().contains("Quiet_Fern"));
    }
}

#[tokio::test]
async fn a_bad_registration_shows_every_problem_keeps_input_and_changes_nothing() {
    for app in apps(config()).await {
        let c = browser();
        let r = app
            .submit(
                &c,
                "/register",
                "/register",
                &[("handle", "a b"), ("password", "short"), ("email", "kept@example")],
            )
            .await;
        assert_eq!(r.status(), 422);
        let html = r.text().await.unwrap();
        assert!(html.contains("There is a problem"));
        assert!(html.contains("Please use only letters"), "handle message");
        assert!(html.contains("at least 10 characters"), "password message");
        assert!(html.contains("does not look like an e-mail address"), "email message");
        assert!(html.contains(r#"value="kept@example""#), "input kept");
        assert!(html.contains(r#"value="a b""#), "input kept");
        assert!(!html.contains(r#"value="short""#), "passwords are never echoed");
        assert!(html.contains(r#"aria-invalid="true""#) && html.contains(r##"href="#handle""##));
        assert_eq!(app.store.count_users().await.unwrap(), 0);
    }
}

#[tokio::test]
async fn a_taken_handle_is_a_conflict_shown_beside_the_field() {
    for app in apps(config()).await {
        app.register(&browser(), "River", PW).await;
        let r =
            app.submit(&browser(), "/register", "/register", &[("handle", "RIVER"), ("password", PW)]).await;
        assert_eq!(r.status(), 409);
        assert!(r.text().await.unwrap().contains("Someone already uses that handle"));
        assert_eq!(app.store.count_users().await.unwrap(), 1);
    }
}

#[tokio::test]
async fn wrong_password_is_refused_without_saying_which_part_was_wrong() {
    for app in apps(config()).await {
        app.register(&browser(), "Sparrow", PW).await;
        let c = browser();
        let wrong_pw = app
            .submit(&c, "/login", "/login", &[("handle", "Sparrow"), ("password", "not the password")])
            .await;
        assert_eq!(wrong_pw.status(), 401);
        let wrong_pw = wrong_pw.text().await.unwrap();
        let no_user = app.submit(&c, "/login", "/login", &[("handle", "Nobody"), ("password", PW)]).await;
        assert_eq!(no_user.status(), 401);
        assert!(wrong_pw.contains("do not match an account"));
        assert!(wrong_pw.contains(r#"value="Sparrow""#), "handle kept");
        assert!(no_user.text().await.unwrap().contains("do not match an account"));
    }
}

#[tokio::test]
async fn state_changes_without_the_csrf_token_or_from_another_site_are_refused() {
    for app in apps(config()).await {
        let c = browser();
        app.register(&c, "Heron", PW).await;
        let html = app.get(&c, "/account").await.text().await.unwrap();
        let token = csrf_token(&html);

        let none = c.post(app.url("/logout")).form(&[("x", "y")]).send().await.unwrap();
        assert_eq!(none.status(), 403);
        assert!(none.text().await.unwrap().contains("This form has expired"));
        let wrong = c.post(app.url("/logout")).form(&[("csrf", "0".repeat(64))]).send().await.unwrap();
        assert_eq!(wrong.status(), 403);
        let foreign = c
            .post(app.url("/logout"))
            .header("origin", "https://evil.example")
            .form(&[("csrf", token.as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(foreign.status(), 403);
        assert!(app.get(&c, "/account").await.status().is_success(), "still logged in");

        // Anonymous forms use the double-submit cookie: a token from another browser fails.
        let other = browser();
        let r = other
            .post(app.url("/login"))
            .form(&[("csrf", token.as_str()), ("handle", "Heron"), ("password", PW)])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 403);
    }
}

#[tokio::test]
async fn changing_the_password_logs_out_other_devices_only() {
    for app in apps(config()).await {
        let (phone, laptop) = (browser(), browser());
        app.register(&phone, "Willow", PW).await;
        let r = app.submit(&laptop, "/login", "/login", &[("handle", "Willow"), ("password", PW)]).await;
        assert_eq!(r.status(), 303);

        let bad = app
            .submit(
                &phone,
                "/account",
                "/account/password",
                &[("current_password", "wrong one!!"), ("new_password", "x")],
            )
            .await;
        assert_eq!(bad.status(), 422);
        let bad = bad.text().await.unwrap();
        assert!(bad.contains("That password is not right") && bad.contains("at least 10 characters"));

        let ok = app
            .submit(
                &phone,
                "/account",
                "/account/password",
                &[("current_password", PW), ("new_password", "another calm phrase")],
            )
            .await;
        assert_eq!(ok.status(), 200);
        assert!(ok.text().await.unwrap().contains("Other devices have been logged out"));
        assert_eq!(app.get(&phone, "/account").await.status(), 200);
        assert_eq!(app.get(&laptop, "/account").await.status(), 303);
    }
}

#[tokio::test]
async fn deleting_the_account_needs_the_password_and_removes_it() {
    for app in apps(config()).await {
        let c = browser();
        app.register(&c, "Leaving", PW).await;
        let r = app.submit(&c, "/account", "/account/delete", &[("password", "not my password")]).await;
        assert_eq!(r.status(), 422);
        assert_eq!(app.store.count_users().await.unwrap(), 1);

        let r = app.submit(&c, "/account", "/account/delete", &[("password", PW)]).await;
        assert_eq!(r.status(), 303);
        assert_eq!(app.store.count_users().await.unwrap(), 0);
        let to = r.headers()["location"].to_str().unwrap().to_owned();
        assert!(app.get(&c, &to).await.text().await.unwrap().contains("has been deleted"));
        let again =
            app.submit(&browser(), "/login", "/login", &[("handle", "Leaving"), ("password", PW)]).await;
        assert_eq!(again.status(), 401);
    }
}

#[tokio::test]
async fn api_tokens_are_shown_once_and_can_be_revoked_from_the_account_page() {
    for app in apps(config()).await {
        let c = browser();
        app.register(&c, "Tinkerer", PW).await;
        let r = app.submit(&c, "/account", "/account/tokens", &[("name", "export script")]).await;
        let html = r.text().await.unwrap();
        let secret =
            html.split("<code class=\"token\">").nth(1).unwrap().split('<').next().unwrap().to_owned();
        assert!(secret.starts_with("fh_"));
        let me = reqwest::Client::new().get(app.url("/api/v1/me")).bearer_auth(&secret).send().await.unwrap();
        assert_eq!(me.status(), 200);
        let page = app.get(&c, "/account").await.text().await.unwrap();
        assert!(page.contains("export script") && !page.contains(&secret), "listed, never shown again");

        let id = page.split("/account/tokens/").nth(1).unwrap().split('/').next().unwrap().to_owned();
        let r = app.submit(&c, "/account", &format!("/account/tokens/{id}/revoke"), &[]).await;
        assert_eq!(r.status(), 303);
        let me = reqwest::Client::new().get(app.url("/api/v1/me")).bearer_auth(&secret).send().await.unwrap();
        assert_eq!(me.status(), 401);
    }
}

#[tokio::test]
async fn every_page_has_security_headers_landmarks_and_the_help_link() {
    for app in apps(config()).await {
        let c = browser();
        app.register(&c, "Checker", PW).await;
        for (client, path, status) in [
            (&browser(), "/", 200),
            (&browser(), "/login", 200),
            (&browser(), "/register", 200),
            (&browser(), "/help", 200),
            (&browser(), "/privacy", 200),
            (&browser(), "/no-such-page", 404),
            (&c, "/account", 200),
            (&c, "/", 200),
        ] {
            let r = app.get(client, path).await;
            assert_eq!(r.status().as_u16(), status, "{path}");
            let h = r.headers().clone();
            let csp = h["content-security-policy"].to_str().unwrap();
            assert!(csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'"), "{path}");
            assert!(!csp.contains("unsafe-inline"));
            assert_eq!(h["x-content-type-options"], "nosniff");
            assert_eq!(h["referrer-policy"], "same-origin");
            assert!(h.get("strict-transport-security").is_none(), "no HSTS over plain HTTP");
            let html = r.text().await.unwrap();
            assert!(html.contains(r#"href="/help""#), "{path}: help link");
            assert!(html.contains(r#"href="/privacy""#), "{path}: privacy link");
            assert!(html.contains("<main") && html.contains(r#"<html lang="en""#), "{path}");
            assert!(!html.contains("<script"), "{path}: no script needed");
        }
    }
}

#[tokio::test]
async fn the_help_page_shows_the_operators_crisis_lines() {
    let mut cfg = config();
    cfg.crisis = crisis_config();
    for app in apps(cfg.clone()).await {
        let html = app.get(&browser(), "/help").await.text().await.unwrap();
        assert!(html.contains("Test Line") && html.contains(r#"href="tel:0800123""#), "{html}");
        assert!(html.contains(r#"href="tel:999""#), "the emergency number first: {html}");
    }
    for app in apps(config()).await {
        let html = app.get(&browser(), "/help").await.text().await.unwrap();
        assert!(html.contains("findahelpline.com") && html.contains("local emergency number"));
        assert!(!html.contains("configuration"), "operator notices go to the log, not to members");
    }
}

/// A client whose requests come, through the trusted proxy, from `ip`.
fn browser_at(ip: &str) -> reqwest::Client {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert("x-forwarded-for", ip.parse().unwrap());
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .default_headers(headers)
        .build()
        .unwrap()
}

#[tokio::test]
async fn a_password_guesser_locks_out_only_their_own_address() {
    let mut cfg = config();
    cfg.trust_proxy = true;
    cfg.limits.login_failures_per_account = 3;
    for app in apps(cfg.clone()).await {
        app.register(&browser(), "Target", PW).await;
        let guesser = browser_at("203.0.113.9");
        for _ in 0..3 {
            let r = app
                .submit(
                    &guesser,
                    "/login",
                    "/login",
                    &[("handle", "Target"), ("password", "guess guess guess")],
                )
                .await;
            assert_eq!(r.status(), 401);
        }
        let r = app.submit(&guesser, "/login", "/login", &[("handle", "target"), ("password", PW)]).await;
        assert_eq!(r.status(), 429, "even the right password waits at the guessing address");
        assert!(r.headers().contains_key("retry-after"));
        assert!(r.text().await.unwrap().contains("too many attempts"));
        let owner = browser_at("198.51.100.7");
        let r = app.submit(&owner, "/login", "/login", &[("handle", "target"), ("password", PW)]).await;
        assert_eq!(r.status(), 303, "the owner on their own device still signs in");
    }
}

#[tokio::test]
async fn registration_is_rate_limited_per_address() {
    let mut cfg = config();
    cfg.limits.register_per_ip = 2;
    for app in apps(cfg.clone()).await {
        app.register(&browser(), "First", PW).await;
        app.register(&browser(), "Second", PW).await;
        let r =
            app.submit(&browser(), "/register", "/register", &[("handle", "Third"), ("password", PW)]).await;
        assert_eq!(r.status(), 429);
        assert_eq!(app.store.count_users().await.unwrap(), 2);
    }
}

#[tokio::test]
async fn an_active_session_slides_forward_and_renews_its_cookie() {
    use foothold_core::account::Handle;
    for app in apps(config()).await {
        app.register(&browser(), "Regular", PW).await;
        let user = app.store.user_by_handle(&Handle::parse("Regular").unwrap()).await.unwrap();
        // A login from three weeks ago: ten days left.
        let raw = "ab".repeat(32);
        let old = foothold_store::Session {
            token_hash: foothold_services::secret::token_hash(&raw),
            csrf_token: "c".repeat(64),
            expires_at: foothold_store::now() + chrono::Duration::days(10),
        };
        app.store.create_session(user.id, &old, foothold_store::now()).await.unwrap();
        let r = reqwest::Client::new()
            .get(app.url("/account"))
            .header("cookie", format!("foothold_session={raw}"))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        let cookie = r.headers()["set-cookie"].to_str().unwrap().to_owned();
        assert!(
            cookie.starts_with(&format!("foothold_session={raw};")) && cookie.contains("Max-Age=2592000"),
            "{cookie}"
        );
        let now = foothold_store::now();
        let found = app.store.session(&old.token_hash, now).await.unwrap().unwrap();
        assert!(found.session.expires_at > now + chrono::Duration::days(29));
    }
}

#[tokio::test]
async fn the_privacy_page_says_what_is_kept_and_who_sees_it() {
    let app = apps(config()).await.remove(0);
    let html = app.get(&browser(), "/privacy").await.text().await.unwrap();
    for heading in ["What is kept", "Who can see it", "What is not kept", "Deleting your account"] {
        assert!(html.contains(heading), "{heading}");
    }
    assert!(html.contains("Only you."));
}

/// Database calls (`Store::statements`: a call may send a few statements in a row) each main
/// page may make for a member with a diary, an experiment and a goal, once warm. Measured when this test was written; a page that starts loading more fails
/// here, and raising a budget is a decision to make in review, not by accident.
const BUDGETS: [(&str, u64); 11] = [
    // Today's check-in is read with the account row, and only experiments including today
    // are loaded: one fewer on 2026-12-07.
    ("/", 4),
    ("/checkin", 8),
    // The member's today comes from the time zone in the session's account row: one query
    // fewer on each of these since 2026-12-07.
    ("/history", 1),
    ("/history/calendar", 2),
    ("/insights", 1),
    ("/experiments", 2),
    ("/goals", 3),
    ("/wins", 6),
    // Every group with the member's place in it; the pains they chose, for "About what you
    // live with" (both at once).
    ("/groups", 2),
    ("/hacks", 4),
    ("/questionnaires", 2),
];

#[tokio::test]
async fn main_pages_stay_within_their_query_budget() {
    use chrono::{Duration, Utc};
    use serde_json::{json, Value};
    for app in apps(config()).await {
        let c = browser();
        let csrf = app.api_login(&c, "Budgeted", PW).await;
        let send = |method: reqwest::Method, path: String, body: Value| {
            c.request(method, app.url(&path)).header("x-csrf-token", &csrf).json(&body).send()
        };
        let list: Value = c.get(app.url("/api/v1/strategies")).send().await.unwrap().json().await.unwrap();
        let id = |key: &str| {
            list.as_array().unwrap().iter().find(|s| s["builtin_key"] == key).unwrap()["id"].clone()
        };
        let today = Utc::now().date_naive();
        for back in 1..60 {
            let day = today - Duration::days(back);
            let done = if back % 2 == 0 { vec![id("walk")] } else { vec![id("heat")] };
            let body = json!({"pain": back % 10, "mood": 5, "strategies": done, "note": "ok"});
            let r = send(reqwest::Method::PUT, format!("/api/v1/checkins/{day}"), body).await.unwrap();
            assert_eq!(r.status(), 200);
        }
        let r = send(
            reqwest::Method::POST,
            "/api/v1/experiments".into(),
            json!({"strategy": id("walk"), "start": today}),
        )
        .await
        .unwrap();
        assert_eq!(r.status(), 201);
        let goal = json!({"nonce": "b1", "activity": "Stretch", "unit": "minutes"});
        assert_eq!(send(reqwest::Method::POST, "/api/v1/goals".into(), goal).await.unwrap().status(), 201);

        let mut measured = Vec::new();
        for (page, _) in BUDGETS {
            assert_eq!(app.get(&c, page).await.status(), 200, "{page}");
            // The fewest of three warm views: a background task may share the counter.
            let mut fewest = u64::MAX;
            for _ in 0..3 {
                let before = app.store.statements();
                assert_eq!(app.get(&c, page).await.status(), 200);
                fewest = fewest.min(app.store.statements() - before);
            }
            measured.push((page, fewest));
        }
        println!("statements per page: {measured:?}");
        for ((page, budget), (_, n)) in BUDGETS.iter().zip(&measured) {
            assert!(n <= budget, "{page} sends {n} statements, over its budget of {budget}: {measured:?}");
        }
    }
}

/// Every members-only page sends a visitor to the login form (the `Member` extractor), the
/// same pages open for a member, and the API answers 401 in JSON instead of redirecting.
#[tokio::test]
async fn members_only_pages_send_visitors_to_log_in_and_the_api_says_401() {
    const PAGES: &[&str] = &[
        "/checkin",
        "/diary",
        "/history",
        "/history/calendar",
        "/insights",
        "/experiments",
        "/experiments/new",
        "/strategies",
        "/thoughts",
        "/goals",
        "/goals/new",
        "/wins",
        "/welcome",
        "/welcome/setup",
        "/account",
        "/account/checkin",
        "/account/reminders",
        "/account/profile",
        "/account/blocked",
        "/predictions",
        "/groups/new",
        "/search?q=walk",
        "/notifications",
        "/messages",
        "/hacks/new",
        "/questionnaires",
        "/sharing",
        "/visit",
        "/admin/hacks",
        "/admin/clinicians",
    ];
    for app in apps(config()).await {
        let visitor = browser();
        for path in PAGES {
            let r = app.get(&visitor, path).await;
            let to = r.headers().get("location").map(|l| l.to_str().unwrap().to_owned());
            assert_eq!((r.status().as_u16(), to.as_deref()), (303, Some("/login")), "{path}");
        }
        let member = browser();
        app.register(&member, "Regular", PW).await;
        for path in PAGES {
            let status = app.get(&member, path).await.status().as_u16();
            let expected = if path.starts_with("/admin") { 403 } else { 200 };
            assert_eq!(status, expected, "{path} for a member");
        }
        for path in ["/api/v1/me", "/api/v1/goals", "/api/v1/experiments", "/api/v1/search?q=walk"] {
            let r = app.get(&visitor, path).await;
            assert_eq!(r.status().as_u16(), 401, "{path}");
            let body: serde_json::Value = r.json().await.unwrap();
            assert_eq!(body["error"]["code"], "login-required", "{path}");
        }
    }
}
