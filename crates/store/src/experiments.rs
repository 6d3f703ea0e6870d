//! Personal experiments: the numbers a plan is rebuilt from, the changes made while it ran
//! (the audit trail), and the member's daily record of following it. Which changes are
//! allowed is decided by `foothold_core::experiment::Course`; the store keeps the rules that
//! need the database: the strategies are the member's own, experiments on one outcome never
//! overlap, and a change applies only to the version the member saw.

use crate::diary::BUMP_REVISION;
use crate::{on_db, Conflict, Result, Store, StoreError, UserId};
use chrono::{DateTime, NaiveDate, Utc};
use foothold_core::agency::Outcome;
use foothold_core::experiment::{Action, Event, ExperimentId};
use foothold_core::strategy::StrategyId;
use std::collections::BTreeMap;

/// What a plan is rebuilt from, with the last day it reaches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExperimentPlan {
    pub strategy_a: StrategyId,
    /// `None`: "without A".
    pub strategy_b: Option<StrategyId>,
    pub outcome: Outcome,
    pub period_days: u32,
    pub pairs: u32,
    pub washout_days: u32,
    pub seed: u64,
    pub start: NaiveDate,
    /// The plan's last day, or the day it was stopped.
    pub end: NaiveDate,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Experiment {
    pub id: ExperimentId,
    pub plan: ExperimentPlan,
    /// Kept as "proven for me" on the insights page.
    pub kept: bool,
    /// Bumped on every change; changes name the version they were made on.
    pub version: i64,
    pub created_at: DateTime<Utc>,
    /// Oldest first.
    pub events: Vec<Event>,
    /// Days on which the member said whether they followed the plan.
    pub followed: BTreeMap<NaiveDate, bool>,
}

type ExperimentRow =
    (i64, i64, Option<i64>, String, i32, i32, i32, i64, NaiveDate, NaiveDate, bool, i64, DateTime<Utc>);

/// Which of a member's experiments to load.
enum Only {
    All,
    Id(i64),
    /// Those whose dates include the day.
    On(NaiveDate),
}

/// Experiments, then their events (experiment, action, day) and adherence (experiment, day,
/// followed).
type Loaded = (Vec<ExperimentRow>, Vec<(i64, String, NaiveDate)>, Vec<(i64, NaiveDate, bool)>);

const COLUMNS: &str = "id, strategy_a, strategy_b, outcome, period_days, pairs, washout_days, seed, \
     start_day, end_day, kept, version, created_at";

fn seed_to_db(seed: u64) -> i64 {
    i64::from_ne_bytes(seed.to_ne_bytes())
}

fn count(v: u32) -> i32 {
    i32::try_from(v).unwrap_or(i32::MAX)
}

fn from_row(row: ExperimentRow) -> Result<Experiment> {
    let (id, strategy_a, strategy_b, outcome, period, pairs, washout, seed, start, end, kept, version, at) =
        row;
    let outcome = Outcome::ALL
        .into_iter()
        .find(|o| o.as_str() == outcome)
        .ok_or(StoreError::Corrupt("experiments.outcome"))?;
    let n = |v: i32| u32::try_from(v).map_err(|_| StoreError::Corrupt("experiments counts"));
    Ok(Experiment {
        id: ExperimentId(id),
        plan: ExperimentPlan {
            strategy_a: StrategyId(strategy_a),
            strategy_b: strategy_b.map(StrategyId),
            outcome,
            period_days: n(period)?,
            pairs: n(pairs)?,
            washout_days: n(washout)?,
            seed: u64::from_ne_bytes(seed.to_ne_bytes()),
            start,
            end,
        },
        kept,
        version,
        created_at: at,
        events: Vec::new(),
        followed: BTreeMap::new(),
    })
}

/// Binds a plan's nine columns, in the order strategy_a, strategy_b, outcome, period_days,
/// pairs, washout_days, seed, start_day, end_day, as `$1`…`$9`.
macro_rules! bind_plan {
    ($query:expr, $plan:expr) => {
        $query
            .bind($plan.strategy_a.0)
            .bind($plan.strategy_b.map(|b| b.0))
            .bind($plan.outcome.as_str())
            .bind(count($plan.period_days))
            .bind(count($plan.pairs))
            .bind(count($plan.washout_days))
            .bind(seed_to_db($plan.seed))
            .bind($plan.start)
            .bind($plan.end)
    };
}

/// Refuses a plan whose dates overlap another experiment of the member on the same outcome
/// (`Conflict(ExperimentOverlap)`): two experiments on one outcome would confound each other.
macro_rules! check_overlap {
    ($tx:expr, $user:expr, $plan:expr, $except:expr) => {{
        let clash: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM experiments WHERE user_id = $1 AND outcome = $2 AND id <> $3
               AND start_day <= $4 AND end_day >= $5 LIMIT 1",
        )
        .bind($user.0)
        .bind($plan.outcome.as_str())
        .bind($except)
        .bind($plan.end)
        .bind($plan.start)
        .fetch_optional(&mut *$tx)
        .await?;
        if clash.is_some() {
            return Err(StoreError::Conflict(Conflict::ExperimentOverlap));
        }
    }};
}

/// Refuses strategies that are not the member's (`UnknownReference("strategy")`).
macro_rules! check_strategies {
    ($tx:expr, $user:expr, $plan:expr) => {{
        for id in std::iter::once($plan.strategy_a).chain($plan.strategy_b) {
            let mine: Option<i64> =
                sqlx::query_scalar("SELECT id FROM strategies WHERE id = $1 AND user_id = $2")
                    .bind(id.0)
                    .bind($user.0)
                    .fetch_optional(&mut *$tx)
                    .await?;
            if mine.is_none() {
                return Err(StoreError::UnknownReference("strategy"));
            }
        }
    }};
}

impl Store {
    /// Stores a new plan. Errors: `UnknownReference("strategy")`, `Conflict(ExperimentOverlap)`.
    pub async fn create_experiment(&self, user: UserId, plan: &ExperimentPlan) -> Result<Experiment> {
        let now = crate::now();
        let begin = self.begin_write();
        let _turn = self.write_turn().await;
        let id = on_db!(self, |pool| {
            let mut tx = pool.begin_with(begin).await?;
            check_strategies!(tx, user, plan);
            check_overlap!(tx, user, plan, 0_i64);
            let id: i64 = bind_plan!(
                sqlx::query_scalar(
                    "INSERT INTO experiments (strategy_a, strategy_b, outcome, period_days, pairs,
                        washout_days, seed, start_day, end_day, user_id, created_at, updated_at)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id",
                ),
                plan
            )
            .bind(user.0)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok::<_, StoreError>(id)
        })?;
        self.experiment(user, ExperimentId(id)).await
    }

    /// Replaces the plan of an experiment that has not started (the caller checks the date,
    /// and keeps the seed, so the randomisation cannot be re-drawn until it suits).
    pub async fn edit_experiment(
        &self,
        user: UserId,
        experiment: ExperimentId,
        expected_version: i64,
        plan: &ExperimentPlan,
    ) -> Result<Experiment> {
        let id = experiment.0;
        let now = crate::now();
        let begin = self.begin_write();
        let _turn = self.write_turn().await;
        on_db!(self, |pool| {
            let mut tx = pool.begin_with(begin).await?;
            check_strategies!(tx, user, plan);
            check_overlap!(tx, user, plan, id);
            let done = bind_plan!(
                sqlx::query(
                    "UPDATE experiments SET strategy_a = $1, strategy_b = $2, outcome = $3, period_days = $4,
                        pairs = $5, washout_days = $6, seed = $7, start_day = $8, end_day = $9,
                        updated_at = $10, version = version + 1
                     WHERE id = $11 AND user_id = $12 AND version = $13",
                ),
                plan
            )
            .bind(now)
            .bind(id)
            .bind(user.0)
            .bind(expected_version)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if done != 1 {
                return Err(StoreError::Stale);
            }
            tx.commit().await?;
            Ok::<_, StoreError>(())
        })?;
        self.experiment(user, experiment).await
    }

    /// Deletes a plan (the caller allows this only before the start).
    pub async fn delete_experiment(
        &self,
        user: UserId,
        experiment: ExperimentId,
        expected_version: i64,
    ) -> Result<()> {
        let id = experiment.0;
        let done = on_db!(self, |pool| {
            sqlx::query("DELETE FROM experiments WHERE id = $1 AND user_id = $2 AND version = $3")
                .bind(id)
                .bind(user.0)
                .bind(expected_version)
                .execute(pool)
                .await
                .map(|r| r.rows_affected())
        })?;
        if done == 1 {
            return Ok(());
        }
        self.experiment(user, experiment).await.and(Err(StoreError::Stale))
    }

    /// Records a change made while the experiment ran, with the plan's new number of pairs
    /// and last day. `Stale` if the experiment changed since `expected_version`.
    pub async fn record_experiment_event(
        &self,
        user: UserId,
        experiment: ExperimentId,
        expected_version: i64,
        event: Event,
        plan: &ExperimentPlan,
    ) -> Result<Experiment> {
        let id = experiment.0;
        let now = crate::now();
        let begin = self.begin_write();
        let _turn = self.write_turn().await;
        on_db!(self, |pool| {
            let mut tx = pool.begin_with(begin).await?;
            if event.action == Action::Extend {
                check_overlap!(tx, user, plan, id);
            }
            let done = sqlx::query(
                "UPDATE experiments SET pairs = $1, end_day = $2, updated_at = $3, version = version + 1
                 WHERE id = $4 AND user_id = $5 AND version = $6",
            )
            .bind(count(plan.pairs))
            .bind(plan.end)
            .bind(now)
            .bind(id)
            .bind(user.0)
            .bind(expected_version)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if done != 1 {
                return Err(StoreError::Stale);
            }
            sqlx::query(
                "INSERT INTO experiment_events (experiment_id, action, day, at) VALUES ($1, $2, $3, $4)",
            )
            .bind(id)
            .bind(event.action.as_str())
            .bind(event.day)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok::<_, StoreError>(())
        })?;
        self.experiment(user, experiment).await
    }

    /// Records whether the member followed the plan on `day` (`None` forgets the answer).
    /// The caller checks that the day belongs to the plan.
    pub async fn set_followed(
        &self,
        user: UserId,
        experiment: ExperimentId,
        day: NaiveDate,
        followed: Option<bool>,
    ) -> Result<()> {
        let id = experiment.0;
        let mine = on_db!(self, |pool| {
            let mine: Option<i64> =
                sqlx::query_scalar("SELECT id FROM experiments WHERE id = $1 AND user_id = $2")
                    .bind(id)
                    .bind(user.0)
                    .fetch_optional(pool)
                    .await?;
            if mine.is_some() {
                match followed {
                    Some(f) => {
                        sqlx::query(
                            "INSERT INTO experiment_days (experiment_id, day, followed) VALUES ($1, $2, $3)
                             ON CONFLICT (experiment_id, day) DO UPDATE SET followed = excluded.followed",
                        )
                        .bind(id)
                        .bind(day)
                        .bind(f)
                        .execute(pool)
                        .await?;
                    }
                    None => {
                        sqlx::query("DELETE FROM experiment_days WHERE experiment_id = $1 AND day = $2")
                            .bind(id)
                            .bind(day)
                            .execute(pool)
                            .await?;
                    }
                }
            }
            Ok::<_, sqlx::Error>(mine.is_some())
        })?;
        if mine {
            Ok(())
        } else {
            Err(StoreError::NotFound)
        }
    }

    /// Keeps (or no longer keeps) a finished experiment as "proven for me". Bumps the diary
    /// revision, because the insights page shows kept results.
    pub async fn keep_experiment(&self, user: UserId, experiment: ExperimentId, kept: bool) -> Result<()> {
        let id = experiment.0;
        let done = on_db!(self, |pool| {
            sqlx::query("UPDATE experiments SET kept = $1 WHERE id = $2 AND user_id = $3")
                .bind(kept)
                .bind(id)
                .bind(user.0)
                .execute(pool)
                .await
                .map(|r| r.rows_affected())
        })?;
        crate::users::expect_one(done)?;
        on_db!(self, |pool| sqlx::query(BUMP_REVISION).bind(user.0).execute(pool).await.map(|_| ()))?;
        Ok(())
    }

    /// One of the member's experiments with its events and adherence; `NotFound` for
    /// anyone else's.
    pub async fn experiment(&self, user: UserId, experiment: ExperimentId) -> Result<Experiment> {
        let id = experiment.0;
        self.load_experiments(user, Only::Id(id)).await?.into_iter().next().ok_or(StoreError::NotFound)
    }

    /// All the member's experiments, newest start first.
    pub async fn experiments(&self, user: UserId) -> Result<Vec<Experiment>> {
        self.load_experiments(user, Only::All).await
    }

    /// The member's experiments whose dates include `day` (what the home page shows): one
    /// statement when there are none, as for most members on most days.
    pub async fn experiments_on(&self, user: UserId, day: NaiveDate) -> Result<Vec<Experiment>> {
        self.load_experiments(user, Only::On(day)).await
    }

    async fn load_experiments(&self, user: UserId, only: Only) -> Result<Vec<Experiment>> {
        let (filter, id, day) = match only {
            Only::All => ("AND $2 IS NULL AND $3 IS NULL", None, None),
            Only::Id(id) => ("AND e.id = $2 AND $3 IS NULL", Some(id), None),
            Only::On(day) => ("AND $2 IS NULL AND e.start_day <= $3 AND e.end_day >= $3", None, Some(day)),
        };
        let (rows, events, days): Loaded = on_db!(self, |pool| async {
            let rows: Vec<ExperimentRow> = sqlx::query_as(&format!(
                "SELECT {COLUMNS} FROM experiments e WHERE user_id = $1 {filter}
                     ORDER BY start_day DESC, id DESC"
            ))
            .bind(user.0)
            .bind(id)
            .bind(day)
            .fetch_all(pool)
            .await?;
            if rows.is_empty() {
                return Ok::<_, sqlx::Error>((rows, Vec::new(), Vec::new()));
            }
            let events = sqlx::query_as(&format!(
                "SELECT v.experiment_id, v.action, v.day FROM experiment_events v
                     JOIN experiments e ON e.id = v.experiment_id WHERE e.user_id = $1 {filter}
                     ORDER BY v.id"
            ))
            .bind(user.0)
            .bind(id)
            .bind(day)
            .fetch_all(pool)
            .await?;
            let days = sqlx::query_as(&format!(
                "SELECT d.experiment_id, d.day, d.followed FROM experiment_days d
                     JOIN experiments e ON e.id = d.experiment_id WHERE e.user_id = $1 {filter}"
            ))
            .bind(user.0)
            .bind(id)
            .bind(day)
            .fetch_all(pool)
            .await?;
            Ok::<_, sqlx::Error>((rows, events, days))
        }
        .await)?;
        let mut all = rows.into_iter().map(from_row).collect::<Result<Vec<Experiment>>>()?;
        for (id, action, day) in events {
            let action = Action::parse(&action).ok_or(StoreError::Corrupt("experiment_events.action"))?;
            if let Some(e) = all.iter_mut().find(|e| e.id.0 == id) {
                e.events.push(Event { action, day });
            }
        }
        for (id, day, followed) in days {
            if let Some(e) = all.iter_mut().find(|e| e.id.0 == id) {
                e.followed.insert(day, followed);
            }
        }
        Ok(all)
    }
}

#[cfg(test)]
mod tests;
