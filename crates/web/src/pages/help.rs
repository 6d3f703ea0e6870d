//! "Need help now?": the crisis resources the operator configured for the member's language.

use super::{html, layout};
use crate::auth::Viewer;
use crate::i18n::Tr;
use crate::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use maud::{html, Markup};

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
