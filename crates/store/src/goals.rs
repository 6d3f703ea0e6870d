//! Graded goals: the goal, what the member did of it each day, and the flares that paused
//! it. The plan's arithmetic lives in `foothold_core::goal`; the store keeps what it needs.
//! A goal's activity is the member's strategy `goal:<id>`, tagged on every day with a step
//! above zero, so the agency engine weighs it like any other strategy; a check-in that
//! untags it takes that day's step back (`foothold_services::goals`).

use crate::practice::set_day_tag;
use crate::{on_db, Result, Store, StoreError, UserId};
use chrono::NaiveDate;
use foothold_core::goal::{GoalId, NewGoal, Pause, Plan, Unit};
use foothold_core::strategy::StrategyId;

#[derive(Debug, Clone, PartialEq)]
pub struct Goal {
    pub id: GoalId,
    pub activity: String,
    pub unit: Unit,
    pub start_percent: u8,
    pub rise_percent: u8,
    pub ceiling: Option<u32>,
    pub flare_plan: String,
    /// Set, with `started_on`, when the plan starts.
    pub baseline: Option<f64>,
    pub started_on: Option<NaiveDate>,
    pub steps_back: u32,
    pub reached_on: Option<NaiveDate>,
    pub ended_on: Option<NaiveDate>,
    pub pauses: Vec<Pause>,
    /// The goal's strategy (`None` only if the member deleted it; the next step recreates it).
    pub strategy_id: Option<StrategyId>,
}

impl Goal {
    /// The running plan, once it has started.
    pub fn plan(&self) -> Option<Plan> {
        Some(Plan {
            baseline: self.baseline?,
            start_percent: self.start_percent,
            rise_percent: self.rise_percent,
            ceiling: self.ceiling,
            started_on: self.started_on?,
            pauses: self.pauses.clone(),
            steps_back: self.steps_back,
        })
    }

    /// Paused for a flare now (an open pause).
    pub fn paused(&self) -> bool {
        self.pauses.iter().any(|p| p.until.is_none())
    }

    /// The name key of the goal's strategy.
    pub fn strategy_key(&self) -> String {
        strategy_key(self.id)
    }
}

fn strategy_key(goal: GoalId) -> String {
    format!("goal:{goal}")
}

type GoalRow = (
    i64,
    String,
    String,
    i32,
    i32,
    Option<i32>,
    String,
    Option<f64>,
    Option<NaiveDate>,
    i32,
    Option<NaiveDate>,
    Option<NaiveDate>,
    Option<i64>,
);

const GOAL_COLUMNS: &str = "id, activity, unit, start_percent, rise_percent, ceiling, flare_plan, baseline, \
    started_on, steps_back, reached_on, ended_on, \
    (SELECT s.id FROM strategies s WHERE s.user_id = goals.user_id AND s.name_key = 'goal:' || CAST(goals.id AS TEXT)) AS strategy_id";

fn goal_from(row: GoalRow, pauses: Vec<Pause>) -> Result<Goal> {
    let (
        id,
        activity,
        unit,
        start,
        rise,
        ceiling,
        flare_plan,
        baseline,
        started_on,
        back,
        reached_on,
        ended_on,
        strategy_id,
    ) = row;
    let corrupt = || StoreError::Corrupt("goals");
    Ok(Goal {
        id: GoalId(id),
        activity,
        unit: Unit::parse(&unit).ok_or_else(corrupt)?,
        start_percent: u8::try_from(start).map_err(|_| corrupt())?,
        rise_percent: u8::try_from(rise).map_err(|_| corrupt())?,
        ceiling: ceiling.map(u32::try_from).transpose().map_err(|_| corrupt())?,
        flare_plan,
        baseline,
        started_on,
        steps_back: u32::try_from(back).map_err(|_| corrupt())?,
        reached_on,
        ended_on,
        pauses,
        strategy_id: strategy_id.map(StrategyId),
    })
}

impl Store {
    /// Sets up a goal and its strategy, tracked from `today`. The same `nonce` again gives the
    /// first goal back.
    pub async fn create_goal(
        &self,
        user: UserId,
        nonce: &str,
        goal: &NewGoal,
        today: NaiveDate,
    ) -> Result<Goal> {
        let now = crate::now();
        let begin = self.begin_write();
        let turn = self.write_turn().await;
        let id: i64 = on_db!(self, |pool| {
            let mut tx = pool.begin_with(begin).await?;
            let id: Option<i64> = sqlx::query_scalar(
                "INSERT INTO goals (user_id, nonce, activity, unit, start_percent, rise_percent, ceiling,
                                    flare_plan, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                 ON CONFLICT (user_id, nonce) DO NOTHING RETURNING id",
            )
            .bind(user.0)
            .bind(nonce)
            .bind(&goal.activity)
            .bind(goal.unit.as_str())
            .bind(i32::from(goal.start_percent))
            .bind(i32::from(goal.rise_percent))
            .bind(goal.ceiling.map(i64::from))
            .bind(&goal.flare_plan)
            .bind(now)
            .fetch_optional(&mut *tx)
            .await?;
            let id = match id {
                Some(id) => id,
                None => {
                    sqlx::query_scalar("SELECT id FROM goals WHERE user_id = $1 AND nonce = $2")
                        .bind(user.0)
                        .bind(nonce)
                        .fetch_one(&mut *tx)
                        .await?
                }
            };
            sqlx::query(
                "INSERT INTO strategies (user_id, name, name_key, category, tracked_from, created_at)
                 VALUES ($1, $2, $3, 'goal', $4, $5) ON CONFLICT (user_id, name_key) DO NOTHING",
            )
            .bind(user.0)
            .bind(&goal.activity)
            .bind(strategy_key(GoalId(id)))
            .bind(today)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok::<_, sqlx::Error>(id)
        })?;
        drop(turn);
        self.goal(user, GoalId(id)).await
    }

    /// Every goal of the member, oldest first.
    pub async fn goals(&self, user: UserId) -> Result<Vec<Goal>> {
        let sql = format!("SELECT {GOAL_COLUMNS} FROM goals WHERE user_id = $1 ORDER BY goals.id");
        let rows: Vec<GoalRow> =
            on_db!(self, |pool| sqlx::query_as(&sql).bind(user.0).fetch_all(pool).await)?;
        if rows.is_empty() {
            // Most check-in saves ask; most members have no goal.
            return Ok(Vec::new());
        }
        let pauses: Vec<(i64, NaiveDate, Option<NaiveDate>)> = on_db!(self, |pool| {
            sqlx::query_as(
                "SELECT p.goal_id, p.from_day, p.until_day FROM goal_pauses p
                 JOIN goals g ON g.id = p.goal_id WHERE g.user_id = $1 ORDER BY p.goal_id, p.from_day",
            )
            .bind(user.0)
            .fetch_all(pool)
            .await
        })?;
        rows.into_iter()
            .map(|row| {
                let of_goal = pauses
                    .iter()
                    .filter(|p| p.0 == row.0)
                    .map(|&(_, from, until)| Pause { from, until })
                    .collect();
                goal_from(row, of_goal)
            })
            .collect()
    }

    /// One of the member's goals; `NotFound` if it is not theirs.
    pub async fn goal(&self, user: UserId, id: GoalId) -> Result<Goal> {
        self.goals(user).await?.into_iter().find(|g| g.id == id).ok_or(StoreError::NotFound)
    }

    /// What was recorded of one goal, by day (oldest first).
    pub async fn goal_steps(&self, user: UserId, goal: GoalId) -> Result<Vec<(NaiveDate, u32)>> {
        let rows: Vec<(NaiveDate, i32)> = on_db!(self, |pool| {
            sqlx::query_as(
                "SELECT s.day, s.amount FROM goal_steps s JOIN goals g ON g.id = s.goal_id
                 WHERE g.user_id = $1 AND s.goal_id = $2 ORDER BY s.day",
            )
            .bind(user.0)
            .bind(goal.0)
            .fetch_all(pool)
            .await
        })?;
        Ok(rows.into_iter().map(|(day, a)| (day, u32::try_from(a).unwrap_or(0))).collect())
    }

    /// What was recorded of each of the member's goals on `day`: goal id and amount.
    pub async fn goal_steps_on(&self, user: UserId, day: NaiveDate) -> Result<Vec<(GoalId, u32)>> {
        let rows: Vec<(i64, i32)> = on_db!(self, |pool| {
            sqlx::query_as(
                "SELECT s.goal_id, s.amount FROM goal_steps s JOIN goals g ON g.id = s.goal_id
                 WHERE g.user_id = $1 AND s.day = $2",
            )
            .bind(user.0)
            .bind(day)
            .fetch_all(pool)
            .await
        })?;
        Ok(rows.into_iter().map(|(g, a)| (GoalId(g), u32::try_from(a).unwrap_or(0))).collect())
    }

    /// Records `amount` of the goal's activity on `day` (`None` takes the day's record back),
    /// and tags or untags the goal's strategy on that day's check-in, in one transaction. An
    /// amount of zero is kept (a baseline day with nothing done counts) but tags nothing.
    pub async fn record_goal_step(
        &self,
        user: UserId,
        goal: GoalId,
        day: NaiveDate,
        amount: Option<u32>,
    ) -> Result<()> {
        let g = self.goal(user, goal).await?;
        let key = g.strategy_key();
        let now = crate::now();
        let begin = self.begin_write();
        let _turn = self.write_turn().await;
        on_db!(self, |pool| {
            let mut tx = pool.begin_with(begin).await?;
            match amount {
                Some(a) => sqlx::query(
                    "INSERT INTO goal_steps (goal_id, day, amount, recorded_at) VALUES ($1, $2, $3, $4)
                     ON CONFLICT (goal_id, day) DO UPDATE SET amount = excluded.amount,
                                                              recorded_at = excluded.recorded_at",
                )
                .bind(goal.0)
                .bind(day)
                .bind(i64::from(a))
                .bind(now)
                .execute(&mut *tx)
                .await
                .map(|_| ())?,
                None => sqlx::query("DELETE FROM goal_steps WHERE goal_id = $1 AND day = $2")
                    .bind(goal.0)
                    .bind(day)
                    .execute(&mut *tx)
                    .await
                    .map(|_| ())?,
            }
            let tag = amount.is_some_and(|a| a > 0);
            set_day_tag!(tx, user, key.as_str(), Some((g.activity.as_str(), "goal")), day, tag, now);
            tx.commit().await?;
            Ok::<_, sqlx::Error>(())
        })?;
        Ok(())
    }

    /// Starts the plan on `day` from `baseline`. A plan starts once: `Stale` if it had.
    pub async fn start_goal(
        &self,
        user: UserId,
        goal: GoalId,
        baseline: f64,
        day: NaiveDate,
    ) -> Result<Goal> {
        self.goal(user, goal).await?;
        let changed = on_db!(self, |pool| {
            sqlx::query(
                "UPDATE goals SET baseline = $3, started_on = $4
                 WHERE user_id = $1 AND id = $2 AND started_on IS NULL",
            )
            .bind(user.0)
            .bind(goal.0)
            .bind(baseline)
            .bind(day)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
        })?;
        if changed == 0 {
            return Err(StoreError::Stale);
        }
        self.goal(user, goal).await
    }

    /// Marks the goal reached on `day` (once).
    pub async fn goal_reached(&self, user: UserId, goal: GoalId, day: NaiveDate) -> Result<Goal> {
        self.update_goal(
            user,
            goal,
            "UPDATE goals SET reached_on = $3 WHERE user_id = $1 AND id = $2 AND reached_on IS NULL",
            day,
        )
        .await
    }

    /// Ends the goal on `day`: it stays in the member's history and wins, and asks for no more
    /// steps.
    pub async fn end_goal(&self, user: UserId, goal: GoalId, day: NaiveDate) -> Result<Goal> {
        let ended = self
            .update_goal(
                user,
                goal,
                "UPDATE goals SET ended_on = $3 WHERE user_id = $1 AND id = $2 AND ended_on IS NULL",
                day,
            )
            .await?;
        // Its strategy leaves the check-in's chips, and stays in the diary's history.
        on_db!(self, |pool| {
            sqlx::query("UPDATE strategies SET archived = $3 WHERE user_id = $1 AND name_key = $2")
                .bind(user.0)
                .bind(strategy_key(goal))
                .bind(true)
                .execute(pool)
                .await
                .map(|_| ())
        })?;
        Ok(ended)
    }

    /// Pauses a running plan for a flare from `day`; `Stale` if it is paused already.
    pub async fn pause_goal(&self, user: UserId, goal: GoalId, day: NaiveDate) -> Result<Goal> {
        let g = self.goal(user, goal).await?;
        if g.paused() || g.started_on.is_none() {
            return Err(StoreError::Stale);
        }
        on_db!(self, |pool| {
            sqlx::query(
                "INSERT INTO goal_pauses (goal_id, from_day) VALUES ($1, $2) ON CONFLICT (goal_id, from_day)
                 DO UPDATE SET until_day = NULL",
            )
            .bind(goal.0)
            .bind(day)
            .execute(pool)
            .await
            .map(|_| ())
        })?;
        self.goal(user, goal).await
    }

    /// Ends the flare pause on `day`; with `step_back`, the plan also gives a week back.
    pub async fn resume_goal(
        &self,
        user: UserId,
        goal: GoalId,
        day: NaiveDate,
        step_back: bool,
    ) -> Result<Goal> {
        let g = self.goal(user, goal).await?;
        let Some(open) = g.pauses.iter().find(|p| p.until.is_none()) else { return Err(StoreError::Stale) };
        let begin = self.begin_write();
        let _turn = self.write_turn().await;
        on_db!(self, |pool| {
            let mut tx = pool.begin_with(begin).await?;
            // Resuming on the day the pause began leaves an empty pause, which holds nothing.
            sqlx::query("UPDATE goal_pauses SET until_day = $3 WHERE goal_id = $1 AND from_day = $2")
                .bind(goal.0)
                .bind(open.from)
                .bind(day.max(open.from))
                .execute(&mut *tx)
                .await?;
            if step_back {
                sqlx::query("UPDATE goals SET steps_back = steps_back + 1 WHERE id = $1")
                    .bind(goal.0)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await
        })?;
        drop(_turn);
        self.goal(user, goal).await
    }

    /// Sets the date column of a goal's `sql` (`$1` user, `$2` goal, `$3` the day), guarded so
    /// it happens once: `NotFound` if the goal is not theirs, `Stale` if it had happened.
    async fn update_goal(&self, user: UserId, goal: GoalId, sql: &str, day: NaiveDate) -> Result<Goal> {
        self.goal(user, goal).await?;
        let changed = on_db!(self, |pool| {
            sqlx::query(sql)
                .bind(user.0)
                .bind(goal.0)
                .bind(day)
                .execute(pool)
                .await
                .map(|r| r.rows_affected())
        })?;
        if changed == 0 {
            return Err(StoreError::Stale);
        }
        self.goal(user, goal).await
    }
}
