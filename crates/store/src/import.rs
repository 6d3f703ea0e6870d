//! Importing a whole diary (the CSV exchange format, parsed by `foothold-core`) in one
//! transaction: all rows or none. Re-importing the same rows changes nothing — not even
//! the versions of the days.

use crate::diary::CheckIn;
use crate::{on_db, Result, Store, StoreError, UserId};
use chrono::NaiveDate;
use foothold_core::checkin::Ratings;
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
                by_name.insert(key.to_lowercase(), s.id);
                // "Support group" and "support group" name the built-in `support-group` too.
                by_name.insert(key.replace('-', " "), s.id);
            }
            if let Some(name) = &s.name {
                by_name.insert(name.to_lowercase(), s.id);
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
        let result = on_db!(self, |pool| {
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
            let mut counts = (0usize, 0usize, 0usize);
            for row in rows {
                let mut ids: Vec<i64> =
                    row.strategies.iter().filter_map(|n| by_name.get(&n.to_lowercase()).copied()).collect();
                ids.sort_unstable();
                ids.dedup();
                let r: Ratings = row.ratings;
                let v = |s: Option<foothold_core::checkin::Score>| s.map(|s| i16::from(s.value()));
                let id: i64 = match existing.get(&row.date) {
                    Some(c) if c.ratings == r && c.note == row.note && c.strategies == ids => {
                        counts.2 += 1;
                        continue;
                    }
                    Some(_) => {
                        counts.1 += 1;
                        sqlx::query_scalar(
                            "UPDATE checkins SET pain = $1, peg_pain = $2, peg_enjoyment = $3, peg_activity = $4,
                                mood = $5, sleep = $6, control = $7, note = $8, version = version + 1, updated_at = $9
                             WHERE user_id = $10 AND day = $11 RETURNING id",
                        )
                        .bind(v(r.pain)).bind(v(r.peg_pain)).bind(v(r.peg_enjoyment)).bind(v(r.peg_activity))
                        .bind(v(r.mood)).bind(v(r.sleep)).bind(v(r.control)).bind(&row.note).bind(now)
                        .bind(user.0).bind(row.date)
                        .fetch_one(&mut *tx)
                        .await?
                    }
                    None => {
                        counts.0 += 1;
                        sqlx::query_scalar(
                            "INSERT INTO checkins (user_id, day, pain, peg_pain, peg_enjoyment, peg_activity, mood,
                                sleep, control, note, version, created_at, updated_at)
                             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1, $11, $11) RETURNING id",
                        )
                        .bind(user.0).bind(row.date)
                        .bind(v(r.pain)).bind(v(r.peg_pain)).bind(v(r.peg_enjoyment)).bind(v(r.peg_activity))
                        .bind(v(r.mood)).bind(v(r.sleep)).bind(v(r.control)).bind(&row.note).bind(now)
                        .fetch_one(&mut *tx)
                        .await?
                    }
                };
                sqlx::query("DELETE FROM checkin_strategies WHERE checkin_id = $1")
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                for strategy in &ids {
                    sqlx::query("INSERT INTO checkin_strategies (checkin_id, strategy_id) VALUES ($1, $2)")
                        .bind(id)
                        .bind(strategy)
                        .execute(&mut *tx)
                        .await?;
                }
            }
            if dry_run {
                tx.rollback().await?;
            } else {
                sqlx::query(crate::diary::BUMP_REVISION).bind(user.0).execute(&mut *tx).await?;
                tx.commit().await?;
            }
            Ok::<_, StoreError>(counts)
        });
        let (created, updated, unchanged) = result?;
        Ok(ImportSummary { created, updated, unchanged, ..summary })
    }

    /// The whole diary in the exchange format's terms: built-in strategies by key, the
    /// member's own by name.
    pub async fn export_diary(&self, user: UserId) -> Result<Vec<DiaryRow>> {
        let names: HashMap<i64, String> = self
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
            })
            .collect())
    }
}
