#!/usr/bin/env python3
"""Checks an iCalendar file (e.g. a group's session feed) with an independent reader.

Usage: check-ics.py FILE.ics   (needs: pip install icalendar; python-dateutil comes with it)

Parses FILE with the `icalendar` package and fails loudly (exit 1, message on stderr) if it
cannot, if a physical line is not CRLF-terminated or is longer than 75 octets, if a VEVENT
lacks UID, DTSTAMP or DTSTART, or if a TZID is used that no VTIMEZONE in the file defines.

Prints JSON: one object per VEVENT with uid, summary, status, sequence and `occurrences`, the
first 60 starts as UTC 'YYYY-MM-DDTHH:MM:SSZ'. They are expanded by dateutil's rrulestr from
RRULE and DTSTART as icalendar localises it (zoneinfo for a known TZID; a local time skipped
by a clock change takes the offset before the gap, as RFC 5545 says), minus EXDATEs. Each
unambiguous occurrence is also read with the file's own VTIMEZONE; where that gives another
offset the time is listed under `vtimezone_disagrees` and the exit status is 1.
"""

import datetime as dt
import json
import sys

import icalendar
from dateutil.rrule import rrulestr

LIMIT = 60
UTC = dt.timezone.utc


def fail(message):
    sys.exit(f"check-ics: {message}")


def utc(value):
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def check_lines(raw):
    lines = raw.split(b"\r\n")
    if lines[-1] != b"":
        fail("the file does not end in CRLF")
    for number, line in enumerate(lines[:-1], 1):
        if b"\n" in line or b"\r" in line:
            fail(f"line {number} has a bare CR or LF")
        if len(line) > 75:
            fail(f"line {number} is {len(line)} octets long (at most 75)")


def used_tzids(event):
    for value in event.values():
        for item in value if isinstance(value, list) else [value]:
            tzid = getattr(item, "params", {}).get("TZID")
            if tzid:
                yield str(tzid)


def exdates(event):
    value = event.get("EXDATE", [])
    out = set()
    for group in value if isinstance(value, list) else [value]:
        out.update(utc(d.dt) for d in group.dts)
    return out


def occurrences(event):
    start = event.decoded("DTSTART")
    if "RRULE" not in event:
        starts = [start]
    else:
        rule = rrulestr(event["RRULE"].to_ical().decode(), dtstart=start)
        starts = (s for s, _ in zip(rule, range(10 * LIMIT)))
    excluded = exdates(event)
    kept = [s for s in starts if utc(s) not in excluded]
    return kept[:LIMIT]


def disagreements(starts, vtimezone):
    """Times the file's VTIMEZONE places at another UTC offset than zoneinfo does."""
    if vtimezone is None:
        return []
    own = vtimezone.to_tz(lookup_tzid=False)
    out = []
    for start in starts:
        if start.replace(fold=0).utcoffset() != start.replace(fold=1).utcoffset():
            continue  # skipped or repeated local time: readers differ, RFC 5545 decides
        if start.replace(tzinfo=own).utcoffset() != start.utcoffset():
            out.append(utc(start))
    return out


def main():
    if len(sys.argv) != 2:
        fail("usage: check-ics.py FILE.ics")
    with open(sys.argv[1], "rb") as f:
        raw = f.read()
    check_lines(raw)
    try:
        calendar = icalendar.Calendar.from_ical(raw)
    except Exception as e:  # noqa: BLE001 - any parse failure is fatal
        fail(f"cannot parse: {e}")
    for component in calendar.walk():
        if component.errors:
            fail(f"{component.name}: {component.errors}")
    zones = {str(z["TZID"]): z for z in calendar.walk("VTIMEZONE")}
    report, bad = [], False
    for event in calendar.walk("VEVENT"):
        uid = str(event.get("UID", "?"))
        for name in ("UID", "DTSTAMP", "DTSTART"):
            if name not in event:
                fail(f"event {uid} has no {name}")
        for tzid in used_tzids(event):
            if tzid not in zones:
                fail(f"event {uid} uses TZID {tzid}, which no VTIMEZONE defines")
        starts = occurrences(event)
        tzid = event["DTSTART"].params.get("TZID")
        wrong = disagreements(starts, zones.get(str(tzid)) if tzid else None)
        bad = bad or bool(wrong)
        entry = {
            "uid": uid,
            "summary": str(event.get("SUMMARY", "")),
            "status": str(event.get("STATUS", "")),
            "sequence": int(event.get("SEQUENCE", 0)),
            "occurrences": [utc(s) for s in starts],
        }
        if wrong:
            entry["vtimezone_disagrees"] = wrong
        report.append(entry)
    json.dump(report, sys.stdout, ensure_ascii=False, indent=1)
    print()
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
