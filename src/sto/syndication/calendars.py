"""The agenda as iCalendar files that Google Calendar, Outlook and Apple Calendar subscribe to.

UIDs, DTSTAMP and SEQUENCE are a public contract: a changed UID duplicates an event in every
subscriber's calendar, and neither can be recalled. So every value comes from the content,
never from the build time, and icalendar is never left to invent one (it would: random UIDs
and "now" stamps in ``Event.new()``/``Calendar.new()``, and an RDATE-list VTIMEZONE that
Outlook misreads, which is why timezones.py writes the rule-based one).

Rules (also in the README, "Feeds and calendars"):
- UID = ``<id>@<site host>``.
- DTSTAMP = LAST-MODIFIED = the start (00:00 Amsterdam) of ``updated``, else ``published``, else
  the event's own start day. CREATED = ``published`` when given.
- SEQUENCE = ``sequence`` + 1 when cancelled.
- A timed event without ``end`` gets no DTEND: RFC 5545 then makes it end at its start. We do
  not invent an end time the organiser never gave.
- Window: every event that has not ended yet, plus those that ended in the past 12 months;
  a cancelled event stays only until it has ended.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from datetime import UTC, date, datetime, timedelta
from types import MappingProxyType
from urllib.parse import urlsplit

from dateutil.relativedelta import relativedelta
from icalendar import Calendar as ICalendar
from icalendar import Event as IEvent
from icalendar import vDuration, vText, vUri

from sto.cache.fingerprint import item_digest
from sto.digests import digest
from sto.cache.store import Reuse, no_reuse
from sto.site import urls
from sto.site.build import Build
from sto.clock import AMSTERDAM_NAME, day_start
from sto.content.items import Item
from sto.site.dutch import event_when
from sto.content.models import Event
from sto.site.places import place
from sto.site.presentation import kind_label
from sto.syndication.ical import ical_bytes
from sto.syndication.timezones import vtimezone

CALENDAR_NAME = "STO-agenda"
REFRESH = timedelta(hours=6)
PAST_WINDOW = relativedelta(months=12)
CANCELLED_PREFIX = "GEANNULEERD: "

# The calendar per event kind, by its plural (the kind's label is sto.content.sections.AGENDA's).
KIND_NAMES: Mapping[str, str] = MappingProxyType({
    "webinar": "Webinars", "bijeenkomst": "Bijeenkomsten", "conferentie": "Conferenties", "training": "Trainingen",
    "overig": "Overige evenementen"})


@dataclass(frozen=True)
class Calendar:
    key: str
    path: str  # site-relative
    name: str
    description: str
    items: list[Item[Event]]
    single: bool = False  # one event's "Zet in uw agenda" download
    group: str = ""  # on "Agenda volgen": "agenda", "soort" or "regio"
    label: str = ""  # its short name there, e.g. "Webinars" or "Gorinchem en Altena"


def prodid(build: Build) -> str:
    return f"-//{build.site_name}//{CALENDAR_NAME}//NL"


def event_calendar_path(item: Item[Event]) -> str:
    return f"{item.url}{item.slug}.ics"


def kind_calendar_path(kind: str) -> str:
    return f"agenda/soort/{kind}.ics"


def region_calendar_path(slug: str) -> str:
    return f"agenda/regio/{slug}.ics"


def in_window(event: Event, now: datetime) -> bool:
    if event.cancelled:
        return event.ends_at >= now
    return event.ends_at >= _window_start(now)


@lru_cache(maxsize=8)  # relativedelta's arithmetic costs ~20 µs, and every event of every grouping asks
def _window_start(now: datetime) -> datetime:
    return now - PAST_WINDOW


def subscription_calendars(build: Build) -> list[Calendar]:
    """agenda.ics, one per event kind and one per region (also empty: their addresses stay valid).
    The groupings are the listings'; a calendar selects the events of its window from them."""
    listings, site_name = build.listings, build.site_name
    events = [i for i in build.content.events if in_window(i.data, build.now)]
    shown = {item.id for item in events}

    def windowed(items: list[Item[Event]]) -> list[Item[Event]]:
        return [item for item in items if item.id in shown]

    about = f"Evenementen en webinars van {site_name}"
    calendars = [Calendar("agenda", urls.AGENDA_CALENDAR, CALENDAR_NAME, f"{about}.", events,
                          group="agenda", label="De hele agenda")]
    for kind, name in KIND_NAMES.items():
        calendars.append(Calendar(f"soort-{kind}", kind_calendar_path(kind), f"{CALENDAR_NAME}: {name.lower()}",
                                  f"{name} van {site_name}.", windowed(listings.events_by_kind[kind]),
                                  group="soort", label=name))
    for slug, name in sorted(build.content.vocabularies.regions.items()):
        region = listings.by_region[slug]
        calendars.append(Calendar(f"regio-{slug}", region_calendar_path(slug), f"{CALENDAR_NAME}: regio {name}",
                                  f"{about} in de regio {name}.", windowed([*region.upcoming, *region.past]),
                                  group="regio", label=name))
    return calendars


def event_calendar(item: Item[Event], build: Build) -> Calendar:
    return Calendar(f"evenement-{item.slug}", event_calendar_path(item), item.title,
                    f"{item.title} ({build.site_name})", [item], single=True)


def uid(item: Item[Event], site_url: str) -> str:
    return f"{item.id}@{urlsplit(site_url).hostname}"


def _day_start_utc(day: date) -> datetime:
    return day_start(day).astimezone(UTC)


def stamp(event: Event) -> datetime:
    """DTSTAMP and LAST-MODIFIED: from the content only (see the module docstring)."""
    return _day_start_utc(event.updated or event.published or event.starts_at.date())


def sequence(event: Event) -> int:
    return event.sequence + (1 if event.cancelled else 0)


def summary(event: Event) -> str:
    return f"{CANCELLED_PREFIX}{event.title}" if event.cancelled else event.title


def location(event: Event) -> str | None:
    """What the page says under "Waar" (places.place); none while the place is not known."""
    return place(event).shown


def description(item: Item[Event], build: Build) -> str:
    """Plain text; the page and the join link each on a line of their own, so apps make them clickable."""
    event = item.data
    lines = []
    if event.cancelled:
        lines.append("Dit evenement is geannuleerd." + (f" {event.status_note}" if event.status_note else ""))
    elif event.status == "verplaatst":
        lines.append("Dit evenement is verplaatst." + (f" {event.status_note}" if event.status_note else ""))
    lines.append(event_when(event) + (f" ({event.timezone})" if event.timezone != AMSTERDAM_NAME else ""))
    if event.summary:
        lines += ["", event.summary]
    lines += ["", f"Meer informatie: {build.absolute(item.url)}"]
    if event.join_url and not event.cancelled:
        lines.append(f"Deelnemen: {event.join_url}")
    if event.registration_url and not event.cancelled:
        lines.append(f"Aanmelden: {event.registration_url}")
    return "\n".join(lines)


def categories(item: Item[Event], build: Build) -> list[str]:
    event, vocab = item.data, build.content.vocabularies
    return ([kind_label(item)] + [vocab.categories.get(s, s) for s in event.categories]
            + [vocab.regions.get(s, s) for s in event.regions])


def vevent(item: Item[Event], build: Build) -> IEvent:
    event = item.data
    component = IEvent()
    component.add("uid", uid(item, build.site_url))
    component.add("dtstamp", stamp(event))
    if event.published:
        component.add("created", _day_start_utc(event.published))
    component.add("last-modified", stamp(event))
    component.add("sequence", sequence(event))
    component.add("status", "CANCELLED" if event.cancelled else "CONFIRMED")
    if event.all_day:
        component.add("dtstart", event.start)
        component.add("dtend", event.last_day + timedelta(days=1))  # DATE end is exclusive
    else:
        component.add("dtstart", event.starts_at)
        if event.end is not None:
            component.add("dtend", event.ends_at)
    component.add("summary", summary(event))
    component.add("description", description(item, build))
    component.add("url", build.absolute(item.url))
    if location(event):
        component.add("location", location(event))
    if event.join_url and not event.cancelled:
        component.add("conference", vUri(event.join_url),
                      parameters={"VALUE": "URI", "FEATURE": "VIDEO", "LABEL": "Deelnemen"})
    component.add("categories", categories(item, build))
    component.add("class", "PUBLIC")
    return component


def _sort_key(item: Item[Event], site_url: str) -> tuple[datetime, str]:
    return item.data.starts_at.astimezone(UTC), uid(item, site_url)


_END = b"END:VCALENDAR\r\n"


def _head(calendar: Calendar, build: Build) -> bytes:
    """The calendar's own properties, up to and with END:VCALENDAR."""
    cal = ICalendar()
    cal.add("prodid", prodid(build))
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    # vText by hand: icalendar types NAME and X-WR-* as "unknown" and would not escape , ; \ or newlines.
    cal.add("name", vText(calendar.name))
    cal.add("x-wr-calname", vText(calendar.name))
    cal.add("description", vText(calendar.description))
    cal.add("x-wr-caldesc", vText(calendar.description))
    cal.add("url", build.absolute(_calendar_page(calendar)))
    cal.add("source", vUri(build.absolute(calendar.path)), parameters={"VALUE": "URI"})
    cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", vDuration(REFRESH))
    return ical_bytes(cal)


def _calendar_page(calendar: Calendar) -> str:
    return urls.AGENDA_FOLLOW if not calendar.single else calendar.items[0].url


def _build_key(build: Build) -> str:
    """What a VEVENT or a calendar's head reads from the build besides its event."""
    return digest(build.site_url, build.site_name, repr(build.content.vocabularies))


def ics(calendar: Calendar, build: Build, vevents: dict[str, bytes] | None = None, reuse: Reuse = no_reuse,
        build_key: str | None = None) -> bytes:
    """One calendar's bytes. ``vevents`` (id -> serialised VEVENT) lets every calendar reuse each
    event's bytes: serialising (folding) is most of the cost, and an event is in up to four calendars.
    ``build_key``: _build_key(build), when the caller has it (it is the same for every calendar)."""
    head = reuse(digest("calendar-head", build_key or _build_key(build), calendar.name, calendar.description,
                        _calendar_page(calendar), calendar.path), lambda: _head(calendar, build))
    assert head.endswith(_END)
    items = sorted(calendar.items, key=lambda i: _sort_key(i, build.site_url))
    zones: dict[str, tuple[int, int]] = {}  # zone -> the first and last year its events need rules for
    for item in items:
        if not item.data.all_day:
            first, last = zones.get(item.data.timezone, (item.data.start.year, item.data.start.year))
            years = (item.data.starts_at.year, item.data.ends_at.year)
            zones[item.data.timezone] = (min(first, *years), max(last, *years))
    parts = [head[: -len(_END)]]  # components are spliced in before END:VCALENDAR
    if not items:
        # RFC 5545 requires at least one component; an empty calendar (a kind or region without
        # events) gets the zone its events would use, with the rules of the build's year.
        zones[AMSTERDAM_NAME] = (build.now.year, build.now.year)
    parts += [_vtimezone_bytes(name, *zones[name]) for name in sorted(zones)]  # rules for every event's year
    parts += [vevents[item.id] if vevents else ical_bytes(vevent(item, build)) for item in items]
    parts.append(_END)
    return b"".join(parts)


@cache
def _vtimezone_bytes(name: str, first_year: int, last_year: int) -> bytes:
    return ical_bytes(vtimezone(name, first_year, last_year))


def calendar_files(build: Build, reuse: Reuse = no_reuse) -> dict[str, bytes]:
    """Site-relative path -> bytes of every calendar: the subscriptions and one per event.
    ``reuse`` may give each event's VEVENT and each calendar's head from an earlier build."""
    context = _build_key(build)

    def serialised(item: Item[Event]) -> bytes:
        return reuse(digest("vevent", context, item_digest(item)), lambda: ical_bytes(vevent(item, build)))

    vevents = {item.id: serialised(item) for item in build.content.events}  # each serialised once
    files = {c.path: ics(c, build, vevents, reuse, context) for c in subscription_calendars(build)}
    for item in build.content.events:
        calendar = event_calendar(item, build)
        files[calendar.path] = ics(calendar, build, vevents, reuse, context)
    return files
