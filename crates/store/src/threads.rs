//! Threads, posts and reactions. A thread's list is read by keyset on
//! `(last_post_at, id)` (never OFFSET), so the thousandth page of a large group costs what
//! the first does. Posting carries the form's one-time `nonce`: the same form sent twice
//! gives the first post back instead of a duplicate.

use crate::{on_db, Conflict, Result, Store, StoreError, UserId};
use chrono::{DateTime, Utc};
use foothold_core::community::{NewThread, Reaction};

/// A thread as a group's list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThreadSummary {
    pub id: i64,
    pub group_id: i64,
    pub title: String,
    /// `None` when the author's account was deleted.
    pub author: Option<String>,
    pub created_at: DateTime<Utc>,
    pub last_post_at: DateTime<Utc>,
    pub posts: i64,
    pub locked: bool,
    pub hidden: bool,
}

/// Where a thread list continues: after the last thread shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThreadCursor {
    pub last_post_at: DateTime<Utc>,
    pub id: i64,
}

impl ThreadSummary {
    pub fn cursor(&self) -> ThreadCursor {
        ThreadCursor { last_post_at: self.last_post_at, id: self.id }
    }
}

/// A post with its reactions as the reader sees them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Post {
    pub id: i64,
    pub thread_id: i64,
    pub author_id: UserId,
    pub author: String,
    pub body: String,
    pub content_warning: bool,
    pub hidden: bool,
    pub created_at: DateTime<Utc>,
    pub edited_at: Option<DateTime<Utc>>,
    pub me_too: i64,
    pub thank_you: i64,
    /// The reactions the reader gave.
    pub mine: Vec<Reaction>,
}

/// Where a post lives, for permission checks before acting on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PostPlace {
    pub post: i64,
    pub thread: i64,
    pub group: i64,
    pub author: UserId,
    pub hidden: bool,
    /// The thread is hidden (a hidden thread hides all its posts).
    pub thread_hidden: bool,
}

type ThreadRow = (i64, i64, String, Option<String>, DateTime<Utc>, DateTime<Utc>, i64, bool, bool);
const THREAD_COLUMNS: &str =
    "t.id, t.group_id, t.title, u.handle, t.created_at, t.last_post_at, t.posts, t.locked, t.hidden";

fn thread_from(
    (id, group_id, title, author, created_at, last_post_at, posts, locked, hidden): ThreadRow,
) -> ThreadSummary {
    ThreadSummary { id, group_id, title, author, created_at, last_post_at, posts, locked, hidden }
}

type PostRow =
    (i64, i64, i64, String, String, bool, bool, DateTime<Utc>, Option<DateTime<Utc>>, i64, i64, bool, bool);

/// What a new post was: the post's id and whether this call made it (false: the same form
/// was sent twice and the first post is returned).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Posted {
    pub thread: i64,
    pub post: i64,
    pub created: bool,
}

impl Store {
    /// Starts a thread in a group with its opening post.
    pub async fn start_thread(
        &self,
        group: i64,
        author: UserId,
        nonce: &str,
        new: &NewThread,
        content_warning: bool,
    ) -> Result<Posted> {
        let now = crate::now();
        let begin = self.begin_write();
        let _turn = self.write_turn().await;
        on_db!(self, |pool| {
            let mut tx = pool.begin_with(begin).await?;
            let thread: Option<i64> = sqlx::query_scalar(
                "INSERT INTO threads (group_id, author_id, nonce, title, created_at, last_post_at, posts)
                 VALUES ($1, $2, $3, $4, $5, $5, 1)
                 ON CONFLICT (author_id, nonce) DO NOTHING RETURNING id",
            )
            .bind(group)
            .bind(author.0)
            .bind(nonce)
            .bind(&new.title)
            .bind(now)
            .fetch_optional(&mut *tx)
            .await?;
            let Some(thread) = thread else {
                let (thread, post): (i64, i64) = sqlx::query_as(
                    "SELECT t.id, p.id FROM threads t JOIN posts p ON p.thread_id = t.id
                     WHERE t.author_id = $1 AND t.nonce = $2 ORDER BY p.id LIMIT 1",
                )
                .bind(author.0)
                .bind(nonce)
                .fetch_one(&mut *tx)
                .await?;
                return Ok(Posted { thread, post, created: false });
            };
            let post: i64 = sqlx::query_scalar(
                "INSERT INTO posts (thread_id, author_id, nonce, body, content_warning, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            )
            .bind(thread)
            .bind(author.0)
            .bind(nonce)
            .bind(&new.body)
            .bind(content_warning)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok::<_, StoreError>(Posted { thread, post, created: true })
        })
    }

    /// Adds a reply; `Conflict(ThreadLocked)` when a moderator locked the thread.
    pub async fn reply(
        &self,
        thread: i64,
        author: UserId,
        nonce: &str,
        body: &str,
        content_warning: bool,
    ) -> Result<Posted> {
        let now = crate::now();
        let begin = self.begin_write();
        let _turn = self.write_turn().await;
        on_db!(self, |pool| {
            let mut tx = pool.begin_with(begin).await?;
            let existing: Option<(i64, i64)> =
                sqlx::query_as("SELECT thread_id, id FROM posts WHERE author_id = $1 AND nonce = $2")
                    .bind(author.0)
                    .bind(nonce)
                    .fetch_optional(&mut *tx)
                    .await?;
            if let Some((thread, post)) = existing {
                return Ok(Posted { thread, post, created: false });
            }
            let locked: bool = sqlx::query_scalar("SELECT locked FROM threads WHERE id = $1")
                .bind(thread)
                .fetch_one(&mut *tx)
                .await?;
            if locked {
                return Err(StoreError::Conflict(Conflict::ThreadLocked));
            }
            let post: i64 = sqlx::query_scalar(
                "INSERT INTO posts (thread_id, author_id, nonce, body, content_warning, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            )
            .bind(thread)
            .bind(author.0)
            .bind(nonce)
            .bind(body)
            .bind(content_warning)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            sqlx::query("UPDATE threads SET posts = posts + 1, last_post_at = $1 WHERE id = $2")
                .bind(now)
                .bind(thread)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok::<_, StoreError>(Posted { thread, post, created: true })
        })
    }

    /// One page of a group's visible threads, most recent activity first, after `cursor`.
    pub async fn threads(
        &self,
        group: i64,
        after: Option<ThreadCursor>,
        limit: u32,
    ) -> Result<Vec<ThreadSummary>> {
        let base = format!(
            "SELECT {THREAD_COLUMNS} FROM threads t LEFT JOIN users u ON u.id = t.author_id
             WHERE t.group_id = $1 AND t.hidden = FALSE"
        );
        let order = "ORDER BY t.last_post_at DESC, t.id DESC LIMIT $2";
        let rows: Vec<ThreadRow> = match after {
            None => on_db!(self, |pool| {
                sqlx::query_as(&format!("{base} {order}"))
                    .bind(group)
                    .bind(i64::from(limit))
                    .fetch_all(pool)
                    .await
            })?,
            Some(c) => on_db!(self, |pool| {
                sqlx::query_as(&format!("{base} AND (t.last_post_at, t.id) < ($3, $4) {order}"))
                    .bind(group)
                    .bind(i64::from(limit))
                    .bind(c.last_post_at)
                    .bind(c.id)
                    .fetch_all(pool)
                    .await
            })?,
        };
        Ok(rows.into_iter().map(thread_from).collect())
    }

    pub async fn thread(&self, id: i64) -> Result<ThreadSummary> {
        let row: ThreadRow = on_db!(self, |pool| {
            sqlx::query_as(&format!(
                "SELECT {THREAD_COLUMNS} FROM threads t LEFT JOIN users u ON u.id = t.author_id WHERE t.id = $1"
            ))
            .bind(id)
            .fetch_one(pool)
            .await
        })?;
        Ok(thread_from(row))
    }

    /// One page of a thread's posts in order, after post `after`, with reaction counts and
    /// the reader's own reactions. Hidden posts only when `with_hidden` (moderators).
    pub async fn posts(
        &self,
        thread: i64,
        reader: UserId,
        after: i64,
        limit: u32,
        with_hidden: bool,
    ) -> Result<Vec<Post>> {
        let count = |kind: &str| {
            format!("(SELECT COUNT(*) FROM reactions r WHERE r.post_id = p.id AND r.kind = '{kind}')")
        };
        let mine = |kind: &str| {
            format!("EXISTS (SELECT 1 FROM reactions r WHERE r.post_id = p.id AND r.kind = '{kind}' AND r.user_id = $2)")
        };
        let sql = format!(
            "SELECT p.id, p.thread_id, p.author_id, u.handle, p.body, p.content_warning, p.hidden, p.created_at,
                    p.edited_at, {}, {}, {}, {}
             FROM posts p JOIN users u ON u.id = p.author_id
             WHERE p.thread_id = $1 AND p.id > $3 AND ($4 OR p.hidden = FALSE)
             ORDER BY p.id LIMIT $5",
            count("me_too"),
            count("thank_you"),
            mine("me_too"),
            mine("thank_you"),
        );
        let rows: Vec<PostRow> = on_db!(self, |pool| {
            sqlx::query_as(&sql)
                .bind(thread)
                .bind(reader.0)
                .bind(after)
                .bind(with_hidden)
                .bind(i64::from(limit))
                .fetch_all(pool)
                .await
        })?;
        Ok(rows
            .into_iter()
            .map(
                |(
                    id,
                    thread_id,
                    author_id,
                    author,
                    body,
                    content_warning,
                    hidden,
                    created_at,
                    edited_at,
                    me_too,
                    thank_you,
                    my_me_too,
                    my_thanks,
                )| Post {
                    id,
                    thread_id,
                    author_id: UserId(author_id),
                    author,
                    body,
                    content_warning,
                    hidden,
                    created_at,
                    edited_at,
                    me_too,
                    thank_you,
                    mine: [(my_me_too, Reaction::MeToo), (my_thanks, Reaction::ThankYou)]
                        .into_iter()
                        .filter_map(|(on, r)| on.then_some(r))
                        .collect(),
                },
            )
            .collect())
    }

    /// Where a post lives and who wrote it.
    pub async fn post_place(&self, post: i64) -> Result<PostPlace> {
        let (post, thread, group, author, hidden, thread_hidden): (i64, i64, i64, i64, bool, bool) =
            on_db!(self, |pool| {
                sqlx::query_as(
                    "SELECT p.id, t.id, t.group_id, p.author_id, p.hidden, t.hidden
                     FROM posts p JOIN threads t ON t.id = p.thread_id WHERE p.id = $1",
                )
                .bind(post)
                .fetch_one(pool)
                .await
            })?;
        Ok(PostPlace { post, thread, group, author: UserId(author), hidden, thread_hidden })
    }

    /// One post's text (for the author's own crisis reading after posting).
    pub async fn post_body(&self, post: i64) -> Result<String> {
        Ok(on_db!(self, |pool| {
            sqlx::query_scalar("SELECT body FROM posts WHERE id = $1").bind(post).fetch_one(pool).await
        })?)
    }

    /// Gives (`on`) or takes back a reaction; giving twice is the same as once.
    pub async fn react(&self, post: i64, user: UserId, kind: Reaction, on: bool) -> Result<()> {
        let now = crate::now();
        on_db!(self, |pool| {
            if on {
                sqlx::query(
                    "INSERT INTO reactions (post_id, user_id, kind, created_at) VALUES ($1, $2, $3, $4)
                     ON CONFLICT (post_id, kind, user_id) DO NOTHING",
                )
                .bind(post)
                .bind(user.0)
                .bind(kind.as_str())
                .bind(now)
                .execute(pool)
                .await
                .map(|r| r.rows_affected())
            } else {
                sqlx::query("DELETE FROM reactions WHERE post_id = $1 AND user_id = $2 AND kind = $3")
                    .bind(post)
                    .bind(user.0)
                    .bind(kind.as_str())
                    .execute(pool)
                    .await
                    .map(|r| r.rows_affected())
            }
        })?;
        Ok(())
    }

    /// When the member's account was made, how many posts they wrote since `since`, and how
    /// many in all were never hidden: the inputs of their trust level
    /// (`foothold_core::community::Trust`). Read from the database, so the limits hold across
    /// app servers.
    pub async fn posting_record(
        &self,
        author: UserId,
        since: DateTime<Utc>,
    ) -> Result<(DateTime<Utc>, i64, i64)> {
        Ok(on_db!(self, |pool| {
            sqlx::query_as(
                "SELECT u.created_at,
                        (SELECT COUNT(*) FROM posts p WHERE p.author_id = u.id AND p.created_at > $2),
                        (SELECT COUNT(*) FROM posts p WHERE p.author_id = u.id AND p.hidden = FALSE)
                 FROM users u WHERE u.id = $1",
            )
            .bind(author.0)
            .bind(since)
            .fetch_one(pool)
            .await
        })?)
    }
}
