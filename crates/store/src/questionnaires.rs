//! Questionnaire responses and the member's schedule of questionnaires. The store keeps the
//! answers as foothold-core's JSON and the score computed when they were given; it knows
//! nothing of any instrument. A response carries its form's `nonce`, so sending the same
//! form twice saves it once.

use crate::{on_db, Result, Store, StoreError, UserId};
use chrono::{DateTime, NaiveDate, SubsecRound, Utc};
use foothold_core::questionnaire::Answer;

#[derive(Debug, Clone, PartialEq)]
pub struct StoredResponse {
    pub id: i64,
    pub questionnaire: String,
    pub version: String,
    pub answers: Vec<Answer>,
    pub score: Option<f64>,
    pub authored: DateTime<Utc>,
}

/// A questionnaire the member asked to be offered every `every_days`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schedule {
    pub questionnaire: String,
    pub every_days: u16,
    /// "Not now" until this day.
    pub snoozed_until: Option<NaiveDate>,
}

type ResponseRow = (i64, String, String, String, Option<f64>, DateTime<Utc>);

const RESPONSE_COLUMNS: &str = "id, questionnaire, version, answers, score, authored";

fn response_from(
    (id, questionnaire, version, answers, score, authored): ResponseRow,
) -> Result<StoredResponse> {
    let answers =
        serde_json::from_str(&answers).map_err(|_| StoreError::Corrupt("questionnaire_responses.answers"))?;
    Ok(StoredResponse { id, questionnaire, version, answers, score, authored })
}

impl Store {
    /// Saves a response given at `authored`; the same `nonce` again gives the first one back.
    #[allow(clippy::too_many_arguments)]
    pub async fn save_response(
        &self,
        user: UserId,
        nonce: &str,
        questionnaire: &str,
        version: &str,
        answers: &[Answer],
        score: Option<f64>,
        authored: DateTime<Utc>,
    ) -> Result<StoredResponse> {
        let json = serde_json::to_string(answers).map_err(|_| StoreError::Corrupt("answers"))?;
        let id: Option<i64> = on_db!(self, |pool| {
            sqlx::query_scalar(
                "INSERT INTO questionnaire_responses (user_id, nonce, questionnaire, version, answers, score, authored)
                 VALUES ($1, $2, $3, $4, $5, $6, $7)
                 ON CONFLICT (user_id, nonce) DO NOTHING RETURNING id",
            )
            .bind(user.0)
            .bind(nonce)
            .bind(questionnaire)
            .bind(version)
            .bind(&json)
            .bind(score)
            .bind(authored.trunc_subsecs(0))
            .fetch_optional(pool)
            .await
        })?;
        let id = match id {
            Some(id) => id,
            None => self.by_nonce("questionnaire_responses", user, nonce).await?,
        };
        self.response(user, id).await?.ok_or(StoreError::NotFound)
    }

    /// One of the member's responses.
    pub async fn response(&self, user: UserId, id: i64) -> Result<Option<StoredResponse>> {
        let sql =
            format!("SELECT {RESPONSE_COLUMNS} FROM questionnaire_responses WHERE user_id = $1 AND id = $2");
        let row: Option<ResponseRow> =
            on_db!(self, |pool| sqlx::query_as(&sql).bind(user.0).bind(id).fetch_optional(pool).await)?;
        row.map(response_from).transpose()
    }

    /// The member's responses, oldest first: to one questionnaire, or to all.
    pub async fn responses(&self, user: UserId, questionnaire: Option<&str>) -> Result<Vec<StoredResponse>> {
        let sql = format!(
            "SELECT {RESPONSE_COLUMNS} FROM questionnaire_responses
             WHERE user_id = $1 AND ($2 IS NULL OR questionnaire = $2) ORDER BY authored, id"
        );
        let rows: Vec<ResponseRow> =
            on_db!(self, |pool| sqlx::query_as(&sql).bind(user.0).bind(questionnaire).fetch_all(pool).await)?;
        rows.into_iter().map(response_from).collect()
    }

    /// The member's latest response to each questionnaire they answered: what the list and
    /// the home page's offer need, without reading every answer ever given.
    pub async fn latest_responses(&self, user: UserId) -> Result<Vec<StoredResponse>> {
        let sql = format!(
            "SELECT {RESPONSE_COLUMNS} FROM questionnaire_responses r
             WHERE user_id = $1 AND id = (SELECT x.id FROM questionnaire_responses x
                 WHERE x.user_id = r.user_id AND x.questionnaire = r.questionnaire
                 ORDER BY x.authored DESC, x.id DESC LIMIT 1)
             ORDER BY questionnaire"
        );
        let rows: Vec<ResponseRow> =
            on_db!(self, |pool| sqlx::query_as(&sql).bind(user.0).fetch_all(pool).await)?;
        rows.into_iter().map(response_from).collect()
    }

    /// The member's schedules, each with when its questionnaire was last answered, in one
    /// statement (for deciding what is due on every home page view).
    pub async fn schedules_with_last(&self, user: UserId) -> Result<Vec<(Schedule, Option<DateTime<Utc>>)>> {
        type Row = (String, i32, Option<NaiveDate>, Option<DateTime<Utc>>);
        let rows: Vec<Row> = on_db!(self, |pool| {
            sqlx::query_as(
                "SELECT s.questionnaire, s.every_days, s.snoozed_until,
                        (SELECT r.authored FROM questionnaire_responses r
                         WHERE r.user_id = s.user_id AND r.questionnaire = s.questionnaire
                         ORDER BY r.authored DESC LIMIT 1)
                 FROM questionnaire_schedules s WHERE s.user_id = $1 ORDER BY s.questionnaire",
            )
            .bind(user.0)
            .fetch_all(pool)
            .await
        })?;
        rows.into_iter()
            .map(|(questionnaire, every, snoozed_until, last)| {
                let every_days = u16::try_from(every)
                    .map_err(|_| StoreError::Corrupt("questionnaire_schedules.every_days"))?;
                Ok((Schedule { questionnaire, every_days, snoozed_until }, last))
            })
            .collect()
    }

    pub async fn schedules(&self, user: UserId) -> Result<Vec<Schedule>> {
        let rows: Vec<(String, i32, Option<NaiveDate>)> = on_db!(self, |pool| {
            sqlx::query_as(
                "SELECT questionnaire, every_days, snoozed_until FROM questionnaire_schedules
                 WHERE user_id = $1 ORDER BY questionnaire",
            )
            .bind(user.0)
            .fetch_all(pool)
            .await
        })?;
        rows.into_iter()
            .map(|(questionnaire, every, snoozed_until)| {
                let every_days = u16::try_from(every)
                    .map_err(|_| StoreError::Corrupt("questionnaire_schedules.every_days"))?;
                Ok(Schedule { questionnaire, every_days, snoozed_until })
            })
            .collect()
    }

    /// Offers a questionnaire every `every_days` (1–366), or stops offering it (`None`).
    pub async fn set_schedule(
        &self,
        user: UserId,
        questionnaire: &str,
        every_days: Option<u16>,
    ) -> Result<()> {
        match every_days {
            Some(days) => on_db!(self, |pool| {
                sqlx::query(
                    "INSERT INTO questionnaire_schedules (user_id, questionnaire, every_days) VALUES ($1, $2, $3)
                     ON CONFLICT (user_id, questionnaire) DO UPDATE SET every_days = excluded.every_days",
                )
                .bind(user.0)
                .bind(questionnaire)
                .bind(i32::from(days.clamp(1, 366)))
                .execute(pool)
                .await
                .map(|_| ())
            }),
            None => on_db!(self, |pool| {
                sqlx::query("DELETE FROM questionnaire_schedules WHERE user_id = $1 AND questionnaire = $2")
                    .bind(user.0)
                    .bind(questionnaire)
                    .execute(pool)
                    .await
                    .map(|_| ())
            }),
        }?;
        Ok(())
    }

    /// "Not now": the questionnaire is not offered again before `until`.
    pub async fn snooze_questionnaire(
        &self,
        user: UserId,
        questionnaire: &str,
        until: NaiveDate,
    ) -> Result<()> {
        on_db!(self, |pool| {
            sqlx::query("UPDATE questionnaire_schedules SET snoozed_until = $1 WHERE user_id = $2 AND questionnaire = $3")
                .bind(until)
                .bind(user.0)
                .bind(questionnaire)
                .execute(pool)
                .await
                .map(|_| ())
        })?;
        Ok(())
    }
}
