//! Server-side login sessions, kept in the database so that every app server behind a load
//! balancer sees the same ones. Only a hash of the cookie's token is stored: a leaked
//! database does not hand out live sessions.

use crate::users::{user_from_row, UserRow, USER_COLUMNS};
use crate::{on_db, Result, Store, User, UserId};
use chrono::{DateTime, Utc};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub token_hash: String,
    /// The synchronizer token every state-changing request of this session must carry.
    pub csrf_token: String,
    pub expires_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionUser {
    pub session: Session,
    pub user: User,
}

impl Store {
    pub async fn create_session(&self, user: UserId, session: &Session, now: DateTime<Utc>) -> Result<()> {
        on_db!(self, |pool| {
            sqlx::query(
                "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at)
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(&session.token_hash)
            .bind(user.0)
            .bind(&session.csrf_token)
            .bind(now)
            .bind(session.expires_at)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
        })?;
        Ok(())
    }

    /// The live session with this token hash and its user; `None` if unknown or expired.
    pub async fn session(&self, token_hash: &str, now: DateTime<Utc>) -> Result<Option<SessionUser>> {
        if let Some(found) = self.sessions.get(token_hash) {
            return Ok((found.session.expires_at > now).then_some(found));
        }
        let epoch = self.sessions.epoch();
        type Row = (String, DateTime<Utc>, i64, String, String, Option<String>, DateTime<Utc>, i64, String);
        let row: Option<Row> = on_db!(self, |pool| {
            sqlx::query_as(&format!(
                "SELECT s.csrf_token, s.expires_at, {USER_COLUMNS}
                 FROM sessions s JOIN users u ON u.id = s.user_id
                 WHERE s.token_hash = $1 AND s.expires_at > $2"
            ))
            .bind(token_hash)
            .bind(now)
            .fetch_optional(pool)
            .await
        })?;
        let Some((csrf_token, expires_at, id, handle, role, locale, created_at, unread, zone)) = row else {
            return Ok(None);
        };
        let user = user_from_row((id, handle, role, locale, created_at, unread, zone) as UserRow)?;
        let session = Session { token_hash: token_hash.to_owned(), csrf_token, expires_at };
        let found = SessionUser { session, user };
        self.sessions.put(epoch, &found);
        Ok(Some(found))
    }

    /// Moves a session's expiry (sliding expiry for members who keep using Foothold).
    pub async fn extend_session(&self, token_hash: &str, expires_at: DateTime<Utc>) -> Result<()> {
        // In the write queue, like `mark_token_used` and for the same reason.
        let _turn = self.write_turn().await;
        on_db!(self, |pool| {
            sqlx::query("UPDATE sessions SET expires_at = $1 WHERE token_hash = $2")
                .bind(expires_at)
                .bind(token_hash)
                .execute(pool)
                .await
                .map(|r| r.rows_affected())
        })?;
        self.sessions.forget(token_hash);
        Ok(())
    }

    pub async fn delete_session(&self, token_hash: &str) -> Result<()> {
        on_db!(self, |pool| {
            sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
                .bind(token_hash)
                .execute(pool)
                .await
                .map(|r| r.rows_affected())
        })?;
        self.sessions.forget(token_hash);
        Ok(())
    }

    /// Ends every session of a user except `keep` (after a password change, the device that
    /// changed it stays logged in and every other one is logged out).
    pub async fn delete_other_sessions(&self, user: UserId, keep: Option<&str>) -> Result<u64> {
        let done = on_db!(self, |pool| {
            sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND token_hash <> COALESCE($2, '')")
                .bind(user.0)
                .bind(keep)
                .execute(pool)
                .await
                .map(|r| r.rows_affected())
        })?;
        self.sessions.forget_user(user);
        Ok(done)
    }

    pub async fn purge_expired_sessions(&self, now: DateTime<Utc>) -> Result<u64> {
        let done = on_db!(self, |pool| {
            sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
                .bind(now)
                .execute(pool)
                .await
                .map(|r| r.rows_affected())
        })?;
        Ok(done)
    }
}
