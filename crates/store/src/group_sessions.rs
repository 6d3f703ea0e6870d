//! Group sessions: a group's planned sessions, who is coming (and who waits for a place),
//! pain before and after as attendees rated it, and members' calendar feed secrets.

use crate::{on_db, packed, GroupId, GroupSessionId, Result, Store, StoreError, UserId};
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use foothold_core::group_sessions::{parse_recurrence, weekday_name, NewGroupSession, Schedule};

/// Gives session `$1`'s first waiting member the place that freed up; returns their id.
pub(crate) const PROMOTE_FIRST_WAITING: &str = "UPDATE session_rsvps SET status = 'going'
     WHERE session_id = $1 AND user_id =
        (SELECT user_id FROM session_rsvps WHERE session_id = $1 AND status = 'waiting'
         ORDER BY created_at, user_id LIMIT 1)
     RETURNING user_id";

/// A planned session with how many are coming.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupSession {
    pub id: GroupSessionId,
    pub group_id: GroupId,
    /// `None` when the host's account was deleted.
    pub host: Option<String>,
    pub plan: NewGroupSession,
    /// Raised with every change a calendar app must pick up (iCalendar SEQUENCE).
    pub sequence: u32,
    pub cancelled: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub going: i64,
    pub waiting: i64,
}

/// Where a member stands for a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rsvp {
    Going,
    /// The session was full; the first to wait gets the next place that frees up.
    Waiting,
}

/// Pain before and after, pooled over every rating of a session.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ratings {
    pub count: i64,
    pub before: f64,
    pub after: f64,
}

const COLUMNS: &str =
    "s.id, s.group_id, u.handle, s.title, s.about, s.seated, s.standing, s.starts_at, s.time_zone, \
     s.minutes, s.weekdays, s.until, s.count, s.except_days, s.capacity, s.place, s.sequence, s.cancelled, \
     s.created_at, s.updated_at, \
     (SELECT COUNT(*) FROM session_rsvps r WHERE r.session_id = s.id AND r.status = 'going') AS going, \
     (SELECT COUNT(*) FROM session_rsvps r WHERE r.session_id = s.id AND r.status = 'waiting') AS waiting";
const PAGE_COLUMNS: &str = "page.id, page.group_id, page.handle, page.title, page.about, page.seated, page.standing, \
     page.starts_at, page.time_zone, page.minutes, page.weekdays, page.until, page.count, page.except_days, \
     page.capacity, page.place, page.sequence, page.cancelled, page.created_at, page.updated_at, page.going, page.waiting";

/// A packed row (`packed.rs`): SQLite writes a local time as `YYYY-MM-DD HH:MM:SS`,
/// PostgreSQL's JSON as `YYYY-MM-DDTHH:MM:SS`.
fn session(c: &packed::Cells) -> Result<GroupSession> {
    let corrupt = || StoreError::Corrupt("group_sessions");
    let start = NaiveDateTime::parse_from_str(&c.text(7)?.replace(' ', "T"), "%Y-%m-%dT%H:%M:%S%.f")
        .map_err(|_| corrupt())?;
    let weekdays = c.text(10)?;
    let names: Vec<&str> = weekdays.split(',').collect();
    let until = c.opt_text(11)?.unwrap_or_default();
    let count = c.opt_int(12)?.map(|n| n.to_string()).unwrap_or_default();
    let repeat =
        parse_recurrence(start.date(), &names, &until, &count, &c.text(13)?).map_err(|_| corrupt())?;
    Ok(GroupSession {
        id: GroupSessionId(c.int(0)?),
        group_id: GroupId(c.int(1)?),
        host: c.opt_text(2)?,
        plan: NewGroupSession {
            title: c.text(3)?,
            about: c.text(4)?,
            seated: c.text(5)?,
            standing: c.text(6)?,
            schedule: Schedule {
                start,
                time_zone: c.text(8)?.parse().map_err(|_| corrupt())?,
                minutes: u16::try_from(c.int(9)?).map_err(|_| corrupt())?,
                repeat,
            },
            capacity: c.opt_int(14)?.and_then(|n| u32::try_from(n).ok()),
            place: c.text(15)?,
        },
        sequence: u32::try_from(c.int(16)?).map_err(|_| corrupt())?,
        cancelled: c.flag(17)?,
        created_at: c.time(18)?,
        updated_at: c.time(19)?,
        going: c.int(20)?,
        waiting: c.int(21)?,
    })
}

/// A plan as its stored columns, title to place: what planning and changing a session
/// both write, bound in this order by [`BindPlan`].
struct PlanColumns<'a> {
    new: &'a NewGroupSession,
    weekdays: String,
    until: Option<NaiveDate>,
    count: Option<i32>,
    except: String,
    capacity: Option<i32>,
}

impl<'a> PlanColumns<'a> {
    fn of(new: &'a NewGroupSession) -> Self {
        let r = new.schedule.repeat.as_ref();
        Self {
            new,
            weekdays: r
                .map(|r| r.weekdays.iter().map(|d| weekday_name(*d)).collect::<Vec<_>>().join(","))
                .unwrap_or_default(),
            until: r.and_then(|r| r.until),
            count: r.and_then(|r| r.count).and_then(|c| i32::try_from(c).ok()),
            except: r
                .map(|r| r.except.iter().map(NaiveDate::to_string).collect::<Vec<_>>().join(","))
                .unwrap_or_default(),
            capacity: new.capacity.and_then(|c| i32::try_from(c).ok()),
        }
    }
}

/// Binds a plan's 13 columns (title, about, seated, standing, starts_at, time_zone, minutes,
/// weekdays, until, count, except_days, capacity, place) to the next placeholders.
trait BindPlan<'q> {
    fn bind_plan(self, p: &'q PlanColumns<'q>) -> Self;
}

impl<'q, DB: sqlx::Database> BindPlan<'q>
    for sqlx::query::Query<'q, DB, <DB as sqlx::Database>::Arguments<'q>>
where
    &'q str: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
    i32: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
    Option<i32>: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
    Option<NaiveDate>: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
    NaiveDateTime: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
{
    fn bind_plan(self, p: &'q PlanColumns<'q>) -> Self {
        let n = p.new;
        self.bind(n.title.as_str())
            .bind(n.about.as_str())
            .bind(n.seated.as_str())
            .bind(n.standing.as_str())
            .bind(n.schedule.start)
            .bind(n.schedule.time_zone.name())
            .bind(i32::from(n.schedule.minutes))
            .bind(p.weekdays.as_str())
            .bind(p.until)
            .bind(p.count)
            .bind(p.except.as_str())
            .bind(p.capacity)
            .bind(n.place.as_str())
    }
}

impl Store {
    /// Plans a session in a group. The same form sent twice gives the first session back.
    pub async fn create_group_session(
        &self,
        group: GroupId,
        host: UserId,
        nonce: &str,
        new: &NewGroupSession,
    ) -> Result<GroupSessionId> {
        let now = crate::now();
        let plan = PlanColumns::of(new);
        on_db!(self, |pool| {
            sqlx::query(
                "INSERT INTO group_sessions (group_id, host_id, nonce, title, about, seated, standing, starts_at,
                     time_zone, minutes, weekdays, until, count, except_days, capacity, place, created_at, updated_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $17)
                 ON CONFLICT (group_id, nonce) DO NOTHING",
            )
            .bind(group)
            .bind(host.0)
            .bind(nonce)
            .bind_plan(&plan)
            .bind(now)
            .execute(pool)
            .await
            .map(|_| ())
        })?;
        Ok(on_db!(self, |pool| {
            sqlx::query_scalar("SELECT id FROM group_sessions WHERE group_id = $1 AND nonce = $2")
                .bind(group)
                .bind(nonce)
                .fetch_one(pool)
                .await
        })?)
    }

    /// A group's sessions, cancelled ones included (calendar apps must hear of them).
    pub async fn group_sessions(&self, group: GroupId) -> Result<Vec<GroupSession>> {
        self.sessions_where("s.group_id = $1", group.0).await
    }

    /// Sessions matching `condition` on `$1`, by id.
    async fn sessions_where(&self, condition: &str, value: i64) -> Result<Vec<GroupSession>> {
        let inner = format!(
            "SELECT {COLUMNS} FROM group_sessions s LEFT JOIN users u ON u.id = s.host_id WHERE {condition}"
        );
        let sql = packed::sql(self.backend(), &inner, PAGE_COLUMNS);
        let json: String = on_db!(self, |pool| sqlx::query_scalar(&sql).bind(value).fetch_one(pool).await)?;
        let mut all = packed::rows(&json, "group_sessions", session)?;
        all.sort_by_key(|s| s.id);
        Ok(all)
    }

    /// One session and the viewer's place in it.
    pub async fn group_session(
        &self,
        id: GroupSessionId,
        viewer: UserId,
    ) -> Result<(GroupSession, Option<Rsvp>)> {
        let session =
            self.sessions_where("s.id = $1", id.0).await?.into_iter().next().ok_or(StoreError::NotFound)?;
        let status: Option<String> = on_db!(self, |pool| {
            sqlx::query_scalar("SELECT status FROM session_rsvps WHERE session_id = $1 AND user_id = $2")
                .bind(id)
                .bind(viewer.0)
                .fetch_optional(pool)
                .await
        })?;
        Ok((session, status.map(|s| if s == "going" { Rsvp::Going } else { Rsvp::Waiting })))
    }

    /// The sessions a member is coming to or waiting for, in every group: their calendar.
    pub async fn member_sessions(&self, user: UserId) -> Result<Vec<GroupSession>> {
        self.sessions_where("s.id IN (SELECT session_id FROM session_rsvps WHERE user_id = $1)", user.0).await
    }

    /// Says the member is coming: a place if there is one, else the end of the waiting list.
    /// Saying it again changes nothing. `Conflict` is not possible: a full session waits.
    pub async fn rsvp(&self, id: GroupSessionId, user: UserId) -> Result<Rsvp> {
        let now = crate::now();
        let begin = self.begin_write();
        let _turn = self.write_turn().await;
        let status: String = on_db!(self, |pool| {
            let mut tx = pool.begin_with(begin).await?;
            // Locks the session's row, so two members never take its last place at once.
            let capacity: Option<Option<i32>> = sqlx::query_scalar(
                "UPDATE group_sessions SET sequence = sequence WHERE id = $1 AND cancelled = FALSE RETURNING capacity",
            )
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
            let Some(capacity) = capacity else { return Err(StoreError::NotFound) };
            let going: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM session_rsvps WHERE session_id = $1 AND status = 'going'",
            )
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
            let status = if capacity.is_some_and(|c| going >= i64::from(c)) { "waiting" } else { "going" };
            sqlx::query(
                "INSERT INTO session_rsvps (session_id, user_id, status, created_at) VALUES ($1, $2, $3, $4)
                 ON CONFLICT (session_id, user_id) DO NOTHING",
            )
            .bind(id)
            .bind(user.0)
            .bind(status)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            let status: String =
                sqlx::query_scalar("SELECT status FROM session_rsvps WHERE session_id = $1 AND user_id = $2")
                    .bind(id)
                    .bind(user.0)
                    .fetch_one(&mut *tx)
                    .await?;
            tx.commit().await?;
            Ok::<_, StoreError>(status)
        })?;
        Ok(if status == "going" { Rsvp::Going } else { Rsvp::Waiting })
    }

    /// The member is not coming after all. A freed place goes to the first who waits, in the
    /// same transaction; their id is returned.
    pub async fn cancel_rsvp(&self, id: GroupSessionId, user: UserId) -> Result<Option<UserId>> {
        let begin = self.begin_write();
        let _turn = self.write_turn().await;
        on_db!(self, |pool| {
            let mut tx = pool.begin_with(begin).await?;
            sqlx::query("UPDATE group_sessions SET sequence = sequence WHERE id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
            let was: Option<String> = sqlx::query_scalar(
                "DELETE FROM session_rsvps WHERE session_id = $1 AND user_id = $2 RETURNING status",
            )
            .bind(id)
            .bind(user.0)
            .fetch_optional(&mut *tx)
            .await?;
            let mut promoted = None;
            if was.as_deref() == Some("going") {
                promoted = sqlx::query_scalar(PROMOTE_FIRST_WAITING)
                    .bind(id)
                    .fetch_optional(&mut *tx)
                    .await?
                    .map(UserId);
            }
            tx.commit().await?;
            Ok::<_, StoreError>(promoted)
        })
    }

    /// Cancels every occurrence of a session: calendar apps show it cancelled.
    pub async fn cancel_group_session(&self, id: GroupSessionId) -> Result<()> {
        let done = on_db!(self, |pool| {
            sqlx::query(
                "UPDATE group_sessions SET cancelled = TRUE, sequence = sequence + 1, updated_at = $1
                 WHERE id = $2 AND cancelled = FALSE",
            )
            .bind(crate::now())
            .bind(id)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
        })?;
        if done == 1 {
            Ok(())
        } else {
            Err(StoreError::NotFound)
        }
    }

    /// Changes a session's plan (what, when, how often, where, how many). The sequence rises,
    /// so calendar apps replace what they had; who is coming stays. `seen` is the sequence the
    /// host's form was made from: `Stale` if the session changed since (or was cancelled).
    pub async fn update_group_session(
        &self,
        id: GroupSessionId,
        seen: u32,
        new: &NewGroupSession,
    ) -> Result<()> {
        let plan = PlanColumns::of(new);
        let done = on_db!(self, |pool| {
            sqlx::query(
                "UPDATE group_sessions SET title = $1, about = $2, seated = $3, standing = $4, starts_at = $5,
                     time_zone = $6, minutes = $7, weekdays = $8, until = $9, count = $10, except_days = $11,
                     capacity = $12, place = $13, sequence = sequence + 1, updated_at = $14
                 WHERE id = $15 AND cancelled = FALSE AND sequence = $16",
            )
            .bind_plan(&plan)
            .bind(crate::now())
            .bind(id)
            .bind(i64::from(seen))
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
        })?;
        match done {
            1 => Ok(()),
            _ => Err(StoreError::Stale),
        }
    }

    /// Cancels one occurrence (its local `day`): the day joins the excluded days (an EXDATE
    /// in calendars) and the sequence rises, so calendar apps drop it. `NotFound` for a
    /// cancelled session.
    pub async fn skip_occurrence(&self, id: GroupSessionId, day: NaiveDate) -> Result<()> {
        let session =
            self.sessions_where("s.id = $1", id.0).await?.into_iter().next().ok_or(StoreError::NotFound)?;
        let mut except: Vec<NaiveDate> = session.plan.schedule.repeat.map(|r| r.except).unwrap_or_default();
        if except.contains(&day) {
            return Ok(());
        }
        except.push(day);
        except.sort_unstable();
        let text = except.iter().map(NaiveDate::to_string).collect::<Vec<_>>().join(",");
        let done = on_db!(self, |pool| {
            sqlx::query(
                "UPDATE group_sessions SET except_days = $1, sequence = sequence + 1, updated_at = $2
                 WHERE id = $3 AND cancelled = FALSE AND sequence = $4",
            )
            .bind(&text)
            .bind(crate::now())
            .bind(id)
            .bind(i64::from(session.sequence))
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
        })?;
        match done {
            1 => Ok(()),
            // Changed or cancelled since it was read: a second host's change wins, this one
            // is for them to make again on the fresh page.
            _ => Err(StoreError::Stale),
        }
    }

    /// Pain before and after one occurrence (`day`, the session's local date), and the built-in
    /// strategy "group exercise" tagged on the member's check-in of that day (they can remove
    /// it), so the agency engine can weigh it. Rating the same day again replaces the figures.
    pub async fn rate_session(
        &self,
        id: GroupSessionId,
        user: UserId,
        day: NaiveDate,
        before: u8,
        after: u8,
    ) -> Result<()> {
        on_db!(self, |pool| {
            sqlx::query(
                "INSERT INTO session_ratings (session_id, user_id, day, pain_before, pain_after, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6)
                 ON CONFLICT (session_id, user_id, day) DO UPDATE SET pain_before = excluded.pain_before,
                     pain_after = excluded.pain_after",
            )
            .bind(id)
            .bind(user.0)
            .bind(day)
            .bind(i32::from(before))
            .bind(i32::from(after))
            .bind(crate::now())
            .execute(pool)
            .await
            .map(|_| ())
        })?;
        self.ensure_builtin_strategies(user, day).await?;
        self.tag_day(user, "builtin:group-exercise", None, day).await?;
        Ok(())
    }

    /// The days the member rated a session, with their own figures.
    pub async fn my_session_ratings(
        &self,
        id: GroupSessionId,
        user: UserId,
    ) -> Result<Vec<(NaiveDate, i32, i32)>> {
        Ok(on_db!(self, |pool| {
            sqlx::query_as(
                "SELECT day, pain_before, pain_after FROM session_ratings
                 WHERE session_id = $1 AND user_id = $2 ORDER BY day",
            )
            .bind(id)
            .bind(user.0)
            .fetch_all(pool)
            .await
        })?)
    }

    /// Every rating of a session pooled, for its hosts (never one member's figures).
    pub async fn session_ratings(&self, id: GroupSessionId) -> Result<Ratings> {
        let (count, before, after): (i64, Option<f64>, Option<f64>) = on_db!(self, |pool| {
            sqlx::query_as(
                "SELECT COUNT(*), AVG(CAST(pain_before AS DOUBLE PRECISION)), AVG(CAST(pain_after AS DOUBLE PRECISION))
                 FROM session_ratings WHERE session_id = $1",
            )
            .bind(id)
            .fetch_one(pool)
            .await
        })?;
        Ok(Ratings { count, before: before.unwrap_or_default(), after: after.unwrap_or_default() })
    }

    /// Sets the member's calendar feed secret (its SHA-256), replacing and so revoking any
    /// earlier one; `None` turns the feed off.
    pub async fn set_calendar_secret(&self, user: UserId, secret_hash: Option<&str>) -> Result<()> {
        on_db!(self, |pool| {
            sqlx::query("DELETE FROM calendar_feeds WHERE user_id = $1")
                .bind(user.0)
                .execute(pool)
                .await
                .map(|_| ())
        })?;
        if let Some(hash) = secret_hash {
            on_db!(self, |pool| {
                sqlx::query(
                    "INSERT INTO calendar_feeds (user_id, secret_hash, created_at) VALUES ($1, $2, $3)",
                )
                .bind(user.0)
                .bind(hash)
                .bind(crate::now())
                .execute(pool)
                .await
                .map(|_| ())
            })?;
        }
        Ok(())
    }

    /// Whether the member has a calendar feed.
    pub async fn has_calendar_feed(&self, user: UserId) -> Result<bool> {
        let n: i64 = on_db!(self, |pool| {
            sqlx::query_scalar("SELECT COUNT(*) FROM calendar_feeds WHERE user_id = $1")
                .bind(user.0)
                .fetch_one(pool)
                .await
        })?;
        Ok(n > 0)
    }

    /// The member whose feed secret hashes to `secret_hash`.
    pub async fn calendar_owner(&self, secret_hash: &str) -> Result<UserId> {
        let id: Option<i64> = on_db!(self, |pool| {
            sqlx::query_scalar("SELECT user_id FROM calendar_feeds WHERE secret_hash = $1")
                .bind(secret_hash)
                .fetch_optional(pool)
                .await
        })?;
        id.map(UserId).ok_or(StoreError::NotFound)
    }
}
