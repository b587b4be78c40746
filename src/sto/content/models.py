"""The content model: one class per kind of content, each field defined once.

These classes validate editors' front matter and are the source of the JSON Schemas for
editors' tools. Field names are the ones editors type. Anything not defined here is an error
(``extra="forbid"``), so a misspelt field is reported instead of silently ignored.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any, Literal, get_args
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from sto.clock import AMSTERDAM_NAME
from sto.content.fieldtypes import (Day, DayOrMonth, Identifier, Link, MediaLink, Moment, Slug, Text, TimeZoneName,
                                    WebLink, fail)
from sto.content.trust import is_on_this_site
from sto.content.video_hosts import vimeo_id, youtube_id
from sto.zones import has_yearly_rules


def _not_before(earlier: str) -> Any:
    """A validator for ``updated``: a change cannot predate the publication field ``earlier``."""

    def check(cls: type[BaseModel], updated: date | None, info: ValidationInfo) -> date | None:
        published = info.data.get(earlier)
        if updated is not None and published is not None and updated < published:
            raise fail(f"ligt vóór '{earlier}'; een wijziging kan niet eerder zijn dan de publicatie")
        return updated

    return field_validator("updated")(classmethod(check))


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=False)


class Image(_Model):
    src: MediaLink = Field(description="Pad van de afbeelding op deze site, bijvoorbeeld /media/techlab.jpg "
                       "(een jpg of png in docs/media/)")
    alt: Text = Field(description="Wat er op de afbeelding staat, voor wie haar niet kan zien (verplicht)")


class Document(_Model):
    file: MediaLink = Field(description="Pad van het bestand op deze site, bijvoorbeeld /media/handreiking.pdf "
                            "(een pdf in docs/media/)")
    title: Text = Field(description="Naam van het document, zoals het achter 'Download' op de pagina staat")


class _Item(_Model):
    id: Identifier = Field(description="Vaste id; nooit wijzigen na publicatie")
    title: Text = Field(description="Titel")
    date: Day = Field(description="Publicatiedatum (JJJJ-MM-DD); in de toekomst = ingepland")
    updated: Day | None = Field(None, description="Datum van de laatste inhoudelijke wijziging")
    draft: bool = Field(False, description="true = concept, alleen zichtbaar in de preview")

    _updated_after_date = _not_before("date")


class NewsItem(_Item):
    """A news item; ``kind`` says whether it is plain news, a digizine issue or a guidance document."""

    kind: Literal["nieuws"] = Field("nieuws", description="nieuws, digizine of handreiking")
    date: DayOrMonth = Field(description="Publicatiedatum (JJJJ-MM-DD, of JJJJ-MM als alleen de maand bekend is); "
                             "in de toekomst = ingepland")
    summary: Text = Field(description="Korte samenvatting (één of twee zinnen) voor overzichten en feeds")
    categories: list[Slug] = Field(default_factory=list, description="Categorieën uit content/data/categorieen.yml")
    regions: list[Slug] = Field(default_factory=list, description="Regio's uit content/data/regios.yml")
    image: Image | None = Field(None, description="Afbeelding met verplichte alt-tekst")
    documents: list[Document] = Field(default_factory=list, description="Documenten om te downloaden (pdf), "
                                      "elk met een naam; de pagina toont soort en grootte")


# A digizine and a handreiking are news items with their own `kind` value (the loader picks the
# model by it), so they narrow the field: mypy sees that as an incompatible override.
class Digizine(NewsItem):
    kind: Literal["digizine"] = Field(  # type: ignore[assignment]
        "digizine", description="nieuws, digizine of handreiking")
    link: Link | None = Field(None, description="Adres van de online digizine")


class Handreiking(NewsItem):
    kind: Literal["handreiking"] = Field(  # type: ignore[assignment]
        "handreiking", description="nieuws, digizine of handreiking")


class FaqEntry(_Item):
    """A question (``title``) with its answer as the Markdown body."""

    topic: Slug = Field(description="Onderwerp uit content/data/onderwerpen.yml")


class Recording(_Model):
    url: Link = Field(description="Adres van de opname (YouTube, Vimeo of een bestand op deze site)")
    poster: MediaLink | None = Field(None, description="Stilstaand beeld op deze site, getoond tot iemand op "
                                     "afspelen klikt")
    captions: MediaLink | None = Field(None, description="Ondertiteling (.vtt) op deze site")
    transcript: Link | None = Field(None, description="Uitgeschreven tekst van de webinar")

    @field_validator("url")
    @classmethod
    def _played_from_a_known_host(cls, url: str) -> str:
        """A click plays YouTube or Vimeo in their privacy modes, or a file from this site; any other
        host would be a third party the page loads from (and the policy would block it)."""
        if is_on_this_site(url) or youtube_id(url) or vimeo_id(url):
            return url
        raise fail(f"'{url}' is geen YouTube- of Vimeo-video en geen bestand op deze site; "
                   "zet de opname op YouTube of Vimeo, of het bestand in docs/")


EventKind = Literal["webinar", "bijeenkomst", "conferentie", "training", "overig"]
EventStatus = Literal["gepland", "geannuleerd", "verplaatst"]
EVENT_KINDS: tuple[str, ...] = get_args(EventKind)
EVENT_STATUSES: tuple[str, ...] = get_args(EventStatus)


class Event(_Model):
    """An agenda event. A webinar with a ``recording`` is what the webinar archive lists."""

    id: Identifier = Field(description="Vaste id; nooit wijzigen, ook niet bij verplaatsen of annuleren")
    title: Text = Field(description="Titel")
    summary: Text | None = Field(None, description="Korte omschrijving voor overzichten en agenda-apps")
    kind: EventKind = Field(description="webinar, bijeenkomst, conferentie, training of overig")
    series: Text | None = Field(None, description="Reeks, bijvoorbeeld STO LIVE")
    start: Moment = Field(description="Begin: JJJJ-MM-DD UU:MM, of JJJJ-MM-DD voor een hele dag")
    end: Moment | None = Field(None, description="Einde, in dezelfde vorm als start; bij hele dagen de laatste dag")
    timezone: TimeZoneName = Field(AMSTERDAM_NAME, validate_default=True, description="Tijdzone van start en einde")
    online: bool = Field(False, description="true als het evenement online is")
    join_url: WebLink | None = Field(None, description="Webadres (https://) om deel te nemen aan een online evenement")
    location: Text | None = Field(None, description="Adres of plaats van een fysiek evenement")
    registration_url: WebLink | None = Field(None, description="Webadres (https://) om u aan te melden")
    status: EventStatus = Field("gepland", description="gepland, geannuleerd of verplaatst")
    status_note: Text | None = Field(None, description="Toelichting bij annuleren of verplaatsen")
    sequence: int = Field(0, ge=0, description="Verhoog met 1 bij elke wijziging van tijd, plaats of status")
    categories: list[Slug] = Field(default_factory=list, description="Categorieën uit content/data/categorieen.yml")
    regions: list[Slug] = Field(default_factory=list, description="Regio's uit content/data/regios.yml")
    recording: Recording | None = Field(None, description="Opname, toe te voegen nadat het evenement is geweest")
    published: Day | None = Field(None, description="Datum waarop het evenement voor het eerst in de agenda stond "
                                  "(optioneel; agenda-apps krijgen dit als aanmaakdatum)")
    updated: Day | None = Field(None, description="Datum van de laatste wijziging")
    draft: bool = Field(False, description="true = concept, alleen zichtbaar in de preview")

    # Field validators (not one model validator) so these run even when other fields are wrong,
    # and the editor sees every problem in one build.
    @field_validator("end")
    @classmethod
    def _end_after_start(cls, end: date | None, info: ValidationInfo) -> date | None:
        start = info.data.get("start")
        if end is None or start is None:
            return end
        if isinstance(start, datetime) != isinstance(end, datetime):
            raise fail("geef start en end in dezelfde vorm: allebei met tijd of allebei alleen een datum")
        if end < start or (isinstance(end, datetime) and end == start):
            raise fail("het einde ligt vóór of op het begin")
        return end

    _updated_after_published = _not_before("published")

    @field_validator("timezone")
    @classmethod
    def _times_exist_once_in_the_zone(cls, timezone: str, info: ValidationInfo) -> str:
        """Start and end are wall-clock times in ``timezone`` (validated after both): a time the clock
        skips or shows twice at a DST change has no single meaning, and calendars need yearly rules."""
        zone = ZoneInfo(timezone)
        for field in ("start", "end"):
            moment = info.data.get(field)
            if not isinstance(moment, datetime):
                continue
            if not has_yearly_rules(timezone, moment.year):
                raise fail(f"de tijdzone {timezone} heeft in {moment.year} geen vaste zomer- en wintertijd, "
                           "en die kunnen agenda-apps niet overnemen; kies een tijdzone zoals Europe/Amsterdam "
                           "of America/Curacao", field="timezone")
            first, second = moment.replace(tzinfo=zone, fold=0), moment.replace(tzinfo=zone, fold=1)
            shown = moment.strftime("%Y-%m-%d %H:%M")
            if first.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != moment:
                raise fail(f"'{shown}' bestaat niet in {timezone}: de klok springt die nacht vooruit "
                           "(zomertijd); kies een tijd ervoor of erna", field=field)
            if first.utcoffset() != second.utcoffset():
                raise fail(f"'{shown}' komt in {timezone} twee keer voor: de klok gaat die nacht terug "
                           "(wintertijd); kies een tijd ervoor of erna", field=field)
        return timezone

    @field_validator("status_note")
    @classmethod
    def _note_only_where_shown(cls, note: str | None, info: ValidationInfo) -> str | None:
        """The page, calendars, embeds and newsletter show a note only with a cancelled or moved
        event: one beside 'gepland' would be published nowhere a visitor reads it."""
        if note is not None and info.data.get("status", "gepland") == "gepland":
            raise fail("de site toont een toelichting alleen bij 'status: geannuleerd' of 'status: verplaatst'; "
                       "bij 'gepland' staat hij nergens: haal de toelichting weg of pas de status aan")
        return note

    @field_validator("join_url")
    @classmethod
    def _join_url_only_online(cls, join_url: str | None, info: ValidationInfo) -> str | None:
        if join_url and info.data.get("online") is False:
            raise fail("een join_url hoort bij een online evenement; zet ook 'online: true'")
        return join_url

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, datetime)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def starts_at(self) -> datetime:
        """Aware start; an all-day event starts at local midnight."""
        if isinstance(self.start, datetime):
            return self.start.replace(tzinfo=self.zone)
        return datetime.combine(self.start, time(0), self.zone)

    @property
    def ends_at(self) -> datetime:
        """Aware end; all-day ends at midnight after the last day, a timed event without end at its start."""
        last = self.end or self.start
        if isinstance(last, datetime):
            return last.replace(tzinfo=self.zone)
        return datetime.combine(last + timedelta(days=1), time(0), self.zone)

    @property
    def last_day(self) -> date:
        return self.ends_at.date() if not self.all_day else (self.end or self.start)

    @property
    def cancelled(self) -> bool:
        return self.status == "geannuleerd"


# What an item's front matter is (a digizine and a handreiking are news items); the sections
# (sto.content.sections) say which model each folder and news kind uses.
ContentModel = NewsItem | FaqEntry | Event
