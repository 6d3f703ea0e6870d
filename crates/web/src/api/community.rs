//! The community in the JSON API: every action a member can take in the pages, with the same
//! rules (`crate::community`), so apps and moderation tools can use it.

use super::Json;
use super::{schema, ErrorBody};
use crate::auth::{Member, Viewer};
use crate::community::{self, Draft, Written};
use crate::error::{AppError, AppResult};
use crate::markdown;
use crate::pages::groups::{cursor_text, parse_cursor};
use crate::support::SupportView;
use crate::thoughts::nonce;
use crate::AppState;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use foothold_core::community::access::Action;
use foothold_core::community::{
    parse_group, parse_report, parse_thread, GroupKind, ModAction, Reaction, ReportReason, Visibility,
    PAUSE_DAYS, POSTS_PER_PAGE, THREADS_PER_PAGE,
};
use foothold_core::hacks::Tag;
use foothold_core::Invalid;
use foothold_store::{Group, LogEntry, Membership, Post, PostId, Report, ThreadId, ThreadSummary};
use serde::{Deserialize, Serialize};
use utoipa::openapi::schema::{Object, ObjectBuilder, Type};
use utoipa::{IntoParams, ToSchema};

#[derive(Serialize, ToSchema)]
pub struct MembershipView {
    /// `member`, `moderator` or `host`.
    role: &'static str,
    /// `active`, `pending` (asked to join a private group) or `banned`.
    standing: &'static str,
}

#[derive(Serialize, ToSchema)]
pub struct GroupView {
    slug: String,
    name: String,
    /// `support`, `advocacy` or `exercise`.
    kind: &'static str,
    /// `public`, `members` or `private`.
    visibility: &'static str,
    about: String,
    rules: String,
    members: i64,
    /// What the group is about: conditions and body areas, in the words hacks use
    /// (`back_pain`, `migraine`, `hips`, …).
    tags: Vec<&'static str>,
    /// Your place in the group, if any.
    membership: Option<MembershipView>,
}

fn membership_view(m: Membership) -> MembershipView {
    MembershipView { role: m.role.as_str(), standing: m.standing.as_str() }
}

fn group_view(g: Group, m: Option<Membership>) -> GroupView {
    GroupView {
        slug: g.slug,
        name: g.name,
        kind: g.kind.as_str(),
        visibility: g.visibility.as_str(),
        about: g.about,
        rules: g.rules,
        members: g.members,
        tags: g.tags.iter().map(|t| t.as_str()).collect(),
        membership: m.map(membership_view),
    }
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct GroupsQuery {
    /// Only the groups about this topic (`migraine`, `back`, …).
    #[param(schema_with = schema::one_of::<Tag>)]
    about: Option<String>,
}

/// Every group, yours first; or only those about one topic.
#[utoipa::path(get, path = "/api/v1/groups", tag = "community", operation_id = "list_groups", params(GroupsQuery),
    responses((status = 200, body = Vec<GroupView>), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn list(
    State(app): State<AppState>,
    Member { user, .. }: Member,
    Query(q): Query<GroupsQuery>,
) -> AppResult<Json<Vec<GroupView>>> {
    let about = q
        .about
        .map(|name| Tag::parse(&name).ok_or_else(|| Invalid::one("about", "choose-one")))
        .transpose()?;
    let groups = community::directory(&app, &user, about).await?;
    Ok(Json(groups.into_iter().map(|(g, m)| group_view(g, m)).collect()))
}

#[derive(Deserialize, ToSchema)]
pub struct TopicsRequest {
    /// At most five topics, in the words hacks use.
    #[schema(schema_with = schema::group_topics)]
    tags: Vec<String>,
}

/// Says what the group is about (its hosts, and site staff): replaces its topics.
#[utoipa::path(put, path = "/api/v1/groups/{slug}/tags", tag = "community", operation_id = "set_group_tags", params(("slug" = String, Path)), request_body = TopicsRequest,
    responses((status = 200, body = GroupView), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn set_tags(
    State(app): State<AppState>,
    Member { viewer, .. }: Member,
    Path(slug): Path<String>,
    Json(req): Json<TopicsRequest>,
) -> AppResult<Json<GroupView>> {
    let mut place = community::place(&app, viewer.user(), &slug).await?;
    let names: Vec<&str> = req.tags.iter().map(String::as_str).collect();
    place.group.tags = community::set_topics(&app, &place, &names).await?;
    Ok(Json(group_view(place.group, place.membership)))
}

#[derive(Deserialize, ToSchema)]
pub struct GroupRequest {
    #[schema(pattern = r"\S[\s\S]+\S", max_length = 80)]
    name: String,
    #[schema(schema_with = schema::one_of::<GroupKind>)]
    kind: String,
    #[schema(schema_with = schema::one_of::<Visibility>)]
    visibility: String,
    #[serde(default)]
    #[schema(max_length = 2000)]
    about: String,
    #[serde(default)]
    #[schema(max_length = 4000)]
    rules: String,
    /// At most five topics (`back_pain`, `migraine`, `hips`, …).
    #[serde(default)]
    #[schema(schema_with = schema::group_topics)]
    tags: Vec<String>,
}

/// Starts a group; you become its host.
#[utoipa::path(post, path = "/api/v1/groups", tag = "community", operation_id = "create_group", request_body = GroupRequest,
    responses((status = 201, body = GroupView), (status = 422, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn create(
    State(app): State<AppState>,
    Member { user, .. }: Member,
    Json(req): Json<GroupRequest>,
) -> AppResult<(StatusCode, Json<GroupView>)> {
    let tags: Vec<&str> = req.tags.iter().map(String::as_str).collect();
    let new = parse_group(&req.name, &req.kind, &req.visibility, &req.about, &req.rules, &tags)?;
    let g = app.store.create_group(user.id, &new).await?;
    let m = app.store.membership(g.id, user.id).await?;
    Ok((StatusCode::CREATED, Json(group_view(g, m))))
}

/// One group.
#[utoipa::path(get, path = "/api/v1/groups/{slug}", tag = "community", operation_id = "get_group", params(("slug" = String, Path)),
    responses((status = 200, body = GroupView), (status = 404, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn get(
    State(app): State<AppState>,
    viewer: Viewer,
    Path(slug): Path<String>,
) -> AppResult<Json<GroupView>> {
    let place = community::place(&app, viewer.user(), &slug).await?;
    place.require(Action::See)?;
    Ok(Json(group_view(place.group, place.membership)))
}

#[derive(Deserialize, ToSchema)]
pub struct JoinRequest {
    /// Needed when the group has rules.
    #[serde(default)]
    accept_rules: bool,
}

/// Joins the group, or asks to join a private one.
#[utoipa::path(post, path = "/api/v1/groups/{slug}/membership", tag = "community", operation_id = "join_group", params(("slug" = String, Path)), request_body = JoinRequest,
    responses((status = 200, body = MembershipView), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn join(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(slug): Path<String>,
    Json(req): Json<JoinRequest>,
) -> AppResult<Json<MembershipView>> {
    let place = community::place(&app, viewer.user(), &slug).await?;
    let standing = community::join(&app, &user, &place, req.accept_rules).await?;
    let role = foothold_core::community::Role::Member;
    Ok(Json(membership_view(Membership::new(role, standing))))
}

/// Leaves the group.
#[utoipa::path(delete, path = "/api/v1/groups/{slug}/membership", tag = "community", operation_id = "leave_group", params(("slug" = String, Path)),
    responses((status = 204), (status = 403, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn leave(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(slug): Path<String>,
) -> AppResult<StatusCode> {
    let place = community::place(&app, viewer.user(), &slug).await?;
    place.require(Action::Leave)?;
    app.store.set_membership(place.group.id, user.id, None).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Serialize, ToSchema)]
pub struct ThreadView {
    id: i64,
    title: String,
    /// `null` when the author's account was deleted.
    author: Option<String>,
    created_at: DateTime<Utc>,
    last_post_at: DateTime<Utc>,
    posts: i64,
    locked: bool,
}

fn thread_view(t: ThreadSummary) -> ThreadView {
    ThreadView {
        id: t.id.0,
        title: t.title,
        author: t.author,
        created_at: t.created_at,
        last_post_at: t.last_post_at,
        posts: t.posts,
        locked: t.locked,
    }
}

#[derive(Serialize, ToSchema)]
pub struct ThreadPage {
    threads: Vec<ThreadView>,
    /// Pass as `after` for the next page; `null` on the last.
    next: Option<String>,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AfterQuery {
    /// Where the previous page ended (its `next`).
    #[serde(default)]
    #[param(pattern = r"^[0-9]{1,12}\.[0-9]{1,18}$")]
    after: Option<String>,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AfterPost {
    /// The last post of the previous page (its `next`).
    #[serde(default)]
    after: Option<i64>,
}

/// The group's conversations, most recent activity first, 30 a page.
#[utoipa::path(get, path = "/api/v1/groups/{slug}/threads", tag = "community", operation_id = "list_threads", params(("slug" = String, Path), AfterQuery),
    responses((status = 200, body = ThreadPage), (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn threads(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(slug): Path<String>,
    Query(q): Query<AfterQuery>,
) -> AppResult<Json<ThreadPage>> {
    let place = community::place(&app, viewer.user(), &slug).await?;
    place.require(Action::Read)?;
    let cursor = match q.after.as_deref() {
        None => None,
        // Pages write an empty cursor for the first page; the API leaves it out.
        Some(after) => Some(parse_cursor(after)?.ok_or(AppError::BadRequest)?),
    };
    let list = app.store.threads(place.group.id, user.id, cursor, THREADS_PER_PAGE).await?;
    let next = (list.len() == THREADS_PER_PAGE as usize).then(|| list.last().map(cursor_text)).flatten();
    Ok(Json(ThreadPage { threads: list.into_iter().map(thread_view).collect(), next }))
}

#[derive(Serialize, ToSchema)]
pub struct Created {
    thread: i64,
    post: i64,
    /// Present when what you wrote asks for support: shown to you only.
    support: Option<SupportView>,
    /// Held for the group's moderators to read first (the operator's choice for posts that
    /// read like a crisis): nobody else sees it until a moderator shows it.
    held: bool,
}

pub(super) fn created(app: &AppState, viewer: &Viewer, w: Written) -> (StatusCode, Json<Created>) {
    let status = if w.posted.created { StatusCode::CREATED } else { StatusCode::OK };
    let audience = if w.held { crate::support::Audience::Held } else { crate::support::Audience::Group };
    let support = w.support.map(|l| SupportView::new(&app.config, &viewer.tr, l, audience));
    (status, Json(Created { thread: w.posted.thread.0, post: w.posted.post.0, support, held: w.held }))
}

#[derive(Deserialize, ToSchema)]
pub struct ThreadRequest {
    /// Any unique string per post: sending the same one again returns the first post.
    #[serde(default)]
    nonce: Option<String>,
    #[schema(pattern = r"\S[\s\S]+\S", max_length = 150)]
    title: String,
    #[schema(pattern = r"\S", max_length = 20000)]
    body: String,
    #[serde(default)]
    content_warning: bool,
}

/// Starts a conversation. 201, or 200 when the nonce was used before.
#[utoipa::path(post, path = "/api/v1/groups/{slug}/threads", tag = "community", operation_id = "create_thread", params(("slug" = String, Path)), request_body = ThreadRequest,
    responses((status = 201, body = Created), (status = 200, body = Created), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn create_thread(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(slug): Path<String>,
    Json(req): Json<ThreadRequest>,
) -> AppResult<(StatusCode, Json<Created>)> {
    let place = community::place(&app, viewer.user(), &slug).await?;
    place.require(Action::Post)?;
    let new = parse_thread(&req.title, &req.body)?;
    let nonce = api_nonce(req.nonce)?;
    let w = community::write(&app, &user, &place, &nonce, Draft::Thread(&new), req.content_warning).await?;
    Ok(created(&app, &viewer, w))
}

pub(super) fn api_nonce(given: Option<String>) -> AppResult<String> {
    match given {
        Some(n) if n.len() > 64 => Err(foothold_core::Invalid::one("nonce", "text-too-long").into()),
        Some(n) => Ok(format!("api:{n}")),
        None => Ok(nonce()?),
    }
}

#[derive(Serialize, ToSchema)]
pub struct PostView {
    id: i64,
    author: String,
    /// The Markdown as written.
    body: String,
    /// The same, rendered and sanitised.
    html: String,
    content_warning: bool,
    /// Hidden by a moderator (only moderators see these).
    hidden: bool,
    created_at: DateTime<Utc>,
    me_too: i64,
    thank_you: i64,
    /// Your own reactions: `me_too`, `thank_you`.
    mine: Vec<&'static str>,
}

pub(super) fn post_view(rendered: &markdown::Rendered, p: Post) -> PostView {
    PostView {
        id: p.id.0,
        html: rendered
            .get(markdown::Source::Post, p.id.0, p.edited_at.map_or(0, |t| t.timestamp()), &p.body)
            .to_string(),
        author: p.author,
        body: p.body,
        content_warning: p.content_warning,
        hidden: p.hidden,
        created_at: p.created_at,
        me_too: p.me_too,
        thank_you: p.thank_you,
        mine: p.mine.iter().map(|r| r.as_str()).collect(),
    }
}

#[derive(Serialize, ToSchema)]
pub struct ThreadWithPosts {
    thread: ThreadView,
    posts: Vec<PostView>,
    /// Pass as `after` for the next page of posts; `null` on the last.
    next: Option<String>,
}

/// A conversation and its posts, 50 a page.
#[utoipa::path(get, path = "/api/v1/threads/{id}", tag = "community", operation_id = "get_thread", params(("id" = i64, Path), AfterPost),
    responses((status = 200, body = ThreadWithPosts), (status = 404, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn thread(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(id): Path<ThreadId>,
    Query(q): Query<AfterPost>,
) -> AppResult<Json<ThreadWithPosts>> {
    let (thread, place) = community::open_thread(&app, viewer.user(), id).await?;
    let after = PostId(q.after.unwrap_or(0));
    let posts =
        app.store.posts(thread.id, user.id, after, POSTS_PER_PAGE, place.may(Action::Moderate)).await?;
    let next =
        (posts.len() == POSTS_PER_PAGE as usize).then(|| posts.last().map(|p| p.id.to_string())).flatten();
    Ok(Json(ThreadWithPosts {
        thread: thread_view(thread),
        posts: posts.into_iter().map(|p| post_view(&app.rendered, p)).collect(),
        next,
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct ReplyRequest {
    #[serde(default)]
    nonce: Option<String>,
    #[schema(pattern = r"\S", max_length = 20000)]
    body: String,
    #[serde(default)]
    content_warning: bool,
}

/// Replies to a conversation. 201, or 200 when the nonce was used before.
#[utoipa::path(post, path = "/api/v1/threads/{id}/posts", tag = "community", operation_id = "reply", params(("id" = i64, Path)), request_body = ReplyRequest,
    responses((status = 201, body = Created), (status = 200, body = Created), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn reply(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(id): Path<ThreadId>,
    Json(req): Json<ReplyRequest>,
) -> AppResult<(StatusCode, Json<Created>)> {
    let (_, place) = community::open_thread(&app, viewer.user(), id).await?;
    let body = community::parse_reply(&req.body)?;
    let nonce = api_nonce(req.nonce)?;
    let draft = Draft::Reply { thread: id, body: &body };
    let w = community::write(&app, &user, &place, &nonce, draft, req.content_warning).await?;
    Ok(created(&app, &viewer, w))
}

/// Follows a conversation: you hear of every reply in it.
#[utoipa::path(put, path = "/api/v1/threads/{id}/follow", tag = "community", operation_id = "follow_thread", params(("id" = i64, Path)),
    responses((status = 204), (status = 404, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn follow(
    State(app): State<AppState>,
    member: Member,
    Path(id): Path<ThreadId>,
) -> AppResult<StatusCode> {
    set_follow(app, member, id, true).await
}

/// Stops following a conversation.
#[utoipa::path(delete, path = "/api/v1/threads/{id}/follow", tag = "community", operation_id = "unfollow_thread", params(("id" = i64, Path)),
    responses((status = 204), (status = 404, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn unfollow(
    State(app): State<AppState>,
    member: Member,
    Path(id): Path<ThreadId>,
) -> AppResult<StatusCode> {
    set_follow(app, member, id, false).await
}

async fn set_follow(
    app: AppState,
    Member { user, viewer, .. }: Member,
    id: ThreadId,
    on: bool,
) -> AppResult<StatusCode> {
    let (thread, _) = community::open_thread(&app, viewer.user(), id).await?;
    app.store.follow(foothold_store::Followed::Thread(thread.id), user.id, on).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Follows a group: you hear of every new conversation in it.
#[utoipa::path(put, path = "/api/v1/groups/{slug}/follow", tag = "community", operation_id = "follow_group", params(("slug" = String, Path)),
    responses((status = 204), (status = 404, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn follow_group(
    State(app): State<AppState>,
    member: Member,
    Path(slug): Path<String>,
) -> AppResult<StatusCode> {
    set_group_follow(app, member, &slug, true).await
}

/// Stops following a group.
#[utoipa::path(delete, path = "/api/v1/groups/{slug}/follow", tag = "community", operation_id = "unfollow_group", params(("slug" = String, Path)),
    responses((status = 204), (status = 404, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn unfollow_group(
    State(app): State<AppState>,
    member: Member,
    Path(slug): Path<String>,
) -> AppResult<StatusCode> {
    set_group_follow(app, member, &slug, false).await
}

async fn set_group_follow(
    app: AppState,
    Member { user, viewer, .. }: Member,
    slug: &str,
    on: bool,
) -> AppResult<StatusCode> {
    let place = community::place(&app, viewer.user(), slug).await?;
    place.require(Action::Read)?;
    app.store.follow(foothold_store::Followed::Group(place.group.id), user.id, on).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Says "me too" or "thank you" (`me_too`, `thank_you`) to a post.
#[utoipa::path(put, path = "/api/v1/posts/{id}/reactions/{kind}", tag = "community", operation_id = "react", params(("id" = i64, Path), ("kind" = String, Path)),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn react(
    State(app): State<AppState>,
    member: Member,
    Path((id, kind)): Path<(PostId, String)>,
) -> AppResult<StatusCode> {
    set_reaction(app, member, id, &kind, true).await
}

/// Takes a reaction back.
#[utoipa::path(delete, path = "/api/v1/posts/{id}/reactions/{kind}", tag = "community", operation_id = "unreact", params(("id" = i64, Path), ("kind" = String, Path)),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn unreact(
    State(app): State<AppState>,
    member: Member,
    Path((id, kind)): Path<(PostId, String)>,
) -> AppResult<StatusCode> {
    set_reaction(app, member, id, &kind, false).await
}

async fn set_reaction(
    app: AppState,
    Member { user, viewer, .. }: Member,
    id: PostId,
    kind: &str,
    on: bool,
) -> AppResult<StatusCode> {
    let kind = Reaction::parse(kind).ok_or(AppError::NotFound)?;
    let (at, place) = community::open_post(&app, viewer.user(), id).await?;
    place.require(Action::Post)?;
    app.store.react(at.post, user.id, kind, on).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
pub struct ReportRequest {
    #[schema(schema_with = schema::one_of::<ReportReason>)]
    reason: String,
    #[serde(default)]
    #[schema(max_length = 1000)]
    note: String,
}

/// Reports a post to the group's moderators.
#[utoipa::path(post, path = "/api/v1/posts/{id}/reports", tag = "community", operation_id = "report_post", params(("id" = i64, Path)), request_body = ReportRequest,
    responses((status = 204), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn report(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(id): Path<PostId>,
    Json(req): Json<ReportRequest>,
) -> AppResult<StatusCode> {
    let (at, place) = community::open_post(&app, viewer.user(), id).await?;
    place.require(Action::Report)?;
    let (reason, note) = parse_report(&req.reason, &req.note)?;
    app.store.report(place.group.id, at.post, Some(user.id), reason, note.as_deref()).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Serialize, ToSchema)]
pub struct ReportView {
    id: i64,
    /// The group's address.
    group: String,
    post: i64,
    /// The author's id, for a moderator's note to them (`target` `member`).
    author_id: i64,
    thread: i64,
    thread_title: String,
    author: String,
    body: String,
    post_hidden: bool,
    /// Held for the moderators to read first: nobody else has seen it. `unhide` shows it.
    held: bool,
    reason: &'static str,
    note: Option<String>,
    /// Filed by Foothold because the post reads like a crisis.
    automatic: bool,
    created_at: DateTime<Utc>,
}

/// The group's open reports, a member at risk first (moderators).
#[utoipa::path(get, path = "/api/v1/groups/{slug}/reports", tag = "community", operation_id = "list_reports", params(("slug" = String, Path)),
    responses((status = 200, body = Vec<ReportView>), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn reports(
    State(app): State<AppState>,
    Member { viewer, .. }: Member,
    Path(slug): Path<String>,
) -> AppResult<Json<Vec<ReportView>>> {
    let place = community::place(&app, viewer.user(), &slug).await?;
    place.require(Action::Moderate)?;
    let list = app.store.open_reports(Some(place.group.id)).await?;
    Ok(Json(list.into_iter().map(report_view).collect()))
}

pub(crate) fn report_view(r: Report) -> ReportView {
    ReportView {
        id: r.id,
        group: r.group_slug,
        post: r.post.0,
        author_id: r.author_id.0,
        thread: r.thread.0,
        thread_title: r.thread_title,
        author: r.author,
        body: r.body,
        post_hidden: r.post_hidden,
        held: r.held,
        reason: r.reason.as_str(),
        note: r.note,
        automatic: r.automatic,
        created_at: r.created_at,
    }
}

#[derive(Deserialize, ToSchema)]
pub struct ModerationRequest {
    /// For a member also `warn`, `suspend` (pause their posting for `days`) or `unsuspend`.
    #[schema(schema_with = schema::one_of::<ModAction>)]
    action: String,
    #[schema(schema_with = moderation_targets)]
    target: String,
    id: i64,
    /// Shown in the public log; no personal details, please. For `warn` and `suspend`, the
    /// words sent to the member privately instead (a warning needs them).
    #[serde(default)]
    reason: String,
    /// A pause's length in days.
    #[serde(default)]
    #[schema(schema_with = pause_days)]
    days: Option<i64>,
    /// The member's post a warning or pause is about; its reports are closed.
    #[serde(default)]
    post: Option<i64>,
    /// For `move` (target `thread`): the slug of the group it moves to, which you moderate too.
    #[serde(default)]
    to: String,
}

fn moderation_targets() -> Object {
    schema::choice(community::TARGETS)
}

fn pause_days() -> Object {
    schema::or_null(ObjectBuilder::new().schema_type(Type::Integer).enum_values(Some(PAUSE_DAYS)).build())
}

/// A moderator's action; written to the group's moderation log.
#[utoipa::path(post, path = "/api/v1/groups/{slug}/moderation", tag = "community", operation_id = "moderate", params(("slug" = String, Path)), request_body = ModerationRequest,
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn moderate(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(slug): Path<String>,
    Json(req): Json<ModerationRequest>,
) -> AppResult<StatusCode> {
    let place = community::place(&app, viewer.user(), &slug).await?;
    let days = req.days.map(|d| d.to_string()).unwrap_or_default();
    let m = community::Moderation {
        action: &req.action,
        target: &req.target,
        id: req.id,
        reason: &req.reason,
        days: &days,
        post: req.post,
        to: &req.to,
    };
    community::moderate(&app, &user, &place, &m).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Serialize, ToSchema)]
pub struct LogEntryView {
    action: &'static str,
    thread: Option<i64>,
    post: Option<i64>,
    reason: Option<String>,
    created_at: DateTime<Utc>,
}

/// What moderators did in the group, newest first, without names.
#[utoipa::path(get, path = "/api/v1/groups/{slug}/log", tag = "community", operation_id = "moderation_log", params(("slug" = String, Path)),
    responses((status = 200, body = Vec<LogEntryView>), (status = 404, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn log(
    State(app): State<AppState>,
    Member { viewer, .. }: Member,
    Path(slug): Path<String>,
) -> AppResult<Json<Vec<LogEntryView>>> {
    let place = community::place(&app, viewer.user(), &slug).await?;
    place.require(Action::Read)?;
    let entries = app.store.moderation_log(place.group.id, 100).await?;
    Ok(Json(
        entries
            .into_iter()
            .map(|e: LogEntry| LogEntryView {
                action: e.action.as_str(),
                thread: e.thread.map(|t| t.0),
                post: e.post.map(|p| p.0),
                reason: e.reason,
                created_at: e.created_at,
            })
            .collect(),
    ))
}

#[derive(Serialize, ToSchema)]
pub struct SearchHitView {
    post: i64,
    thread: i64,
    thread_title: String,
    group: String,
    group_name: String,
    author: String,
    created_at: DateTime<Utc>,
    /// A few words around the match, HTML-escaped, the matching words in `<mark>`.
    snippet_html: String,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchParams {
    /// Words to find (all of them); at most eight words are used.
    q: String,
}

/// Posts you may read that contain every word of `q`, best matches first (30 at most).
#[utoipa::path(get, path = "/api/v1/search", tag = "community", operation_id = "search_posts", params(SearchParams),
    responses((status = 200, body = Vec<SearchHitView>), (status = 401, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn search(
    State(app): State<AppState>,
    Member { user, .. }: Member,
    Query(p): Query<SearchParams>,
) -> AppResult<Json<Vec<SearchHitView>>> {
    let found = crate::pages::search::hits(&app, &user, &p.q).await?;
    Ok(Json(
        found
            .into_iter()
            .map(|h| SearchHitView {
                snippet_html: crate::pages::search::snippet_html(&h.snippet),
                post: h.post.0,
                thread: h.thread.0,
                thread_title: h.thread_title,
                group: h.group_slug,
                group_name: h.group_name,
                author: h.author,
                created_at: h.created_at,
            })
            .collect(),
    ))
}

#[derive(Serialize, ToSchema)]
pub struct NotificationView {
    id: i64,
    /// `reply`, `mention`, `approved`, `message` (a member wrote to you), `shown` (your post
    /// held for the moderators is now in the group), `thread` (a new conversation in a group
    /// you follow), or a moderators' note: `warning` or
    /// `suspended`.
    kind: &'static str,
    actor: Option<String>,
    group: Option<String>,
    thread: Option<i64>,
    thread_title: Option<String>,
    post: Option<i64>,
    /// A moderators' note in their words.
    message: Option<String>,
    /// When a pause in posting ends.
    until: Option<DateTime<Utc>>,
    created_at: DateTime<Utc>,
    read: bool,
}

#[derive(Serialize, ToSchema)]
pub struct NotificationList {
    unread: i64,
    notifications: Vec<NotificationView>,
}

/// Your newest notifications (50) and how many are unread.
#[utoipa::path(get, path = "/api/v1/notifications", tag = "community", operation_id = "list_notifications",
    responses((status = 200, body = NotificationList), (status = 401, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn notifications(
    State(app): State<AppState>,
    Member { user, .. }: Member,
) -> AppResult<Json<NotificationList>> {
    let all = app.store.notifications(user.id, crate::pages::notifications::SHOWN).await?;
    // The count in the account row may lag by the session cache's seconds; the list is exact.
    let unread = i64::try_from(all.iter().filter(|n| !n.read).count()).unwrap_or(i64::MAX);
    Ok(Json(NotificationList {
        unread,
        notifications: all
            .into_iter()
            .map(|n| NotificationView {
                id: n.id,
                kind: n.kind.as_str(),
                actor: n.actor,
                group: n.group_slug,
                thread: n.thread.map(|t| t.0),
                thread_title: n.thread_title,
                post: n.post.map(|p| p.0),
                message: n.message,
                until: n.until,
                created_at: n.created_at,
                read: n.read,
            })
            .collect(),
    }))
}

/// Marks all your notifications read.
#[utoipa::path(post, path = "/api/v1/notifications/read", tag = "community", operation_id = "read_notifications",
    responses((status = 204), (status = 401, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn read_notifications(
    State(app): State<AppState>,
    Member { user, .. }: Member,
) -> AppResult<StatusCode> {
    app.store.mark_notifications_read(user.id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Serialize, ToSchema)]
pub struct GroupResourceView {
    id: i64,
    title: String,
    /// Markdown.
    body: String,
    updated_at: DateTime<Utc>,
}

/// An advocacy group's pinned resources, in their order (404 for other kinds of group).
#[utoipa::path(get, path = "/api/v1/groups/{slug}/resources", tag = "community", operation_id = "list_resources", params(("slug" = String, Path)),
    responses((status = 200, body = Vec<GroupResourceView>), (status = 404, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn resources(
    State(app): State<AppState>,
    Member { viewer, .. }: Member,
    Path(slug): Path<String>,
) -> AppResult<Json<Vec<GroupResourceView>>> {
    let place = community::shelf(&app, viewer.user(), &slug, Action::Read).await?;
    let all = app.store.group_resources(place.group.id).await?;
    Ok(Json(
        all.into_iter()
            .map(|r| GroupResourceView { id: r.id, title: r.title, body: r.body, updated_at: r.updated_at })
            .collect(),
    ))
}

#[derive(Deserialize, ToSchema)]
pub struct ResourceRequest {
    #[schema(pattern = r"\S[\s\S]+\S", max_length = 150)]
    title: String,
    /// Markdown; links are allowed.
    #[schema(pattern = r"\S", max_length = 20000)]
    body: String,
}

#[derive(Serialize, ToSchema)]
pub struct ResourceMade {
    id: i64,
}

/// Adds a resource to an advocacy group (its hosts and moderators; at most 30).
#[utoipa::path(post, path = "/api/v1/groups/{slug}/resources", tag = "community", operation_id = "add_resource", params(("slug" = String, Path)), request_body = ResourceRequest,
    responses((status = 201, body = ResourceMade), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn add_resource(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(slug): Path<String>,
    Json(req): Json<ResourceRequest>,
) -> AppResult<(StatusCode, Json<ResourceMade>)> {
    let place = community::shelf(&app, viewer.user(), &slug, Action::Moderate).await?;
    let new = parse_thread(&req.title, &req.body)?;
    let id = community::add_resource(&app, &user, &place, &new).await?;
    Ok((StatusCode::CREATED, Json(ResourceMade { id })))
}

#[derive(Deserialize, ToSchema)]
pub struct ResourceOrder {
    /// Every resource's id, each once, in the new order.
    ids: Vec<i64>,
}

/// Puts an advocacy group's resources in a new order (its hosts and moderators).
#[utoipa::path(put, path = "/api/v1/groups/{slug}/resources/order", tag = "community", operation_id = "order_resources", params(("slug" = String, Path)), request_body = ResourceOrder,
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn order_resources(
    State(app): State<AppState>,
    Member { viewer, .. }: Member,
    Path(slug): Path<String>,
    Json(req): Json<ResourceOrder>,
) -> AppResult<StatusCode> {
    let place = community::shelf(&app, viewer.user(), &slug, Action::Moderate).await?;
    community::order_resources(&app, &place, &req.ids).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Replaces a resource's title and text.
#[utoipa::path(put, path = "/api/v1/groups/{slug}/resources/{id}", tag = "community", operation_id = "change_resource", params(("slug" = String, Path), ("id" = i64, Path)), request_body = ResourceRequest,
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn change_resource(
    State(app): State<AppState>,
    Member { viewer, .. }: Member,
    Path((slug, id)): Path<(String, i64)>,
    Json(req): Json<ResourceRequest>,
) -> AppResult<StatusCode> {
    let place = community::shelf(&app, viewer.user(), &slug, Action::Moderate).await?;
    let new = parse_thread(&req.title, &req.body)?;
    app.store.change_group_resource(place.group.id, id, Some(&new)).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Removes a resource.
#[utoipa::path(delete, path = "/api/v1/groups/{slug}/resources/{id}", tag = "community", operation_id = "remove_resource", params(("slug" = String, Path), ("id" = i64, Path)),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn remove_resource(
    State(app): State<AppState>,
    Member { viewer, .. }: Member,
    Path((slug, id)): Path<(String, i64)>,
) -> AppResult<StatusCode> {
    let place = community::shelf(&app, viewer.user(), &slug, Action::Moderate).await?;
    app.store.change_group_resource(place.group.id, id, None).await?;
    Ok(StatusCode::NO_CONTENT)
}
