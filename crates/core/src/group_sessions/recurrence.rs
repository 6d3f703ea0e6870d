//! When a session happens: a local start, a length, a time zone and an optional weekly
//! repetition. Times are kept as local wall time plus a zone, because members expect "Monday
//! 10:00" to stay 10:00 when the clocks change, and are turned into UTC instants only when
//! listed.

use chrono::{DateTime, Datelike, Days, LocalResult, NaiveDate, NaiveDateTime, TimeZone, Utc, Weekday};
use chrono_tz::{GapInfo, Tz};

use crate::validation::{Invalid, Problem};

/// The most occurrences a count may ask for: ten years of a weekly session.
pub const COUNT_MAX: u32 = 520;
/// Expansion stops after this many occurrences, or at local dates more than [`HORIZON_DAYS`]
/// past `from`, whichever comes first: an open-ended rule asked about a far `to` must not
/// keep a request busy.
const EXPANSION_MAX: usize = 5_000;
/// Ten years.
const HORIZON_DAYS: u64 = 3_653;

/// Weekly repetition (the only kind group sessions need): on these weekdays, until a last
/// day (inclusive, local) or for a count of occurrences, except some local dates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recurrence {
    /// None listed means the start's own weekday, as for an RRULE without BYDAY.
    pub weekdays: Vec<Weekday>,
    pub until: Option<NaiveDate>,
    /// Occurrences from the start, excluded ones included. With `until` as well, both limit
    /// the listing but only `until` reaches the RRULE; [`parse_recurrence`] never sets both.
    pub count: Option<u32>,
    pub except: Vec<NaiveDate>,
}

/// A session's times.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schedule {
    /// Local wall time of the first occurrence.
    pub start: NaiveDateTime,
    pub minutes: u16,
    pub time_zone: Tz,
    pub repeat: Option<Recurrence>,
}

/// RFC 5545's two-letter weekday names, Monday first (the order BYDAY is written in).
const WEEKDAYS: [(Weekday, &str); 7] = [
    (Weekday::Mon, "MO"),
    (Weekday::Tue, "TU"),
    (Weekday::Wed, "WE"),
    (Weekday::Thu, "TH"),
    (Weekday::Fri, "FR"),
    (Weekday::Sat, "SA"),
    (Weekday::Sun, "SU"),
];

/// A set of weekdays as bits, so duplicates in the input count once.
#[derive(Clone, Copy)]
struct DaySet(u8);

impl DaySet {
    fn of(rule: &Recurrence, start: Weekday) -> DaySet {
        let days = if rule.weekdays.is_empty() { std::slice::from_ref(&start) } else { &rule.weekdays };
        DaySet(days.iter().fold(0, |set, day| set | (1 << day.num_days_from_monday())))
    }

    fn has(self, day: Weekday) -> bool {
        self.0 & (1 << day.num_days_from_monday()) != 0
    }

    fn len(self) -> u64 {
        u64::from(self.0.count_ones())
    }
}

/// The instant a local wall time names in `tz`. An ambiguous time (the repeated hour when
/// clocks go back) is the earlier instant; a time that does not exist (skipped when clocks go
/// forward) is read with the offset in force before the gap, which moves it forward by the
/// gap's length (RFC 5545 §3.3.5), so 02:30 on a spring-forward night becomes 03:30.
pub(crate) fn resolve(tz: Tz, local: NaiveDateTime) -> Option<DateTime<Utc>> {
    match tz.from_local_datetime(&local) {
        LocalResult::Single(t) => Some(t.with_timezone(&Utc)),
        LocalResult::Ambiguous(a, b) => Some(a.min(b).with_timezone(&Utc)),
        LocalResult::None => {
            let (_, before) = GapInfo::new(&local, &tz)?.begin?;
            Some(local.checked_sub_offset(chrono::Offset::fix(&before))?.and_utc())
        }
    }
}

impl Schedule {
    /// Start instants (UTC) of occurrences that start in [from, to), ascending. The wall-clock
    /// time is kept across daylight-saving changes (10:00 stays 10:00 local); a local time
    /// skipped by a change moves forward by the gap and a repeated one takes the earlier
    /// instant. COUNT counts occurrences from the start, excluded dates included, as
    /// RFC 5545 does (EXDATE removes after COUNT). The first occurrence is `start` itself even
    /// if its weekday is not listed (RFC 5545: DTSTART is always the first instance); callers
    /// check that the start's weekday is listed. At most 5,000 occurrences, none on
    /// local dates more than ten years past `from`.
    pub fn occurrences(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<DateTime<Utc>> {
        let in_range = |t: &DateTime<Utc>| from <= *t && *t < to;
        let Some(rule) = &self.repeat else {
            return self.first().filter(in_range).into_iter().collect();
        };
        let start_day = self.start.date();
        let days = DaySet::of(rule, start_day.weekday());
        // A UTC instant lies within a day of its local date (offsets are under 24 hours), so
        // two days' margin either side of the window is enough.
        let from_day = from.date_naive().checked_sub_days(Days::new(2)).unwrap_or(NaiveDate::MIN);
        let horizon = from.date_naive().checked_add_days(Days::new(HORIZON_DAYS)).unwrap_or(NaiveDate::MAX);
        let to_day = to.date_naive().checked_add_days(Days::new(2)).unwrap_or(NaiveDate::MAX);
        let last_day = rule.until.map_or(to_day, |until| until.min(to_day)).min(horizon);

        let mut out = Vec::new();
        if !rule.except.contains(&start_day) {
            out.extend(self.first().filter(in_range));
        }
        let mut counted: u64 = 1;
        let Some(mut day) = start_day.succ_opt() else { return out };
        // Every seven days after the start hold each listed weekday once, so whole weeks before
        // the window are counted without being walked.
        if from_day > day {
            let weeks = (from_day - day).num_days() / 7;
            let skipped = u64::try_from(weeks).unwrap_or(0);
            if let Some(later) = day.checked_add_days(Days::new(skipped * 7)) {
                day = later;
                counted += skipped * days.len();
            }
        }
        let count = rule.count.map(u64::from);
        while day <= last_day && out.len() < EXPANSION_MAX && count.is_none_or(|n| counted < n) {
            if days.has(day.weekday()) {
                counted += 1;
                if !rule.except.contains(&day) {
                    if let Some(t) = resolve(self.time_zone, day.and_time(self.start.time())) {
                        if t >= to {
                            break;
                        }
                        if t >= from {
                            out.push(t);
                        }
                    }
                }
            }
            let Some(next) = day.succ_opt() else { break };
            day = next;
        }
        out
    }

    /// The UTC instant of the local start.
    pub fn first(&self) -> Option<DateTime<Utc>> {
        resolve(self.time_zone, self.start)
    }

    /// The RRULE value: `FREQ=WEEKLY;BYDAY=MO,WE` plus `;UNTIL=…Z` or `;COUNT=n`; `None` for
    /// a one-off. UNTIL is the UTC instant of the start time on the last day, because RFC 5545
    /// requires UTC there when DTSTART has a TZID and treats UNTIL as inclusive.
    pub fn rrule(&self) -> Option<String> {
        let rule = self.repeat.as_ref()?;
        let mut out = String::from("FREQ=WEEKLY");
        if !rule.weekdays.is_empty() {
            let days = DaySet::of(rule, self.start.weekday());
            let names: Vec<&str> =
                WEEKDAYS.iter().filter(|(day, _)| days.has(*day)).map(|(_, name)| *name).collect();
            out.push_str(";BYDAY=");
            out.push_str(&names.join(","));
        }
        if let Some(until) = rule.until {
            let local = until.and_time(self.start.time());
            // Only dates at the edge of chrono's range fail to resolve; reading the wall time
            // as UTC is then off by at most the zone's offset.
            let last = resolve(self.time_zone, local).unwrap_or_else(|| local.and_utc());
            out.push_str(&format!(";UNTIL={}", last.format("%Y%m%dT%H%M%SZ")));
        } else if let Some(count) = rule.count {
            out.push_str(&format!(";COUNT={count}"));
        }
        Some(out)
    }
}

/// A weekday from its two-letter name, any case (`mo` … `su`).
/// A weekday's name in the form and the store (`mo` … `su`).
pub fn weekday_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "mo",
        Weekday::Tue => "tu",
        Weekday::Wed => "we",
        Weekday::Thu => "th",
        Weekday::Fri => "fr",
        Weekday::Sat => "sa",
        Weekday::Sun => "su",
    }
}

fn weekday(name: &str) -> Option<Weekday> {
    WEEKDAYS.iter().find(|(_, code)| code.eq_ignore_ascii_case(name.trim())).map(|(day, _)| *day)
}

/// A date written YYYY-MM-DD.
fn day(text: &str) -> Option<NaiveDate> {
    (text.len() == 10).then(|| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()).flatten()
}

/// Parses the repetition part of a session's form, every problem at once: weekday names
/// (`mo` … `su`; blank ones are ignored), the last day (YYYY-MM-DD or empty), a count (empty
/// or 1–[`COUNT_MAX`]) and excluded dates (separated by commas or whitespace). `Ok(None)`
/// when no weekday is chosen: a one-off, though the other fields are still checked so a
/// mistake there is not silently dropped. Whether the start falls on a chosen weekday is
/// the caller's check.
pub fn parse_recurrence(
    start: NaiveDate,
    weekdays: &[&str],
    until: &str,
    count: &str,
    except: &str,
) -> Result<Option<Recurrence>, Invalid> {
    let (until, count) = (until.trim(), count.trim());
    let weekdays_r: Result<Vec<Weekday>, Invalid> = weekdays
        .iter()
        .filter(|name| !name.trim().is_empty())
        .map(|name| weekday(name).ok_or_else(|| Invalid::one("weekdays", "choose-one")))
        .collect();
    let until_r = match until {
        "" => Ok(None),
        text => day(text).map(Some).ok_or_else(|| Invalid::one("until", "day-invalid")),
    };
    let count_r = match count {
        "" => Ok(None),
        text => text
            .parse::<u32>()
            .ok()
            .filter(|n| (1..=COUNT_MAX).contains(n))
            .map(Some)
            .ok_or_else(|| Invalid::one("count", "session-count")),
    };
    let except_r: Result<Vec<NaiveDate>, Invalid> = except
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|text| !text.is_empty())
        .map(|text| day(text).ok_or_else(|| Invalid::one("except", "day-invalid")))
        .collect();
    let mut problems: Vec<Problem> = Vec::new();
    Invalid::gather(&mut problems, &weekdays_r);
    Invalid::gather(&mut problems, &until_r);
    Invalid::gather(&mut problems, &count_r);
    Invalid::gather(&mut problems, &except_r);
    if let (Ok(Some(_)), Ok(Some(_))) = (&until_r, &count_r) {
        problems.push(Problem { field: "until", code: "session-until-and-count" });
    }
    if let Ok(Some(last)) = until_r {
        if last < start {
            problems.push(Problem { field: "until", code: "session-until-before-start" });
        }
    }
    if let Some(invalid) = Invalid::from_problems(problems) {
        return Err(invalid);
    }
    let (Ok(mut weekdays), Ok(until), Ok(count), Ok(mut except)) = (weekdays_r, until_r, count_r, except_r)
    else {
        return Err(Invalid::one("weekdays", "choose-one"));
    };
    if weekdays.is_empty() {
        return Ok(None);
    }
    weekdays.sort_by_key(Weekday::num_days_from_monday);
    weekdays.dedup();
    except.sort_unstable();
    except.dedup();
    Ok(Some(Recurrence { weekdays, until, count, except }))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]

    use super::*;
    use chrono_tz::America::New_York;
    use chrono_tz::Europe::London;

    fn local(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
    }

    fn date(text: &str) -> NaiveDate {
        day(text).unwrap()
    }

    fn utc(text: &str) -> DateTime<Utc> {
        local(text).and_utc()
    }

    fn weekly(weekdays: &[Weekday]) -> Recurrence {
        Recurrence { weekdays: weekdays.to_vec(), until: None, count: None, except: Vec::new() }
    }

    fn schedule(start: &str, tz: Tz, repeat: Option<Recurrence>) -> Schedule {
        Schedule { start: local(start), minutes: 60, time_zone: tz, repeat }
    }

    fn shown(times: &[DateTime<Utc>]) -> Vec<String> {
        times.iter().map(|t| t.format("%Y-%m-%d %H:%M").to_string()).collect()
    }

    #[test]
    fn london_monday_keeps_ten_oclock_across_the_march_change() {
        // Clocks go forward on Sunday 28 March 2027: 10:00 GMT is 10:00Z, 10:00 BST is 09:00Z.
        let s = schedule("2027-03-15 10:00", London, Some(weekly(&[Weekday::Mon])));
        let got = s.occurrences(utc("2027-03-01 00:00"), utc("2027-04-10 00:00"));
        assert_eq!(
            shown(&got),
            ["2027-03-15 10:00", "2027-03-22 10:00", "2027-03-29 09:00", "2027-04-05 09:00"]
        );
    }

    #[test]
    fn a_time_skipped_by_spring_forward_moves_forward_by_the_gap() {
        // New York's clocks jump from 02:00 EST to 03:00 EDT on 14 March 2027.
        let one_off = schedule("2027-03-14 02:30", New_York, None);
        assert_eq!(one_off.first(), Some(utc("2027-03-14 07:30"))); // 03:30 EDT
        let s = schedule("2027-03-07 02:30", New_York, Some(weekly(&[Weekday::Sun])));
        let got = s.occurrences(utc("2027-03-01 00:00"), utc("2027-03-22 00:00"));
        assert_eq!(shown(&got), ["2027-03-07 07:30", "2027-03-14 07:30", "2027-03-21 06:30"]);
    }

    #[test]
    fn a_repeated_time_takes_the_earlier_instant() {
        // 01:30 happens twice on 7 November 2027 in New York; the first is EDT (UTC-4).
        assert_eq!(schedule("2027-11-07 01:30", New_York, None).first(), Some(utc("2027-11-07 05:30")));
    }

    #[test]
    fn a_one_off_is_listed_only_inside_the_window() {
        let s = schedule("2027-05-01 18:00", chrono_tz::UTC, None);
        assert_eq!(s.occurrences(utc("2027-05-01 18:00"), utc("2027-05-01 18:01")).len(), 1);
        assert!(s.occurrences(utc("2027-05-01 18:01"), utc("2027-06-01 00:00")).is_empty());
        assert!(s.rrule().is_none());
    }

    #[test]
    fn count_includes_excluded_dates() {
        // Monday 4 January 2027; Mondays and Wednesdays, five times, the second skipped.
        let rule = Recurrence {
            weekdays: vec![Weekday::Mon, Weekday::Wed],
            until: None,
            count: Some(5),
            except: vec![date("2027-01-06")],
        };
        let s = schedule("2027-01-04 18:00", chrono_tz::UTC, Some(rule));
        let got = s.occurrences(utc("2026-01-01 00:00"), utc("2030-01-01 00:00"));
        assert_eq!(
            shown(&got),
            ["2027-01-04 18:00", "2027-01-11 18:00", "2027-01-13 18:00", "2027-01-18 18:00"]
        );
        assert_eq!(s.rrule().unwrap(), "FREQ=WEEKLY;BYDAY=MO,WE;COUNT=5");
    }

    #[test]
    fn a_late_window_still_counts_from_the_start() {
        // Ten Mondays from 4 January: the last is 8 March; weeks before 15 February are
        // counted without being listed.
        let rule = Recurrence { count: Some(10), ..weekly(&[Weekday::Mon]) };
        let s = schedule("2027-01-04 09:00", chrono_tz::UTC, Some(rule));
        let got = s.occurrences(utc("2027-02-15 00:00"), utc("2028-01-01 00:00"));
        assert_eq!(
            shown(&got),
            ["2027-02-15 09:00", "2027-02-22 09:00", "2027-03-01 09:00", "2027-03-08 09:00"]
        );
    }

    #[test]
    fn until_is_an_inclusive_local_day() {
        let rule = Recurrence { until: Some(date("2027-06-28")), ..weekly(&[Weekday::Mon]) };
        let s = schedule("2027-06-14 10:00", London, Some(rule));
        let got = s.occurrences(utc("2027-01-01 00:00"), utc("2028-01-01 00:00"));
        assert_eq!(shown(&got), ["2027-06-14 09:00", "2027-06-21 09:00", "2027-06-28 09:00"]);
        // 10:00 BST on the last day, in UTC.
        assert_eq!(s.rrule().unwrap(), "FREQ=WEEKLY;BYDAY=MO;UNTIL=20270628T090000Z");
    }

    #[test]
    fn except_can_remove_the_start() {
        let rule = Recurrence { except: vec![date("2027-01-04")], count: Some(2), ..weekly(&[]) };
        let s = schedule("2027-01-04 09:00", chrono_tz::UTC, Some(rule));
        let got = s.occurrences(utc("2027-01-01 00:00"), utc("2028-01-01 00:00"));
        // No weekday listed: the start's own, as an RRULE without BYDAY.
        assert_eq!(shown(&got), ["2027-01-11 09:00"]);
        assert_eq!(s.rrule().unwrap(), "FREQ=WEEKLY;COUNT=2");
    }

    #[test]
    fn the_start_is_first_even_on_an_unlisted_weekday() {
        let s = schedule("2027-01-05 09:00", chrono_tz::UTC, Some(weekly(&[Weekday::Mon])));
        let got = s.occurrences(utc("2027-01-01 00:00"), utc("2027-01-19 00:00"));
        assert_eq!(shown(&got), ["2027-01-05 09:00", "2027-01-11 09:00", "2027-01-18 09:00"]);
    }

    #[test]
    fn open_ended_expansion_stops_ten_years_out() {
        let every_day = weekly(&[
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
            Weekday::Thu,
            Weekday::Fri,
            Weekday::Sat,
            Weekday::Sun,
        ]);
        let s = schedule("2027-01-01 09:00", chrono_tz::UTC, Some(every_day));
        let from = utc("2027-01-01 00:00");
        let got = s.occurrences(from, utc("2200-01-01 00:00"));
        assert!(got.len() <= EXPANSION_MAX);
        assert!(got.len() > 3_600);
        assert!(got.windows(2).all(|w| w[0] < w[1]));
        assert!(*got.last().unwrap() < from + chrono::Duration::days(3_654));
    }

    #[test]
    fn rrule_lists_each_weekday_once_monday_first() {
        let s =
            schedule("2027-01-04 09:00", London, Some(weekly(&[Weekday::Wed, Weekday::Mon, Weekday::Wed])));
        assert_eq!(s.rrule().unwrap(), "FREQ=WEEKLY;BYDAY=MO,WE");
    }

    #[test]
    fn parse_reads_a_valid_form() {
        let start = date("2027-01-04");
        let rule =
            parse_recurrence(start, &["WE", "mo", " "], "", "12", "2027-02-01, 2027-01-18\n2027-01-18")
                .unwrap()
                .unwrap();
        assert_eq!(rule.weekdays, vec![Weekday::Mon, Weekday::Wed]);
        assert_eq!(rule.count, Some(12));
        assert_eq!(rule.until, None);
        assert_eq!(rule.except, vec![date("2027-01-18"), date("2027-02-01")]);
        let rule = parse_recurrence(start, &["mo"], " 2027-01-04 ", "", "").unwrap().unwrap();
        assert_eq!(rule.until, Some(start));
        assert_eq!(parse_recurrence(start, &[], "", "", ""), Ok(None));
    }

    fn codes(r: Result<Option<Recurrence>, Invalid>) -> Vec<(&'static str, &'static str)> {
        r.err().map(|e| e.problems().iter().map(|p| (p.field, p.code)).collect()).unwrap_or_default()
    }

    #[test]
    fn parse_reports_every_problem_at_once() {
        let start = date("2027-01-04");
        assert_eq!(
            codes(parse_recurrence(start, &["mo", "xx"], "2027-13-01", "0", "2027-01-11, nope")),
            [
                ("weekdays", "choose-one"),
                ("until", "day-invalid"),
                ("count", "session-count"),
                ("except", "day-invalid")
            ]
        );
        assert_eq!(
            codes(parse_recurrence(start, &["mo"], "2027-01-03", "5", "")),
            [("until", "session-until-and-count"), ("until", "session-until-before-start")]
        );
        assert_eq!(codes(parse_recurrence(start, &["mo"], "", "521", "")), [("count", "session-count")]);
        assert_eq!(codes(parse_recurrence(start, &["mo"], "", "ten", "")), [("count", "session-count")]);
        assert_eq!(codes(parse_recurrence(start, &["mo"], "2027-1-9", "", "")), [("until", "day-invalid")]);
        // A one-off still has its other fields checked.
        assert_eq!(codes(parse_recurrence(start, &[], "", "0", "")), [("count", "session-count")]);
    }
}
