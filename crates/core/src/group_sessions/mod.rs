//! Group exercise sessions that repeat: when they happen ([`recurrence`]) and how a member's
//! calendar app receives them ([`ical`], RFC 5545). The site and the calendar app must agree
//! on every date, so the expansion here follows the same rules a calendar app applies to the
//! RRULE we publish.

pub mod ical;
pub mod recurrence;
mod zone;

pub use ical::{calendar, Event};
pub use recurrence::{parse_recurrence, weekday_name, Recurrence, Schedule, COUNT_MAX};

use crate::validation::{Invalid, Problem};
use chrono::{Datelike, NaiveDate, NaiveTime};

pub const TITLE_MAX: usize = 120;
pub const ABOUT_MAX: usize = 2_000;
/// The seated and the standing way of doing it, each.
pub const VARIANT_MAX: usize = 500;
/// A place, or a video link.
pub const PLACE_MAX: usize = 300;
pub const MINUTES: std::ops::RangeInclusive<u16> = 5..=480;
pub const CAPACITY_MAX: u32 = 500;
/// Past sessions a member can still rate, in days.
pub const RATE_WITHIN_DAYS: i64 = 14;

/// A group session as its host planned it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewGroupSession {
    pub title: String,
    pub about: String,
    /// How to take part sitting down, and standing up: every session offers both, so nobody
    /// is left out on a bad day.
    pub seated: String,
    pub standing: String,
    pub schedule: Schedule,
    /// `None`: no limit; when full, members join a waiting list.
    pub capacity: Option<u32>,
    pub place: String,
}

/// The plan form's fields as typed.
#[derive(Debug, Clone, Copy, Default)]
pub struct SessionForm<'a> {
    pub title: &'a str,
    pub about: &'a str,
    pub seated: &'a str,
    pub standing: &'a str,
    /// `YYYY-MM-DD` and `HH:MM`, local to `time_zone`.
    pub date: &'a str,
    pub time: &'a str,
    /// An IANA name, e.g. `Europe/London`.
    pub time_zone: &'a str,
    pub minutes: &'a str,
    pub capacity: &'a str,
    pub place: &'a str,
    pub until: &'a str,
    pub count: &'a str,
    pub except: &'a str,
}

fn text(problems: &mut Vec<Problem>, field: &'static str, value: &str, min: usize, max: usize) -> String {
    let value = value.trim();
    let n = value.chars().count();
    if n < min {
        problems.push(Problem { field, code: "session-title-short" });
    } else if n > max {
        problems.push(Problem { field, code: "text-too-long" });
    }
    value.to_owned()
}

/// Parses the plan form, every problem at once. `weekdays` are the repeat days chosen (none:
/// a one-off); the start's own weekday must be one of them, so the site and calendar apps
/// count the same occurrences.
pub fn parse_session(f: &SessionForm, weekdays: &[&str]) -> Result<NewGroupSession, Invalid> {
    let mut problems = Vec::new();
    let title = text(&mut problems, "title", f.title, 3, TITLE_MAX);
    let about = text(&mut problems, "about", f.about, 0, ABOUT_MAX);
    let seated = text(&mut problems, "seated", f.seated, 0, VARIANT_MAX);
    let standing = text(&mut problems, "standing", f.standing, 0, VARIANT_MAX);
    let place = text(&mut problems, "place", f.place, 0, PLACE_MAX);
    let date = NaiveDate::parse_from_str(f.date.trim(), "%Y-%m-%d").ok();
    if date.is_none() {
        problems.push(Problem { field: "date", code: "day-invalid" });
    }
    let time = NaiveTime::parse_from_str(f.time.trim(), "%H:%M").ok();
    if time.is_none() {
        problems.push(Problem { field: "time", code: "session-time" });
    }
    let zone = f.time_zone.trim().parse::<chrono_tz::Tz>().ok();
    if zone.is_none() {
        problems.push(Problem { field: "time_zone", code: "time-zone-unknown" });
    }
    let minutes = f.minutes.trim().parse::<u16>().ok().filter(|m| MINUTES.contains(m));
    if minutes.is_none() {
        problems.push(Problem { field: "minutes", code: "session-minutes" });
    }
    let capacity = match f.capacity.trim() {
        "" => Ok(None),
        c => c.parse::<u32>().ok().filter(|n| (1..=CAPACITY_MAX).contains(n)).map(Some).ok_or(()),
    };
    if capacity.is_err() {
        problems.push(Problem { field: "capacity", code: "session-capacity" });
    }
    let repeat = parse_recurrence(date.unwrap_or_default(), weekdays, f.until, f.count, f.except);
    Invalid::gather(&mut problems, &repeat);
    if let (Some(d), Ok(Some(r))) = (date, &repeat) {
        if !r.weekdays.is_empty() && !r.weekdays.contains(&d.weekday()) {
            problems.push(Problem { field: "weekdays", code: "session-start-weekday" });
        }
    }
    match (date, time, zone, minutes, capacity, repeat) {
        (Some(d), Some(t), Some(time_zone), Some(minutes), Ok(capacity), Ok(repeat))
            if problems.is_empty() =>
        {
            Ok(NewGroupSession {
                title,
                about,
                seated,
                standing,
                schedule: Schedule { start: d.and_time(t), minutes, time_zone, repeat },
                capacity,
                place,
            })
        }
        _ => Err(Invalid::from_problems(problems).unwrap_or_else(|| Invalid::one("title", "choose-one"))),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn form() -> SessionForm<'static> {
        SessionForm {
            title: "Seated stretch",
            date: "2027-03-01",
            time: "10:00",
            time_zone: "Europe/London",
            minutes: "30",
            ..SessionForm::default()
        }
    }

    #[test]
    fn a_weekly_session_from_its_form() {
        let s = parse_session(&SessionForm { capacity: "12", count: "10", ..form() }, &["mo", "th"]).unwrap();
        assert_eq!(s.schedule.rrule().as_deref(), Some("FREQ=WEEKLY;BYDAY=MO,TH;COUNT=10"));
        assert_eq!((s.capacity, s.schedule.minutes), (Some(12), 30));
        let one_off = parse_session(&form(), &[]).unwrap();
        assert_eq!(one_off.schedule.repeat, None);
    }

    #[test]
    fn every_problem_at_once() {
        let bad = SessionForm {
            title: "x",
            date: "2027-02-30",
            time: "25:00",
            time_zone: "Mars/Olympus",
            minutes: "2",
            capacity: "0",
            ..SessionForm::default()
        };
        let codes: Vec<_> =
            parse_session(&bad, &[]).unwrap_err().problems().iter().map(|p| p.field).collect();
        assert_eq!(codes, ["title", "date", "time", "time_zone", "minutes", "capacity"]);
        // 2027-03-01 is a Monday: a Tuesday-only series cannot start on it.
        let wrong_day = parse_session(&form(), &["tu"]).unwrap_err();
        assert_eq!(wrong_day.problems()[0].code, "session-start-weekday");
    }
}
