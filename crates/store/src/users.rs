//! Accounts.

use crate::{on_db, Conflict, Result, Store, StoreError};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use foothold_core::account::{Email, Handle, Role};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UserId(pub i64);

/// An account as the rest of the program sees it. The e-mail address and password hash are
/// deliberately not part of it, so they cannot travel into a page or a log by accident.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    pub id: UserId,
    pub handle: String,
    pub role: Role,
    /// The member's chosen interface language (a BCP 47 tag), if any.
    pub locale: Option<String>,
    pub created_at: DateTime<Utc>,
    /// Notifications not yet read (kept in the row, so every page can show the count).
    pub unread: i64,
    /// The member's time zone, for the times pages show them and where their today is.
    pub time_zone: Tz,
}

pub struct NewUser<'a> {
    pub handle: &'a Handle,
    /// An Argon2id PHC string; hashing is the caller's job so the store never sees passwords.
    pub password_hash: &'a str,
    pub email: Option<&'a Email>,
    pub role: Role,
    pub created_at: DateTime<Utc>,
}

pub(crate) type UserRow = (i64, String, String, Option<String>, DateTime<Utc>, i64, String);
pub(crate) const USER_COLUMNS: &str = "u.id, u.handle, u.role, u.locale, u.created_at, u.unread, u.time_zone";

pub(crate) fn user_from_row(
    (id, handle, role, locale, created_at, unread, time_zone): UserRow,
) -> Result<User> {
    let role = Role::parse(&role).map_err(|_| StoreError::Corrupt("users.role"))?;
    let time_zone = zone(&time_zone)?;
    Ok(User { id: UserId(id), handle, role, locale, created_at, unread, time_zone })
}

/// A stored time zone: every one was checked when it was saved (`Store::set_time_zone`
/// takes a parsed zone), so one that does not parse is a damaged row, not UTC.
pub(crate) fn zone(name: &str) -> Result<Tz> {
    name.parse().map_err(|_| StoreError::Corrupt("users.time_zone"))
}

impl Store {
    /// Creates an account; `Conflict(Handle)` if the handle is taken in any
    /// letter case.
    pub async fn create_user(&self, new: NewUser<'_>) -> Result<User> {
        let id: i64 = on_db!(self, |pool| {
            sqlx::query_scalar(
                "INSERT INTO users (handle, handle_key, password_hash, email, role, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            )
            .bind(new.handle.as_str())
            .bind(new.handle.key())
            .bind(new.password_hash)
            .bind(new.email.map(Email::as_str))
            .bind(new.role.as_str())
            .bind(new.created_at)
            .fetch_one(pool)
            .await
        })
        .map_err(StoreError::unique(Conflict::Handle))?;
        self.user(UserId(id)).await
    }

    pub async fn user(&self, id: UserId) -> Result<User> {
        let row: UserRow = on_db!(self, |pool| {
            sqlx::query_as(&format!("SELECT {USER_COLUMNS} FROM users u WHERE u.id = $1"))
                .bind(id.0)
                .fetch_one(pool)
                .await
        })?;
        user_from_row(row)
    }

    pub async fn user_by_handle(&self, handle: &Handle) -> Result<User> {
        let row: UserRow = on_db!(self, |pool| {
            sqlx::query_as(&format!("SELECT {USER_COLUMNS} FROM users u WHERE u.handle_key = $1"))
                .bind(handle.key())
                .fetch_one(pool)
                .await
        })?;
        user_from_row(row)
    }

    /// The stored password hash of an account, for verifying a password.
    pub async fn password_hash(&self, id: UserId) -> Result<String> {
        let hash = on_db!(self, |pool| {
            sqlx::query_scalar("SELECT password_hash FROM users WHERE id = $1")
                .bind(id.0)
                .fetch_one(pool)
                .await
        })?;
        Ok(hash)
    }

    pub async fn set_password_hash(&self, id: UserId, password_hash: &str) -> Result<()> {
        let done = on_db!(self, |pool| {
            sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
                .bind(password_hash)
                .bind(id.0)
                .execute(pool)
                .await
                .map(|r| r.rows_affected())
        })?;
        self.sessions.forget_user(id);
        expect_one(done)
    }

    pub async fn set_role(&self, id: UserId, role: Role) -> Result<()> {
        let done = on_db!(self, |pool| {
            sqlx::query("UPDATE users SET role = $1 WHERE id = $2")
                .bind(role.as_str())
                .bind(id.0)
                .execute(pool)
                .await
                .map(|r| r.rows_affected())
        })?;
        self.sessions.forget_user(id);
        expect_one(done)
    }

    pub async fn set_locale(&self, id: UserId, locale: Option<&str>) -> Result<()> {
        let done = on_db!(self, |pool| {
            sqlx::query("UPDATE users SET locale = $1 WHERE id = $2")
                .bind(locale)
                .bind(id.0)
                .execute(pool)
                .await
                .map(|r| r.rows_affected())
        })?;
        self.sessions.forget_user(id);
        expect_one(done)
    }

    /// The member's contact address, if they gave one.
    pub async fn email(&self, id: UserId) -> Result<Option<String>> {
        let email = on_db!(self, |pool| {
            sqlx::query_scalar("SELECT email FROM users WHERE id = $1").bind(id.0).fetch_one(pool).await
        })?;
        Ok(email)
    }

    /// Deletes the account and, through `ON DELETE CASCADE`, everything that belongs to it.
    /// Every table that holds a member's data must reference `users` that way; the store test
    /// `deleting_a_user_leaves_no_row_behind` checks it table by table.
    /// Deletes an account and everything that is theirs. Their posts go with it, so the
    /// counters of the threads and groups they were in are lowered in the same transaction.
    pub async fn delete_user(&self, id: UserId) -> Result<()> {
        let begin = self.begin_write();
        let _turn = self.write_turn().await;
        let done = on_db!(self, |pool| {
            let mut tx = pool.begin_with(begin).await?;
            sqlx::query(
                "UPDATE threads SET posts = posts -
                    (SELECT COUNT(*) FROM posts p WHERE p.thread_id = threads.id AND p.author_id = $1)
                 WHERE id IN (SELECT thread_id FROM posts WHERE author_id = $1)",
            )
            .bind(id.0)
            .execute(&mut *tx)
            .await?;
            sqlx::query(
                "UPDATE groups SET members = members - 1
                 WHERE id IN (SELECT group_id FROM group_members WHERE user_id = $1 AND standing = 'active')",
            )
            .bind(id.0)
            .execute(&mut *tx)
            .await?;
            // A hack goes with its author, discussion and all: its opening post (how to do
            // it) is theirs and goes anyway.
            sqlx::query("DELETE FROM threads WHERE author_id = $1 AND id IN (SELECT thread_id FROM hacks)")
                .bind(id.0)
                .execute(&mut *tx)
                .await?;
            let shared: Vec<crate::ThreadId> =
                sqlx::query_scalar("SELECT DISTINCT hack_id FROM hack_results WHERE user_id = $1")
                    .bind(id.0)
                    .fetch_all(&mut *tx)
                    .await?;
            // Places they had in sessions go to whoever waits first, as if they had said no.
            let places: Vec<i64> = sqlx::query_scalar(
                "SELECT session_id FROM session_rsvps WHERE user_id = $1 AND status = 'going'",
            )
            .bind(id.0)
            .fetch_all(&mut *tx)
            .await?;
            sqlx::query("DELETE FROM session_rsvps WHERE user_id = $1").bind(id.0).execute(&mut *tx).await?;
            for session in places {
                let _: Option<i64> = sqlx::query_scalar(crate::group_sessions::PROMOTE_FIRST_WAITING)
                    .bind(session)
                    .fetch_optional(&mut *tx)
                    .await?;
            }
            // Failed-login counters name the handle (`login:account:<handle>:<address>`): they
            // go too, so the handle is nowhere once the account is gone.
            let handle: Option<String> = sqlx::query_scalar("SELECT handle FROM users WHERE id = $1")
                .bind(id.0)
                .fetch_optional(&mut *tx)
                .await?;
            if let Some(handle) = handle {
                let prefix = format!("login:account:{}:", handle.to_ascii_lowercase());
                sqlx::query("DELETE FROM rate_limits WHERE substr(key, 1, $1) = $2")
                    .bind(i32::try_from(prefix.chars().count()).unwrap_or(i32::MAX))
                    .bind(&prefix)
                    .execute(&mut *tx)
                    .await?;
            }
            let done = sqlx::query("DELETE FROM users WHERE id = $1")
                .bind(id.0)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            // Their shared results went with them: no aggregate may still count them.
            crate::hacks::repool_all(&mut crate::batch::Conn::from(&mut *tx), &shared).await?;
            tx.commit().await?;
            Ok::<_, StoreError>(done)
        })?;
        self.sessions.forget_user(id);
        expect_one(done)
    }

    /// Moves an account's creation back in time: tests of what older accounts may do.
    #[cfg(any(test, feature = "testing"))]
    pub async fn backdate_user(&self, id: UserId, by: chrono::Duration) -> Result<()> {
        let done = on_db!(self, |pool| {
            sqlx::query("UPDATE users SET created_at = $1 WHERE id = $2")
                .bind(crate::now() - by)
                .bind(id.0)
                .execute(pool)
                .await
                .map(|r| r.rows_affected())
        })?;
        expect_one(done)
    }

    pub async fn count_users(&self) -> Result<i64> {
        let n =
            on_db!(self, |pool| { sqlx::query_scalar("SELECT COUNT(*) FROM users").fetch_one(pool).await })?;
        Ok(n)
    }
}

pub(crate) fn expect_one(rows: u64) -> Result<()> {
    if rows == 0 {
        Err(StoreError::NotFound)
    } else {
        Ok(())
    }
}
