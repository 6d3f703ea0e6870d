//! The notification centre: replies, mentions, approvals and moderators' notes, newest first.

use super::form::csrf;
use super::{html, layout, local_time, see_other};
use crate::auth::Member;
use crate::error::AppResult;
use crate::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use foothold_store::{Notification, NotificationKind};
use maud::{html, Markup};

/// Notifications shown (and sent by the API) at once.
pub const SHOWN: u32 = 50;

fn line(tr: &crate::i18n::Tr, zone: chrono_tz::Tz, n: &Notification) -> Markup {
    let who = n.actor.clone().unwrap_or_else(|| tr.t("former-member"));
    let group = n.group_name.clone().unwrap_or_default();
    let title = n.thread_title.clone().unwrap_or_default();
    let text = match n.kind {
        NotificationKind::Reply => tr.ta("notification-reply", &[("who", &who), ("title", &title)]),
        NotificationKind::Mention => tr.ta("notification-mention", &[("who", &who), ("title", &title)]),
        NotificationKind::Approved => tr.ta("notification-approved", &[("group", &group)]),
        NotificationKind::Warning => tr.ta("notification-warning", &[("group", &group)]),
        NotificationKind::Message => tr.ta("notification-message", &[("who", &who)]),
        NotificationKind::Thread => {
            tr.ta("notification-thread", &[("who", &who), ("title", &title), ("group", &group)])
        }
        NotificationKind::Shown => tr.ta("notification-shown", &[("group", &group), ("title", &title)]),
        NotificationKind::Suspended => {
            let until = n
                .until
                .map(|t| t.with_timezone(&zone).format("%Y-%m-%d %H:%M").to_string())
                .unwrap_or_default();
            tr.ta("notification-suspended", &[("group", &group), ("until", &until)])
        }
    };
    let href = match (n.thread, n.post, &n.group_slug) {
        _ if n.kind == NotificationKind::Message => {
            format!("/messages/{}", n.actor.as_deref().unwrap_or_default())
        }
        (Some(t), Some(p), _) => format!("/threads/{t}#post-{p}"),
        (_, _, Some(slug)) => format!("/groups/{slug}"),
        _ => "/groups".to_owned(),
    };
    html! {
        li class={ "card" @if !n.read { " unread" } } {
            a href=(href) { (text) }
            // A moderator's own words, as they wrote them (never Markdown).
            @if let Some(words) = &n.message { blockquote class="moderator-words" { (words) } }
            p class="meta" {
                (local_time(zone, n.created_at))
                @if !n.read { " · " strong { (tr.t("notification-new")) } }
            }
        }
    }
}

pub async fn show(State(app): State<AppState>, Member { user, viewer, .. }: Member) -> AppResult<Response> {
    let all = app.store.notifications(user.id, SHOWN).await?;
    let tr = &viewer.tr;
    let title = tr.t("notifications-title");
    let body = html! {
        h1 { (title) }
        @if all.is_empty() { p { (tr.t("notifications-none")) } }
        @if all.iter().any(|n| !n.read) {
            form method="post" action="/notifications/read" {
                (csrf(&viewer.csrf))
                button type="submit" class="secondary" { (tr.t("notifications-mark-read")) }
            }
        }
        ul class="cards" { @for n in &all { (line(tr, viewer.zone(), n)) } }
    };
    Ok(html(StatusCode::OK, layout::page(&viewer, &title, body)))
}

pub async fn mark_read(State(app): State<AppState>, Member { user, .. }: Member) -> AppResult<Response> {
    app.store.mark_notifications_read(user.id).await?;
    Ok(see_other("/notifications"))
}
