//! Shares with clinicians and their access log. A share is found by a clinician only through
//! [`Store::clinician_share`], which checks in one query that it is theirs, redeemed, not
//! revoked and not past its last day; the web layer adds the scope and logs the view.

use crate::{on_db, Result, Store, StoreError, UserId};
use chrono::{DateTime, NaiveDate, Utc};
use foothold_core::share::{NewShare, Scope, ShareId};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Share {
    pub id: ShareId,
    pub member_id: UserId,
    pub member: String,
    /// The clinician who redeemed the code; `None` before that (or after they left).
    pub clinician: Option<String>,
    pub scopes: Vec<Scope>,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub until: NaiveDate,
    /// The clinician may leave notes and suggestions.
    pub coaching: bool,
    pub created_at: DateTime<Utc>,
    pub redeemed: bool,
    pub revoked: bool,
}

impl Share {
    pub fn shows(&self, scope: Scope) -> bool {
        self.scopes.contains(&scope)
    }

    /// Whether a clinician can see it on `today`.
    pub fn active(&self, today: NaiveDate) -> bool {
        self.redeemed && !self.revoked && today <= self.until
    }
}

/// One line of the member's access log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShareView {
    pub clinician: String,
    pub what: String,
    pub at: DateTime<Utc>,
}

type ShareRow = (
    i64,
    i64,
    String,
    Option<String>,
    String,
    NaiveDate,
    NaiveDate,
    NaiveDate,
    bool,
    DateTime<Utc>,
    bool,
    bool,
);

const SHARE_SELECT: &str =
    "SELECT s.id, s.member_id, m.handle, c.handle, s.scopes, s.period_from, s.period_to, s.until,
        s.coaching, s.created_at, s.redeemed_at IS NOT NULL, s.revoked_at IS NOT NULL
     FROM shares s JOIN users m ON m.id = s.member_id LEFT JOIN users c ON c.id = s.clinician_id";

fn share_from(row: ShareRow) -> Share {
    let (id, member_id, member, clinician, scopes, from, to, until, coaching, created_at, redeemed, revoked) =
        row;
    Share {
        id: ShareId(id),
        member_id: UserId(member_id),
        member,
        clinician,
        scopes: scopes.split(',').filter_map(Scope::parse).collect(),
        from,
        to,
        until,
        coaching,
        created_at,
        redeemed,
        revoked,
    }
}

impl Store {
    pub async fn is_clinician(&self, user: UserId) -> Result<bool> {
        let found: Option<i64> = on_db!(self, |pool| {
            sqlx::query_scalar("SELECT user_id FROM clinicians WHERE user_id = $1")
                .bind(user.0)
                .fetch_optional(pool)
                .await
        })?;
        Ok(found.is_some())
    }

    /// Marks an account as a clinician (an admin checked the person), or unmarks it: their
    /// shares stop showing at once, since every read checks this too.
    pub async fn set_clinician(&self, user: UserId, clinician: bool) -> Result<()> {
        if clinician {
            on_db!(self, |pool| {
                sqlx::query("INSERT INTO clinicians (user_id, verified_at) VALUES ($1, $2) ON CONFLICT (user_id) DO NOTHING")
                    .bind(user.0)
                    .bind(crate::now())
                    .execute(pool)
                    .await
                    .map(|_| ())
            })?;
        } else {
            on_db!(self, |pool| {
                sqlx::query("DELETE FROM clinicians WHERE user_id = $1")
                    .bind(user.0)
                    .execute(pool)
                    .await
                    .map(|_| ())
            })?;
        }
        Ok(())
    }

    /// Every account marked as a clinician: (id, handle, marked at), by handle.
    pub async fn clinicians(&self) -> Result<Vec<(UserId, String, DateTime<Utc>)>> {
        let rows: Vec<(i64, String, DateTime<Utc>)> = on_db!(self, |pool| {
            sqlx::query_as(
                "SELECT u.id, u.handle, c.verified_at FROM clinicians c JOIN users u ON u.id = c.user_id
                 ORDER BY u.handle",
            )
            .fetch_all(pool)
            .await
        })?;
        Ok(rows.into_iter().map(|(id, handle, at)| (UserId(id), handle, at)).collect())
    }

    /// A new share, found later by the SHA-256 of its code.
    pub async fn create_share(&self, member: UserId, code_hash: &str, new: &NewShare) -> Result<Share> {
        let scopes: Vec<&str> = new.scopes.iter().map(|s| s.as_str()).collect();
        let id: i64 = on_db!(self, |pool| {
            sqlx::query_scalar(
                "INSERT INTO shares (member_id, code_hash, scopes, period_from, period_to, until, coaching, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
            )
            .bind(member.0)
            .bind(code_hash)
            .bind(scopes.join(","))
            .bind(new.from)
            .bind(new.to)
            .bind(new.until)
            .bind(new.coaching)
            .bind(crate::now())
            .fetch_one(pool)
            .await
        })?;
        self.member_share(member, ShareId(id)).await?.ok_or(StoreError::NotFound)
    }

    /// Hands the share with this code to `clinician`, once: a used, revoked or ended code,
    /// or the member's own, is `NotFound` (the clinician learns nothing about which).
    pub async fn redeem_share(&self, clinician: UserId, code_hash: &str, today: NaiveDate) -> Result<Share> {
        let id: Option<i64> = on_db!(self, |pool| {
            sqlx::query_scalar(
                "UPDATE shares SET clinician_id = $1, redeemed_at = $2
                 WHERE code_hash = $3 AND redeemed_at IS NULL AND revoked_at IS NULL AND until >= $4
                   AND member_id <> $1
                   AND EXISTS (SELECT 1 FROM clinicians WHERE user_id = $1)
                 RETURNING id",
            )
            .bind(clinician.0)
            .bind(crate::now())
            .bind(code_hash)
            .bind(today)
            .fetch_optional(pool)
            .await
        })?;
        let id = id.ok_or(StoreError::NotFound)?;
        self.clinician_share(clinician, ShareId(id), today).await?.ok_or(StoreError::NotFound)
    }

    /// One of the member's own shares.
    pub async fn member_share(&self, member: UserId, id: ShareId) -> Result<Option<Share>> {
        let sql = format!("{SHARE_SELECT} WHERE s.member_id = $1 AND s.id = $2");
        let row: Option<ShareRow> =
            on_db!(self, |pool| sqlx::query_as(&sql).bind(member.0).bind(id.0).fetch_optional(pool).await)?;
        Ok(row.map(share_from))
    }

    /// The member's shares, newest first.
    pub async fn member_shares(&self, member: UserId) -> Result<Vec<Share>> {
        let sql = format!("{SHARE_SELECT} WHERE s.member_id = $1 ORDER BY s.id DESC");
        let rows: Vec<ShareRow> =
            on_db!(self, |pool| sqlx::query_as(&sql).bind(member.0).fetch_all(pool).await)?;
        Ok(rows.into_iter().map(share_from).collect())
    }

    /// Stops a share at once. `NotFound` if it is not the member's.
    pub async fn revoke_share(&self, member: UserId, id: ShareId) -> Result<()> {
        let done = on_db!(self, |pool| {
            sqlx::query(
                "UPDATE shares SET revoked_at = COALESCE(revoked_at, $1) WHERE id = $2 AND member_id = $3",
            )
            .bind(crate::now())
            .bind(id.0)
            .bind(member.0)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
        })?;
        if done == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    /// A share the clinician may see today: theirs, still a clinician, not revoked, not ended.
    pub async fn clinician_share(
        &self,
        clinician: UserId,
        id: ShareId,
        today: NaiveDate,
    ) -> Result<Option<Share>> {
        let sql = format!(
            "{SHARE_SELECT} WHERE s.id = $1 AND s.clinician_id = $2 AND s.revoked_at IS NULL AND s.until >= $3
               AND EXISTS (SELECT 1 FROM clinicians WHERE user_id = $2)"
        );
        let row: Option<ShareRow> = on_db!(self, |pool| sqlx::query_as(&sql)
            .bind(id.0)
            .bind(clinician.0)
            .bind(today)
            .fetch_optional(pool)
            .await)?;
        Ok(row.map(share_from))
    }

    /// The shares a clinician may see today, by member.
    pub async fn clinician_shares(&self, clinician: UserId, today: NaiveDate) -> Result<Vec<Share>> {
        let sql = format!(
            "{SHARE_SELECT} WHERE s.clinician_id = $1 AND s.revoked_at IS NULL AND s.until >= $2
               AND EXISTS (SELECT 1 FROM clinicians WHERE user_id = $1) ORDER BY m.handle, s.id"
        );
        let rows: Vec<ShareRow> =
            on_db!(self, |pool| sqlx::query_as(&sql).bind(clinician.0).bind(today).fetch_all(pool).await)?;
        Ok(rows.into_iter().map(share_from).collect())
    }

    /// Writes one view to the member's access log.
    pub async fn log_share_view(
        &self,
        share: &Share,
        clinician: UserId,
        handle: &str,
        what: &str,
    ) -> Result<()> {
        on_db!(self, |pool| {
            sqlx::query(
                "INSERT INTO share_views (member_id, share_id, clinician_id, clinician, what, viewed_at)
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(share.member_id.0)
            .bind(share.id.0)
            .bind(clinician.0)
            .bind(handle)
            .bind(what)
            .bind(crate::now())
            .execute(pool)
            .await
            .map(|_| ())
        })?;
        Ok(())
    }

    /// The member's access log, newest first (at most `limit` lines).
    pub async fn share_views(&self, member: UserId, limit: i64) -> Result<Vec<ShareView>> {
        let rows: Vec<(String, String, DateTime<Utc>)> = on_db!(self, |pool| {
            sqlx::query_as(
                "SELECT clinician, what, viewed_at FROM share_views WHERE member_id = $1
                 ORDER BY viewed_at DESC, id DESC LIMIT $2",
            )
            .bind(member.0)
            .bind(limit)
            .fetch_all(pool)
            .await
        })?;
        Ok(rows.into_iter().map(|(clinician, what, at)| ShareView { clinician, what, at }).collect())
    }
}
