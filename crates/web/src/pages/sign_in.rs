//! Registration, login and logout forms.

use super::form::{csrf, Errors, Field};
use super::{html, layout, see_other, with_session_cookie};
use crate::accounts;
use crate::auth::Viewer;
use crate::error::AppError;
use crate::AppState;
use axum::extract::State;
use axum::response::Response;
use axum::Form;
use maud::html;
use serde::Deserialize;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RegisterForm {
    handle: String,
    password: String,
    email: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct LoginForm {
    handle: String,
    password: String,
}

fn register_page(viewer: &Viewer, input: &RegisterForm, error: Option<&AppError>) -> Response {
    let tr = &viewer.tr;
    let errors = Errors { tr, error };
    let title = tr.t("register-title");
    let body = html! {
        h1 { (title) }
        p { (tr.t("register-lead")) }
        (errors.summary())
        form method="post" action="/register" novalidate {
            (csrf(&viewer.csrf))
            (Field { name: "handle", label: tr.t("field-handle"), kind: "text", value: &input.handle,
                     hint: Some(tr.t("field-handle-hint")), autocomplete: "username", required: true }.render(&errors))
            (Field { name: "password", label: tr.t("field-password"), kind: "password", value: "",
                     hint: Some(tr.t("field-new-password-hint")), autocomplete: "new-password", required: true }.render(&errors))
            (Field { name: "email", label: tr.t("field-email-optional"), kind: "email", value: &input.email,
                     hint: Some(tr.t("field-email-hint")), autocomplete: "email", required: false }.render(&errors))
            button type="submit" { (tr.t("register-submit")) }
        }
        p { a href="/login" { (tr.t("register-have-account")) } }
    };
    let status = error.map_or(axum::http::StatusCode::OK, AppError::status);
    with_error_headers(html(status, layout::page(viewer, &title, body)), error)
}

fn login_page(viewer: &Viewer, input: &LoginForm, error: Option<&AppError>) -> Response {
    let tr = &viewer.tr;
    let errors = Errors { tr, error };
    let title = tr.t("login-title");
    let body = html! {
        h1 { (title) }
        (errors.summary())
        form method="post" action="/login" novalidate {
            (csrf(&viewer.csrf))
            (Field { name: "handle", label: tr.t("field-handle"), kind: "text", value: &input.handle,
                     hint: None, autocomplete: "username", required: true }.render(&errors))
            (Field { name: "password", label: tr.t("field-password"), kind: "password", value: "",
                     hint: None, autocomplete: "current-password", required: true }.render(&errors))
            button type="submit" { (tr.t("login-submit")) }
        }
        p { a href="/password/forgot" { (tr.t("forgot-title")) } }
        p { a href="/register" { (tr.t("login-no-account")) } }
    };
    let status = error.map_or(axum::http::StatusCode::OK, AppError::status);
    with_error_headers(html(status, layout::page(viewer, &title, body)), error)
}

/// A form shown again still carries its error's headers (Retry-After on 429).
fn with_error_headers(mut page: Response, error: Option<&AppError>) -> Response {
    if let Some(e) = error {
        let headers = axum::response::IntoResponse::into_response(e.clone()).headers().clone();
        page.headers_mut().extend(headers);
    }
    page
}

pub async fn register_form(viewer: Viewer) -> Response {
    if viewer.user().is_some() {
        return see_other("/");
    }
    register_page(&viewer, &RegisterForm::default(), None)
}

pub async fn register(
    State(app): State<AppState>,
    viewer: Viewer,
    Form(input): Form<RegisterForm>,
) -> Response {
    let created = accounts::register(
        &app.store,
        &app.config.limits,
        viewer.client_ip,
        &input.handle,
        &input.password,
        &input.email,
    )
    .await;
    let user = match created.map_err(AppError::from) {
        Ok(user) => user,
        Err(e @ (AppError::Invalid(_) | AppError::Conflict(_) | AppError::RateLimited { .. })) => {
            return register_page(&viewer, &input, Some(&e))
        }
        Err(e) => return axum::response::IntoResponse::into_response(e),
    };
    // A new member is logged in straight away (typing it all again is a chore) and starts
    // with the short onboarding.
    match accounts::login(
        &app.store,
        &app.config.limits,
        app.config.session_days,
        viewer.client_ip,
        &user.handle,
        &input.password,
    )
    .await
    {
        Ok(login) => with_session_cookie(&app, see_other("/welcome"), Some(&login.token)),
        Err(_) => see_other("/login"),
    }
}

pub async fn login_form(viewer: Viewer) -> Response {
    if viewer.user().is_some() {
        return see_other("/");
    }
    login_page(&viewer, &LoginForm::default(), None)
}

pub async fn login(State(app): State<AppState>, viewer: Viewer, Form(input): Form<LoginForm>) -> Response {
    match accounts::login(
        &app.store,
        &app.config.limits,
        app.config.session_days,
        viewer.client_ip,
        &input.handle,
        &input.password,
    )
    .await
    .map_err(AppError::from)
    {
        Ok(login) => with_session_cookie(&app, see_other("/"), Some(&login.token)),
        Err(e @ (AppError::BadCredentials | AppError::RateLimited { .. })) => {
            login_page(&viewer, &input, Some(&e))
        }
        Err(e) => axum::response::IntoResponse::into_response(e),
    }
}

pub async fn logout(State(app): State<AppState>, viewer: Viewer) -> Response {
    if let Some(hash) = viewer.session_hash() {
        if let Err(e) = app.store.delete_session(hash).await {
            return axum::response::IntoResponse::into_response(AppError::from(e));
        }
    }
    with_session_cookie(&app, see_other("/"), None)
}
