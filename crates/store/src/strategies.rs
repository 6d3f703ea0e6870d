//! Managing a member's list of strategies: renaming, archiving and merging. Nothing here
//! deletes a day's history: a merge moves every tag to the strategy that stays.

use crate::diary::BUMP_REVISION;
use crate::{on_db, Conflict, Result, Store, StoreError, Strategy, UserId};
use foothold_core::strategy::{Category, StrategyId};

impl Store {
    /// One of the member's strategies; `NotFound` for anyone else's.
    pub async fn strategy(&self, user: UserId, id: StrategyId) -> Result<Strategy> {
        self.strategies(user).await?.into_iter().find(|s| s.id == id).ok_or(StoreError::NotFound)
    }

    /// Gives a strategy a new name. A built-in one keeps its key (so imports still match
    /// it) and shows the new name instead of the translated one. `Conflict(StrategyName)` if
    /// the member has another strategy of that name.
    pub async fn rename_strategy(&self, user: UserId, id: StrategyId, name: &str) -> Result<Strategy> {
        let current = self.strategy(user, id).await?;
        let taken = self.strategies(user).await?.into_iter().any(|s| {
            s.id != id && s.name.as_deref().is_some_and(|n| n.to_lowercase() == name.to_lowercase())
        });
        if taken {
            return Err(StoreError::Conflict(Conflict::StrategyName));
        }
        // Own strategies are unique by their lower-cased name; the others keep their key.
        let key = match (&current.builtin_key, current.category.as_str()) {
            (None, "own" | "medication") => Some(name.to_lowercase()),
            _ => None,
        };
        on_db!(self, |pool| {
            sqlx::query(
                "UPDATE strategies SET name = $1, name_key = COALESCE($2, name_key) WHERE id = $3 AND user_id = $4",
            )
            .bind(name)
            .bind(&key)
            .bind(id.0)
            .bind(user.0)
            .execute(pool)
            .await
            .map(|_| ())
        })
        .map_err(StoreError::unique(Conflict::StrategyName))?;
        // Analyses name strategies: a kept one must not show the old name.
        on_db!(self, |pool| sqlx::query(BUMP_REVISION).bind(user.0).execute(pool).await.map(|_| ()))?;
        self.strategy(user, id).await
    }

    /// Archived strategies leave the check-in form; their days stay in the diary and the
    /// analysis.
    pub async fn set_strategy_archived(
        &self,
        user: UserId,
        id: StrategyId,
        archived: bool,
    ) -> Result<Strategy> {
        let done = on_db!(self, |pool| {
            sqlx::query("UPDATE strategies SET archived = $1 WHERE id = $2 AND user_id = $3")
                .bind(archived)
                .bind(id.0)
                .bind(user.0)
                .execute(pool)
                .await
                .map(|r| r.rows_affected())
        })?;
        if done != 1 {
            return Err(StoreError::NotFound);
        }
        self.strategy(user, id).await
    }

    /// Marks one of the member's own strategies as a medicine (or not): it is then never
    /// offered as "Test it", and an experiment with it needs the prescriber's agreement.
    /// Built-in strategies keep their category: `Conflict(StrategyBuiltin)`.
    pub async fn set_strategy_medication(
        &self,
        user: UserId,
        id: StrategyId,
        medication: bool,
    ) -> Result<Strategy> {
        let current = self.strategy(user, id).await?;
        if current.builtin_key.is_some() || !matches!(current.category, Category::Own | Category::Medication)
        {
            return Err(StoreError::Conflict(Conflict::StrategyBuiltin));
        }
        let category = if medication { Category::Medication } else { Category::Own };
        on_db!(self, |pool| {
            sqlx::query("UPDATE strategies SET category = $1 WHERE id = $2 AND user_id = $3")
                .bind(category.as_str())
                .bind(id.0)
                .bind(user.0)
                .execute(pool)
                .await
                .map(|_| ())
        })?;
        // Kept analyses know which strategies are medicines.
        on_db!(self, |pool| sqlx::query(BUMP_REVISION).bind(user.0).execute(pool).await.map(|_| ()))?;
        self.strategy(user, id).await
    }

    /// Deletes one of the member's own strategies that was never tagged: nothing of the diary
    /// goes with it. `Conflict(StrategyInUse)` if any day has it (archive or merge it
    /// instead), `Conflict(StrategyBuiltin)` for a built-in one (those come back with
    /// every new list; archiving hides them), `Conflict(StrategyInExperiment)` if an
    /// experiment names it.
    pub async fn delete_strategy(&self, user: UserId, id: StrategyId) -> Result<()> {
        let s = self.strategy(user, id).await?;
        if s.builtin_key.is_some() {
            return Err(StoreError::Conflict(Conflict::StrategyBuiltin));
        }
        let done = on_db!(self, |pool| {
            sqlx::query(
                "DELETE FROM strategies WHERE id = $1 AND user_id = $2
                   AND NOT EXISTS (SELECT 1 FROM checkin_strategies WHERE strategy_id = $1)",
            )
            .bind(id.0)
            .bind(user.0)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
        })
        .map_err(|e| match &e {
            sqlx::Error::Database(d) if d.is_foreign_key_violation() => {
                StoreError::Conflict(Conflict::StrategyInExperiment)
            }
            _ => StoreError::from(e),
        })?;
        if done == 1 {
            Ok(())
        } else {
            Err(StoreError::Conflict(Conflict::StrategyInUse))
        }
    }

    /// Merges strategy `from` into `into`: every day tagged with `from` is tagged with
    /// `into` instead (once), `into` is tracked from the earlier of the two days, and `from`
    /// is removed. One transaction; each changed check-in gets a new version.
    pub async fn merge_strategies(
        &self,
        user: UserId,
        from: StrategyId,
        into: StrategyId,
    ) -> Result<Strategy> {
        if from == into {
            return Err(StoreError::Conflict(Conflict::MergeSame));
        }
        let (source, _) = (self.strategy(user, from).await?, self.strategy(user, into).await?);
        let now = crate::now();
        let begin = self.begin_write();
        let _turn = self.write_turn().await;
        on_db!(self, |pool| {
            let mut tx = pool.begin_with(begin).await?;
            sqlx::query(
                "UPDATE checkins SET version = version + 1, updated_at = $1
                 WHERE id IN (SELECT checkin_id FROM checkin_strategies WHERE strategy_id = $2)",
            )
            .bind(now)
            .bind(from.0)
            .execute(&mut *tx)
            .await?;
            sqlx::query(
                "INSERT INTO checkin_strategies (checkin_id, strategy_id)
                 SELECT checkin_id, $1 FROM checkin_strategies WHERE strategy_id = $2
                 ON CONFLICT (checkin_id, strategy_id) DO NOTHING",
            )
            .bind(into.0)
            .bind(from.0)
            .execute(&mut *tx)
            .await?;
            sqlx::query("UPDATE strategies SET tracked_from = $1 WHERE id = $2 AND tracked_from > $1")
                .bind(source.tracked_from)
                .bind(into.0)
                .execute(&mut *tx)
                .await?;
            // The tags of `from` go with it (ON DELETE CASCADE); they were copied above. An
            // experiment's strategy is not: its plan and report name it.
            sqlx::query("DELETE FROM strategies WHERE id = $1 AND user_id = $2")
                .bind(from.0)
                .bind(user.0)
                .execute(&mut *tx)
                .await
                .map_err(|e| match &e {
                    sqlx::Error::Database(d) if d.is_foreign_key_violation() => {
                        StoreError::Conflict(Conflict::StrategyInExperiment)
                    }
                    _ => StoreError::from(e),
                })?;
            sqlx::query(BUMP_REVISION).bind(user.0).execute(&mut *tx).await?;
            tx.commit().await?;
            Ok::<_, StoreError>(())
        })?;
        self.strategy(user, into).await
    }
}
