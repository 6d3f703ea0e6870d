//! Notifications, made by jobs in the database. Writing a post queues a `post` job in the
//! same transaction (so a crash loses neither); any app server runs due jobs, each claimed
//! and done in one transaction — `FOR UPDATE SKIP LOCKED` in PostgreSQL, the single write
//! lock in SQLite — so a job runs once, and again only if it failed.

use crate::blocks::unblocked;
use crate::{on_db, GroupId, PostId, Result, Store, StoreError, ThreadId, UserId};
use chrono::{DateTime, Utc};
use foothold_core::community::mentions;

/// Jobs done in one transaction.
const JOB_BATCH: u32 = 50;
/// At most this many followers hear of one reply.
const FOLLOWERS_MAX: i64 = 1_000;
/// At most this many members are notified of mentions in one post.
const MENTIONS_MAX: usize = 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotificationKind {
    Reply,
    Mention,
    Approved,
    /// A moderator's warning, with their words.
    Warning,
    /// A pause in posting in a group, with its end.
    Suspended,
    /// A member wrote to them directly (one notice per unread conversation).
    Message,
    /// Their post, held for the moderators to read first, is now shown in the group.
    Shown,
    /// A new conversation in a group they follow.
    Thread,
}

impl NotificationKind {
    const ALL: [Self; 8] = [
        Self::Reply,
        Self::Mention,
        Self::Approved,
        Self::Warning,
        Self::Suspended,
        Self::Message,
        Self::Shown,
        Self::Thread,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Reply => "reply",
            Self::Mention => "mention",
            Self::Approved => "approved",
            Self::Warning => "warning",
            Self::Suspended => "suspended",
            Self::Message => "message",
            Self::Shown => "shown",
            Self::Thread => "thread",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// What a member follows: one conversation (they hear of its replies), or a group (they
/// hear of every new conversation in it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Followed {
    Thread(ThreadId),
    Group(GroupId),
}

impl Followed {
    /// Its table, the column naming what is followed, and the id.
    fn row(self) -> (&'static str, &'static str, i64) {
        match self {
            Followed::Thread(t) => ("thread_follows", "thread_id", t.0),
            Followed::Group(g) => ("group_follows", "group_id", g.0),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notification {
    pub id: i64,
    pub kind: NotificationKind,
    /// Who caused it (`None` if their account is gone).
    pub actor: Option<String>,
    pub group_slug: Option<String>,
    pub group_name: Option<String>,
    pub thread: Option<ThreadId>,
    pub thread_title: Option<String>,
    pub post: Option<PostId>,
    /// A moderator's words to the member.
    pub message: Option<String>,
    /// When a pause in posting ends.
    pub until: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub read: bool,
}

/// Who may read a group: its active members, or anyone not banned if it is public.
const CAN_READ: &str = "(EXISTS (SELECT 1 FROM group_members m WHERE m.group_id = $2 AND m.user_id = u.id
        AND m.standing = 'active')
     OR ((SELECT visibility FROM groups WHERE id = $2) = 'public' AND NOT EXISTS (SELECT 1 FROM group_members b
        WHERE b.group_id = $2 AND b.user_id = u.id AND b.standing = 'banned')))";

impl Store {
    /// Runs up to `limit` due jobs; returns how many ran. A batch that fails stays queued and
    /// is tried again on a later call.
    pub async fn run_due_jobs(&self, limit: u32) -> Result<u32> {
        let mut done = 0;
        while done < limit {
            let ran = self.run_job_batch(JOB_BATCH.min(limit - done)).await?;
            done += ran;
            if ran < JOB_BATCH {
                break;
            }
        }
        Ok(done)
    }

    /// Jobs queued and not yet done (including any another runner is doing right now).
    pub async fn queued_jobs(&self) -> Result<i64> {
        Ok(on_db!(self, |pool| { sqlx::query_scalar("SELECT COUNT(*) FROM jobs").fetch_one(pool).await })?)
    }

    /// Claims up to `batch` due jobs and does them in one transaction: one commit (one fsync
    /// in SQLite) for many jobs, so busy posting does not double the writes.
    async fn run_job_batch(&self, batch: u32) -> Result<u32> {
        let now = crate::now();
        let claim = match self.backend() {
            crate::Backend::Sqlite => {
                "DELETE FROM jobs WHERE id IN (SELECT id FROM jobs WHERE run_after <= $1 ORDER BY id LIMIT $2)
                 RETURNING kind, subject"
            }
            crate::Backend::Postgres => {
                "DELETE FROM jobs WHERE id IN (SELECT id FROM jobs WHERE run_after <= $1 ORDER BY id
                 FOR UPDATE SKIP LOCKED LIMIT $2) RETURNING kind, subject"
            }
        };
        let begin = self.begin_write();
        let _turn = self.write_turn().await;
        let mut told: Vec<i64> = Vec::new();
        let ran = on_db!(self, |pool| {
            let mut tx = pool.begin_with(begin).await?;
            let jobs: Vec<(String, i64)> =
                sqlx::query_as(claim).bind(now).bind(i64::from(batch)).fetch_all(&mut *tx).await?;
            for (kind, subject) in jobs.iter().cloned() {
                if kind == "post" {
                    // The post, its thread and group, and who wrote it.
                    let post: Option<(i64, i64, i64, String, bool)> = sqlx::query_as(
                        "SELECT p.thread_id, t.group_id, p.author_id, p.body,
                            p.id = (SELECT MIN(o.id) FROM posts o WHERE o.thread_id = p.thread_id)
                     FROM posts p JOIN threads t ON t.id = p.thread_id WHERE p.id = $1",
                    )
                    .bind(subject)
                    .fetch_optional(&mut *tx)
                    .await?;
                    if let Some((thread, group, author, body, opening)) = post {
                        let handles: Vec<String> = mentions(&body)
                            .into_iter()
                            .take(MENTIONS_MAX)
                            .map(|h| h.to_lowercase())
                            .collect();
                        let mut mentioned: Vec<i64> = Vec::new();
                        for handle in &handles {
                            let found: Option<i64> = sqlx::query_scalar(&format!(
                            "SELECT u.id FROM users u WHERE u.handle_key = $1 AND u.id <> $3 AND {CAN_READ} AND {}",
                            unblocked("u.id", "$3")
                        ))
                            .bind(handle)
                            .bind(group)
                            .bind(author)
                            .fetch_optional(&mut *tx)
                            .await?;
                            mentioned.extend(found);
                        }
                        // A reply tells whoever started the thread; people quoted are mentioned
                        // (a quote begins with "@handle wrote:"), so they hear of it too. Telling
                        // every earlier writer made one reply in a busy thread dozens of writes.
                        let earlier: Vec<i64> = sqlx::query_scalar(&format!(
                            "SELECT u.id FROM users u WHERE u.id <> $3 AND {CAN_READ} AND {} AND u.id IN (
                                 SELECT author_id FROM threads WHERE id = $1
                                 UNION SELECT user_id FROM thread_follows WHERE thread_id = $1 LIMIT {FOLLOWERS_MAX})",
                            unblocked("u.id", "$3")
                        ))
                        .bind(thread)
                        .bind(group)
                        .bind(author)
                        .fetch_all(&mut *tx)
                        .await?;
                        // A new conversation tells those who follow its group.
                        let group_followers: Vec<i64> = if opening {
                            sqlx::query_scalar(&format!(
                                "SELECT u.id FROM users u WHERE u.id <> $3 AND {CAN_READ} AND {} AND u.id IN (
                                     SELECT user_id FROM group_follows WHERE group_id = $2 LIMIT {FOLLOWERS_MAX})",
                                unblocked("u.id", "$3")
                            ))
                            .bind(thread)
                            .bind(group)
                            .bind(author)
                            .fetch_all(&mut *tx)
                            .await?
                        } else {
                            Vec::new()
                        };
                        let recipients = mentioned
                            .iter()
                            .map(|u| (*u, NotificationKind::Mention))
                            .chain(
                                earlier
                                    .iter()
                                    .filter(|u| !mentioned.contains(u))
                                    .map(|u| (*u, NotificationKind::Reply)),
                            )
                            .chain(
                                group_followers
                                    .iter()
                                    .filter(|u| !mentioned.contains(u) && !earlier.contains(u))
                                    .map(|u| (*u, NotificationKind::Thread)),
                            );
                        for (user, kind) in recipients {
                            let made = sqlx::query(
                            "INSERT INTO notifications (user_id, kind, actor_id, group_id, thread_id, post_id, created_at)
                             VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (user_id, kind, post_id) DO NOTHING",
                        )
                        .bind(user)
                        .bind(kind.as_str())
                        .bind(author)
                        .bind(group)
                        .bind(thread)
                        .bind(subject)
                        .bind(now)
                        .execute(&mut *tx)
                        .await?
                        .rows_affected();
                            if made == 1 {
                                sqlx::query("UPDATE users SET unread = unread + 1 WHERE id = $1")
                                    .bind(user)
                                    .execute(&mut *tx)
                                    .await?;
                                told.push(user);
                            }
                        }
                    }
                }
            }
            tx.commit().await?;
            Ok::<_, StoreError>(u32::try_from(jobs.len()).unwrap_or(batch))
        })?;
        // Their unread count changed: this process's cached sessions must not show the old one.
        for user in told {
            self.sessions.forget_user(UserId(user));
        }
        Ok(ran)
    }

    /// Follows (`on`) a conversation or a group, or stops following it.
    pub async fn follow(&self, what: Followed, user: UserId, on: bool) -> Result<()> {
        let now = crate::now();
        let (table, column, id) = what.row();
        let sql = if on {
            format!(
                "INSERT INTO {table} ({column}, user_id, created_at) VALUES ($1, $2, $3)
                 ON CONFLICT ({column}, user_id) DO NOTHING"
            )
        } else {
            format!("DELETE FROM {table} WHERE {column} = $1 AND user_id = $2")
        };
        on_db!(self, |pool| {
            let q = sqlx::query(&sql).bind(id).bind(user.0);
            let q = if on { q.bind(now) } else { q };
            q.execute(pool).await.map(|r| r.rows_affected())
        })?;
        Ok(())
    }

    pub async fn follows(&self, what: Followed, user: UserId) -> Result<bool> {
        let (table, column, id) = what.row();
        let sql = format!("SELECT EXISTS (SELECT 1 FROM {table} WHERE {column} = $1 AND user_id = $2)");
        Ok(on_db!(self, |pool| sqlx::query_scalar(&sql).bind(id).bind(user.0).fetch_one(pool).await)?)
    }

    /// The member's newest notifications.
    pub async fn notifications(&self, user: UserId, limit: u32) -> Result<Vec<Notification>> {
        type Row = (
            i64,
            String,
            Option<String>,
            Option<String>,
            Option<String>,
            Option<ThreadId>,
            Option<String>,
            Option<PostId>,
            Option<String>,
            Option<DateTime<Utc>>,
            DateTime<Utc>,
            bool,
        );
        let rows: Vec<Row> = on_db!(self, |pool| {
            sqlx::query_as(
                "SELECT n.id, n.kind, a.handle, g.slug, g.name, n.thread_id, t.title, n.post_id, n.message,
                        n.until_at, n.created_at, n.read_at IS NOT NULL
                 FROM notifications n LEFT JOIN users a ON a.id = n.actor_id
                 LEFT JOIN groups g ON g.id = n.group_id LEFT JOIN threads t ON t.id = n.thread_id
                 WHERE n.user_id = $1 ORDER BY n.id DESC LIMIT $2",
            )
            .bind(user.0)
            .bind(i64::from(limit))
            .fetch_all(pool)
            .await
        })?;
        rows.into_iter()
            .map(
                |(
                    id,
                    kind,
                    actor,
                    group_slug,
                    group_name,
                    thread,
                    thread_title,
                    post,
                    message,
                    until,
                    created_at,
                    read,
                )| {
                    Ok(Notification {
                        id,
                        kind: NotificationKind::parse(&kind)
                            .ok_or(StoreError::Corrupt("notifications.kind"))?,
                        actor,
                        group_slug,
                        group_name,
                        thread,
                        thread_title,
                        post,
                        message,
                        until,
                        created_at,
                        read,
                    })
                },
            )
            .collect()
    }

    /// Marks all the member's notifications read.
    /// How many of the member's notifications arrived at or after `since` and are still
    /// unread: what a digest tells of.
    pub async fn unread_since(&self, user: UserId, since: DateTime<Utc>) -> Result<i64> {
        Ok(on_db!(self, |pool| {
            sqlx::query_scalar(
                "SELECT COUNT(*) FROM notifications WHERE user_id = $1 AND read_at IS NULL AND created_at >= $2",
            )
            .bind(user.0)
            .bind(since)
            .fetch_one(pool)
            .await
        })?)
    }

    pub async fn mark_notifications_read(&self, user: UserId) -> Result<()> {
        let now = crate::now();
        let begin = self.begin_write();
        let _turn = self.write_turn().await;
        on_db!(self, |pool| {
            let mut tx = pool.begin_with(begin).await?;
            sqlx::query("UPDATE notifications SET read_at = $1 WHERE user_id = $2 AND read_at IS NULL")
                .bind(now)
                .bind(user.0)
                .execute(&mut *tx)
                .await?;
            sqlx::query("UPDATE users SET unread = 0 WHERE id = $1").bind(user.0).execute(&mut *tx).await?;
            tx.commit().await?;
            Ok::<_, StoreError>(())
        })?;
        self.sessions.forget_user(user);
        Ok(())
    }
}
