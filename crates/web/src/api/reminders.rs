//! The one-click "turn this off" of a reminder e-mail (RFC 8058): the mail provider POSTs here
//! with no login; the token in the address names the reminder.

use super::ErrorBody;
use crate::error::{AppError, AppResult};
use crate::{reminders, AppState};
use axum::extract::{Path, State};
use axum::http::StatusCode;

/// Turns off the reminder a link names.
#[utoipa::path(post, path = "/api/v1/reminders/off/{token}", tag = "account", operation_id = "reminder_off",
    params(("token" = String, Path, description = "from the reminder's List-Unsubscribe address")),
    responses((status = 204), (status = 404, body = ErrorBody)))]
pub async fn off(State(app): State<AppState>, Path(token): Path<String>) -> AppResult<StatusCode> {
    let (user, kind) = app.store.reminder_by_token(&token).await?.ok_or(AppError::NotFound)?;
    reminders::set(&app, user, kind, None).await?;
    Ok(StatusCode::NO_CONTENT)
}
