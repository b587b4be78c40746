"""A time zone's offset changes in a year, read from the tz database (zoneinfo/tzdata).

Shared by the content model (a zone is only accepted when the calendar writer can describe it)
and the calendar writer (``sto.syndication.timezones`` turns the changes into VTIMEZONE rules).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache
from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class Transition:
    local_before: datetime  # naive wall-clock time just when the change happens, in the old offset
    offset_from: timedelta
    offset_to: timedelta
    name: str
    dst: bool


def transitions(zone: ZoneInfo, year: int) -> list[Transition]:
    """The zone's offset changes in ``year``, found by day then by minute (a few hundred lookups)."""
    found = []
    start = datetime(year, 1, 1, tzinfo=zone).astimezone(UTC)
    day = timedelta(days=1)
    moment = start
    while moment.year <= year and moment < start + timedelta(days=366):
        after = moment + day
        if moment.astimezone(zone).utcoffset() != after.astimezone(zone).utcoffset():
            low, high = int(moment.timestamp()), int(after.timestamp())  # whole seconds: exact
            while high - low > 1:
                middle = (low + high) // 2
                if _at(middle, zone).utcoffset() == _at(low, zone).utcoffset():
                    low = middle
                else:
                    high = middle
            old, new = _at(low, zone), _at(high, zone)
            before, after_offset = _offset(old), _offset(new)
            wall = new.astimezone(UTC).replace(tzinfo=None) + before
            found.append(Transition(wall, before, after_offset, new.tzname() or zone.key, bool(new.dst())))
        moment = after
    return found



def _at(timestamp: int, zone: ZoneInfo) -> datetime:
    return datetime.fromtimestamp(timestamp, UTC).astimezone(zone)


def _offset(moment: datetime) -> timedelta:
    """An aware moment's UTC offset (zoneinfo always knows it)."""
    offset = moment.utcoffset()
    assert offset is not None
    return offset


@cache
def has_yearly_rules(name: str, year: int) -> bool:
    """Whether ``vtimezone`` can write this zone for ``year``: no change, or one DST pair a year."""
    return len(transitions(ZoneInfo(name), year)) in (0, 2)
