//! Direct messages between two members. The rules of who may write to whom (both allow it,
//! neither blocked the other, not a new account) are the web layer's; the store keeps the
//! conversations, tells the recipient once per unread conversation, and keeps the reports
//! the site's moderators read.

use crate::blocks::unblocked;
use crate::{on_db, Result, Store, StoreError, UserId};
use chrono::{DateTime, Utc};
use foothold_core::community::ReportReason;

/// A conversation as one of its two members sees it in their list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conversation {
    pub with: UserId,
    pub handle: String,
    pub last_at: DateTime<Utc>,
    /// Messages to this member not yet read.
    pub unread: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub id: i64,
    pub sender: UserId,
    pub body: String,
    pub created_at: DateTime<Utc>,
    /// When the recipient opened the conversation after it arrived.
    pub read_at: Option<DateTime<Utc>>,
}

/// A member's own settings for messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MessageSettings {
    /// They let other members write to them.
    pub open: bool,
    /// A site moderator turned their messages off after a report.
    pub barred: bool,
}

/// A reported message, for the site's moderators: the message itself and nothing else of
/// the conversation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MessageReport {
    pub id: i64,
    pub message: i64,
    pub sender: UserId,
    pub sender_handle: String,
    pub body: String,
    pub reason: ReportReason,
    pub note: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// One message as it goes into the member's data archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArchivedMessage {
    /// The other member's handle.
    pub with: String,
    /// The member wrote it (else the other member wrote it to them).
    pub sent: bool,
    pub body: String,
    pub created_at: DateTime<Utc>,
}

/// Messages shown in one conversation page: the newest this many.
const CONVERSATION_SHOWN: i64 = 200;

impl Store {
    pub async fn message_settings(&self, user: UserId) -> Result<MessageSettings> {
        let (open, barred): (bool, bool) = on_db!(self, |pool| {
            sqlx::query_as("SELECT messages_open, messages_barred FROM users WHERE id = $1")
                .bind(user.0)
                .fetch_one(pool)
                .await
        })?;
        Ok(MessageSettings { open, barred })
    }

    /// Whether `from` ever wrote to `to`.
    pub async fn has_written(&self, from: UserId, to: UserId) -> Result<bool> {
        Ok(on_db!(self, |pool| {
            sqlx::query_scalar(
                "SELECT EXISTS (SELECT 1 FROM messages WHERE sender_id = $1 AND recipient_id = $2)",
            )
            .bind(from.0)
            .bind(to.0)
            .fetch_one(pool)
            .await
        })?)
    }

    /// Lets others write to the member (`open`), or stops it. A barred member stays closed.
    pub async fn set_messages_open(&self, user: UserId, open: bool) -> Result<()> {
        on_db!(self, |pool| {
            sqlx::query("UPDATE users SET messages_open = $1 AND NOT messages_barred WHERE id = $2")
                .bind(open)
                .bind(user.0)
                .execute(pool)
                .await
                .map(|r| r.rows_affected())
        })?;
        Ok(())
    }

    /// Saves a message from `from` to `to`, and tells `to` unless an unread notice of a
    /// message from `from` is already waiting. The same `nonce` twice is one message: the
    /// second call returns the first one's id and `false`.
    pub async fn send_message(
        &self,
        from: UserId,
        to: UserId,
        nonce: &str,
        body: &str,
    ) -> Result<(i64, bool)> {
        let now = crate::now();
        let (low, high) = if from.0 < to.0 { (from.0, to.0) } else { (to.0, from.0) };
        let begin = self.begin_write();
        let _turn = self.write_turn().await;
        let sent = on_db!(self, |pool| {
            let mut tx = pool.begin_with(begin).await?;
            let earlier: Option<i64> =
                sqlx::query_scalar("SELECT id FROM messages WHERE sender_id = $1 AND nonce = $2")
                    .bind(from.0)
                    .bind(nonce)
                    .fetch_optional(&mut *tx)
                    .await?;
            if let Some(id) = earlier {
                return Ok::<_, StoreError>((id, false));
            }
            let conversation: i64 = sqlx::query_scalar(
                "INSERT INTO conversations (low_id, high_id, last_at) VALUES ($1, $2, $3)
                 ON CONFLICT (low_id, high_id) DO UPDATE SET last_at = excluded.last_at RETURNING id",
            )
            .bind(low)
            .bind(high)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO messages (conversation_id, sender_id, recipient_id, nonce, body, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            )
            .bind(conversation)
            .bind(from.0)
            .bind(to.0)
            .bind(nonce)
            .bind(body)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            let told = sqlx::query(
                "INSERT INTO notifications (user_id, kind, actor_id, created_at)
                 SELECT $1, 'message', $2, $3 WHERE NOT EXISTS (SELECT 1 FROM notifications
                     WHERE user_id = $1 AND kind = 'message' AND actor_id = $2 AND read_at IS NULL)",
            )
            .bind(to.0)
            .bind(from.0)
            .bind(now)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if told == 1 {
                sqlx::query("UPDATE users SET unread = unread + 1 WHERE id = $1")
                    .bind(to.0)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
            Ok::<_, StoreError>((id, true))
        })?;
        // Their unread count may have changed: cached sessions must not show the old one.
        self.sessions.forget_user(to);
        Ok(sent)
    }

    /// The member's conversations, latest first, without those with anyone either of them
    /// blocked.
    pub async fn conversations(&self, user: UserId) -> Result<Vec<Conversation>> {
        let sql = format!(
            "SELECT u.id, u.handle, c.last_at,
                    (SELECT COUNT(*) FROM messages m WHERE m.recipient_id = $1 AND m.conversation_id = c.id
                        AND m.read_at IS NULL)
             FROM conversations c JOIN users u ON u.id = CASE WHEN c.low_id = $1 THEN c.high_id ELSE c.low_id END
             WHERE (c.low_id = $1 OR c.high_id = $1) AND {}
             ORDER BY c.last_at DESC, c.id DESC LIMIT 500",
            unblocked("u.id", "$1")
        );
        let rows: Vec<(i64, String, DateTime<Utc>, i64)> =
            on_db!(self, |pool| sqlx::query_as(&sql).bind(user.0).fetch_all(pool).await)?;
        Ok(rows
            .into_iter()
            .map(|(id, handle, last_at, unread)| Conversation { with: UserId(id), handle, last_at, unread })
            .collect())
    }

    /// Every message the member wrote or received, by conversation and then oldest first,
    /// blocked conversations included: it is their data archive, not a list to read.
    pub async fn all_messages(&self, user: UserId) -> Result<Vec<ArchivedMessage>> {
        let rows: Vec<(String, bool, String, DateTime<Utc>)> = on_db!(self, |pool| {
            sqlx::query_as(
                "SELECT u.handle, m.sender_id = $1, m.body, m.created_at FROM messages m
                 JOIN users u ON u.id = CASE WHEN m.sender_id = $1 THEN m.recipient_id ELSE m.sender_id END
                 WHERE m.sender_id = $1 OR m.recipient_id = $1
                 ORDER BY m.conversation_id, m.id",
            )
            .bind(user.0)
            .fetch_all(pool)
            .await
        })?;
        Ok(rows
            .into_iter()
            .map(|(with, sent, body, created_at)| ArchivedMessage { with, sent, body, created_at })
            .collect())
    }

    /// The newest messages between `user` and `other`, oldest first.
    pub async fn conversation(&self, user: UserId, other: UserId) -> Result<Vec<Message>> {
        let (low, high) = if user.0 < other.0 { (user.0, other.0) } else { (other.0, user.0) };
        type Row = (i64, i64, String, DateTime<Utc>, Option<DateTime<Utc>>);
        let mut rows: Vec<Row> = on_db!(self, |pool| {
            sqlx::query_as(
                "SELECT m.id, m.sender_id, m.body, m.created_at, m.read_at FROM messages m
                 JOIN conversations c ON c.id = m.conversation_id
                 WHERE c.low_id = $1 AND c.high_id = $2 ORDER BY m.id DESC LIMIT $3",
            )
            .bind(low)
            .bind(high)
            .bind(CONVERSATION_SHOWN)
            .fetch_all(pool)
            .await
        })?;
        rows.reverse();
        Ok(rows
            .into_iter()
            .map(|(id, sender, body, created_at, read_at)| Message {
                id,
                sender: UserId(sender),
                body,
                created_at,
                read_at,
            })
            .collect())
    }

    /// `user` has read what `other` wrote to them: the messages, and the notice of them.
    pub async fn mark_conversation_read(&self, user: UserId, other: UserId) -> Result<()> {
        let now = crate::now();
        let begin = self.begin_write();
        let _turn = self.write_turn().await;
        on_db!(self, |pool| {
            let mut tx = pool.begin_with(begin).await?;
            sqlx::query(
                "UPDATE messages SET read_at = $3 WHERE recipient_id = $1 AND sender_id = $2 AND read_at IS NULL",
            )
            .bind(user.0)
            .bind(other.0)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            let read = sqlx::query(
                "UPDATE notifications SET read_at = $3
                 WHERE user_id = $1 AND kind = 'message' AND actor_id = $2 AND read_at IS NULL",
            )
            .bind(user.0)
            .bind(other.0)
            .bind(now)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if read > 0 {
                sqlx::query("UPDATE users SET unread = CASE WHEN unread > $2 THEN unread - $2 ELSE 0 END WHERE id = $1")
                    .bind(user.0)
                    .bind(i64::try_from(read).unwrap_or(i64::MAX))
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
            Ok::<_, StoreError>(read)
        })?;
        self.sessions.forget_user(user);
        Ok(())
    }

    /// Files `reporter`'s report of a message they received. `NotFound` for any other
    /// message; reporting one twice changes nothing.
    pub async fn report_message(
        &self,
        reporter: UserId,
        message: i64,
        reason: ReportReason,
        note: Option<&str>,
    ) -> Result<()> {
        let now = crate::now();
        let done = on_db!(self, |pool| {
            sqlx::query(
                "INSERT INTO message_reports (message_id, reporter_id, reason, note, created_at)
                 SELECT id, $2, $3, $4, $5 FROM messages WHERE id = $1 AND recipient_id = $2
                 ON CONFLICT (message_id, reporter_id) DO NOTHING",
            )
            .bind(message)
            .bind(reporter.0)
            .bind(reason.as_str())
            .bind(note)
            .bind(now)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
        })?;
        if done == 0 {
            // Either reported before (fine) or not theirs to report.
            let theirs: bool = on_db!(self, |pool| {
                sqlx::query_scalar(
                    "SELECT EXISTS (SELECT 1 FROM messages WHERE id = $1 AND recipient_id = $2)",
                )
                .bind(message)
                .bind(reporter.0)
                .fetch_one(pool)
                .await
            })?;
            if !theirs {
                return Err(StoreError::NotFound);
            }
        }
        Ok(())
    }

    /// Open reports of messages, a member at risk first, then oldest first.
    pub async fn open_message_reports(&self) -> Result<Vec<MessageReport>> {
        type Row = (i64, i64, i64, String, String, String, Option<String>, DateTime<Utc>);
        let rows: Vec<Row> = on_db!(self, |pool| {
            sqlx::query_as(
                "SELECT r.id, m.id, m.sender_id, u.handle, m.body, r.reason, r.note, r.created_at
                 FROM message_reports r JOIN messages m ON m.id = r.message_id JOIN users u ON u.id = m.sender_id
                 WHERE r.closed_at IS NULL
                 ORDER BY CASE WHEN r.reason = 'at_risk' THEN 0 ELSE 1 END, r.id LIMIT 200",
            )
            .fetch_all(pool)
            .await
        })?;
        rows.into_iter()
            .map(|(id, message, sender, sender_handle, body, reason, note, created_at)| {
                Ok(MessageReport {
                    id,
                    message,
                    sender: UserId(sender),
                    sender_handle,
                    body,
                    reason: ReportReason::parse(&reason)
                        .ok_or(StoreError::Corrupt("message_reports.reason"))?,
                    note,
                    created_at,
                })
            })
            .collect()
    }

    /// Closes a message report; with `bar`, also turns its sender's messages off for good
    /// (closing every open report of their messages). `NotFound` for an unknown report.
    pub async fn close_message_report(&self, report: i64, bar: bool) -> Result<()> {
        let now = crate::now();
        let begin = self.begin_write();
        let _turn = self.write_turn().await;
        on_db!(self, |pool| {
            let mut tx = pool.begin_with(begin).await?;
            let sender: i64 = sqlx::query_scalar(
                "SELECT m.sender_id FROM message_reports r JOIN messages m ON m.id = r.message_id WHERE r.id = $1",
            )
            .bind(report)
            .fetch_one(&mut *tx)
            .await?;
            sqlx::query("UPDATE message_reports SET closed_at = $2 WHERE id = $1 AND closed_at IS NULL")
                .bind(report)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            if bar {
                sqlx::query("UPDATE users SET messages_barred = TRUE, messages_open = FALSE WHERE id = $1")
                    .bind(sender)
                    .execute(&mut *tx)
                    .await?;
                sqlx::query(
                    "UPDATE message_reports SET closed_at = $2 WHERE closed_at IS NULL
                     AND message_id IN (SELECT id FROM messages WHERE sender_id = $1)",
                )
                .bind(sender)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
            Ok::<_, StoreError>(())
        })?;
        Ok(())
    }
}
