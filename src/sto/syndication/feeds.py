"""News feeds: RSS 2.0, Atom 1.0 and JSON Feed 1.1 of the newest news, and one set per category.

Ids and dates are a public contract: a feed reader re-delivers every entry whose id changes,
so ids come only from the item's fixed ``id`` and dates only from the content, never from the
build time.

RSS is written with feedgen, around its traps (see README "Feeds and calendars"): every date
is set explicitly (feedgen defaults lastBuildDate to now), entries are added with
``order="append"`` (the default prepends), the channel link is set once and last (RSS keeps
only the last link added) and content goes in as escaped text, never feedgen's "CDATA" type.
Atom and JSON Feed are rendered here: feedgen's Atom entry links lose rel/type (so no
enclosure) and it has no JSON Feed at all.
"""

from __future__ import annotations

import html

import json
import mimetypes
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from feedgen.feed import FeedGenerator
from lxml import etree

from sto.site.build import Build
from sto.clock import AMSTERDAM, day_start
from sto.content.items import Item
from sto.content.models import NewsItem
from sto.site import urls
from sto.site.presentation import about_category

LANGUAGE = "nl-NL"
NEWEST = 20
# A feed without entries still needs a date; a fixed one keeps it from changing per build.
EMPTY_FEED_DATE = datetime(2024, 1, 1, tzinfo=AMSTERDAM)
# The year in every tag: URI; fixed forever, like the ids themselves (RFC 4151).
TAG_YEAR = "2024"

ATOM_NS = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True)
class Feed:
    """One set of feeds (RSS, Atom, JSON) over a selection of news items."""

    key: str  # "nieuws" or a category slug
    title: str
    description: str
    folder: str  # site-relative folder holding rss.xml, atom.xml and feed.json
    items: list[Item[NewsItem]]
    category: str | None = None

    @property
    def rss_path(self) -> str:
        return f"{self.folder}rss.xml"

    @property
    def atom_path(self) -> str:
        return f"{self.folder}atom.xml"

    @property
    def json_path(self) -> str:
        return f"{self.folder}feed.json"


def feed_folder(category: str | None = None) -> str:
    return f"feeds/categorie/{category}/" if category else "feeds/"


def news_feeds(build: Build) -> list[Feed]:
    """The main news feed and one per category (also empty ones, so their address never 404s)."""
    publisher, listings = build.site_name, build.listings
    feeds = [Feed("nieuws", f"{publisher}: nieuws", f"Nieuws, digizines en handreikingen van {publisher}.",
                  feed_folder(), listings.news[:NEWEST])]
    for slug, name in sorted(build.content.vocabularies.categories.items()):
        feeds.append(Feed(slug, f"{publisher}: {name}", about_category(name, publisher),
                          feed_folder(slug), listings.by_category[slug][:NEWEST], slug))
    return feeds


def in_feeds(build: Build) -> frozenset[str]:
    """The ids of the news items some feed carries (the newest of each feed): only their pages'
    HTML is made fit for feeds."""
    return frozenset(item.id for feed in news_feeds(build) for item in feed.items)


def guid(item: Item[NewsItem], site_url: str) -> str:
    """A tag: URI (RFC 4151) from the item's fixed id: never from its title or address."""
    return f"tag:{urlsplit(site_url).hostname},{TAG_YEAR}:{item.id}"


def feed_id(feed: Feed, site_url: str) -> str:
    return f"tag:{urlsplit(site_url).hostname},{TAG_YEAR}:feed:{feed.key if feed.category else 'nieuws'}"


def published(item: Item[NewsItem]) -> datetime:
    return day_start(item.data.date)


def modified(item: Item[NewsItem]) -> datetime:
    return day_start(item.data.updated or item.data.date)


def feed_updated(feed: Feed) -> datetime:
    """The newest entry's date; never the build time."""
    return max((modified(i) for i in feed.items), default=EMPTY_FEED_DATE)


@dataclass(frozen=True)
class Enclosure:
    url: str
    length: int
    type: str


# path under docs/ (e.g. "/afbeeldingen/x.jpg") -> its size in bytes, or None when absent
FileSize = Callable[[str], int | None]


def enclosure(item: Item[NewsItem], build: Build, file_size: FileSize) -> Enclosure | None:
    """The item's image, when it is a file on this site whose length we know (never fetched)."""
    image = item.data.image
    if image is None or not image.src.startswith("/"):
        return None
    length = file_size(image.src)
    kind = mimetypes.guess_type(image.src)[0]
    if length is None or kind is None:
        return None
    return Enclosure(build.absolute(image.src), length, kind)


@dataclass(frozen=True)
class Entry:
    """What every feed format says about one item."""

    id: str
    url: str
    title: str
    summary: str
    html: str
    published: datetime
    updated: datetime
    categories: list[tuple[str, str]]  # (slug, Dutch name)
    enclosure: Enclosure | None


def entries(feed: Feed, build: Build, html_by_id: dict[str, str], file_size: FileSize) -> list[Entry]:
    names = build.content.vocabularies.categories
    return [Entry(guid(item, build.site_url), build.absolute(item.url), item.title, item.data.summary,
                  html_by_id.get(item.id, ""), published(item), modified(item),
                  [(slug, names.get(slug, slug)) for slug in item.data.categories],
                  enclosure(item, build, file_size))
            for item in feed.items]


def home_page(feed: Feed, build: Build) -> str:
    """The page a feed belongs to: a category's news page, or the home page ("Actueel"), which
    lists the newest news."""
    return build.absolute(urls.category(feed.category) if feed.category else urls.HOME)


def rss(feed: Feed, build: Build, items: list[Entry]) -> bytes:
    fg = FeedGenerator()
    # RSS says nothing of a title's type and readers (feedparser among them) read markup in it as
    # HTML: escaped as HTML, every reader shows the text as it was typed ("R&D", "<b>" included).
    fg.title(html.escape(feed.title, quote=False))
    fg.description(html.escape(feed.description, quote=False))  # like each item: readers may read it as HTML
    fg.language(LANGUAGE)
    fg.generator(build.site_name)  # feedgen's own generator string carries its version: bytes would change on upgrade
    fg.docs("https://www.rssboard.org/rss-specification")
    fg.link(href=build.absolute(feed.rss_path), rel="self", type="application/rss+xml")
    fg.link(href=home_page(feed, build), rel="alternate")  # last: RSS keeps only the last link added
    # The wordmark icon (RSS allows at most 144 px wide); title and link must equal the channel's.
    fg.image(build.absolute(urls.ICONS[144]), feed.title, home_page(feed, build), "144", "144")
    fg.lastBuildDate(feed_updated(feed))  # else feedgen writes the build time
    if items:
        fg.pubDate(max(e.published for e in items))
    for e in items:
        fe = fg.add_entry(order="append")  # the default prepends, reversing our order
        fe.guid(e.id, permalink=False)
        fe.title(html.escape(e.title, quote=False))  # as the channel's title
        fe.link(href=e.url)
        fe.description(html.escape(e.summary, quote=False))  # RSS readers read description as HTML
        if e.html:
            fe.content(e.html)  # escaped text in content:encoded; no type="CDATA"
        fe.pubDate(e.published)
        for slug, name in e.categories:
            fe.category(term=name)
        if e.enclosure:
            fe.enclosure(e.enclosure.url, str(e.enclosure.length), e.enclosure.type)
    return bytes(fg.rss_str(pretty=True, encoding="UTF-8", xml_declaration=True))


def _el(parent: etree._Element, tag: str, text: str | None = None, **attrs: str | None) -> etree._Element:
    element = etree.SubElement(parent, f"{{{ATOM_NS}}}{tag}", {k: v for k, v in attrs.items() if v is not None})
    if text is not None:
        element.text = text
    return element


def rfc3339(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def atom(feed: Feed, build: Build, items: list[Entry]) -> bytes:
    # lxml's default namespace has the key None, which lxml-stubs does not allow for.
    root = etree.Element(f"{{{ATOM_NS}}}feed", nsmap={None: ATOM_NS})  # type: ignore[dict-item]
    root.set(XML_LANG, LANGUAGE)
    _el(root, "id", feed_id(feed, build.site_url))
    _el(root, "title", feed.title, type="text")
    _el(root, "subtitle", feed.description, type="text")
    # The site's page first: a reader that takes the first link as the feed's site would
    # otherwise show the feed's own address.
    _el(root, "link", rel="alternate", type="text/html", href=home_page(feed, build))
    _el(root, "link", rel="self", type="application/atom+xml", href=build.absolute(feed.atom_path))
    _el(root, "icon", build.absolute(urls.ICONS[64]))  # square, small
    _el(root, "logo", build.absolute(urls.SHARE_IMAGE))  # about 2:1, as RFC 4287 advises
    _el(root, "updated", rfc3339(feed_updated(feed)))
    _el(_el(root, "author"), "name", build.site_name)
    for e in items:
        entry = _el(root, "entry")
        _el(entry, "id", e.id)
        _el(entry, "title", e.title, type="text")
        _el(entry, "link", rel="alternate", type="text/html", href=e.url)
        if e.enclosure:
            _el(entry, "link", rel="enclosure", type=e.enclosure.type, href=e.enclosure.url,
                length=str(e.enclosure.length))
        _el(entry, "published", rfc3339(e.published))
        _el(entry, "updated", rfc3339(e.updated))
        for slug, name in e.categories:
            _el(entry, "category", term=slug, label=name)
        _el(entry, "summary", e.summary, type="text")
        if e.html:
            _el(entry, "content", e.html, type="html")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def json_feed(feed: Feed, build: Build, items: list[Entry]) -> bytes:
    document = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": feed.title,
        "home_page_url": home_page(feed, build),
        "feed_url": build.absolute(feed.json_path),
        "description": feed.description,
        "language": LANGUAGE,
        "icon": build.absolute(urls.ICONS[512]),  # JSON Feed 1.1: 512 x 512
        "favicon": build.absolute(urls.ICONS[64]),  # 64 x 64
        "authors": [{"name": build.site_name, "url": build.absolute("")}],
        "items": [_json_item(e) for e in items],
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _json_item(e: Entry) -> dict[str, Any]:
    item: dict[str, Any] = {"id": e.id, "url": e.url, "title": e.title, "summary": e.summary,
            "date_published": rfc3339(e.published), "date_modified": rfc3339(e.updated),
            "tags": [name for _, name in e.categories]}
    item["content_html"] = e.html or html.escape(e.summary, quote=False)
    if e.enclosure:
        item["image"] = e.enclosure.url
        item["attachments"] = [{"url": e.enclosure.url, "mime_type": e.enclosure.type,
                                "size_in_bytes": e.enclosure.length}]
    return item


def feed_files(build: Build, html_by_id: dict[str, str], file_size: FileSize) -> dict[str, bytes]:
    """Site-relative path -> bytes of every news feed."""
    files: dict[str, bytes] = {}
    for feed in news_feeds(build):
        items = entries(feed, build, html_by_id, file_size)
        files[feed.rss_path] = rss(feed, build, items)
        files[feed.atom_path] = atom(feed, build, items)
        files[feed.json_path] = json_feed(feed, build, items)
    return files


@dataclass(frozen=True)
class FeedLink:
    """One autodiscovery <link rel="alternate">."""

    type: str
    title: str
    href: str
    format: str  # "RSS", "Atom" or "JSON Feed", what a visitor reads on a link
    path: str  # site-relative, for links on our own pages


FEED_FORMATS = (("application/rss+xml", "RSS", "rss.xml"), ("application/atom+xml", "Atom", "atom.xml"),
                ("application/feed+json", "JSON Feed", "feed.json"))


def _feed_set(build: Build, folder: str, label: str) -> list[FeedLink]:
    return [FeedLink(kind, f"{build.site_name}: {label} ({name})", build.absolute(f"{folder}{file}"), name,
                     f"{folder}{file}") for kind, name, file in FEED_FORMATS]


def category_feed_links(build: Build, category: str) -> list[FeedLink]:
    """One category's three feeds; none for an unknown category or one without news. An empty
    feed is still written (its address stays valid, and the readers we test read it), but
    not offered: some readers refuse a feed without entries, and a visitor gains nothing."""
    name = build.content.vocabularies.categories.get(category)
    return _feed_set(build, feed_folder(category), name) if name and build.listings.by_category.get(category) else []


def feed_links(build: Build, category: str | None = None) -> list[FeedLink]:
    """The autodiscovery links: the news feeds, plus a category's when a page is about one."""
    return _feed_set(build, feed_folder(), "nieuws") + (category_feed_links(build, category) if category else [])
