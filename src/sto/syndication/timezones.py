"""Rule-based VTIMEZONE components: one STANDARD and (when the zone has DST) one DAYLIGHT part.

icalendar can generate a VTIMEZONE from a tzinfo, but writes every transition as an RDATE
list, which Outlook misreads. Calendar apps expect the short, rule-based form, as Outlook and
Google write it themselves. The rules are read from the zone's transitions in a reference
year (zoneinfo/tzdata), so they are never typed by hand.
"""

from __future__ import annotations

from typing import Any
from functools import cache
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

from sto.zones import transitions

# The DTSTART of each rule. 1970 is what Outlook and Google write; the rules found in the
# reference year are assumed to hold for every event we publish (true for the EU since 1996).
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
def vtimezone(name: str, reference_year: int) -> Timezone:
    """The VTIMEZONE for zone ``name`` with rules as they are in ``reference_year``."""
    zone = ZoneInfo(name)
    tz = Timezone()
    tz.add("tzid", name)
    changes = transitions(zone, reference_year)
    if not changes:
        moment = datetime(reference_year, 1, 1, tzinfo=zone)
        standard = TimezoneStandard()
        standard.add("dtstart", datetime(RULE_START_YEAR, 1, 1))
        standard.add("tzoffsetfrom", moment.utcoffset())
        standard.add("tzoffsetto", moment.utcoffset())
        standard.add("tzname", moment.tzname())
        tz.add_component(standard)
        return tz
    if len(changes) != 2:
        raise ValueError(f"{name}: {len(changes)} transitions in {reference_year}; only yearly DST rules are supported")
    for change in sorted(changes, key=lambda c: not c.dst):  # DAYLIGHT first, then STANDARD
        part = TimezoneDaylight() if change.dst else TimezoneStandard()
        rule = _yearly_rule(change.local_before)
        part.add("dtstart", _first_onset(rule, change.local_before))
        part.add("rrule", rule)
        part.add("tzoffsetfrom", change.offset_from)
        part.add("tzoffsetto", change.offset_to)
        part.add("tzname", change.name)
        tz.add_component(part)
    return tz
