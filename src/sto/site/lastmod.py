"""The sitemap's ``<lastmod>`` of every page: the day its content last changed, from the content
itself, never the build day.

- An item's page: its ``updated``, else its ``date`` (an event: ``updated``, else ``published``,
  the day it was first in the agenda); an event that has ended also changed on the day it ended
  (its page then says it is over). An event with none of these gets no lastmod.
- An overview: the newest of those days among the items it shows (its view's ``shown()``: its
  own slice, on each page of a listing); a page that splits events into upcoming and past also changed when the latest
  event it shows as past ended.
- Hand-written pages (``docs/``: Over STO, Privacy, ...) and pages that list no items: none.
  No reliable date exists for them: CI checks out a shallow clone, so git would give every file
  the last commit's date, and a file's mtime is the checkout's; a date in front matter would be
  one more thing editors must remember, and would go stale. The sitemap protocol makes
  lastmod optional, and search engines ignore dates that are not consistently true.

Deterministic: only content dates and the build's "now" (which decides what has ended).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from sto.content.items import AnyItem
from sto.site import section_pages


def item_day(item: AnyItem, now: datetime) -> date | None:
    return section_pages.of(item).last_changed(item, now)


def newest(items: Iterable[AnyItem], now: datetime) -> date | None:
    return max((d for d in (item_day(item, now) for item in items) if d is not None), default=None)
