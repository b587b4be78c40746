"""Every listing the public site shows, computed once per build as lists and dicts.

Templates get these precomputed lists; no template or page scans all items. Ordering is
total (ties broken by slug or id) so the same content always gives the same pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from sto.content.items import Content, Item
from sto.content.models import EVENT_KINDS, Event, FaqEntry, NewsItem
from sto.content.sections import NEWS

PAGE_SIZE = 20  # news per page on the news index and the category, year and region pages
PAGE_SIZE_SETTING = "listing_page_size"  # mkdocs.yml ``extra:`` may set another (the test corpus: 10)
REGION_PAST_EVENTS = 5  # most recent past events on a region's first page; all are in the agenda
HOME_NEWS = 4
HOME_EVENTS = 3
HOME_RECORDINGS = 3
HOME_FAQ = 6  # the seed's home page shows six


def is_upcoming(item: Item[Event], now: datetime) -> bool:
    """An event is upcoming until it has ended (an event without end time: until it starts)."""
    return item.data.ends_at > now


T = TypeVar("T")


def page_size_from(extra: Mapping[str, Any]) -> int:
    """The page size mkdocs.yml's ``extra:`` sets, else PAGE_SIZE; ValueError names the setting."""
    size = extra.get(PAGE_SIZE_SETTING, PAGE_SIZE)
    if not isinstance(size, int) or isinstance(size, bool) or size < 1:
        raise ValueError(f"mkdocs.yml: extra.{PAGE_SIZE_SETTING} must be a whole number of at least 1, not {size!r}")
    return size


def paginate(items: list[T], size: int = PAGE_SIZE) -> list[list[T]]:
    """Pages of ``size`` items; always at least one (possibly empty) page."""
    return [items[i:i + size] for i in range(0, len(items), size)] or [[]]


@dataclass(frozen=True)
class RegionListing:
    news: list[Item[NewsItem]] = field(default_factory=list)
    upcoming: list[Item[Event]] = field(default_factory=list)
    past: list[Item[Event]] = field(default_factory=list)


@dataclass(eq=False)
class Listings:
    news: list[Item[NewsItem]]  # newest first
    digizines: list[Item[NewsItem]]
    handreikingen: list[Item[NewsItem]]  # newest first
    by_category: dict[str, list[Item[NewsItem]]]  # category slug -> news, newest first (every known category)
    by_year: dict[int, list[Item[NewsItem]]]  # year -> news, newest year first
    upcoming: list[Item[Event]]  # soonest first
    past: list[Item[Event]]  # most recent first
    events_by_kind: dict[str, list[Item[Event]]]  # every event kind -> its events, soonest first
    recordings: list[Item[Event]]  # past webinars with a recording, newest first
    faq_recent: list[Item[FaqEntry]]
    faq_by_topic: dict[str, list[Item[FaqEntry]]]  # topic slug (vocabulary order) -> questions, by title
    by_region: dict[str, RegionListing]  # every known region
    neighbours: dict[str, tuple[Item[NewsItem] | None, Item[NewsItem] | None]]  # news id -> (newer, older)

    @classmethod
    def of(cls, content: Content, now: datetime) -> Listings:
        news = content.news
        vocab = content.vocabularies

        by_category: dict[str, list[Item[NewsItem]]] = {slug: [] for slug in vocab.categories}
        by_year: dict[int, list[Item[NewsItem]]] = {}
        by_region: dict[str, RegionListing] = {slug: RegionListing() for slug in vocab.regions}
        news_by_kind: dict[str, list[Item[NewsItem]]] = {kind: [] for kind in NEWS.kinds}  # newest first
        for item in news:
            news_by_kind[item.data.kind].append(item)
            for slug in item.data.categories:
                by_category.setdefault(slug, []).append(item)
            by_year.setdefault(item.data.date.year, []).append(item)
            for slug in item.data.regions:
                by_region.setdefault(slug, RegionListing()).news.append(item)

        upcoming = [e for e in content.events if is_upcoming(e, now)]
        past = [e for e in reversed(content.events) if not is_upcoming(e, now)]
        for event in upcoming:
            for slug in event.data.regions:
                by_region.setdefault(slug, RegionListing()).upcoming.append(event)
        for event in past:
            for slug in event.data.regions:
                by_region.setdefault(slug, RegionListing()).past.append(event)
        events_by_kind: dict[str, list[Item[Event]]] = {kind: [] for kind in EVENT_KINDS}
        for event in content.events:
            events_by_kind[event.data.kind].append(event)

        faq_by_topic: dict[str, list[Item[FaqEntry]]] = {slug: [] for slug in vocab.topics}
        for question in sorted(content.faq, key=lambda i: (i.title.casefold(), i.slug)):
            faq_by_topic.setdefault(question.data.topic, []).append(question)

        neighbours = {
            item.id: (news[i - 1] if i > 0 else None, news[i + 1] if i + 1 < len(news) else None)
            for i, item in enumerate(news)
        }
        return cls(
            news=news,
            digizines=news_by_kind["digizine"],
            handreikingen=news_by_kind["handreiking"],
            by_category=by_category,
            by_year=dict(sorted(by_year.items(), reverse=True)),
            upcoming=upcoming,
            past=past,
            events_by_kind=events_by_kind,
            recordings=[e for e in past if e.data.kind == "webinar" and e.data.recording is not None],
            faq_recent=content.faq[:HOME_FAQ],
            faq_by_topic={slug: items for slug, items in faq_by_topic.items() if items},
            by_region=by_region,
            neighbours=neighbours,
        )

    @property
    def home(self) -> dict[str, list[Item[NewsItem]] | list[Item[Event]] | list[Item[FaqEntry]]]:
        return {
            "news": self.news[:HOME_NEWS],
            "events": self.upcoming[:HOME_EVENTS],
            "recordings": self.recordings[:HOME_RECORDINGS],
            "faq": self.faq_recent,
        }
