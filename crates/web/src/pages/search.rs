//! Searching the groups: every post the member may read, with the matching words marked.

use super::{html, layout};
use crate::auth::Member;
use crate::error::AppResult;
use crate::AppState;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use foothold_core::account::Role;
use foothold_core::community::snippet::{MARK_END, MARK_START};
use foothold_store::{SearchHit, User};
use maud::{html, PreEscaped};
use serde::Deserialize;

/// Results shown for one search.
pub const RESULTS: u32 = 30;
/// Longer queries are cut here (the store searches at most eight words anyway).
const QUERY_MAX: usize = 200;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SearchQuery {
    pub q: String,
}

/// The hits for `q` that the viewer may read.
pub async fn hits(app: &AppState, user: &User, q: &str) -> AppResult<Vec<SearchHit>> {
    let staff = matches!(user.role, Role::Moderator | Role::Admin);
    let q: String = q.chars().take(QUERY_MAX).collect();
    Ok(app.store.search(user.id, staff, &q, RESULTS).await?)
}

/// A snippet as HTML: escaped, with the engine's match markers turned into `<mark>`.
pub fn snippet_html(snippet: &str) -> String {
    let escaped = html! { (snippet) }.into_string();
    escaped.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
}

pub async fn show(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Query(q): Query<SearchQuery>,
) -> AppResult<Response> {
    let found = hits(&app, &user, &q.q).await?;
    let tr = &viewer.tr;
    let title = tr.t("search-title");
    let body = html! {
        p { a href="/groups" { "← " (tr.t("groups-title")) } }
        h1 { (title) }
        form method="get" action="/search" role="search" {
            div class="field" {
                label for="q" { (tr.t("search-label")) }
                input id="q" name="q" type="search" value=(q.q) maxlength="200";
            }
            button type="submit" { (tr.t("search-button")) }
        }
        @if !q.q.trim().is_empty() {
            p role="status" { (tr.ta("search-count", &[("count", &found.len().to_string())])) }
            ol class="cards" {
                @for h in &found {
                    li {
                        h2 class="result-title" { a href={ "/threads/" (h.thread) "#post-" (h.post) } { (h.thread_title) } }
                        p class="meta" { (h.group_name) " · " (h.author) " · " time datetime=(h.created_at.to_rfc3339()) { (h.created_at.format("%Y-%m-%d")) } }
                        p { (PreEscaped(snippet_html(&h.snippet))) }
                    }
                }
            }
        }
    };
    Ok(html(StatusCode::OK, layout::page(&viewer, &title, body)))
}
