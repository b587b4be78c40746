"""Dates and times as Dutch readers expect them: "woensdag 19 juni 2024, 15.00–16.00 uur".

Babel supplies the month and weekday names (CLDR data, so no hand-kept tables); the time
style "15.00 uur" is the Dutch house style (Taalunie), not CLDR's "15:00".
"""

from __future__ import annotations

from datetime import date, datetime
from functools import cache

from babel.dates import format_date

from sto.content.fieldtypes import MonthOnly
from sto.content.models import Event


def day_month_year(value: date) -> str:
    """3 juni 2024; "juni 2024" for a date known only to its month (MonthOnly)."""
    if isinstance(value, MonthOnly):
        return _month_year(value.year, value.month)
    return _day_month_year(value)


@cache  # Babel's formatter costs ~30 µs a call; listings ask for the same dates again and again
def _day_month_year(value: date) -> str:
    return format_date(value, "d MMMM y", locale="nl")


def month_year(value: date) -> str:
    """juni 2024"""
    return _month_year(value.year, value.month)


@cache  # by year and month: a MonthOnly equals (and hashes as) the plain date of its 1st
def _month_year(year: int, month: int) -> str:
    return format_date(date(year, month, 1), "MMMM y", locale="nl")


@cache
def weekday_date(value: date) -> str:
    """woensdag 19 juni 2024"""
    return format_date(value, "EEEE d MMMM y", locale="nl")


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
