//! Reminders at the member's own local time: what they may be about, when the next one is
//! due (time zones and daylight saving), and quiet hours.
//!
//! A reminder is a nudge, not a demand: it is skipped when there is nothing to do (today's
//! check-in is in), and it never carries health data, because e-mail is not private.

use crate::Invalid;
use chrono::{DateTime, Duration, LocalResult, NaiveDate, NaiveTime, Offset, TimeZone, Utc};
use chrono_tz::Tz;

/// What a reminder is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// The daily check-in, unless it is in.
    Checkin,
    /// Today's part of a running experiment, unless answered.
    Experiment,
    /// A questionnaire that is due.
    Questionnaire,
    /// Today's step of a running goal, unless recorded.
    Goal,
    /// A group session the member is coming to, later that day.
    Session,
    /// What is new for the member in their groups and messages, once a day, only when
    /// something is (the in-app notifications, counted, never quoted).
    Digest,
}

impl Kind {
    pub const ALL: [Kind; 6] =
        [Kind::Checkin, Kind::Experiment, Kind::Questionnaire, Kind::Goal, Kind::Session, Kind::Digest];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Checkin => "checkin",
            Kind::Experiment => "experiment",
            Kind::Questionnaire => "questionnaire",
            Kind::Goal => "goal",
            Kind::Session => "session",
            Kind::Digest => "digest",
        }
    }

    /// The settings form's field for this kind's time.
    pub fn time_field(self) -> &'static str {
        match self {
            Kind::Checkin => "at-checkin",
            Kind::Experiment => "at-experiment",
            Kind::Questionnaire => "at-questionnaire",
            Kind::Goal => "at-goal",
            Kind::Session => "at-session",
            Kind::Digest => "at-digest",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// Reads a local time of day, `HH:MM` (what `<input type=time>` sends).
pub fn parse_time(input: &str, field: &'static str) -> Result<NaiveTime, Invalid> {
    NaiveTime::parse_from_str(input.trim(), "%H:%M").map_err(|_| Invalid::one(field, "time-invalid"))
}

/// Hours in which nothing is sent, e.g. 21:00–08:00 (may wrap past midnight).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quiet {
    pub from: NaiveTime,
    pub until: NaiveTime,
}

impl Quiet {
    /// Whether local time `t` falls in the quiet hours (`from` included, `until` not).
    pub fn contains(&self, t: NaiveTime) -> bool {
        if self.from <= self.until {
            self.from <= t && t < self.until
        } else {
            t >= self.from || t < self.until
        }
    }
}

/// When a reminder set for `at` is sent: at the end of the quiet hours if `at` falls in them.
pub fn effective_time(at: NaiveTime, quiet: Option<Quiet>) -> NaiveTime {
    match quiet {
        Some(q) if q.contains(at) => q.until,
        _ => at,
    }
}

/// The instant local time `at` happens on `day` in `tz`. A time that a daylight-saving change
/// skips happens when the clocks have gone forward (02:30 becomes 03:30); a time that happens
/// twice happens the first time.
pub fn instant_on(day: NaiveDate, at: NaiveTime, tz: Tz) -> DateTime<Utc> {
    let local = day.and_time(at);
    match tz.from_local_datetime(&local) {
        LocalResult::Single(t) => t.with_timezone(&Utc),
        LocalResult::Ambiguous(first, _) => first.with_timezone(&Utc),
        LocalResult::None => {
            // In a gap: read with the offset from before the change (RFC 5545's rule), which
            // lands as far after the gap's start as the time was. Gaps are a few hours at most.
            let before = tz.offset_from_utc_datetime(&(local - Duration::hours(3))).fix();
            Utc.from_utc_datetime(&(local - Duration::seconds(i64::from(before.local_minus_utc()))))
        }
    }
}

/// The next instant strictly after `after` at which a reminder set for local `at` (moved out of
/// `quiet`) is due in `tz`.
pub fn next_due(at: NaiveTime, quiet: Option<Quiet>, tz: Tz, after: DateTime<Utc>) -> DateTime<Utc> {
    let time = effective_time(at, quiet);
    let today = after.with_timezone(&tz).date_naive();
    // Yesterday too: near midnight in a zone far from UTC, "today" may already be too late.
    let mut day = today.pred_opt().unwrap_or(today);
    loop {
        let due = instant_on(day, time, tz);
        if due > after {
            return due;
        }
        match day.succ_opt() {
            Some(next) => day = next,
            None => return due,
        }
    }
}

/// How long "not now" puts a reminder off.
pub const SNOOZE: Duration = Duration::hours(1);

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        Utc.from_utc_datetime(&chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap())
    }

    fn t(s: &str) -> NaiveTime {
        parse_time(s, "at").unwrap()
    }

    #[test]
    fn the_next_reminder_is_at_local_time_today_or_tomorrow() {
        let berlin = chrono_tz::Europe::Berlin;
        // 06:00 UTC is 07:00 in Berlin in winter: 08:00 is still to come today.
        assert_eq!(next_due(t("08:00"), None, berlin, utc("2026-12-07 06:00")), utc("2026-12-07 07:00"));
        // At 08:00 Berlin exactly, the next is tomorrow's.
        assert_eq!(next_due(t("08:00"), None, berlin, utc("2026-12-07 07:00")), utc("2026-12-08 07:00"));
        // Auckland is a day ahead of UTC.
        let auckland = chrono_tz::Pacific::Auckland;
        assert_eq!(next_due(t("08:00"), None, auckland, utc("2026-12-07 12:00")), utc("2026-12-07 19:00"));
        let hawaii = chrono_tz::Pacific::Honolulu;
        assert_eq!(next_due(t("20:00"), None, hawaii, utc("2026-12-07 05:59")), utc("2026-12-07 06:00"));
    }

    #[test]
    fn daylight_saving_keeps_the_local_time() {
        let london = chrono_tz::Europe::London;
        // Clocks go forward on 28 March 2027: 08:00 local is 08:00 UTC before, 07:00 after.
        assert_eq!(next_due(t("08:00"), None, london, utc("2027-03-27 09:00")), utc("2027-03-28 07:00"));
        // 01:30 does not exist that day: it happens as 02:30 BST, 01:30 UTC.
        assert_eq!(instant_on("2027-03-28".parse().unwrap(), t("01:30"), london), utc("2027-03-28 01:30"));
        // 01:30 happens twice on 31 October 2027: the first time, in BST.
        assert_eq!(instant_on("2027-10-31".parse().unwrap(), t("01:30"), london), utc("2027-10-31 00:30"));
        let every: Vec<_> = (0..400)
            .scan(utc("2027-01-01 00:00"), |after, _| {
                *after = next_due(t("08:00"), None, london, *after);
                Some(*after)
            })
            .collect();
        assert!(every.iter().all(|d| d.with_timezone(&london).time() == t("08:00")), "always 08:00 local");
        assert!(every.windows(2).all(|w| w.get(1) > w.first()), "and always later");
    }

    #[test]
    fn quiet_hours_move_a_reminder_to_their_end() {
        let q = Quiet { from: t("21:00"), until: t("08:30") };
        assert!(q.contains(t("23:00")) && q.contains(t("07:59")) && !q.contains(t("08:30")));
        assert_eq!(effective_time(t("06:00"), Some(q)), t("08:30"));
        assert_eq!(effective_time(t("12:00"), Some(q)), t("12:00"));
        let day = Quiet { from: t("13:00"), until: t("15:00") };
        assert_eq!(effective_time(t("14:00"), Some(day)), t("15:00"));
        assert!(!day.contains(t("16:00")));
    }

    #[test]
    fn times_are_read_as_hours_and_minutes() {
        assert_eq!(t(" 07:05 "), NaiveTime::from_hms_opt(7, 5, 0).unwrap());
        for bad in ["", "7", "25:00", "07:60", "seven"] {
            assert!(parse_time(bad, "at").is_err(), "{bad}");
        }
        assert_eq!(Kind::parse("goal"), Some(Kind::Goal));
        assert_eq!(Kind::parse("session"), Some(Kind::Session));
        assert_eq!(Kind::parse("sessions"), None);
    }
}
