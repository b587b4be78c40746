"""The sitemap's ``<lastmod>`` of every page: the day its content last changed, from the content
itself, never the build day.

- An item's page: its ``updated``, else its ``date`` (an event: ``updated``, else ``published``,
  the day it was first in the agenda); an event that has ended also changed on the day it ended
  (its page then says it is over). An event with none of these gets no lastmod.
- An overview: the newest of those days among the items it shows (its own slice, on each page of
  a listing); a page that splits events into upcoming and past also changed when the latest
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
from typing import Any

from sto.content.items import AnyItem, Item
from sto.site import section_pages
from sto.site.listings import RegionListing


def item_day(item: AnyItem, now: datetime) -> date | None:
    return section_pages.of(item).last_changed(item, now)


def newest(items: Iterable[AnyItem], now: datetime) -> date | None:
    return max((d for d in (item_day(item, now) for item in items) if d is not None), default=None)


# The view keys that hold the items an overview shows (views.listing_pages, Listings.home).
_ITEM_KEYS = ("items", "upcoming", "past", "news", "events", "recordings", "faq")


def view_day(view: dict[str, Any], now: datetime) -> date | None:
    """The newest content day among the items a generated page's view shows."""
    shown: list[AnyItem] = []
    for key in _ITEM_KEYS:
        value = view.get(key)
        if isinstance(value, list):
            shown.extend(i for i in value if isinstance(i, Item))
    for _name, _url, region in view.get("regions", []):  # the regions overview: each region's items
        if isinstance(region, RegionListing):
            shown.extend([*region.news, *region.upcoming, *region.past])
    return newest(shown, now)
