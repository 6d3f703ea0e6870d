//! A group's moderation: the report queue (a member at risk first), people asking to join,
//! the actions, and the moderation log every member of the group can read.

use super::form::csrf;
use super::{html, layout, login_redirect, see_other};
use crate::auth::Viewer;
use crate::community;
use crate::error::{AppError, AppResult};
use crate::i18n::Tr;
use crate::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use foothold_core::community::access::Action;
use foothold_core::community::{ModAction, Standing};
use foothold_store::Report;
use maud::{html, Markup};
use serde::Deserialize;

fn action_button(tr: &Tr, viewer: &Viewer, slug: &str, action: ModAction, target: &str, id: i64) -> Markup {
    html! {
        form method="post" action={ "/groups/" (slug) "/moderation" } class="inline" {
            (csrf(&viewer.csrf))
            input type="hidden" name="action" value=(action.as_str());
            input type="hidden" name="target" value=(target);
            input type="hidden" name="id" value=(id);
            button type="submit" class="secondary" { (tr.t(&format!("mod-action-{}", action.as_str()))) }
        }
    }
}

fn report_item(tr: &Tr, viewer: &Viewer, slug: &str, r: &Report) -> Markup {
    html! {
        li class={ "card" @if r.automatic { " urgent" } } {
            p class="meta" {
                strong { (tr.t(&format!("report-reason-{}", r.reason.as_str()))) }
                @if r.automatic { " · " (tr.t("report-automatic")) }
                " · " (r.created_at.format("%Y-%m-%d %H:%M"))
            }
            p { a href={ "/threads/" (r.thread) "#post-" (r.post) } { (r.thread_title) } " — " (r.author) }
            blockquote { (r.body.chars().take(400).collect::<String>()) }
            @if let Some(note) = &r.note { p { (tr.t("report-note")) ": " (note) } }
            div class="post-actions" {
                @if r.post_hidden {
                    (action_button(tr, viewer, slug, ModAction::Unhide, "post", r.post))
                } @else {
                    (action_button(tr, viewer, slug, ModAction::Hide, "post", r.post))
                }
                (action_button(tr, viewer, slug, ModAction::Lock, "thread", r.thread))
                (action_button(tr, viewer, slug, ModAction::Dismiss, "report", r.id))
            }
        }
    }
}

pub async fn queue(
    State(app): State<AppState>,
    viewer: Viewer,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    if viewer.user().is_none() {
        return Ok(login_redirect());
    }
    let place = community::place(&app, &viewer, &slug).await?;
    place.require(Action::Moderate)?;
    let reports = app.store.open_reports(place.group.id).await?;
    let people = app.store.group_staff_and_requests(place.group.id).await?;
    let tr = &viewer.tr;
    let g = &place.group;
    let title = tr.t("modqueue-title");
    let body = html! {
        p { a href={ "/groups/" (g.slug) } { "← " (g.name) } }
        h1 { (title) }
        p class="lead" { (tr.t("modqueue-lead")) }
        section aria-labelledby="reports" {
            h2 id="reports" { (tr.t("modqueue-reports")) }
            @if reports.is_empty() { p { (tr.t("modqueue-empty")) } }
            ul class="cards" { @for r in &reports { (report_item(tr, &viewer, &g.slug, r)) } }
        }
        section aria-labelledby="people" {
            h2 id="people" { (tr.t("modqueue-people")) }
            ul {
                @for m in &people {
                    li {
                        (m.handle) " · " (tr.t(&format!("group-role-{}", m.membership.role.as_str())))
                        @if m.membership.standing != Standing::Active { " · " (tr.t(&format!("group-standing-{}", m.membership.standing.as_str()))) }
                        @if m.membership.standing == Standing::Pending {
                            " " (action_button(tr, &viewer, &g.slug, ModAction::Approve, "member", m.user.0))
                        }
                    }
                }
            }
        }
    };
    Ok(html(StatusCode::OK, layout::page(&viewer, &title, body)))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ActionForm {
    action: String,
    target: String,
    id: String,
    reason: String,
}

pub async fn act(
    State(app): State<AppState>,
    viewer: Viewer,
    Path(slug): Path<String>,
    Form(f): Form<ActionForm>,
) -> AppResult<Response> {
    let user = viewer.require_user()?;
    let place = community::place(&app, &viewer, &slug).await?;
    let id: i64 = f.id.trim().parse().map_err(|_| AppError::BadRequest)?;
    community::moderate(&app, user, &place, &f.action, &f.target, id, &f.reason).await?;
    Ok(see_other(&format!("/groups/{}/moderation", place.group.slug)))
}

pub async fn log(
    State(app): State<AppState>,
    viewer: Viewer,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    if viewer.user().is_none() {
        return Ok(login_redirect());
    }
    let place = community::place(&app, &viewer, &slug).await?;
    place.require(Action::Read)?;
    let entries = app.store.moderation_log(place.group.id, 100).await?;
    let tr = &viewer.tr;
    let g = &place.group;
    let title = tr.t("modlog-title");
    let body = html! {
        p { a href={ "/groups/" (g.slug) } { "← " (g.name) } }
        h1 { (title) }
        p class="lead" { (tr.t("modlog-lead")) }
        @if entries.is_empty() { p { (tr.t("modlog-empty")) } }
        ul {
            @for e in &entries {
                li {
                    time datetime=(e.created_at.to_rfc3339()) { (e.created_at.format("%Y-%m-%d")) } ": "
                    (tr.t(&format!("modlog-{}", e.action.as_str())))
                    @if let Some(t) = e.thread { " " a href={ "/threads/" (t) } { (tr.t("modlog-thread")) } }
                    @if let Some(r) = &e.reason { " — " (r) }
                }
            }
        }
    };
    Ok(html(StatusCode::OK, layout::page(&viewer, &title, body)))
}
