//! Reports, moderators' actions and the group's public moderation log. An action and its log
//! entry are written in one transaction, so the log never misses what was done.

use crate::{on_db, GroupId, PostId, Result, Store, StoreError, ThreadId, UserId};
use chrono::{DateTime, Utc};
use foothold_core::community::{ModAction, ReportReason, Role, Standing};

/// An open report as a moderator's queue shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub id: i64,
    pub group_slug: String,
    pub group_name: String,
    pub post: PostId,
    pub thread: ThreadId,
    /// Who wrote the post, for a moderator's note to them.
    pub author_id: UserId,
    /// The author is an ordinary member of the group (hosts and moderators get no notes).
    pub author_is_member: bool,
    pub thread_title: String,
    pub author: String,
    pub body: String,
    pub post_hidden: bool,
    /// Held for the moderators to read first (the operator's choice for posts that read like
    /// a crisis): nobody else has seen it yet.
    pub held: bool,
    pub reason: ReportReason,
    pub note: Option<String>,
    /// Filed by Foothold itself: the post reads like a crisis.
    pub automatic: bool,
    pub created_at: DateTime<Utc>,
}

/// One line of a moderation log. Deliberately without the moderator's or anyone else's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogEntry {
    pub id: i64,
    pub action: ModAction,
    pub thread: Option<ThreadId>,
    pub post: Option<PostId>,
    pub reason: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// Closes a post's open reports (binds: now, post); every action on a post does.
pub(crate) const CLOSE_REPORTS: &str =
    "UPDATE reports SET closed_at = $1 WHERE post_id = $2 AND closed_at IS NULL";
/// One line of a group's log (binds: group, moderator, action, thread, post, reason, time),
/// written in the same transaction as what it records.
/// A held post `$2` of thread `$1` shown at `$3`: an opening post shows its thread, a reply
/// counts in it now; either way the thread comes up as active.
const RELEASE_IN_THREAD: &str = "UPDATE threads SET
     hidden = CASE WHEN (SELECT MIN(id) FROM posts WHERE thread_id = $1) = $2 THEN FALSE ELSE hidden END,
     posts = posts + CASE WHEN (SELECT MIN(id) FROM posts WHERE thread_id = $1) = $2 THEN 0 ELSE 1 END,
     last_post_at = $3
 WHERE id = $1";

pub(crate) const LOG_LINE: &str =
    "INSERT INTO moderation_log (group_id, moderator_id, action, thread_id, post_id, reason, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)";

type LogRow = (i64, String, Option<ThreadId>, Option<PostId>, Option<String>, DateTime<Utc>);

/// What a moderator's action is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Post(PostId),
    Thread(ThreadId),
    Report(i64),
    Member(UserId),
}

impl Store {
    /// Files a report. A member reports a post once; reporting again changes nothing.
    pub async fn report(
        &self,
        group: GroupId,
        post: PostId,
        reporter: Option<UserId>,
        reason: ReportReason,
        note: Option<&str>,
    ) -> Result<()> {
        let now = crate::now();
        on_db!(self, |pool| {
            sqlx::query(
                "INSERT INTO reports (group_id, post_id, reporter_id, reason, note, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (post_id, reporter_id) DO NOTHING",
            )
            .bind(group)
            .bind(post)
            .bind(reporter.map(|u| u.0))
            .bind(reason.as_str())
            .bind(note)
            .bind(now)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
        })?;
        Ok(())
    }

    /// A group's open reports — or, with `None`, every group's (the site-wide queue for
    /// staff): a member at risk first, then oldest first.
    pub async fn open_reports(&self, group: Option<GroupId>) -> Result<Vec<Report>> {
        type Row = (
            i64,
            String,
            String,
            PostId,
            ThreadId,
            i64,
            String,
            String,
            String,
            bool,
            bool,
            bool,
            String,
            Option<String>,
            bool,
            DateTime<Utc>,
        );
        let which = if group.is_some() { "r.group_id = $1" } else { "$1 = 0" };
        let sql = format!(
            "SELECT r.id, g.slug, g.name, p.id, t.id, p.author_id, t.title, u.handle, p.body, p.hidden, p.held,
                    EXISTS (SELECT 1 FROM group_members m WHERE m.group_id = r.group_id
                        AND m.user_id = p.author_id AND m.role = 'member'),
                    r.reason, r.note, r.reporter_id IS NULL, r.created_at
             FROM reports r JOIN posts p ON p.id = r.post_id JOIN threads t ON t.id = p.thread_id
             JOIN users u ON u.id = p.author_id JOIN groups g ON g.id = r.group_id
             WHERE {which} AND r.closed_at IS NULL
             ORDER BY CASE WHEN r.reason = 'at_risk' THEN 0 ELSE 1 END, r.id LIMIT 200"
        );
        let rows: Vec<Row> = on_db!(self, |pool| {
            sqlx::query_as(&sql).bind(group.unwrap_or(GroupId(0))).fetch_all(pool).await
        })?;
        rows.into_iter()
            .map(
                |(
                    id,
                    group_slug,
                    group_name,
                    post,
                    thread,
                    author_id,
                    thread_title,
                    author,
                    body,
                    post_hidden,
                    held,
                    author_is_member,
                    reason,
                    note,
                    automatic,
                    created_at,
                )| {
                    Ok(Report {
                        id,
                        group_slug,
                        group_name,
                        post,
                        thread,
                        author_id: UserId(author_id),
                        thread_title,
                        author,
                        body,
                        post_hidden,
                        held,
                        author_is_member,
                        reason: ReportReason::parse(&reason).ok_or(StoreError::Corrupt("reports.reason"))?,
                        note,
                        automatic,
                        created_at,
                    })
                },
            )
            .collect()
    }

    /// Applies a moderator's action to `target` in `group` and logs it; reports on the post
    /// it concerns are closed. `NotFound` if the target is not in the group.
    pub async fn moderate(
        &self,
        group: GroupId,
        moderator: UserId,
        action: ModAction,
        target: Target,
        reason: Option<&str>,
    ) -> Result<()> {
        let now = crate::now();
        let begin = self.begin_write();
        let _turn = self.write_turn().await;
        let told = on_db!(self, |pool| {
            let mut tx = pool.begin_with(begin).await?;
            // Resolve the target to (thread, post) inside this group.
            let (thread, post): (Option<ThreadId>, Option<PostId>) = match target {
                Target::Post(p) => {
                    let t: ThreadId = sqlx::query_scalar(
                        "SELECT t.id FROM posts p JOIN threads t ON t.id = p.thread_id WHERE p.id = $1 AND t.group_id = $2",
                    )
                    .bind(p)
                    .bind(group)
                    .fetch_one(&mut *tx)
                    .await?;
                    (Some(t), Some(p))
                }
                Target::Thread(t) => {
                    let t: ThreadId =
                        sqlx::query_scalar("SELECT id FROM threads WHERE id = $1 AND group_id = $2")
                            .bind(t)
                            .bind(group)
                            .fetch_one(&mut *tx)
                            .await?;
                    (Some(t), None)
                }
                Target::Report(r) => {
                    let p: PostId =
                        sqlx::query_scalar("SELECT post_id FROM reports WHERE id = $1 AND group_id = $2")
                            .bind(r)
                            .bind(group)
                            .fetch_one(&mut *tx)
                            .await?;
                    (None, Some(p))
                }
                Target::Member(_) => (None, None),
            };
            let statement = match (action, target) {
                (ModAction::Hide | ModAction::Unhide, Target::Post(_)) => {
                    "UPDATE posts SET hidden = $1 WHERE id = $2"
                }
                (ModAction::Hide | ModAction::Unhide, Target::Thread(_)) => {
                    "UPDATE threads SET hidden = $1 WHERE id = $2"
                }
                (ModAction::Lock | ModAction::Unlock, Target::Thread(_)) => {
                    "UPDATE threads SET locked = $1 WHERE id = $2"
                }
                (ModAction::Dismiss, Target::Report(_)) => "",
                (ModAction::Approve | ModAction::Ban, Target::Member(_)) => "",
                _ => return Err(StoreError::Unsupported("that action on that target")),
            };
            if !statement.is_empty() {
                let on = matches!(action, ModAction::Hide | ModAction::Lock);
                // The statement names its table: the post's id for a post, the thread's for a thread.
                let subject = match target {
                    Target::Thread(_) => thread.map(|t| t.0),
                    _ => post.map(|p| p.0),
                };
                sqlx::query(statement).bind(on).bind(subject.unwrap_or_default()).execute(&mut *tx).await?;
            }
            if let Target::Member(user) = target {
                let standing = if action == ModAction::Ban { Standing::Banned } else { Standing::Active };
                let before: Option<String> = sqlx::query_scalar(
                    "SELECT standing FROM group_members WHERE group_id = $1 AND user_id = $2",
                )
                .bind(group)
                .bind(user.0)
                .fetch_optional(&mut *tx)
                .await?;
                if action == ModAction::Approve && before.as_deref() != Some("pending") {
                    return Err(StoreError::NotFound);
                }
                // A ban may come before someone joins, but only of someone who is there.
                if before.is_none() {
                    sqlx::query_scalar::<_, i64>("SELECT id FROM users WHERE id = $1")
                        .bind(user.0)
                        .fetch_optional(&mut *tx)
                        .await?
                        .ok_or(StoreError::NotFound)?;
                }
                // A ban takes away any role: a banned host is no host.
                sqlx::query(
                    "INSERT INTO group_members (group_id, user_id, role, standing, joined_at) VALUES ($1, $2, $3, $4, $5)
                     ON CONFLICT (group_id, user_id) DO UPDATE SET standing = $4, role = $3",
                )
                .bind(group)
                .bind(user.0)
                .bind(Role::Member.as_str())
                .bind(standing.as_str())
                .bind(now)
                .execute(&mut *tx)
                .await?;
                if action == ModAction::Approve {
                    sqlx::query(
                        "INSERT INTO notifications (user_id, kind, actor_id, group_id, created_at)
                         VALUES ($1, 'approved', $2, $3, $4)",
                    )
                    .bind(user.0)
                    .bind(moderator.0)
                    .bind(group)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                    sqlx::query("UPDATE users SET unread = unread + 1 WHERE id = $1")
                        .bind(user.0)
                        .execute(&mut *tx)
                        .await?;
                }
                let delta =
                    i64::from(standing == Standing::Active) - i64::from(before.as_deref() == Some("active"));
                sqlx::query("UPDATE groups SET members = members + $1 WHERE id = $2")
                    .bind(delta)
                    .bind(group)
                    .execute(&mut *tx)
                    .await?;
            }
            // Showing a held post (or the thread a held opening post started) for the first
            // time: it counts in its thread now, and whoever should hear of it is told.
            let first = match (action, target) {
                (ModAction::Unhide, Target::Post(p)) => Some(p),
                (ModAction::Unhide, Target::Thread(t)) => {
                    sqlx::query_scalar("SELECT MIN(id) FROM posts WHERE thread_id = $1")
                        .bind(t)
                        .fetch_one(&mut *tx)
                        .await?
                }
                _ => None,
            };
            let mut author_told = None;
            if let Some(p) = first {
                let released: Option<(i64, i64)> = sqlx::query_as(
                    "UPDATE posts SET held = FALSE, hidden = FALSE WHERE id = $1 AND held = TRUE
                     RETURNING thread_id, author_id",
                )
                .bind(p)
                .fetch_optional(&mut *tx)
                .await?;
                if let Some((t, author)) = released {
                    sqlx::query(RELEASE_IN_THREAD).bind(t).bind(p).bind(now).execute(&mut *tx).await?;
                    sqlx::query(crate::threads::QUEUE_POST_JOB).bind(p).bind(now).execute(&mut *tx).await?;
                    // Its author was told it waits for the moderators: now they hear it is shown.
                    sqlx::query(
                        "INSERT INTO notifications (user_id, kind, group_id, thread_id, post_id, created_at)
                         VALUES ($1, 'shown', $2, $3, $4, $5) ON CONFLICT (user_id, kind, post_id) DO NOTHING",
                    )
                    .bind(author)
                    .bind(group)
                    .bind(t)
                    .bind(p)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                    sqlx::query("UPDATE users SET unread = unread + 1 WHERE id = $1")
                        .bind(author)
                        .execute(&mut *tx)
                        .await?;
                    author_told = Some(UserId(author));
                }
            }
            if let Some(p) = post {
                sqlx::query(CLOSE_REPORTS).bind(now).bind(p).execute(&mut *tx).await?;
            }
            sqlx::query(LOG_LINE)
                .bind(group)
                .bind(moderator.0)
                .bind(action.as_str())
                .bind(thread)
                .bind(post)
                .bind(reason)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok::<_, StoreError>(author_told)
        })?;
        // An approval or a shown post changed a member's unread count: drop this process's
        // cached session of them.
        if let Target::Member(user) = target {
            self.sessions.forget_user(user);
        }
        if let Some(author) = told {
            self.sessions.forget_user(author);
        }
        Ok(())
    }

    /// Moves thread `thread` of group `from` to group `to`, with its open reports; both
    /// groups' logs say so. A hack stays in the hacks group and nothing moves into it
    /// (`Unsupported`); `NotFound` when the thread is not in `from`.
    pub async fn move_thread(
        &self,
        from: GroupId,
        to: GroupId,
        moderator: UserId,
        thread: ThreadId,
        reason: Option<&str>,
    ) -> Result<()> {
        let now = crate::now();
        let begin = self.begin_write();
        let _turn = self.write_turn().await;
        on_db!(self, |pool| {
            let mut tx = pool.begin_with(begin).await?;
            let hacks: bool = sqlx::query_scalar(
                "SELECT EXISTS (SELECT 1 FROM groups WHERE id IN ($2, $3) AND slug = $4)
                 OR EXISTS (SELECT 1 FROM hacks WHERE thread_id = $1)",
            )
            .bind(thread)
            .bind(to)
            .bind(from)
            .bind(foothold_core::hacks::GROUP_SLUG)
            .fetch_one(&mut *tx)
            .await?;
            if hacks || from == to {
                return Err(StoreError::Unsupported("moving a hack, or into the hacks group, or nowhere"));
            }
            let moved = sqlx::query("UPDATE threads SET group_id = $2 WHERE id = $1 AND group_id = $3")
                .bind(thread)
                .bind(to)
                .bind(from)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            if moved == 0 {
                return Err(StoreError::NotFound);
            }
            sqlx::query("UPDATE reports SET group_id = $2 WHERE post_id IN (SELECT id FROM posts WHERE thread_id = $1)")
                .bind(thread)
                .bind(to)
                .execute(&mut *tx)
                .await?;
            sqlx::query("UPDATE notifications SET group_id = $2 WHERE thread_id = $1")
                .bind(thread)
                .bind(to)
                .execute(&mut *tx)
                .await?;
            for group in [from, to] {
                sqlx::query(LOG_LINE)
                    .bind(group)
                    .bind(moderator.0)
                    .bind(ModAction::Move.as_str())
                    .bind(thread)
                    .bind(None::<i64>)
                    .bind(reason)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
            Ok::<_, StoreError>(())
        })?;
        Ok(())
    }

    /// The newest entries of a group's moderation log.
    pub async fn moderation_log(&self, group: GroupId, limit: u32) -> Result<Vec<LogEntry>> {
        let rows: Vec<LogRow> = on_db!(self, |pool| {
            sqlx::query_as(
                "SELECT id, action, thread_id, post_id, reason, created_at FROM moderation_log
                 WHERE group_id = $1 ORDER BY id DESC LIMIT $2",
            )
            .bind(group)
            .bind(i64::from(limit))
            .fetch_all(pool)
            .await
        })?;
        rows.into_iter()
            .map(|(id, action, thread, post, reason, created_at)| {
                Ok(LogEntry {
                    id,
                    action: ModAction::parse(&action).ok_or(StoreError::Corrupt("moderation_log.action"))?,
                    thread,
                    post,
                    reason,
                    created_at,
                })
            })
            .collect()
    }
}

/// A moderator's note to one member of a group, private to them (it reaches their
/// notifications); the public log says only what kind of note was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MemberNote {
    /// A warning in the moderator's words.
    Warn,
    /// Pauses their posting in the group until then; they can still read.
    Pause(DateTime<Utc>),
    /// Ends a pause early.
    Unpause,
}

impl Store {
    /// Gives `member` a moderator's note in `group`, with `words` for them, about their post
    /// `post` when the note comes from a report (whose reports it closes). `NotFound` when
    /// the member is not in the group.
    pub async fn note_member(
        &self,
        group: GroupId,
        moderator: UserId,
        member: UserId,
        note: MemberNote,
        words: Option<&str>,
        post: Option<PostId>,
    ) -> Result<()> {
        let now = crate::now();
        let (action, kind, until) = match note {
            MemberNote::Warn => (ModAction::Warn, Some("warning"), None),
            MemberNote::Pause(until) => (ModAction::Suspend, Some("suspended"), Some(until)),
            MemberNote::Unpause => (ModAction::Unsuspend, None, None),
        };
        let begin = self.begin_write();
        let _turn = self.write_turn().await;
        on_db!(self, |pool| {
            let mut tx = pool.begin_with(begin).await?;
            let _: i64 =
                sqlx::query_scalar("SELECT user_id FROM group_members WHERE group_id = $1 AND user_id = $2")
                    .bind(group)
                    .bind(member.0)
                    .fetch_one(&mut *tx)
                    .await?;
            // The post must be the member's, in this group.
            let thread: Option<ThreadId> = match post {
                Some(p) => Some(
                    sqlx::query_scalar(
                        "SELECT t.id FROM posts p JOIN threads t ON t.id = p.thread_id
                         WHERE p.id = $1 AND p.author_id = $2 AND t.group_id = $3",
                    )
                    .bind(p)
                    .bind(member.0)
                    .bind(group)
                    .fetch_one(&mut *tx)
                    .await?,
                ),
                None => None,
            };
            match note {
                MemberNote::Pause(until) => {
                    sqlx::query(
                        "INSERT INTO group_suspensions (group_id, user_id, until_at) VALUES ($1, $2, $3)
                         ON CONFLICT (group_id, user_id) DO UPDATE SET until_at = $3",
                    )
                    .bind(group)
                    .bind(member.0)
                    .bind(until)
                    .execute(&mut *tx)
                    .await?;
                }
                MemberNote::Unpause => {
                    sqlx::query("DELETE FROM group_suspensions WHERE group_id = $1 AND user_id = $2")
                        .bind(group)
                        .bind(member.0)
                        .execute(&mut *tx)
                        .await?;
                }
                MemberNote::Warn => {}
            }
            if let Some(kind) = kind {
                // No actor: the note comes from the group's moderators, not one named person.
                sqlx::query(
                    "INSERT INTO notifications (user_id, kind, group_id, thread_id, post_id, created_at, message, until_at)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                )
                .bind(member.0)
                .bind(kind)
                .bind(group)
                .bind(thread)
                .bind(post)
                .bind(now)
                .bind(words)
                .bind(until)
                .execute(&mut *tx)
                .await?;
                sqlx::query("UPDATE users SET unread = unread + 1 WHERE id = $1")
                    .bind(member.0)
                    .execute(&mut *tx)
                    .await?;
            }
            if let Some(p) = post {
                sqlx::query(CLOSE_REPORTS).bind(now).bind(p).execute(&mut *tx).await?;
            }
            // The words were for the member: the public log keeps only the kind of note.
            sqlx::query(LOG_LINE)
                .bind(group)
                .bind(moderator.0)
                .bind(action.as_str())
                .bind(thread)
                .bind(post)
                .bind(None::<&str>)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok::<_, StoreError>(())
        })?;
        self.sessions.forget_user(member);
        Ok(())
    }
}
