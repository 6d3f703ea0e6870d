//! What members can do with their accounts — shared by the HTML pages, the JSON API and the
//! command line, so all three validate and limit in exactly the same way.

use crate::error::{ServiceError, ServiceResult};
use crate::i18n::Catalog;
use crate::secret::{hash_password, random_token, token_hash, verify_password};
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

/// Attempts allowed per window. Kept in the database, so they hold across app servers.
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RateLimits {
    pub window_secs: i64,
    /// Login attempts from one network address per window.
    pub login_per_ip: i64,
    /// Failed logins on one account from one address per window (then that address waits;
    /// the owner elsewhere can still sign in).
    pub login_failures_per_account: i64,
    /// New accounts from one network address per window.
    pub register_per_ip: i64,
}

impl Default for RateLimits {
    fn default() -> Self {
        Self { window_secs: 15 * 60, login_per_ip: 30, login_failures_per_account: 10, register_per_ip: 10 }
    }
}

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
fn all_problems<const N: usize>(checks: [Result<(), Invalid>; N]) -> ServiceError {
    Invalid::collect(checks).err().map_or(ServiceError::Internal, ServiceError::Invalid)
}

/// Counts one attempt under `key`; more than `max` in the window is refused.
pub async fn limit(store: &Store, limits: &RateLimits, key: &str, max: i64) -> ServiceResult<()> {
    let window = limits.window_secs;
    let t = now().timestamp();
    if store.hit(key, window, t).await? > max {
        return Err(ServiceError::RateLimited { retry_after: window - t.rem_euclid(window.max(1)) });
    }
    Ok(())
}

/// Creates an account as a member would, from the registration form or API.
pub async fn register(
    store: &Store,
    limits: &RateLimits,
    ip: IpAddr,
    handle: &str,
    password: &str,
    email: &str,
) -> ServiceResult<User> {
    limit(store, limits, &format!("register:ip:{}", ip_key(ip)), limits.register_per_ip).await?;
    create(store, handle, password, email, Role::Member).await
}

/// Creates an account without rate limits (the operator's `foothold user create`).
pub async fn create(
    store: &Store,
    handle: &str,
    password: &str,
    email: &str,
    role: Role,
) -> ServiceResult<User> {
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
        .map_err(ServiceError::from)
}

/// Checks a handle and password and starts a session.
///
/// Two limits apply: attempts per address (slows guessing many accounts) and failures per
/// account *from one address* (slows guessing one password). The second is keyed by address
/// too, so someone who guesses wrong on purpose locks out only themselves, never the owner on
/// their own device (docs/SECURITY.md). A member who gets in has their failure count cleared.
/// `session_days`: how long the new session lasts without use.
pub async fn login(
    store: &Store,
    limits: &RateLimits,
    session_days: i64,
    ip: IpAddr,
    handle: &str,
    password: &str,
) -> ServiceResult<NewLogin> {
    limit(store, limits, &format!("login:ip:{}", ip_key(ip)), limits.login_per_ip).await?;
    let handle = Handle::parse(handle).ok();
    let account_key = handle.as_ref().map(|h| format!("login:account:{}:{}", h.key(), ip_key(ip)));
    if let Some(key) = &account_key {
        let window = limits.window_secs;
        let t = now().timestamp();
        if store.hits(key, window, t).await? >= limits.login_failures_per_account {
            return Err(ServiceError::RateLimited { retry_after: window - t.rem_euclid(window.max(1)) });
        }
    }
    let user = match &handle {
        Some(h) => match store.user_by_handle(h).await {
            Ok(u) => Some(u),
            Err(StoreError::NotFound) => None,
            Err(e) => return Err(e.into()),
        },
        None => None,
    };
    let stored = match &user {
        Some(u) => Some(store.password_hash(u.id).await?),
        None => None,
    };
    let ok = verify_password(password.to_owned(), stored).await?;
    match (ok, user) {
        (true, Some(user)) => {
            if let Some(key) = &account_key {
                store.clear_hits(key).await?;
            }
            start_session(store, session_days, user).await
        }
        _ => {
            if let Some(key) = &account_key {
                store.hit(key, limits.window_secs, now().timestamp()).await?;
            }
            Err(ServiceError::BadCredentials)
        }
    }
}

async fn start_session(store: &Store, session_days: i64, user: User) -> ServiceResult<NewLogin> {
    let token = random_token()?;
    let session = Session {
        token_hash: token_hash(&token),
        csrf_token: random_token()?,
        expires_at: now() + Duration::days(session_days),
    };
    store.create_session(user.id, &session, now()).await?;
    Ok(NewLogin { user, token, session })
}

async fn check_password(
    store: &Store,
    user: UserId,
    password: &str,
    field: &'static str,
) -> ServiceResult<()> {
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
) -> ServiceResult<()> {
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
        (Err(ServiceError::Invalid(a)), Err(b)) => Err(all_problems([Err(a), Err(b)])),
        (Err(e), _) => Err(e),
        (_, Err(e)) => Err(e.into()),
    }
}

/// Sets a password without knowing the old one (the operator's `foothold user set-password`).
pub async fn set_password(store: &Store, user: UserId, new: &NewPassword) -> ServiceResult<()> {
    let hash = hash_password(new).await?;
    store.set_password_hash(user, &hash).await?;
    Ok(())
}

/// Deletes the account and everything in it, after the member confirms with their password.
pub async fn delete_account(store: &Store, user: &User, password: &str) -> ServiceResult<()> {
    check_password(store, user.id, password, "password").await?;
    store.delete_user(user.id).await?;
    tracing::info!(user = user.id.0, "account deleted by its member");
    Ok(())
}

/// Creates a personal API token; the raw token is returned once and never stored.
pub async fn create_token(store: &Store, user: &User, name: &str) -> ServiceResult<(ApiToken, String)> {
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

/// A language the member may choose: one this Foothold has the interface text for.
pub fn set_locale_allowed(catalog: &Catalog, tag: &str) -> ServiceResult<()> {
    if catalog.has_language(tag) {
        Ok(())
    } else {
        Err(Invalid::one("locale", "locale-unknown").into())
    }
}

/// Sets the time zone that decides what "today" is for the member's diary.
pub async fn set_time_zone(store: &Store, user: &User, input: &str) -> ServiceResult<()> {
    store.set_time_zone(user.id, parse_time_zone(input)?).await?;
    Ok(())
}

/// An IANA time zone name, as typed or picked ("Europe/Berlin").
pub fn parse_time_zone(input: &str) -> Result<chrono_tz::Tz, Invalid> {
    input.trim().parse().map_err(|_| Invalid::one("time_zone", "time-zone-unknown"))
}
