//! Hacks: a thread in the hacks group plus what it needs, whom it is for, who tried it and
//! the results members shared. The pooled results are rewritten in the same transaction as
//! every change to them (share, withdraw, a sharer's account deleted), so a hack's page
//! reads one row however many members shared.

use crate::batch::{on_conn, Conn};
use crate::{on_db, packed, Backend, GroupId, Result, Store, StoreError, ThreadId, UserId};
use chrono::{DateTime, NaiveDate, Utc};
use foothold_core::agency::Outcome;
use foothold_core::hacks::pooling::{Evidence, Shared, Source};
use foothold_core::hacks::{Cost, Effort, Needs, NewHack, Tag, PER_PAGE};

/// A hack as its list and page show it.
#[derive(Debug, Clone, PartialEq)]
pub struct HackSummary {
    /// The id of its thread.
    pub id: ThreadId,
    pub title: String,
    /// `None` when the author's account was deleted.
    pub author: Option<String>,
    pub created_at: DateTime<Utc>,
    /// Replies in its discussion.
    pub replies: i64,
    pub hidden: bool,
    pub needs: Needs,
    pub tags: Vec<Tag>,
    /// Members who chose "I'll try it".
    pub tried: i64,
    /// Pooled results of members' own diaries.
    pub evidence: Evidence,
    /// Pooled results of members' kept personal experiments, the stronger evidence.
    pub experiments: Evidence,
    /// How many of the viewer's own tags it has.
    pub fit: i64,
}

/// How the list is ordered. None is by popularity: what many tried is not what helps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HackOrder {
    /// The viewer's tags first, then newest.
    Fit,
    Newest,
    /// Least pain in the pooled results first; hacks without pooled results last.
    Evidence,
}

/// A member's try of a hack.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tried {
    pub hack: ThreadId,
    pub title: String,
    /// The strategy it added to their diary; `None` if they deleted or merged it since.
    pub strategy: Option<foothold_core::strategy::StrategyId>,
    /// The member's day they chose to try it.
    pub tried_on: NaiveDate,
    /// They were asked once whether to share their result.
    pub asked: bool,
    /// Their result is part of the hack's evidence.
    pub shared: bool,
}

const HACK_COLUMNS: &str =
    "t.id, t.title, u.handle, t.created_at, t.posts, t.hidden, h.cost, h.effort, h.minutes, \
     h.pooled, h.pooled_experiments, (SELECT COUNT(*) FROM hack_tries r WHERE r.hack_id = h.thread_id) AS tried, \
     (SELECT COUNT(*) FROM hack_tags g JOIN member_tags m ON m.tag = g.tag AND m.user_id = $1 \
      WHERE g.hack_id = h.thread_id) AS fit";
const PAGE_COLUMNS: &str =
    "page.id, page.title, page.handle, page.created_at, page.posts, page.hidden, page.cost, \
     page.effort, page.minutes, page.pooled, page.pooled_experiments, page.tried, page.fit, page.tags";

fn tags_sql(backend: Backend) -> &'static str {
    match backend {
        Backend::Sqlite => {
            "(SELECT group_concat(g.tag, ',') FROM hack_tags g WHERE g.hack_id = h.thread_id) AS tags"
        }
        Backend::Postgres => {
            "(SELECT string_agg(g.tag, ',') FROM hack_tags g WHERE g.hack_id = h.thread_id) AS tags"
        }
    }
}

fn summary(c: &packed::Cells) -> Result<HackSummary> {
    let corrupt = || StoreError::Corrupt("hacks");
    let minutes = u16::try_from(c.int(8)?).map_err(|_| corrupt())?;
    let tags = c.opt_text(13)?.unwrap_or_default();
    Ok(HackSummary {
        id: ThreadId(c.int(0)?),
        title: c.text(1)?,
        author: c.opt_text(2)?,
        created_at: c.time(3)?,
        replies: c.int(4)? - 1,
        hidden: c.flag(5)?,
        needs: Needs {
            cost: Cost::parse(&c.text(6)?).ok_or_else(corrupt)?,
            effort: Effort::parse(&c.text(7)?).ok_or_else(corrupt)?,
            minutes,
        },
        evidence: serde_json::from_str(&c.text(9)?).map_err(|_| corrupt())?,
        experiments: serde_json::from_str(&c.text(10)?).map_err(|_| corrupt())?,
        tried: c.int(11)?,
        fit: c.int(12)?,
        tags: Tag::parse_all(tags.split(',').filter(|t| !t.is_empty())).map_err(|_| corrupt())?,
    })
}

/// The list's order, applied again after unpacking (a packed page's order is not kept).
fn ordering(order: HackOrder, a: &HackSummary, b: &HackSummary) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    let newest = (b.created_at, b.id).cmp(&(a.created_at, a.id));
    let pain = |h: &HackSummary| h.evidence.get(Outcome::Pain).map(|p| p.estimate);
    match order {
        HackOrder::Fit => b.fit.cmp(&a.fit).then(newest),
        HackOrder::Newest => newest,
        HackOrder::Evidence => match (pain(a), pain(b)) {
            (Some(x), Some(y)) => x.total_cmp(&y).then(newest),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => newest,
        },
    }
}

/// Rewrites a hack's pooled results, diaries and experiments apart, from its shared results.
/// Runs inside the transaction that changed them, after the hack's row was locked.
async fn repool(conn: &mut Conn<'_>, hack: ThreadId) -> Result<()> {
    let rows: Vec<(String, String, f64, f64, f64, bool)> = on_conn!(conn, |c| {
        sqlx::query_as(
            "SELECT source, outcome, estimate, low, high, helps FROM hack_results WHERE hack_id = $1",
        )
        .bind(hack)
        .fetch_all(&mut **c)
        .await
    })?;
    let of = |source: Source| {
        let results: Vec<(Outcome, Shared)> = rows
            .iter()
            .filter(|r| Source::parse(&r.0) == Some(source))
            .filter_map(|(_, o, estimate, low, high, helps)| {
                Some((
                    Outcome::parse(o)?,
                    Shared { estimate: *estimate, interval: [*low, *high], helps: *helps },
                ))
            })
            .collect();
        Evidence::of(&results)
    };
    let (diary, experiments) = (of(Source::Diary), of(Source::Experiment));
    let json = |e: &Evidence| serde_json::to_string(e).map_err(|_| StoreError::Corrupt("hacks"));
    let (diary_json, experiments_json) = (json(&diary)?, json(&experiments)?);
    let pain = diary.get(Outcome::Pain).map(|p| p.estimate);
    on_conn!(conn, |c| {
        sqlx::query(
            "UPDATE hacks SET pooled = $1, pooled_pain = $2, pooled_experiments = $3 WHERE thread_id = $4",
        )
        .bind(&diary_json)
        .bind(pain)
        .bind(&experiments_json)
        .bind(hack)
        .execute(&mut **c)
        .await
        .map(|_| ())
    })?;
    Ok(())
}

/// Takes the hack's row lock (PostgreSQL; SQLite's write transaction holds the database), so
/// two members sharing at once pool each other's results. `NotFound` for no such hack.
async fn lock_hack(conn: &mut Conn<'_>, hack: ThreadId) -> Result<()> {
    let n = on_conn!(conn, |c| {
        sqlx::query("UPDATE hacks SET pooled = pooled WHERE thread_id = $1")
            .bind(hack)
            .execute(&mut **c)
            .await
            .map(|r| r.rows_affected())
    })?;
    if n == 1 {
        Ok(())
    } else {
        Err(StoreError::NotFound)
    }
}

/// After an account's deletion removed its shared results: pools the hacks it had shared
/// for again, in the deleting transaction.
pub(crate) async fn repool_all(conn: &mut Conn<'_>, hacks: &[ThreadId]) -> Result<()> {
    for &hack in hacks {
        repool(conn, hack).await?;
    }
    Ok(())
}

impl Store {
    /// One page of the visible hacks (`page` from 0), optionally with one tag, in `order`,
    /// with one more than a page when there are more.
    pub async fn hacks(
        &self,
        viewer: Option<UserId>,
        tag: Option<Tag>,
        order: HackOrder,
        page: u32,
    ) -> Result<Vec<HackSummary>> {
        let order_sql = match order {
            HackOrder::Fit => "fit DESC, t.created_at DESC, t.id DESC",
            HackOrder::Newest => "t.created_at DESC, t.id DESC",
            HackOrder::Evidence => "(h.pooled_pain IS NULL), h.pooled_pain, t.created_at DESC, t.id DESC",
        };
        let inner = format!(
            "SELECT {HACK_COLUMNS}, {tags} FROM hacks h JOIN threads t ON t.id = h.thread_id
             LEFT JOIN users u ON u.id = t.author_id
             WHERE t.hidden = FALSE AND (CAST($2 AS TEXT) IS NULL OR EXISTS
                 (SELECT 1 FROM hack_tags g WHERE g.hack_id = h.thread_id AND g.tag = $2))
             ORDER BY {order_sql} LIMIT $3 OFFSET $4",
            tags = tags_sql(self.backend()),
        );
        let sql = packed::sql(self.backend(), &inner, PAGE_COLUMNS);
        let per_page = i64::from(PER_PAGE);
        let json: String = on_db!(self, |pool| {
            sqlx::query_scalar(&sql)
                .bind(viewer.map_or(0, |v| v.0))
                .bind(tag.map(Tag::as_str))
                .bind(per_page + 1)
                .bind(i64::from(page) * per_page)
                .fetch_one(pool)
                .await
        })?;
        let mut hacks = packed::rows(&json, "hacks", summary)?;
        hacks.sort_by(|a, b| ordering(order, a, b));
        Ok(hacks)
    }

    /// One hack, hidden or not (the caller decides who may see a hidden one), and the
    /// viewer's try of it.
    pub async fn hack(&self, id: ThreadId, viewer: Option<UserId>) -> Result<(HackSummary, Option<Tried>)> {
        let inner = format!(
            "SELECT {HACK_COLUMNS}, {tags} FROM hacks h JOIN threads t ON t.id = h.thread_id
             LEFT JOIN users u ON u.id = t.author_id WHERE h.thread_id = $2",
            tags = tags_sql(self.backend()),
        );
        let sql = packed::sql(self.backend(), &inner, PAGE_COLUMNS);
        let json: String = on_db!(self, |pool| {
            sqlx::query_scalar(&sql).bind(viewer.map_or(0, |v| v.0)).bind(id).fetch_one(pool).await
        })?;
        let hack = packed::rows(&json, "hacks", summary)?.into_iter().next().ok_or(StoreError::NotFound)?;
        let tried = match viewer {
            Some(v) => self.tried(v).await?.into_iter().find(|t| t.hack == id),
            None => None,
        };
        Ok((hack, tried))
    }

    /// Whether a thread is a hack's discussion.
    pub async fn is_hack(&self, thread: ThreadId) -> Result<bool> {
        Ok(on_db!(self, |pool| {
            sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM hacks WHERE thread_id = $1)")
                .bind(thread)
                .fetch_one(pool)
                .await
        })?)
    }

    /// Every hack the member chose to try, most recent first.
    pub async fn tried(&self, user: UserId) -> Result<Vec<Tried>> {
        let rows: Vec<(ThreadId, String, Option<i64>, NaiveDate, bool, bool)> = on_db!(self, |pool| {
            sqlx::query_as(
                "SELECT r.hack_id, t.title, r.strategy_id, r.tried_on, r.asked,
                        EXISTS (SELECT 1 FROM hack_results s WHERE s.hack_id = r.hack_id AND s.user_id = r.user_id)
                 FROM hack_tries r JOIN threads t ON t.id = r.hack_id
                 WHERE r.user_id = $1 ORDER BY r.tried_on DESC, r.hack_id DESC",
            )
            .bind(user.0)
            .fetch_all(pool)
            .await
        })?;
        Ok(rows
            .into_iter()
            .map(|(hack, title, strategy, tried_on, asked, shared)| Tried {
                hack,
                title,
                strategy: strategy.map(foothold_core::strategy::StrategyId),
                tried_on,
                asked,
                shared,
            })
            .collect())
    }

    /// Hacks the member tried on or before `day` and was never asked about: the home page
    /// asks once whether to share the result. (id, title).
    pub async fn hacks_to_ask_about(&self, user: UserId, day: NaiveDate) -> Result<Vec<(ThreadId, String)>> {
        Ok(on_db!(self, |pool| {
            sqlx::query_as(
                "SELECT r.hack_id, t.title FROM hack_tries r JOIN threads t ON t.id = r.hack_id
                 WHERE r.user_id = $1 AND r.asked = FALSE AND r.tried_on <= $2 AND r.strategy_id IS NOT NULL
                   AND t.hidden = FALSE
                 ORDER BY r.tried_on, r.hack_id",
            )
            .bind(user.0)
            .bind(day)
            .fetch_all(pool)
            .await
        })?)
    }

    /// Starts a hack: its thread in the hacks group with what it needs and its tags, in one
    /// transaction. The same form sent twice gives the first hack back.
    pub async fn start_hack(
        &self,
        group: GroupId,
        author: UserId,
        nonce: &str,
        hack: &NewHack,
        posting: crate::Posting,
    ) -> Result<crate::Posted> {
        self.open_thread(group, author, nonce, &hack.thread, posting, Some((&hack.needs, &hack.tags))).await
    }

    /// "I'll try it": adds the hack to the member's strategies (tracked from `today`; an
    /// archived one comes back) and remembers the day. Trying again keeps the first day.
    pub async fn try_hack(&self, hack: ThreadId, user: UserId, today: NaiveDate) -> Result<Tried> {
        let key = format!("hack:{hack}");
        let now = crate::now();
        let begin = self.begin_write();
        let turn = self.write_turn().await;
        on_db!(self, |pool| {
            let mut tx = pool.begin_with(begin).await?;
            let title: String = sqlx::query_scalar(
                "SELECT t.title FROM hacks h JOIN threads t ON t.id = h.thread_id
                 WHERE h.thread_id = $1 AND t.hidden = FALSE",
            )
            .bind(hack)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(StoreError::NotFound)?;
            sqlx::query(
                "INSERT INTO strategies (user_id, name, name_key, category, tracked_from, created_at)
                 VALUES ($1, $2, $3, 'hack', $4, $5) ON CONFLICT (user_id, name_key) DO NOTHING",
            )
            .bind(user.0)
            .bind(&title)
            .bind(&key)
            .bind(today)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            let strategy: i64 = sqlx::query_scalar(
                "UPDATE strategies SET archived = FALSE WHERE user_id = $1 AND name_key = $2 RETURNING id",
            )
            .bind(user.0)
            .bind(&key)
            .fetch_one(&mut *tx)
            .await?;
            sqlx::query(
                "INSERT INTO hack_tries (hack_id, user_id, strategy_id, tried_on) VALUES ($1, $2, $3, $4)
                 ON CONFLICT (hack_id, user_id) DO UPDATE SET strategy_id = excluded.strategy_id",
            )
            .bind(hack)
            .bind(user.0)
            .bind(strategy)
            .bind(today)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok::<_, StoreError>(())
        })?;
        drop(turn);
        self.tried(user).await?.into_iter().find(|t| t.hack == hack).ok_or(StoreError::NotFound)
    }

    /// Shares the member's results for a hack they tried (replacing any shared before) and
    /// pools the hack's results again, diaries and experiments apart, in one transaction.
    pub async fn share_hack_result(
        &self,
        hack: ThreadId,
        user: UserId,
        results: &[(Source, Outcome, Shared)],
    ) -> Result<()> {
        let now = crate::now();
        let begin = self.begin_write();
        let _turn = self.write_turn().await;
        on_db!(self, |pool| {
            let mut tx = pool.begin_with(begin).await?;
            lock_hack(&mut Conn::from(&mut *tx), hack).await?;
            let asked = sqlx::query("UPDATE hack_tries SET asked = TRUE WHERE hack_id = $1 AND user_id = $2")
                .bind(hack)
                .bind(user.0)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            if asked != 1 {
                return Err(StoreError::NotFound);
            }
            sqlx::query("DELETE FROM hack_results WHERE hack_id = $1 AND user_id = $2")
                .bind(hack)
                .bind(user.0)
                .execute(&mut *tx)
                .await?;
            for (source, outcome, r) in results {
                sqlx::query(
                    "INSERT INTO hack_results (hack_id, user_id, source, outcome, estimate, low, high, helps, shared_at)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                )
                .bind(hack)
                .bind(user.0)
                .bind(source.as_str())
                .bind(outcome.as_str())
                .bind(r.estimate)
                .bind(r.interval[0])
                .bind(r.interval[1])
                .bind(r.helps)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            }
            repool(&mut Conn::from(&mut *tx), hack).await?;
            tx.commit().await?;
            Ok::<_, StoreError>(())
        })
    }

    /// Withdraws the member's shared result from the hack's evidence. `false` if there was
    /// none.
    pub async fn withdraw_hack_result(&self, hack: ThreadId, user: UserId) -> Result<bool> {
        let begin = self.begin_write();
        let _turn = self.write_turn().await;
        on_db!(self, |pool| {
            let mut tx = pool.begin_with(begin).await?;
            lock_hack(&mut Conn::from(&mut *tx), hack).await?;
            let removed = sqlx::query("DELETE FROM hack_results WHERE hack_id = $1 AND user_id = $2")
                .bind(hack)
                .bind(user.0)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            repool(&mut Conn::from(&mut *tx), hack).await?;
            tx.commit().await?;
            Ok::<_, StoreError>(removed > 0)
        })
    }

    /// The member answered "not now" to sharing: they are not asked again (the hack's page
    /// still offers it).
    pub async fn decline_hack_share(&self, hack: ThreadId, user: UserId) -> Result<()> {
        on_db!(self, |pool| {
            sqlx::query("UPDATE hack_tries SET asked = TRUE WHERE hack_id = $1 AND user_id = $2")
                .bind(hack)
                .bind(user.0)
                .execute(pool)
                .await
                .map(|_| ())
        })?;
        Ok(())
    }

    /// The pains the member chose, to order hacks by fit.
    pub async fn member_tags(&self, user: UserId) -> Result<Vec<Tag>> {
        let names: Vec<String> = on_db!(self, |pool| {
            sqlx::query_scalar("SELECT tag FROM member_tags WHERE user_id = $1")
                .bind(user.0)
                .fetch_all(pool)
                .await
        })?;
        Tag::parse_all(names.iter().map(String::as_str)).map_err(|_| StoreError::Corrupt("member_tags"))
    }

    pub async fn set_member_tags(&self, user: UserId, tags: &[Tag]) -> Result<()> {
        let begin = self.begin_write();
        let _turn = self.write_turn().await;
        on_db!(self, |pool| {
            let mut tx = pool.begin_with(begin).await?;
            sqlx::query("DELETE FROM member_tags WHERE user_id = $1").bind(user.0).execute(&mut *tx).await?;
            for tag in tags {
                sqlx::query("INSERT INTO member_tags (user_id, tag) VALUES ($1, $2)")
                    .bind(user.0)
                    .bind(tag.as_str())
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
            Ok::<_, StoreError>(())
        })
    }

    /// Every visible hack with its opening post, oldest first, for `foothold hacks export`.
    pub async fn export_hacks(&self) -> Result<Vec<NewHack>> {
        let rows: Vec<(ThreadId, String, String)> = on_db!(self, |pool| {
            sqlx::query_as(
                "SELECT t.id, t.title, p.body FROM hacks h JOIN threads t ON t.id = h.thread_id
                 JOIN posts p ON p.id = (SELECT MIN(id) FROM posts WHERE thread_id = t.id)
                 WHERE t.hidden = FALSE ORDER BY t.id",
            )
            .fetch_all(pool)
            .await
        })?;
        let mut out = Vec::with_capacity(rows.len());
        for (id, title, body) in rows {
            let (hack, _) = self.hack(id, None).await?;
            out.push(NewHack {
                thread: foothold_core::community::NewThread { title, body },
                needs: hack.needs,
                tags: hack.tags,
            });
        }
        Ok(out)
    }
}
