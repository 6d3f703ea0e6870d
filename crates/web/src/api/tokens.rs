use super::ErrorBody;
use super::Json;
use crate::accounts;
use crate::auth::Member;
use crate::error::AppResult;
use crate::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use foothold_store::ApiToken;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct TokenView {
    id: i64,
    name: String,
    created_at: DateTime<Utc>,
    /// Updated at most hourly.
    last_used_at: Option<DateTime<Utc>>,
}

impl From<ApiToken> for TokenView {
    fn from(t: ApiToken) -> Self {
        Self { id: t.id, name: t.name, created_at: t.created_at, last_used_at: t.last_used_at }
    }
}

#[derive(Deserialize, ToSchema)]
pub struct TokenRequest {
    /// What the token is for, e.g. "my export script".
    #[schema(pattern = r"\S", max_length = 60)]
    name: String,
}

#[derive(Serialize, ToSchema)]
pub struct NewToken {
    token: TokenView,
    /// The bearer token. Shown only this once; Foothold keeps only its hash.
    secret: String,
}

/// Your API tokens, newest first.
#[utoipa::path(get, path = "/api/v1/tokens", tag = "account", operation_id = "list_tokens",
    responses((status = 200, body = [TokenView]), (status = 401, body = ErrorBody)), security(("token" = []), ("session" = [])))]
pub async fn list(
    State(app): State<AppState>,
    Member { user, .. }: Member,
) -> AppResult<Json<Vec<TokenView>>> {
    Ok(Json(app.store.tokens(user.id).await?.into_iter().map(TokenView::from).collect()))
}

/// Create an API token.
#[utoipa::path(post, path = "/api/v1/tokens", tag = "account", operation_id = "create_token", request_body = TokenRequest,
    responses((status = 201, body = NewToken), (status = 422, body = ErrorBody)), security(("token" = []), ("session" = [])))]
pub async fn create(
    State(app): State<AppState>,
    Member { user, .. }: Member,
    Json(req): Json<TokenRequest>,
) -> AppResult<(StatusCode, Json<NewToken>)> {
    let (token, secret) = accounts::create_token(&app.store, &user, &req.name).await?;
    Ok((StatusCode::CREATED, Json(NewToken { token: token.into(), secret })))
}

/// Revoke one of your API tokens.
#[utoipa::path(delete, path = "/api/v1/tokens/{id}", tag = "account", params(("id" = i64, Path)),
    responses((status = 204), (status = 404, body = ErrorBody)), security(("token" = []), ("session" = [])))]
pub async fn revoke(
    State(app): State<AppState>,
    Member { user, .. }: Member,
    Path(id): Path<i64>,
) -> AppResult<StatusCode> {
    app.store.delete_token(user.id, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
