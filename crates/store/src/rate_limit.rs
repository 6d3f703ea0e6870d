//! Fixed-window counters for rate limits. They live in the database, not in process memory,
//! so a limit still holds when requests are spread over several app servers.

use crate::{on_db, Result, Store};

impl Store {
    /// Counts one hit on `key` in the current window of `window_secs` seconds and returns the
    /// number of hits in that window, this one included. One atomic upsert, so concurrent
    /// requests on any number of servers cannot both slip under the limit.
    pub async fn hit(&self, key: &str, window_secs: i64, now_unix: i64) -> Result<i64> {
        let window = now_unix - now_unix.rem_euclid(window_secs.max(1));
        let hits = on_db!(self, |pool| {
            sqlx::query_scalar(
                "INSERT INTO rate_limits (key, window_start, hits) VALUES ($1, $2, 1)
                 ON CONFLICT (key) DO UPDATE SET
                   hits = CASE WHEN rate_limits.window_start = excluded.window_start
                               THEN rate_limits.hits + 1 ELSE 1 END,
                   window_start = excluded.window_start
                 RETURNING hits",
            )
            .bind(key)
            .bind(window)
            .fetch_one(pool)
            .await
        })?;
        Ok(hits)
    }

    /// Hits on `key` in the current window, without counting a new one.
    pub async fn hits(&self, key: &str, window_secs: i64, now_unix: i64) -> Result<i64> {
        let window = now_unix - now_unix.rem_euclid(window_secs.max(1));
        let hits: Option<i64> = on_db!(self, |pool| {
            sqlx::query_scalar("SELECT hits FROM rate_limits WHERE key = $1 AND window_start = $2")
                .bind(key)
                .bind(window)
                .fetch_optional(pool)
                .await
        })?;
        Ok(hits.unwrap_or(0))
    }

    pub async fn clear_hits(&self, key: &str) -> Result<()> {
        on_db!(self, |pool| {
            sqlx::query("DELETE FROM rate_limits WHERE key = $1")
                .bind(key)
                .execute(pool)
                .await
                .map(|r| r.rows_affected())
        })?;
        Ok(())
    }

    /// Removes counters whose window started before `before_unix`.
    pub async fn purge_rate_limits(&self, before_unix: i64) -> Result<u64> {
        let done = on_db!(self, |pool| {
            sqlx::query("DELETE FROM rate_limits WHERE window_start < $1")
                .bind(before_unix)
                .execute(pool)
                .await
                .map(|r| r.rows_affected())
        })?;
        Ok(done)
    }
}
