//! Writes the body of every error response, in the requester's language and format.

use crate::error::AppError;
use crate::i18n::Tr;
use crate::pages::layout;
use crate::AppState;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Json;
use serde_json::json;

/// Middleware. Our handlers attach the [`AppError`]; responses from axum or tower-http
/// (404 fallback, 405, 413, 408, extractor rejections) carry only a status and a plain-text
/// body, so their error is derived from the status.
pub async fn render_errors(State(app): State<AppState>, req: Request, next: Next) -> Response {
    let is_api = req.uri().path().starts_with("/api/");
    let accept_language =
        req.headers().get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).map(str::to_owned);
    let response = next.run(req).await;
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let attached = response.extensions().get::<AppError>().cloned();
    let ours = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.starts_with("text/html") || ct.starts_with("application/json"));
    let error = match attached {
        Some(e) => e,
        // A handler already rendered this error itself (a form shown again with messages).
        None if ours => return response,
        None => match AppError::from_status(status) {
            Some(e) => e,
            None => return response,
        },
    };
    // Members-only pages send visitors to the login form; the API answers 401.
    if !is_api && matches!(error, AppError::LoginRequired) {
        return Redirect::to("/login").into_response();
    }
    let tr = response
        .extensions()
        .get::<Tr>()
        .cloned()
        .unwrap_or_else(|| app.catalog.negotiate(None, accept_language.as_deref()));
    let (mut parts, _) = response.into_parts();
    let mut rendered = if is_api { json_body(&error, &tr) } else { html_body(&error, &tr) };
    parts.headers.remove(header::CONTENT_LENGTH);
    parts.headers.remove(header::CONTENT_TYPE);
    parts.headers.extend(rendered.headers_mut().drain());
    Response::from_parts(parts, rendered.into_body())
}

fn json_body(error: &AppError, tr: &Tr) -> Response {
    let fields: Vec<_> = error
        .fields()
        .into_iter()
        .map(|(field, code)| json!({ "field": field, "code": code, "message": tr.error(code) }))
        .collect();
    let mut detail = json!({ "code": error.code(), "message": tr.error(error.code()) });
    if let (false, Some(map)) = (fields.is_empty(), detail.as_object_mut()) {
        map.insert("fields".into(), fields.into());
    }
    Json(json!({ "error": detail })).into_response()
}

fn html_body(error: &AppError, tr: &Tr) -> Response {
    let title = tr.error(error.code());
    let body = maud::html! {
        h1 { (title) }
        @for (_, code) in error.fields() {
            p { (tr.error(code)) }
        }
        p { (tr.t("err-page-next")) }
        p { a href="/" { (tr.t("err-page-home")) } }
    };
    let page = layout::bare(tr, &title, body);
    let mut response = axum::response::Html(page.into_string()).into_response();
    response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
    response
}
