"""Loaded content: items with their source, and the lookups every output shares.

Built once per build; every page, feed and calendar looks things up here in dicts instead of
scanning all items, so per-page work stays constant as content grows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property

from sto.content.models import Event, FaqEntry, NewsItem
from sto.content.vocabulary import Vocabularies

# section -> (content folder, URL prefix)
SECTIONS = {"news": ("news", "nieuws"), "faq": ("faq", "veelgestelde-vragen"), "agenda": ("agenda", "agenda")}


@dataclass(frozen=True, eq=False)
class Item:
    """One content file: its validated front matter (``data``), Markdown body and where it came from."""

    data: NewsItem | FaqEntry | Event
    body: str
    path: str  # relative to the project root, as editors see it
    slug: str
    body_line: int = 1
    id_line: int = 2
    source_digest: str = ""  # of its path and file bytes (sto.cache.fingerprint): what caches key it by

    @property
    def section(self) -> str:
        return self.data.section

    @property
    def url(self) -> str:
        """Site-relative URL with directory URLs, e.g. ``nieuws/borgen/``."""
        return f"{SECTIONS[self.section][1]}/{self.slug}/"

    @property
    def src_uri(self) -> str:
        """The virtual Markdown file MkDocs builds this item's page from."""
        return f"{SECTIONS[self.section][1]}/{self.slug}.md"

    @property
    def id(self) -> str:
        return self.data.id

    @property
    def title(self) -> str:
        return self.data.title


@dataclass(eq=False)
class Content:
    items: list[Item]
    vocabularies: Vocabularies = field(default_factory=Vocabularies)

    @cached_property
    def by_id(self) -> dict[str, Item]:
        return {item.id: item for item in self.items}

    @cached_property
    def by_src_uri(self) -> dict[str, Item]:
        return {item.src_uri: item for item in self.items}

    @cached_property
    def news(self) -> list[Item]:
        """Newest first; same-day items in a fixed order so builds are reproducible."""
        items = [i for i in self.items if i.section == "news"]
        return sorted(items, key=lambda i: (-i.data.date.toordinal(), i.slug))

    @cached_property
    def faq(self) -> list[Item]:
        """Most recently added or updated first."""
        items = [i for i in self.items if i.section == "faq"]
        return sorted(items, key=lambda i: (-(i.data.updated or i.data.date).toordinal(), i.slug))

    @cached_property
    def events(self) -> list[Item]:
        """Soonest first, ties by id (the calendar order)."""
        items = [i for i in self.items if i.section == "agenda"]
        return sorted(items, key=lambda i: (i.data.starts_at, i.id))

    def published(self, now: datetime, *, drafts: bool = False) -> Content:
        """What the public sees at ``now``: no drafts (unless previewing), no news dated in the future."""
        today = now.date()

        def visible(item: Item) -> bool:
            if item.data.draft and not drafts:
                return False
            return item.section == "agenda" or item.data.date <= today

        return Content([i for i in self.items if visible(i)], self.vocabularies)
