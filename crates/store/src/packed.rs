//! Pages of many rows read as one row. sqlx hands SQLite rows over one at a time from its
//! worker thread, and for a page of 30–50 short rows that hand-over cost more than the query
//! itself (docs/BENCHMARKS.md: a group's thread list went from about 1,960 to … requests/s).
//! So list queries pack their page into one JSON array in the database — `json_group_array`
//! in SQLite, `json_agg` in PostgreSQL, the only part that differs — and it is read here.

use crate::{Backend, StoreError};
use chrono::{DateTime, Utc};
use serde_json::Value;

/// `inner` (a query whose columns are named `columns`) as one row holding a JSON array of
/// arrays, one per row. Order is restored by the caller, since aggregate order is not
/// promised by SQL.
pub(crate) fn sql(backend: Backend, inner: &str, columns: &str) -> String {
    match backend {
        Backend::Sqlite => {
            format!("SELECT COALESCE(json_group_array(json_array({columns})), '[]') FROM ({inner}) AS page")
        }
        Backend::Postgres => {
            format!(
                "SELECT COALESCE(json_agg(json_build_array({columns})), '[]')::text FROM ({inner}) AS page"
            )
        }
    }
}

/// One packed row's cells.
pub(crate) struct Cells<'a>(&'a [Value], &'static str);

impl<'a> Cells<'a> {
    fn at(&self, i: usize) -> Result<&'a Value, StoreError> {
        self.0.get(i).ok_or(StoreError::Corrupt(self.1))
    }

    pub fn int(&self, i: usize) -> Result<i64, StoreError> {
        self.at(i)?.as_i64().ok_or(StoreError::Corrupt(self.1))
    }

    pub fn opt_int(&self, i: usize) -> Result<Option<i64>, StoreError> {
        match self.at(i)? {
            Value::Null => Ok(None),
            v => v.as_i64().map(Some).ok_or(StoreError::Corrupt(self.1)),
        }
    }

    pub fn text(&self, i: usize) -> Result<String, StoreError> {
        self.at(i)?.as_str().map(str::to_owned).ok_or(StoreError::Corrupt(self.1))
    }

    pub fn opt_text(&self, i: usize) -> Result<Option<String>, StoreError> {
        match self.at(i)? {
            Value::Null => Ok(None),
            v => v.as_str().map(|s| Some(s.to_owned())).ok_or(StoreError::Corrupt(self.1)),
        }
    }

    /// SQLite packs booleans as 0 and 1, PostgreSQL as true and false.
    pub fn flag(&self, i: usize) -> Result<bool, StoreError> {
        let v = self.at(i)?;
        v.as_bool().or_else(|| v.as_i64().map(|n| n != 0)).ok_or(StoreError::Corrupt(self.1))
    }

    pub fn time(&self, i: usize) -> Result<DateTime<Utc>, StoreError> {
        self.opt_time(i)?.ok_or(StoreError::Corrupt(self.1))
    }

    pub fn opt_time(&self, i: usize) -> Result<Option<DateTime<Utc>>, StoreError> {
        match self.opt_text(i)? {
            None => Ok(None),
            Some(t) => DateTime::parse_from_rfc3339(&t)
                .map(|d| Some(d.with_timezone(&Utc)))
                .map_err(|_| StoreError::Corrupt(self.1)),
        }
    }
}

/// Reads a packed page: `row` turns each row's cells into a value.
pub(crate) fn rows<T>(
    json: &str,
    what: &'static str,
    row: impl Fn(&Cells) -> Result<T, StoreError>,
) -> Result<Vec<T>, StoreError> {
    let all: Vec<Vec<Value>> = serde_json::from_str(json).map_err(|_| StoreError::Corrupt(what))?;
    all.iter().map(|cells| row(&Cells(cells, what))).collect()
}
