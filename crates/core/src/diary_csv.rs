//! Foothold's diary exchange format: CSV, one row per day.
//!
//! ```text
//! date,pain,peg_pain,peg_enjoyment,peg_activity,mood,sleep,control,flare,strategies,note
//! 2026-11-20,6,5,4,6,5,7,3,,walk;heat,"Slow start, better after lunch"
//! 2026-11-21,8,,,,,,,yes,,
//! ```
//!
//! - `date` is `YYYY-MM-DD` (the member's local calendar day) and required; each date once.
//! - Ratings are whole numbers 0–10; an empty cell means *not recorded* (never zero).
//! - `flare` is `yes` on a day the member marked as a flare and empty otherwise; reading also
//!   takes `no`, `true`, `false`, `1` and `0`.
//! - `strategies` are names separated by `;` (so names cannot contain `;`).
//! - `note` is free text up to 5,000 characters; quote it when it holds commas, quotes or
//!   line breaks (standard RFC 4180 quoting). UTF-8, with or without a byte-order mark.
//! - A text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is written
//!   with a leading `'`, so a spreadsheet shows it as text instead of running it as a formula;
//!   reading takes that `'` off again.
//! - Columns are found by their header, in any order; any of them but `date` may be left out.
//!   Unknown columns are refused so that a typo is not silently ignored.

use crate::checkin::{self, Ratings, Score};
use chrono::NaiveDate;
use std::collections::HashSet;

pub const COLUMNS: [&str; 11] = [
    "date",
    "pain",
    "peg_pain",
    "peg_enjoyment",
    "peg_activity",
    "mood",
    "sleep",
    "control",
    "flare",
    "strategies",
    "note",
];

/// The most rows one file may hold (over 50 years of days).
pub const MAX_ROWS: usize = 20_000;

#[derive(Debug, Clone, PartialEq)]
pub struct DiaryRow {
    pub date: NaiveDate,
    pub ratings: Ratings,
    /// Strategy names as written, duplicates (in any letter case) removed.
    pub strategies: Vec<String>,
    pub note: Option<String>,
    pub flare: bool,
}

/// One problem in a file, by line and column, for a preview a person can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// Line in the file, counting the header as line 1.
    pub line: u64,
    /// The column's header name, or `""` for the row as a whole.
    pub column: String,
    pub code: &'static str,
}

fn score_of(r: &Ratings, column: &str) -> Option<Score> {
    match column {
        "pain" => r.pain,
        "peg_pain" => r.peg_pain,
        "peg_enjoyment" => r.peg_enjoyment,
        "peg_activity" => r.peg_activity,
        "mood" => r.mood,
        "sleep" => r.sleep,
        "control" => r.control,
        _ => None,
    }
}

fn set_score(r: &mut Ratings, column: &str, value: Option<Score>) {
    match column {
        "pain" => r.pain = value,
        "peg_pain" => r.peg_pain = value,
        "peg_enjoyment" => r.peg_enjoyment = value,
        "peg_activity" => r.peg_activity = value,
        "mood" => r.mood = value,
        "sleep" => r.sleep = value,
        "control" => r.control = value,
        _ => {}
    }
}

/// Writes rows in the exchange format, header first.
pub fn write(rows: &[DiaryRow], out: impl std::io::Write) -> Result<(), csv::Error> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(COLUMNS)?;
    for row in rows {
        let mut record: Vec<String> = vec![row.date.format("%Y-%m-%d").to_string()];
        for column in COLUMNS.iter().skip(1).take(7) {
            record.push(score_of(&row.ratings, column).map(|s| s.value().to_string()).unwrap_or_default());
        }
        record.push(if row.flare { "yes" } else { "" }.to_owned());
        record.push(guard(&row.strategies.join(";")));
        record.push(guard(row.note.as_deref().unwrap_or_default()));
        w.write_record(&record)?;
    }
    w.flush()?;
    Ok(())
}

/// Characters that make a spreadsheet read a cell as a formula (OWASP, "CSV injection").
const FORMULA: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Would a spreadsheet read `cell` as a formula, or is it a guarded cell itself?
fn needs_guard(cell: &str) -> bool {
    cell.starts_with(FORMULA) || cell.strip_prefix('\'').is_some_and(needs_guard)
}

/// A cell a spreadsheet shows as text: a leading `'` before a formula character. [`unguard`]
/// reads it back unchanged, for every text (a note that itself starts with `'=` included).
fn guard(cell: &str) -> String {
    if needs_guard(cell) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

fn unguard(cell: &str) -> &str {
    cell.strip_prefix('\'').filter(|rest| needs_guard(rest)).unwrap_or(cell)
}

/// A yes-or-no cell; `None` when it is neither.
fn parse_flare(cell: &str) -> Option<bool> {
    match cell.trim().to_ascii_lowercase().as_str() {
        "" | "no" | "false" | "0" => Some(false),
        "yes" | "true" | "1" => Some(true),
        _ => None,
    }
}

/// Reads a whole file. Either every row is valid, or every problem found is returned (up to
/// a hundred, so a preview stays readable) and nothing should be imported.
pub fn parse(input: &[u8], today: NaiveDate) -> Result<Vec<DiaryRow>, Vec<RowError>> {
    let input = input.strip_prefix(b"\xEF\xBB\xBF".as_slice()).unwrap_or(input);
    let err = |line: u64, column: &str, code| RowError { line, column: column.to_owned(), code };
    if let Err(e) = std::str::from_utf8(input) {
        let line = input.iter().take(e.valid_up_to()).filter(|b| **b == b'\n').count() as u64 + 1;
        return Err(vec![err(line, "", "csv-not-utf8")]);
    }
    // A quote left open swallows the rest of the file into one cell, which the reader would
    // accept; in RFC 4180 quotes come in pairs.
    if input.iter().filter(|b| **b == b'"').count() % 2 == 1 {
        return Err(vec![err(1, "", "csv-open-quote")]);
    }
    let mut reader = csv::ReaderBuilder::new().flexible(false).trim(csv::Trim::All).from_reader(input);
    let mut errors = Vec::new();
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|c| c.to_ascii_lowercase()).collect(),
        Err(_) => return Err(vec![err(1, "", "csv-unreadable")]),
    };
    for h in &headers {
        if !COLUMNS.contains(&h.as_str()) {
            errors.push(err(1, h, "csv-unknown-column"));
        }
    }
    let mut seen_headers = HashSet::new();
    for h in &headers {
        if !seen_headers.insert(h) {
            errors.push(err(1, h, "csv-duplicate-column"));
        }
    }
    if !headers.iter().any(|h| h == "date") {
        errors.push(err(1, "date", "csv-missing-date"));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut rows = Vec::new();
    let mut dates = HashSet::new();
    for (index, record) in reader.records().enumerate() {
        if errors.len() >= 100 {
            break;
        }
        let line = index as u64 + 2;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(line, csv::Position::line);
                errors.push(err(line, "", "csv-row-shape"));
                continue;
            }
        };
        if index >= MAX_ROWS {
            errors.push(err(line, "", "csv-too-many-rows"));
            break;
        }
        let line = record.position().map_or(line, csv::Position::line);
        let mut row = DiaryRow {
            date: NaiveDate::MIN,
            ratings: Ratings::default(),
            strategies: Vec::new(),
            note: None,
            flare: false,
        };
        for (column, value) in headers.iter().zip(record.iter()) {
            match column.as_str() {
                "date" => match checkin::parse_day(value, today) {
                    Ok(d) if dates.insert(d) => row.date = d,
                    Ok(_) => errors.push(err(line, column, "csv-duplicate-date")),
                    Err(e) => errors.extend(e.problems().iter().map(|p| err(line, column, p.code))),
                },
                "strategies" => {
                    let mut keys = HashSet::new();
                    for name in unguard(value).split(';').map(str::trim).filter(|n| !n.is_empty()) {
                        match checkin::parse_strategy_name(name) {
                            Ok(n) if keys.insert(n.to_lowercase()) => row.strategies.push(n),
                            Ok(_) => {}
                            Err(e) => errors.extend(e.problems().iter().map(|p| err(line, column, p.code))),
                        }
                    }
                }
                "note" => match checkin::parse_note(unguard(value)) {
                    Ok(n) => row.note = n,
                    Err(e) => errors.extend(e.problems().iter().map(|p| err(line, column, p.code))),
                },
                "flare" => match parse_flare(value) {
                    Some(flare) => row.flare = flare,
                    None => errors.push(err(line, column, "csv-flare")),
                },
                score => match Score::parse_field(value, "score") {
                    Ok(v) => set_score(&mut row.ratings, score, v),
                    Err(e) => errors.extend(e.problems().iter().map(|p| err(line, column, p.code))),
                },
            }
        }
        rows.push(row);
    }
    if errors.is_empty() {
        Ok(rows)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }

    #[test]
    fn the_documented_example_reads_as_described() {
        let text = "date,pain,peg_pain,peg_enjoyment,peg_activity,mood,sleep,control,flare,strategies,note\n\
                    2026-11-20,6,5,4,6,5,7,3,,walk;heat,\"Slow start, better after lunch\"\n\
                    2026-11-21,8,,,,,,,yes,,\n";
        let rows = parse(text.as_bytes(), today()).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].ratings.peg(), Some(5.0));
        assert_eq!(rows[0].strategies, ["walk", "heat"]);
        assert_eq!(rows[0].note.as_deref(), Some("Slow start, better after lunch"));
        assert!(!rows[0].flare && rows[1].flare);
        assert_eq!(rows[1].ratings.pain.map(Score::value), Some(8));
        assert!(rows[1].strategies.is_empty() && rows[1].note.is_none());
    }

    #[test]
    fn every_problem_is_reported_with_its_line_and_column() {
        let text = "date,pain,strategies,note\n\
                    2026-11-01,11,walk,\n\
                    2026-13-01,5,,\n\
                    2026-11-01,5,,\n\
                    2026-11-30,4,a;b,\n";
        let flare = parse(b"date,flare\n2026-11-01,maybe\n2026-11-02,No\n", today()).unwrap_err();
        assert_eq!((flare[0].line, flare[0].column.as_str(), flare[0].code), (2, "flare", "csv-flare"));
        let errors = parse(text.as_bytes(), today()).unwrap_err();
        let found: Vec<(u64, &str, &str)> =
            errors.iter().map(|e| (e.line, e.column.as_str(), e.code)).collect();
        assert_eq!(
            found,
            [
                (2, "pain", "score-range"),
                (3, "date", "day-invalid"),
                (4, "date", "csv-duplicate-date"),
                (5, "date", "day-in-future")
            ]
        );
    }

    #[test]
    fn headers_are_checked_before_any_row() {
        let e = parse(b"date,pian\n2026-11-01,3\n", today()).unwrap_err();
        assert_eq!((e[0].line, e[0].column.as_str(), e[0].code), (1, "pian", "csv-unknown-column"));
        let e = parse(b"pain\n3\n", today()).unwrap_err();
        assert_eq!(e[0].code, "csv-missing-date");
        let e = parse(b"date,pain\n2026-11-01,3,4\n", today()).unwrap_err();
        assert_eq!(e[0].code, "csv-row-shape");
    }

    #[test]
    fn columns_may_come_in_any_order_with_a_byte_order_mark() {
        let rows =
            parse("\u{feff}NOTE,Date,mood\n\"two\nlines\",2026-11-02,8\n".as_bytes(), today()).unwrap();
        assert_eq!(rows[0].note.as_deref(), Some("two\nlines"));
        assert_eq!(rows[0].ratings.mood.map(Score::value), Some(8));
    }

    /// A small deterministic generator (xorshift), so the round trip is tried on many
    /// diaries without a property-testing dependency.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self, n: u64) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0 % n
        }
    }

    #[test]
    fn writing_then_reading_gives_back_the_same_diary() {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let names = ["walk", "Heat", "called a friend", "Прогулка", "pacing, gently", "\"quoted\""];
        let notes = ["", "fine", "comma, inside", "line\nbreak", "quote \" inside", "  padded  "];
        for _ in 0..200 {
            let mut rows = Vec::new();
            let mut day = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
            for _ in 0..rng.next(40) {
                day += chrono::Duration::days(1 + rng.next(3) as i64);
                let mut r = Ratings::default();
                for column in COLUMNS.iter().skip(1).take(7) {
                    let v = rng.next(12);
                    set_score(&mut r, column, if v == 11 { None } else { Score::new(v as i64) });
                }
                let strategies: Vec<String> =
                    names.iter().filter(|_| rng.next(3) == 0).map(|s| (*s).to_owned()).collect();
                let note = checkin::parse_note(notes[rng.next(notes.len() as u64) as usize]).unwrap();
                rows.push(DiaryRow { date: day, ratings: r, strategies, note, flare: rng.next(4) == 0 });
            }
            let mut out = Vec::new();
            write(&rows, &mut out).unwrap();
            assert_eq!(parse(&out, today()).unwrap(), rows, "{}", String::from_utf8_lossy(&out));
        }
    }

    #[test]
    fn formula_like_cells_are_neutralised_on_export_and_read_back_unchanged() {
        let notes =
            ["=SUM(A1:A9)", "+44 1234", "-5 today", "@mention", "'=already", "''+x", "'plain", "fine"];
        let rows: Vec<DiaryRow> = notes
            .iter()
            .enumerate()
            .map(|(i, n)| DiaryRow {
                date: today() - chrono::Duration::days(i as i64),
                ratings: Ratings::default(),
                strategies: vec!["-stretch".to_owned()],
                note: Some((*n).to_owned()),
                flare: false,
            })
            .collect();
        let mut out = Vec::new();
        write(&rows, &mut out).unwrap();
        let text = String::from_utf8(out.clone()).unwrap();
        assert!(
            text.contains(",'=SUM(A1:A9)") && text.contains(",'-stretch,") && text.contains(",fine"),
            "{text}"
        );
        for line in text.lines().skip(1) {
            let cells: Vec<&str> = line.split(',').collect();
            assert!(cells.iter().all(|c| !c.starts_with(FORMULA)), "{line}");
        }
        let back = parse(&out, today()).unwrap();
        for (row, note) in back.iter().zip(notes) {
            assert_eq!(row.note.as_deref(), Some(note));
            assert_eq!(row.strategies, ["-stretch"]);
        }
    }

    #[test]
    fn an_open_quote_and_bytes_that_are_not_utf8_are_refused_with_their_own_reason() {
        let open = b"date,note\n2026-11-20,\"never closed\n2026-11-21,fine\n";
        assert_eq!(parse(open, today()).unwrap_err()[0].code, "csv-open-quote");
        let latin1 = b"date,note\n2026-11-20,caf\xe9\n";
        let e = parse(latin1, today()).unwrap_err();
        assert_eq!((e[0].code, e[0].line), ("csv-not-utf8", 2));
    }
}
