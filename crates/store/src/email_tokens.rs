//! The member's e-mail address and the one-time links sent to it: confirming the address,
//! and resetting a forgotten password. Only a link's hash is kept; using it deletes it.

use crate::{on_db, Result, Store, UserId};
use chrono::{DateTime, SubsecRound, Utc};

/// What a link sent by e-mail may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    Verify,
    Reset,
}

impl Purpose {
    fn as_str(self) -> &'static str {
        match self {
            Purpose::Verify => "verify",
            Purpose::Reset => "reset",
        }
    }
}

impl Store {
    /// The member's address and whether they confirmed it.
    pub async fn email_status(&self, user: UserId) -> Result<(Option<String>, bool)> {
        let (email, verified): (Option<String>, Option<DateTime<Utc>>) = on_db!(self, |pool| {
            sqlx::query_as("SELECT email, email_verified_at FROM users WHERE id = $1")
                .bind(user.0)
                .fetch_one(pool)
                .await
        })?;
        Ok((email, verified.is_some()))
    }

    /// Sets (or with `None` removes) the member's address; a new address is unconfirmed, and
    /// links sent to the old one stop working.
    pub async fn set_email(&self, user: UserId, email: Option<&str>) -> Result<()> {
        let begin = self.begin_write();
        let _turn = self.write_turn().await;
        on_db!(self, |pool| {
            let mut tx = pool.begin_with(begin).await?;
            sqlx::query("UPDATE users SET email = $2, email_verified_at = NULL WHERE id = $1")
                .bind(user.0)
                .bind(email)
                .execute(&mut *tx)
                .await?;
            sqlx::query("DELETE FROM email_tokens WHERE user_id = $1").bind(user.0).execute(&mut *tx).await?;
            tx.commit().await
        })?;
        Ok(())
    }

    /// Keeps a link's hash, for the address it was sent to, until `expires_at`.
    pub async fn create_email_token(
        &self,
        user: UserId,
        hash: &str,
        purpose: Purpose,
        email: &str,
        expires_at: DateTime<Utc>,
    ) -> Result<()> {
        on_db!(self, |pool| {
            sqlx::query(
                "INSERT INTO email_tokens (token_hash, user_id, purpose, email, expires_at) VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(hash)
            .bind(user.0)
            .bind(purpose.as_str())
            .bind(email)
            .bind(expires_at.trunc_subsecs(0))
            .execute(pool)
            .await
            .map(|_| ())
        })?;
        Ok(())
    }

    /// Uses a link: whose it is, if it is live, for this purpose, and still for the member's
    /// current address. A link works once.
    pub async fn use_email_token(
        &self,
        hash: &str,
        purpose: Purpose,
        now: DateTime<Utc>,
    ) -> Result<Option<UserId>> {
        let found: Option<i64> = on_db!(self, |pool| {
            sqlx::query_scalar(
                "DELETE FROM email_tokens WHERE token_hash = $1 AND purpose = $2 AND expires_at > $3
                   AND email = (SELECT email FROM users WHERE users.id = email_tokens.user_id)
                 RETURNING user_id",
            )
            .bind(hash)
            .bind(purpose.as_str())
            .bind(now.trunc_subsecs(0))
            .fetch_optional(pool)
            .await
        })?;
        Ok(found.map(UserId))
    }

    /// Whose a live link is, without using it (a reset form checks the link before the new
    /// password is typed).
    pub async fn email_token_user(
        &self,
        hash: &str,
        purpose: Purpose,
        now: DateTime<Utc>,
    ) -> Result<Option<UserId>> {
        let found: Option<i64> = on_db!(self, |pool| {
            sqlx::query_scalar(
                "SELECT t.user_id FROM email_tokens t JOIN users u ON u.id = t.user_id
                 WHERE t.token_hash = $1 AND t.purpose = $2 AND t.expires_at > $3 AND t.email = u.email",
            )
            .bind(hash)
            .bind(purpose.as_str())
            .bind(now.trunc_subsecs(0))
            .fetch_optional(pool)
            .await
        })?;
        Ok(found.map(UserId))
    }

    /// Marks the member's current address confirmed.
    pub async fn confirm_email(&self, user: UserId, now: DateTime<Utc>) -> Result<()> {
        on_db!(self, |pool| {
            sqlx::query("UPDATE users SET email_verified_at = $2 WHERE id = $1 AND email IS NOT NULL")
                .bind(user.0)
                .bind(now.trunc_subsecs(0))
                .execute(pool)
                .await
                .map(|_| ())
        })?;
        Ok(())
    }

    /// The member with this confirmed address (compared without case), if any.
    pub async fn user_by_confirmed_email(&self, email: &str) -> Result<Option<UserId>> {
        let found: Option<i64> = on_db!(self, |pool| {
            sqlx::query_scalar(
                "SELECT id FROM users WHERE LOWER(email) = LOWER($1) AND email_verified_at IS NOT NULL
                 ORDER BY id LIMIT 1",
            )
            .bind(email)
            .fetch_optional(pool)
            .await
        })?;
        Ok(found.map(UserId))
    }
}
