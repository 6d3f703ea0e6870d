//! Thought records and predictions. A record is saved whole at every step (one transaction:
//! the record and its feelings), naming the version the member's form showed, so a form
//! submitted twice or from a stale tab never overwrites newer work. Starting a record or a
//! prediction carries the form's one-time `nonce`: submitting the same form twice gives the
//! first one back instead of a duplicate.

use crate::{on_db, Result, Store, StoreError, UserId};
use chrono::{DateTime, NaiveDate, Utc};
use foothold_core::thought::{Compared, Feeling, PredictionId, Step, ThoughtId, TRAPS};

#[derive(Debug, Clone, PartialEq)]
pub struct ThoughtRecord {
    pub id: ThoughtId,
    pub day: NaiveDate,
    pub step: Step,
    pub situation: Option<String>,
    pub thought: Option<String>,
    pub feelings: Vec<Feeling>,
    pub traps: Vec<&'static str>,
    pub evidence_for: Option<String>,
    pub evidence_against: Option<String>,
    pub alternative: Option<String>,
    pub version: i64,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Prediction {
    pub id: PredictionId,
    pub day: NaiveDate,
    pub activity: Option<String>,
    pub expected: String,
    /// How sure the member was, 0–100 %.
    pub confidence: u8,
    pub happened: Option<String>,
    pub compared: Option<Compared>,
    pub version: i64,
}

type RecordRow = (
    i64,
    NaiveDate,
    String,
    Option<String>,
    Option<String>,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    i64,
    DateTime<Utc>,
);
/// (record id, name, intensity before, intensity after).
type FeelingRow = (i64, String, i16, Option<i16>);
type PredictionRow = (i64, NaiveDate, Option<String>, String, i16, Option<String>, Option<String>, i64);

const RECORD_COLUMNS: &str = "id, day, step, situation, thought, traps, evidence_for, evidence_against, \
     alternative, version, updated_at";
const PREDICTION_COLUMNS: &str = "id, day, activity, expected, confidence, happened, compared, version";

fn record_from(row: RecordRow, feelings: Vec<Feeling>) -> Result<ThoughtRecord> {
    let (id, day, step, situation, thought, traps, evidence_for, evidence_against, alternative, version, at) =
        row;
    Ok(ThoughtRecord {
        id: ThoughtId(id),
        day,
        step: Step::parse(&step).ok_or(StoreError::Corrupt("thought_records.step"))?,
        situation,
        thought,
        feelings,
        traps: TRAPS.into_iter().filter(|t| traps.split(',').any(|s| s == *t)).collect(),
        evidence_for,
        evidence_against,
        alternative,
        version,
        updated_at: at,
    })
}

fn prediction_from(row: PredictionRow) -> Result<Prediction> {
    let (id, day, activity, expected, confidence, happened, compared, version) = row;
    Ok(Prediction {
        id: PredictionId(id),
        day,
        activity,
        expected,
        confidence: u8::try_from(confidence).map_err(|_| StoreError::Corrupt("predictions.confidence"))?,
        happened,
        compared: compared
            .map(|c| Compared::parse(&c).ok_or(StoreError::Corrupt("predictions.compared")))
            .transpose()?,
        version,
    })
}

fn level(v: u8) -> i16 {
    i16::from(v)
}

impl Store {
    /// Starts a thought record with its situation and thought; with a `nonce` already used by
    /// this member, returns that record instead (a double submission).
    pub async fn start_thought(
        &self,
        user: UserId,
        nonce: &str,
        day: NaiveDate,
        situation: Option<&str>,
        thought: Option<&str>,
    ) -> Result<ThoughtRecord> {
        let now = crate::now();
        let id: Option<i64> = on_db!(self, |pool| {
            sqlx::query_scalar(
                "INSERT INTO thought_records (user_id, nonce, day, step, situation, thought, created_at, updated_at)
                 VALUES ($1, $2, $3, 'feelings', $4, $5, $6, $6)
                 ON CONFLICT (user_id, nonce) DO NOTHING RETURNING id",
            )
            .bind(user.0)
            .bind(nonce)
            .bind(day)
            .bind(situation)
            .bind(thought)
            .bind(now)
            .fetch_optional(pool)
            .await
        })?;
        let id = match id {
            Some(id) => id,
            None => self.by_nonce("thought_records", user, nonce).await?,
        };
        self.thought(user, ThoughtId(id)).await
    }

    /// The id of the row of `table` a member created with `nonce` (a double submission).
    pub(crate) async fn by_nonce(&self, table: &'static str, user: UserId, nonce: &str) -> Result<i64> {
        let query = format!("SELECT id FROM {table} WHERE user_id = $1 AND nonce = $2");
        Ok(on_db!(self, |pool| sqlx::query_scalar(&query).bind(user.0).bind(nonce).fetch_one(pool).await)?)
    }

    /// Saves the whole record as `r` says (its `id` and `version` name what the form showed);
    /// `Stale` if it changed since, `NotFound` if it is not the member's.
    pub async fn save_thought(&self, user: UserId, r: &ThoughtRecord) -> Result<ThoughtRecord> {
        let now = crate::now();
        let begin = self.begin_write();
        let _turn = self.write_turn().await;
        on_db!(self, |pool| {
            let mut tx = pool.begin_with(begin).await?;
            let done = sqlx::query(
                "UPDATE thought_records SET step = $1, situation = $2, thought = $3, traps = $4,
                    evidence_for = $5, evidence_against = $6, alternative = $7, updated_at = $8,
                    version = version + 1
                 WHERE id = $9 AND user_id = $10 AND version = $11",
            )
            .bind(r.step.as_str())
            .bind(&r.situation)
            .bind(&r.thought)
            .bind(r.traps.join(","))
            .bind(&r.evidence_for)
            .bind(&r.evidence_against)
            .bind(&r.alternative)
            .bind(now)
            .bind(r.id.0)
            .bind(user.0)
            .bind(r.version)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if done != 1 {
                // Not the member's record is NotFound; theirs but changed since is Stale.
                let mine: Option<i64> =
                    sqlx::query_scalar("SELECT id FROM thought_records WHERE id = $1 AND user_id = $2")
                        .bind(r.id.0)
                        .bind(user.0)
                        .fetch_optional(&mut *tx)
                        .await?;
                return Err(if mine.is_some() { StoreError::Stale } else { StoreError::NotFound });
            }
            sqlx::query("DELETE FROM thought_feelings WHERE record_id = $1")
                .bind(r.id.0)
                .execute(&mut *tx)
                .await?;
            for (position, f) in r.feelings.iter().enumerate() {
                sqlx::query(
                    "INSERT INTO thought_feelings (record_id, position, name, intensity_before, intensity_after)
                     VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(r.id.0)
                .bind(i32::try_from(position).unwrap_or(i32::MAX))
                .bind(&f.name)
                .bind(level(f.before))
                .bind(f.after.map(level))
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
            Ok::<_, StoreError>(())
        })?;
        self.thought(user, r.id).await
    }

    pub async fn delete_thought(&self, user: UserId, thought: ThoughtId) -> Result<()> {
        let id = thought.0;
        let done = on_db!(self, |pool| {
            sqlx::query("DELETE FROM thought_records WHERE id = $1 AND user_id = $2")
                .bind(id)
                .bind(user.0)
                .execute(pool)
                .await
                .map(|r| r.rows_affected())
        })?;
        crate::users::expect_one(done)
    }

    /// One of the member's records; `NotFound` for anyone else's.
    pub async fn thought(&self, user: UserId, thought: ThoughtId) -> Result<ThoughtRecord> {
        self.load_thoughts(user, Some(thought.0)).await?.into_iter().next().ok_or(StoreError::NotFound)
    }

    /// All the member's records, newest first.
    pub async fn thoughts(&self, user: UserId) -> Result<Vec<ThoughtRecord>> {
        self.load_thoughts(user, None).await
    }

    async fn load_thoughts(&self, user: UserId, only: Option<i64>) -> Result<Vec<ThoughtRecord>> {
        let filter = if only.is_some() { "AND r.id = $2" } else { "AND $2 IS NULL" };
        let (rows, feelings): (Vec<RecordRow>, Vec<FeelingRow>) = on_db!(self, |pool| {
            let rows = sqlx::query_as(&format!(
                "SELECT {RECORD_COLUMNS} FROM thought_records r WHERE user_id = $1 {filter}
                 ORDER BY day DESC, id DESC"
            ))
            .bind(user.0)
            .bind(only)
            .fetch_all(pool)
            .await?;
            let feelings = sqlx::query_as(&format!(
                "SELECT f.record_id, f.name, f.intensity_before, f.intensity_after FROM thought_feelings f
                 JOIN thought_records r ON r.id = f.record_id WHERE r.user_id = $1 {filter}
                 ORDER BY f.record_id, f.position"
            ))
            .bind(user.0)
            .bind(only)
            .fetch_all(pool)
            .await?;
            Ok::<_, sqlx::Error>((rows, feelings))
        })?;
        let level = |v: i16| u8::try_from(v).map_err(|_| StoreError::Corrupt("thought_feelings intensity"));
        rows.into_iter()
            .map(|row| {
                let mine = feelings
                    .iter()
                    .filter(|f| f.0 == row.0)
                    .map(|(_, name, before, after)| {
                        Ok(Feeling {
                            name: name.clone(),
                            before: level(*before)?,
                            after: after.map(level).transpose()?,
                        })
                    })
                    .collect::<Result<Vec<Feeling>>>()?;
                record_from(row, mine)
            })
            .collect()
    }

    /// Writes down a prediction; a repeated `nonce` returns the first one.
    pub async fn create_prediction(
        &self,
        user: UserId,
        nonce: &str,
        day: NaiveDate,
        activity: Option<&str>,
        expected: &str,
        confidence: u8,
    ) -> Result<Prediction> {
        let now = crate::now();
        let id: Option<i64> = on_db!(self, |pool| {
            sqlx::query_scalar(
                "INSERT INTO predictions (user_id, nonce, day, activity, expected, confidence, created_at, updated_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
                 ON CONFLICT (user_id, nonce) DO NOTHING RETURNING id",
            )
            .bind(user.0)
            .bind(nonce)
            .bind(day)
            .bind(activity)
            .bind(expected)
            .bind(level(confidence))
            .bind(now)
            .fetch_optional(pool)
            .await
        })?;
        let id = match id {
            Some(id) => id,
            None => self.by_nonce("predictions", user, nonce).await?,
        };
        self.prediction(user, PredictionId(id)).await
    }

    /// Records what happened; `Stale` if the prediction changed since `version`.
    pub async fn resolve_prediction(
        &self,
        user: UserId,
        prediction: PredictionId,
        version: i64,
        happened: &str,
        compared: Compared,
    ) -> Result<Prediction> {
        let id = prediction.0;
        let done = on_db!(self, |pool| {
            sqlx::query(
                "UPDATE predictions SET happened = $1, compared = $2, updated_at = $3, version = version + 1
                 WHERE id = $4 AND user_id = $5 AND version = $6",
            )
            .bind(happened)
            .bind(compared.as_str())
            .bind(crate::now())
            .bind(id)
            .bind(user.0)
            .bind(version)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
        })?;
        if done != 1 {
            // Not the member's is NotFound; theirs but changed is Stale.
            self.prediction(user, prediction).await?;
            return Err(StoreError::Stale);
        }
        self.prediction(user, prediction).await
    }

    pub async fn prediction(&self, user: UserId, prediction: PredictionId) -> Result<Prediction> {
        let id = prediction.0;
        let row: Option<PredictionRow> = on_db!(self, |pool| {
            sqlx::query_as(&format!(
                "SELECT {PREDICTION_COLUMNS} FROM predictions WHERE id = $1 AND user_id = $2"
            ))
            .bind(id)
            .bind(user.0)
            .fetch_optional(pool)
            .await
        })?;
        prediction_from(row.ok_or(StoreError::NotFound)?)
    }

    /// All the member's predictions, newest first.
    pub async fn predictions(&self, user: UserId) -> Result<Vec<Prediction>> {
        let rows: Vec<PredictionRow> = on_db!(self, |pool| {
            sqlx::query_as(&format!(
                "SELECT {PREDICTION_COLUMNS} FROM predictions WHERE user_id = $1 ORDER BY day DESC, id DESC"
            ))
            .bind(user.0)
            .fetch_all(pool)
            .await
        })?;
        rows.into_iter().map(prediction_from).collect()
    }
}
