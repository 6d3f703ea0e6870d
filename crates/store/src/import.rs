//! Importing a whole diary (the CSV exchange format, parsed by `foothold-core`) in one
//! transaction: all rows or none. Re-importing the same rows changes nothing — not even
//! the versions of the days. The changed days are written by `batch::apply`, like every
//! check-in save.

use crate::batch::{self, Conn, Outcome, Save};
use crate::diary::CheckIn;
use crate::{on_db, Result, Store, StoreError, UserId};
use chrono::NaiveDate;
use foothold_core::diary_csv::DiaryRow;
use std::collections::HashMap;

/// What an import did (or, for a dry run, would do).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportSummary {
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Strategies named in the file that the member did not have, created as their own.
    pub new_strategies: Vec<String>,
}

impl Store {
    /// Imports `rows` into the member's diary. Days in the file replace the same days in the
    /// diary; other days are left alone. With `dry_run`, reports without writing.
    pub async fn import_diary(
        &self,
        user: UserId,
        rows: &[DiaryRow],
        today: NaiveDate,
        dry_run: bool,
    ) -> Result<ImportSummary> {
        self.ensure_builtin_strategies(user, today).await?;
        // Names resolve to the member's strategies: built-ins by key ("walk"), their own by name.
        let mut by_name: HashMap<String, i64> = HashMap::new();
        for s in self.strategies(user).await? {
            if let Some(key) = &s.builtin_key {
                by_name.insert(key.to_lowercase(), s.id.0);
                // "Support group" and "support group" name the built-in `support-group` too.
                by_name.insert(key.replace('-', " "), s.id.0);
            }
            if let Some(name) = &s.name {
                by_name.insert(name.to_lowercase(), s.id.0);
            }
        }
        let mut summary = ImportSummary::default();
        for row in rows {
            for name in &row.strategies {
                let key = name.to_lowercase();
                if !by_name.contains_key(&key)
                    && !summary.new_strategies.iter().any(|n| n.to_lowercase() == key)
                {
                    summary.new_strategies.push(name.clone());
                }
            }
        }
        let (Some(first), Some(last)) =
            (rows.iter().map(|r| r.date).min(), rows.iter().map(|r| r.date).max())
        else {
            return Ok(summary);
        };
        let existing: HashMap<NaiveDate, CheckIn> =
            self.checkins(user, first, last).await?.into_iter().map(|c| (c.day, c)).collect();
        let begin = self.begin_write();
        let _turn = self.write_turn().await;
        let now = crate::now();
        let (created, updated, unchanged) = on_db!(self, |pool| {
            let mut tx = pool.begin_with(begin).await?;
            for name in &summary.new_strategies {
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO strategies (user_id, name, name_key, category, tracked_from, created_at)
                     VALUES ($1, $2, $3, 'own', $4, $5) RETURNING id",
                )
                .bind(user.0)
                .bind(name)
                .bind(name.to_lowercase())
                .bind(first.min(today))
                .bind(now)
                .fetch_one(&mut *tx)
                .await?;
                by_name.insert(name.to_lowercase(), id);
            }
            let (saves, counts) = changed_days(user, rows, &by_name, &existing);
            // One place writes check-ins; here all of them in this one transaction.
            let outcomes = batch::apply(&mut Conn::from(&mut *tx), &saves, now).await?;
            match outcomes.into_iter().find(|o| !matches!(o, Outcome::Saved { .. })) {
                // A day saved since `existing` was read: nothing is imported (rolled back).
                Some(Outcome::UnknownStrategy) => return Err(StoreError::UnknownReference("strategy")),
                Some(_) => return Err(StoreError::Stale),
                None => {}
            }
            if dry_run {
                tx.rollback().await?;
            } else {
                tx.commit().await?;
            }
            Ok::<_, StoreError>(counts)
        })?;
        Ok(ImportSummary { created, updated, unchanged, ..summary })
    }

    /// The whole diary in the exchange format's terms: built-in strategies by key, the
    /// member's own by name.
    pub async fn export_diary(&self, user: UserId) -> Result<Vec<DiaryRow>> {
        let names: HashMap<foothold_core::strategy::StrategyId, String> = self
            .strategies(user)
            .await?
            .into_iter()
            .map(|s| (s.id, s.name.or(s.builtin_key).unwrap_or_default()))
            .collect();
        // Explicit bounds: chrono's MIN/MAX are outside PostgreSQL's date range and would
        // not sort correctly as SQLite text.
        let (y, m, d) = foothold_core::checkin::EARLIEST_DAY;
        let from = NaiveDate::from_ymd_opt(y, m, d).ok_or(StoreError::Corrupt("earliest day"))?;
        let to = NaiveDate::from_ymd_opt(9999, 12, 31).ok_or(StoreError::Corrupt("latest day"))?;
        let all = self.checkins(user, from, to).await?;
        Ok(all
            .into_iter()
            .map(|c| DiaryRow {
                date: c.day,
                ratings: c.ratings,
                strategies: c.strategies.iter().filter_map(|id| names.get(id).cloned()).collect(),
                note: c.note,
                flare: c.flare,
            })
            .collect())
    }
}

/// The rows that change the diary, as saves of the current versions in `existing`, and how
/// many days are (created, updated, unchanged).
fn changed_days(
    user: UserId,
    rows: &[DiaryRow],
    by_name: &HashMap<String, i64>,
    existing: &HashMap<NaiveDate, CheckIn>,
) -> (Vec<Save>, (usize, usize, usize)) {
    let mut saves = Vec::with_capacity(rows.len());
    let mut counts = (0, 0, 0);
    for row in rows {
        let mut ids: Vec<i64> =
            row.strategies.iter().filter_map(|n| by_name.get(&n.to_lowercase()).copied()).collect();
        ids.sort_unstable();
        ids.dedup();
        let current = existing.get(&row.date);
        match current {
            Some(c)
                if c.ratings == row.ratings
                    && c.note == row.note
                    && c.flare == row.flare
                    && c.strategies.iter().map(|s| s.0).eq(ids.iter().copied()) =>
            {
                counts.2 += 1;
                continue;
            }
            Some(_) => counts.1 += 1,
            None => counts.0 += 1,
        }
        saves.push(Save {
            user: user.0,
            day: row.date,
            ratings: row.ratings,
            note: row.note.clone(),
            flare: row.flare,
            strategies: ids,
            expected_version: current.map(|c| c.version),
        });
    }
    (saves, counts)
}
