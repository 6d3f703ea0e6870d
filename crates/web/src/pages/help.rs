//! "Need help now?": the crisis resources the operator configured for the member's language.

use super::{html, layout};
use crate::auth::Viewer;
use crate::support;
use crate::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use maud::html;

pub async fn show(State(app): State<AppState>, viewer: Viewer) -> Response {
    let tr = &viewer.tr;
    let emergency = app.config.crisis_resources(&tr.lang()).and_then(|r| r.emergency.as_deref());
    let body = html! {
        h1 { (tr.t("help-title")) }
        p class="lead" { (tr.t("help-lead")) }
        @match emergency {
            Some(number) => p class="emergency" {
                strong { (tr.t("help-emergency-call")) " " a href={ "tel:" (number.replace(' ', "")) } { (number) } }
            },
            None => p class="emergency" { strong { (tr.t("help-emergency")) } },
        }
        h2 { (tr.t("help-lines")) }
        (support::lines(&app.config, tr))
        p { (tr.t("help-not-alone")) }
    };
    html(StatusCode::OK, layout::page(&viewer, &tr.t("help-title"), body))
}
