//! A thread: its posts with "me too" and "thank you", quoting, replying (with a preview that
//! needs no JavaScript), and reporting a post. The author of a post that asks for support sees
//! the support panel first, privately, when the page opens after posting.

use super::form::{csrf, Errors};
use super::groups::{body_field, preview};
use super::{html, layout, local_time, see_other};
use crate::auth::{Member, Viewer};
use crate::community::{self, Draft, Place};
use crate::error::{AppError, AppResult};
use crate::i18n::Tr;
use crate::markdown;
use crate::support;
use crate::thoughts::nonce;
use crate::AppState;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use foothold_core::community::access::Action;
use foothold_core::community::{parse_report, Reaction, ReportReason, Role, Standing, POSTS_PER_PAGE};
use foothold_core::hacks::GROUP_SLUG;
use foothold_store::{Post, PostId, ThreadId, ThreadSummary};
use maud::{html, Markup, PreEscaped};
use serde::Deserialize;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ThreadQuery {
    /// The post the viewer just wrote.
    posted: Option<PostId>,
    /// A post to quote in the reply form.
    quote: Option<PostId>,
    /// Continue after this post id.
    after: Option<PostId>,
    done: String,
}

fn quoted(post: &Post) -> String {
    let mut q = format!("@{} wrote:\n", post.author);
    for line in post.body.lines().take(20) {
        q.push_str("> ");
        q.push_str(line);
        q.push('\n');
    }
    q.push('\n');
    q
}

/// The words every post repeats, looked up once per page rather than once per post.
struct Words {
    me_too: String,
    thank_you: String,
    quote: String,
    report: String,
    hidden: String,
    folded: String,
    edited: String,
    moderator_edited: String,
    edit: String,
    history: String,
    block: String,
    zone: chrono_tz::Tz,
}

impl Words {
    fn new(tr: &Tr, zone: chrono_tz::Tz) -> Self {
        Self {
            me_too: tr.t("reaction-me_too"),
            thank_you: tr.t("reaction-thank_you"),
            quote: tr.t("post-quote"),
            report: tr.t("post-report"),
            hidden: tr.t("post-hidden-by-moderator"),
            folded: tr.t("post-folded"),
            edited: tr.t("post-edited"),
            moderator_edited: tr.t("post-moderator-edited"),
            edit: tr.t("post-edit"),
            history: tr.t("post-history"),
            block: tr.t("post-block"),
            zone,
        }
    }
}

fn reaction_button(viewer: &Viewer, post: &Post, kind: Reaction, label: &str, count: i64) -> Markup {
    let on = post.mine.contains(&kind);
    html! {
        form method="post" action={ "/posts/" (post.id) "/react" } class="inline" {
            (csrf(&viewer.csrf))
            input type="hidden" name="kind" value=(kind.as_str());
            input type="hidden" name="on" value=(if on { "no" } else { "yes" });
            button type="submit" class="reaction" aria-pressed=(if on { "true" } else { "false" }) {
                (label) " · " (count)
            }
        }
    }
}

fn post_view(
    w: &Words,
    viewer: &Viewer,
    place: &Place,
    thread: &ThreadSummary,
    post: &Post,
    html: &str,
) -> Markup {
    let body = html! { div class="post-body" { (PreEscaped(html)) } };
    let mine = viewer.user().is_some_and(|u| u.id == post.author_id);
    html! {
        article class={ "post" @if post.hidden { " hidden-post" } } id={ "post-" (post.id) } aria-labelledby={ "by-" (post.id) } {
            p class="meta" id={ "by-" (post.id) } {
                strong { a href={ "/members/" (post.author) } { (post.author) } } " · "
                (local_time(w.zone, post.created_at))
                @if post.edited_at.is_some() { " · " (w.edited) }
                @if post.hidden { " · " (w.hidden) }
            }
            @if post.content_warning {
                details { summary { (w.folded) } (body) }
            } @else { (body) }
            @if post.moderator_edited { p class="hint moderator-note" { (w.moderator_edited) } }
            div class="post-actions" {
                @if place.may(Action::Post) {
                    (reaction_button(viewer, post, Reaction::MeToo, &w.me_too, post.me_too))
                    (reaction_button(viewer, post, Reaction::ThankYou, &w.thank_you, post.thank_you))
                    @if !thread.locked { a href={ "/threads/" (thread.id) "?quote=" (post.id) "#reply" } { (w.quote) } " · " }
                } @else {
                    span { (w.me_too) " · " (post.me_too) " · " (w.thank_you) " · " (post.thank_you) " · " }
                }
                a href={ "/posts/" (post.id) "/report" } { (w.report) }
                // The author edits while they may post here and the thread is open; a moderator always.
                @if (mine && place.may(Action::Post) && !thread.locked) || place.may(Action::Moderate) {
                    " · " a href={ "/posts/" (post.id) "/edit" } { (w.edit) }
                }
                @if post.edited_at.is_some() && place.may(Action::Moderate) {
                    " · " a href={ "/posts/" (post.id) "/history" } { (w.history) }
                }
                @if !mine { " · " a href={ "/members/" (post.author) "/block" } { (w.block) } }
            }
        }
    }
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct ReplyForm {
    nonce: String,
    body: String,
    content_warning: String,
    action: String,
}

struct Shown<'a> {
    rendered: &'a markdown::Rendered,
    /// The thread is a hack's discussion (its page has what it needs and the evidence).
    hack: bool,
    /// The viewer follows this thread.
    following: bool,
    thread: &'a ThreadSummary,
    place: &'a Place,
    posts: &'a [Post],
    support: Option<Markup>,
    done: &'a str,
    /// Groups a moderator may move this conversation to: (slug, name).
    moves: Vec<(String, String)>,
}

fn thread_page(
    viewer: &Viewer,
    s: &Shown,
    typed: &ReplyForm,
    error: Option<&AppError>,
) -> AppResult<Response> {
    let tr = &viewer.tr;
    let errors = Errors { tr, error };
    let (thread, place) = (s.thread, s.place);
    let nonce = if typed.nonce.is_empty() { nonce()? } else { typed.nonce.clone() };
    let body = html! {
        @if let Some(panel) = &s.support { (panel) }
        p { a href={ "/groups/" (place.group.slug) } { "← " (place.group.name) } }
        h1 { (thread.title) }
        @if s.hack { p class="notice" { a href={ "/hacks/" (thread.id) } { (tr.t("thread-is-hack")) } } }
        // Whoever started a thread hears of every reply anyway: no button for them.
        @if viewer.user().is_some_and(|u| thread.author.as_deref() == Some(u.handle.as_str())) {
            p class="hint" { (tr.t("thread-yours")) }
        } @else {
            form method="post" action={ "/threads/" (thread.id) "/follow" } class="follow" {
                (csrf(&viewer.csrf))
                input type="hidden" name="on" value=(if s.following { "no" } else { "yes" });
                button type="submit" class="secondary" aria-pressed=(if s.following { "true" } else { "false" }) {
                    (tr.t("thread-follow"))
                }
                " " span class="hint" { (tr.t(if s.following { "thread-following" } else { "thread-follow-hint" })) }
            }
        }
        @if thread.locked { p class="notice" { (tr.t("thread-locked-notice")) } }
        @if tr.has(&format!("thread-done-{}", s.done)) { p class="notice" role="status" { (tr.t(&format!("thread-done-{}", s.done))) } }
        @let words = Words::new(tr, viewer.zone());
        @for post in s.posts {
            (post_view(&words, viewer, place, thread, post, &s.rendered.get(markdown::Source::Post, post.id.0, post.edited_at.map_or(0, |t| t.timestamp()), &post.body)))
        }
        @if s.posts.len() == POSTS_PER_PAGE as usize {
            @if let Some(last) = s.posts.last() { p { a href={ "/threads/" (thread.id) "?after=" (last.id) } { (tr.t("thread-more")) } } }
        }
        @if place.may(Action::Post) && !thread.locked {
            section aria-labelledby="reply" {
                h2 id="reply" { (tr.t("thread-reply")) }
                (errors.summary())
                @if typed.action == "preview" && error.is_none() { (preview(tr, &typed.body)) }
                form method="post" action={ "/threads/" (thread.id) "/reply" } novalidate {
                    (csrf(&viewer.csrf))
                    input type="hidden" name="nonce" value=(nonce);
                    (body_field(tr, &errors, &typed.body))
                    label class="choice" { input type="checkbox" name="content_warning" value="yes" checked[typed.content_warning == "yes"]; " " (tr.t("post-content-warning")) }
                    div class="actions" {
                        button type="submit" name="action" value="post" { (tr.t("thread-reply-send")) }
                        " "
                        button type="submit" name="action" value="preview" class="secondary" { (tr.t("post-preview")) }
                    }
                }
            }
        } @else if place.may(Action::Join) {
            p { a href={ "/groups/" (place.group.slug) } { (tr.t("thread-join-to-reply")) } }
        }
        @if !s.moves.is_empty() {
            details class="member-note" {
                summary { (tr.t("thread-move")) }
                form method="post" action={ "/groups/" (place.group.slug) "/moderation" } {
                    (csrf(&viewer.csrf))
                    input type="hidden" name="action" value="move";
                    input type="hidden" name="target" value="thread";
                    input type="hidden" name="id" value=(thread.id);
                    input type="hidden" name="back" value="thread";
                    div class="field" {
                        label for="move-to" { (tr.t("thread-move-to")) }
                        select id="move-to" name="to" { @for (slug, name) in &s.moves { option value=(slug) { (name) } } }
                    }
                    div class="field" {
                        label for="move-reason" { (tr.t("edit-reason")) }
                        input id="move-reason" name="reason" type="text";
                    }
                    button type="submit" class="secondary" { (tr.t("thread-move-send")) }
                }
            }
        }
    };
    Ok(html(error.map_or(StatusCode::OK, AppError::status), layout::page(viewer, &thread.title, body)))
}

pub async fn show(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(id): Path<ThreadId>,
    Query(q): Query<ThreadQuery>,
) -> AppResult<Response> {
    let (thread, place) = community::open_thread(&app, viewer.user(), id).await?;
    let (posts, following) = load(&app, user.id, &thread, &place, q.after.unwrap_or(PostId(0))).await?;
    let hack = is_hack(&app, &place, &thread).await?;
    // The level is never stored: the author's own post is read again when the page opens.
    let support = match q.posted.and_then(|p| posts.iter().find(|x| x.id == p && x.author_id == user.id)) {
        Some(mine) => app
            .support
            .read(&[&thread.title, &mine.body])
            .await
            .map(|l| support::panel(&app.config, &viewer.tr, l, support::Audience::Group)),
        None => None,
    };
    let mut typed = ReplyForm::default();
    if let Some(quote) = q.quote.and_then(|p| posts.iter().find(|x| x.id == p)) {
        typed.body = quoted(quote);
    }
    let moves = if place.may(Action::Moderate) && place.group.slug != GROUP_SLUG {
        moves(&app, &user, &place).await?
    } else {
        Vec::new()
    };
    let shown = Shown {
        rendered: &app.rendered,
        hack,
        following,
        thread: &thread,
        place: &place,
        posts: &posts,
        support,
        done: &q.done,
        moves,
    };
    thread_page(&viewer, &shown, &typed, None)
}

/// The other groups the moderator looks after (every group, for the site's moderators), where
/// a conversation of `place` may move; never the hacks group.
async fn moves(
    app: &AppState,
    user: &foothold_store::User,
    place: &Place,
) -> AppResult<Vec<(String, String)>> {
    let staff = user.role.is_staff();
    Ok(app
        .store
        .groups(user.id)
        .await?
        .into_iter()
        .filter(|(g, m)| {
            let looks_after = m.is_some_and(|m| m.role != Role::Member && m.standing == Standing::Active);
            g.id != place.group.id && g.slug != GROUP_SLUG && (staff || looks_after)
        })
        .map(|(g, _)| (g.slug, g.name))
        .collect())
}

/// Whether the thread is a hack's discussion (only threads of the hacks group can be).
async fn is_hack(app: &AppState, place: &Place, thread: &ThreadSummary) -> AppResult<bool> {
    Ok(place.group.slug == GROUP_SLUG && app.store.is_hack(thread.id).await?)
}

/// A page of the thread's posts after post `after` (hidden ones for moderators), and whether
/// the reader follows the thread, read side by side.
async fn load(
    app: &AppState,
    reader: foothold_store::UserId,
    thread: &ThreadSummary,
    place: &Place,
    after: PostId,
) -> AppResult<(Vec<Post>, bool)> {
    let (posts, following) = tokio::join!(
        app.store.posts(thread.id, reader, after, POSTS_PER_PAGE, place.may(Action::Moderate)),
        app.store.follows(foothold_store::Followed::Thread(thread.id), reader)
    );
    Ok((posts?, following?))
}

pub async fn reply(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(id): Path<ThreadId>,
    Form(f): Form<ReplyForm>,
) -> AppResult<Response> {
    let (thread, place) = community::open_thread(&app, viewer.user(), id).await?;
    let written = async {
        let body = community::parse_reply(&f.body)?;
        if f.action == "preview" {
            return Ok(None);
        }
        let draft = Draft::Reply { thread: id, body: &body };
        community::write(&app, &user, &place, &f.nonce, draft, f.content_warning == "yes").await.map(Some)
    };
    let error = match written.await.map_err(AppError::from) {
        Ok(Some(w)) => {
            let shown_at = format!("/threads/{id}?posted={}#post-{}", w.posted.post, w.posted.post);
            return Ok(super::safety::after_posting(&w, &shown_at));
        }
        Ok(None) => None,
        // Problems with what was written show beside the reply, with the text kept.
        Err(e @ (AppError::Invalid(_) | AppError::Conflict(_))) => Some(e),
        Err(e) => return Err(e),
    };
    let (posts, following) = load(&app, user.id, &thread, &place, PostId(0)).await?;
    let shown = Shown {
        rendered: &app.rendered,
        hack: is_hack(&app, &place, &thread).await?,
        following,
        thread: &thread,
        place: &place,
        posts: &posts,
        support: None,
        done: "",
        moves: Vec::new(),
    };
    thread_page(&viewer, &shown, &f, error.as_ref())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct FollowForm {
    on: String,
}

pub async fn follow(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(id): Path<ThreadId>,
    Form(f): Form<FollowForm>,
) -> AppResult<Response> {
    let (thread, _) = community::open_thread(&app, viewer.user(), id).await?;
    app.store.follow(foothold_store::Followed::Thread(thread.id), user.id, f.on != "no").await?;
    Ok(see_other(&format!("/threads/{}", thread.id)))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ReactForm {
    kind: String,
    on: String,
}

pub async fn react(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(post): Path<PostId>,
    Form(f): Form<ReactForm>,
) -> AppResult<Response> {
    let (at, place) = community::open_post(&app, viewer.user(), post).await?;
    place.require(Action::Post)?;
    let kind = Reaction::parse(&f.kind).ok_or(AppError::BadRequest)?;
    app.store.react(at.post, user.id, kind, f.on != "no").await?;
    Ok(see_other(&format!("/threads/{}#post-{}", at.thread, at.post)))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ReportForm {
    pub(super) reason: String,
    pub(super) note: String,
}

/// "Report this" with its reasons; the form posts to `action`. A direct message's report
/// goes to the site's moderators rather than a group's, and says so.
pub(super) fn report_page(
    viewer: &Viewer,
    action: &str,
    message: bool,
    typed: &ReportForm,
    error: Option<&AppError>,
) -> Response {
    let tr = &viewer.tr;
    let errors = Errors { tr, error };
    let title = tr.t(if message { "message-report-title" } else { "report-title" });
    let reason_error = errors.message_for("reason");
    let body = html! {
        h1 { (title) }
        p class="lead" { (tr.t(if message { "message-report-lead" } else { "report-lead" })) }
        (errors.summary())
        form method="post" action=(action) novalidate {
            (csrf(&viewer.csrf))
            fieldset id="reason" class={ "field" @if reason_error.is_some() { " field-error" } } {
                legend { (tr.t("report-reason")) }
                @if let Some(m) = &reason_error { p class="error-message" { (m) } }
                @for r in ReportReason::ALL {
                    label class="choice" { input type="radio" name="reason" value=(r.as_str()) checked[typed.reason == r.as_str()]; " " (tr.t(&format!("report-reason-{}", r.as_str()))) }
                }
            }
            div class="field" {
                label for="note" { (tr.t("report-note")) }
                textarea id="note" name="note" rows="3" { (typed.note) }
            }
            button type="submit" { (tr.t("report-send")) }
        }
        p class="hint" { (tr.t("report-at-risk-hint")) " " a href="/help" { (tr.t("nav-help-now")) } }
    };
    html(error.map_or(StatusCode::OK, AppError::status), layout::page(viewer, &title, body))
}

pub async fn report_form(
    State(app): State<AppState>,
    Member { viewer, .. }: Member,
    Path(post): Path<PostId>,
) -> AppResult<Response> {
    let (at, place) = community::open_post(&app, viewer.user(), post).await?;
    place.require(Action::Report)?;
    Ok(report_page(&viewer, &format!("/posts/{}/report", at.post), false, &ReportForm::default(), None))
}

pub async fn report(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(post): Path<PostId>,
    Form(f): Form<ReportForm>,
) -> AppResult<Response> {
    let (at, place) = community::open_post(&app, viewer.user(), post).await?;
    place.require(Action::Report)?;
    let (reason, note) = match parse_report(&f.reason, &f.note) {
        Ok(r) => r,
        Err(e) => {
            return Ok(report_page(
                &viewer,
                &format!("/posts/{}/report", at.post),
                false,
                &f,
                Some(&e.into()),
            ))
        }
    };
    app.store.report(place.group.id, at.post, Some(user.id), reason, note.as_deref()).await?;
    Ok(see_other(&format!("/threads/{}?done=reported#post-{}", at.thread, at.post)))
}
