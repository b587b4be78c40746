"""Rule-based VTIMEZONEs, checked by letting icalendar turn them back into a tzinfo."""

from __future__ import annotations

from calendar import monthrange
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest

from sto.syndication.timezones import vtimezone


def _as_tz(name: str, year: int):
    component = icalendar.Timezone.from_ical(vtimezone(name, year).to_ical())
    return component, component.to_tz()


def test_amsterdam_is_one_daylight_and_one_standard_rule_without_rdate():
    component, _ = _as_tz("Europe/Amsterdam", 2024)
    text = component.to_ical().decode()
    assert [c.name for c in component.subcomponents] == ["DAYLIGHT", "STANDARD"]
    assert "RDATE" not in text
    assert "DTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\n" in text
    assert "DTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\n" in text
    assert "TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200" in text and "TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100" in text


@pytest.mark.parametrize("name", ["Europe/Amsterdam", "America/New_York", "Australia/Sydney", "America/Curacao"])
def test_our_rules_agree_with_the_tz_database_every_hour_of_three_years(name):
    _, ours = _as_tz(name, 2025)
    real = ZoneInfo(name)
    for year in (2024, 2025, 2026):
        for month in range(1, 13):
            for day in range(1, monthrange(year, month)[1] + 1):
                for hour in range(0, 24):
                    local = datetime(year, month, day, hour, 30)
                    if local.replace(tzinfo=real) != local.replace(tzinfo=real).astimezone(UTC).astimezone(real):
                        continue  # a wall time the switch skips: no offset is "right"
                    assert local.replace(tzinfo=ours).utcoffset() == local.replace(tzinfo=real).utcoffset(), (name, local)


def test_a_zone_without_dst_is_a_single_standard_part():
    component, tz = _as_tz("America/Curacao", 2024)
    assert [c.name for c in component.subcomponents] == ["STANDARD"]
    assert datetime(2024, 7, 1, 10, tzinfo=tz).astimezone(UTC).hour == 14


@pytest.mark.parametrize(("name", "first", "last"), [("Europe/Amsterdam", 1994, 1997), ("America/Mexico_City", 2021, 2024),
                                                     ("Asia/Almaty", 2023, 2025)])
def test_a_vtimezone_over_years_with_other_rules_agrees_with_the_tz_database_every_hour(name, first, last):
    component = icalendar.Timezone.from_ical(vtimezone(name, first, last).to_ical())
    ours, real = component.to_tz(), ZoneInfo(name)
    assert "RDATE" not in component.to_ical().decode()
    for year in range(first, last + 1):
        for month in range(1, 13):
            for day in range(1, monthrange(year, month)[1] + 1):
                for hour in range(0, 24):
                    local = datetime(year, month, day, hour, 30)
                    if local.replace(tzinfo=real) != local.replace(tzinfo=real).astimezone(UTC).astimezone(real):
                        continue
                    assert local.replace(tzinfo=ours).utcoffset() == local.replace(tzinfo=real).utcoffset(), (name, local)


def test_one_era_is_written_as_before_rules_from_1970_without_until():
    assert vtimezone("Europe/Amsterdam", 2000, 2030).to_ical() == vtimezone("Europe/Amsterdam", 2024).to_ical()
    assert b"UNTIL" not in vtimezone("Europe/Amsterdam", 1996, 2026).to_ical()
