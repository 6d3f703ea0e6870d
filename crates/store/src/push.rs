//! Web Push subscriptions (one per browser a member allowed notifications in) and the server's
//! own keys, made once and shared by every app server.

use crate::{on_db, Result, Store, UserId};

/// A browser's subscription as stored: endpoint, its P-256 key and auth secret (base64url).
pub type PushSubscription = (String, String, String);

impl Store {
    /// The key called `name`, or `value` kept as it if there was none yet: every app server
    /// starting at once ends up with the same one.
    pub async fn ensure_server_key(&self, name: &str, value: &str) -> Result<String> {
        on_db!(self, |pool| {
            sqlx::query("INSERT INTO server_keys (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING")
                .bind(name)
                .bind(value)
                .execute(pool)
                .await
                .map(|_| ())
        })?;
        Ok(on_db!(self, |pool| {
            sqlx::query_scalar("SELECT value FROM server_keys WHERE name = $1")
                .bind(name)
                .fetch_one(pool)
                .await
        })?)
    }

    /// Keeps a subscription for the member; a browser's endpoint belongs to whoever subscribed
    /// in it last (a shared phone, another member logging in).
    pub async fn add_push_subscription(
        &self,
        user: UserId,
        endpoint: &str,
        p256dh: &str,
        auth: &str,
    ) -> Result<()> {
        on_db!(self, |pool| {
            sqlx::query(
                "INSERT INTO push_subscriptions (user_id, endpoint, p256dh, auth, created_at) VALUES ($1, $2, $3, $4, $5)
                 ON CONFLICT (endpoint) DO UPDATE SET user_id = excluded.user_id, p256dh = excluded.p256dh,
                     auth = excluded.auth, created_at = excluded.created_at",
            )
            .bind(user.0)
            .bind(endpoint)
            .bind(p256dh)
            .bind(auth)
            .bind(crate::now())
            .execute(pool)
            .await
            .map(|_| ())
        })?;
        Ok(())
    }

    pub async fn push_subscriptions(&self, user: UserId) -> Result<Vec<PushSubscription>> {
        Ok(on_db!(self, |pool| {
            sqlx::query_as(
                "SELECT endpoint, p256dh, auth FROM push_subscriptions WHERE user_id = $1 ORDER BY id",
            )
            .bind(user.0)
            .fetch_all(pool)
            .await
        })?)
    }

    /// Forgets a subscription: the member turned it off, or the push service says it is gone
    /// (`user` `None`).
    pub async fn remove_push_subscription(&self, user: Option<UserId>, endpoint: &str) -> Result<()> {
        on_db!(self, |pool| {
            sqlx::query("DELETE FROM push_subscriptions WHERE endpoint = $1 AND ($2 IS NULL OR user_id = $2)")
                .bind(endpoint)
                .bind(user.map(|u| u.0))
                .execute(pool)
                .await
                .map(|_| ())
        })?;
        Ok(())
    }
}
