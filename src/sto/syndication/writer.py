"""Feeds and calendars for one build: what templates ask about them, and the files to write.

The MkDocs adapter hands over each news page's converted HTML (``FeedHtml``, one dict write per
page); once every page is converted it has ``syndication_files`` made (in ``mkdocs build`` beside
the rendering, in a process of its own) and writes them with ``write_files``.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from pathlib import Path

from sto.site.build import Build
from sto.cache.store import Reuse, no_reuse
from sto.syndication.calendar_links import EventLinks, Subscription, event_links, subscriptions
from sto.syndication.calendars import calendar_files, event_calendar_path, subscription_calendars
from sto.content.items import Item
from sto.content.models import Event
from sto.syndication.feed_html import feed_html
from sto.syndication.feeds import FeedLink, FileSize, feed_files, feed_links, in_feeds, news_feeds
from sto.site import urls
from sto.site.listings import is_upcoming
from sto.site.pages import page_source
from sto.site.site_files import file_for, site_path
from sto.site.views import GeneratedPage, SubscribeView

SUBSCRIBE_PAGE = urls.src_uri(urls.AGENDA_FOLLOW)
SUBSCRIBE_TEMPLATE = "sto/agenda-volgen.html"


class FeedHtml(dict[str, str]):
    """Item id -> the full HTML of its page, URLs made absolute, for content:encoded; only for
    the news items a feed carries."""

    def __init__(self, build: Build):
        super().__init__()
        self.build = build
        self._wanted = in_feeds(build)

    def add(self, src_uri: str, html: str) -> None:
        item, feed = self.build.item_for(src_uri), self.for_page(src_uri, html)
        if item is not None and feed is not None:
            self[item.id] = feed

    def for_page(self, src_uri: str, html: str) -> str | None:
        """What ``add`` keeps for this page (None: not a news item in a feed), without keeping it."""
        item = self.build.item_for(src_uri)
        if item is None or item.id not in self._wanted:  # ids are unique across sections: only news is wanted
            return None
        return feed_html(html, self.build.absolute(item.url))


def subscribe_page(build: Build) -> GeneratedPage:
    """The "Agenda volgen" page: its Markdown, and the view its template lists the calendars
    from (``sto_syndication.subscriptions``), with how many events each holds at the build's
    "now" as ``view.counts``: key -> [events in the calendar, of which still to come]. The
    counts change with "now", so they go through the page's context (and so into its render
    fingerprint), never through a template global."""
    site_name = build.site_name
    body = (f"Zet de agenda van {site_name} in uw eigen agenda-app. U abonneert zich één keer; "
            "nieuwe en gewijzigde evenementen komen daarna vanzelf in uw agenda, en een geannuleerd "
            "evenement wordt daar als geannuleerd getoond.")
    counts = {calendar.key: (len(calendar.items), sum(is_upcoming(item, build.now) for item in calendar.items))
              for calendar in subscription_calendars(build)}
    return GeneratedPage(page_source({"title": "Agenda volgen", "template": SUBSCRIBE_TEMPLATE,
                                      "description": f"De agenda van {site_name} volgen in uw eigen agenda-app."},
                                     body), SubscribeView(url=urls.AGENDA_FOLLOW, counts=counts))


class Syndication:
    """What templates need: autodiscovery links, the calendars to subscribe to, an event's links."""

    def __init__(self, build: Build):
        self.build = build
        self._feed_links: dict[str | None, list[FeedLink]] = {}

    def feed_links(self, category: str | None = None) -> list[FeedLink]:
        """Asked by every page's <head>: built once per category, then looked up."""
        if category not in self._feed_links:
            self._feed_links[category] = feed_links(self.build, category)
        return self._feed_links[category]

    def category_feeds(self, category: str) -> list[FeedLink]:
        """A category page's own feeds, shown on the page (its <head> announces them too)."""
        return self.feed_links(category)[len(self.feed_links()):]

    @cached_property
    def subscriptions(self) -> list[Subscription]:
        return subscriptions(self.build)

    def event_links(self, item: Item[Event]) -> EventLinks:
        return event_links(item, self.build)

    def subscribe_url(self) -> str:
        return self.build.absolute(urls.AGENDA_FOLLOW)


def _file_size(docs_dir: Path) -> FileSize:
    def size(src: str) -> int | None:
        path = site_path(src)
        found = file_for(docs_dir, path) if path is not None else None
        return found.stat().st_size if found is not None else None
    return size


def syndication_paths(build: Build) -> list[str]:
    """The site-relative path of every file ``syndication_files`` makes, without making them
    (for the reference check, before the pages are rendered)."""
    feeds = [path for feed in news_feeds(build) for path in (feed.rss_path, feed.atom_path, feed.json_path)]
    calendars = [calendar.path for calendar in subscription_calendars(build)]
    return feeds + calendars + [event_calendar_path(item) for item in build.content.events]


def syndication_files(build: Build, html_by_id: dict[str, str], docs_dir: Path,
                      reuse: Reuse = no_reuse) -> dict[str, bytes]:
    """Site-relative path -> bytes of every feed and calendar (``reuse``: see calendar_files)."""
    return feed_files(build, html_by_id, _file_size(docs_dir)) | calendar_files(build, reuse)


def write_files(files: dict[str, bytes], site_dir: Path,
                write: Callable[[str, bytes], None] | None = None) -> list[str]:
    """Write ``syndication_files``' files into the site (through ``write`` when given); their paths."""
    for relative, data in files.items():
        if write is not None:
            write(relative, data)
            continue
        target = site_dir / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return list(files)
