//! Safety in the community through the API, with the pages' rules (`crate::community`):
//! blocking members, editing a post (a moderator's edit takes personal details out and is
//! logged), a post's earlier texts for moderators, and the site-wide report queue for staff.

use super::community::{report_view, ReportView};
use super::ErrorBody;
use super::Json;
use crate::auth::Member;
use crate::community;
use crate::error::{AppError, AppResult};
use crate::support::SupportView;
use crate::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use foothold_core::community::access::Action;
use foothold_store::PostId;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct BlockedView {
    handle: String,
    since: DateTime<Utc>,
}

/// The members you blocked, most recent first.
#[utoipa::path(get, path = "/api/v1/me/blocks", tag = "community", operation_id = "list_blocks",
    responses((status = 200, body = Vec<BlockedView>), (status = 401, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn blocks(
    State(app): State<AppState>,
    Member { user, .. }: Member,
) -> AppResult<Json<Vec<BlockedView>>> {
    let list = app.store.blocked_by(user.id).await?;
    Ok(Json(list.into_iter().map(|b| BlockedView { handle: b.handle, since: b.since }).collect()))
}

/// Blocks a member: you stop seeing each other's conversations and posts, and neither hears
/// of the other's replies or mentions. They are not told. Site moderators cannot be blocked.
#[utoipa::path(put, path = "/api/v1/members/{handle}/block", tag = "community", operation_id = "block_member", params(("handle" = String, Path)),
    responses((status = 204), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn block(
    State(app): State<AppState>,
    Member { user, .. }: Member,
    Path(handle): Path<String>,
) -> AppResult<StatusCode> {
    community::block(&app, &user, &handle, true).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Unblocks a member.
#[utoipa::path(delete, path = "/api/v1/members/{handle}/block", tag = "community", operation_id = "unblock_member", params(("handle" = String, Path)),
    responses((status = 204), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn unblock(
    State(app): State<AppState>,
    Member { user, .. }: Member,
    Path(handle): Path<String>,
) -> AppResult<StatusCode> {
    community::block(&app, &user, &handle, false).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
pub struct EditRequest {
    /// The post's new text (Markdown).
    #[schema(pattern = r"\S", max_length = 20000)]
    body: String,
    /// A moderator editing someone else's post: what was taken out, in general words, for
    /// the public log.
    #[serde(default)]
    reason: String,
}

#[derive(Serialize, ToSchema)]
pub struct Edited {
    /// Present when what you wrote asks for support: shown to you only.
    support: Option<SupportView>,
    /// The post went back to the group's moderators to read first (where the operator holds
    /// posts that read like a crisis); it shows again once one of them has.
    held: bool,
}

/// Edits a post: the author their own (same limits as posting; not in a closed thread), or a
/// moderator of the group anyone's, to take out personal details (the post then says so).
#[utoipa::path(patch, path = "/api/v1/posts/{id}", tag = "community", operation_id = "edit_post", params(("id" = i64, Path)), request_body = EditRequest,
    responses((status = 200, body = Edited), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn edit(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(id): Path<PostId>,
    Json(req): Json<EditRequest>,
) -> AppResult<Json<Edited>> {
    let (at, place) = community::open_post(&app, viewer.user(), id).await?;
    let edited = community::edit(&app, &user, &place, &at, &req.body, &req.reason).await?;
    let audience = if edited.held { crate::support::Audience::Held } else { crate::support::Audience::Group };
    let support = edited.support.map(|l| SupportView::new(&app.config, &viewer.tr, l, audience));
    Ok(Json(Edited { support, held: edited.held }))
}

#[derive(Serialize, ToSchema)]
pub struct PostEditView {
    /// The text before this edit.
    body: String,
    edited_at: DateTime<Utc>,
    by_moderator: bool,
    editor: Option<String>,
}

/// A post's earlier texts, newest first (the group's moderators).
#[utoipa::path(get, path = "/api/v1/posts/{id}/history", tag = "community", operation_id = "post_history", params(("id" = i64, Path)),
    responses((status = 200, body = Vec<PostEditView>), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn history(
    State(app): State<AppState>,
    Member { viewer, .. }: Member,
    Path(id): Path<PostId>,
) -> AppResult<Json<Vec<PostEditView>>> {
    let (at, place) = community::open_post(&app, viewer.user(), id).await?;
    place.require(Action::Moderate)?;
    let edits = app.store.post_history(at.post).await?;
    Ok(Json(
        edits
            .into_iter()
            .map(|e| PostEditView {
                body: e.body,
                edited_at: e.edited_at,
                by_moderator: e.by_moderator,
                editor: e.editor,
            })
            .collect(),
    ))
}

/// Every group's open reports, someone at risk first (site moderators and administrators).
#[utoipa::path(get, path = "/api/v1/moderation/reports", tag = "community", operation_id = "list_all_reports",
    responses((status = 200, body = Vec<ReportView>), (status = 403, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn all_reports(
    State(app): State<AppState>,
    Member { user, .. }: Member,
) -> AppResult<Json<Vec<ReportView>>> {
    if !user.role.is_staff() {
        return Err(AppError::Forbidden);
    }
    let list = app.store.open_reports(None).await?;
    Ok(Json(list.into_iter().map(report_view).collect()))
}
