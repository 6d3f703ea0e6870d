//! The observances a VTIMEZONE lists. chrono-tz has no API for a zone's transitions, so they
//! are found by probing: the UTC offset is read once a day, and a day on which it changed is
//! narrowed down to the minute. Each change becomes its own dated STANDARD or DAYLIGHT
//! component rather than a yearly RRULE: every calendar reader understands that, and it stays
//! right when a country changes its rules.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone, Utc};
use chrono_tz::{OffsetComponents, OffsetName, Tz};

/// One STANDARD or DAYLIGHT component: from `start`, a local wall time read with the offset
/// before the change (as RFC 5545 wants), the zone is `to` seconds ahead of UTC, not `from`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Observance {
    pub daylight: bool,
    pub start: NaiveDateTime,
    pub from: i32,
    pub to: i32,
    /// The abbreviation, e.g. BST; some zones have none.
    pub name: Option<String>,
}

fn offset(tz: Tz, at: DateTime<Utc>) -> i32 {
    tz.offset_from_utc_datetime(&at.naive_utc()).fix().local_minus_utc()
}

/// The instants in [from, to) at which the offset changes. Assumes at most one change a day,
/// which holds for every zone in use.
fn changes(tz: Tz, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<DateTime<Utc>> {
    let mut out = Vec::new();
    let mut day = from;
    let mut before = offset(tz, day);
    while day < to {
        let next = day + Duration::days(1);
        let after = offset(tz, next);
        if after != before {
            // The offset is `before` at `lo` minutes into the day and not at `hi`.
            let (mut lo, mut hi) = (0_i64, 24 * 60);
            while hi - lo > 1 {
                let mid = (lo + hi) / 2;
                if offset(tz, day + Duration::minutes(mid)) == before {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            let at = day + Duration::minutes(hi);
            if at < to {
                out.push(at);
            }
        }
        before = after;
        day = next;
    }
    out
}

fn observance(tz: Tz, at: DateTime<Utc>) -> Observance {
    let from = offset(tz, at - Duration::minutes(1));
    let after = tz.offset_from_utc_datetime(&at.naive_utc());
    Observance {
        daylight: !after.dst_offset().is_zero(),
        start: at.naive_utc() + Duration::seconds(from.into()),
        from,
        to: after.fix().local_minus_utc(),
        name: after.abbreviation().map(str::to_owned),
    }
}

fn new_year(year: i32) -> Option<DateTime<Utc>> {
    Some(NaiveDate::from_ymd_opt(year, 1, 1)?.and_time(NaiveTime::MIN).and_utc())
}

/// The observances of `tz` from the one in force at `first` (the earliest session start in
/// the zone) to the end of `last_year`. A zone whose offset did not change in the year before
/// and does not change in the span gets a single STANDARD (or DAYLIGHT) component dated the
/// first day of the span, with equal offsets.
pub(super) fn observances(tz: Tz, first: DateTime<Utc>, last_year: i32) -> Vec<Observance> {
    let (Some(span_start), Some(span_end)) = (new_year(first.year()), new_year(last_year.saturating_add(1)))
    else {
        return Vec::new();
    };
    let mut at = changes(tz, span_start, span_end);
    if at.first().is_none_or(|change| *change > first) {
        // The first session falls under an observance that began before the span.
        match changes(tz, span_start - Duration::days(400), span_start).last() {
            Some(change) => at.insert(0, *change),
            None => {
                let held = tz.offset_from_utc_datetime(&span_start.naive_utc());
                let seconds = held.fix().local_minus_utc();
                let constant = Observance {
                    daylight: !held.dst_offset().is_zero(),
                    start: span_start.naive_utc(),
                    from: seconds,
                    to: seconds,
                    name: held.abbreviation().map(str::to_owned),
                };
                return std::iter::once(constant).chain(at.into_iter().map(|c| observance(tz, c))).collect();
            }
        }
    }
    at.into_iter().map(|c| observance(tz, c)).collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]

    use super::*;

    fn utc(text: &str) -> DateTime<Utc> {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap().and_utc()
    }

    fn local(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn london_2027_has_one_change_each_way() {
        let got = observances(chrono_tz::Europe::London, utc("2027-04-05 09:00"), 2027);
        assert_eq!(
            got,
            [
                Observance {
                    daylight: true,
                    start: local("2027-03-28 01:00"),
                    from: 0,
                    to: 3600,
                    name: Some("BST".into())
                },
                Observance {
                    daylight: false,
                    start: local("2027-10-31 02:00"),
                    from: 3600,
                    to: 0,
                    name: Some("GMT".into())
                },
            ]
        );
    }

    #[test]
    fn a_january_start_includes_the_previous_autumn() {
        let got = observances(chrono_tz::Europe::London, utc("2027-01-11 10:00"), 2027);
        assert_eq!(got.len(), 3);
        assert_eq!(got[0].start, local("2026-10-25 02:00"));
        assert!(!got[0].daylight);
    }

    #[test]
    fn a_southern_zone_starts_daylight_time_in_spring() {
        // Sydney: clocks go back on 4 April 2027 (03:00 AEDT) and forward on 3 October (02:00 AEST).
        let got = observances(chrono_tz::Australia::Sydney, utc("2027-02-01 00:00"), 2027);
        let summary: Vec<(bool, NaiveDateTime, i32, i32)> =
            got.iter().map(|o| (o.daylight, o.start, o.from, o.to)).collect();
        assert_eq!(
            summary,
            [
                (true, local("2026-10-04 02:00"), 36_000, 39_600),
                (false, local("2027-04-04 03:00"), 39_600, 36_000),
                (true, local("2027-10-03 02:00"), 36_000, 39_600),
            ]
        );
    }

    #[test]
    fn a_zone_without_changes_has_one_standard_component() {
        let got = observances(chrono_tz::Asia::Tokyo, utc("2027-06-01 00:00"), 2029);
        assert_eq!(
            got,
            [Observance {
                daylight: false,
                start: local("2027-01-01 00:00"),
                from: 32_400,
                to: 32_400,
                name: Some("JST".into())
            }]
        );
        assert_eq!(observances(chrono_tz::UTC, utc("2027-06-01 00:00"), 2027).len(), 1);
    }
}
