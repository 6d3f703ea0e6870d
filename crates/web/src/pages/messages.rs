//! Direct messages: the member's conversations and their own setting, one conversation with
//! its reply form, and reporting a message received. The rules are `crate::messages`.

use super::form::{csrf, Errors};
use super::threads::{report_page, ReportForm};
use super::{html, layout, local_time, see_other};
use crate::auth::{Member, Viewer};
use crate::error::{AppError, AppResult};
use crate::messages;
use crate::support;
use crate::thoughts::nonce;
use crate::AppState;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use foothold_core::community::parse_report;
use foothold_store::{MessageSettings, User};
use maud::{html, Markup};
use serde::Deserialize;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ListQuery {
    done: String,
}

fn settings_form(viewer: &Viewer, settings: MessageSettings) -> Markup {
    let tr = &viewer.tr;
    html! {
        section class="card" aria-labelledby="messages-settings-title" {
            h2 id="messages-settings-title" { (tr.t("messages-settings-title")) }
            @if settings.barred {
                p { (tr.t("messages-barred-note")) }
            } @else {
                form method="post" action="/account/messages" {
                    (csrf(&viewer.csrf))
                    label class="choice" {
                        input type="checkbox" name="open" value="yes" checked[settings.open];
                        " " (tr.t("messages-open-label"))
                    }
                    p class="hint" { (tr.t("messages-open-hint")) }
                    button type="submit" class="secondary" { (tr.t("messages-settings-save")) }
                }
            }
        }
    }
}

/// The message's text box. Not the posts' one: a message is plain text, and the hint says
/// who reads it.
fn message_field(tr: &crate::i18n::Tr, errors: &Errors, handle: &str, typed: &str) -> Markup {
    let error = errors.message_for("body");
    html! {
        div class={ "field" @if error.is_some() { " field-error" } } {
            label for="body" { (tr.t("message-field-body")) }
            p class="hint" id="body-hint" { (tr.ta("message-field-hint", &[("handle", handle)])) }
            @if let Some(m) = &error { p class="error-message" { (m) } }
            textarea id="body" name="body" rows="4" aria-describedby="body-hint"
                aria-invalid=[error.as_ref().map(|_| "true")] { (typed) }
        }
    }
}

fn list_page(
    viewer: &Viewer,
    settings: MessageSettings,
    all: &[foothold_store::Conversation],
    done: &str,
    typed: &str,
    error: Option<&AppError>,
) -> Response {
    let tr = &viewer.tr;
    let errors = Errors { tr, error };
    let title = tr.t("messages-title");
    let handle_error = errors.message_for("handle");
    let body = html! {
        h1 { (title) }
        p class="lead" { (tr.t("messages-lead")) }
        @if done == "settings" { p class="notice" role="status" { (tr.t("messages-settings-saved")) } }
        (errors.summary())
        form method="get" action="/messages/to" class="inline-form" novalidate {
            div class={ "field" @if handle_error.is_some() { " field-error" } } {
                label for="handle" { (tr.t("messages-to-label")) }
                p class="hint" id="handle-hint" { (tr.t("messages-to-hint")) }
                @if let Some(m) = &handle_error { p class="error-message" { (m) } }
                input id="handle" name="handle" type="text" autocomplete="off" value=(typed)
                    aria-describedby="handle-hint" aria-invalid=[handle_error.as_ref().map(|_| "true")];
            }
            button type="submit" { (tr.t("messages-to-open")) }
        }
        h2 { (tr.t("messages-conversations")) }
        @if all.is_empty() { p { (tr.t("messages-none")) } }
        ul class="cards" {
            @for c in all {
                li class={ "card" @if c.unread > 0 { " unread" } } {
                    a href={ "/messages/" (c.handle) } { (c.handle) }
                    p class="meta" {
                        (local_time(viewer.zone(), c.last_at))
                        @if c.unread > 0 {
                            " · " strong { (tr.ta("messages-unread", &[("count", &c.unread.to_string())])) }
                        }
                    }
                }
            }
        }
        (settings_form(viewer, settings))
    };
    html(error.map_or(StatusCode::OK, AppError::status), layout::page(viewer, &title, body))
}

pub async fn list(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Query(q): Query<ListQuery>,
) -> AppResult<Response> {
    let (settings, all) =
        tokio::try_join!(app.store.message_settings(user.id), app.store.conversations(user.id))?;
    Ok(list_page(&viewer, settings, &all, &q.done, "", None))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ToQuery {
    handle: String,
}

/// "Write to…": the conversation with the member named, or the list again saying nobody
/// has that name.
pub async fn to(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Query(q): Query<ToQuery>,
) -> AppResult<Response> {
    let handle = q.handle.trim().trim_start_matches('@');
    match messages::member(&app.store, handle).await.map_err(AppError::from) {
        Ok(them) => Ok(see_other(&format!("/messages/{}", them.handle))),
        Err(AppError::NotFound) => {
            let (settings, all) =
                tokio::try_join!(app.store.message_settings(user.id), app.store.conversations(user.id))?;
            let e = AppError::from(foothold_core::Invalid::one("handle", "message-nobody"));
            Ok(list_page(&viewer, settings, &all, "", &q.handle, Some(&e)))
        }
        Err(e) => Err(e),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SettingsForm {
    open: String,
}

pub async fn save_settings(
    State(app): State<AppState>,
    Member { user, .. }: Member,
    Form(f): Form<SettingsForm>,
) -> AppResult<Response> {
    app.store.set_messages_open(user.id, f.open == "yes").await?;
    Ok(see_other("/messages?done=settings"))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ConversationQuery {
    /// The message just sent: read again for the support panel.
    sent: Option<i64>,
    done: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct MessageForm {
    body: String,
    nonce: String,
}

async fn conversation_page(
    app: &AppState,
    viewer: &Viewer,
    user: &User,
    them: &User,
    q: &ConversationQuery,
    typed: &str,
    error: Option<&AppError>,
) -> AppResult<Response> {
    let all = app.store.conversation(user.id, them.id).await?;
    let refusal = match messages::may_write(&app.store, user, them).await.map_err(AppError::from) {
        Ok(()) => None,
        Err(AppError::Invalid(i)) => Some(i),
        Err(e) => return Err(e),
    };
    let tr = &viewer.tr;
    // The level is never stored: the member's own message is read again when the page opens.
    let panel = match q.sent.and_then(|id| all.iter().find(|m| m.id == id && m.sender == user.id)) {
        Some(mine) => app
            .support
            .read(&[&mine.body])
            .await
            .map(|l| support::panel(&app.config, tr, l, support::Audience::Message)),
        None => None,
    };
    let errors = Errors { tr, error };
    let title = tr.ta("conversation-title", &[("handle", &them.handle)]);
    let body = html! {
        @if let Some(p) = panel { (p) }
        p { a href="/messages" { "← " (tr.t("messages-title")) } }
        h1 { (title) }
        @if q.done == "reported" { p class="notice" role="status" { (tr.ta("message-reported", &[("handle", &them.handle)])) } }
        @if all.is_empty() { p { (tr.t("conversation-empty")) } }
        ol class="messages" {
            @for m in &all {
                @let mine = m.sender == user.id;
                li id={ "message-" (m.id) } class={ "message" @if mine { " mine" } } {
                    p class="meta" {
                        strong { @if mine { (tr.t("message-you")) } @else { (them.handle) } }
                        " · " (local_time(viewer.zone(), m.created_at))
                    }
                    // Plain text as written, line breaks kept: never Markdown, never HTML.
                    p class="message-body" { (m.body) }
                    @if !mine {
                        p class="post-actions" {
                            a href={ "/messages/" (them.handle) "/report/" (m.id) } { (tr.t("message-report")) }
                        }
                    }
                }
            }
        }
        (errors.summary())
        @match &refusal {
            None => {
                form method="post" action={ "/messages/" (them.handle) } novalidate {
                    (csrf(&viewer.csrf))
                    input type="hidden" name="nonce" value=(nonce()?);
                    (message_field(tr, &errors, &them.handle, typed))
                    button type="submit" { (tr.t("message-send")) }
                }
            }
            Some(why) => {
                p class="hint" id="cannot-write" {
                    @for p in why.problems() { (tr.error(p.code)) " " }
                    @if why.problems().iter().any(|p| p.code == "messages-turn-on") {
                        a href="/messages#messages-settings-title" { (tr.t("messages-settings-title")) }
                    }
                }
            }
        }
        @if them.id != user.id {
            p { a href={ "/members/" (them.handle) "/block" } { (tr.ta("message-block", &[("handle", &them.handle)])) } }
        }
    };
    if all.iter().any(|m| m.sender == them.id && m.read_at.is_none()) {
        app.store.mark_conversation_read(user.id, them.id).await?;
    }
    Ok(html(error.map_or(StatusCode::OK, AppError::status), layout::page(viewer, &title, body)))
}

pub async fn show(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(handle): Path<String>,
    Query(q): Query<ConversationQuery>,
) -> AppResult<Response> {
    let them = messages::member(&app.store, &handle).await?;
    conversation_page(&app, &viewer, &user, &them, &q, "", None).await
}

pub async fn send(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(handle): Path<String>,
    Form(f): Form<MessageForm>,
) -> AppResult<Response> {
    let them = messages::member(&app.store, &handle).await?;
    match messages::send(&app.store, &app.support, &user, &them, &f.nonce, &f.body)
        .await
        .map_err(AppError::from)
    {
        Ok(sent) => {
            let panel = if sent.support.is_some() { format!("?sent={}", sent.id) } else { String::new() };
            Ok(see_other(&format!("/messages/{}{panel}#message-{}", them.handle, sent.id)))
        }
        Err(e @ AppError::Invalid(_)) => {
            let q = ConversationQuery::default();
            conversation_page(&app, &viewer, &user, &them, &q, &f.body, Some(&e)).await
        }
        Err(e) => Err(e),
    }
}

pub async fn report_form(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path((handle, id)): Path<(String, i64)>,
) -> AppResult<Response> {
    let them = messages::member(&app.store, &handle).await?;
    if !app.store.conversation(user.id, them.id).await?.iter().any(|m| m.id == id && m.sender == them.id) {
        return Err(AppError::NotFound);
    }
    Ok(report_page(
        &viewer,
        &format!("/messages/{}/report/{id}", them.handle),
        true,
        &ReportForm::default(),
        None,
    ))
}

pub async fn report(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path((handle, id)): Path<(String, i64)>,
    Form(f): Form<ReportForm>,
) -> AppResult<Response> {
    let them = messages::member(&app.store, &handle).await?;
    let (reason, note) = match parse_report(&f.reason, &f.note) {
        Ok(r) => r,
        Err(e) => {
            let action = format!("/messages/{}/report/{id}", them.handle);
            return Ok(report_page(&viewer, &action, true, &f, Some(&e.into())));
        }
    };
    app.store.report_message(user.id, id, reason, note.as_deref()).await?;
    Ok(see_other(&format!("/messages/{}?done=reported", them.handle)))
}
