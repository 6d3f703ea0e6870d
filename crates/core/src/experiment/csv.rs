//! The CSV for `foothold analyze-experiment`: the diary exchange format (see
//! [`crate::diary_csv`]) plus the experiment's columns:
//!
//! - `condition`: `A` or `B` (required);
//! - `period`: 1, 2, …; periods `2k − 1` and `2k` form pair `k` (required);
//! - `washout`: `true` or `false`, empty meaning `false`;
//! - `followed` (optional): `true`, `false` or empty (not recorded), for the per-protocol
//!   analysis.
//!
//! The diary columns are checked by the diary parser itself (the experiment columns are
//! split off and the rest handed over), so both formats share one definition of "valid" and
//! every error keeps the line of the original file.

use super::analysis::{analyse, Adherence, Analysis, ExperimentDay};
use super::design::Condition;
use crate::agency::Outcome;
use crate::diary_csv::{self, DiaryRow, RowError};
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};

pub const EXPERIMENT_COLUMNS: [&str; 4] = ["condition", "period", "washout", "followed"];
/// The highest period number accepted (far beyond any real plan; keeps input bounded).
pub const MAX_PERIOD: u32 = 1_000;

#[derive(Debug, Clone, PartialEq)]
pub struct ExperimentRow {
    pub diary: DiaryRow,
    pub condition: Condition,
    pub period: u32,
    pub washout: bool,
    pub adherence: Adherence,
}

struct Fields {
    line: u64,
    condition: Option<Condition>,
    period: Option<u32>,
    washout: bool,
    adherence: Adherence,
}

fn flag(value: &str) -> Result<Option<bool>, ()> {
    match value.to_ascii_lowercase().as_str() {
        "" => Ok(None),
        "true" => Ok(Some(true)),
        "false" => Ok(Some(false)),
        _ => Err(()),
    }
}

/// Reads a whole file: every row valid, or every problem found (up to a hundred).
pub fn parse(input: &[u8], today: NaiveDate) -> Result<Vec<ExperimentRow>, Vec<RowError>> {
    let input = input.strip_prefix(b"\xEF\xBB\xBF".as_slice()).unwrap_or(input);
    let mut reader = ::csv::ReaderBuilder::new().flexible(false).trim(::csv::Trim::All).from_reader(input);
    let err = |line: u64, column: &str, code| RowError { line, column: column.to_owned(), code };
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|c| c.to_ascii_lowercase()).collect(),
        Err(_) => return Err(vec![err(1, "", "csv-unreadable")]),
    };
    let mut errors = Vec::new();
    let mut seen = HashSet::new();
    for h in headers.iter().filter(|h| EXPERIMENT_COLUMNS.contains(&h.as_str())) {
        if !seen.insert(h.as_str()) {
            errors.push(err(1, h, "csv-duplicate-column"));
        }
    }
    for required in ["condition", "period"] {
        if !seen.contains(required) {
            errors.push(err(1, required, "csv-missing-column"));
        }
    }
    let is_diary: Vec<bool> = headers.iter().map(|h| !EXPERIMENT_COLUMNS.contains(&h.as_str())).collect();
    let mut diary_csv = ::csv::Writer::from_writer(Vec::new());
    let diary_headers: Vec<&String> =
        headers.iter().zip(&is_diary).filter(|(_, d)| **d).map(|(h, _)| h).collect();
    if diary_csv.write_record(&diary_headers).is_err() {
        return Err(vec![err(1, "", "csv-unreadable")]);
    }
    let mut fields = Vec::new();
    for (index, record) in reader.records().enumerate() {
        if errors.len() >= 100 || index >= diary_csv::MAX_ROWS {
            if index >= diary_csv::MAX_ROWS {
                errors.push(err(index as u64 + 2, "", "csv-too-many-rows"));
            }
            break;
        }
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                errors.push(err(
                    e.position().map_or(index as u64 + 2, ::csv::Position::line),
                    "",
                    "csv-row-shape",
                ));
                continue;
            }
        };
        let line = record.position().map_or(index as u64 + 2, ::csv::Position::line);
        let mut f =
            Fields { line, condition: None, period: None, washout: false, adherence: Adherence::Unknown };
        let mut diary_fields = Vec::new();
        for ((column, value), diary) in headers.iter().zip(record.iter()).zip(&is_diary) {
            if *diary {
                diary_fields.push(value);
                continue;
            }
            match column.as_str() {
                "condition" => match value.to_ascii_uppercase().as_str() {
                    "A" => f.condition = Some(Condition::A),
                    "B" => f.condition = Some(Condition::B),
                    _ => errors.push(err(line, column, "csv-condition-invalid")),
                },
                "period" => match value.parse::<u32>() {
                    Ok(p) if (1..=MAX_PERIOD).contains(&p) => f.period = Some(p),
                    _ => errors.push(err(line, column, "csv-period-invalid")),
                },
                "washout" => match flag(value) {
                    Ok(w) => f.washout = w.unwrap_or(false),
                    Err(()) => errors.push(err(line, column, "csv-washout-invalid")),
                },
                _ => match flag(value) {
                    Ok(None) => {}
                    Ok(Some(true)) => f.adherence = Adherence::Followed,
                    Ok(Some(false)) => f.adherence = Adherence::NotFollowed,
                    Err(()) => errors.push(err(line, column, "csv-followed-invalid")),
                },
            }
        }
        if diary_csv.write_record(&diary_fields).is_err() {
            errors.push(err(line, "", "csv-row-shape"));
        }
        fields.push(f);
    }
    let diary_bytes = diary_csv.into_inner().unwrap_or_default();
    // The line each record has in the rewritten file (notes may span lines), mapped back.
    let mut reread = ::csv::ReaderBuilder::new().from_reader(diary_bytes.as_slice());
    let lines: HashMap<u64, u64> = reread
        .records()
        .zip(&fields)
        .filter_map(|(r, f)| Some((r.ok()?.position()?.line(), f.line)))
        .collect();
    let diary_rows = match diary_csv::parse(&diary_bytes, today) {
        Ok(rows) => rows,
        Err(diary_errors) => {
            errors.extend(diary_errors.into_iter().map(|mut e| {
                e.line = if e.line <= 1 { 1 } else { lines.get(&e.line).copied().unwrap_or(e.line) };
                e
            }));
            Vec::new()
        }
    };
    check_periods(&fields, &mut errors);
    if !errors.is_empty() {
        errors.sort_by_key(|e| e.line);
        errors.truncate(100);
        return Err(errors);
    }
    let rows = diary_rows
        .into_iter()
        .zip(fields)
        .filter_map(|(diary, f)| {
            Some(ExperimentRow {
                diary,
                condition: f.condition?,
                period: f.period?,
                washout: f.washout,
                adherence: f.adherence,
            })
        })
        .collect();
    Ok(rows)
}

/// Every row of a period must have the same condition: a period *is* one condition.
fn check_periods(fields: &[Fields], errors: &mut Vec<RowError>) {
    let mut first: HashMap<u32, Condition> = HashMap::new();
    for f in fields {
        let (Some(period), Some(condition)) = (f.period, f.condition) else { continue };
        if *first.entry(period).or_insert(condition) != condition {
            errors.push(RowError { line: f.line, column: "condition".to_owned(), code: "csv-period-mixed" });
        }
    }
}

/// The rows as experiment days for one outcome.
pub fn days(rows: &[ExperimentRow], outcome: Outcome) -> Vec<ExperimentDay> {
    rows.iter()
        .map(|r| ExperimentDay {
            date: r.diary.date,
            period: r.period,
            condition: r.condition,
            washout: r.washout,
            value: outcome.of(&r.diary.ratings),
            adherence: r.adherence,
        })
        .collect()
}

/// Parses and analyses a file in one step: the entry point of `analyze-experiment`.
pub fn analyse_csv(input: &[u8], today: NaiveDate, outcome: Outcome) -> Result<Analysis, Vec<RowError>> {
    parse(input, today).map(|rows| analyse(&days(&rows, outcome), outcome))
}
