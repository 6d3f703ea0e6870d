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

/// Atkinson Hyperlegible (SIL Open Font License, `assets/fonts/`), designed by the Braille
/// Institute for low vision: its Latin letters, regular, bold and italic. Other scripts fall
/// back to the system's fonts, letter by letter.
const FONTS: [(&str, &str, &str, &[u8]); 3] = [
    ("atkinson-400", "400", "normal", include_bytes!("../assets/fonts/atkinson-400.woff2")),
    ("atkinson-700", "700", "normal", include_bytes!("../assets/fonts/atkinson-700.woff2")),
    ("atkinson-400-italic", "400", "italic", include_bytes!("../assets/fonts/atkinson-400-italic.woff2")),
];

fn font_url(name: &str, bytes: &[u8]) -> String {
    format!("/assets/fonts/{name}.woff2?v={}", short_hash_bytes(bytes))
}

/// The stylesheet: the typeface's faces, ours, and the timer animations the skills library
/// needs.
fn stylesheet() -> &'static str {
    static SHEET: OnceLock<String> = OnceLock::new();
    SHEET.get_or_init(|| {
        let faces: String = FONTS
            .iter()
            .map(|(name, weight, style, bytes)| {
                format!(
                    "@font-face{{font-family:\"Atkinson Hyperlegible\";font-style:{style};font-weight:{weight};\
                     font-display:swap;src:url({}) format(\"woff2\")}}\n",
                    font_url(name, bytes)
                )
            })
            .collect();
        format!("{faces}{CSS}\n{}", crate::library::timer_css())
    })
}
const ICON: &str = include_str!("../assets/icon.svg");
/// An enhancement of the skills timer, loaded by pages that have one.
const TIMER_JS: &str = include_str!("../assets/timer.js");

/// The check-in without a network (`offline.js`), and the service worker it registers.
const OFFLINE_JS: &str = include_str!("../assets/offline.js");
const SW_JS: &str = include_str!("../assets/sw.js");
/// Turning reminders as notifications on or off (the reminders page).
const PUSH_JS: &str = include_str!("../assets/push.js");
/// Onboarding: fills in the time zone the browser reports, where the member has not chosen one.
const TIME_ZONE_JS: &str = include_str!("../assets/timezone.js");
/// Home-screen icons (the SVG's design at the sizes installers ask for).
const ICON_192: &[u8] = include_bytes!("../assets/icon-192.png");
const ICON_512: &[u8] = include_bytes!("../assets/icon-512.png");

fn short_hash(content: &str) -> String {
    short_hash_bytes(content.as_bytes())
}

fn short_hash_bytes(content: &[u8]) -> String {
    foothold_core::hex::encode(Sha256::digest(content).get(..6).unwrap_or_default())
}

pub fn offline_js_url() -> &'static str {
    static URL: OnceLock<String> = OnceLock::new();
    URL.get_or_init(|| format!("/assets/offline.js?v={}", short_hash(OFFLINE_JS)))
}

pub fn time_zone_js_url() -> &'static str {
    static URL: OnceLock<String> = OnceLock::new();
    URL.get_or_init(|| format!("/assets/timezone.js?v={}", short_hash(TIME_ZONE_JS)))
}

pub fn push_js_url() -> &'static str {
    static URL: OnceLock<String> = OnceLock::new();
    URL.get_or_init(|| format!("/assets/push.js?v={}", short_hash(PUSH_JS)))
}

fn icon_png_url(size: u32) -> String {
    let bytes = if size == 192 { ICON_192 } else { ICON_512 };
    format!("/assets/icon-{size}.png?v={}", short_hash_bytes(bytes))
}

/// The service worker, told what to keep: the check-in page and the assets it needs. Its
/// cache is named by their hashes, so a new release replaces it.
fn service_worker() -> &'static str {
    static SW: OnceLock<String> = OnceLock::new();
    SW.get_or_init(|| {
        let keep =
            ["/checkin".to_owned(), css_url().to_owned(), offline_js_url().to_owned(), icon_url().to_owned()];
        let list = serde_json::to_string(&keep).unwrap_or_else(|_| "[]".to_owned());
        SW_JS
            .replace("__VERSION__", &short_hash(&list))
            .replace("__KEEP__", &list)
            .replace("__ICON__", &format!("'{}'", icon_png_url(192)))
    })
}

/// The web app manifest: Foothold on a phone's home screen opens at the check-in.
fn manifest() -> &'static str {
    static MANIFEST: OnceLock<String> = OnceLock::new();
    MANIFEST.get_or_init(|| {
        serde_json::json!({
            "name": "Foothold",
            "short_name": "Foothold",
            "start_url": "/checkin",
            "scope": "/",
            "display": "standalone",
            "background_color": "#ffffff",
            "theme_color": "#1d5c4d",
            "icons": [
                {"src": icon_png_url(192), "sizes": "192x192", "type": "image/png"},
                {"src": icon_png_url(512), "sizes": "512x512", "type": "image/png"},
                {"src": icon_url(), "sizes": "any", "type": "image/svg+xml"}
            ]
        })
        .to_string()
    })
}

pub fn manifest_url() -> &'static str {
    "/manifest.webmanifest"
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

/// One of the typeface's files, cached for a year (its URL changes with its content).
async fn font(axum::extract::Path(file): axum::extract::Path<String>) -> axum::response::Response {
    match FONTS.iter().find(|(name, ..)| file.strip_suffix(".woff2") == Some(name)) {
        Some((.., bytes)) => {
            ([(header::CONTENT_TYPE, "font/woff2"), (header::CACHE_CONTROL, CACHE)], *bytes).into_response()
        }
        None => axum::http::StatusCode::NOT_FOUND.into_response(),
    }
}

/// One of our scripts, cached for a year (its URL changes with its content).
fn script(body: &'static str) -> axum::routing::MethodRouter<AppState> {
    get(move || async move {
        ([(header::CONTENT_TYPE, "text/javascript; charset=utf-8"), (header::CACHE_CONTROL, CACHE)], body)
            .into_response()
    })
}

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
        .route("/assets/timer.js", script(TIMER_JS))
        .route("/assets/offline.js", script(OFFLINE_JS))
        .route("/assets/push.js", script(PUSH_JS))
        .route("/assets/timezone.js", script(TIME_ZONE_JS))
        .route("/assets/fonts/{file}", get(font))
        // At the root, so it may look after /checkin; never cached long, so updates arrive.
        .route(
            "/sw.js",
            get(|| async {
                (
                    [
                        (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
                        (header::CACHE_CONTROL, "no-cache"),
                    ],
                    service_worker(),
                )
                    .into_response()
            }),
        )
        .route(
            "/manifest.webmanifest",
            get(|| async {
                (
                    [
                        (header::CONTENT_TYPE, "application/manifest+json"),
                        (header::CACHE_CONTROL, "no-cache"),
                    ],
                    manifest(),
                )
                    .into_response()
            }),
        )
        .route(
            "/assets/icon-192.png",
            get(|| async {
                ([(header::CONTENT_TYPE, "image/png"), (header::CACHE_CONTROL, CACHE)], ICON_192)
                    .into_response()
            }),
        )
        .route(
            "/assets/icon-512.png",
            get(|| async {
                ([(header::CONTENT_TYPE, "image/png"), (header::CACHE_CONTROL, CACHE)], ICON_512)
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
