//! Reminders in the JSON API: the member's settings, and the one-click "turn this off" of a
//! reminder e-mail (RFC 8058), which the mail provider POSTs with no login: the token in the
//! address names the reminder.

use super::ErrorBody;
use super::Json;
use crate::auth::Member;
use crate::error::{AppError, AppResult};
use crate::{reminders, AppState};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use foothold_core::reminder::{parse_time, Kind};
use foothold_store::UserId;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Turns off the reminder a link names.
#[utoipa::path(post, path = "/api/v1/reminders/off/{token}", tag = "account", operation_id = "reminder_off",
    params(("token" = String, Path, description = "from the reminder's List-Unsubscribe address")),
    responses((status = 204), (status = 404, body = ErrorBody)))]
pub async fn off(State(app): State<AppState>, Path(token): Path<String>) -> AppResult<StatusCode> {
    let (user, kind) = app.store.reminder_by_token(&token).await?.ok_or(AppError::NotFound)?;
    reminders::set(&app, user, kind, None).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Serialize, ToSchema)]
pub struct ReminderView {
    /// `checkin`, `experiment`, `questionnaire`, `goal`, `session` or `digest`.
    kind: &'static str,
    /// Local time of day, `HH:MM`, in your time zone.
    at: String,
    /// When the next one is due (it is skipped if there is nothing to do then).
    next: Option<DateTime<Utc>>,
}

#[derive(Serialize, ToSchema)]
pub struct RemindersView {
    /// Reminders go only to a confirmed address, and only when this Foothold sends e-mail.
    email: Option<String>,
    email_confirmed: bool,
    mail_enabled: bool,
    time_zone: String,
    /// Quiet hours, `HH:MM` to `HH:MM`, or `null`.
    quiet: Option<[String; 2]>,
    reminders: Vec<ReminderView>,
}

async fn view(app: &AppState, user: UserId) -> AppResult<RemindersView> {
    let (email, email_confirmed) = app.store.email_status(user).await?;
    let hhmm = |t: chrono::NaiveTime| t.format("%H:%M").to_string();
    let mut reminders = Vec::new();
    for (kind, at) in app.store.reminders(user).await? {
        let next = app.store.reminder_due(user, kind).await?;
        reminders.push(ReminderView { kind: kind.as_str(), at: hhmm(at), next });
    }
    Ok(RemindersView {
        email,
        email_confirmed,
        mail_enabled: app.mailer.is_some(),
        time_zone: app.store.time_zone(user).await?.name().to_owned(),
        quiet: app.store.quiet_hours(user).await?.map(|q| [hhmm(q.from), hhmm(q.until)]),
        reminders,
    })
}

/// Your reminders, quiet hours and where they go.
#[utoipa::path(get, path = "/api/v1/reminders", tag = "account", operation_id = "list_reminders",
    responses((status = 200, body = RemindersView), (status = 401, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn list(
    State(app): State<AppState>,
    Member { user, .. }: Member,
) -> AppResult<Json<RemindersView>> {
    Ok(Json(view(&app, user.id).await?))
}

#[derive(Deserialize, ToSchema)]
pub struct ReminderRequest {
    /// Local time of day, `HH:MM`; `null` turns the reminder off.
    at: Option<String>,
}

/// Sets one reminder's time, or turns it off.
#[utoipa::path(put, path = "/api/v1/reminders/{kind}", tag = "account", operation_id = "set_reminder",
    params(("kind" = String, Path, description = "`checkin`, `experiment`, `questionnaire`, `goal`, `session` or `digest`")),
    request_body = ReminderRequest,
    responses((status = 200, body = RemindersView), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn set(
    State(app): State<AppState>,
    Member { user, .. }: Member,
    Path(kind): Path<String>,
    Json(req): Json<ReminderRequest>,
) -> AppResult<Json<RemindersView>> {
    let kind = Kind::parse(&kind).ok_or(AppError::NotFound)?;
    let at = req.at.as_deref().map(|t| parse_time(t, "at")).transpose()?;
    reminders::set(&app, user.id, kind, at).await?;
    Ok(Json(view(&app, user.id).await?))
}

#[derive(Serialize, ToSchema)]
pub struct PushKey {
    /// This Foothold's VAPID public key: the `applicationServerKey` to subscribe with.
    public_key: String,
}

/// The key a browser subscribes to this Foothold's notifications with.
#[utoipa::path(get, path = "/api/v1/push/key", tag = "account", operation_id = "push_key",
    responses((status = 200, body = PushKey)))]
pub async fn push_key(State(app): State<AppState>) -> AppResult<Json<PushKey>> {
    Ok(Json(PushKey { public_key: app.pusher().await?.public_key() }))
}

#[derive(Deserialize, ToSchema)]
pub struct SubscriptionKeys {
    p256dh: String,
    auth: String,
}

/// A browser's `PushSubscription.toJSON()`.
#[derive(Deserialize, ToSchema)]
pub struct SubscriptionRequest {
    /// The push service's address for this browser.
    #[schema(pattern = "^https://", max_length = 1000)]
    endpoint: String,
    keys: SubscriptionKeys,
}

/// Reminders may come to this browser as notifications.
#[utoipa::path(post, path = "/api/v1/push/subscriptions", tag = "account", operation_id = "push_subscribe",
    request_body = SubscriptionRequest,
    responses((status = 204), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn subscribe(
    State(app): State<AppState>,
    Member { user, .. }: Member,
    Json(req): Json<SubscriptionRequest>,
) -> AppResult<StatusCode> {
    let sub = crate::push::parse_subscription(&req.endpoint, &req.keys.p256dh, &req.keys.auth)?;
    app.store.add_push_subscription(user.id, &sub.endpoint, &sub.p256dh, &sub.auth).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
pub struct UnsubscribeRequest {
    endpoint: String,
}

/// No more notifications to this browser.
#[utoipa::path(delete, path = "/api/v1/push/subscriptions", tag = "account", operation_id = "push_unsubscribe",
    request_body = UnsubscribeRequest,
    responses((status = 204), (status = 401, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn unsubscribe(
    State(app): State<AppState>,
    Member { user, .. }: Member,
    Json(req): Json<UnsubscribeRequest>,
) -> AppResult<StatusCode> {
    app.store.remove_push_subscription(Some(user.id), &req.endpoint).await?;
    Ok(StatusCode::NO_CONTENT)
}
