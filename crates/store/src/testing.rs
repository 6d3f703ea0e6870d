//! Test support: a fresh, empty database per test on every backend the machine offers.
//!
//! SQLite always runs. PostgreSQL runs when `FOOTHOLD_TEST_POSTGRES_URL` names a server
//! (any database on it; a new one is created per test and dropped afterwards). When
//! `FOOTHOLD_TEST_REQUIRE_ALL=1` (CI sets it), a missing PostgreSQL is a failure, not a skip.

use crate::{Backend, Store};
use std::path::PathBuf;

/// One throw-away database. Dropping it removes it.
pub struct TestDb {
    pub backend: Backend,
    pub url: String,
    cleanup: Cleanup,
}

enum Cleanup {
    Files(PathBuf),
    Database { admin_url: String, name: String },
}

fn random_suffix() -> String {
    let mut bytes = [0u8; 8];
    #[allow(clippy::expect_used)] // test support: no randomness means no isolated tests
    getrandom::fill(&mut bytes).expect("the OS random source is available");
    foothold_core::hex::encode(&bytes)
}

/// Whether a test that needs `what` may be skipped when it is missing.
pub fn require_all() -> bool {
    std::env::var("FOOTHOLD_TEST_REQUIRE_ALL").is_ok_and(|v| v == "1" || v == "true")
}

/// The PostgreSQL server URL for tests, or `None` (with a note on stderr) when not set.
///
/// # Panics
/// When it is not set but `FOOTHOLD_TEST_REQUIRE_ALL` is.
#[allow(clippy::panic)]
pub fn postgres_admin_url() -> Option<String> {
    match std::env::var("FOOTHOLD_TEST_POSTGRES_URL") {
        Ok(url) if !url.is_empty() => Some(url),
        _ if require_all() => {
            panic!("FOOTHOLD_TEST_POSTGRES_URL is not set but FOOTHOLD_TEST_REQUIRE_ALL is: PostgreSQL tests may not be skipped")
        }
        _ => {
            eprintln!("note: PostgreSQL part skipped (set FOOTHOLD_TEST_POSTGRES_URL to run it)");
            None
        }
    }
}

/// Replaces the database name in a `postgres://…/name?params` URL.
fn with_database(url: &str, name: &str) -> String {
    let (base, query) = url.split_once('?').map_or((url, None), |(b, q)| (b, Some(q)));
    let authority_end = base.find("://").map_or(0, |i| i + 3);
    let path_start =
        base.get(authority_end..).and_then(|rest| rest.find('/')).map_or(base.len(), |i| authority_end + i);
    let head = base.get(..path_start).unwrap_or(base);
    match query {
        Some(q) => format!("{head}/{name}?{q}"),
        None => format!("{head}/{name}"),
    }
}

impl TestDb {
    pub fn sqlite() -> Self {
        let path = std::env::temp_dir().join(format!("foothold-test-{}.db", random_suffix()));
        Self {
            backend: Backend::Sqlite,
            url: format!("sqlite://{}", path.display()),
            cleanup: Cleanup::Files(path),
        }
    }

    /// A new, empty PostgreSQL database, if a test server is configured.
    #[allow(clippy::panic)]
    pub async fn postgres() -> Option<Self> {
        use sqlx::Connection;
        let admin_url = postgres_admin_url()?;
        let name = format!("foothold_test_{}", random_suffix());
        let mut conn = match sqlx::PgConnection::connect(&admin_url).await {
            Ok(c) => c,
            Err(e) => panic!("cannot reach the PostgreSQL test server: {e}"),
        };
        if let Err(e) = sqlx::raw_sql(&format!("CREATE DATABASE {name}")).execute(&mut conn).await {
            panic!("cannot create test database: {e}");
        }
        let _ = conn.close().await;
        Some(Self {
            backend: Backend::Postgres,
            url: with_database(&admin_url, &name),
            cleanup: Cleanup::Database { admin_url, name },
        })
    }

    /// SQLite, plus PostgreSQL when configured: what every store-backed test iterates over.
    pub async fn all() -> Vec<Self> {
        let mut dbs = vec![Self::sqlite()];
        dbs.extend(Self::postgres().await);
        dbs
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        match &self.cleanup {
            Cleanup::Files(path) => {
                for suffix in ["", "-wal", "-shm"] {
                    let mut p = path.clone().into_os_string();
                    p.push(suffix);
                    let _ = std::fs::remove_file(p);
                }
            }
            Cleanup::Database { admin_url, name } => {
                // Drop runs outside any async context we could borrow, so use a short-lived
                // runtime on its own thread. FORCE ends connections a test left open.
                let (admin_url, name) = (admin_url.clone(), name.clone());
                let _ = std::thread::spawn(move || {
                    use sqlx::Connection;
                    let Ok(rt) = tokio::runtime::Builder::new_current_thread().enable_all().build() else {
                        return;
                    };
                    rt.block_on(async {
                        if let Ok(mut conn) = sqlx::PgConnection::connect(&admin_url).await {
                            let sql = format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)");
                            let _ = sqlx::raw_sql(&sql).execute(&mut conn).await;
                        }
                    });
                })
                .join();
            }
        }
    }
}

/// Every column that points at `users`, as (table, column), found from the schema itself so a
/// new table is never missed: account deletion must leave none of them pointing at a member.
pub async fn user_columns(store: &Store) -> crate::Result<Vec<(String, String)>> {
    let rows: Vec<(String, String)> = crate::on_db!(store, |pool| {
        sqlx::query_as(match store.db {
            crate::Db::Sqlite(_) => {
                "SELECT m.name, f.\"from\" FROM sqlite_master m, pragma_foreign_key_list(m.name) f
                 WHERE m.type = 'table' AND f.\"table\" = 'users' ORDER BY 1, 2"
            }
            crate::Db::Postgres(_) => {
                "SELECT k.table_name::TEXT, k.column_name::TEXT
                 FROM information_schema.referential_constraints r
                 JOIN information_schema.key_column_usage k
                   ON k.constraint_name = r.constraint_name AND k.constraint_schema = r.constraint_schema
                 JOIN information_schema.key_column_usage u
                   ON u.constraint_name = r.unique_constraint_name AND u.constraint_schema = r.unique_constraint_schema
                 WHERE u.table_name = 'users' AND k.table_schema = current_schema() ORDER BY 1, 2"
            }
        })
        .fetch_all(pool)
        .await
    })?;
    Ok(rows)
}

/// Every table of the schema but the migrations' own bookkeeping.
pub async fn tables(store: &Store) -> crate::Result<Vec<String>> {
    let rows: Vec<(String,)> = crate::on_db!(store, |pool| {
        sqlx::query_as(match store.db {
            crate::Db::Sqlite(_) => {
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY 1"
            }
            crate::Db::Postgres(_) => {
                "SELECT table_name::TEXT FROM information_schema.tables
                 WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1"
            }
        })
        .fetch_all(pool)
        .await
    })?;
    Ok(rows.into_iter().map(|(t,)| t).filter(|t| t != "schema_migrations").collect())
}

/// Rows of `table` whose `column` is `user` (names come from [`user_columns`], never input).
pub async fn rows_pointing_at(
    store: &Store,
    table: &str,
    column: &str,
    user: crate::UserId,
) -> crate::Result<i64> {
    let sql = format!("SELECT COUNT(*) FROM {table} WHERE {column} = $1");
    Ok(crate::on_db!(store, |pool| sqlx::query_scalar(&sql).bind(user.0).fetch_one(pool).await)?)
}

#[cfg(test)]
mod tests {
    use super::with_database;

    #[test]
    fn database_name_is_replaced_and_parameters_kept() {
        assert_eq!(with_database("postgres://u:p@h:5432/postgres", "x"), "postgres://u:p@h:5432/x");
        assert_eq!(with_database("postgres://h/db?sslmode=disable", "x"), "postgres://h/x?sslmode=disable");
        assert_eq!(with_database("postgres://h", "x"), "postgres://h/x");
    }
}
