"""Links that put our calendars and events into calendar apps: subscribe and "add to calendar".

Plain links to the apps' own pages, which the visitor clicks; nothing is loaded from those
hosts. Times go to Google and Outlook in UTC (with a Z), so no app has to guess the zone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, timedelta
from urllib.parse import quote, urlencode

from sto.site.build import Build
from sto.syndication.calendars import (Calendar, description, event_calendar_path, location, subscription_calendars,
                                       summary)
from sto.content.items import Item
from sto.content.models import Event


def webcal(https_url: str) -> str:
    return "webcal://" + https_url.split("://", 1)[1]


def google_subscribe(https_url: str) -> str:
    return "https://calendar.google.com/calendar/render?" + urlencode({"cid": webcal(https_url)}, quote_via=quote)


def outlook_subscribe(https_url: str, name: str, host: str = "outlook.live.com") -> str:
    query = urlencode({"url": https_url, "name": name}, quote_via=quote)
    return f"https://{host}/calendar/0/addfromweb?{query}"


@dataclass(frozen=True)
class Subscription:
    """One calendar as the "Agenda volgen" page offers it."""

    name: str
    description: str
    https: str
    webcal: str
    google: str
    outlook: str  # Outlook.com (personal accounts)
    outlook_work: str  # Outlook on the web for school and work accounts (Microsoft 365)
    count: int
    group: str  # "agenda", "soort" or "regio"
    label: str  # short name within its group
    key: str  # unique, for ids on the page


def subscription(calendar: Calendar, build: Build) -> Subscription:
    https = build.absolute(calendar.path)
    return Subscription(calendar.name, calendar.description, https, webcal(https), google_subscribe(https),
                        outlook_subscribe(https, calendar.name),
                        outlook_subscribe(https, calendar.name, "outlook.office.com"), len(calendar.items),
                        calendar.group, calendar.label, calendar.key)


def subscriptions(build: Build) -> list[Subscription]:
    return [subscription(c, build) for c in subscription_calendars(build)]


@dataclass(frozen=True)
class EventLinks:
    """The "Zet in uw agenda" links of one event page."""

    ics: str
    ics_path: str  # site-relative, for links on our own pages
    google: str
    outlook: str
    outlook_work: str


def _google_dates(item: Item[Event]) -> str:
    event = item.data
    if event.all_day:
        return f"{event.start:%Y%m%d}/{event.last_day + timedelta(days=1):%Y%m%d}"
    start, end = event.starts_at.astimezone(UTC), event.ends_at.astimezone(UTC)
    return f"{start:%Y%m%dT%H%M%SZ}/{end:%Y%m%dT%H%M%SZ}"


def google_event(item: Item[Event], build: Build) -> str:
    event = item.data
    query = {"action": "TEMPLATE", "text": summary(event), "dates": _google_dates(item),
             "details": description(item, build), "ctz": event.timezone}
    if place := location(event):
        query["location"] = place
    return "https://calendar.google.com/calendar/render?" + urlencode(query, quote_via=quote)


def outlook_event(item: Item[Event], build: Build, host: str = "outlook.live.com") -> str:
    event = item.data
    query = {"path": "/calendar/action/compose", "rru": "addevent", "subject": summary(event)}
    if event.all_day:
        query |= {"allday": "true", "startdt": event.start.isoformat(),
                  "enddt": (event.last_day + timedelta(days=1)).isoformat()}
    else:
        query |= {"startdt": event.starts_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                  "enddt": event.ends_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")}
    query["body"] = description(item, build)
    if place := location(event):
        query["location"] = place
    return f"https://{host}/calendar/0/deeplink/compose?" + urlencode(query, quote_via=quote)


def event_links(item: Item[Event], build: Build) -> EventLinks:
    return EventLinks(build.absolute(event_calendar_path(item)), event_calendar_path(item), google_event(item, build),
                      outlook_event(item, build), outlook_event(item, build, "outlook.office.com"))
