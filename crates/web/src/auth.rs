//! Who is asking: resolves the session cookie or bearer token of every request once, picks
//! the interface language, and hands the result to handlers as a [`Viewer`].

use crate::error::{AppError, AppResult};
use crate::i18n::Tr;
use crate::secret::{random_token, token_hash};
use crate::AppState;
use axum::extract::{ConnectInfo, FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use chrono::Duration;
use foothold_store::{now, ApiToken, SessionUser, User};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};

pub const SESSION_COOKIE: &str = "foothold_session";
pub const CSRF_COOKIE: &str = "foothold_csrf";

/// How the request proved who it is.
#[derive(Clone)]
pub enum Auth {
    Anonymous,
    /// A browser (or API client) with a login cookie; state changes need the CSRF token.
    Session(SessionUser),
    /// `Authorization: Bearer` with a personal API token; no ambient credential, no CSRF.
    Token {
        token: ApiToken,
        user: User,
    },
}

/// Everything a handler needs to know about the requester.
#[derive(Clone)]
pub struct Viewer {
    pub auth: Auth,
    pub tr: Tr,
    /// The CSRF token forms on this page must carry.
    pub csrf: String,
    pub client_ip: IpAddr,
}

impl Viewer {
    pub fn user(&self) -> Option<&User> {
        match &self.auth {
            Auth::Anonymous => None,
            Auth::Session(s) => Some(&s.user),
            Auth::Token { user, .. } => Some(user),
        }
    }

    pub fn require_user(&self) -> AppResult<&User> {
        self.user().ok_or(AppError::LoginRequired)
    }

    /// The member's time zone (UTC for visitors), for the times a page shows: posts,
    /// notifications, reports.
    pub fn zone(&self) -> chrono_tz::Tz {
        self.user().map_or(chrono_tz::UTC, |u| u.time_zone)
    }

    /// The hash of this request's session token, if it came with one.
    pub fn session_hash(&self) -> Option<&str> {
        match &self.auth {
            Auth::Session(s) => Some(&s.session.token_hash),
            _ => None,
        }
    }

    /// The API token this request came with, if any.
    pub fn token_id(&self) -> Option<i64> {
        match &self.auth {
            Auth::Token { token, .. } => Some(token.id),
            _ => None,
        }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Viewer {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, AppError> {
        parts.extensions.get::<Viewer>().cloned().ok_or_else(|| {
            tracing::error!("Viewer missing: identify middleware not installed");
            AppError::Internal
        })
    }
}

/// A signed-in member, for members-only pages and endpoints. Extracting it turns a visitor
/// away before the handler runs (`LoginRequired`: the login form for pages, 401 under `/api`),
/// so a handler starts from the member, their viewer and their today.
#[derive(Clone)]
pub struct Member {
    pub user: User,
    pub viewer: Viewer,
    /// Today in the member's time zone, on the members' clock; no query needed.
    pub today: chrono::NaiveDate,
}

impl FromRequestParts<AppState> for Member {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, app: &AppState) -> Result<Self, AppError> {
        let viewer = Viewer::from_request_parts(parts, app).await?;
        let user = viewer.require_user()?.clone();
        Ok(Member { today: app.today(&user), user, viewer })
    }
}

/// A signed-in administrator; any other member is refused (403) before the handler runs.
pub struct Admin(pub Member);

impl FromRequestParts<AppState> for Admin {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, app: &AppState) -> Result<Self, AppError> {
        let member = Member::from_request_parts(parts, app).await?;
        if member.user.role == foothold_core::account::Role::Admin {
            Ok(Admin(member))
        } else {
            Err(AppError::Forbidden)
        }
    }
}

/// The value of one cookie, from any `Cookie` header of the request.
pub fn cookie<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// A `Set-Cookie` value with Foothold's flags. `max_age` of `None` makes a browser-session
/// cookie; `Some(0)` deletes the cookie.
pub fn set_cookie(
    name: &str,
    value: &str,
    max_age: Option<i64>,
    same_site: &str,
    secure: bool,
) -> Option<HeaderValue> {
    let mut c = format!("{name}={value}; Path=/; HttpOnly; SameSite={same_site}");
    if let Some(age) = max_age {
        c.push_str(&format!("; Max-Age={age}"));
    }
    if secure {
        c.push_str("; Secure");
    }
    HeaderValue::from_str(&c).ok()
}

fn client_ip(req: &Request, trust_proxy: bool) -> IpAddr {
    let forwarded = trust_proxy
        .then(|| req.headers().get("x-forwarded-for")?.to_str().ok())
        .flatten()
        .and_then(|v| v.rsplit(',').next())
        .and_then(|ip| ip.trim().parse().ok());
    forwarded
        .or_else(|| req.extensions().get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip()))
        .unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED))
}

fn looks_like_token(v: &str) -> bool {
    v.len() == 64 && v.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Middleware: resolves the [`Viewer`] and puts it into the request's extensions.
pub async fn identify(State(app): State<AppState>, mut req: Request, next: Next) -> Response {
    let accept_language =
        req.headers().get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).map(str::to_owned);
    let negotiate = |user: Option<&User>| {
        app.catalog.negotiate(user.and_then(|u| u.locale.as_deref()), accept_language.as_deref())
    };

    let (auth, extended) = match resolve(&app, req.headers()).await {
        Ok(resolved) => resolved,
        Err(err) => {
            let mut response = err.into_response();
            response.extensions_mut().insert(negotiate(None));
            return response;
        }
    };
    let stale_session_cookie =
        matches!(auth, Auth::Anonymous) && cookie(req.headers(), SESSION_COOKIE).is_some();
    let (csrf, new_csrf_cookie) = match &auth {
        Auth::Session(s) => (s.session.csrf_token.clone(), false),
        Auth::Token { .. } => (String::new(), false),
        Auth::Anonymous => match cookie(req.headers(), CSRF_COOKIE).filter(|v| looks_like_token(v)) {
            Some(existing) => (existing.to_owned(), false),
            None => match random_token().map_err(AppError::from) {
                Ok(t) => (t, true),
                Err(e) => return e.into_response(),
            },
        },
    };
    let tr = negotiate(match &auth {
        Auth::Anonymous => None,
        Auth::Session(s) => Some(&s.user),
        Auth::Token { user, .. } => Some(user),
    });
    let viewer = Viewer {
        auth,
        tr: tr.clone(),
        csrf: csrf.clone(),
        client_ip: client_ip(&req, app.config.trust_proxy),
    };
    req.extensions_mut().insert(viewer);

    let mut response = next.run(req).await;
    response.extensions_mut().insert(tr);
    let secure = app.config.secure_cookies;
    let headers = response.headers_mut();
    if new_csrf_cookie {
        headers
            .extend(set_cookie(CSRF_COOKIE, &csrf, None, "Strict", secure).map(|v| (header::SET_COOKIE, v)));
    }
    // The server-side expiry slid forward: let the browser's cookie slide with it, or it
    // would still be dropped `session_days` after the login.
    if let (Some(token), false) = (extended, headers.contains_key(header::SET_COOKIE)) {
        let max_age = Some(app.config.session_days * 86_400);
        headers.extend(
            set_cookie(SESSION_COOKIE, &token, max_age, "Lax", secure).map(|v| (header::SET_COOKIE, v)),
        );
    }
    if stale_session_cookie && !headers.contains_key(header::SET_COOKIE) {
        headers
            .extend(set_cookie(SESSION_COOKIE, "", Some(0), "Lax", secure).map(|v| (header::SET_COOKIE, v)));
    }
    response
}

/// Who the request is from, and — if a session's expiry was just extended — its raw token,
/// so the cookie can be renewed.
async fn resolve(app: &AppState, headers: &HeaderMap) -> AppResult<(Auth, Option<String>)> {
    let t = now();
    if let Some(value) = headers.get(header::AUTHORIZATION) {
        let token =
            value.to_str().ok().and_then(|v| v.strip_prefix("Bearer ")).ok_or(AppError::LoginRequired)?;
        let (token, user) =
            app.store.token_user(&token_hash(token.trim())).await?.ok_or(AppError::LoginRequired)?;
        // Recording every use would turn each API read into a write; hourly is enough to
        // show a member which tokens are still in use.
        if token.last_used_at.is_none_or(|used| t - used > Duration::hours(1)) {
            app.store.mark_token_used(token.id, t).await?;
        }
        return Ok((Auth::Token { token, user }, None));
    }
    let Some(raw) = cookie(headers, SESSION_COOKIE).filter(|v| looks_like_token(v)) else {
        return Ok((Auth::Anonymous, None));
    };
    let Some(found) = app.store.session(&token_hash(raw), t).await? else {
        return Ok((Auth::Anonymous, None));
    };
    // Sliding expiry, written at most once a day per session.
    let lifetime = Duration::days(app.config.session_days);
    if found.session.expires_at - t < lifetime - Duration::days(1) {
        app.store.extend_session(&found.session.token_hash, t + lifetime).await?;
        return Ok((Auth::Session(found), Some(raw.to_owned())));
    }
    Ok((Auth::Session(found), None))
}
