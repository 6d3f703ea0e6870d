//! Reminders and their queue. Each reminder has one row in `reminder_jobs`: its next
//! occurrence. An app server claims due rows for a lease, decides and sends, then moves each
//! row on to its next occurrence (`complete_reminders`) only if its claim still holds — so two
//! servers never send the same occurrence, and one that dies leaves its claims to expire.

use crate::{on_db, Result, Store, StoreError, UserId};
use chrono::{DateTime, Duration, NaiveTime, SubsecRound, Utc};
use chrono_tz::Tz;
use foothold_core::reminder::{Kind, Quiet};

/// A due reminder claimed by this server, with what deciding and sending it needs.
#[derive(Debug, Clone, PartialEq)]
pub struct Claimed {
    pub id: i64,
    pub user: UserId,
    pub kind: Kind,
    pub due_at: DateTime<Utc>,
    /// The local time the member chose.
    pub at: NaiveTime,
    pub time_zone: Tz,
    pub quiet: Option<Quiet>,
    /// The member's address, only once they confirmed it.
    pub email: Option<String>,
    pub locale: Option<String>,
    /// Names the reminder in its "turn this off" link.
    pub token: String,
}

/// What became of a claimed reminder: its next occurrence, and whether it was sent (rather
/// than skipped, because there was nothing to do or no way to send).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Done {
    pub id: i64,
    pub next: DateTime<Utc>,
    pub sent: bool,
}

fn time(s: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(s, "%H:%M").ok()
}

fn hhmm(t: NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

fn quiet_of(from: Option<String>, until: Option<String>) -> Option<Quiet> {
    Some(Quiet { from: time(from.as_deref()?)?, until: time(until.as_deref()?)? })
}

type ClaimedRow = (
    i64,
    i64,
    String,
    DateTime<Utc>,
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    String,
);

impl Store {
    /// The member's reminders: kind and local time.
    pub async fn reminders(&self, user: UserId) -> Result<Vec<(Kind, NaiveTime)>> {
        let rows: Vec<(String, String)> = on_db!(self, |pool| {
            sqlx::query_as("SELECT kind, at FROM reminders WHERE user_id = $1 ORDER BY kind")
                .bind(user.0)
                .fetch_all(pool)
                .await
        })?;
        rows.into_iter()
            .map(|(k, at)| match (Kind::parse(&k), time(&at)) {
                (Some(k), Some(at)) => Ok((k, at)),
                _ => Err(StoreError::Corrupt("reminders")),
            })
            .collect()
    }

    /// When the member's next reminder of `kind` is due, if they have one.
    pub async fn reminder_due(&self, user: UserId, kind: Kind) -> Result<Option<DateTime<Utc>>> {
        Ok(on_db!(self, |pool| {
            sqlx::query_scalar("SELECT due_at FROM reminder_jobs WHERE user_id = $1 AND kind = $2")
                .bind(user.0)
                .bind(kind.as_str())
                .fetch_optional(pool)
                .await
        })?)
    }

    /// Sets a reminder at local `at`, first due at `due` (`None` for `at` removes it). A new
    /// reminder is named by `token` in its links; changing the time keeps the first token.
    pub async fn set_reminder(
        &self,
        user: UserId,
        kind: Kind,
        at: Option<NaiveTime>,
        due: DateTime<Utc>,
        token: &str,
    ) -> Result<()> {
        let begin = self.begin_write();
        let _turn = self.write_turn().await;
        on_db!(self, |pool| {
            let mut tx = pool.begin_with(begin).await?;
            match at {
                Some(at) => {
                    sqlx::query(
                        "INSERT INTO reminders (user_id, kind, at, token) VALUES ($1, $2, $3, $4)
                         ON CONFLICT (user_id, kind) DO UPDATE SET at = excluded.at",
                    )
                    .bind(user.0)
                    .bind(kind.as_str())
                    .bind(hhmm(at))
                    .bind(token)
                    .execute(&mut *tx)
                    .await?;
                    sqlx::query(
                        "INSERT INTO reminder_jobs (user_id, kind, due_at) VALUES ($1, $2, $3)
                         ON CONFLICT (user_id, kind) DO UPDATE SET due_at = excluded.due_at,
                             claimed_by = NULL, claimed_until = NULL",
                    )
                    .bind(user.0)
                    .bind(kind.as_str())
                    .bind(due.trunc_subsecs(0))
                    .execute(&mut *tx)
                    .await?;
                }
                None => {
                    for table in ["reminders", "reminder_jobs"] {
                        sqlx::query(&format!("DELETE FROM {table} WHERE user_id = $1 AND kind = $2"))
                            .bind(user.0)
                            .bind(kind.as_str())
                            .execute(&mut *tx)
                            .await?;
                    }
                }
            }
            tx.commit().await
        })?;
        Ok(())
    }

    /// Whose reminder, of what kind, a link's token names.
    pub async fn reminder_by_token(&self, token: &str) -> Result<Option<(UserId, Kind)>> {
        let row: Option<(i64, String)> = on_db!(self, |pool| {
            sqlx::query_as("SELECT user_id, kind FROM reminders WHERE token = $1")
                .bind(token)
                .fetch_optional(pool)
                .await
        })?;
        row.map(|(u, k)| Kind::parse(&k).map(|k| (UserId(u), k)).ok_or(StoreError::Corrupt("reminders.kind")))
            .transpose()
    }

    /// Puts the member's next reminder of `kind` off until `until` ("not now").
    pub async fn snooze_reminder(&self, user: UserId, kind: Kind, until: DateTime<Utc>) -> Result<()> {
        let changed = on_db!(self, |pool| {
            sqlx::query("UPDATE reminder_jobs SET due_at = $3 WHERE user_id = $1 AND kind = $2")
                .bind(user.0)
                .bind(kind.as_str())
                .bind(until.trunc_subsecs(0))
                .execute(pool)
                .await
                .map(|r| r.rows_affected())
        })?;
        if changed == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    pub async fn quiet_hours(&self, user: UserId) -> Result<Option<Quiet>> {
        let (from, until): (Option<String>, Option<String>) = on_db!(self, |pool| {
            sqlx::query_as("SELECT quiet_from, quiet_until FROM users WHERE id = $1")
                .bind(user.0)
                .fetch_one(pool)
                .await
        })?;
        Ok(quiet_of(from, until))
    }

    pub async fn set_quiet_hours(&self, user: UserId, quiet: Option<Quiet>) -> Result<()> {
        on_db!(self, |pool| {
            sqlx::query("UPDATE users SET quiet_from = $2, quiet_until = $3 WHERE id = $1")
                .bind(user.0)
                .bind(quiet.map(|q| hhmm(q.from)))
                .bind(quiet.map(|q| hhmm(q.until)))
                .execute(pool)
                .await
                .map(|_| ())
        })?;
        Ok(())
    }

    /// Claims up to `limit` reminders due at `now` for `server`, for `lease`: rows another
    /// server holds a live claim on are left alone.
    pub async fn claim_reminders(
        &self,
        server: &str,
        now: DateTime<Utc>,
        lease: Duration,
        limit: u32,
    ) -> Result<Vec<Claimed>> {
        // Whole seconds throughout: SQLite compares instants as text.
        let now = now.trunc_subsecs(0);
        let until = now + lease;
        let claim = match self.backend() {
            crate::Backend::Sqlite => {
                "UPDATE reminder_jobs SET claimed_by = $1, claimed_until = $2 WHERE id IN (
                     SELECT id FROM reminder_jobs WHERE due_at <= $3 AND (claimed_until IS NULL OR claimed_until < $3)
                     ORDER BY due_at LIMIT $4)"
            }
            crate::Backend::Postgres => {
                "UPDATE reminder_jobs SET claimed_by = $1, claimed_until = $2 WHERE id IN (
                     SELECT id FROM reminder_jobs WHERE due_at <= $3 AND (claimed_until IS NULL OR claimed_until < $3)
                     ORDER BY due_at LIMIT $4 FOR UPDATE SKIP LOCKED)"
            }
        };
        let claimed = {
            let _turn = self.write_turn().await;
            on_db!(self, |pool| {
                sqlx::query(claim)
                    .bind(server)
                    .bind(until)
                    .bind(now)
                    .bind(i64::from(limit))
                    .execute(pool)
                    .await
                    .map(|r| r.rows_affected())
            })?
        };
        if claimed == 0 {
            return Ok(Vec::new());
        }
        let rows: Vec<ClaimedRow> = on_db!(self, |pool| {
            sqlx::query_as(
                "SELECT j.id, j.user_id, j.kind, j.due_at, r.at, u.time_zone, u.quiet_from, u.quiet_until,
                        CASE WHEN u.email_verified_at IS NOT NULL THEN u.email END, u.locale, r.token
                 FROM reminder_jobs j
                 JOIN reminders r ON r.user_id = j.user_id AND r.kind = j.kind
                 JOIN users u ON u.id = j.user_id
                 WHERE j.claimed_by = $1 AND j.claimed_until = $2",
            )
            .bind(server)
            .bind(until)
            .fetch_all(pool)
            .await
        })?;
        rows.into_iter()
            .map(|(id, user, kind, due_at, at, time_zone, qf, qu, email, locale, token)| {
                let corrupt = || StoreError::Corrupt("reminder_jobs");
                Ok(Claimed {
                    id,
                    user: UserId(user),
                    kind: Kind::parse(&kind).ok_or_else(corrupt)?,
                    due_at,
                    at: time(&at).ok_or_else(corrupt)?,
                    time_zone: crate::users::zone(&time_zone)?,
                    quiet: quiet_of(qf, qu),
                    email,
                    locale,
                    token,
                })
            })
            .collect()
    }

    /// Moves claimed reminders on to their next occurrence, in one transaction; a row whose
    /// claim `server` no longer holds is left alone. Returns how many moved on.
    pub async fn complete_reminders(&self, server: &str, done: &[Done]) -> Result<u64> {
        if done.is_empty() {
            return Ok(0);
        }
        let begin = self.begin_write();
        let _turn = self.write_turn().await;
        let moved = on_db!(self, |pool| {
            let mut tx = pool.begin_with(begin).await?;
            let mut moved = 0;
            for d in done {
                moved += sqlx::query(
                    "UPDATE reminder_jobs SET due_at = $1, claimed_by = NULL, claimed_until = NULL,
                         sent = sent + $2
                     WHERE id = $3 AND claimed_by = $4",
                )
                .bind(d.next.trunc_subsecs(0))
                .bind(i64::from(d.sent))
                .bind(d.id)
                .bind(server)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            }
            tx.commit().await?;
            Ok::<_, sqlx::Error>(moved)
        })?;
        Ok(moved)
    }

    /// How many reminders of `kind` were sent to the member.
    pub async fn reminders_sent(&self, user: UserId, kind: Kind) -> Result<i64> {
        let sent: Option<i64> = on_db!(self, |pool| {
            sqlx::query_scalar("SELECT sent FROM reminder_jobs WHERE user_id = $1 AND kind = $2")
                .bind(user.0)
                .bind(kind.as_str())
                .fetch_optional(pool)
                .await
        })?;
        Ok(sent.unwrap_or(0))
    }
}
