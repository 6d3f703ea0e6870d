//! Our own static files, embedded in the binary. Their URLs carry a content hash, so they
//! can be cached for a year and still change the moment a new version ships.

use crate::AppState;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;
use sha2::{Digest, Sha256};
use std::sync::OnceLock;

const CSS: &str = include_str!("../assets/foothold.css");

/// The stylesheet: ours, plus the timer animations the skills library needs.
fn stylesheet() -> &'static str {
    static SHEET: OnceLock<String> = OnceLock::new();
    SHEET.get_or_init(|| format!("{CSS}\n{}", crate::library::timer_css()))
}
const ICON: &str = include_str!("../assets/icon.svg");
/// The only script: an enhancement of the skills timer, loaded by pages that have one.
const TIMER_JS: &str = include_str!("../assets/timer.js");

fn short_hash(content: &str) -> String {
    foothold_core::hex::encode(Sha256::digest(content.as_bytes()).get(..6).unwrap_or_default())
}

pub fn css_url() -> &'static str {
    static URL: OnceLock<String> = OnceLock::new();
    URL.get_or_init(|| format!("/assets/foothold.css?v={}", short_hash(stylesheet())))
}

pub fn timer_js_url() -> &'static str {
    static URL: OnceLock<String> = OnceLock::new();
    URL.get_or_init(|| format!("/assets/timer.js?v={}", short_hash(TIMER_JS)))
}

pub fn icon_url() -> &'static str {
    static URL: OnceLock<String> = OnceLock::new();
    URL.get_or_init(|| format!("/assets/icon.svg?v={}", short_hash(ICON)))
}

const CACHE: &str = "public, max-age=31536000, immutable";

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/assets/foothold.css",
            get(|| async {
                (
                    [(header::CONTENT_TYPE, "text/css; charset=utf-8"), (header::CACHE_CONTROL, CACHE)],
                    stylesheet(),
                )
                    .into_response()
            }),
        )
        .route(
            "/assets/timer.js",
            get(|| async {
                (
                    [
                        (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
                        (header::CACHE_CONTROL, CACHE),
                    ],
                    TIMER_JS,
                )
                    .into_response()
            }),
        )
        .route(
            "/assets/icon.svg",
            get(|| async {
                ([(header::CONTENT_TYPE, "image/svg+xml"), (header::CACHE_CONTROL, CACHE)], ICON)
                    .into_response()
            }),
        )
}
