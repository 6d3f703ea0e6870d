//! Notes and suggestions a clinician leaves on a share that allows coaching, and the
//! member's answer to each. Nothing here starts anything: accepting a suggestion only records
//! the answer; the member then plans the experiment or opens the skill themselves.

use crate::{on_db, Result, Share, Store, StoreError, UserId};
use chrono::{DateTime, Utc};
use foothold_core::agency::Outcome;
use foothold_core::goal::Unit;
use foothold_core::share::{ShareId, Suggestion};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coaching {
    pub id: i64,
    pub share_id: ShareId,
    pub clinician: String,
    pub suggestion: Suggestion,
    /// `open`, `accepted` or `declined`.
    pub status: String,
    pub created_at: DateTime<Utc>,
}

type CoachingRow = (
    i64,
    i64,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    String,
    DateTime<Utc>,
    Option<String>,
);

const COLUMNS: &str =
    "id, share_id, clinician, kind, body, skill, strategy, outcome, status, created_at, unit";

fn coaching_from(row: CoachingRow) -> Result<Coaching> {
    let (id, share_id, clinician, kind, body, skill, strategy, outcome, status, created_at, unit) = row;
    let corrupt = || StoreError::Corrupt("coaching");
    let suggestion = match kind.as_str() {
        "note" => Suggestion::Note { body },
        "skill" => Suggestion::Skill { slug: skill.ok_or_else(corrupt)?, body },
        "experiment" => Suggestion::Experiment {
            strategy: strategy.ok_or_else(corrupt)?,
            outcome: outcome.as_deref().and_then(Outcome::parse).ok_or_else(corrupt)?,
            body,
        },
        "goal" => Suggestion::Goal {
            activity: strategy.ok_or_else(corrupt)?,
            unit: unit.as_deref().and_then(Unit::parse).ok_or_else(corrupt)?,
            body,
        },
        _ => return Err(corrupt()),
    };
    Ok(Coaching { id, share_id: ShareId(share_id), clinician, suggestion, status, created_at })
}

impl Store {
    /// Leaves a note or suggestion on a share (the caller checked the share allows it).
    pub async fn add_coaching(
        &self,
        share: &Share,
        clinician: UserId,
        handle: &str,
        s: &Suggestion,
    ) -> Result<i64> {
        let (kind, body, skill, strategy, outcome, unit) = match s {
            Suggestion::Note { body } => ("note", body, None, None, None, None),
            Suggestion::Skill { slug, body } => ("skill", body, Some(slug.as_str()), None, None, None),
            Suggestion::Experiment { strategy, outcome, body } => {
                ("experiment", body, None, Some(strategy.as_str()), Some(outcome.as_str()), None)
            }
            Suggestion::Goal { activity, unit, body } => {
                ("goal", body, None, Some(activity.as_str()), None, Some(unit.as_str()))
            }
        };
        Ok(on_db!(self, |pool| {
            sqlx::query_scalar(
                "INSERT INTO coaching (share_id, member_id, clinician_id, clinician, kind, body, skill, strategy, outcome,
                                       created_at, unit)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
            )
            .bind(share.id.0)
            .bind(share.member_id.0)
            .bind(clinician.0)
            .bind(handle)
            .bind(kind)
            .bind(body)
            .bind(skill)
            .bind(strategy)
            .bind(outcome)
            .bind(crate::now())
            .bind(unit)
            .fetch_one(pool)
            .await
        })?)
    }

    /// Everything clinicians left for the member, newest first.
    pub async fn member_coaching(&self, member: UserId) -> Result<Vec<Coaching>> {
        let sql = format!("SELECT {COLUMNS} FROM coaching WHERE member_id = $1 ORDER BY id DESC");
        let rows: Vec<CoachingRow> =
            on_db!(self, |pool| sqlx::query_as(&sql).bind(member.0).fetch_all(pool).await)?;
        rows.into_iter().map(coaching_from).collect()
    }

    /// What was left on one share, newest first (for the clinician's page).
    pub async fn share_coaching(&self, share: ShareId) -> Result<Vec<Coaching>> {
        let sql = format!("SELECT {COLUMNS} FROM coaching WHERE share_id = $1 ORDER BY id DESC");
        let rows: Vec<CoachingRow> =
            on_db!(self, |pool| sqlx::query_as(&sql).bind(share.0).fetch_all(pool).await)?;
        rows.into_iter().map(coaching_from).collect()
    }

    /// The member takes up a suggestion or says no; only an open one, only their own.
    pub async fn answer_coaching(&self, member: UserId, id: i64, accept: bool) -> Result<()> {
        let done = on_db!(self, |pool| {
            sqlx::query(
                "UPDATE coaching SET status = $1, answered_at = $2
                 WHERE id = $3 AND member_id = $4 AND status = 'open'",
            )
            .bind(if accept { "accepted" } else { "declined" })
            .bind(crate::now())
            .bind(id)
            .bind(member.0)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
        })?;
        if done == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }
}
