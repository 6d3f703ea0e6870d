//! The member's questions for their next visit, in the order they wrote them. Adding carries
//! the form's nonce, so a double submit adds one question.

use crate::{on_db, Result, Store, UserId};

/// At most this many questions are kept: a visit has room for a handful.
pub const MAX_QUESTIONS: i64 = 20;

impl Store {
    pub async fn visit_questions(&self, user: UserId) -> Result<Vec<(i64, String)>> {
        Ok(on_db!(self, |pool| {
            sqlx::query_as("SELECT id, question FROM visit_questions WHERE user_id = $1 ORDER BY id")
                .bind(user.0)
                .fetch_all(pool)
                .await
        })?)
    }

    /// Adds a question (the caller keeps to [`MAX_QUESTIONS`]).
    pub async fn add_visit_question(&self, user: UserId, nonce: &str, question: &str) -> Result<()> {
        on_db!(self, |pool| {
            sqlx::query(
                "INSERT INTO visit_questions (user_id, nonce, question, created_at) VALUES ($1, $2, $3, $4)
                 ON CONFLICT (user_id, nonce) DO NOTHING",
            )
            .bind(user.0)
            .bind(nonce)
            .bind(question)
            .bind(crate::now())
            .execute(pool)
            .await
            .map(|_| ())
        })?;
        Ok(())
    }

    /// Removes one question (asked, or no longer needed).
    pub async fn remove_visit_question(&self, user: UserId, id: i64) -> Result<()> {
        on_db!(self, |pool| {
            sqlx::query("DELETE FROM visit_questions WHERE user_id = $1 AND id = $2")
                .bind(user.0)
                .bind(id)
                .execute(pool)
                .await
                .map(|_| ())
        })?;
        Ok(())
    }
}
