//! A group's moderation: the report queue (a member at risk first), people asking to join,
//! the actions, and the moderation log every member of the group can read.

use super::form::csrf;
use super::{html, layout, local_time, see_other};
use crate::auth::{Member, Viewer};
use crate::community::{self, Moderation};
use crate::error::{AppError, AppResult};
use crate::i18n::Tr;
use crate::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use foothold_core::community::access::Action;
use foothold_core::community::{ModAction, ReportReason, Standing, PAUSE_DAYS};
use foothold_store::{MessageReport, Report};
use maud::{html, Markup};
use serde::Deserialize;

fn action_button(
    tr: &Tr,
    viewer: &Viewer,
    from: Queue,
    slug: &str,
    action: ModAction,
    target: &str,
    id: i64,
) -> Markup {
    let label = tr.t(&format!("mod-action-{}", action.as_str()));
    labelled_button(viewer, from, slug, (action, target, id), &label)
}

fn labelled_button(
    viewer: &Viewer,
    from: Queue,
    slug: &str,
    what: (ModAction, &str, i64),
    label: &str,
) -> Markup {
    let (action, target, id) = what;
    html! {
        form method="post" action={ "/groups/" (slug) "/moderation" } class="inline" {
            (csrf(&viewer.csrf))
            (back_field(from))
            input type="hidden" name="action" value=(action.as_str());
            input type="hidden" name="target" value=(target);
            input type="hidden" name="id" value=(id);
            button type="submit" class="secondary" { (label) }
        }
    }
}

/// Where an action came from: a group's queue, or the site-wide one for staff, who come back
/// to it after each action.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Queue {
    Group,
    Site,
}

fn back_field(from: Queue) -> Markup {
    html! { @if from == Queue::Site { input type="hidden" name="back" value="site"; } }
}

fn report_item(tr: &Tr, viewer: &Viewer, from: Queue, r: &Report) -> Markup {
    let slug = r.group_slug.as_str();
    html! {
        li class={ "card" @if r.automatic { " urgent" } } {
            @if from == Queue::Site { p { a href={ "/groups/" (r.group_slug) "/moderation" } { (r.group_name) } } }
            p class="meta" {
                strong { (tr.t(&format!("report-reason-{}", r.reason.as_str()))) }
                @if r.automatic { " · " (tr.t("report-automatic")) }
                " · " (local_time(viewer.zone(), r.created_at))
            }
            p { a href={ "/threads/" (r.thread) "#post-" (r.post) } { (r.thread_title) } " — " (r.author) }
            blockquote { (r.body.chars().take(400).collect::<String>()) }
            @if let Some(note) = &r.note { p { (tr.t("report-note")) ": " (note) } }
            @if r.held { p class="notice" { (tr.t("report-held")) } }
            div class="post-actions" {
                @if r.held {
                    (labelled_button(viewer, from, slug, (ModAction::Unhide, "post", r.post.0), &tr.t("mod-show-held")))
                } @else if r.post_hidden {
                    (action_button(tr, viewer, from, slug, ModAction::Unhide, "post", r.post.0))
                } @else {
                    (action_button(tr, viewer, from, slug, ModAction::Hide, "post", r.post.0))
                }
                (action_button(tr, viewer, from, slug, ModAction::Lock, "thread", r.thread.0))
                (action_button(tr, viewer, from, slug, ModAction::Dismiss, "report", r.id))
                a href={ "/posts/" (r.post) "/edit" } { (tr.t("edit-title-moderator")) }
            }
            @if r.author_is_member { (member_note(tr, viewer, from, r)) }
        }
    }
}

/// A reported direct message: the message alone (the rest of the conversation stays
/// private), and what the site's moderators can do — close the report, or turn the sender's
/// messages off for good.
fn message_report_item(tr: &Tr, viewer: &Viewer, r: &MessageReport) -> Markup {
    let button = |bar: bool, label: &str| {
        html! {
            form method="post" action={ "/moderation/messages/" (r.id) } class="inline-form" {
                (csrf(&viewer.csrf))
                input type="hidden" name="bar" value=(if bar { "yes" } else { "no" });
                button type="submit" class=(if bar { "danger" } else { "secondary" }) { (label) }
            }
        }
    };
    html! {
        li class={ "card" @if r.reason == ReportReason::AtRisk { " urgent" } } {
            p class="meta" {
                strong { (tr.t(&format!("report-reason-{}", r.reason.as_str()))) }
                " · " (local_time(viewer.zone(), r.created_at))
            }
            p { (tr.ta("sitequeue-message-from", &[("handle", &r.sender_handle)])) }
            blockquote class="message-body" { (r.body) }
            @if let Some(note) = &r.note { p { (tr.t("report-note")) ": " (note) } }
            div class="post-actions" {
                (button(false, &tr.t("mod-action-dismiss")))
                (button(true, &tr.ta("sitequeue-message-bar", &[("handle", &r.sender_handle)])))
            }
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct MessageReportForm {
    bar: String,
}

/// Closes a report of a message (staff only), turning the sender's messages off with `bar`.
pub async fn close_message_report(
    State(app): State<AppState>,
    Member { user, .. }: Member,
    Path(id): Path<i64>,
    Form(f): Form<MessageReportForm>,
) -> AppResult<Response> {
    if !user.role.is_staff() {
        return Err(AppError::Forbidden);
    }
    app.store.close_message_report(id, f.bar == "yes").await?;
    Ok(see_other("/moderation"))
}

/// A private note to the post's author — a warning in the moderator's words, or a pause in
/// their posting — folded away until wanted.
fn member_note(tr: &Tr, viewer: &Viewer, from: Queue, r: &Report) -> Markup {
    let slug = r.group_slug.as_str();
    let to = format!("note-{}", r.id);
    let hidden = |action: ModAction| {
        html! {
            (csrf(&viewer.csrf))
            (back_field(from))
            input type="hidden" name="action" value=(action.as_str());
            input type="hidden" name="target" value="member";
            input type="hidden" name="id" value=(r.author_id.0);
            input type="hidden" name="post" value=(r.post);
        }
    };
    html! {
        details class="member-note" {
            summary { (tr.ta("mod-note-to", &[("handle", &r.author)])) }
            form method="post" action={ "/groups/" (slug) "/moderation" } {
                (hidden(ModAction::Warn))
                div class="field" {
                    label for={ (to) "-warn" } { (tr.t("mod-note-words")) }
                    textarea id={ (to) "-warn" } name="reason" rows="3" {}
                }
                button type="submit" class="secondary" { (tr.t("mod-action-warn")) }
            }
            form method="post" action={ "/groups/" (slug) "/moderation" } {
                (hidden(ModAction::Suspend))
                div class="field" {
                    label for={ (to) "-days" } { (tr.t("mod-pause-days")) }
                    select id={ (to) "-days" } name="days" {
                        @for d in PAUSE_DAYS { option value=(d) { (tr.ta("mod-pause-day", &[("count", &d.to_string())])) } }
                    }
                }
                div class="field" {
                    label for={ (to) "-pause" } { (tr.t("mod-pause-words")) }
                    textarea id={ (to) "-pause" } name="reason" rows="2" {}
                }
                button type="submit" class="secondary" { (tr.t("mod-action-suspend")) }
            }
        }
    }
}

pub async fn queue(
    State(app): State<AppState>,
    Member { viewer, .. }: Member,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let place = community::place(&app, viewer.user(), &slug).await?;
    place.require(Action::Moderate)?;
    let reports = app.store.open_reports(Some(place.group.id)).await?;
    let people = app.store.group_staff_and_requests(place.group.id).await?;
    let now = foothold_store::now();
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
            ul class="cards" { @for r in &reports { (report_item(tr, &viewer, Queue::Group, r)) } }
        }
        section aria-labelledby="people" {
            h2 id="people" { (tr.t("modqueue-people")) }
            ul {
                @for m in &people {
                    li {
                        (m.handle) " · " (tr.t(&format!("group-role-{}", m.membership.role.as_str())))
                        @if m.membership.standing != Standing::Active { " · " (tr.t(&format!("group-standing-{}", m.membership.standing.as_str()))) }
                        @if m.membership.standing == Standing::Pending {
                            " " (action_button(tr, &viewer, Queue::Group, &g.slug, ModAction::Approve, "member", m.user.0))
                        }
                        @if let Some(until) = m.membership.suspended_until.filter(|t| *t > now) {
                            " · " (tr.ta("mod-paused-until", &[("until", &until.with_timezone(&viewer.zone()).format("%Y-%m-%d %H:%M").to_string())]))
                            " " (action_button(tr, &viewer, Queue::Group, &g.slug, ModAction::Unsuspend, "member", m.user.0))
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
    days: String,
    post: Option<i64>,
    to: String,
    back: String,
}

pub async fn act(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(slug): Path<String>,
    Form(f): Form<ActionForm>,
) -> AppResult<Response> {
    let place = community::place(&app, viewer.user(), &slug).await?;
    let id: i64 = f.id.trim().parse().map_err(|_| AppError::BadRequest)?;
    let m = Moderation {
        action: &f.action,
        target: &f.target,
        id,
        reason: &f.reason,
        days: &f.days,
        post: f.post,
        to: &f.to,
    };
    community::moderate(&app, &user, &place, &m).await?;
    if f.back == "thread" {
        return Ok(see_other(&format!("/threads/{id}?done=moved")));
    }
    if f.back == "site" {
        return Ok(see_other("/moderation"));
    }
    Ok(see_other(&format!("/groups/{}/moderation", place.group.slug)))
}

/// Every group's open reports in one queue, for the site's moderators and administrators.
pub async fn site_queue(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
) -> AppResult<Response> {
    if !user.role.is_staff() {
        return Err(AppError::Forbidden);
    }
    let (reports, messages) =
        tokio::try_join!(app.store.open_reports(None), app.store.open_message_reports())?;
    let tr = &viewer.tr;
    let title = tr.t("sitequeue-title");
    let body = html! {
        h1 { (title) }
        p class="lead" { (tr.t("sitequeue-lead")) }
        @if reports.is_empty() { p { (tr.t("modqueue-empty")) } }
        ul class="cards" { @for r in &reports { (report_item(tr, &viewer, Queue::Site, r)) } }
        h2 { (tr.t("sitequeue-messages")) }
        p class="hint" { (tr.t("sitequeue-messages-lead")) }
        @if messages.is_empty() { p { (tr.t("modqueue-empty")) } }
        ul class="cards" { @for r in &messages { (message_report_item(tr, &viewer, r)) } }
    };
    Ok(html(StatusCode::OK, layout::page(&viewer, &title, body)))
}

pub async fn log(
    State(app): State<AppState>,
    Member { viewer, .. }: Member,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let place = community::place(&app, viewer.user(), &slug).await?;
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
