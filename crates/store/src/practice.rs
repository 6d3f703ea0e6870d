//! Practising a skill from the library logs it in the diary, so the agency engine can tell
//! whether it goes with better days.

use crate::{on_db, CheckIn, Result, Store, StoreError, UserId};
use chrono::NaiveDate;

/// Inside the write transaction `$tx`: tags (`$on`) or untags the member's strategy `$key` (its
/// `name_key`) on `$day`'s check-in. The strategy is created first if the member has none by
/// that key (`$create`: its name and category). Tagging a day with no check-in creates an empty
/// one. A change bumps an existing check-in's version, so a form still open on the old version
/// cannot silently undo it, and the member's diary revision. Shared by skills practised and
/// goal steps, so both tag a day the same way.
macro_rules! set_day_tag {
    ($tx:ident, $user:expr, $key:expr, $create:expr, $day:expr, $on:expr, $now:expr) => {{
        if let Some((name, category)) = $create {
            sqlx::query(
                "INSERT INTO strategies (user_id, name, name_key, category, tracked_from, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (user_id, name_key) DO NOTHING",
            )
            .bind($user.0)
            .bind(name)
            .bind($key)
            .bind(category)
            .bind($day)
            .bind($now)
            .execute(&mut *$tx)
            .await?;
        }
        let strategy: i64 =
            sqlx::query_scalar("SELECT id FROM strategies WHERE user_id = $1 AND name_key = $2")
                .bind($user.0)
                .bind($key)
                .fetch_one(&mut *$tx)
                .await?;
        let existing: Option<i64> =
            sqlx::query_scalar("SELECT id FROM checkins WHERE user_id = $1 AND day = $2")
                .bind($user.0)
                .bind($day)
                .fetch_optional(&mut *$tx)
                .await?;
        let checkin: Option<i64> = match (existing, $on) {
            (Some(id), _) => Some(id),
            (None, true) => Some(
                sqlx::query_scalar(
                    "INSERT INTO checkins (user_id, day, version, created_at, updated_at)
                     VALUES ($1, $2, 1, $3, $3) RETURNING id",
                )
                .bind($user.0)
                .bind($day)
                .bind($now)
                .fetch_one(&mut *$tx)
                .await?,
            ),
            (None, false) => None,
        };
        if let Some(checkin) = checkin {
            let changed = if $on {
                sqlx::query(
                    "INSERT INTO checkin_strategies (checkin_id, strategy_id) VALUES ($1, $2)
                     ON CONFLICT (checkin_id, strategy_id) DO NOTHING",
                )
            } else {
                sqlx::query("DELETE FROM checkin_strategies WHERE checkin_id = $1 AND strategy_id = $2")
            }
            .bind(checkin)
            .bind(strategy)
            .execute(&mut *$tx)
            .await?
            .rows_affected();
            if changed == 1 {
                if existing.is_some() {
                    sqlx::query("UPDATE checkins SET version = version + 1, updated_at = $1 WHERE id = $2")
                        .bind($now)
                        .bind(checkin)
                        .execute(&mut *$tx)
                        .await?;
                }
                sqlx::query($crate::diary::BUMP_REVISION).bind($user.0).execute(&mut *$tx).await?;
            }
        }
    }};
}
pub(crate) use set_day_tag;

impl Store {
    /// Records that the member practised the skill `slug` on `day`: the skill becomes one of
    /// their strategies (created on first use, named `title`, category "skill") and is
    /// tagged on that day's check-in, which is created, empty otherwise, if the day has none.
    /// Logging the same skill twice on one day changes nothing. Tagging an existing check-in
    /// bumps its version, so a form still open on the old version cannot silently drop it.
    pub async fn log_skill(&self, user: UserId, slug: &str, title: &str, day: NaiveDate) -> Result<CheckIn> {
        self.tag_day(user, &format!("skill:{slug}"), Some((title, "skill")), day).await
    }

    /// Tags the member's strategy `key` (its `name_key`) on `day`'s check-in, creating the
    /// check-in if the day has none, and the strategy (`create`: its name and category) if the
    /// member has none by that key. Tagging twice changes nothing.
    pub(crate) async fn tag_day(
        &self,
        user: UserId,
        key: &str,
        create: Option<(&str, &str)>,
        day: NaiveDate,
    ) -> Result<CheckIn> {
        let now = crate::now();
        let begin = self.begin_write();
        let _turn = self.write_turn().await;
        on_db!(self, |pool| {
            let mut tx = pool.begin_with(begin).await?;
            set_day_tag!(tx, user, key, create, day, true, now);
            tx.commit().await?;
            Ok::<_, StoreError>(())
        })?;
        self.checkin(user, day).await?.ok_or(StoreError::NotFound)
    }
}
