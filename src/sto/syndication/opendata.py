"""Open data: the agenda and the news as versioned JSON under /data/v1/, each kind of document
with a JSON Schema next to it.

Partners (schools, regions, municipalities) read these instead of copying by hand. The
documents are built from the pydantic models below and the schemas are generated from the same
models, so they cannot drift apart. ``v1`` is a contract: fields may be added, never renamed or
removed; a breaking change gets ``/data/v2/`` next to it.

Windows are the calendars' (``calendars.in_window``): every event that has not ended plus those
that ended in the past 12 months (a cancelled one only until it has ended), and the news of the
past 12 months. Groupings come from the listings (per kind, region and category), never again.
Ids, dates and status are the same values the feeds and calendars publish.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import takewhile
from datetime import date, datetime
from types import MappingProxyType
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from sto.site.build import Build
from sto.clock import AMSTERDAM
from sto.content.items import Item
from sto.content.models import Event, EventKind, EventStatus, NewsItem
from sto.content.sections import NEWS
from sto.site import urls
from sto.site.dutch import day_month_year
from sto.site.listings import is_upcoming
from sto.site.places import place
from sto.site.presentation import STATUS_LABELS, kind_label, when
from sto.syndication import calendars, feeds

VERSION = "v1"
FOLDER = f"data/{VERSION}/"

# ISO 8601 with an explicit offset: partners must never have to guess a time zone.
Moment = Annotated[datetime, Field(json_schema_extra={
    "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$"})]
Day = Annotated[date, Field(json_schema_extra={"pattern": r"^\d{4}-\d{2}-\d{2}$"})]
Url = Annotated[str, Field(json_schema_extra={"pattern": r"^https?://"})]


class _Record(BaseModel):
    # Every field is always written (null when empty), so the schema marks every field required.
    model_config = ConfigDict(extra="forbid", frozen=True, json_schema_serialization_defaults_required=True)


class Image(_Record):
    url: Url
    alt: str = Field(description="Wat er op de afbeelding staat")


class EventRecord(_Record):
    """One event, with the values its calendar entry (VEVENT) has."""

    id: str = Field(description="Vaste id; verandert nooit, ook niet bij verplaatsen of annuleren")
    uid: str = Field(description="UID van het evenement in de iCalendar-bestanden")
    url: Url = Field(description="Pagina van het evenement")
    calendar_url: Url = Field(description="Het evenement als .ics-bestand")
    title: str
    summary: str | None
    kind: EventKind
    kind_label: str = Field(description="De soort zoals de site hem toont")
    status: EventStatus
    status_label: str = Field(description="Leeg bij gepland, anders Geannuleerd of Verplaatst")
    status_note: str | None
    cancelled: bool
    sequence: int = Field(description="SEQUENCE in de agenda: hoger bij elke wijziging van tijd, plaats of status")
    all_day: bool = Field(description="true: hele dag(en), zonder tijd")
    start: Moment = Field(description="Begin, met de afwijking van UTC; bij hele dagen 00.00 uur plaatselijk")
    end: Moment | None = Field(description="Einde; bij hele dagen 00.00 uur na de laatste dag; "
                                           "leeg als er geen eindtijd is opgegeven")
    first_day: Day = Field(description="Eerste dag, plaatselijke datum")
    last_day: Day = Field(description="Laatste dag, plaatselijke datum")
    timezone: str = Field(description="Tijdzone van start en end, bijvoorbeeld Europe/Amsterdam")
    when: str = Field(description="Datum en tijd in het Nederlands, zoals de site ze toont")
    online: bool
    location: str | None
    join_url: Url | None = Field(description="Leeg bij een geannuleerd evenement")
    registration_url: Url | None = Field(description="Leeg bij een geannuleerd evenement")
    categories: list[str]
    regions: list[str]
    updated: Moment = Field(description="Laatste wijziging (DTSTAMP en LAST-MODIFIED in de agenda)")


class NewsRecord(_Record):
    """One news item, with the values its feed entries have."""

    id: str = Field(description="Vaste id; verandert nooit")
    guid: str = Field(description="id van het bericht in de RSS-, Atom- en JSON-feeds")
    url: Url
    title: str
    summary: str
    kind: Annotated[str, Field(json_schema_extra={"enum": list(NEWS.kinds)})]  # the section registry's kinds
    kind_label: str
    date: Day = Field(description="Publicatiedatum")
    date_text: str = Field(description="Publicatiedatum in het Nederlands, bijvoorbeeld 4 juni 2024")
    published: Moment = Field(description="Publicatie als moment (00.00 uur Nederlandse tijd), zoals in de feeds")
    updated: Moment = Field(description="Laatste wijziging, zoals in de feeds")
    categories: list[str]
    regions: list[str]
    image: Image | None


class _Document(_Record):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True,
                              json_schema_serialization_defaults_required=True)

    schema_url: Url = Field(alias="$schema", description="Het JSON Schema van dit document")
    version: Literal["1"] = "1"
    title: str
    description: str
    url: Url = Field(description="Adres van dit document")
    html_url: Url = Field(description="Dezelfde gegevens als pagina op de site")


class AgendaDocument(_Document):
    calendar_url: Url = Field(description="Dezelfde evenementen als iCalendar-abonnement")
    upcoming: list[EventRecord] = Field(description="Evenementen die nog niet voorbij zijn, de eerstvolgende eerst")
    recent: list[EventRecord] = Field(description="Evenementen van de afgelopen 12 maanden, de laatste eerst")


class NewsDocument(_Document):
    items: list[NewsRecord] = Field(description="Berichten van de afgelopen 12 maanden, het nieuwste eerst")


class DocumentLink(_Record):
    title: str
    url: Url
    schema_url: Url


class IndexDocument(_Document):
    documents: list[DocumentLink]


SCHEMAS: Mapping[type[_Document], str] = MappingProxyType({
    AgendaDocument: f"{FOLDER}agenda.schema.json",
    NewsDocument: f"{FOLDER}nieuws.schema.json",
    IndexDocument: f"{FOLDER}index.schema.json",
})


JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"  # what pydantic generates


def schema(model: type[_Document], site_url: str) -> dict[str, Any]:
    """The published schema of one kind of document, generated from its model."""
    generated = model.model_json_schema(by_alias=True, mode="serialization")
    return {"$schema": JSON_SCHEMA_DIALECT, "$id": site_url.rstrip("/") + "/" + SCHEMAS[model], **generated}


def as_bytes(value: dict[str, Any]) -> bytes:
    """Stable bytes: keys in model order, UTF-8 as is, one trailing newline."""
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def event_record(item: Item[Event], build: Build) -> EventRecord:
    event, where = item.data, place(item.data)
    cancelled = event.cancelled
    return EventRecord(
        id=item.id, uid=calendars.uid(item, build.site_url), url=build.absolute(item.url),
        calendar_url=build.absolute(calendars.event_calendar_path(item)), title=item.title,
        summary=event.summary, kind=event.kind, kind_label=kind_label(item), status=event.status,
        status_label=STATUS_LABELS[event.status], status_note=event.status_note, cancelled=cancelled,
        sequence=calendars.sequence(event), all_day=event.all_day, start=event.starts_at,
        end=event.ends_at if event.all_day or event.end is not None else None,
        first_day=event.starts_at.date(), last_day=event.last_day, timezone=event.timezone, when=when(event),
        online=where.online, location=where.location,
        join_url=None if cancelled else event.join_url,
        registration_url=None if cancelled else event.registration_url,
        categories=list(event.categories), regions=list(event.regions),
        updated=calendars.stamp(event).astimezone(AMSTERDAM))


def news_record(item: Item[NewsItem], build: Build) -> NewsRecord:
    news = item.data
    image = news.image
    return NewsRecord(
        id=item.id, guid=feeds.guid(item, build.site_url), url=build.absolute(item.url), title=item.title,
        summary=news.summary, kind=news.kind, kind_label=kind_label(item), date=news.date,
        date_text=day_month_year(news.date), published=feeds.published(item), updated=feeds.modified(item),
        categories=list(news.categories), regions=list(news.regions),
        image=Image(url=build.absolute(image.src) if image.src.startswith("/") else image.src, alt=image.alt)
        if image else None)


@dataclass(frozen=True)
class Selection:
    """What one document covers: its path under /data/v1/, title and the site's matching pages."""

    path: str
    title: str
    description: str
    html_url: str


def _news_in_window(items: list[Item[NewsItem]], build: Build) -> list[Item[NewsItem]]:
    """Newest first, so the window ends at the first older item."""
    since = (build.now - calendars.PAST_WINDOW).date()
    return list(takewhile(lambda i: i.data.date >= since, items))


class OpenData:
    """Every document of one build, each record built once and shared by the documents it is in."""

    def __init__(self, build: Build):
        self.build = build
        self._events: dict[str, EventRecord] = {}
        self._news: dict[str, NewsRecord] = {}

    def _event(self, item: Item[Event]) -> EventRecord:
        if item.id not in self._events:
            self._events[item.id] = event_record(item, self.build)
        return self._events[item.id]

    def _news_record(self, item: Item[NewsItem]) -> NewsRecord:
        if item.id not in self._news:
            self._news[item.id] = news_record(item, self.build)
        return self._news[item.id]

    def _base(self, selection: Selection, model: type[_Document]) -> dict[str, Any]:
        absolute = self.build.absolute
        return {"schema_url": absolute(SCHEMAS[model]), "title": selection.title,
                "description": selection.description, "url": absolute(selection.path),
                "html_url": absolute(selection.html_url)}

    def agenda(self, selection: Selection, calendar_path: str, upcoming: list[Item[Event]],
               past: list[Item[Event]]) -> AgendaDocument:
        now = self.build.now
        return AgendaDocument(
            **self._base(selection, AgendaDocument), calendar_url=self.build.absolute(calendar_path),
            upcoming=[self._event(i) for i in upcoming if calendars.in_window(i.data, now)],
            recent=[self._event(i) for i in past if calendars.in_window(i.data, now)])

    def news(self, selection: Selection, items: list[Item[NewsItem]]) -> NewsDocument:
        return NewsDocument(**self._base(selection, NewsDocument),
                            items=[self._news_record(i) for i in _news_in_window(items, self.build)])

    def documents(self) -> dict[str, _Document]:
        """Site-relative path -> document, in a fixed order."""
        listings, vocab, site_name = self.build.listings, self.build.content.vocabularies, self.build.site_name
        calendar_name = calendars.CALENDAR_NAME
        about = f"Evenementen en webinars van {site_name}"
        docs: dict[str, _Document] = {}

        def add(document: _Document) -> None:
            docs[document.url.removeprefix(self.build.site_url.rstrip("/") + "/")] = document

        add(self.agenda(Selection(f"{FOLDER}agenda.json", calendar_name, f"{about}.", urls.AGENDA),
                        urls.AGENDA_CALENDAR, listings.upcoming, listings.past))
        for kind, name in calendars.KIND_NAMES.items():
            events = listings.events_by_kind[kind]  # soonest first
            add(self.agenda(Selection(f"{FOLDER}agenda/soort/{kind}.json", f"{calendar_name}: {name.lower()}",
                                      f"{name} van {site_name}.", urls.AGENDA), calendars.kind_calendar_path(kind),
                            [e for e in events if is_upcoming(e, self.build.now)],
                            [e for e in reversed(events) if not is_upcoming(e, self.build.now)]))
        for slug, name in sorted(vocab.regions.items()):
            group = listings.by_region[slug]
            add(self.agenda(Selection(f"{FOLDER}agenda/regio/{slug}.json", f"{calendar_name}: regio {name}",
                                      f"{about} in de regio {name}.", urls.region(slug)),
                            calendars.region_calendar_path(slug), group.upcoming, group.past))
        add(self.news(Selection(f"{FOLDER}nieuws.json", f"{site_name}: nieuws",
                                f"Nieuws, digizines en handreikingen van {site_name}.", urls.NEWS), listings.news))
        for slug, name in sorted(vocab.categories.items()):
            add(self.news(Selection(f"{FOLDER}nieuws/categorie/{slug}.json", f"{site_name}: {name}",
                                    f"Nieuws van {site_name} over {name}.", urls.category(slug)),
                          listings.by_category.get(slug, [])))
        for slug, name in sorted(vocab.regions.items()):
            add(self.news(Selection(f"{FOLDER}nieuws/regio/{slug}.json", f"{site_name}: nieuws uit de regio {name}",
                                    f"Nieuws van {site_name} uit de regio {name}.", urls.region(slug)),
                          listings.by_region[slug].news))
        index = Selection(f"{FOLDER}index.json", f"Open data van {site_name}",
                          "Alle documenten met de agenda en het nieuws, elk met zijn JSON Schema.", urls.OPEN_DATA)
        links = [DocumentLink(title=d.title, url=d.url, schema_url=d.schema_url) for d in docs.values()]
        add(IndexDocument(**self._base(index, IndexDocument), documents=links))
        return docs

    def files(self) -> dict[str, bytes]:
        """Site-relative path -> bytes of every document and of each kind's schema."""
        files = {path: as_bytes(schema(model, self.build.site_url)) for model, path in SCHEMAS.items()}
        for path, document in self.documents().items():
            files[path] = as_bytes(document.model_dump(mode="json", by_alias=True))
        return files

