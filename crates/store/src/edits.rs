//! Editing a post. The text before every edit is kept in `post_edits`, which only moderators
//! read; a moderator's edit (taking out personal details) is marked, logged in the group's
//! moderation log and closes the post's reports, all in one transaction.

use crate::moderation::{CLOSE_REPORTS, LOG_LINE};
use crate::{on_db, Conflict, GroupId, PostId, Result, Store, StoreError, UserId};
use chrono::{DateTime, Utc};
use foothold_core::community::ModAction;

/// One earlier text of a post.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostEdit {
    /// The text the post had before this edit.
    pub body: String,
    pub edited_at: DateTime<Utc>,
    pub by_moderator: bool,
    /// Who edited (`None` when their account is gone).
    pub editor: Option<String>,
}

/// A moderator's edit: the group it is logged in and the reason for the log.
#[derive(Debug, Clone, Copy)]
pub struct AsModerator<'a> {
    pub group: GroupId,
    pub reason: Option<&'a str>,
}

impl Store {
    /// Replaces a post's text, keeping the old one. Returns false when the text did not
    /// change (nothing is written). An author cannot edit in a locked thread
    /// (`Conflict(ThreadLocked)`); a moderator can. With `hold` (an author's edit that reads
    /// like a crisis, where the operator holds such posts) the post goes back to the
    /// moderators in the same transaction, as a new held post would be: hidden and no longer
    /// counted (an opening post hides its thread), until a moderator shows it.
    pub async fn edit_post(
        &self,
        post: PostId,
        editor: UserId,
        body: &str,
        moderator: Option<AsModerator<'_>>,
        hold: bool,
    ) -> Result<bool> {
        let now = crate::now();
        let begin = self.begin_write();
        let _turn = self.write_turn().await;
        on_db!(self, |pool| {
            let mut tx = pool.begin_with(begin).await?;
            let (before, thread, locked): (String, i64, bool) = sqlx::query_as(
                "SELECT p.body, t.id, t.locked FROM posts p JOIN threads t ON t.id = p.thread_id WHERE p.id = $1",
            )
            .bind(post)
            .fetch_one(&mut *tx)
            .await?;
            if before == body {
                return Ok(false);
            }
            if locked && moderator.is_none() {
                return Err(StoreError::Conflict(Conflict::ThreadLocked));
            }
            sqlx::query(
                "INSERT INTO post_edits (post_id, editor_id, body, by_moderator, edited_at) VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(post)
            .bind(editor.0)
            .bind(&before)
            .bind(moderator.is_some())
            .bind(now)
            .execute(&mut *tx)
            .await?;
            sqlx::query(
                "UPDATE posts SET body = $1, edited_at = $2, moderator_edited = (moderator_edited OR $3) WHERE id = $4",
            )
            .bind(body)
            .bind(now)
            .bind(moderator.is_some())
            .bind(post)
            .execute(&mut *tx)
            .await?;
            if hold {
                let newly_held: Option<i64> = sqlx::query_scalar(
                    "UPDATE posts SET hidden = TRUE, held = TRUE WHERE id = $1 AND held = FALSE RETURNING id",
                )
                .bind(post)
                .fetch_optional(&mut *tx)
                .await?;
                // Held as it would be when first written: the opening post hides its thread, a
                // reply leaves the count (showing it again adds it back).
                if newly_held.is_some() {
                    sqlx::query(
                        "UPDATE threads SET
                           hidden = CASE WHEN (SELECT MIN(id) FROM posts WHERE thread_id = $1) = $2 THEN TRUE ELSE hidden END,
                           posts = posts - CASE WHEN (SELECT MIN(id) FROM posts WHERE thread_id = $1) = $2 THEN 0 ELSE 1 END
                         WHERE id = $1",
                    )
                    .bind(thread)
                    .bind(post)
                    .execute(&mut *tx)
                    .await?;
                }
            }
            if let Some(m) = moderator {
                sqlx::query(CLOSE_REPORTS).bind(now).bind(post).execute(&mut *tx).await?;
                sqlx::query(LOG_LINE)
                    .bind(m.group)
                    .bind(editor.0)
                    .bind(ModAction::Edit.as_str())
                    .bind(thread)
                    .bind(post)
                    .bind(m.reason)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
            Ok::<_, StoreError>(true)
        })
    }

    /// A post's earlier texts, newest first.
    pub async fn post_history(&self, post: PostId) -> Result<Vec<PostEdit>> {
        let rows: Vec<(String, DateTime<Utc>, bool, Option<String>)> = on_db!(self, |pool| {
            sqlx::query_as(
                "SELECT e.body, e.edited_at, e.by_moderator, u.handle FROM post_edits e
                 LEFT JOIN users u ON u.id = e.editor_id WHERE e.post_id = $1 ORDER BY e.id DESC LIMIT 200",
            )
            .bind(post)
            .fetch_all(pool)
            .await
        })?;
        Ok(rows
            .into_iter()
            .map(|(body, edited_at, by_moderator, editor)| PostEdit { body, edited_at, by_moderator, editor })
            .collect())
    }
}
