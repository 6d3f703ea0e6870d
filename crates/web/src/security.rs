//! Security headers on every response and CSRF checks on every state-changing request.

use crate::auth::{Auth, Viewer};
use crate::error::AppError;
use crate::secret::same_secret;
use crate::AppState;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderName, HeaderValue, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// Pages may load only our own scripts, styles and images; nothing inline, no frames.
const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
    object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

pub async fn headers(State(app): State<AppState>, req: Request, next: Next) -> Response {
    let mut response = next.run(req).await;
    let h = response.headers_mut();
    let cacheable = h.contains_key(header::CACHE_CONTROL);
    let mut set = |name: HeaderName, value: &'static str| {
        h.insert(name, HeaderValue::from_static(value));
    };
    set(header::CONTENT_SECURITY_POLICY, CSP);
    set(header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(header::X_FRAME_OPTIONS, "DENY");
    // Not "no-referrer": with it, browsers send `Origin: null` on our own form posts, which
    // would blind the origin check below. "same-origin" still tells other sites nothing.
    set(header::REFERRER_POLICY, "same-origin");
    set(HeaderName::from_static("cross-origin-opener-policy"), "same-origin");
    set(
        HeaderName::from_static("permissions-policy"),
        "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    );
    if app.config.secure_cookies {
        set(header::STRICT_TRANSPORT_SECURITY, "max-age=31536000; includeSubDomains");
    }
    if !cacheable {
        // Pages show personal data: keep them out of shared and back-forward caches.
        set(header::CACHE_CONTROL, "no-store");
    }
    response
}

fn is_safe(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// The largest body the CSRF check will read to find a form's token. Larger bodies must
/// carry the token in the `X-CSRF-Token` header.
const FORM_SCAN_LIMIT: usize = 64 * 1024;

/// Middleware: every state-changing request must prove it comes from our own pages (or be
/// an API call without ambient credentials).
///
/// - Bearer-token requests carry no cookie a foreign site could ride on: allowed.
/// - A browser that says the request is cross-site (`Sec-Fetch-Site`) or whose `Origin` is
///   not this host is refused outright.
/// - API requests without a login cookie need nothing more: they must be JSON, which a
///   foreign page cannot send here without a CORS preflight that Foothold never grants.
/// - Everything else must carry the token — the session's, or for anonymous forms the
///   double-submit cookie's — as form field `csrf`, header `X-CSRF-Token`, or (file uploads)
///   query parameter `csrf`.
pub async fn csrf(req: Request, next: Next) -> Response {
    if is_safe(req.method()) {
        return next.run(req).await;
    }
    let Some(viewer) = req.extensions().get::<Viewer>().cloned() else {
        return AppError::Internal.into_response();
    };
    if matches!(viewer.auth, Auth::Token { .. }) {
        return next.run(req).await;
    }
    if cross_site(&req) {
        tracing::info!("refused cross-site state change");
        return AppError::Csrf.into_response();
    }
    let is_api = req.uri().path().starts_with("/api/");
    if is_api && matches!(viewer.auth, Auth::Anonymous) {
        return next.run(req).await;
    }
    // File uploads (multipart) carry the token in the form's action URL, as their body is
    // too large to scan.
    let query_token = req.uri().query().and_then(|q| {
        serde_urlencoded::from_str::<Vec<(String, String)>>(q)
            .ok()
            .and_then(|pairs| pairs.into_iter().find(|(k, _)| k == "csrf").map(|(_, v)| v))
    });
    let header_token =
        req.headers().get("x-csrf-token").and_then(|v| v.to_str().ok()).map(str::to_owned).or(query_token);
    // Form bodies are always read here: for their token, and to refuse text that is not UTF-8
    // (form decoding would silently turn it into replacement characters and save those).
    let (req, form) = if is_form(&req) {
        match form_token(req).await {
            Ok(pair) => pair,
            Err(response) => return response,
        }
    } else {
        (req, None)
    };
    let token = header_token.or(form);
    match token {
        Some(t) if !viewer.csrf.is_empty() && same_secret(&t, &viewer.csrf) => next.run(req).await,
        _ => AppError::Csrf.into_response(),
    }
}

fn cross_site(req: &Request) -> bool {
    let h = req.headers();
    if h.get("sec-fetch-site").is_some_and(|v| v.as_bytes() == b"cross-site") {
        return true;
    }
    let host = h.get(header::HOST).and_then(|v| v.to_str().ok());
    let origin = h.get(header::ORIGIN).and_then(|v| v.to_str().ok());
    match (origin, host) {
        // Privacy tools and sandboxed documents send "null": no evidence either way, so
        // the token alone decides.
        (Some("null"), _) => false,
        (Some(origin), Some(host)) => origin.split_once("://").map(|(_, rest)| rest) != Some(host),
        _ => false,
    }
}

fn is_form(req: &Request) -> bool {
    req.headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"))
}

/// A form body with `+` and `%XX` decoded, as the bytes the fields will hold.
fn percent_decoded(body: &[u8]) -> Vec<u8> {
    let hex = |b: u8| (b as char).to_digit(16);
    let mut out = Vec::with_capacity(body.len());
    let mut i = 0;
    while let Some(&b) = body.get(i) {
        match (b, body.get(i + 1).and_then(|h| hex(*h)), body.get(i + 2).and_then(|l| hex(*l))) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (b'+', _, _) => {
                out.push(b' ');
                i += 1;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    out
}

/// Reads the form body to find the `csrf` field, then rebuilds the request with the same
/// bytes for the handler.
async fn form_token(req: Request) -> Result<(Request, Option<String>), Response> {
    let (parts, body) = req.into_parts();
    let bytes =
        axum::body::to_bytes(body, FORM_SCAN_LIMIT).await.map_err(|_| AppError::TooLarge.into_response())?;
    if std::str::from_utf8(&percent_decoded(&bytes)).is_err() {
        return Err(AppError::BadRequest.into_response());
    }
    let token = serde_urlencoded::from_bytes::<Vec<(String, String)>>(&bytes)
        .ok()
        .and_then(|fields| fields.into_iter().find(|(k, _)| k == "csrf").map(|(_, v)| v));
    Ok((Request::from_parts(parts, Body::from(bytes)), token))
}
