//! What a member wrote for an exercise (a flare plan, their values, a letter to their younger
//! self), kept privately: one text per member and exercise, replaced when they save again.

use crate::{on_db, Result, Store, UserId};
use chrono::{DateTime, Utc};

/// One exercise's writing.
#[derive(Debug, Clone, PartialEq)]
pub struct Writing {
    /// The exercise's skill slug.
    pub skill: String,
    pub body: String,
    pub updated_at: DateTime<Utc>,
}

impl Store {
    pub async fn writing(&self, user: UserId, skill: &str) -> Result<Option<Writing>> {
        let row: Option<(String, String, DateTime<Utc>)> = on_db!(self, |pool| {
            sqlx::query_as("SELECT skill, body, updated_at FROM writings WHERE user_id = $1 AND skill = $2")
                .bind(user.0)
                .bind(skill)
                .fetch_optional(pool)
                .await
        })?;
        Ok(row.map(|(skill, body, updated_at)| Writing { skill, body, updated_at }))
    }

    /// Every writing of the member (for their data archive), by exercise.
    pub async fn writings(&self, user: UserId) -> Result<Vec<Writing>> {
        let rows: Vec<(String, String, DateTime<Utc>)> = on_db!(self, |pool| {
            sqlx::query_as("SELECT skill, body, updated_at FROM writings WHERE user_id = $1 ORDER BY skill")
                .bind(user.0)
                .fetch_all(pool)
                .await
        })?;
        Ok(rows.into_iter().map(|(skill, body, updated_at)| Writing { skill, body, updated_at }).collect())
    }

    /// Keeps `body` as the member's writing for `skill`; `None` removes it.
    pub async fn set_writing(&self, user: UserId, skill: &str, body: Option<&str>) -> Result<()> {
        match body {
            Some(body) => on_db!(self, |pool| {
                sqlx::query(
                    "INSERT INTO writings (user_id, skill, body, updated_at) VALUES ($1, $2, $3, $4)
                     ON CONFLICT (user_id, skill) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at",
                )
                .bind(user.0)
                .bind(skill)
                .bind(body)
                .bind(crate::now())
                .execute(pool)
                .await
                .map(|_| ())
            }),
            None => on_db!(self, |pool| {
                sqlx::query("DELETE FROM writings WHERE user_id = $1 AND skill = $2")
                    .bind(user.0)
                    .bind(skill)
                    .execute(pool)
                    .await
                    .map(|_| ())
            }),
        }?;
        Ok(())
    }
}
