//! The diary: strategies and daily check-ins.

use crate::batch::Save;
use crate::{on_db, Conflict, Result, Store, StoreError, UserId};
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use foothold_core::checkin::{Ratings, Score};
use foothold_core::strategy::{Category, StrategyId, BUILT_IN};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Strategy {
    pub id: StrategyId,
    /// For built-in strategies: the key of their translated name.
    pub builtin_key: Option<String>,
    /// For the member's own strategies: the name they gave it.
    pub name: Option<String>,
    pub category: Category,
    pub archived: bool,
    pub tracked_from: NaiveDate,
    /// On how many days the member tagged it.
    pub uses: i64,
}

/// See [`Store::checkin_setup`].
#[derive(Debug, Clone, PartialEq)]
pub struct CheckinSetup {
    pub time_zone: Tz,
    /// What the check-in asks, as stored (`core::checkin::items_from_stored`); `None`: never chosen.
    pub items: Option<String>,
    pub diary_revision: i64,
    /// Whether the day asked about has a check-in.
    pub day_saved: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CheckIn {
    pub day: NaiveDate,
    pub ratings: Ratings,
    pub note: Option<String>,
    /// The member marked the day as a flare.
    pub flare: bool,
    /// Ids of the strategies tagged that day, ascending.
    pub strategies: Vec<StrategyId>,
    /// Bumped on every change; a save must name the version it edited (optimistic
    /// concurrency), so a stale form can never overwrite newer data.
    pub version: i64,
    pub updated_at: DateTime<Utc>,
}

/// What a member saves for a day.
pub struct CheckInWrite<'a> {
    pub day: NaiveDate,
    pub ratings: Ratings,
    pub note: Option<&'a str>,
    pub flare: bool,
    pub strategies: &'a [StrategyId],
    /// `None` for a day without a check-in yet; otherwise the version the form showed.
    pub expected_version: Option<i64>,
}

type StrategyRow = (i64, Option<String>, Option<String>, String, bool, NaiveDate, i64);
type CheckInRow = (
    i64,
    NaiveDate,
    Option<i16>,
    Option<i16>,
    Option<i16>,
    Option<i16>,
    Option<i16>,
    Option<i16>,
    Option<i16>,
    Option<String>,
    bool,
    i64,
    DateTime<Utc>,
);

const CHECKIN_COLUMNS: &str = "id, day, pain, peg_pain, peg_enjoyment, peg_activity, mood, sleep, control, \
     note, flare, version, updated_at";

fn score(v: Option<i16>) -> Result<Option<Score>> {
    v.map(|v| Score::new(i64::from(v)).ok_or(StoreError::Corrupt("checkins score"))).transpose()
}

pub(crate) fn to_db(s: Option<Score>) -> Option<i16> {
    s.map(|s| i16::from(s.value()))
}

fn checkin_from_row(row: CheckInRow, strategies: Vec<StrategyId>) -> Result<(i64, CheckIn)> {
    let (
        id,
        day,
        pain,
        peg_pain,
        peg_enjoyment,
        peg_activity,
        mood,
        sleep,
        control,
        note,
        flare,
        version,
        updated_at,
    ) = row;
    let ratings = Ratings {
        pain: score(pain)?,
        peg_pain: score(peg_pain)?,
        peg_enjoyment: score(peg_enjoyment)?,
        peg_activity: score(peg_activity)?,
        mood: score(mood)?,
        sleep: score(sleep)?,
        control: score(control)?,
    };
    Ok((id, CheckIn { day, ratings, note, flare, strategies, version, updated_at }))
}

impl Store {
    /// Gives a member the built-in strategies they do not have yet. Idempotent.
    pub async fn ensure_builtin_strategies(&self, user: UserId, today: NaiveDate) -> Result<()> {
        // Usually they are all there: one read then, instead of a write per built-in on every
        // check-in page (each would take SQLite's write lock, even when it inserts nothing).
        let have: i64 = on_db!(self, |pool| {
            sqlx::query_scalar(
                "SELECT COUNT(*) FROM strategies WHERE user_id = $1 AND builtin_key IS NOT NULL",
            )
            .bind(user.0)
            .fetch_one(pool)
            .await
        })?;
        if usize::try_from(have).is_ok_and(|n| n >= BUILT_IN.len()) {
            return Ok(());
        }
        for b in BUILT_IN {
            on_db!(self, |pool| {
                sqlx::query(
                    "INSERT INTO strategies (user_id, builtin_key, name_key, category, tracked_from, created_at)
                     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (user_id, name_key) DO NOTHING",
                )
                .bind(user.0)
                .bind(b.key)
                .bind(format!("builtin:{}", b.key))
                .bind(b.category.as_str())
                .bind(today)
                .bind(crate::now())
                .execute(pool)
                .await
                .map(|r| r.rows_affected())
            })?;
        }
        Ok(())
    }

    /// A member's own new strategy; `Conflict(StrategyName)` if they have one by that name.
    pub async fn create_strategy(&self, user: UserId, name: &str, today: NaiveDate) -> Result<Strategy> {
        let id: i64 = on_db!(self, |pool| {
            sqlx::query_scalar(
                "INSERT INTO strategies (user_id, name, name_key, category, tracked_from, created_at)
                 VALUES ($1, $2, $3, 'own', $4, $5) RETURNING id",
            )
            .bind(user.0)
            .bind(name)
            .bind(name.to_lowercase())
            .bind(today)
            .bind(crate::now())
            .fetch_one(pool)
            .await
        })
        .map_err(StoreError::unique(Conflict::StrategyName))?;
        Ok(Strategy {
            id: StrategyId(id),
            builtin_key: None,
            name: Some(name.to_owned()),
            category: Category::Own,
            archived: false,
            tracked_from: today,
            uses: 0,
        })
    }

    /// A member's strategies, most used first (so the likeliest taps come first).
    pub async fn strategies(&self, user: UserId) -> Result<Vec<Strategy>> {
        let rows: Vec<StrategyRow> = on_db!(self, |pool| {
            sqlx::query_as(
                "SELECT s.id, s.builtin_key, s.name, s.category, s.archived, s.tracked_from,
                        (SELECT COUNT(*) FROM checkin_strategies cs WHERE cs.strategy_id = s.id)
                 FROM strategies s WHERE s.user_id = $1
                 ORDER BY 7 DESC, s.id",
            )
            .bind(user.0)
            .fetch_all(pool)
            .await
        })?;
        rows.into_iter()
            .map(|(id, builtin_key, name, category, archived, tracked_from, uses)| {
                let category =
                    Category::parse(&category).ok_or(StoreError::Corrupt("strategies.category"))?;
                Ok(Strategy { id: StrategyId(id), builtin_key, name, category, archived, tracked_from, uses })
            })
            .collect()
    }

    /// The check-in of one day, if there is one.
    pub async fn checkin(&self, user: UserId, day: NaiveDate) -> Result<Option<CheckIn>> {
        Ok(self.checkins(user, day, day).await?.into_iter().next())
    }

    /// Check-ins from `from` to `to` inclusive, oldest first.
    pub async fn checkins(&self, user: UserId, from: NaiveDate, to: NaiveDate) -> Result<Vec<CheckIn>> {
        let (rows, tags): (Vec<CheckInRow>, Vec<(i64, i64)>) = on_db!(self, |pool| {
            let rows = sqlx::query_as(&format!(
                "SELECT {CHECKIN_COLUMNS} FROM checkins
                 WHERE user_id = $1 AND day BETWEEN $2 AND $3 ORDER BY day"
            ))
            .bind(user.0)
            .bind(from)
            .bind(to)
            .fetch_all(pool)
            .await?;
            let tags = sqlx::query_as(
                "SELECT cs.checkin_id, cs.strategy_id FROM checkin_strategies cs
                 JOIN checkins c ON c.id = cs.checkin_id
                 WHERE c.user_id = $1 AND c.day BETWEEN $2 AND $3
                 ORDER BY cs.checkin_id, cs.strategy_id",
            )
            .bind(user.0)
            .bind(from)
            .bind(to)
            .fetch_all(pool)
            .await?;
            Ok::<_, sqlx::Error>((rows, tags))
        })?;
        let mut by_checkin: std::collections::HashMap<i64, Vec<StrategyId>> =
            std::collections::HashMap::new();
        for (checkin, strategy) in tags {
            by_checkin.entry(checkin).or_default().push(StrategyId(strategy));
        }
        rows.into_iter()
            .map(|row| {
                let id = row.0;
                checkin_from_row(row, by_checkin.remove(&id).unwrap_or_default()).map(|(_, c)| c)
            })
            .collect()
    }

    /// Saves the check-in of a day: creates it, or updates it if the caller edited the
    /// current version. Errors, with nothing changed: `Stale` if someone saved the day
    /// since the form was loaded; `UnknownReference` if a strategy id is not one of the
    /// member's. The save is committed together with other members' saves queued at the
    /// same moment (group commit, `writer.rs`) and returns once that commit is durable.
    pub async fn save_checkin(&self, user: UserId, write: &CheckInWrite<'_>) -> Result<CheckIn> {
        let mut strategies: Vec<StrategyId> = write.strategies.to_vec();
        strategies.sort_unstable();
        strategies.dedup();
        let note = write.note.map(str::to_owned);
        let save = Save {
            user: user.0,
            day: write.day,
            ratings: write.ratings,
            note: note.clone(),
            flare: write.flare,
            strategies: strategies.iter().map(|s| s.0).collect(),
            expected_version: write.expected_version,
        };
        let saved = self.commits.save(save).await?;
        // Built from what was written rather than read back: two queries fewer per save.
        Ok(CheckIn {
            day: write.day,
            ratings: write.ratings,
            note,
            flare: write.flare,
            strategies,
            version: saved.version,
            updated_at: saved.updated_at,
        })
    }

    /// Deletes a day's check-in if it is still at `expected_version`.
    pub async fn delete_checkin(&self, user: UserId, day: NaiveDate, expected_version: i64) -> Result<()> {
        let deleted = on_db!(self, |pool| {
            sqlx::query("DELETE FROM checkins WHERE user_id = $1 AND day = $2 AND version = $3")
                .bind(user.0)
                .bind(day)
                .bind(expected_version)
                .execute(pool)
                .await
                .map(|r| r.rows_affected())
        })?;
        if deleted == 1 {
            // After the delete, never before: a reader that sees the new revision must also
            // see the new data (an extra bump only costs a recomputation).
            on_db!(self, |pool| sqlx::query(BUMP_REVISION).bind(user.0).execute(pool).await.map(|_| ()))?;
            return Ok(());
        }
        match self.checkin(user, day).await? {
            Some(_) => Err(StoreError::Stale),
            None => Err(StoreError::NotFound),
        }
    }

    /// A number that changes whenever the member's diary (check-ins or strategies) changes:
    /// what cached analyses are keyed by.
    pub async fn diary_revision(&self, user: UserId) -> Result<i64> {
        let revision = on_db!(self, |pool| {
            sqlx::query_scalar("SELECT diary_revision FROM users WHERE id = $1")
                .bind(user.0)
                .fetch_optional(pool)
                .await
        })?;
        revision.ok_or(StoreError::NotFound)
    }

    /// The member's time zone.
    pub async fn time_zone(&self, user: UserId) -> Result<Tz> {
        let name: String = on_db!(self, |pool| {
            sqlx::query_scalar("SELECT time_zone FROM users WHERE id = $1").bind(user.0).fetch_one(pool).await
        })?;
        crate::users::zone(&name)
    }

    /// The member's first diary day, if they have one (where the calendar stops going back).
    pub async fn first_checkin_day(&self, user: UserId) -> Result<Option<NaiveDate>> {
        let day = on_db!(self, |pool| {
            sqlx::query_scalar("SELECT MIN(day) FROM checkins WHERE user_id = $1")
                .bind(user.0)
                .fetch_one(pool)
                .await
        })?;
        Ok(day)
    }

    /// The member's time zone, the check-in items they chose, their diary revision and
    /// whether `day` has a check-in, in one read, for the check-in and home pages.
    pub async fn checkin_setup(&self, user: UserId, day: NaiveDate) -> Result<CheckinSetup> {
        let row: Option<(String, Option<String>, i64, bool)> = on_db!(self, |pool| {
            sqlx::query_as(
                "SELECT time_zone, checkin_items, diary_revision,
                        EXISTS (SELECT 1 FROM checkins WHERE user_id = $1 AND day = $2)
                 FROM users WHERE id = $1",
            )
            .bind(user.0)
            .bind(day)
            .fetch_optional(pool)
            .await
        })?;
        let (time_zone, items, diary_revision, day_saved) = row.ok_or(StoreError::NotFound)?;
        Ok(CheckinSetup { time_zone: crate::users::zone(&time_zone)?, items, diary_revision, day_saved })
    }

    pub async fn set_checkin_items(&self, user: UserId, items: &str) -> Result<()> {
        let done = on_db!(self, |pool| {
            sqlx::query("UPDATE users SET checkin_items = $1 WHERE id = $2")
                .bind(items)
                .bind(user.0)
                .execute(pool)
                .await
                .map(|r| r.rows_affected())
        })?;
        crate::users::expect_one(done)
    }

    /// Parsed by the caller, so a name that is not a time zone cannot be stored.
    pub async fn set_time_zone(&self, user: UserId, time_zone: Tz) -> Result<()> {
        let done = on_db!(self, |pool| {
            sqlx::query("UPDATE users SET time_zone = $1 WHERE id = $2")
                .bind(time_zone.name())
                .bind(user.0)
                .execute(pool)
                .await
                .map(|r| r.rows_affected())
        })?;
        // Pages show times in the zone carried by the cached session: drop the old one.
        self.sessions.forget_user(user);
        crate::users::expect_one(done)
    }
}

/// Marks the member's diary as changed (see [`Store::diary_revision`]); bind the user id.
pub(crate) const BUMP_REVISION: &str = "UPDATE users SET diary_revision = diary_revision + 1 WHERE id = $1";
