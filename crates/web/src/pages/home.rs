use super::{html, layout};
use crate::auth::Viewer;
use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::Response;
use maud::html;
use serde::Deserialize;

#[derive(Deserialize)]
pub struct HomeQuery {
    /// Set by the redirect after an account was deleted, to confirm it happened.
    deleted: Option<String>,
}

pub async fn show(viewer: Viewer, Query(query): Query<HomeQuery>) -> Response {
    let tr = &viewer.tr;
    let farewell = query.deleted.is_some() && viewer.user().is_none();
    let body = match viewer.user() {
        Some(user) => html! {
            h1 { (tr.ta("home-hello", &[("handle", &user.handle)])) }
            p { (tr.t("home-member-intro")) }
            p { a class="button" href="/checkin" { (tr.t("home-checkin")) } }
        },
        None => html! {
            @if farewell { p class="notice" role="status" { (tr.t("home-deleted")) } }
            h1 { (tr.t("home-title")) }
            p class="lead" { (tr.t("home-lead")) }
            ul class="pillars" {
                li { (tr.t("home-pillar-notice")) }
                li { (tr.t("home-pillar-see")) }
                li { (tr.t("home-pillar-test")) }
                li { (tr.t("home-pillar-connect")) }
            }
            p class="actions" {
                a class="button" href="/register" { (tr.t("home-start")) }
                " "
                a href="/login" { (tr.t("home-have-account")) }
            }
        },
    };
    html(StatusCode::OK, layout::page(&viewer, &tr.t("home-page-title"), body))
}
