//! Threads, posts and reactions. A thread's list is read by keyset on
//! `(last_post_at, id)` (never OFFSET), so the thousandth page of a large group costs what
//! the first does. Posting carries the form's one-time `nonce`: the same form sent twice
//! gives the first post back instead of a duplicate.

use crate::batch::{on_conn, Conn};
use crate::blocks::unblocked;
use crate::{on_db, packed, GroupId, PostId, Result, Store, StoreError, ThreadId, UserId};
use chrono::{DateTime, Utc};
use foothold_core::community::{NewThread, Reaction};
use foothold_core::hacks::{Needs, Tag};

/// A thread as a group's list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThreadSummary {
    pub id: ThreadId,
    pub group_id: GroupId,
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
    pub id: ThreadId,
}

impl ThreadSummary {
    pub fn cursor(&self) -> ThreadCursor {
        ThreadCursor { last_post_at: self.last_post_at, id: self.id }
    }
}

/// A post with its reactions as the reader sees them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Post {
    pub id: PostId,
    pub thread_id: ThreadId,
    pub author_id: UserId,
    pub author: String,
    pub body: String,
    pub content_warning: bool,
    pub hidden: bool,
    pub created_at: DateTime<Utc>,
    pub edited_at: Option<DateTime<Utc>>,
    /// A moderator edited it (to take out personal details); the post says so.
    pub moderator_edited: bool,
    pub me_too: i64,
    pub thank_you: i64,
    /// The reactions the reader gave.
    pub mine: Vec<Reaction>,
}

/// Where a post lives, for permission checks before acting on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PostPlace {
    pub post: PostId,
    pub thread: ThreadId,
    pub group: GroupId,
    pub author: UserId,
    pub hidden: bool,
    /// The thread is hidden (a hidden thread hides all its posts).
    pub thread_hidden: bool,
    /// Held for the group's moderators to read first, not yet shown.
    pub held: bool,
}

type ThreadRow = (ThreadId, GroupId, String, Option<String>, DateTime<Utc>, DateTime<Utc>, i64, bool, bool);
const THREAD_COLUMNS: &str =
    "t.id, t.group_id, t.title, u.handle, t.created_at, t.last_post_at, t.posts, t.locked, t.hidden";

fn thread_from(
    (id, group_id, title, author, created_at, last_post_at, posts, locked, hidden): ThreadRow,
) -> ThreadSummary {
    ThreadSummary { id, group_id, title, author, created_at, last_post_at, posts, locked, hidden }
}

/// What a new post was: the post's id and whether this call made it (false: the same form
/// was sent twice and the first post is returned).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Posted {
    pub thread: ThreadId,
    pub post: PostId,
    pub created: bool,
}

/// How a new post is shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Posting {
    /// Folded behind a content warning for readers.
    pub content_warning: bool,
    /// Held for the group's moderators to read first: the post (or the new thread) is stored
    /// hidden, and nobody is told of it until a moderator shows it.
    pub held: bool,
}

/// Queues the job that works out who should hear of a post (`$1`) and when (`$2`).
pub(crate) const QUEUE_POST_JOB: &str =
    "INSERT INTO jobs (kind, subject, run_after, created_at) VALUES ('post', $1, $2, $2)";

/// A reply on its way to the writer task, owned so that it can travel there.
#[derive(Debug, Clone)]
pub(crate) struct NewReply {
    pub thread: ThreadId,
    pub author: i64,
    pub nonce: String,
    pub body: String,
    pub posting: Posting,
}

/// What became of one reply. Nothing of a refused reply is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Replied {
    Posted(Posted),
    /// A moderator locked the thread.
    Locked,
    NoThread,
}

/// Adds one reply inside the writer's transaction (`writer.rs`).
pub(crate) async fn add_reply(
    conn: &mut Conn<'_>,
    r: &NewReply,
    now: DateTime<Utc>,
) -> Result<Replied, sqlx::Error> {
    on_conn!(conn, |c| {
        let locked: Option<bool> = sqlx::query_scalar("SELECT locked FROM threads WHERE id = $1")
            .bind(r.thread)
            .fetch_optional(&mut **c)
            .await?;
        let Some(locked) = locked else { return Ok(Replied::NoThread) };
        // ON CONFLICT rather than look-then-insert: the same form sent to two app servers at
        // once must give one post and the other answer, not a unique-key error.
        let post: Option<PostId> = sqlx::query_scalar(
            "INSERT INTO posts (thread_id, author_id, nonce, body, content_warning, created_at, hidden, held)
             SELECT $1, $2, $3, $4, $5, $6, $8, $8 WHERE $7 = FALSE
             ON CONFLICT (author_id, nonce) DO NOTHING RETURNING id",
        )
        .bind(r.thread)
        .bind(r.author)
        .bind(&r.nonce)
        .bind(&r.body)
        .bind(r.posting.content_warning)
        .bind(now)
        .bind(locked)
        .bind(r.posting.held)
        .fetch_optional(&mut **c)
        .await?;
        let Some(post) = post else {
            let existing: Option<(ThreadId, PostId)> =
                sqlx::query_as("SELECT thread_id, id FROM posts WHERE author_id = $1 AND nonce = $2")
                    .bind(r.author)
                    .bind(&r.nonce)
                    .fetch_optional(&mut **c)
                    .await?;
            return Ok(match existing {
                Some((thread, post)) => Replied::Posted(Posted { thread, post, created: false }),
                None => Replied::Locked,
            });
        };
        // A held reply moves nothing until it is shown.
        if !r.posting.held {
            sqlx::query("UPDATE threads SET posts = posts + 1, last_post_at = $1 WHERE id = $2")
                .bind(now)
                .bind(r.thread)
                .execute(&mut **c)
                .await?;
            sqlx::query(QUEUE_POST_JOB).bind(post).bind(now).execute(&mut **c).await?;
        }
        Ok(Replied::Posted(Posted { thread: r.thread, post, created: true }))
    })
}

impl Store {
    /// Starts a thread in a group with its opening post.
    pub async fn start_thread(
        &self,
        group: GroupId,
        author: UserId,
        nonce: &str,
        new: &NewThread,
        posting: Posting,
    ) -> Result<Posted> {
        self.open_thread(group, author, nonce, new, posting, None).await
    }

    /// A new thread and its opening post; for a hack (`hack`: what it needs and its tags),
    /// its row in the same transaction.
    pub(crate) async fn open_thread(
        &self,
        group: GroupId,
        author: UserId,
        nonce: &str,
        new: &NewThread,
        posting: Posting,
        hack: Option<(&Needs, &[Tag])>,
    ) -> Result<Posted> {
        let now = crate::now();
        let begin = self.begin_write();
        let _turn = self.write_turn().await;
        on_db!(self, |pool| {
            let mut tx = pool.begin_with(begin).await?;
            let thread: Option<ThreadId> = sqlx::query_scalar(
                "INSERT INTO threads (group_id, author_id, nonce, title, created_at, last_post_at, posts, hidden)
                 VALUES ($1, $2, $3, $4, $5, $5, 1, $6)
                 ON CONFLICT (author_id, nonce) DO NOTHING RETURNING id",
            )
            .bind(group)
            .bind(author.0)
            .bind(nonce)
            .bind(&new.title)
            .bind(now)
            .bind(posting.held)
            .fetch_optional(&mut *tx)
            .await?;
            let Some(thread) = thread else {
                let (thread, post): (ThreadId, PostId) = sqlx::query_as(
                    "SELECT t.id, p.id FROM threads t JOIN posts p ON p.thread_id = t.id
                     WHERE t.author_id = $1 AND t.nonce = $2 ORDER BY p.id LIMIT 1",
                )
                .bind(author.0)
                .bind(nonce)
                .fetch_one(&mut *tx)
                .await?;
                return Ok(Posted { thread, post, created: false });
            };
            // The opening post's nonce is kept apart from replies' (a client reusing one nonce
            // for a thread and a reply gets two posts, not a clash).
            let post: PostId = sqlx::query_scalar(
                "INSERT INTO posts (thread_id, author_id, nonce, body, content_warning, created_at, hidden, held)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id",
            )
            .bind(thread)
            .bind(author.0)
            .bind(format!("thread:{nonce}"))
            .bind(&new.body)
            .bind(posting.content_warning)
            .bind(now)
            .bind(posting.held)
            .fetch_one(&mut *tx)
            .await?;
            if let Some((needs, tags)) = hack {
                sqlx::query("INSERT INTO hacks (thread_id, cost, effort, minutes) VALUES ($1, $2, $3, $4)")
                    .bind(thread)
                    .bind(needs.cost.as_str())
                    .bind(needs.effort.as_str())
                    .bind(i32::from(needs.minutes))
                    .execute(&mut *tx)
                    .await?;
                for tag in tags {
                    sqlx::query("INSERT INTO hack_tags (hack_id, tag) VALUES ($1, $2)")
                        .bind(thread)
                        .bind(tag.as_str())
                        .execute(&mut *tx)
                        .await?;
                }
            }
            // Who should hear of it is worked out by a job, queued in the same transaction
            // (for a held post, when a moderator shows it).
            if !posting.held {
                sqlx::query(QUEUE_POST_JOB).bind(post).bind(now).execute(&mut *tx).await?;
            }
            tx.commit().await?;
            Ok::<_, StoreError>(Posted { thread, post, created: true })
        })
    }

    /// Adds a reply; `Conflict(ThreadLocked)` when a moderator locked the thread. Replies
    /// are committed together with other writes queued at the same moment (`writer.rs`).
    pub async fn reply(
        &self,
        thread: ThreadId,
        author: UserId,
        nonce: &str,
        body: &str,
        posting: Posting,
    ) -> Result<Posted> {
        let reply =
            NewReply { thread, author: author.0, nonce: nonce.to_owned(), body: body.to_owned(), posting };
        self.commits.reply(reply).await
    }

    /// One page of a group's visible threads as `reader` sees them (none started by a member
    /// either of them blocked), most recent activity first, after `cursor`.
    pub async fn threads(
        &self,
        group: GroupId,
        reader: UserId,
        after: Option<ThreadCursor>,
        limit: u32,
    ) -> Result<Vec<ThreadSummary>> {
        let keyset = if after.is_some() { "AND (t.last_post_at, t.id) < ($4, $5)" } else { "" };
        let inner = format!(
            "SELECT t.id, t.group_id, t.title, u.handle, t.created_at, t.last_post_at, t.posts, t.locked, t.hidden
             FROM threads t LEFT JOIN users u ON u.id = t.author_id
             WHERE t.group_id = $1 AND t.hidden = FALSE {keyset} AND {}
             ORDER BY t.last_post_at DESC, t.id DESC LIMIT $2",
            unblocked("t.author_id", "$3")
        );
        let sql = packed::sql(
            self.backend(),
            &inner,
            "page.id, page.group_id, page.title, page.handle, page.created_at, page.last_post_at, page.posts, page.locked, page.hidden",
        );
        let cursor = after.unwrap_or(ThreadCursor { last_post_at: crate::now(), id: ThreadId(0) });
        let json: String = on_db!(self, |pool| {
            let q = sqlx::query_scalar(&sql).bind(group).bind(i64::from(limit)).bind(reader.0);
            let q = if after.is_some() { q.bind(cursor.last_post_at).bind(cursor.id) } else { q };
            q.fetch_one(pool).await
        })?;
        let mut page = packed::rows(&json, "threads", |c| {
            Ok(ThreadSummary {
                id: ThreadId(c.int(0)?),
                group_id: GroupId(c.int(1)?),
                title: c.text(2)?,
                author: c.opt_text(3)?,
                created_at: c.time(4)?,
                last_post_at: c.time(5)?,
                posts: c.int(6)?,
                locked: c.flag(7)?,
                hidden: c.flag(8)?,
            })
        })?;
        page.sort_by_key(|t| std::cmp::Reverse((t.last_post_at, t.id)));
        Ok(page)
    }

    pub async fn thread(&self, id: ThreadId) -> Result<ThreadSummary> {
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
    /// the reader's own reactions. `moderating`: hidden posts too, and posts of members the
    /// reader blocked (or who blocked them) — a moderator sees their whole group.
    pub async fn posts(
        &self,
        thread: ThreadId,
        reader: UserId,
        after: PostId,
        limit: u32,
        moderating: bool,
    ) -> Result<Vec<Post>> {
        let count = |kind: &str| {
            format!("(SELECT COUNT(*) FROM reactions r WHERE r.post_id = p.id AND r.kind = '{kind}')")
        };
        let mine = |kind: &str| {
            format!("EXISTS (SELECT 1 FROM reactions r WHERE r.post_id = p.id AND r.kind = '{kind}' AND r.user_id = $2)")
        };
        let inner = format!(
            "SELECT p.id, p.thread_id, p.author_id, u.handle, p.body, p.content_warning, p.hidden, p.created_at,
                    p.edited_at, p.moderator_edited, {} AS me_too, {} AS thank_you, {} AS my_me_too, {} AS my_thanks
             FROM posts p JOIN users u ON u.id = p.author_id
             WHERE p.thread_id = $1 AND p.id > $3 AND ($4 OR (p.hidden = FALSE AND {}))
             ORDER BY p.id LIMIT $5",
            count("me_too"),
            count("thank_you"),
            mine("me_too"),
            mine("thank_you"),
            unblocked("p.author_id", "$2"),
        );
        let sql = packed::sql(
            self.backend(),
            &inner,
            "page.id, page.thread_id, page.author_id, page.handle, page.body, page.content_warning, page.hidden, \
             page.created_at, page.edited_at, page.moderator_edited, page.me_too, page.thank_you, page.my_me_too, \
             page.my_thanks",
        );
        let json: String = on_db!(self, |pool| {
            sqlx::query_scalar(&sql)
                .bind(thread)
                .bind(reader.0)
                .bind(after)
                .bind(moderating)
                .bind(i64::from(limit))
                .fetch_one(pool)
                .await
        })?;
        let mut page = packed::rows(&json, "posts", |c| {
            Ok(Post {
                id: PostId(c.int(0)?),
                thread_id: ThreadId(c.int(1)?),
                author_id: UserId(c.int(2)?),
                author: c.text(3)?,
                body: c.text(4)?,
                content_warning: c.flag(5)?,
                hidden: c.flag(6)?,
                created_at: c.time(7)?,
                edited_at: c.opt_time(8)?,
                moderator_edited: c.flag(9)?,
                me_too: c.int(10)?,
                thank_you: c.int(11)?,
                mine: [(c.flag(12)?, Reaction::MeToo), (c.flag(13)?, Reaction::ThankYou)]
                    .into_iter()
                    .filter_map(|(on, r)| on.then_some(r))
                    .collect(),
            })
        })?;
        page.sort_by_key(|p| p.id);
        Ok(page)
    }

    /// Where a post lives and who wrote it.
    pub async fn post_place(&self, post: PostId) -> Result<PostPlace> {
        type Row = (PostId, ThreadId, GroupId, i64, bool, bool, bool);
        let (post, thread, group, author, hidden, thread_hidden, held): Row = on_db!(self, |pool| {
            sqlx::query_as(
                "SELECT p.id, t.id, t.group_id, p.author_id, p.hidden, t.hidden, p.held
                 FROM posts p JOIN threads t ON t.id = p.thread_id WHERE p.id = $1",
            )
            .bind(post)
            .fetch_one(pool)
            .await
        })?;
        Ok(PostPlace { post, thread, group, author: UserId(author), hidden, thread_hidden, held })
    }

    /// One post's text (for the author's own crisis reading after posting).
    pub async fn post_body(&self, post: PostId) -> Result<String> {
        Ok(on_db!(self, |pool| {
            sqlx::query_scalar("SELECT body FROM posts WHERE id = $1").bind(post).fetch_one(pool).await
        })?)
    }

    /// Gives (`on`) or takes back a reaction; giving twice is the same as once.
    pub async fn react(&self, post: PostId, user: UserId, kind: Reaction, on: bool) -> Result<()> {
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

/// (group slug, thread title, thread id, body, created, edited, hidden).
type OwnPostRow = (String, String, ThreadId, String, DateTime<Utc>, Option<DateTime<Utc>>, bool);

/// One of the member's own posts, for their data archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnPost {
    pub group: String,
    pub thread: String,
    pub thread_id: ThreadId,
    pub body: String,
    pub created_at: DateTime<Utc>,
    pub edited_at: Option<DateTime<Utc>>,
    /// Hidden by a moderator; still the member's.
    pub hidden: bool,
}

impl Store {
    /// Everything the member wrote in groups (and hacks), oldest first.
    pub async fn own_posts(&self, user: UserId) -> Result<Vec<OwnPost>> {
        let rows: Vec<OwnPostRow> = on_db!(self, |pool| {
            sqlx::query_as(
                "SELECT g.slug, t.title, t.id, p.body, p.created_at, p.edited_at, p.hidden
                 FROM posts p JOIN threads t ON t.id = p.thread_id JOIN groups g ON g.id = t.group_id
                 WHERE p.author_id = $1 ORDER BY p.created_at, p.id",
            )
            .bind(user.0)
            .fetch_all(pool)
            .await
        })?;
        Ok(rows
            .into_iter()
            .map(|(group, thread, thread_id, body, created_at, edited_at, hidden)| OwnPost {
                group,
                thread,
                thread_id,
                body,
                created_at,
                edited_at,
                hidden,
            })
            .collect())
    }
}
