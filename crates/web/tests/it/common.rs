//! `spawn_app()`: the real server on a free loopback port, with a fresh database, driven
//! over HTTP by a client that keeps cookies like a browser.

use foothold_store::testing::TestDb;
use foothold_store::Store;
use foothold_web::config::WebConfig;
use foothold_web::AppState;
use reqwest::redirect::Policy;
use reqwest::{Client, Response};
use tokio::sync::oneshot;

pub struct TestApp {
    pub base: String,
    pub store: Store,
    pub db: TestDb,
    /// The members' clock: tests move it forward to live through an experiment.
    pub clock: std::sync::Arc<foothold_services::clock::Clock>,
    /// The server's own state, for tests that drive its background work (the reminder queue).
    pub state: AppState,
    stop: Option<oneshot::Sender<()>>,
}

/// Limits high enough that ordinary tests never meet them; the rate-limit tests lower them.
pub fn config() -> WebConfig {
    let mut c = WebConfig::default();
    c.limits.login_per_ip = 10_000;
    c.limits.register_per_ip = 10_000;
    c
}

/// Crisis resources as an operator sets them: one line, an emergency number and a poison line.
pub fn crisis_config() -> std::collections::BTreeMap<String, foothold_web::config::CrisisResources> {
    use foothold_web::config::{CrisisLine, CrisisResources};
    let line = |name: &str, phone: &str| CrisisLine {
        name: name.into(),
        phone: Some(phone.into()),
        text: None,
        url: None,
        hours: None,
    };
    let en = CrisisResources {
        intro: None,
        emergency: Some("999".into()),
        poison: Some(line("Poison Line", "0344 892 0111")),
        lines: vec![line("Test Line", "0800 123")],
    };
    [("en".to_owned(), en)].into()
}

pub async fn spawn_app(db: TestDb, config: WebConfig) -> TestApp {
    let store = Store::open(&db.url, 8).await.expect("database opens");
    let state = AppState::new(store.clone(), config).expect("catalog loads");
    let clock = state.clock.clone();
    let kept = state.clone();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let (stop, stopped) = oneshot::channel::<()>();
    tokio::spawn(foothold_web::serve(listener, state, async {
        let _ = stopped.await;
    }));
    TestApp { base, store, db, clock, state: kept, stop: Some(stop) }
}

/// One app per backend the machine offers (SQLite always, PostgreSQL when configured).
pub async fn apps(config: WebConfig) -> Vec<TestApp> {
    let mut apps = Vec::new();
    for db in TestDb::all().await {
        apps.push(spawn_app(db, config.clone()).await);
    }
    apps
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

/// A browser-like client: keeps cookies, does not follow redirects (tests check them).
pub fn browser() -> Client {
    Client::builder().cookie_store(true).redirect(Policy::none()).build().unwrap()
}

impl TestApp {
    /// Does every queued job (notifications), here or in the server's own runner: on
    /// PostgreSQL a job the runner has claimed is skipped here, so wait until it is done.
    pub async fn settle_jobs(&self) {
        for _ in 0..10_000 {
            self.store.run_due_jobs(100).await.unwrap();
            if self.store.queued_jobs().await.unwrap() == 0 {
                return;
            }
            tokio::task::yield_now().await;
        }
        panic!("jobs still queued");
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub async fn get(&self, client: &Client, path: &str) -> Response {
        client.get(self.url(path)).send().await.unwrap()
    }

    /// Posts a form the way a browser would, after loading `page` to get its CSRF token.
    pub async fn submit(
        &self,
        client: &Client,
        page: &str,
        action: &str,
        fields: &[(&str, &str)],
    ) -> Response {
        let html = self.get(client, page).await.text().await.unwrap();
        let token = csrf_token(&html);
        let mut form: Vec<(&str, &str)> = vec![("csrf", &token)];
        form.extend_from_slice(fields);
        client.post(self.url(action)).form(&form).send().await.unwrap()
    }

    /// Registers through the HTML form; the client ends up logged in.
    pub async fn register(&self, client: &Client, handle: &str, password: &str) {
        let r = self
            .submit(
                client,
                "/register",
                "/register",
                &[("handle", handle), ("password", password), ("email", "")],
            )
            .await;
        assert_eq!(r.status(), 303, "registration of {handle} failed: {}", r.text().await.unwrap());
    }

    /// Registers and logs in through the JSON API; returns the CSRF token for the cookie.
    pub async fn api_login(&self, client: &Client, handle: &str, password: &str) -> String {
        let r = client
            .post(self.url("/api/v1/accounts"))
            .json(&serde_json::json!({"handle": handle, "password": password}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 201, "{}", r.text().await.unwrap());
        let r = client
            .post(self.url("/api/v1/sessions"))
            .json(&serde_json::json!({"handle": handle, "password": password}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        let body: serde_json::Value = r.json().await.unwrap();
        body["csrf_token"].as_str().unwrap().to_owned()
    }
}

/// The value of the first `name="csrf"` hidden input in a page.
pub fn csrf_token(html: &str) -> String {
    let marker = "name=\"csrf\" value=\"";
    let start = html.find(marker).unwrap_or_else(|| panic!("no CSRF field in page:\n{html}")) + marker.len();
    html[start..].split('"').next().unwrap().to_owned()
}

/// The Python named by `var` that has an independent checker installed (`what`); without it
/// the check is skipped, except in CI (FOOTHOLD_TEST_REQUIRE_ALL=1), where that is a failure.
pub fn checker_python(var: &str, what: &str) -> Option<String> {
    match std::env::var(var) {
        Ok(p) if !p.is_empty() => Some(p),
        _ => {
            assert!(
                std::env::var("FOOTHOLD_TEST_REQUIRE_ALL").is_err(),
                "{var} must name a Python with {what}"
            );
            eprintln!("skipping the independent {what} check: set {var}");
            None
        }
    }
}

/// The value of the first hidden input called `name` in a page (a form's nonce, its CSRF).
pub fn hidden_value(html: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = html.find(&marker).unwrap_or_else(|| panic!("no {name} in page")) + marker.len();
    html[start..].split('"').next().unwrap().to_owned()
}
