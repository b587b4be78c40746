"""How each section's item pages describe an item: one object per section, keyed by the
section's key (``sto.content.sections``, which says what a section is).

Each answers, for an item of its own model: the page's meta description, what the site search
finds beyond the body and the date a result shows, the day the sitemap gives as the page's last
change, and what the item page's view adds (vocabulary names and links, whether an event is
still to come). Code asks ``of(item)`` instead of testing an item's model, so a new section is one
entry here, with no default borrowed from another section.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping
from datetime import date, datetime
from types import MappingProxyType
from typing import Any, Generic, TypeVar

from sto.clock import AMSTERDAM
from sto.content.items import AnyItem, Item
from sto.content.models import ContentModel, Event, FaqEntry, NewsItem
from sto.content.sections import AGENDA, FAQ, NEWS
from sto.content.vocabulary import Vocabularies
from sto.site import urls
from sto.site.build import Build
from sto.site.dutch import day_month_year, weekday_date
from sto.site.listings import is_upcoming
from sto.site.places import place
from sto.site.presentation import first_sentence, kind_label, summary_repeats_body, when

M = TypeVar("M", bound=ContentModel)


def _day(value: date) -> date:
    """A plain date (a month-only date is its 1st, fieldtypes.MonthOnly)."""
    return date(value.year, value.month, value.day)


def _filed(data: NewsItem | Event, vocab: Vocabularies) -> dict[str, Any]:
    """An item's categories and regions as (name, listing URL)."""
    return {"categories": [(vocab.categories.get(slug, slug), urls.category(slug)) for slug in data.categories],
            "regions": [(vocab.regions.get(slug, slug), urls.region(slug)) for slug in data.regions]}


class SectionPages(ABC, Generic[M]):
    @abstractmethod
    def description(self, item: Item[M]) -> str:
        """The page's meta description."""

    @abstractmethod
    def search_text(self, item: Item[M]) -> str:
        """What search finds beyond the body, as plain text ("" for nothing)."""

    @abstractmethod
    def search_date(self, item: Item[M]) -> str:
        """The date a search result shows, in Dutch ("" for none)."""

    @abstractmethod
    def last_changed(self, item: Item[M], now: datetime) -> date | None:
        """The sitemap's lastmod of the item's page (sto.site.lastmod)."""

    @abstractmethod
    def view(self, item: Item[M], build: Build) -> dict[str, Any]:
        """What the item page's view adds (sto.site.views.item_view)."""

    def lead_words(self, item: Item[M]) -> int | None:
        """The words of the body that search must keep at least (sto.site.search_trim marks a
        long body after its lead); None: search indexes the whole body."""
        return None


class NewsPages(SectionPages[NewsItem]):
    def description(self, item: Item[NewsItem]) -> str:
        return item.data.summary

    def search_text(self, item: Item[NewsItem]) -> str:
        # A body that starts with its summary already holds it (the page then shows no summary either).
        return "" if summary_repeats_body(item) else item.data.summary

    def search_date(self, item: Item[NewsItem]) -> str:
        return day_month_year(item.data.date)

    def last_changed(self, item: Item[NewsItem], now: datetime) -> date | None:
        return _day(item.data.updated or item.data.date)

    def view(self, item: Item[NewsItem], build: Build) -> dict[str, Any]:
        return _filed(item.data, build.content.vocabularies)

    def lead_words(self, item: Item[NewsItem]) -> int | None:
        # When the body starts with the summary, the lead is at least the summary.
        return len(item.data.summary.split())


class FaqPages(SectionPages[FaqEntry]):
    def description(self, item: Item[FaqEntry]) -> str:
        return first_sentence(item.body) or f"Antwoord op de veelgestelde vraag: {item.title}"

    def search_text(self, item: Item[FaqEntry]) -> str:
        return ""  # the question is the title, the answer the body

    def search_date(self, item: Item[FaqEntry]) -> str:
        return day_month_year(item.data.date)

    def last_changed(self, item: Item[FaqEntry], now: datetime) -> date | None:
        return _day(item.data.updated or item.data.date)

    def view(self, item: Item[FaqEntry], build: Build) -> dict[str, Any]:
        topic = item.data.topic
        return {"topic": build.content.vocabularies.topics.get(topic, topic)}


class EventPages(SectionPages[Event]):
    def description(self, item: Item[Event]) -> str:
        """Its summary, else its first sentence, else what, when and where it is."""
        event = item.data
        if summary := event.summary or first_sentence(item.body):
            return summary
        where = place(event).in_sentence
        return f"{kind_label(item)} op {when(event)}" + (f", {where}." if where else ".")

    def search_text(self, item: Item[Event]) -> str:
        """Its kind, time and place, and its summary."""
        event = item.data
        parts = [kind_label(item), when(event), place(event).in_sentence, event.summary or ""]
        return ". ".join(p for p in parts if p)

    def search_date(self, item: Item[Event]) -> str:
        """Its first day, with its weekday."""
        start = item.data.start
        return weekday_date(start.date() if isinstance(start, datetime) else start)

    def last_changed(self, item: Item[Event], now: datetime) -> date | None:
        """Its ``updated``, else ``published``; an event that has ended also changed on the day
        it ended (in Amsterdam, where the site is built): its page then says it is over."""
        event = item.data
        ended = event.ends_at.astimezone(AMSTERDAM).date() if event.ends_at <= now else None
        return max((d for d in (event.updated, event.published, ended) if d is not None), default=None)

    def view(self, item: Item[Event], build: Build) -> dict[str, Any]:
        # Whether it is still to come, by the listings' rule: templates compare no times.
        return {**_filed(item.data, build.content.vocabularies), "upcoming": is_upcoming(item, build.now)}


PAGES: Mapping[str, SectionPages[Any]] = MappingProxyType({NEWS.key: NewsPages(), FAQ.key: FaqPages(),
                                                          AGENDA.key: EventPages()})


def of(item: AnyItem) -> SectionPages[Any]:
    """How the pages of the item's section describe it (a dict lookup by its section)."""
    return PAGES[item.section.key]
