//! Personal API tokens: long-lived bearer credentials a member creates for scripts and apps.
//! As with sessions, only the token's hash is stored.

use crate::users::{expect_one, user_from_row, UserRow, USER_COLUMNS};
use crate::{on_db, Result, Store, User, UserId};
use chrono::{DateTime, Utc};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiToken {
    pub id: i64,
    pub name: String,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
}

type TokenRow = (i64, String, DateTime<Utc>, Option<DateTime<Utc>>);

fn token_from_row((id, name, created_at, last_used_at): TokenRow) -> ApiToken {
    ApiToken { id, name, created_at, last_used_at }
}

impl Store {
    pub async fn create_token(
        &self,
        user: UserId,
        name: &str,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<ApiToken> {
        let id: i64 = on_db!(self, |pool| {
            sqlx::query_scalar(
                "INSERT INTO api_tokens (user_id, name, token_hash, created_at)
                 VALUES ($1, $2, $3, $4) RETURNING id",
            )
            .bind(user.0)
            .bind(name)
            .bind(token_hash)
            .bind(now)
            .fetch_one(pool)
            .await
        })?;
        Ok(ApiToken { id, name: name.to_owned(), created_at: now, last_used_at: None })
    }

    /// A user's tokens, newest first.
    pub async fn tokens(&self, user: UserId) -> Result<Vec<ApiToken>> {
        let rows: Vec<TokenRow> = on_db!(self, |pool| {
            sqlx::query_as(
                "SELECT id, name, created_at, last_used_at FROM api_tokens
                 WHERE user_id = $1 ORDER BY id DESC",
            )
            .bind(user.0)
            .fetch_all(pool)
            .await
        })?;
        Ok(rows.into_iter().map(token_from_row).collect())
    }

    /// Revokes one of the user's own tokens; `NotFound` if it is not theirs.
    pub async fn delete_token(&self, user: UserId, id: i64) -> Result<()> {
        let done = on_db!(self, |pool| {
            sqlx::query("DELETE FROM api_tokens WHERE id = $1 AND user_id = $2")
                .bind(id)
                .bind(user.0)
                .execute(pool)
                .await
                .map(|r| r.rows_affected())
        })?;
        expect_one(done)
    }

    /// Revokes every token of a user except `keep` (after a password change, a stolen token
    /// must stop working too; the token that changed it, if any, stays).
    pub async fn delete_other_tokens(&self, user: UserId, keep: Option<i64>) -> Result<u64> {
        on_db!(self, |pool| {
            sqlx::query("DELETE FROM api_tokens WHERE user_id = $1 AND id <> COALESCE($2, -1)")
                .bind(user.0)
                .bind(keep)
                .execute(pool)
                .await
                .map(|r| r.rows_affected())
        })
        .map_err(Into::into)
    }

    /// The token with this hash and the user it belongs to.
    pub async fn token_user(&self, token_hash: &str) -> Result<Option<(ApiToken, User)>> {
        type Row = (
            i64,
            String,
            DateTime<Utc>,
            Option<DateTime<Utc>>,
            i64,
            String,
            String,
            Option<String>,
            DateTime<Utc>,
            i64,
            String,
        );
        let row: Option<Row> = on_db!(self, |pool| {
            sqlx::query_as(&format!(
                "SELECT t.id, t.name, t.created_at, t.last_used_at, {USER_COLUMNS}
                 FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = $1"
            ))
            .bind(token_hash)
            .fetch_optional(pool)
            .await
        })?;
        let Some((tid, name, created, used, uid, handle, role, locale, user_created, unread, zone)) = row
        else {
            return Ok(None);
        };
        let user = user_from_row((uid, handle, role, locale, user_created, unread, zone) as UserRow)?;
        Ok(Some((token_from_row((tid, name, created, used)), user)))
    }

    pub async fn mark_token_used(&self, id: i64, now: DateTime<Utc>) -> Result<()> {
        // In the write queue, not SQLite's busy handler: at a busy server's start, every
        // member's first request writes here, and waiting there stalled the check-in
        // writer for up to 2 s (docs/BENCHMARKS.md).
        let _turn = self.write_turn().await;
        on_db!(self, |pool| {
            sqlx::query("UPDATE api_tokens SET last_used_at = $1 WHERE id = $2")
                .bind(now)
                .bind(id)
                .execute(pool)
                .await
                .map(|r| r.rows_affected())
        })?;
        Ok(())
    }
}
