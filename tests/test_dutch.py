from datetime import date, datetime, timedelta

import pytest
from babel.dates import format_date

from sto.content.fieldtypes import MonthOnly
from sto.content.models import Event, NewsItem
from sto.site.dutch import clock_time, day_month_year, event_when, month_year, weekday_date
from sto.site.presentation import date_preposition

BASE = {"id": "33333333-aaaa-4bbb-8ccc-000000000003", "title": "T", "kind": "webinar"}


def test_a_date_known_to_the_month_reads_as_the_month_also_after_its_first_day_was_formatted():
    assert day_month_year(date(2024, 6, 1)) == "1 juni 2024"  # cached; MonthOnly(2024, 6, 1) equals it
    news = NewsItem.model_validate({"id": "11111111-aaaa-4bbb-8ccc-000000000001", "title": "T",
                                    "date": "2024-06", "summary": "S"})
    assert isinstance(news.date, MonthOnly) and news.date == date(2024, 6, 1)
    assert (day_month_year(news.date), news.date.isoformat(), date_preposition(news.date)) == ("juni 2024", "2024-06", "in")
    assert date_preposition(date(2024, 6, 5)) == "op"


def test_dates():
    assert day_month_year(date(2024, 6, 3)) == "3 juni 2024"
    assert weekday_date(date(2024, 6, 19)) == "woensdag 19 juni 2024"
    assert clock_time(datetime(2024, 6, 19, 9, 5)) == "9.05"


def test_dates_read_as_babel_formats_them_in_dutch():
    """dutch.py spells dates from CLDR's names itself; Babel's own formatting is the reference."""
    days = [date(2024, 1, 1) + timedelta(days=n) for n in range(366)]  # every month, weekday and day number
    days += [date(1999, 12, 31), date(2000, 2, 29), date(2031, 7, 4), date(2100, 3, 1)]
    for day in days:
        assert day_month_year(day) == format_date(day, "d MMMM y", locale="nl")
        assert weekday_date(day) == format_date(day, "EEEE d MMMM y", locale="nl")
        assert month_year(day) == format_date(day, "MMMM y", locale="nl")


@pytest.mark.parametrize(("start", "end", "expected"), [
    ("2024-06-19 15:00", "2024-06-19 16:00", "woensdag 19 juni 2024, 15.00–16.00 uur"),
    ("2024-06-19 15:00", None, "woensdag 19 juni 2024, 15.00 uur"),
    ("2024-06-19", None, "woensdag 19 juni 2024"),
    ("2024-10-01", "2024-10-02", "dinsdag 1 oktober 2024 tot en met woensdag 2 oktober 2024"),
    ("2024-10-01 09:30", "2024-10-02 12:00", "dinsdag 1 oktober 2024, 9.30 uur tot woensdag 2 oktober 2024, 12.00 uur"),
])
def test_event_when(start, end, expected):
    event = Event.model_validate({**BASE, "start": start, **({"end": end} if end else {})})
    assert event_when(event) == expected
