//! Foothold's persistence: one repository API over SQLite (embedded, the default) and
//! PostgreSQL (for operators who run several app servers).
//!
//! Business logic is written once. Each method runs the same SQL on whichever pool the URL
//! chose, through [`on_db!`]; only statements that must differ between the two backends are
//! written twice, side by side. Schema changes live in `migrations/<backend>/` and are embedded
//! in the binary ([`migrate`]).

mod batch;
mod blocks;
mod coaching;
mod diary;
mod edits;
mod email_tokens;
mod error;
mod experiments;
mod goals;
mod group_sessions;
mod groups;
mod hacks;
mod ids;
mod import;
mod messages;
pub mod migrate;
mod moderation;
mod notifications;
mod packed;
mod practice;
mod profiles;
mod push;
mod questionnaires;
mod rate_limit;
mod reminders;
mod resources;
mod search;
mod seed;
mod session_cache;
mod sessions;
mod shares;
mod strategies;
#[cfg(any(test, feature = "testing"))]
pub mod testing;
#[cfg(test)]
mod tests;
mod thoughts;
mod threads;
mod tokens;
mod users;
mod visit_questions;
mod writer;
mod writings;

use chrono::{DateTime, SubsecRound, Utc};
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{PgPool, SqlitePool};
use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

pub use blocks::Blocked;
pub use coaching::Coaching;
pub use diary::{CheckIn, CheckInWrite, CheckinSetup, Strategy};
pub use edits::{AsModerator, PostEdit};
pub use email_tokens::Purpose;
pub use error::{Conflict, StoreError};
pub use experiments::{Experiment, ExperimentPlan};
pub use goals::Goal;
pub use group_sessions::{GroupSession, Ratings as SessionRatings, Rsvp};
pub use groups::{Group, Member, Membership};
pub use hacks::{HackOrder, HackSummary, Tried};
pub use ids::{GroupId, GroupSessionId, PostId, ThreadId};
pub use import::ImportSummary;
pub use messages::{ArchivedMessage, Conversation, Message, MessageReport, MessageSettings};
pub use moderation::{LogEntry, MemberNote, Report, Target};
pub use notifications::{Followed, Notification, NotificationKind};
pub use push::PushSubscription;
pub use questionnaires::{Schedule, StoredResponse};
pub use reminders::{Claimed, Done};
pub use resources::{GroupResource, RESOURCES_MAX};
pub use search::{query_words, SearchHit};
pub use seed::{SeedPlan, Seeded};
pub use sessions::{Session, SessionUser};
pub use shares::{Share, ShareView};
pub use thoughts::{Prediction, ThoughtRecord};
pub use threads::{OwnPost, Post, PostPlace, Posted, Posting, ThreadCursor, ThreadSummary};
pub use tokens::ApiToken;
pub use users::{NewUser, User, UserId};
pub use visit_questions::MAX_QUESTIONS;
pub use writings::Writing;

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// What an acknowledged SQLite write survives.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Durability {
    /// `synchronous=FULL`: the WAL is fsynced at every commit, so a write the member saw
    /// saved survives a killed process *and* a power cut or kernel crash. The default.
    #[default]
    PowerLoss,
    /// `synchronous=NORMAL`: survives a killed or crashed Foothold process, but a power cut
    /// may lose the last moments of writes. Check-in saves and replies are group-committed,
    /// so this gains them little (docs/BENCHMARKS.md).
    ProcessCrash,
}

/// Which database engine a [`Store`] talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

#[derive(Clone)]
enum Db {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// Runs one expression against whichever pool the store holds. The expression is compiled
/// once per backend, so it must be valid for both `SqlitePool` and `PgPool`.
macro_rules! on_db {
    // The group-commit writer's batches are transactions: not counted.
    (uncounted $store:expr, |$pool:ident| $body:expr) => {
        match &$store.db {
            $crate::Db::Sqlite($pool) => $body,
            $crate::Db::Postgres($pool) => $body,
        }
    };
    ($store:expr, |$pool:ident| $body:expr) => {{
        $store.statements.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        $crate::on_db!(uncounted $store, |$pool| $body)
    }};
}
pub(crate) use on_db;

impl Db {
    /// See `Store::begin_write`.
    fn begin_write(&self) -> &'static str {
        match self {
            Db::Sqlite(_) => "BEGIN IMMEDIATE",
            Db::Postgres(_) => "BEGIN",
        }
    }

    /// See `Store::write_turn`; `turn` is the store's queue.
    async fn write_turn<'a>(
        &self,
        turn: &'a tokio::sync::Mutex<()>,
    ) -> Option<tokio::sync::MutexGuard<'a, ()>> {
        match self {
            Db::Sqlite(_) => Some(turn.lock().await),
            Db::Postgres(_) => None,
        }
    }
}

/// The handle every other layer uses to reach the database. Cheap to clone.
#[derive(Clone)]
pub struct Store {
    db: Db,
    sessions: std::sync::Arc<session_cache::SessionCache>,
    /// SQLite has one write lock per database. Write transactions queue here, in order,
    /// instead of in SQLite's busy handler, which sleeps with back-off (up to 100 ms a try)
    /// and made the slowest writes wait half a second under load (docs/BENCHMARKS.md).
    writer: std::sync::Arc<tokio::sync::Mutex<()>>,
    /// Check-in saves and replies go to this store's group-commit writer task (`writer.rs`).
    commits: writer::Writer,
    /// Statements sent outside transactions (each `on_db!`): what the tests' per-page budget
    /// counts, so a page that starts loading too much fails a test, not a member.
    statements: std::sync::Arc<std::sync::atomic::AtomicU64>,
}

/// How long a session lookup is reused within one process (see `session_cache`).
pub const SESSION_CACHE_TTL: Duration = Duration::from_secs(2);

impl Store {
    /// Connects to the database named by `url` (`sqlite://…` or `postgres://…`) without
    /// running migrations. Callers that serve requests use [`Store::open`] instead.
    pub async fn connect(url: &str, max_connections: u32) -> Result<Self> {
        Self::connect_with(url, max_connections, Durability::default()).await
    }

    /// [`Store::connect`] with a chosen SQLite durability (ignored for PostgreSQL, whose
    /// commits are always synchronous here).
    pub async fn connect_with(url: &str, max_connections: u32, durability: Durability) -> Result<Self> {
        let db = if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let options = PgConnectOptions::from_str(url).map_err(StoreError::Config)?;
            let pool = PgPoolOptions::new()
                .max_connections(max_connections)
                .acquire_timeout(Duration::from_secs(10))
                .connect_with(options)
                .await
                .map_err(StoreError::Unavailable)?;
            Db::Postgres(pool)
        } else if url.starts_with("sqlite:") {
            let options = SqliteConnectOptions::from_str(url)
                .map_err(StoreError::Config)?
                .create_if_missing(true)
                // WAL lets readers run while one writer commits; see `Durability` for the
                // synchronous setting.
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(match durability {
                    Durability::PowerLoss => SqliteSynchronous::Full,
                    Durability::ProcessCrash => SqliteSynchronous::Normal,
                })
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(10))
                // Deleted rows are overwritten, so "delete my account" leaves no readable
                // remains in free pages of the database file.
                .pragma("secure_delete", "ON")
                // 8 MB of pages per connection instead of 2: what a busy search or thread
                // reads stays here instead of being copied from the OS each time.
                .pragma("cache_size", "-8192");
            let pool = SqlitePoolOptions::new()
                .max_connections(max_connections)
                .acquire_timeout(Duration::from_secs(10))
                .connect_with(options)
                .await
                .map_err(StoreError::Unavailable)?;
            Db::Sqlite(pool)
        } else {
            return Err(StoreError::UnsupportedUrl);
        };
        let turn = std::sync::Arc::new(tokio::sync::Mutex::new(()));
        Ok(Self {
            commits: writer::Writer::spawn(db.clone(), turn.clone()),
            db,
            sessions: std::sync::Arc::new(session_cache::SessionCache::new(SESSION_CACHE_TTL)),
            writer: turn,
            statements: std::sync::Arc::default(),
        })
    }

    /// How many database calls this store (and its clones) has made outside transactions: one
    /// per `on_db!`, which may send a few statements in a row (a day's check-ins and their
    /// tags; experiments with their events and days), so it counts calls, not statements.
    pub fn statements(&self) -> u64 {
        self.statements.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// The same store with a different session-cache lifetime (zero turns it off).
    pub fn with_session_cache(mut self, ttl: Duration) -> Self {
        self.sessions = std::sync::Arc::new(session_cache::SessionCache::new(ttl));
        self
    }

    /// Connects and brings the schema up to date: what `foothold serve` does at start-up.
    pub async fn open(url: &str, max_connections: u32) -> Result<Self> {
        Self::open_with(url, max_connections, Durability::default()).await
    }

    /// [`Store::open`] with a chosen SQLite durability.
    pub async fn open_with(url: &str, max_connections: u32, durability: Durability) -> Result<Self> {
        let store = Self::connect_with(url, max_connections, durability).await?;
        store.migrate().await?;
        Ok(store)
    }

    pub fn backend(&self) -> Backend {
        match self.db {
            Db::Sqlite(_) => Backend::Sqlite,
            Db::Postgres(_) => Backend::Postgres,
        }
    }

    /// Waits for this process's turn to write (SQLite only; PostgreSQL has row locks).
    /// Hold the guard for the whole write transaction.
    pub(crate) async fn write_turn(&self) -> Option<tokio::sync::MutexGuard<'_, ()>> {
        self.db.write_turn(&self.writer).await
    }

    /// How to open a transaction that will write. SQLite's default (deferred) transaction
    /// takes the write lock only at the first write, so two transactions that both read
    /// first end in a "database is locked" error instead of one waiting for the other;
    /// `BEGIN IMMEDIATE` takes the lock up front and makes the second wait.
    pub(crate) fn begin_write(&self) -> &'static str {
        self.db.begin_write()
    }

    /// Whether the database answers a trivial query (for `/readyz`).
    pub async fn ping(&self) -> Result<()> {
        on_db!(self, |pool| sqlx::query("SELECT 1").execute(pool).await.map(|r| r.rows_affected()))
            .map(|_| ())
            .map_err(StoreError::Unavailable)
    }

    /// Writes a consistent copy of a live SQLite database to `target` without stopping the
    /// server (`VACUUM INTO` reads one snapshot). PostgreSQL has its own tools (`pg_dump`),
    /// so for it this returns [`StoreError::Unsupported`].
    pub async fn backup_sqlite(&self, target: &Path) -> Result<()> {
        let Db::Sqlite(pool) = &self.db else {
            return Err(StoreError::Unsupported("backup of PostgreSQL; use pg_dump"));
        };
        if target.exists() {
            return Err(StoreError::Conflict(Conflict::BackupExists));
        }
        let target = target.to_str().ok_or(StoreError::Unsupported("non-UTF-8 backup path"))?;
        sqlx::query("VACUUM INTO $1").bind(target).execute(pool).await.map_err(StoreError::Database)?;
        Ok(())
    }

    /// Waits for in-flight queries and closes every connection, so SQLite checkpoints its WAL.
    pub async fn close(&self) {
        on_db!(self, |pool| pool.close().await);
    }
}

/// The current instant, truncated to whole seconds so that both backends store (and SQLite
/// compares as text) one uniform format.
pub fn now() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(0)
}
