"""Dates and times as Dutch readers expect them: "woensdag 19 juni 2024, 15.00–16.00 uur".

Babel supplies the month and weekday names (CLDR data, so no hand-kept tables); the time
style "15.00 uur" is the Dutch house style (Taalunie), not CLDR's "15:00".
"""

from __future__ import annotations

from datetime import date, datetime

from babel.dates import get_day_names, get_month_names

from sto.content.fieldtypes import MonthOnly
from sto.content.models import Event

# CLDR's Dutch names, read from Babel once: formatting each date with Babel's format_date (its
# pattern parsed and applied per call, ~40 µs) was most of what the dates cost a build.
# tests/test_dutch.py holds these to format_date's "d MMMM y", "MMMM y" and "EEEE d MMMM y".
_MONTHS = get_month_names("wide", context="format", locale="nl")  # 1 -> "januari"
_WEEKDAYS = get_day_names("wide", context="format", locale="nl")  # 0 (Monday) -> "maandag"


def day_month_year(value: date) -> str:
    """3 juni 2024; "juni 2024" for a date known only to its month (MonthOnly)."""
    if isinstance(value, MonthOnly):
        return month_year(value)
    return f"{value.day} {_MONTHS[value.month]} {value.year}"


def month_year(value: date) -> str:
    """juni 2024"""
    return f"{_MONTHS[value.month]} {value.year}"


def weekday_date(value: date) -> str:
    """woensdag 19 juni 2024"""
    return f"{_WEEKDAYS[value.weekday()]} {value.day} {_MONTHS[value.month]} {value.year}"


def clock_time(value: datetime) -> str:
    """15.00, and 9.30 without a leading zero"""
    return f"{value.hour}.{value.minute:02d}"


def event_when(event: Event) -> str:
    """When an event takes place, in its own time zone, in one Dutch phrase."""
    start, end = event.start, event.end
    if not isinstance(start, datetime):  # all day
        last = end or start
        if start == last:
            return weekday_date(start)
        return f"{weekday_date(start)} tot en met {weekday_date(last)}"
    if not isinstance(end, datetime):  # no end (the model gives a timed start a timed end)
        return f"{weekday_date(start)}, {clock_time(start)} uur"
    if end.date() == start.date():
        return f"{weekday_date(start)}, {clock_time(start)}–{clock_time(end)} uur"
    return f"{weekday_date(start)}, {clock_time(start)} uur tot {weekday_date(end)}, {clock_time(end)} uur"
