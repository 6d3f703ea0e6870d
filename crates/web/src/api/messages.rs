//! Direct messages through the API, with the pages' rules (`crate::messages`).

use super::community::api_nonce;
use super::Json;
use super::{schema, ErrorBody};
use crate::auth::Member;
use crate::error::{AppError, AppResult};
use crate::messages;
use crate::support::{Audience, SupportView};
use crate::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use foothold_core::community::{parse_report, ReportReason};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct ConversationView {
    /// The other member.
    handle: String,
    last_at: DateTime<Utc>,
    /// Messages to you not yet read.
    unread: i64,
}

#[derive(Serialize, ToSchema)]
pub struct Conversations {
    /// You let other members write to you.
    open: bool,
    /// The site's moderators turned your messages off after a report.
    barred: bool,
    /// Latest first; conversations with anyone either of you blocked are left out.
    conversations: Vec<ConversationView>,
}

/// Your conversations and your setting.
#[utoipa::path(get, path = "/api/v1/messages", tag = "community", operation_id = "list_conversations",
    responses((status = 200, body = Conversations), (status = 401, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn list(
    State(app): State<AppState>,
    Member { user, .. }: Member,
) -> AppResult<Json<Conversations>> {
    let (settings, all) =
        tokio::try_join!(app.store.message_settings(user.id), app.store.conversations(user.id))?;
    Ok(Json(Conversations {
        open: settings.open,
        barred: settings.barred,
        conversations: all
            .into_iter()
            .map(|c| ConversationView { handle: c.handle, last_at: c.last_at, unread: c.unread })
            .collect(),
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct SettingsRequest {
    /// Let other members write to you (you need it on to write to others, too).
    open: bool,
}

/// Lets other members write to you, or stops it.
#[utoipa::path(put, path = "/api/v1/me/messages", tag = "community", operation_id = "set_messages_open", request_body = SettingsRequest,
    responses((status = 204), (status = 401, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn settings(
    State(app): State<AppState>,
    Member { user, .. }: Member,
    Json(req): Json<SettingsRequest>,
) -> AppResult<StatusCode> {
    app.store.set_messages_open(user.id, req.open).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Serialize, ToSchema)]
pub struct MessageView {
    id: i64,
    /// You wrote it.
    mine: bool,
    /// Plain text, as written.
    body: String,
    created_at: DateTime<Utc>,
    read_at: Option<DateTime<Utc>>,
}

#[derive(Serialize, ToSchema)]
pub struct ConversationDetail {
    handle: String,
    /// Why you cannot write to them now (an error code such as `messages-closed`), if so.
    cannot_write: Option<String>,
    /// The newest 200, oldest first. Reading them marks them read.
    messages: Vec<MessageView>,
}

/// Your conversation with a member; opening it marks what they wrote to you read.
#[utoipa::path(get, path = "/api/v1/messages/{handle}", tag = "community", operation_id = "get_conversation", params(("handle" = String, Path)),
    responses((status = 200, body = ConversationDetail), (status = 404, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn conversation(
    State(app): State<AppState>,
    Member { user, .. }: Member,
    Path(handle): Path<String>,
) -> AppResult<Json<ConversationDetail>> {
    let them = messages::member(&app.store, &handle).await?;
    let all = app.store.conversation(user.id, them.id).await?;
    let cannot_write = match messages::may_write(&app.store, &user, &them).await.map_err(AppError::from) {
        Ok(()) => None,
        Err(crate::error::AppError::Invalid(i)) => i.problems().first().map(|p| p.code.to_owned()),
        Err(e) => return Err(e),
    };
    // Only when something is unread: marking is a write, and opening a conversation is not.
    if all.iter().any(|m| m.sender == them.id && m.read_at.is_none()) {
        app.store.mark_conversation_read(user.id, them.id).await?;
    }
    Ok(Json(ConversationDetail {
        handle: them.handle,
        cannot_write,
        messages: all
            .into_iter()
            .map(|m| MessageView {
                id: m.id,
                mine: m.sender == user.id,
                body: m.body,
                created_at: m.created_at,
                read_at: m.read_at,
            })
            .collect(),
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct MessageRequest {
    /// Plain text.
    #[schema(pattern = r"\S", max_length = 5000)]
    body: String,
    /// A one-time value: sending the same one again returns the first message (200).
    nonce: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct MessageSent {
    id: i64,
    /// Present when what you wrote asks for support: shown to you only.
    support: Option<SupportView>,
}

/// Writes to a member. Both of you must allow messages, neither blocked the other, and your
/// account must no longer be new (422 says which); 429 after 60 messages in an hour. 201, or
/// 200 when the nonce was used before.
#[utoipa::path(post, path = "/api/v1/messages/{handle}", tag = "community", operation_id = "send_message", params(("handle" = String, Path)), request_body = MessageRequest,
    responses((status = 201, body = MessageSent), (status = 200, body = MessageSent), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody), (status = 429, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn send(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(handle): Path<String>,
    Json(req): Json<MessageRequest>,
) -> AppResult<(StatusCode, Json<MessageSent>)> {
    let them = messages::member(&app.store, &handle).await?;
    let nonce = api_nonce(req.nonce)?;
    let sent = messages::send(&app.store, &app.support, &user, &them, &nonce, &req.body).await?;
    let support = sent.support.map(|l| SupportView::new(&app.config, &viewer.tr, l, Audience::Message));
    let status = if sent.created { StatusCode::CREATED } else { StatusCode::OK };
    Ok((status, Json(MessageSent { id: sent.id, support })))
}

#[derive(Deserialize, ToSchema)]
pub struct MessageReportRequest {
    /// The message's id; it must be one you received.
    message: i64,
    #[schema(schema_with = schema::one_of::<ReportReason>)]
    reason: String,
    #[serde(default)]
    #[schema(max_length = 1000)]
    note: String,
}

/// Reports a message you received to the site's moderators, who read only that message.
#[utoipa::path(post, path = "/api/v1/messages/{handle}/reports", tag = "community", operation_id = "report_message", params(("handle" = String, Path)), request_body = MessageReportRequest,
    responses((status = 204), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn report(
    State(app): State<AppState>,
    Member { user, .. }: Member,
    Path(handle): Path<String>,
    Json(req): Json<MessageReportRequest>,
) -> AppResult<StatusCode> {
    messages::member(&app.store, &handle).await?;
    let (reason, note) = parse_report(&req.reason, &req.note)?;
    app.store.report_message(user.id, req.message, reason, note.as_deref()).await?;
    Ok(StatusCode::NO_CONTENT)
}
