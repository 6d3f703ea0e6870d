//! Foothold's HTTP layer: server-rendered pages, the JSON API, authentication, and the
//! security baseline every response gets.
//!
//! Requests flow one way: middleware (headers → errors → identify → CSRF → limits) →
//! handler → `accounts` (and later other services) → `foothold-store`. Handlers never
//! touch SQL and the store never sees HTTP.

mod access_log;
mod api;
pub use api::archive::archive as data_archive;
mod assets;
pub mod auth;
pub mod config;
pub mod error;
pub mod export;
pub mod library;
pub mod markdown;
mod pages;
pub mod report;
mod respond;
mod security;
pub mod support;

use axum::extract::{DefaultBodyLimit, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::get;
use axum::{middleware, Router};
use config::WebConfig;
use foothold_services::Services;
/// The use-cases live in `foothold-services`; under their old paths here, so pages and the
/// API name them as before.
pub use foothold_services::{
    accounts, clock, community, diary, email, experiments, goals, group_sessions, hacks, i18n, insights,
    kept, mail, messages, onboarding, profiles, push, questionnaires, reminders, secret, shares, thoughts,
};
use foothold_store::Store;
use i18n::Catalog;
use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::timeout::TimeoutLayer;

pub use api::ApiDoc;

/// The largest request body any route accepts unless it says otherwise.
pub const BODY_LIMIT: usize = 64 * 1024;
/// A request that takes longer than this is answered with 408 and abandoned.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// What every handler can reach. Cheap to clone. Derefs to the [`Services`] it holds, so
/// `app.store` and `&app` (as the services' context) read as before.
#[derive(Clone)]
pub struct AppState {
    pub services: Services,
    pub config: Arc<WebConfig>,
    pub library: Arc<library::Library>,
    /// Loaded history ranges (`pages/history.rs`).
    pub history: Arc<kept::Kept<pages::HistoryKey, pages::HistoryLoaded>>,
    /// Members' posts as HTML (`markdown.rs`).
    pub rendered: Arc<markdown::Rendered>,
}

impl std::ops::Deref for AppState {
    type Target = Services;

    fn deref(&self) -> &Services {
        &self.services
    }
}

impl AppState {
    pub fn new(store: Store, config: WebConfig) -> Result<Self, String> {
        let questionnaires = questionnaires::Instruments::load(config.questionnaires_dir.as_deref())?;
        let mailer =
            mail::Mailer::from_config(config.mail.as_ref(), config.public_url.as_deref())?.map(Arc::new);
        let services = Services {
            store,
            clock: Arc::default(),
            support: Arc::default(),
            insights: Arc::default(),
            questionnaires: Arc::new(questionnaires),
            jobs: Arc::default(),
            hold_crisis_posts: config.hold_crisis_posts,
            limits: config.limits.clone(),
            catalog: Catalog::load()?,
            mailer,
            public_url: config.public_url.clone(),
            pushing: Arc::default(),
        };
        Ok(Self {
            services,
            config: Arc::new(config),
            library: Arc::new(library::Library::load()?),
            history: Arc::new(kept::Kept::new(1_024)),
            rendered: Arc::default(),
        })
    }
}

/// The whole application as one router.
pub fn app(state: AppState) -> Router {
    let routes = Router::new()
        .merge(pages::router())
        .merge(api::router())
        .merge(assets::router())
        .fallback(|| async { error::AppError::NotFound });
    // Layers run outermost-last-added: a request meets the access log, catch_panic, headers,
    // render_errors, identify, csrf, timeout, body limit, then the route. render_errors sits
    // outside identify so that identify's own refusals (a malformed Authorization header) are
    // written like every other error, in the language identify chose.
    routes
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, REQUEST_TIMEOUT))
        .layer(middleware::from_fn(security::csrf))
        .layer(middleware::from_fn_with_state(state.clone(), auth::identify))
        .layer(middleware::from_fn_with_state(state.clone(), respond::render_errors))
        .layer(middleware::from_fn_with_state(state.clone(), security::headers))
        .layer(CatchPanicLayer::custom(|_| error::AppError::Internal.into_response()))
        .route_layer(middleware::from_fn(access_log::log))
        .merge(probes(state.clone()))
        .with_state(state)
}

/// Liveness and readiness for load balancers and orchestrators: outside every other layer
/// but the security headers, so they stay cheap and never touch sessions.
fn probes(state: AppState) -> Router<AppState> {
    Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .route(
            "/readyz",
            get(|State(app): State<AppState>| async move {
                match app.store.ping().await {
                    Ok(()) => (StatusCode::OK, "ready"),
                    Err(e) => {
                        tracing::warn!(error = %e, "not ready");
                        (StatusCode::SERVICE_UNAVAILABLE, "database unreachable")
                    }
                }
            }),
        )
        .layer(middleware::from_fn_with_state(state.clone(), security::headers))
        .with_state(state)
}

/// Serves the application on `listener` until `shutdown` resolves, then lets in-flight
/// requests finish before returning.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let runner = tokio::spawn(run_jobs(state.store.clone(), state.jobs.clone()));
    let reminders = tokio::spawn(reminders::run(state.services.clone()));
    let app = app(state).into_make_service_with_connect_info::<SocketAddr>();
    let served = axum::serve(listener, app).with_graceful_shutdown(shutdown).await;
    runner.abort();
    reminders.abort();
    served
}

/// Runs the database's due jobs (notifications) in the background: at once when this process
/// queued one, and every few seconds for jobs other app servers queued or that failed. A job
/// is claimed and done in one transaction, so stopping mid-way loses nothing.
async fn run_jobs(store: Store, wake: Arc<tokio::sync::Notify>) {
    const BATCH: u32 = 100;
    loop {
        match store.run_due_jobs(BATCH).await {
            Ok(BATCH) => continue,
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %e, "a background job failed; it stays queued"),
        }
        let _ = tokio::time::timeout(Duration::from_secs(2), wake.notified()).await;
    }
}
