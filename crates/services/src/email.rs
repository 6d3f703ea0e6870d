//! The member's e-mail address: changing it, confirming it with a one-time link, and resetting
//! a forgotten password through it. Links carry a random token; only its hash is stored.

use crate::accounts::{self, limit};
use crate::error::{ServiceError, ServiceResult};
use crate::i18n::Tr;
use crate::mail::Mail;
use crate::secret::{random_token, token_hash};
use crate::Services;
use chrono::Duration;
use foothold_core::account::{Email, NewPassword};
use foothold_core::Invalid;
use foothold_store::{Purpose, UserId};
use std::net::IpAddr;

/// How long a confirmation link works.
const VERIFY_FOR: Duration = Duration::days(2);
/// How long a password-reset link works: short, as it opens the account.
const RESET_FOR: Duration = Duration::hours(1);

/// Sets the member's address (empty removes it) and, when e-mail is configured, sends a link
/// to confirm it. Returns whether a link was sent.
pub async fn change(app: &Services, tr: &Tr, user: UserId, input: &str) -> ServiceResult<bool> {
    let email = Email::parse_optional(input)?;
    app.store.set_email(user, email.as_ref().map(Email::as_str)).await?;
    match email {
        Some(e) => send_confirmation(app, tr, user, e.as_str()).await,
        None => Ok(false),
    }
}

/// Sends a link to confirm `email` (the member's current address).
pub async fn send_confirmation(app: &Services, tr: &Tr, user: UserId, email: &str) -> ServiceResult<bool> {
    let Some(mailer) = &app.mailer else { return Ok(false) };
    limit(&app.store, &app.limits, &format!("confirm:user:{}", user.0), 5).await?;
    let token = random_token()?;
    let expires = app.clock.now() + VERIFY_FOR;
    app.store.create_email_token(user, &token_hash(&token), Purpose::Verify, email, expires).await?;
    let link = format!("{}/account/email/confirm/{token}", mailer.base);
    let mail = Mail {
        to: email,
        subject: tr.t("email-confirm-subject"),
        body: tr.ta("email-confirm-body", &[("link", &link)]),
        unsubscribe: None,
    };
    mailer.send(mail).await.map_err(|e| {
        tracing::warn!(error = %e, "a confirmation link was not sent");
        ServiceError::Unavailable
    })?;
    Ok(true)
}

/// Confirms the address a link was sent to; `NotFound` for a used, expired or stale link.
pub async fn confirm(app: &Services, token: &str) -> ServiceResult<UserId> {
    let user = app
        .store
        .use_email_token(&token_hash(token), Purpose::Verify, app.clock.now())
        .await?
        .ok_or(ServiceError::NotFound)?;
    app.store.confirm_email(user, app.clock.now()).await?;
    Ok(user)
}

/// Sends a reset link if `input` is a confirmed address; says nothing either way, so the form
/// cannot be used to find out who has an account. Limited per network address.
pub async fn forgot(app: &Services, tr: &Tr, ip: IpAddr, input: &str) -> ServiceResult<()> {
    let email = Email::parse_optional(input)?.ok_or_else(|| Invalid::one("email", "email-invalid"))?;
    limit(&app.store, &app.limits, &format!("forgot:ip:{ip}"), app.limits.register_per_ip).await?;
    let (Some(mailer), Some(user)) = (&app.mailer, app.store.user_by_confirmed_email(email.as_str()).await?)
    else {
        return Ok(());
    };
    let Some(address) = app.store.email_status(user).await?.0 else { return Ok(()) };
    let token = random_token()?;
    let expires = app.clock.now() + RESET_FOR;
    app.store.create_email_token(user, &token_hash(&token), Purpose::Reset, &address, expires).await?;
    let link = format!("{}/password/reset/{token}", mailer.base);
    let mail = Mail {
        to: &address,
        subject: tr.t("email-reset-subject"),
        body: tr.ta("email-reset-body", &[("link", &link)]),
        unsubscribe: None,
    };
    if let Err(e) = mailer.send(mail).await {
        tracing::warn!(error = %e, "a reset link was not sent");
        return Err(ServiceError::Unavailable);
    }
    Ok(())
}

/// Sets a new password through a reset link (used up by it), and ends every login and API
/// token: whoever knew the old password is out.
pub async fn reset(app: &Services, token: &str, password: &str) -> ServiceResult<()> {
    let hash = token_hash(token);
    // The password is checked first, so a typo does not use up the link.
    let user = app
        .store
        .email_token_user(&hash, Purpose::Reset, app.clock.now())
        .await?
        .ok_or(ServiceError::NotFound)?;
    let handle = app.store.user(user).await?.handle;
    let new = NewPassword::parse(password, Some(&handle))?;
    app.store.use_email_token(&hash, Purpose::Reset, app.clock.now()).await?.ok_or(ServiceError::NotFound)?;
    accounts::set_password(&app.store, user, &new).await?;
    app.store.delete_other_sessions(user, None).await?;
    app.store.delete_other_tokens(user, None).await?;
    Ok(())
}
