//! Direct messages as pages and the API use them: who may write to whom, and sending. Two
//! members write to each other when both allow it, neither blocked the other, and no site
//! moderator turned the writer's messages off. A new account may answer whoever wrote to it,
//! but not start a conversation: that is where unwanted messages come from. Every
//! message is read by the support service like a post: its writer sees the support panel.

use crate::error::{ServiceError, ServiceResult};
use crate::support::Support;
use chrono::Duration;
use foothold_core::community::{parse_message, Trust};
use foothold_core::Invalid;
use foothold_readers::crisis::Level;
use foothold_store::{Store, User};

/// Messages a member may send in an hour, to anyone: enough for a real conversation, too
/// few for a spammer.
const PER_HOUR: i64 = 60;

/// The member with `handle`; `NotFound` for a malformed handle too.
pub async fn member(store: &Store, handle: &str) -> ServiceResult<User> {
    let parsed = foothold_core::account::Handle::parse(handle).map_err(|_| ServiceError::NotFound)?;
    Ok(store.user_by_handle(&parsed).await?)
}

/// `Ok` when `user` may write to `them`; otherwise why not, as a message for the `body`
/// field. A block in either direction reads like "they do not take messages", so the
/// blocked member does not learn of it.
pub async fn may_write(store: &Store, user: &User, them: &User) -> ServiceResult<()> {
    let why = |code: &'static str| Err(ServiceError::from(Invalid::one("body", code)));
    if them.id == user.id {
        return why("message-self");
    }
    let (mine, theirs) = tokio::try_join!(store.message_settings(user.id), store.message_settings(them.id))?;
    if mine.barred {
        return why("messages-barred");
    }
    if !mine.open {
        return why("messages-turn-on");
    }
    let now = foothold_store::now();
    let (created_at, _, kept) = store.posting_record(user.id, now).await?;
    let trusted = Trust::of((now - created_at).num_days(), kept).messages || user.role.is_staff();
    if !trusted && !store.has_written(them.id, user.id).await? {
        return why("messages-not-yet");
    }
    if !theirs.open || store.blocked_between(user.id, them.id).await? {
        return why("messages-closed");
    }
    Ok(())
}

/// What was sent, and whether it asks for support.
pub struct Sent {
    pub id: i64,
    /// `false` when the nonce was used before: the earlier message is the one.
    pub created: bool,
    pub support: Option<Level>,
}

/// Checks the rules and the text, then saves the message and tells its recipient.
pub async fn send(
    store: &Store,
    support: &Support,
    user: &User,
    them: &User,
    nonce: &str,
    body: &str,
) -> ServiceResult<Sent> {
    let body = parse_message(body)?;
    may_write(store, user, them).await?;
    let now = foothold_store::now();
    let key = format!("messages:{}", user.id.0);
    if store.hit(&key, Duration::hours(1).num_seconds(), now.timestamp()).await? > PER_HOUR {
        let hour = Duration::hours(1).num_seconds();
        return Err(ServiceError::RateLimited { retry_after: hour - now.timestamp().rem_euclid(hour) });
    }
    let (id, created) = store.send_message(user.id, them.id, nonce, &body).await?;
    let support = support.read(&[&body]).await;
    Ok(Sent { id, created, support })
}
