"""Loaded content: items with their source, and the lookups every output shares.

Built once per build; every page, feed and calendar looks things up here in dicts instead of
scanning all items, so per-page work stays constant as content grows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import Any, Generic, TypeVar, cast

from sto.content.models import ContentModel, Event, FaqEntry, NewsItem
from sto.content.references import Reference
from sto.content.vocabulary import Vocabularies
from sto.content.sections import AGENDA, FAQ, NEWS, Section, section_of

M = TypeVar("M", bound=ContentModel, covariant=True)


@dataclass(frozen=True, eq=False)
class Item(Generic[M]):
    """One content file: its validated front matter (``data``, one of the models), Markdown body
    and where it came from. ``Item[NewsItem]`` is a news item: code takes the typed lists of
    ``Content`` (``news``, ``faq``, ``events``) instead of asking an item for its section."""

    data: M
    body: str
    path: str  # relative to the project root, as editors see it
    slug: str
    body_line: int = 1
    id_line: int = 2
    source_digest: str = ""  # of its path and file bytes (sto.cache.fingerprint): what caches key it by
    references: tuple[Reference, ...] = ()  # every address it links to or shows, with its line (sto.content.references)

    @property
    def section(self) -> Section[Any]:
        return section_of(self.data)

    @cached_property  # asked ~18 times per item in a build (links in listings, feeds, calendars, views)
    def url(self) -> str:
        """Site-relative URL with directory URLs, e.g. ``nieuws/borgen/``."""
        return self.section.item_url(self.slug)

    @property
    def src_uri(self) -> str:
        """The virtual Markdown file MkDocs builds this item's page from."""
        return f"{self.url.removesuffix('/')}.md"

    @property
    def id(self) -> str:
        return self.data.id

    @property
    def title(self) -> str:
        return self.data.title


AnyItem = Item[ContentModel]
S = TypeVar("S", bound=ContentModel)


@dataclass(eq=False)
class Content:
    items: list[AnyItem]
    vocabularies: Vocabularies = field(default_factory=Vocabularies)

    @cached_property
    def by_id(self) -> dict[str, AnyItem]:
        return {item.id: item for item in self.items}

    @cached_property
    def by_src_uri(self) -> dict[str, AnyItem]:
        return {item.src_uri: item for item in self.items}

    def of(self, section: Section[S]) -> list[Item[S]]:
        """The items of one section, typed by its model, in file order."""
        return [cast("Item[S]", i) for i in self.items if i.section is section]

    @cached_property
    def news(self) -> list[Item[NewsItem]]:
        """Newest first; items of the same date (or month) by file name, last first (file names
        start with their date), so builds are reproducible."""
        return sorted(self.of(NEWS), key=lambda i: (i.data.date.toordinal(), i.slug), reverse=True)

    @cached_property
    def faq(self) -> list[Item[FaqEntry]]:
        """Most recently added or updated first."""
        return sorted(self.of(FAQ), key=lambda i: (-(i.data.updated or i.data.date).toordinal(), i.slug))

    @cached_property
    def events(self) -> list[Item[Event]]:
        """Soonest first, ties by id (the calendar order)."""
        return sorted(self.of(AGENDA), key=lambda i: (i.data.starts_at, i.id))

    def published(self, now: datetime, *, drafts: bool = False) -> Content:
        """What the public sees at ``now``: no drafts (unless previewing), no news or FAQ dated in
        the future (an event has no publication date: it is in the agenda from the start, the
        sections' ``dated``)."""
        today = now.date()

        def visible(item: AnyItem) -> bool:
            if item.data.draft and not drafts:
                return False
            return not item.section.dated or getattr(item.data, "date") <= today

        return Content([i for i in self.items if visible(i)], self.vocabularies)
