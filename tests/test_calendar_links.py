"""Subscribe links and "add to calendar" links, taken apart again with urllib."""

from __future__ import annotations

from datetime import datetime
from urllib.parse import parse_qs, urlsplit

import pytest

from sto.syndication.calendar_links import event_links, google_subscribe, outlook_subscribe, subscriptions, webcal

from .factories import event
from .syndication_helpers import AMSTERDAM, SITE_URL, make_build

AGENDA = f"{SITE_URL}agenda/agenda.ics"


def _query(url: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(url).query, strict_parsing=True).items()}


def test_subscribe_links_for_google_outlook_and_apple():
    assert webcal(AGENDA) == "webcal://www.sterktechniekonderwijs.nl/agenda/agenda.ics"
    google = google_subscribe(AGENDA)
    assert google.startswith("https://calendar.google.com/calendar/render?cid=webcal%3A%2F%2F")
    assert _query(google) == {"cid": "webcal://www.sterktechniekonderwijs.nl/agenda/agenda.ics"}
    outlook = outlook_subscribe(AGENDA, "STO-agenda: regio Gorinchem & Altena")
    assert outlook.startswith("https://outlook.live.com/calendar/0/addfromweb?")
    assert _query(outlook) == {"url": AGENDA, "name": "STO-agenda: regio Gorinchem & Altena"}


def test_every_subscription_calendar_is_offered(tree):
    build = make_build(tree, {"agenda/a.md": event(1, "2024-07-01 10:00")})
    offered = subscriptions(build)
    assert [s.https for s in offered][:2] == [AGENDA, f"{SITE_URL}agenda/soort/webinar.ics"]
    assert offered[0].webcal == webcal(AGENDA) and offered[0].count == 1
    assert urlsplit(offered[0].outlook_work).hostname == "outlook.office.com"


@pytest.fixture
def build(tree):
    return make_build(tree, {
        "agenda/zomer.md": event(1, "2024-06-19 15:00", extra="end: 2024-06-19 16:30\nlocation: Gorinchem\n"),
        "agenda/winter.md": event(2, "2024-12-04 15:00"),
        "agenda/dagen.md": event(3, "2024-09-10", extra="end: 2024-09-12\n"),
        "agenda/curacao.md": event(4, "2024-11-05 10:00", extra="timezone: America/Curacao\n"),
    }, now=datetime(2024, 6, 1, tzinfo=AMSTERDAM))


def _links(build, slug):
    return event_links(next(i for i in build.content.events if i.slug == slug), build)


def test_google_and_outlook_get_the_times_in_utc(build):
    summer, winter = _links(build, "zomer"), _links(build, "winter")
    assert _query(summer.google)["dates"] == "20240619T130000Z/20240619T143000Z"  # CEST: UTC+2
    assert _query(winter.google)["dates"] == "20241204T140000Z/20241204T140000Z"  # CET: UTC+1, no end: zero length
    assert _query(summer.google)["action"] == "TEMPLATE"
    assert _query(summer.google)["location"] == "Gorinchem"
    assert f"Meer informatie: {SITE_URL}agenda/zomer/" in _query(summer.google)["details"].split("\n")
    outlook = _query(summer.outlook)
    assert (outlook["startdt"], outlook["enddt"]) == ("2024-06-19T13:00:00Z", "2024-06-19T14:30:00Z")
    assert outlook["subject"] == "Evenement 1" and outlook["rru"] == "addevent"
    assert urlsplit(summer.outlook).path == "/calendar/0/deeplink/compose"
    assert _query(_links(build, "curacao").google)["dates"].startswith("20241105T140000Z")


def test_all_day_events_are_dates_with_an_exclusive_end(build):
    days = _links(build, "dagen")
    assert _query(days.google)["dates"] == "20240910/20240913"
    outlook = _query(days.outlook)
    assert (outlook["allday"], outlook["startdt"], outlook["enddt"]) == ("true", "2024-09-10", "2024-09-13")
    assert days.ics == f"{SITE_URL}agenda/dagen/dagen.ics" and days.ics_path == "agenda/dagen/dagen.ics"
