use super::ErrorBody;
use super::Json;
use crate::accounts;
use crate::auth::{Member, Viewer};
use crate::error::{AppError, AppResult};
use crate::pages::with_session_cookie;
use crate::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use foothold_store::User;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Deserialize, ToSchema)]
pub struct RegisterRequest {
    /// 3–30 letters, digits, `_`, `-` or `.`; shown to others, so not your real name.
    #[schema(pattern = r"^[A-Za-z0-9][A-Za-z0-9_.-]{2,29}$")]
    handle: String,
    /// At least 10 characters, not all the same one, not your handle.
    #[schema(min_length = 10, max_length = 1024)]
    password: String,
    /// Optional, for account recovery.
    #[serde(default)]
    #[schema(max_length = 254)]
    email: Option<String>,
}

#[derive(Deserialize, ToSchema)]
pub struct LoginRequest {
    handle: String,
    password: String,
}

#[derive(Serialize, ToSchema)]
pub struct UserView {
    id: i64,
    handle: String,
    /// `member`, `moderator` or `admin`.
    role: String,
    /// Interface language, or null to follow the browser.
    locale: Option<String>,
    created_at: DateTime<Utc>,
}

impl From<&User> for UserView {
    fn from(u: &User) -> Self {
        Self {
            id: u.id.0,
            handle: u.handle.clone(),
            role: u.role.to_string(),
            locale: u.locale.clone(),
            created_at: u.created_at,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct LoginResponse {
    user: UserView,
    /// Send this as `X-CSRF-Token` with every state-changing request made with the cookie.
    csrf_token: String,
}

#[derive(Deserialize, ToSchema)]
pub struct PasswordChange {
    current_password: String,
    #[schema(min_length = 10, max_length = 1024)]
    new_password: String,
}

#[derive(Deserialize, ToSchema)]
pub struct AccountDeletion {
    /// The account's password, to confirm.
    password: String,
}

#[derive(Deserialize, ToSchema)]
pub struct MeUpdate {
    /// A supported language tag, or null to follow the browser.
    #[schema(schema_with = locales)]
    locale: Option<String>,
}

fn locales() -> utoipa::openapi::schema::Object {
    super::schema::or_null(super::schema::choice(crate::i18n::language_tags()))
}

/// Create an account.
#[utoipa::path(post, path = "/api/v1/accounts", tag = "account", request_body = RegisterRequest,
    responses((status = 201, body = UserView), (status = 409, body = ErrorBody, description = "Handle taken"),
              (status = 422, body = ErrorBody), (status = 429, body = ErrorBody)))]
pub async fn register(
    State(app): State<AppState>,
    viewer: Viewer,
    Json(req): Json<RegisterRequest>,
) -> AppResult<Response> {
    let email = req.email.unwrap_or_default();
    let user = accounts::register(
        &app.store,
        &app.config.limits,
        viewer.client_ip,
        &req.handle,
        &req.password,
        &email,
    )
    .await?;
    Ok((StatusCode::CREATED, Json(UserView::from(&user))).into_response())
}

/// Log in; sets the login cookie and returns the CSRF token to use with it.
#[utoipa::path(post, path = "/api/v1/sessions", tag = "account", request_body = LoginRequest,
    responses((status = 200, body = LoginResponse), (status = 401, body = ErrorBody), (status = 429, body = ErrorBody)))]
pub async fn login(
    State(app): State<AppState>,
    viewer: Viewer,
    Json(req): Json<LoginRequest>,
) -> AppResult<Response> {
    let login = accounts::login(
        &app.store,
        &app.config.limits,
        app.config.session_days,
        viewer.client_ip,
        &req.handle,
        &req.password,
    )
    .await?;
    let body = Json(LoginResponse {
        user: UserView::from(&login.user),
        csrf_token: login.session.csrf_token.clone(),
    });
    Ok(with_session_cookie(&app, body.into_response(), Some(&login.token)))
}

/// Log out of this session.
#[utoipa::path(delete, path = "/api/v1/sessions/current", tag = "account",
    responses((status = 204), (status = 401, body = ErrorBody)), security(("session" = [])))]
pub async fn logout(State(app): State<AppState>, viewer: Viewer) -> AppResult<Response> {
    let hash = viewer.session_hash().ok_or(AppError::LoginRequired)?;
    app.store.delete_session(hash).await?;
    Ok(with_session_cookie(&app, StatusCode::NO_CONTENT.into_response(), None))
}

/// Your account.
#[utoipa::path(get, path = "/api/v1/me", tag = "account",
    responses((status = 200, body = UserView), (status = 401, body = ErrorBody)), security(("token" = []), ("session" = [])))]
pub async fn me(Member { user, .. }: Member) -> AppResult<Json<UserView>> {
    Ok(Json(UserView::from(&user)))
}

/// Change account settings.
#[utoipa::path(patch, path = "/api/v1/me", tag = "account", request_body = MeUpdate,
    responses((status = 200, body = UserView), (status = 422, body = ErrorBody)), security(("token" = []), ("session" = [])))]
pub async fn update_me(
    State(app): State<AppState>,
    Member { user, .. }: Member,
    Json(req): Json<MeUpdate>,
) -> AppResult<Json<UserView>> {
    let locale = req.locale.as_deref();
    if let Some(tag) = locale {
        accounts::set_locale_allowed(&app.catalog, tag)?;
    }
    app.store.set_locale(user.id, locale).await?;
    Ok(Json(UserView::from(&app.store.user(user.id).await?)))
}

/// Change your password; every other session is logged out and every other API token revoked.
#[utoipa::path(put, path = "/api/v1/me/password", tag = "account", request_body = PasswordChange,
    responses((status = 204), (status = 422, body = ErrorBody)), security(("token" = []), ("session" = [])))]
pub async fn change_password(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Json(req): Json<PasswordChange>,
) -> AppResult<StatusCode> {
    accounts::change_password(
        &app.store,
        &user,
        (&req.current_password, &req.new_password),
        (viewer.session_hash(), viewer.token_id()),
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Delete your account and everything in it. This cannot be undone.
#[utoipa::path(delete, path = "/api/v1/me", tag = "account", request_body = AccountDeletion,
    responses((status = 204), (status = 422, body = ErrorBody)), security(("token" = []), ("session" = [])))]
pub async fn delete_me(
    State(app): State<AppState>,
    Member { user, .. }: Member,
    Json(req): Json<AccountDeletion>,
) -> AppResult<Response> {
    accounts::delete_account(&app.store, &user, &req.password).await?;
    Ok(with_session_cookie(&app, StatusCode::NO_CONTENT.into_response(), None))
}
