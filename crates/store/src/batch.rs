//! Writing many check-ins at once with a fixed number of statements, however many there
//! are: the group-commit writer (`writer.rs`) and the diary import both write check-ins
//! only through [`apply`], inside a transaction their caller owns.
//!
//! sqlx-sqlite runs every statement on the connection's own thread, and that hop costs far
//! more than SQLite's work for one small row, so the round trips per save, not the fsyncs,
//! limited the write rate (docs/BENCHMARKS.md). Each statement here covers every save of
//! the batch, built with `QueryBuilder`; the SQL is the same on SQLite and PostgreSQL.

use crate::diary::to_db;
use chrono::{DateTime, NaiveDate, Utc};
use foothold_core::checkin::Ratings;
use sqlx::{PgConnection, QueryBuilder, SqliteConnection};
use std::collections::HashMap;

/// One save of a day's check-in, owned so that it can travel to the writer task.
#[derive(Debug, Clone)]
pub(crate) struct Save {
    pub user: i64,
    pub day: NaiveDate,
    pub ratings: Ratings,
    pub note: Option<String>,
    pub flare: bool,
    /// Strategy ids, ascending and without duplicates.
    pub strategies: Vec<i64>,
    /// `None` for a first save of the day; otherwise the version the form showed.
    pub expected_version: Option<i64>,
}

/// What became of one save. Nothing of a refused save is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    Saved {
        id: i64,
        version: i64,
    },
    /// The day changed since the form was loaded (or a first save found the day taken).
    Stale,
    /// A tagged strategy is not the member's.
    UnknownStrategy,
}

/// An open connection of either backend, usually borrowed from a transaction.
pub(crate) enum Conn<'c> {
    Sqlite(&'c mut SqliteConnection),
    Postgres(&'c mut PgConnection),
}

impl<'c> From<&'c mut SqliteConnection> for Conn<'c> {
    fn from(c: &'c mut SqliteConnection) -> Self {
        Self::Sqlite(c)
    }
}

impl<'c> From<&'c mut PgConnection> for Conn<'c> {
    fn from(c: &'c mut PgConnection) -> Self {
        Self::Postgres(c)
    }
}

/// Like `on_db!` for a [`Conn`]: the body is compiled once per backend.
macro_rules! on_conn {
    ($conn:expr, |$c:ident| $body:expr) => {
        match $conn {
            $crate::batch::Conn::Sqlite($c) => $body,
            $crate::batch::Conn::Postgres($c) => $body,
        }
    };
}
pub(crate) use on_conn;

/// Bind parameters per statement, under SQLite's limit of 32,766 (PostgreSQL's is 65,535).
const MAX_BINDS: usize = 32_000;

type Key = (i64, NaiveDate);

/// Applies `saves` in order, each on its own terms: a refused save changes nothing and
/// does not stop the others. Members with a saved check-in get a new diary revision, in
/// this transaction. A database error fails the whole call; the caller rolls back.
pub(crate) async fn apply(
    conn: &mut Conn<'_>,
    saves: &[Save],
    now: DateTime<Utc>,
) -> Result<Vec<Outcome>, sqlx::Error> {
    let mut outcomes = vec![Outcome::Stale; saves.len()];
    for round in rounds(saves) {
        let results = apply_round(conn, saves, &round, now).await?;
        for (i, outcome) in round.into_iter().zip(results) {
            if let Some(slot) = outcomes.get_mut(i) {
                *slot = outcome;
            }
        }
    }
    let mut members: Vec<i64> = saves
        .iter()
        .zip(&outcomes)
        .filter(|(_, o)| matches!(o, Outcome::Saved { .. }))
        .map(|(s, _)| s.user)
        .collect();
    members.sort_unstable();
    members.dedup();
    bump_revisions(conn, &members).await?;
    Ok(outcomes)
}

/// Splits the saves into rounds in which each (member, day) occurs once, so that a later
/// save of a day sees the earlier one, as if they had come one by one. Each round lists
/// indices into `saves`, sorted by (member, day) so that concurrent transactions on
/// PostgreSQL lock rows in one order (a deadlock that still happens fails the batch,
/// whose saves are then retried one by one).
fn rounds(saves: &[Save]) -> Vec<Vec<usize>> {
    let mut seen: HashMap<Key, usize> = HashMap::new();
    let mut rounds: Vec<Vec<usize>> = Vec::new();
    for (i, s) in saves.iter().enumerate() {
        let n = seen.entry((s.user, s.day)).or_insert(0);
        match rounds.get_mut(*n) {
            Some(round) => round.push(i),
            None => rounds.push(vec![i]),
        }
        *n += 1;
    }
    for round in &mut rounds {
        round.sort_by_key(|&i| saves.get(i).map(|s| (s.user, s.day)));
    }
    rounds
}

/// Saves whose (member, day) is unique within `round`.
async fn apply_round(
    conn: &mut Conn<'_>,
    saves: &[Save],
    round: &[usize],
    now: DateTime<Utc>,
) -> Result<Vec<Outcome>, sqlx::Error> {
    let batch: Vec<&Save> = round.iter().filter_map(|&i| saves.get(i)).collect();
    let keys: Vec<Key> = batch.iter().map(|s| (s.user, s.day)).collect();
    let current = current_versions(conn, &keys).await?;
    let mut tagged: Vec<i64> = batch.iter().flat_map(|s| s.strategies.iter().copied()).collect();
    tagged.sort_unstable();
    tagged.dedup();
    let owners = strategy_owners(conn, &tagged).await?;
    // The version each save will write, or why it is refused. Staleness is told first.
    let decided: Vec<Result<i64, Outcome>> = batch
        .iter()
        .map(|s| match (current.get(&(s.user, s.day)), s.expected_version) {
            (None, None) => Ok(1),
            (Some(&(_, stored)), Some(expected)) if stored == expected => Ok(expected + 1),
            _ => Err(Outcome::Stale),
        })
        .zip(&batch)
        .map(|(d, s)| match d {
            Ok(_) if s.strategies.iter().any(|id| owners.get(id) != Some(&s.user)) => {
                Err(Outcome::UnknownStrategy)
            }
            d => d,
        })
        .collect();
    let writes: Vec<(&Save, i64)> =
        batch.iter().zip(&decided).filter_map(|(s, d)| d.as_ref().ok().map(|v| (*s, *v))).collect();
    let written = upsert(conn, &writes, now).await?;
    let outcomes: Vec<Outcome> = batch
        .iter()
        .zip(decided)
        .map(|(s, d)| {
            let version = d?;
            // No row back: another app server saved the day first (PostgreSQL only).
            match written.get(&(s.user, s.day)) {
                Some(&(id, v)) if v == version => Ok(Outcome::Saved { id, version }),
                _ => Err(Outcome::Stale),
            }
        })
        .map(|o| o.unwrap_or_else(|refused| refused))
        .collect();
    replace_tags(conn, &batch, &outcomes).await?;
    Ok(outcomes)
}

/// The stored (id, version) of each (member, day) that has a check-in, locked on
/// PostgreSQL until the transaction ends.
async fn current_versions(
    conn: &mut Conn<'_>,
    keys: &[Key],
) -> Result<HashMap<Key, (i64, i64)>, sqlx::Error> {
    let lock = match conn {
        Conn::Sqlite(_) => "",
        Conn::Postgres(_) => " FOR UPDATE OF c",
    };
    let mut found = HashMap::with_capacity(keys.len());
    for chunk in keys.chunks(MAX_BINDS / 2) {
        let rows: Vec<(i64, i64, NaiveDate, i64)> = on_conn!(conn, |c| {
            // A join, not `(user_id, day) IN (VALUES …)`: SQLite 3.40 scans the whole index
            // for the latter (1.8 ms at 32,000 check-ins; 3.46, bundled now, searches it),
            // while both search it for the join (6 µs on 3.40). `column1`, `column2`
            // name a VALUES list's columns on both backends.
            let mut q = QueryBuilder::new("SELECT c.id, c.user_id, c.day, c.version FROM (");
            q.push_values(chunk, |mut row, (user, day)| {
                row.push_bind(*user).push_bind(*day);
            });
            q.push(") AS k JOIN checkins c ON c.user_id = k.column1 AND c.day = k.column2");
            q.push(" ORDER BY c.user_id, c.day").push(lock);
            q.build_query_as().persistent(false).fetch_all(&mut **c).await
        })?;
        found.extend(rows.into_iter().map(|(id, user, day, version)| ((user, day), (id, version))));
    }
    Ok(found)
}

/// Who owns each of these strategies (ids that do not exist are absent).
async fn strategy_owners(conn: &mut Conn<'_>, ids: &[i64]) -> Result<HashMap<i64, i64>, sqlx::Error> {
    let mut owners = HashMap::with_capacity(ids.len());
    for chunk in ids.chunks(MAX_BINDS) {
        let rows: Vec<(i64, i64)> = on_conn!(conn, |c| {
            let mut q = QueryBuilder::new("SELECT id, user_id FROM strategies WHERE id ");
            push_in(&mut q, chunk);
            q.build_query_as().persistent(false).fetch_all(&mut **c).await
        })?;
        owners.extend(rows);
    }
    Ok(owners)
}

/// Inserts new days and updates existing ones, each only if the stored version is still
/// the one before `version` (a new day carries version 1, so it never replaces a row).
/// Returns (id, version) per (member, day) actually written.
async fn upsert(
    conn: &mut Conn<'_>,
    writes: &[(&Save, i64)],
    now: DateTime<Utc>,
) -> Result<HashMap<Key, (i64, i64)>, sqlx::Error> {
    const BINDS_PER_ROW: usize = 14;
    let mut written = HashMap::with_capacity(writes.len());
    for chunk in writes.chunks(MAX_BINDS / BINDS_PER_ROW) {
        let rows: Vec<(i64, i64, NaiveDate, i64)> = on_conn!(conn, |c| {
            let mut q = QueryBuilder::new(
                "INSERT INTO checkins (user_id, day, pain, peg_pain, peg_enjoyment, peg_activity, mood, \
                 sleep, control, note, flare, version, created_at, updated_at) ",
            );
            q.push_values(chunk, |mut row, (s, version)| {
                let r = s.ratings;
                row.push_bind(s.user).push_bind(s.day);
                for score in [r.pain, r.peg_pain, r.peg_enjoyment, r.peg_activity, r.mood, r.sleep, r.control]
                {
                    row.push_bind(to_db(score));
                }
                row.push_bind(s.note.as_deref())
                    .push_bind(s.flare)
                    .push_bind(*version)
                    .push_bind(now)
                    .push_bind(now);
            });
            q.push(UPSERT_TAIL);
            q.build_query_as().persistent(false).fetch_all(&mut **c).await
        })?;
        written.extend(rows.into_iter().map(|(id, user, day, version)| ((user, day), (id, version))));
    }
    Ok(written)
}

/// Updates a day only at the version before the save's, so a form that went stale while
/// queued, or a save by another app server, is never overwritten.
const UPSERT_TAIL: &str = " ON CONFLICT (user_id, day) DO UPDATE SET pain = excluded.pain, \
    peg_pain = excluded.peg_pain, peg_enjoyment = excluded.peg_enjoyment, \
    peg_activity = excluded.peg_activity, mood = excluded.mood, sleep = excluded.sleep, \
    control = excluded.control, note = excluded.note, flare = excluded.flare, version = excluded.version, \
    updated_at = excluded.updated_at \
    WHERE checkins.version = excluded.version - 1 \
    RETURNING id, user_id, day, version";

/// Replaces the tags of every saved check-in with its save's strategies.
async fn replace_tags(conn: &mut Conn<'_>, batch: &[&Save], outcomes: &[Outcome]) -> Result<(), sqlx::Error> {
    let mut updated = Vec::new();
    let mut tags = Vec::new();
    for (s, outcome) in batch.iter().zip(outcomes) {
        if let Outcome::Saved { id, version } = *outcome {
            // A first save (version 1) made a new row, which has no tags yet.
            if version > 1 {
                updated.push(id);
            }
            tags.extend(s.strategies.iter().map(|&strategy| (id, strategy)));
        }
    }
    execute_in(conn, "DELETE FROM checkin_strategies WHERE checkin_id ", &updated).await?;
    for chunk in tags.chunks(MAX_BINDS / 2) {
        on_conn!(conn, |c| {
            let mut q = QueryBuilder::new("INSERT INTO checkin_strategies (checkin_id, strategy_id) ");
            q.push_values(chunk, |mut row, (checkin, strategy)| {
                row.push_bind(*checkin).push_bind(*strategy);
            });
            q.build().persistent(false).execute(&mut **c).await.map(|_| ())
        })?;
    }
    Ok(())
}

/// Marks these members' diaries as changed (see `Store::diary_revision`).
async fn bump_revisions(conn: &mut Conn<'_>, members: &[i64]) -> Result<(), sqlx::Error> {
    execute_in(conn, "UPDATE users SET diary_revision = diary_revision + 1 WHERE id ", members).await
}

/// Runs `head` followed by `IN (ids…)`, in as many statements as the bind limit needs
/// (none for no ids).
async fn execute_in(conn: &mut Conn<'_>, head: &str, ids: &[i64]) -> Result<(), sqlx::Error> {
    for chunk in ids.chunks(MAX_BINDS) {
        on_conn!(conn, |c| {
            let mut q = QueryBuilder::new(head);
            push_in(&mut q, chunk);
            q.build().persistent(false).execute(&mut **c).await.map(|_| ())
        })?;
    }
    Ok(())
}

/// Appends `IN ($1, $2, …)` binding `ids`.
fn push_in<'a, DB: sqlx::Database>(q: &mut QueryBuilder<'a, DB>, ids: &'a [i64])
where
    i64: sqlx::Encode<'a, DB> + sqlx::Type<DB>,
{
    q.push("IN (");
    let mut list = q.separated(", ");
    for id in ids {
        list.push_bind(*id);
    }
    q.push(")");
}

#[cfg(test)]
mod tests {
    use super::{rounds, Save};
    use chrono::NaiveDate;

    fn save(user: i64, day: u32) -> Save {
        Save {
            user,
            day: NaiveDate::from_ymd_opt(2026, 1, day).unwrap_or_default(),
            ratings: Default::default(),
            note: None,
            flare: false,
            strategies: Vec::new(),
            expected_version: None,
        }
    }

    #[test]
    fn a_day_saved_twice_goes_to_a_later_round_and_rounds_are_in_key_order() {
        let saves = [save(2, 1), save(1, 1), save(2, 1), save(1, 2), save(2, 1)];
        assert_eq!(rounds(&saves), vec![vec![1, 3, 0], vec![2], vec![4]]);
    }
}
