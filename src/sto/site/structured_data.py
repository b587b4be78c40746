"""Structured data (schema.org JSON-LD) and Open Graph tags for a page, as plain dicts.

``json_for_html`` is the only way these reach a page: it escapes what could end a <script>
element or confuse an HTML parser, so a title containing ``</script>`` stays data.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, cast

import json
from datetime import date, datetime

from sto.clock import day_start
from sto.content.items import AnyItem
from sto.content.models import ContentModel, Event, NewsItem
from sto.site import urls
from sto.site.places import place

# The site's own share image (docs/assets/, made by scripts/brand_images.py): the wordmark on
# the site's colours, no logos of other organisations.
SHARE_IMAGE_SIZE = (1200, 630)
SHARE_IMAGE_ALT = "Sterk Techniekonderwijs: nieuws, agenda en veelgestelde vragen"

# What could end a <script> element or start markup inside it, and the line separators that
# older JavaScript parsers took for line ends; each as its JSON escape.
_HTML_UNSAFE: Mapping[str, str] = MappingProxyType({
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
})

EVENT_STATUS: Mapping[str, str] = MappingProxyType({
    "gepland": "https://schema.org/EventScheduled",
    "geannuleerd": "https://schema.org/EventCancelled",
    "verplaatst": "https://schema.org/EventRescheduled",
})


def json_for_html(value: object) -> str:
    """JSON that is safe inside <script type="application/ld+json"> and still parses to ``value``."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for unsafe, escaped in _HTML_UNSAFE.items():  # str.replace: a page's JSON-LD through translate() cost 10 µs
        if unsafe in text:
            text = text.replace(unsafe, escaped)
    return text


def absolute_link(link: str, site_url: str) -> str:
    """Editors may give /pad/naar/bestand or a full address; structured data needs full addresses."""
    if "://" in link:
        return link
    return site_url.rstrip("/") + "/" + link.lstrip("/")


def _iso(value: date | datetime) -> str:
    return value.isoformat()


def organization(site_name: str, site_url: str) -> dict[str, Any]:
    return {"@type": "Organization", "name": site_name, "url": site_url}


def home_page(site_name: str, site_url: str, description: str) -> list[dict[str, Any]]:
    """The home page's Organization and WebSite: only facts from the configuration (name,
    address) and the page (its description), and the site's own wordmark as logo; no contact details, none are
    given. No SearchAction: Google no longer shows a sitelinks search box (2024), and the
    site's search has no result-page address to name."""
    return [
        {"@context": "https://schema.org", **organization(site_name, site_url),
         "logo": absolute_link(urls.ICONS[512], site_url)},
        {"@context": "https://schema.org", "@type": "WebSite", "name": site_name, "url": site_url,
         "inLanguage": "nl", "description": description, "publisher": organization(site_name, site_url)},
    ]


def _zoned(day: date) -> str:
    """A content date as the moment it stands for (00:00 Amsterdam, clock.day_start), with its
    offset, as the feeds give it; a date known only to its month is its 1st."""
    return day_start(day).isoformat()


def image_of(news: NewsItem | None, site_url: str) -> tuple[str, str, tuple[int, int] | None]:
    """(absolute address, alt text, size when known) of a news item's own image, else of the
    site's share image."""
    if news is not None and news.image is not None:
        return absolute_link(news.image.src, site_url), news.image.alt, None
    return absolute_link(urls.SHARE_IMAGE, site_url), SHARE_IMAGE_ALT, SHARE_IMAGE_SIZE


def news_article(news: NewsItem, page_url: str, site_name: str, site_url: str) -> dict[str, Any]:
    return {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": news.title,
        "description": news.summary,
        "datePublished": _zoned(news.date),
        "dateModified": _zoned(news.updated or news.date),
        "image": image_of(news, site_url)[0],
        "inLanguage": "nl",
        "mainEntityOfPage": page_url,
        "url": page_url,
        "publisher": organization(site_name, site_url),
        "author": organization(site_name, site_url),
    }


def _event_dates(event: Event) -> dict[str, Any]:
    """Dates with their UTC offset; all-day events as plain dates (schema.org allows both)."""
    if event.all_day:
        return {"startDate": _iso(event.start), "endDate": _iso(event.end or event.start)}
    dates = {"startDate": _iso(event.starts_at)}
    if event.end is not None:
        dates["endDate"] = _iso(event.ends_at)
    return dates


def event(ev: Event, page_url: str, site_name: str, site_url: str) -> dict[str, Any] | None:
    """An Event, only when the page states where it takes place: online (a VirtualLocation with
    the join address, else the page), on site (a Place with the address) or both. Google requires
    a location of every Event; an event whose place is "Nog niet bekend" gets none (its page
    keeps its breadcrumbs), and the model does not require one: STO announces events before the
    place is known (the seed's 12 June event has none), and a required field would make editors
    invent one."""
    where = place(ev)
    if not where.known:
        return None
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": ev.title,
        "url": page_url,
        "inLanguage": "nl",
        "eventStatus": EVENT_STATUS[ev.status],
        "organizer": organization(site_name, site_url),
        "image": absolute_link(urls.SHARE_IMAGE, site_url),
        **_event_dates(ev),
    }
    if ev.summary:
        data["description"] = ev.summary
    # Only what the page says (places.place): online, a place, or both.
    on_site = ({"@type": "Place", "name": where.location,
                "address": {"@type": "PostalAddress", "streetAddress": where.location, "addressCountry": "NL"}}
               if where.location else None)
    virtual = {"@type": "VirtualLocation", "url": ev.join_url or page_url} if where.online else None
    if virtual and on_site:
        data["eventAttendanceMode"] = "https://schema.org/MixedEventAttendanceMode"
        data["location"] = [virtual, on_site]
    else:
        data["eventAttendanceMode"] = ("https://schema.org/OnlineEventAttendanceMode" if virtual
                                       else "https://schema.org/OfflineEventAttendanceMode")
        data["location"] = virtual or on_site
    return data


def breadcrumbs(trail: list[tuple[str, str]]) -> dict[str, Any]:
    """``trail``: (name, absolute URL) from the home page down to the current page."""
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(trail, start=1)
        ],
    }


# Each schema.org type a section's pages may be (sto.content.sections: ``schema_type``): the model
# its section's items have, and how its JSON-LD is made (None: the page states too little).
Maker = Callable[[Any, str, str, str], dict[str, Any] | None]
SCHEMA_TYPES: Mapping[str, tuple[type[ContentModel], Maker]] = MappingProxyType({
    "NewsArticle": (NewsItem, news_article),
    "Event": (Event, event),
})


def for_item(item: AnyItem, page_url: str, site_name: str, site_url: str) -> dict[str, Any] | None:
    """The JSON-LD of the schema.org type its section's pages are (a NewsArticle for news, an
    Event for events with a location); nothing in a section without one (an FAQ question's page)."""
    schema_type = item.section.schema_type
    if schema_type is None:
        return None
    return SCHEMA_TYPES[schema_type][1](item.data, page_url, site_name, site_url)


def _article(item: AnyItem | None) -> NewsItem | None:
    """The news item an article's page is about (its section's pages are NewsArticles)."""
    return cast(NewsItem, item.data) if item is not None and item.section.schema_type == "NewsArticle" else None


def open_graph(*, title: str, description: str, url: str, site_name: str, item: AnyItem | None,
               site_url: str) -> dict[str, str]:
    """og:* properties (name -> content), in a fixed order."""
    news = _article(item)
    tags = {
        "og:type": "article" if news is not None else "website",
        "og:title": title,
        "og:description": description,
        "og:url": url,
        "og:site_name": site_name,
        "og:locale": "nl_NL",
    }
    tags["og:image"], tags["og:image:alt"], size = image_of(news, site_url)
    if size:
        tags["og:image:width"], tags["og:image:height"] = str(size[0]), str(size[1])
    if news is not None:
        tags["article:published_time"] = _zoned(news.date)
        if news.updated:
            tags["article:modified_time"] = _zoned(news.updated)
    return tags
