//! Sessions as an iCalendar feed (RFC 5545), so members can subscribe in the calendar app
//! they already use. Each session is one VEVENT with its repetition as an RRULE, in the
//! session's own time zone, described by a VTIMEZONE written into the file: readers then
//! keep "Monday 10:00" at 10:00 across clock changes, as the site does.

use chrono::{DateTime, Datelike, Duration, NaiveDateTime, Utc};
use chrono_tz::Tz;

use super::recurrence::Schedule;
use super::zone::{observances, Observance};

/// A session as one calendar entry.
#[derive(Debug, Clone)]
pub struct Event<'a> {
    /// Stable across edits, so an update replaces the entry instead of adding one.
    pub uid: String,
    /// Raised on every change that moves or cancels the session.
    pub sequence: u32,
    pub cancelled: bool,
    pub summary: &'a str,
    pub description: &'a str,
    pub location: Option<&'a str>,
    pub url: Option<&'a str>,
    pub schedule: &'a Schedule,
    /// DTSTAMP: when the entry last changed.
    pub stamp: DateTime<Utc>,
}

/// Content lines longer than this many octets are folded (RFC 5545 §3.1).
const LINE_OCTETS: usize = 75;
/// Open-ended sessions get time-zone rules for this many years after their start's year.
const OPEN_YEARS: i32 = 2;
/// No zone is described for more than this many years: the probing is a day at a time.
const ZONE_YEARS_MAX: i32 = 20;

/// A calendar being written: CRLF line endings and folding are applied here, once.
#[derive(Default)]
struct Lines(String);

impl Lines {
    /// Writes one content line, folded into lines of at most [`LINE_OCTETS`] octets; a fold
    /// never splits a UTF-8 character, and each continuation starts with a space.
    fn line(&mut self, content: &str) {
        let mut used = 0;
        for c in content.chars() {
            if used + c.len_utf8() > LINE_OCTETS {
                self.0.push_str("\r\n ");
                used = 1;
            }
            self.0.push(c);
            used += c.len_utf8();
        }
        self.0.push_str("\r\n");
    }

    fn prop(&mut self, name: &str, value: &str) {
        self.line(&format!("{name}:{value}"));
    }

    fn text(&mut self, name: &str, value: &str) {
        self.prop(name, &escape(value));
    }

    fn local(&mut self, name: &str, tz: Tz, at: NaiveDateTime) {
        self.line(&format!("{name};TZID={}:{}", tz.name(), at.format(LOCAL)));
    }
}

const LOCAL: &str = "%Y%m%dT%H%M%S";

/// A TEXT value: backslash, semicolon and comma escaped, line breaks as `\n`, other control
/// characters dropped (they are not allowed, and a bare CR or LF would start a new property).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.replace("\r\n", "\n").chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' | '\r' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A URI value is not escaped, but must not break the line either.
fn uri(text: &str) -> String {
    text.chars().filter(|c| !c.is_control()).collect()
}

/// A UTC offset as RFC 5545 writes it: `+0100`, `-0330`, seconds only when there are some.
fn utc_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let s = seconds.unsigned_abs();
    let (h, m, rest) = (s / 3600, s / 60 % 60, s % 60);
    if rest == 0 {
        format!("{sign}{h:02}{m:02}")
    } else {
        format!("{sign}{h:02}{m:02}{rest:02}")
    }
}

/// The start as an instant; the wall time read as UTC in the (theoretical) case it has none.
fn first(schedule: &Schedule) -> DateTime<Utc> {
    schedule.first().unwrap_or_else(|| schedule.start.and_utc())
}

/// The last local year a session may take place in, as far as the VTIMEZONE must reach.
fn last_year(schedule: &Schedule) -> i32 {
    let start = schedule.start.year();
    let last = match &schedule.repeat {
        None => start,
        Some(rule) => match (rule.until, rule.count) {
            (Some(until), _) => until.year(),
            (None, Some(_)) => {
                let from = first(schedule);
                let all = schedule.occurrences(from, from + Duration::days(366 * 11));
                all.last().map_or(start, |t| t.with_timezone(&schedule.time_zone).year())
            }
            (None, None) => start.saturating_add(OPEN_YEARS),
        },
    };
    last.clamp(start, start.saturating_add(ZONE_YEARS_MAX))
}

/// Each time zone the events use, once, in order of first use, with the earliest start in
/// it and the last year it must cover.
fn zones(events: &[Event]) -> Vec<(Tz, DateTime<Utc>, i32)> {
    let mut out: Vec<(Tz, DateTime<Utc>, i32)> = Vec::new();
    for event in events {
        let (tz, start, last) = (event.schedule.time_zone, first(event.schedule), last_year(event.schedule));
        match out.iter_mut().find(|(zone, _, _)| *zone == tz) {
            Some((_, earliest, latest)) => {
                *earliest = (*earliest).min(start);
                *latest = (*latest).max(last);
            }
            None => out.push((tz, start, last)),
        }
    }
    for (_, earliest, latest) in &mut out {
        *latest = (*latest).min(earliest.year().saturating_add(ZONE_YEARS_MAX));
    }
    out
}

fn write_zone(out: &mut Lines, tz: Tz, rules: &[Observance]) {
    out.prop("BEGIN", "VTIMEZONE");
    out.prop("TZID", tz.name());
    for rule in rules {
        let kind = if rule.daylight { "DAYLIGHT" } else { "STANDARD" };
        out.prop("BEGIN", kind);
        out.prop("DTSTART", &rule.start.format(LOCAL).to_string());
        out.prop("TZOFFSETFROM", &utc_offset(rule.from));
        out.prop("TZOFFSETTO", &utc_offset(rule.to));
        if let Some(name) = &rule.name {
            out.text("TZNAME", name);
        }
        out.prop("END", kind);
    }
    out.prop("END", "VTIMEZONE");
}

fn write_event(out: &mut Lines, event: &Event) {
    let schedule = event.schedule;
    let tz = schedule.time_zone;
    out.prop("BEGIN", "VEVENT");
    out.text("UID", &event.uid);
    out.prop("DTSTAMP", &event.stamp.format("%Y%m%dT%H%M%SZ").to_string());
    out.local("DTSTART", tz, schedule.start);
    out.prop("DURATION", &format!("PT{}M", schedule.minutes));
    if let Some(rrule) = schedule.rrule() {
        out.prop("RRULE", &rrule);
    }
    if let Some(rule) = schedule.repeat.as_ref().filter(|rule| !rule.except.is_empty()) {
        let mut days = rule.except.clone();
        days.sort_unstable();
        days.dedup();
        let times: Vec<String> =
            days.iter().map(|day| day.and_time(schedule.start.time()).format(LOCAL).to_string()).collect();
        out.line(&format!("EXDATE;TZID={}:{}", tz.name(), times.join(",")));
    }
    out.prop("SEQUENCE", &event.sequence.to_string());
    out.prop("STATUS", if event.cancelled { "CANCELLED" } else { "CONFIRMED" });
    out.text("SUMMARY", event.summary);
    if !event.description.is_empty() {
        out.text("DESCRIPTION", event.description);
    }
    if let Some(location) = event.location.filter(|l| !l.is_empty()) {
        out.text("LOCATION", location);
    }
    if let Some(url) = event.url.filter(|u| !u.is_empty()) {
        out.prop("URL", &uri(url));
    }
    out.prop("END", "VEVENT");
}

/// A whole VCALENDAR: the calendar's name, one VTIMEZONE per time zone the events use, then
/// one VEVENT per event. Lines end in CRLF and are folded at 75 octets; TEXT is escaped.
pub fn calendar(name: &str, events: &[Event]) -> String {
    let mut out = Lines::default();
    out.prop("BEGIN", "VCALENDAR");
    out.prop("PRODID", "-//Foothold//Group sessions//EN");
    out.prop("VERSION", "2.0");
    out.prop("CALSCALE", "GREGORIAN");
    out.prop("METHOD", "PUBLISH");
    out.text("X-WR-CALNAME", name);
    for (tz, earliest, latest) in zones(events) {
        write_zone(&mut out, tz, &observances(tz, earliest, latest));
    }
    for event in events {
        write_event(&mut out, event);
    }
    out.prop("END", "VCALENDAR");
    out.0
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]

    use super::*;
    use crate::group_sessions::Recurrence;
    use chrono::{NaiveDate, Weekday};
    use chrono_tz::Europe::London;

    fn local(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
    }

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn mondays() -> Schedule {
        Schedule {
            start: local("2027-04-05 10:00"),
            minutes: 45,
            time_zone: London,
            repeat: Some(Recurrence {
                weekdays: vec![Weekday::Mon],
                until: Some(date("2027-09-27")),
                count: None,
                except: vec![date("2027-05-31"), date("2027-04-19")],
            }),
        }
    }

    fn event<'a>(summary: &'a str, schedule: &'a Schedule) -> Event<'a> {
        Event {
            uid: "session-7@foothold.example".into(),
            sequence: 2,
            cancelled: false,
            summary,
            description: "Gentle stretching; bring a mat, water.\nNo experience needed.",
            location: Some("Hall 2, Main St"),
            url: Some("https://foothold.example/groups/move/sessions/7"),
            schedule,
            stamp: local("2027-03-01 12:00").and_utc(),
        }
    }

    /// The content lines with folding undone.
    fn unfolded(ics: &str) -> Vec<String> {
        ics.replace("\r\n ", "").split("\r\n").map(str::to_owned).collect()
    }

    #[test]
    fn lines_end_in_crlf_and_nothing_else() {
        let schedule = mondays();
        let ics = calendar("Move gently", &[event("Stretch", &schedule)]);
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\nPRODID:-//Foothold//Group sessions//EN\r\n"));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        assert_eq!(ics.matches('\n').count(), ics.matches("\r\n").count());
        assert_eq!(ics.matches('\r').count(), ics.matches("\r\n").count());
    }

    #[test]
    fn long_text_folds_at_75_octets_without_splitting_characters() {
        let summary: String = "Dehnen für Rücken – 痛みと共に 🙂 ".chars().cycle().take(200).collect();
        let schedule = mondays();
        let ics = calendar("Move gently", &[event(&summary, &schedule)]);
        let physical: Vec<&str> = ics.split("\r\n").collect();
        assert!(physical.iter().all(|line| line.len() <= 75));
        let folded = physical.iter().filter(|line| line.starts_with(' ')).count();
        assert!(folded >= 3, "{folded}");
        let lines = unfolded(&ics);
        assert!(lines.contains(&format!("SUMMARY:{summary}")));
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a,b;c\\d\r\ne\nf\u{7}"), "a\\,b\\;c\\\\d\\ne\\nf");
        let schedule = mondays();
        let lines = unfolded(&calendar("Us, here; now", &[event("Stretch", &schedule)]));
        assert!(lines.contains(&"X-WR-CALNAME:Us\\, here\\; now".to_owned()));
        assert!(lines.contains(
            &"DESCRIPTION:Gentle stretching\\; bring a mat\\, water.\\nNo experience needed.".to_owned()
        ));
        assert!(lines.contains(&"LOCATION:Hall 2\\, Main St".to_owned()));
        assert_eq!(uri("https://x.example/a\r\nEVIL:1"), "https://x.example/aEVIL:1");
    }

    #[test]
    fn an_event_carries_its_times_and_state() {
        let schedule = mondays();
        let mut cancelled = event("Stretch", &schedule);
        cancelled.cancelled = true;
        let lines = unfolded(&calendar("Move gently", &[cancelled]));
        let vevent: Vec<&str> = lines
            .iter()
            .map(String::as_str)
            .skip_while(|l| *l != "BEGIN:VEVENT")
            .take_while(|l| *l != "END:VEVENT")
            .collect();
        assert_eq!(
            vevent,
            [
                "BEGIN:VEVENT",
                "UID:session-7@foothold.example",
                "DTSTAMP:20270301T120000Z",
                "DTSTART;TZID=Europe/London:20270405T100000",
                "DURATION:PT45M",
                "RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20270927T090000Z",
                "EXDATE;TZID=Europe/London:20270419T100000,20270531T100000",
                "SEQUENCE:2",
                "STATUS:CANCELLED",
                "SUMMARY:Stretch",
                "DESCRIPTION:Gentle stretching\\; bring a mat\\, water.\\nNo experience needed.",
                "LOCATION:Hall 2\\, Main St",
                "URL:https://foothold.example/groups/move/sessions/7",
            ]
        );
    }

    #[test]
    fn london_2027_has_one_daylight_and_one_standard_component() {
        let schedule = mondays();
        let lines = unfolded(&calendar("Move gently", &[event("Stretch", &schedule)]));
        let zone: Vec<&str> = lines
            .iter()
            .map(String::as_str)
            .skip_while(|l| *l != "BEGIN:VTIMEZONE")
            .take_while(|l| *l != "END:VTIMEZONE")
            .collect();
        assert_eq!(
            zone,
            [
                "BEGIN:VTIMEZONE",
                "TZID:Europe/London",
                "BEGIN:DAYLIGHT",
                "DTSTART:20270328T010000",
                "TZOFFSETFROM:+0000",
                "TZOFFSETTO:+0100",
                "TZNAME:BST",
                "END:DAYLIGHT",
                "BEGIN:STANDARD",
                "DTSTART:20271031T020000",
                "TZOFFSETFROM:+0100",
                "TZOFFSETTO:+0000",
                "TZNAME:GMT",
                "END:STANDARD",
            ]
        );
    }

    #[test]
    fn each_zone_is_described_once() {
        let london = mondays();
        let tokyo = Schedule {
            start: local("2027-06-01 19:00"),
            minutes: 30,
            time_zone: chrono_tz::Asia::Tokyo,
            repeat: None,
        };
        let ics = calendar("Everywhere", &[event("A", &london), event("B", &tokyo), event("C", &london)]);
        assert_eq!(ics.matches("BEGIN:VTIMEZONE").count(), 2);
        assert_eq!(ics.matches("TZID:Asia/Tokyo\r\n").count(), 1);
        assert!(ics.contains(
            "BEGIN:STANDARD\r\nDTSTART:20270101T000000\r\nTZOFFSETFROM:+0900\r\nTZOFFSETTO:+0900\r\n"
        ));
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), 3);
        assert!(!ics.contains("RRULE:FREQ=WEEKLY\r\n"));
    }

    #[test]
    fn zones_reach_the_last_year_a_session_can_fall_in() {
        let mut s = mondays();
        assert_eq!(last_year(&s), 2027);
        s.repeat = s.repeat.map(|r| Recurrence { until: None, count: Some(100), ..r });
        assert_eq!(last_year(&s), 2029); // 100 Mondays from April 2027 end in March 2029
        s.repeat = s.repeat.map(|r| Recurrence { count: None, ..r });
        assert_eq!(last_year(&s), 2029);
        s.repeat = s.repeat.map(|r| Recurrence { until: Some(date("2999-01-01")), ..r });
        assert_eq!(last_year(&s), 2047);
    }

    #[test]
    fn offsets_are_written_as_rfc_5545_wants() {
        assert_eq!(utc_offset(0), "+0000");
        assert_eq!(utc_offset(-12_600), "-0330");
        assert_eq!(utc_offset(20_700), "+0545");
        assert_eq!(utc_offset(-3_661), "-010101");
    }
}
