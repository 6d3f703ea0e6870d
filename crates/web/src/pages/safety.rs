//! Members keeping themselves safe in the community: editing what they wrote (a moderator
//! may take personal details out of anyone's post, and reads every earlier text), and
//! blocking another member.

use super::form::{csrf, Errors};
use super::groups::{body_field, preview};
use super::{html, layout, local_time, see_other};
use crate::auth::{Member, Viewer};
use crate::community::{self, Editor};
use crate::error::{AppError, AppResult};
use crate::support;
use crate::AppState;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use foothold_core::community::access::Action;
use foothold_store::{PostId, PostPlace};
use maud::html;
use serde::Deserialize;

/// Where a member goes after posting: to the post, or — when it was held for the
/// moderators to read first — to the page that says so.
pub(super) fn after_posting(w: &community::Written, shown_at: &str) -> Response {
    if w.held {
        see_other(&format!("/posts/{}/held", w.posted.post))
    } else {
        see_other(shown_at)
    }
}

/// What a member sees after writing something held for the moderators: the support panel
/// first, then what happens next. Only for its author; once it is shown, it leads there.
pub async fn held(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(id): Path<PostId>,
) -> AppResult<Response> {
    let at = app.store.post_place(id).await?;
    if at.author != user.id {
        return Err(AppError::NotFound);
    }
    if !at.held {
        return Ok(see_other(&format!("/threads/{}#post-{}", at.thread, at.post)));
    }
    let (thread, body) = (app.store.thread(at.thread).await?, app.store.post_body(id).await?);
    let group = app.store.group_by_id(at.group).await?;
    let tr = &viewer.tr;
    let panel = app
        .support
        .read(&[&thread.title, &body])
        .await
        .map(|l| support::panel(&app.config, tr, l, support::Audience::Held));
    let page = html! {
        @if let Some(panel) = panel { (panel) }
        h1 { (tr.t("held-title")) }
        p class="lead" { (tr.t("held-lead")) }
        p { (tr.t("held-next")) }
        p { a href={ "/groups/" (group.slug) } { "← " (tr.ta("held-back", &[("group", &group.name)])) } }
    };
    Ok(html(StatusCode::OK, layout::page(&viewer, &tr.t("held-title"), page)))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct EditForm {
    body: String,
    reason: String,
    action: String,
}

fn edit_page(
    viewer: &Viewer,
    at: &PostPlace,
    who: Editor,
    typed: &EditForm,
    error: Option<&AppError>,
) -> Response {
    let tr = &viewer.tr;
    let errors = Errors { tr, error };
    let title = tr.t(if who == Editor::Moderator { "edit-title-moderator" } else { "edit-title" });
    let body = html! {
        p { a href={ "/threads/" (at.thread) "#post-" (at.post) } { "← " (tr.t("edit-back")) } }
        h1 { (title) }
        p class="lead" { (tr.t(if who == Editor::Moderator { "edit-lead-moderator" } else { "edit-lead" })) }
        (errors.summary())
        @if typed.action == "preview" && error.is_none() { (preview(tr, &typed.body)) }
        form method="post" action={ "/posts/" (at.post) "/edit" } novalidate {
            (csrf(&viewer.csrf))
            (body_field(tr, &errors, &typed.body))
            @if who == Editor::Moderator {
                div class="field" {
                    label for="reason" { (tr.t("edit-reason")) }
                    p class="hint" id="reason-hint" { (tr.t("edit-reason-hint")) }
                    input id="reason" name="reason" type="text" value=(typed.reason) aria-describedby="reason-hint";
                }
            }
            div class="actions" {
                button type="submit" name="action" value="save" { (tr.t("edit-save")) }
                " "
                button type="submit" name="action" value="preview" class="secondary" { (tr.t("post-preview")) }
            }
        }
    };
    html(error.map_or(StatusCode::OK, AppError::status), layout::page(viewer, &title, body))
}

pub async fn edit_form(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(post): Path<PostId>,
) -> AppResult<Response> {
    let (at, place) = community::open_post(&app, viewer.user(), post).await?;
    let who = community::editor(&user, &place, &at)?;
    let typed = EditForm { body: app.store.post_body(at.post).await?, ..EditForm::default() };
    Ok(edit_page(&viewer, &at, who, &typed, None))
}

pub async fn edit(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(post): Path<PostId>,
    Form(f): Form<EditForm>,
) -> AppResult<Response> {
    let (at, place) = community::open_post(&app, viewer.user(), post).await?;
    let who = community::editor(&user, &place, &at)?;
    if f.action == "preview" {
        let checked = foothold_core::community::parse_post(&f.body).err().map(AppError::from);
        return Ok(edit_page(&viewer, &at, who, &f, checked.as_ref()));
    }
    match community::edit(&app, &user, &place, &at, &f.body, &f.reason).await.map_err(AppError::from) {
        Ok(community::Edited { held: true, .. }) => Ok(see_other(&format!("/posts/{}/held", at.post))),
        // The thread page reads the author's post again and shows the support panel if needed.
        Ok(community::Edited { support: Some(_), .. }) => {
            Ok(see_other(&format!("/threads/{}?posted={}#post-{}", at.thread, at.post, at.post)))
        }
        Ok(_) => Ok(see_other(&format!("/threads/{}?done=edited#post-{}", at.thread, at.post))),
        Err(e @ (AppError::Invalid(_) | AppError::Conflict(_))) => {
            Ok(edit_page(&viewer, &at, who, &f, Some(&e)))
        }
        Err(e) => Err(e),
    }
}

/// Every earlier text of a post, for the group's moderators.
pub async fn history(
    State(app): State<AppState>,
    Member { viewer, .. }: Member,
    Path(post): Path<PostId>,
) -> AppResult<Response> {
    let (at, place) = community::open_post(&app, viewer.user(), post).await?;
    place.require(Action::Moderate)?;
    let (now, edits) = tokio::try_join!(app.store.post_body(at.post), app.store.post_history(at.post))?;
    let tr = &viewer.tr;
    let title = tr.t("post-history-title");
    let body = html! {
        p { a href={ "/threads/" (at.thread) "#post-" (at.post) } { "← " (tr.t("edit-back")) } }
        h1 { (title) }
        p class="lead" { (tr.t("post-history-lead")) }
        h2 { (tr.t("post-history-now")) }
        pre class="post-source" { (now) }
        @if edits.is_empty() { p { (tr.t("post-history-none")) } }
        @for e in &edits {
            h2 {
                (tr.t("post-history-before")) " "
                (local_time(viewer.zone(), e.edited_at))
                @if e.by_moderator { " · " (tr.t("post-history-by-moderator")) }
            }
            pre class="post-source" { (e.body) }
        }
    };
    Ok(html(StatusCode::OK, layout::page(&viewer, &title, body)))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct BlockForm {
    on: String,
}

/// "Block this member?", with what it does, before anything changes.
pub async fn block_form(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(handle): Path<String>,
) -> AppResult<Response> {
    let parsed = foothold_core::account::Handle::parse(&handle).map_err(|_| AppError::NotFound)?;
    let them = app.store.user_by_handle(&parsed).await?;
    let blocked = app.store.blocks(user.id, them.id).await?;
    let staff = them.role.is_staff();
    let tr = &viewer.tr;
    let title = tr.ta(if blocked { "unblock-title" } else { "block-title" }, &[("handle", &them.handle)]);
    let body = html! {
        h1 { (title) }
        @if them.id == user.id {
            p { (tr.error("block-self")) }
        } @else if staff && !blocked {
            p { (tr.error("block-staff")) }
        } @else {
            p class="lead" { (tr.t(if blocked { "unblock-lead" } else { "block-lead" })) }
            form method="post" action={ "/members/" (them.handle) "/block" } {
                (csrf(&viewer.csrf))
                input type="hidden" name="on" value=(if blocked { "no" } else { "yes" });
                button type="submit" { (tr.t(if blocked { "unblock-confirm" } else { "block-confirm" })) }
            }
        }
        p { a href="/account/blocked" { (tr.t("blocked-title")) } }
    };
    Ok(html(StatusCode::OK, layout::page(&viewer, &title, body)))
}

pub async fn block(
    State(app): State<AppState>,
    Member { user, .. }: Member,
    Path(handle): Path<String>,
    Form(f): Form<BlockForm>,
) -> AppResult<Response> {
    let on = f.on != "no";
    community::block(&app, &user, &handle, on).await?;
    Ok(see_other(if on { "/account/blocked?done=blocked" } else { "/account/blocked?done=unblocked" }))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct DoneQuery {
    done: String,
}

/// The members someone blocked, each with a way back.
pub async fn blocked(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Query(q): Query<DoneQuery>,
) -> AppResult<Response> {
    let list = app.store.blocked_by(user.id).await?;
    let tr = &viewer.tr;
    let title = tr.t("blocked-title");
    let done = format!("blocked-done-{}", q.done);
    let body = html! {
        h1 { (title) }
        @if tr.has(&done) { p class="notice" role="status" { (tr.t(&done)) } }
        p class="lead" { (tr.t("blocked-lead")) }
        @if list.is_empty() { p { (tr.t("blocked-none")) } }
        ul class="cards" {
            @for b in &list {
                li class="card" {
                    strong { (b.handle) } " "
                    span class="hint" { (tr.t("blocked-since")) " " (b.since.format("%Y-%m-%d")) }
                    form method="post" action={ "/members/" (b.handle) "/block" } class="inline" {
                        (csrf(&viewer.csrf))
                        input type="hidden" name="on" value="no";
                        button type="submit" class="secondary" { (tr.t("unblock-confirm")) }
                    }
                }
            }
        }
    };
    Ok(html(StatusCode::OK, layout::page(&viewer, &title, body)))
}
