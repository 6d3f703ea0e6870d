use thiserror::Error;

/// What can go wrong in the store. The web layer maps each variant to an HTTP status; the
/// wrapped `sqlx::Error` is for the log only and never reaches a client.
#[derive(Debug, Error)]
pub enum StoreError {
    /// The change clashes with what is stored; the variant says how. Typed, so that the web
    /// layer maps every kind and a new one cannot be forgotten.
    #[error("conflict: {0:?}")]
    Conflict(Conflict),
    #[error("not found")]
    NotFound,
    /// The row changed since the caller read it (optimistic concurrency).
    #[error("changed since it was read")]
    Stale,
    /// A reference to something that is not the member's (e.g. another member's strategy).
    #[error("unknown {0}")]
    UnknownReference(&'static str),
    #[error("database unreachable")]
    Unavailable(#[source] sqlx::Error),
    #[error("database URL must start with sqlite: or postgres://")]
    UnsupportedUrl,
    #[error("invalid database URL")]
    Config(#[source] sqlx::Error),
    #[error("not supported: {0}")]
    Unsupported(&'static str),
    #[error("migration {version} ({name}) failed")]
    Migration {
        version: i64,
        name: &'static str,
        #[source]
        source: sqlx::Error,
    },
    #[error("migration {version} ({name}) differs from the one this database applied; a released migration must never be edited — add a new one instead")]
    MigrationChanged { version: i64, name: &'static str },
    #[error("the database schema (version {found}) is newer than this program knows (version {known}); upgrade Foothold")]
    SchemaTooNew { found: i64, known: i64 },
    /// A stored value the program cannot read back (e.g. an unknown role name).
    #[error("unreadable value in {0}")]
    Corrupt(&'static str),
    #[error("database error")]
    Database(#[source] sqlx::Error),
}

/// How a change clashes with what is stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Conflict {
    /// The handle is taken.
    Handle,
    /// The member already has a strategy of that name.
    StrategyName,
    /// Built-in strategies come back with every new list, so they are archived, not deleted.
    StrategyBuiltin,
    /// A day has the strategy: archive or merge it instead.
    StrategyInUse,
    /// An experiment compares the strategy.
    StrategyInExperiment,
    /// A strategy cannot be merged into itself.
    MergeSame,
    /// Another experiment on the same outcome overlaps in time.
    ExperimentOverlap,
    /// The backup's target file exists.
    BackupExists,
    /// A moderator locked the thread: no new replies.
    ThreadLocked,
}

impl StoreError {
    /// Maps a unique-constraint violation to [`StoreError::Conflict`] and anything else to a
    /// database error. Use it on inserts and updates of unique columns.
    pub(crate) fn unique(what: Conflict) -> impl FnOnce(sqlx::Error) -> Self {
        move |err| match &err {
            sqlx::Error::Database(db) if db.is_unique_violation() => Self::Conflict(what),
            _ => Self::from(err),
        }
    }
}

impl From<sqlx::Error> for StoreError {
    fn from(err: sqlx::Error) -> Self {
        match err {
            sqlx::Error::RowNotFound => Self::NotFound,
            sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Io(_) => {
                Self::Unavailable(err)
            }
            other => Self::Database(other),
        }
    }
}
