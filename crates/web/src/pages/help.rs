//! "Need help now?": the crisis resources the operator configured for the member's language.

use super::{html, layout};
use crate::auth::Viewer;
use crate::i18n::Tr;
use crate::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use maud::{html, Markup};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

pub async fn show(State(app): State<AppState>, viewer: Viewer) -> Response {
    let tr = &viewer.tr;
    let body = html! {
        h1 { (tr.t("help-title")) }
        p class="lead" { (tr.t("help-lead")) }
        (crisis_lines(&app, tr))
        p { (tr.t("help-not-alone")) }
    };
    html(StatusCode::OK, layout::page(&viewer, &tr.t("help-title"), body))
}

/// Whether any of `texts` uses crisis language. The crisis reader is a small transformer
/// (10–30 ms for a note, 0.3 s for the longest), so it runs on the blocking pool, not on the
/// threads that serve requests. If it failed, the panel is shown anyway.
pub async fn crisis_in(texts: Vec<String>) -> bool {
    tokio::task::spawn_blocking(move || texts.iter().any(|t| detect_remembered(t))).await.unwrap_or(true)
}

/// `detect` is a pure function, so its answers are remembered by the text's SHA-256: a
/// thought record shows the panel on every step without reading its five texts again. Only
/// digests and answers are kept, in memory, and the whole memory is dropped when it is full.
fn detect_remembered(text: &str) -> bool {
    static SEEN: LazyLock<Mutex<HashMap<[u8; 32], bool>>> = LazyLock::new(Mutex::default);
    const LIMIT: usize = 20_000;
    let key: [u8; 32] = Sha256::digest(text.as_bytes()).into();
    if let Some(&known) = SEEN.lock().ok().as_ref().and_then(|seen| seen.get(&key)) {
        return known;
    }
    let found = foothold_core::crisis::detect(text);
    if let Ok(mut seen) = SEEN.lock() {
        if seen.len() >= LIMIT {
            seen.clear();
        }
        seen.insert(key, found);
    }
    found
}

/// Shown privately, at once, beside anything a member wrote that uses crisis language. What
/// they wrote is kept as it was: the panel offers help, it never blocks.
pub fn support_panel(app: &AppState, tr: &Tr) -> Markup {
    html! {
        section class="support" aria-labelledby="support-title" {
            h2 id="support-title" { (tr.t("support-title")) }
            p { (tr.t("support-lead")) }
            (crisis_lines(app, tr))
            p { a href="/help" { (tr.t("support-more")) } }
        }
    }
}

/// The emergency line and the crisis resources the operator configured for the language.
fn crisis_lines(app: &AppState, tr: &Tr) -> Markup {
    let resources = app.config.crisis_for(&tr.lang());
    html! {
        p class="emergency" { strong { (tr.t("help-emergency")) } }
        @if let Some(res) = resources {
            @if let Some(intro) = &res.intro { p { (intro) } }
            ul class="crisis-lines" {
                @for line in &res.lines {
                    li {
                        h2 { (line.name) }
                        @if let Some(phone) = &line.phone {
                            p { (tr.t("help-call")) " " a href={ "tel:" (phone.replace(' ', "")) } { (phone) } }
                        }
                        @if let Some(text) = &line.text { p { (tr.t("help-text")) " " (text) } }
                        @if let Some(url) = &line.url { p { a href=(url) rel="noopener noreferrer" { (url) } } }
                        @if let Some(hours) = &line.hours { p class="hint" { (hours) } }
                    }
                }
            }
        } @else {
            p { (tr.t("help-unconfigured")) }
            p { a href="https://findahelpline.com" rel="noopener noreferrer" { "findahelpline.com" } }
            p class="hint" { (tr.t("help-operator-note")) }
        }
    }
}
