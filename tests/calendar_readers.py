"""Three independent readings of an .ics file, for tests: icalendar, vobject and recurring-ical-events."""

from __future__ import annotations

from datetime import UTC, date, datetime

import icalendar
import recurring_ical_events
import vobject


def _utc(value):
    return value.astimezone(UTC).replace(tzinfo=None) if isinstance(value, datetime) else value


def with_icalendar(data: bytes) -> dict[str, dict]:
    """UID -> the properties we check, as icalendar reads them (UTC-naive datetimes, dates as dates)."""
    calendar = icalendar.Calendar.from_ical(data)
    found = {}
    for event in calendar.walk("VEVENT"):
        end = event.get("DTEND")
        found[str(event["UID"])] = {
            "start": _utc(event["DTSTART"].dt), "end": _utc(end.dt) if end else None,
            "local_start": event["DTSTART"].dt, "summary": str(event["SUMMARY"]),
            "description": str(event.get("DESCRIPTION", "")), "status": str(event.get("STATUS", "")),
            "sequence": int(event.get("SEQUENCE", 0)), "dtstamp": _utc(event["DTSTAMP"].dt),
            "location": str(event.get("LOCATION", "")) or None,
            "categories": [str(c) for cats in _list(event.get("CATEGORIES")) for c in cats.cats],
        }
    return found


def _list(value):
    return [] if value is None else value if isinstance(value, list) else [value]


def forget_vobject_zones() -> None:
    """vobject keeps the first VTIMEZONE it read for each TZID for the rest of the process (its
    module-level registry), so a later file's own zone would go unread: start afresh."""
    registry = vars(vobject.icalendar)["__tzidMap"]
    utc = registry.get("UTC")
    registry.clear()
    registry["UTC"] = utc


def read_with_vobject(data: bytes):
    """The calendar as vobject reads it, with the time zones of this file's own VTIMEZONEs."""
    forget_vobject_zones()
    return vobject.readOne(data.decode("utf-8"))


def with_vobject(data: bytes) -> dict[str, dict]:
    """UID -> start/end/summary/status/sequence as vobject reads them; it builds its time zones from
    our VTIMEZONE (not from the tz database), so this also checks our DST rules."""
    calendar = read_with_vobject(data)
    found = {}
    for event in getattr(calendar, "vevent_list", []):
        start = event.dtstart.value
        end = event.dtend.value if hasattr(event, "dtend") else None
        found[event.uid.value] = {
            "start": _utc(start), "end": _utc(end) if end is not None else None, "local_start": start,
            "summary": event.summary.value, "status": event.status.value if hasattr(event, "status") else "",
            "sequence": int(event.sequence.value) if hasattr(event, "sequence") else 0,
            "description": event.description.value if hasattr(event, "description") else "",
            "dtstamp": _utc(event.dtstamp.value),
        }
    return found


def with_recurring(data: bytes, first: date = date(2000, 1, 1), last: date = date(2100, 1, 1)) -> dict[str, dict]:
    """UID -> start/end as recurring-ical-events places the occurrences in [first, last)."""
    calendar = icalendar.Calendar.from_ical(data)
    found = {}
    for event in recurring_ical_events.of(calendar).between(first, last):
        found[str(event["UID"])] = {"start": _utc(event["DTSTART"].dt), "end": _utc(event["DTEND"].dt)
                                    if "DTEND" in event else None, "local_start": event["DTSTART"].dt}
    return found


def content_lines(data: bytes) -> list[bytes]:
    assert data.endswith(b"\r\n")
    lines = data.split(b"\r\n")[:-1]
    assert all(b"\n" not in line and b"\r" not in line for line in lines), "line ends must be CRLF"
    return lines
