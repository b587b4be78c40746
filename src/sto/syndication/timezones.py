"""Rule-based VTIMEZONE components: one STANDARD and (when the zone has DST) one DAYLIGHT part
per era of years with the same rules.

icalendar can generate a VTIMEZONE from a tzinfo, but writes every transition as an RDATE
list, which Outlook misreads. Calendar apps expect the short, rule-based form, as Outlook and
Google write it themselves. The rules are read from the zone's transitions in each year the
calendar's events fall in (zoneinfo/tzdata), so they are never typed by hand.
"""

from __future__ import annotations

from typing import Any
from functools import cache
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

from sto.zones import Transition, transitions

# The DTSTART of the first era's rules. 1970 is what Outlook and Google write; later eras start
# at their first change.
RULE_START_YEAR = 1970
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def _yearly_rule(when: datetime) -> dict[str, Any]:
    """RRULE for "the n-th (or last) weekday of this month", as every DST rule in use is written."""
    days_in_month = ((when.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)).day
    nth = -1 if when.day + 7 > days_in_month else (when.day - 1) // 7 + 1
    return {"FREQ": "YEARLY", "BYMONTH": when.month, "BYDAY": f"{nth}{WEEKDAYS[when.weekday()]}"}


def _first_onset(rule: dict[str, Any], at: datetime) -> datetime:
    """The rule's date in RULE_START_YEAR, at the transition's wall-clock time."""
    month, byday = rule["BYMONTH"], rule["BYDAY"]
    nth, weekday = int(byday[:-2]), WEEKDAYS.index(byday[-2:])
    first = date(RULE_START_YEAR, month, 1)
    days = [first + timedelta(days=i) for i in range(31) if (first + timedelta(days=i)).month == month]
    matching = [d for d in days if d.weekday() == weekday]
    chosen = matching[nth - 1] if nth > 0 else matching[nth]
    return datetime.combine(chosen, at.time())


@cache  # read-only once built; every calendar of a build shares it
def vtimezone(name: str, first_year: int, last_year: int | None = None) -> Timezone:
    """The VTIMEZONE for zone ``name`` that holds for every year from ``first_year`` to
    ``last_year`` (default: that one year). Years with the same rules are one era: its DAYLIGHT
    and STANDARD parts recur yearly (UNTIL its last change, unless it is the last era), so a
    calendar with events in a year whose rules differed from the latest year's (Amsterdam before
    1996, a zone that dropped daylight saving time) still places each at its own offset. One era,
    the usual case, is what Outlook and Google write: rules from 1970 on."""
    zone = ZoneInfo(name)
    tz = Timezone()
    tz.add("tzid", name)
    eras = _eras(name, first_year, last_year if last_year is not None else first_year)
    for index, (kind, years) in enumerate(eras):
        first, last = years[0], years[-1]
        changes = _changes(name, first)
        if kind == "fixed":
            if index == 0:  # later on, the last change of the era before holds
                moment = datetime(first, 1, 1, tzinfo=zone)
                tz.add_component(_part(False, datetime(RULE_START_YEAR, 1, 1), moment.utcoffset(), moment.utcoffset(),
                                       moment.tzname() or name))
        elif kind == "yearly":
            ending = None if index == len(eras) - 1 else _changes(name, last)
            for n, change in enumerate(changes):
                rule = _yearly_rule(change.local_before)
                onset = _first_onset(rule, change.local_before) if index == 0 else change.local_before
                if ending is not None:  # RFC 5545: UNTIL in UTC, the era's last change
                    rule = {**rule, "UNTIL": (ending[n].local_before - ending[n].offset_from).replace(tzinfo=UTC)}
                tz.add_component(_part(change.dst, onset, change.offset_from, change.offset_to, change.name, rule))
        else:  # a year with other changes than one pair: each change once
            if index == 0:
                moment = datetime(first, 1, 1, tzinfo=zone)
                tz.add_component(_part(False, datetime(RULE_START_YEAR, 1, 1), changes[0].offset_from,
                                       changes[0].offset_from, moment.tzname() or name))
            for change in changes:
                tz.add_component(_part(change.dst, change.local_before, change.offset_from, change.offset_to,
                                       change.name))
    return tz


def _part(dst: bool, onset: datetime, offset_from: timedelta | None, offset_to: timedelta | None, name: str,
          rule: dict[str, Any] | None = None) -> TimezoneDaylight | TimezoneStandard:
    part = TimezoneDaylight() if dst else TimezoneStandard()
    part.add("dtstart", onset)
    if rule is not None:
        part.add("rrule", rule)
    part.add("tzoffsetfrom", offset_from)
    part.add("tzoffsetto", offset_to)
    part.add("tzname", name)
    return part


@cache
def _changes(name: str, year: int) -> list[Transition]:
    """The zone's changes in ``year``, DAYLIGHT first."""
    return sorted(transitions(ZoneInfo(name), year), key=lambda change: not change.dst)


def _rules_of(name: str, year: int) -> tuple[Any, ...]:
    """What a year's changes have in common with another year's when both follow the same rules."""
    changes = _changes(name, year)
    if not changes:
        moment = datetime(year, 1, 1, tzinfo=ZoneInfo(name))
        return ("fixed", moment.utcoffset(), moment.tzname())
    if len(changes) == 2:
        return ("yearly", *[(tuple(_yearly_rule(c.local_before).values()), c.local_before.time(), c.offset_from,
                             c.offset_to, c.name, c.dst) for c in changes])
    return ("irregular", year)


def _eras(name: str, first_year: int, last_year: int) -> list[tuple[str, list[int]]]:
    """The years from first to last, grouped into runs with the same rules: (kind, years)."""
    eras: list[tuple[tuple[Any, ...], list[int]]] = []
    for year in range(first_year, last_year + 1):
        rules = _rules_of(name, year)
        if eras and eras[-1][0] == rules:
            eras[-1][1].append(year)
        else:
            eras.append((rules, [year]))
    return [(str(rules[0]), years) for rules, years in eras]
