//! The JSON API over HTTP: same rules and errors as the pages, in JSON.

use crate::common::{apps, browser, config};
use serde_json::{json, Value};

const PW: &str = "a calm long passphrase";

#[tokio::test]
async fn register_log_in_use_and_log_out_with_the_cookie_and_csrf_header() {
    for app in apps(config()).await {
        let c = browser();
        let csrf = app.api_login(&c, "Api_User", PW).await;
        let me: Value = c.get(app.url("/api/v1/me")).send().await.unwrap().json().await.unwrap();
        assert_eq!((me["handle"].as_str(), me["role"].as_str()), (Some("Api_User"), Some("member")));

        let change = json!({"current_password": PW, "new_password": "another calm phrase"});
        let no_header = c.put(app.url("/api/v1/me/password")).json(&change).send().await.unwrap();
        assert_eq!(no_header.status(), 403, "cookie auth needs the CSRF header");
        let body: Value = no_header.json().await.unwrap();
        assert_eq!(body["error"]["code"], "csrf");
        let ok = c
            .put(app.url("/api/v1/me/password"))
            .header("x-csrf-token", &csrf)
            .json(&change)
            .send()
            .await
            .unwrap();
        assert_eq!(ok.status(), 204);

        let out =
            c.delete(app.url("/api/v1/sessions/current")).header("x-csrf-token", &csrf).send().await.unwrap();
        assert_eq!(out.status(), 204);
        let me = c.get(app.url("/api/v1/me")).send().await.unwrap();
        assert_eq!(me.status(), 401);
        let body: Value = me.json().await.unwrap();
        assert_eq!(body["error"]["code"], "login-required");
    }
}

#[tokio::test]
async fn bearer_tokens_work_without_csrf_and_stop_working_when_revoked() {
    for app in apps(config()).await {
        let c = browser();
        let csrf = app.api_login(&c, "Scripter", PW).await;
        let created = c
            .post(app.url("/api/v1/tokens"))
            .header("x-csrf-token", &csrf)
            .json(&json!({"name": "backup job"}))
            .send()
            .await
            .unwrap();
        assert_eq!(created.status(), 201);
        let created: Value = created.json().await.unwrap();
        let secret = created["secret"].as_str().unwrap().to_owned();
        let id = created["token"]["id"].as_i64().unwrap();

        let bot = reqwest::Client::new();
        let list: Value = bot
            .get(app.url("/api/v1/tokens"))
            .bearer_auth(&secret)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(list[0]["name"], "backup job");
        assert!(list[0]["last_used_at"].is_string(), "use is recorded");
        let patched = bot
            .patch(app.url("/api/v1/me"))
            .bearer_auth(&secret)
            .json(&json!({"locale": "en"}))
            .send()
            .await
            .unwrap();
        assert_eq!(patched.status(), 200, "no CSRF needed with a bearer token");

        let gone =
            bot.delete(app.url(&format!("/api/v1/tokens/{id}"))).bearer_auth(&secret).send().await.unwrap();
        assert_eq!(gone.status(), 204);
        assert_eq!(bot.get(app.url("/api/v1/me")).bearer_auth(&secret).send().await.unwrap().status(), 401);
        assert_eq!(
            bot.get(app.url("/api/v1/me")).bearer_auth("fh_forged").send().await.unwrap().status(),
            401
        );
    }
}

#[tokio::test]
async fn validation_errors_are_422_with_field_codes_and_change_nothing() {
    for app in apps(config()).await {
        let r = browser()
            .post(app.url("/api/v1/accounts"))
            .json(&json!({"handle": "no", "password": "short", "email": "nope"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 422);
        let body: Value = r.json().await.unwrap();
        let codes: Vec<&str> =
            body["error"]["fields"].as_array().unwrap().iter().map(|f| f["code"].as_str().unwrap()).collect();
        assert_eq!(codes, ["handle-too-short", "password-too-short", "email-invalid"]);
        assert!(body["error"]["fields"][0]["message"].as_str().unwrap().contains("at least 3"));
        assert_eq!(app.store.count_users().await.unwrap(), 0);

        app.api_login(&browser(), "Taken", PW).await;
        let r = browser()
            .post(app.url("/api/v1/accounts"))
            .json(&json!({"handle": "taken", "password": PW}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 409);
        let body: Value = r.json().await.unwrap();
        assert_eq!(body["error"]["code"], "handle-taken");
        assert_eq!(body["error"]["fields"][0]["field"], "handle");

        let c = browser();
        let csrf = app.api_login(&c, "Settings", PW).await;
        let r = c
            .patch(app.url("/api/v1/me"))
            .header("x-csrf-token", &csrf)
            .json(&json!({"locale": "tlh"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 422);
    }
}

#[tokio::test]
async fn malformed_oversized_and_misrouted_requests_get_json_errors() {
    for app in apps(config()).await {
        let c = reqwest::Client::new();
        let post = |path: &str| c.post(app.url(path));

        let r = post("/api/v1/accounts")
            .header("content-type", "application/json")
            .body("{not json")
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 400);
        assert_eq!(r.json::<Value>().await.unwrap()["error"]["code"], "bad-request");

        let r = post("/api/v1/accounts").body("handle=x").send().await.unwrap();
        assert_eq!(r.status(), 415, "only JSON is accepted");

        let huge = json!({"handle": "big", "password": "x".repeat(100 * 1024)});
        let r = post("/api/v1/accounts").json(&huge).send().await.unwrap();
        assert_eq!(r.status(), 413);
        assert_eq!(r.json::<Value>().await.unwrap()["error"]["code"], "too-large");

        let r = c.get(app.url("/api/v1/nothing-here")).send().await.unwrap();
        assert_eq!(r.status(), 404);
        assert_eq!(r.json::<Value>().await.unwrap()["error"]["code"], "not-found");

        let r = c.put(app.url("/api/v1/accounts")).json(&json!({})).send().await.unwrap();
        assert_eq!(r.status(), 405);
        assert_eq!(r.json::<Value>().await.unwrap()["error"]["code"], "method-not-allowed");

        let r = post("/api/v1/accounts").json(&json!({"handle": "x"})).send().await.unwrap();
        assert_eq!(r.status(), 422, "missing fields");
        assert!(r.json::<Value>().await.unwrap()["error"]["message"].is_string());

        assert_eq!(app.store.count_users().await.unwrap(), 0);
    }
}

#[tokio::test]
async fn deleting_the_account_via_the_api_removes_it() {
    for app in apps(config()).await {
        let c = browser();
        let csrf = app.api_login(&c, "Goodbye", PW).await;
        let wrong = c
            .delete(app.url("/api/v1/me"))
            .header("x-csrf-token", &csrf)
            .json(&json!({"password": "nope nope nope"}))
            .send()
            .await
            .unwrap();
        assert_eq!(wrong.status(), 422);
        let ok = c
            .delete(app.url("/api/v1/me"))
            .header("x-csrf-token", &csrf)
            .json(&json!({"password": PW}))
            .send()
            .await
            .unwrap();
        assert_eq!(ok.status(), 204);
        assert_eq!(app.store.count_users().await.unwrap(), 0);
    }
}

#[tokio::test]
async fn the_openapi_document_is_3_1_and_lists_every_route() {
    for app in apps(config()).await {
        let doc: Value = reqwest::get(app.url("/api/v1/openapi.json")).await.unwrap().json().await.unwrap();
        assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
        for path in [
            "/api/v1/accounts",
            "/api/v1/sessions",
            "/api/v1/sessions/current",
            "/api/v1/me",
            "/api/v1/me/password",
            "/api/v1/tokens",
            "/api/v1/tokens/{id}",
        ] {
            assert!(doc["paths"][path].is_object(), "{path} documented");
        }
        assert!(doc["components"]["securitySchemes"]["token"].is_object());
    }
}

#[tokio::test]
async fn health_and_readiness_probes_answer() {
    for app in apps(config()).await {
        let h = reqwest::get(app.url("/healthz")).await.unwrap();
        assert_eq!(h.headers()["x-content-type-options"], "nosniff");
        assert!(h.headers().contains_key("content-security-policy"));
        assert_eq!((h.status().as_u16(), h.text().await.unwrap()), (200, "ok".to_owned()));
        let r = reqwest::get(app.url("/readyz")).await.unwrap();
        assert_eq!(r.status(), 200);
        assert_eq!(r.headers()["x-frame-options"], "DENY");
        app.store.close().await;
        let r = reqwest::get(app.url("/readyz")).await.unwrap();
        assert_eq!(r.status(), 503, "a closed database is not ready");
    }
}

#[tokio::test]
async fn json_errors_follow_accept_language_and_fall_back_to_english() {
    for app in apps(config()).await {
        let r = reqwest::Client::new()
            .get(app.url("/api/v1/me"))
            .header("accept-language", "de-DE, ru;q=0.5")
            .send()
            .await
            .unwrap();
        let body: Value = r.json().await.unwrap();
        assert_eq!(body["error"]["message"], "Please log in to see this.");
    }
}

/// The OpenAPI document is true to the routes: every `{name}` in a path is a declared path
/// parameter of each of its operations, and operation ids are unique.
#[tokio::test]
async fn the_openapi_document_declares_every_path_parameter_once() {
    let app = apps(config()).await.remove(0);
    let doc: Value = reqwest::get(app.url("/api/v1/openapi.json")).await.unwrap().json().await.unwrap();
    let mut ids = std::collections::BTreeSet::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        let names: Vec<&str> = path.split('{').skip(1).filter_map(|s| s.split('}').next()).collect();
        for (method, op) in item.as_object().unwrap() {
            let id = op["operationId"].as_str().unwrap_or_default().to_owned();
            assert!(ids.insert(id.clone()), "operation id {id} used twice ({method} {path})");
            let params = op["parameters"].as_array().cloned().unwrap_or_default();
            for name in &names {
                assert!(
                    params.iter().any(|p| p["name"] == *name && p["in"] == "path"),
                    "{method} {path} does not declare {name}"
                );
            }
            for p in params.iter().filter(|p| p["in"] == "path") {
                assert!(names.contains(&p["name"].as_str().unwrap()), "{method} {path}: {p}");
            }
        }
    }
}

/// The refusals every operation can give are documented on each: 400 where there is a path,
/// query or body to read, 401 where a login is required, 415 and 422 where there is a body
/// (schemathesis found 116 answers missing from the document before this).
#[tokio::test]
async fn the_openapi_document_lists_the_common_refusals_of_every_operation() {
    let app = apps(config()).await.remove(0);
    let doc: Value = reqwest::get(app.url("/api/v1/openapi.json")).await.unwrap().json().await.unwrap();
    let mut checked = 0;
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let has = |status: &str| op["responses"].get(status).is_some();
            let body = op.get("requestBody").is_some();
            let params = op["parameters"].as_array().is_some_and(|p| !p.is_empty());
            let secured = op["security"].as_array().is_some_and(|s| !s.is_empty());
            if body || params {
                assert!(has("400"), "{method} {path} does not document 400");
            }
            if secured {
                assert!(has("401"), "{method} {path} does not document 401");
            }
            if body {
                assert!(has("415") && has("422"), "{method} {path} does not document 415 and 422");
                checked += 1;
            }
        }
    }
    assert!(checked > 30, "operations with a body: {checked}");
}

/// A malformed Authorization header gets the same JSON error as every other refusal.
#[tokio::test]
async fn a_malformed_authorization_header_gets_a_json_error() {
    let app = apps(config()).await.remove(0);
    for value in ["Bearer", "Basic abc", "Bearer not-a-token"] {
        let r = reqwest::Client::new()
            .get(app.url("/api/v1/me"))
            .header("authorization", value)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 401, "{value}");
        assert!(r.headers()["content-type"].to_str().unwrap().starts_with("application/json"), "{value}");
        let body: Value = r.json().await.unwrap();
        assert!(body["error"]["code"].is_string(), "{value}: {body}");
    }
}
