//! What members can do with their accounts — shared by the HTML pages, the JSON API and the
//! command line, so all three validate and limit in exactly the same way.

use crate::error::{AppError, AppResult};
use crate::secret::{hash_password, random_token, token_hash, verify_password};
use crate::AppState;
use chrono::Duration;
use foothold_core::account::{Email, Handle, NewPassword, Role};
use foothold_core::Invalid;
use foothold_store::{now, ApiToken, NewUser, Session, Store, StoreError, User, UserId};
use std::net::IpAddr;

/// The most personal API tokens one account may hold.
pub const MAX_TOKENS: usize = 20;
pub const TOKEN_NAME_MAX: usize = 60;
/// API tokens start with this, so leaked ones are easy to recognise (and to scan for).
pub const TOKEN_PREFIX: &str = "fh_";

/// A login that just began: the raw token goes into the cookie, only its hash is stored.
pub struct NewLogin {
    pub user: User,
    pub token: String,
    pub session: Session,
}

/// The rate-limit key for an address. IPv6 hosts usually own a whole /64, so that is what
/// counts as "one address".
fn ip_key(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => {
            let [a, b, c, d, ..] = v6.segments();
            format!("{a:x}:{b:x}:{c:x}:{d:x}::/64")
        }
    }
}

/// Every problem of several checks, at least one of which failed.
fn all_problems<const N: usize>(checks: [Result<(), Invalid>; N]) -> AppError {
    Invalid::collect(checks).err().map_or(AppError::Internal, AppError::Invalid)
}

pub(crate) async fn limit(app: &AppState, key: &str, max: i64) -> AppResult<()> {
    let window = app.config.limits.window_secs;
    let t = now().timestamp();
    if app.store.hit(key, window, t).await? > max {
        return Err(AppError::RateLimited { retry_after: window - t.rem_euclid(window.max(1)) });
    }
    Ok(())
}

/// Creates an account as a member would, from the registration form or API.
pub async fn register(
    app: &AppState,
    ip: IpAddr,
    handle: &str,
    password: &str,
    email: &str,
) -> AppResult<User> {
    limit(app, &format!("register:ip:{}", ip_key(ip)), app.config.limits.register_per_ip).await?;
    create(&app.store, handle, password, email, Role::Member).await
}

/// Creates an account without rate limits (the operator's `foothold user create`).
pub async fn create(store: &Store, handle: &str, password: &str, email: &str, role: Role) -> AppResult<User> {
    let (handle, password, email) = match (
        Handle::parse(handle),
        NewPassword::parse(password, Some(handle)),
        Email::parse_optional(email),
    ) {
        (Ok(h), Ok(p), Ok(e)) => (h, p, e),
        (h, p, e) => return Err(all_problems([h.map(drop), p.map(drop), e.map(drop)])),
    };
    let password = &password;
    let handle = &handle;
    let hash = hash_password(password).await?;
    store
        .create_user(NewUser { handle, password_hash: &hash, email: email.as_ref(), role, created_at: now() })
        .await
        .map_err(AppError::from)
}

/// Checks a handle and password and starts a session.
///
/// Two limits apply: attempts per address (slows guessing many accounts) and failures per
/// account *from one address* (slows guessing one password). The second is keyed by address
/// too, so someone who guesses wrong on purpose locks out only themselves, never the owner on
/// their own device (docs/SECURITY.md). A member who gets in has their failure count cleared.
pub async fn login(app: &AppState, ip: IpAddr, handle: &str, password: &str) -> AppResult<NewLogin> {
    limit(app, &format!("login:ip:{}", ip_key(ip)), app.config.limits.login_per_ip).await?;
    let handle = Handle::parse(handle).ok();
    let account_key = handle.as_ref().map(|h| format!("login:account:{}:{}", h.key(), ip_key(ip)));
    if let Some(key) = &account_key {
        let window = app.config.limits.window_secs;
        let t = now().timestamp();
        if app.store.hits(key, window, t).await? >= app.config.limits.login_failures_per_account {
            return Err(AppError::RateLimited { retry_after: window - t.rem_euclid(window.max(1)) });
        }
    }
    let user = match &handle {
        Some(h) => match app.store.user_by_handle(h).await {
            Ok(u) => Some(u),
            Err(StoreError::NotFound) => None,
            Err(e) => return Err(e.into()),
        },
        None => None,
    };
    let stored = match &user {
        Some(u) => Some(app.store.password_hash(u.id).await?),
        None => None,
    };
    let ok = verify_password(password.to_owned(), stored).await?;
    match (ok, user) {
        (true, Some(user)) => {
            if let Some(key) = &account_key {
                app.store.clear_hits(key).await?;
            }
            start_session(app, user).await
        }
        _ => {
            if let Some(key) = &account_key {
                app.store.hit(key, app.config.limits.window_secs, now().timestamp()).await?;
            }
            Err(AppError::BadCredentials)
        }
    }
}

async fn start_session(app: &AppState, user: User) -> AppResult<NewLogin> {
    let token = random_token()?;
    let session = Session {
        token_hash: token_hash(&token),
        csrf_token: random_token()?,
        expires_at: now() + Duration::days(app.config.session_days),
    };
    app.store.create_session(user.id, &session, now()).await?;
    Ok(NewLogin { user, token, session })
}

async fn check_password(store: &Store, user: UserId, password: &str, field: &'static str) -> AppResult<()> {
    let stored = store.password_hash(user).await?;
    if verify_password(password.to_owned(), Some(stored)).await? {
        Ok(())
    } else {
        Err(Invalid::one(field, "password-wrong").into())
    }
}

/// Changes the password after checking the current one, then logs out every other device and
/// revokes every API token but the login in use (`keep`: its session hash or token id).
pub async fn change_password(
    store: &Store,
    user: &User,
    (current, new): (&str, &str),
    (keep_session, keep_token): (Option<&str>, Option<i64>),
) -> AppResult<()> {
    let new = NewPassword::parse(new, Some(&user.handle)).map_err(|e| {
        Invalid::one("new_password", e.problems().first().map_or("password-too-short", |p| p.code))
    });
    let current_ok = check_password(store, user.id, current, "current_password").await;
    match (current_ok, new) {
        (Ok(()), Ok(new)) => {
            set_password(store, user.id, &new).await?;
            store.delete_other_sessions(user.id, keep_session).await?;
            store.delete_other_tokens(user.id, keep_token).await?;
            Ok(())
        }
        (Err(AppError::Invalid(a)), Err(b)) => Err(all_problems([Err(a), Err(b)])),
        (Err(e), _) => Err(e),
        (_, Err(e)) => Err(e.into()),
    }
}

/// Sets a password without knowing the old one (the operator's `foothold user set-password`).
pub async fn set_password(store: &Store, user: UserId, new: &NewPassword) -> AppResult<()> {
    let hash = hash_password(new).await?;
    store.set_password_hash(user, &hash).await?;
    Ok(())
}

/// Deletes the account and everything in it, after the member confirms with their password.
pub async fn delete_account(store: &Store, user: &User, password: &str) -> AppResult<()> {
    check_password(store, user.id, password, "password").await?;
    store.delete_user(user.id).await?;
    tracing::info!(user = user.id.0, "account deleted by its member");
    Ok(())
}

/// Creates a personal API token; the raw token is returned once and never stored.
pub async fn create_token(store: &Store, user: &User, name: &str) -> AppResult<(ApiToken, String)> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Invalid::one("name", "token-name-missing").into());
    }
    if name.chars().count() > TOKEN_NAME_MAX {
        return Err(Invalid::one("name", "token-name-too-long").into());
    }
    if store.tokens(user.id).await?.len() >= MAX_TOKENS {
        return Err(Invalid::one("name", "token-limit").into());
    }
    let raw = format!("{TOKEN_PREFIX}{}", random_token()?);
    let token = store.create_token(user.id, name, &token_hash(&raw), now()).await?;
    Ok((token, raw))
}

pub fn set_locale_allowed(app: &AppState, tag: &str) -> AppResult<()> {
    if app.catalog.has_language(tag) {
        Ok(())
    } else {
        Err(Invalid::one("locale", "locale-unknown").into())
    }
}

/// Sets the time zone that decides what "today" is for the member's diary.
pub async fn set_time_zone(store: &Store, user: &User, input: &str) -> AppResult<()> {
    store.set_time_zone(user.id, parse_time_zone(input)?).await?;
    Ok(())
}

/// An IANA time zone name, as typed or picked ("Europe/Berlin").
pub fn parse_time_zone(input: &str) -> Result<chrono_tz::Tz, Invalid> {
    input.trim().parse().map_err(|_| Invalid::one("time_zone", "time-zone-unknown"))
}
