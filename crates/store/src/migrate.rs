//! Embedded schema migrations, one SQL file per step and backend, with a matching `down`.
//!
//! Each step runs in its own transaction together with the row that records it, so a crash
//! leaves the schema either before or after a step, never half-way. The row keeps the SHA-256
//! of the step's SQL, and every start compares it with the embedded step: a released migration
//! that was edited stops the program with a clear error instead of leaving databases that
//! differ silently (as `sqlx migrate` does). Several app servers
//! starting at once are safe: PostgreSQL serialises them with an advisory lock, SQLite with an
//! immediate (write-locking) transaction, and each re-reads the version after taking the lock.

use crate::{now, on_db, Backend, Result, Store, StoreError};

/// One schema step.
pub struct Migration {
    pub version: i64,
    pub name: &'static str,
    sqlite: [&'static str; 2],
    postgres: [&'static str; 2],
}

macro_rules! migration {
    ($version:expr, $name:literal) => {
        Migration {
            version: $version,
            name: $name,
            sqlite: [
                include_str!(concat!("../migrations/sqlite/", $name, ".up.sql")),
                include_str!(concat!("../migrations/sqlite/", $name, ".down.sql")),
            ],
            postgres: [
                include_str!(concat!("../migrations/postgres/", $name, ".up.sql")),
                include_str!(concat!("../migrations/postgres/", $name, ".down.sql")),
            ],
        }
    };
}

/// Every migration, in order. Append only: a released step is never edited.
pub const MIGRATIONS: &[Migration] = &[
    migration!(1, "0001_accounts"),
    migration!(2, "0002_diary"),
    migration!(3, "0003_diary_revision"),
    migration!(4, "0004_experiments"),
    migration!(5, "0005_thoughts"),
    migration!(6, "0006_community"),
    migration!(7, "0007_search"),
    migration!(8, "0008_notifications"),
    migration!(9, "0009_follows"),
    migration!(10, "0010_hacks"),
    migration!(11, "0011_group_sessions"),
    migration!(12, "0012_questionnaires"),
    migration!(13, "0013_shares"),
    migration!(14, "0014_visit_questions"),
    migration!(15, "0015_goals"),
    migration!(16, "0016_reminders"),
    migration!(17, "0017_coaching_goals"),
    migration!(18, "0018_push"),
    migration!(19, "0019_checkin_items"),
    migration!(20, "0020_writings"),
    migration!(21, "0021_community_safety"),
    migration!(22, "0022_held_posts"),
    migration!(23, "0023_messages_follows_profiles"),
    migration!(24, "0024_group_resources"),
    migration!(25, "0025_group_tags"),
    migration!(26, "0026_checkin_flare"),
];

/// The newest schema version this program knows.
pub fn latest_version() -> i64 {
    MIGRATIONS.last().map_or(0, |m| m.version)
}

/// An arbitrary constant that names Foothold's migration lock in PostgreSQL.
const PG_LOCK_KEY: i64 = 0x466f_6f74_686f_6c64; // "Foothold"

#[derive(Clone, Copy)]
enum Direction {
    Up,
    Down,
}

impl Migration {
    /// The SHA-256 of the `up` SQL for `backend`, in hex.
    fn checksum(&self, backend: Backend) -> String {
        use sha2::{Digest, Sha256};
        foothold_core::hex::encode(&Sha256::digest(self.sql(backend, Direction::Up).as_bytes()))
    }

    fn sql(&self, backend: Backend, direction: Direction) -> &'static str {
        let pair = match backend {
            Backend::Sqlite => self.sqlite,
            Backend::Postgres => self.postgres,
        };
        let [up, down] = pair;
        match direction {
            Direction::Up => up,
            Direction::Down => down,
        }
    }
}

impl Store {
    /// Applies every migration newer than the database's schema; returns the versions applied.
    pub async fn migrate(&self) -> Result<Vec<i64>> {
        self.verify_checksums().await?;
        let mut applied = Vec::new();
        for m in MIGRATIONS {
            if self.step(m, Direction::Up).await? {
                applied.push(m.version);
            }
        }
        Ok(applied)
    }

    /// Undoes migrations, newest first, until the schema is at `version`. For operators
    /// rolling back an upgrade, and for the test that every `down` undoes its `up`.
    pub async fn migrate_down_to(&self, version: i64) -> Result<()> {
        for m in MIGRATIONS.iter().rev().filter(|m| m.version > version) {
            self.step(m, Direction::Down).await?;
        }
        Ok(())
    }

    /// Compares each applied step's recorded checksum with the embedded step. Rows from before
    /// checksums were kept get theirs on first sight.
    async fn verify_checksums(&self) -> Result<()> {
        self.ensure_migrations_table().await?;
        let backend = self.backend();
        let rows: Vec<(i64, Option<String>)> = on_db!(self, |pool| {
            sqlx::query_as("SELECT version, checksum FROM schema_migrations ORDER BY version")
                .fetch_all(pool)
                .await
        })?;
        for (version, recorded) in rows {
            let Some(m) = MIGRATIONS.iter().find(|m| m.version == version) else { continue };
            let expected = m.checksum(backend);
            match recorded {
                Some(r) if r != expected => {
                    return Err(StoreError::MigrationChanged { version, name: m.name });
                }
                Some(_) => {}
                None => {
                    on_db!(self, |pool| {
                        sqlx::query("UPDATE schema_migrations SET checksum = $1 WHERE version = $2")
                            .bind(&expected)
                            .bind(version)
                            .execute(pool)
                            .await
                            .map(|r| r.rows_affected())
                    })?;
                }
            }
        }
        Ok(())
    }

    /// The schema version the database is at (0 for an empty database).
    pub async fn schema_version(&self) -> Result<i64> {
        self.ensure_migrations_table().await?;
        let version: Option<i64> = on_db!(self, |pool| {
            sqlx::query_scalar("SELECT MAX(version) FROM schema_migrations").fetch_one(pool).await
        })?;
        Ok(version.unwrap_or(0))
    }

    async fn ensure_migrations_table(&self) -> Result<()> {
        match &self.db {
            crate::Db::Sqlite(pool) => {
                sqlx::query(
                    "CREATE TABLE IF NOT EXISTS schema_migrations (
                        version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL,
                        checksum TEXT)",
                )
                .execute(pool)
                .await?;
                let has: i64 = sqlx::query_scalar(
                    "SELECT COUNT(*) FROM pragma_table_info('schema_migrations') WHERE name = 'checksum'",
                )
                .fetch_one(pool)
                .await?;
                if has == 0 {
                    sqlx::query("ALTER TABLE schema_migrations ADD COLUMN checksum TEXT")
                        .execute(pool)
                        .await?;
                }
            }
            // Two servers racing on CREATE TABLE IF NOT EXISTS can still collide in
            // PostgreSQL's catalogue, so this too happens under the migration lock.
            crate::Db::Postgres(pool) => {
                let mut tx = pool.begin().await?;
                sqlx::query("SELECT pg_advisory_xact_lock($1)").bind(PG_LOCK_KEY).execute(&mut *tx).await?;
                sqlx::query(
                    "CREATE TABLE IF NOT EXISTS schema_migrations (
                        version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL,
                        checksum TEXT)",
                )
                .execute(&mut *tx)
                .await?;
                sqlx::query("ALTER TABLE schema_migrations ADD COLUMN IF NOT EXISTS checksum TEXT")
                    .execute(&mut *tx)
                    .await?;
                tx.commit().await?;
            }
        }
        Ok(())
    }

    /// Runs one step in one transaction if it is still needed. Returns whether it ran.
    async fn step(&self, m: &Migration, direction: Direction) -> Result<bool> {
        self.ensure_migrations_table().await?;
        let backend = self.backend();
        let failed = |source| StoreError::Migration { version: m.version, name: m.name, source };
        let begin = self.begin_write();
        on_db!(self, |pool| {
            let mut tx = pool.begin_with(begin).await?;
            if backend == Backend::Postgres {
                sqlx::query("SELECT pg_advisory_xact_lock($1)").bind(PG_LOCK_KEY).execute(&mut *tx).await?;
            }
            let current: Option<i64> =
                sqlx::query_scalar("SELECT MAX(version) FROM schema_migrations").fetch_one(&mut *tx).await?;
            let current = current.unwrap_or(0);
            if current > latest_version() {
                return Err(StoreError::SchemaTooNew { found: current, known: latest_version() });
            }
            let needed = match direction {
                Direction::Up => current < m.version,
                Direction::Down => current == m.version,
            };
            if !needed {
                return Ok(false);
            }
            sqlx::raw_sql(m.sql(backend, direction)).execute(&mut *tx).await.map_err(failed)?;
            let record = match direction {
                Direction::Up => sqlx::query(
                    "INSERT INTO schema_migrations (version, name, applied_at, checksum) VALUES ($1, $2, $3, $4)",
                )
                .bind(m.version)
                .bind(m.name)
                .bind(now())
                .bind(m.checksum(backend)),
                Direction::Down => {
                    sqlx::query("DELETE FROM schema_migrations WHERE version = $1").bind(m.version)
                }
            };
            record.execute(&mut *tx).await?;
            tx.commit().await?;
            tracing::info!(
                version = m.version,
                name = m.name,
                up = matches!(direction, Direction::Up),
                "migration applied"
            );
            Ok(true)
        })
    }
}
