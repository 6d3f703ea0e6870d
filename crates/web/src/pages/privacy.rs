//! "Your data and privacy": what Foothold keeps, who can see it, and how to take it away.
//! Plain words, true to what the code does today (docs/SECURITY.md is the technical side).

use super::{html, layout};
use crate::auth::Viewer;
use axum::http::StatusCode;
use axum::response::Response;
use maud::html;

/// The sections of the page, each a heading and its text in the Fluent files.
const SECTIONS: [&str; 6] = ["kept", "who", "not-kept", "crisis", "export", "delete"];

pub async fn show(viewer: Viewer) -> Response {
    let tr = &viewer.tr;
    let body = html! {
        h1 { (tr.t("privacy-title")) }
        p class="lead" { (tr.t("privacy-lead")) }
        @for s in SECTIONS {
            section aria-labelledby={ "privacy-" (s) } {
                h2 id={ "privacy-" (s) } { (tr.t(&format!("privacy-{s}-title"))) }
                p { (tr.t(&format!("privacy-{s}"))) }
            }
        }
    };
    html(StatusCode::OK, layout::page(&viewer, &tr.t("privacy-title"), body))
}
