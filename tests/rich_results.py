"""What Google's rich results ask of each JSON-LD type we publish, as a test's checker.

From Google Search Central's structured-data documentation (Event, Article, Breadcrumb,
Organization, Site names), read December 2026: the properties Google *requires* for a type to
be eligible, plus the ones it recommends that we always publish (so that losing one fails).
The Rich Results Test itself is an online service; the build and the tests stay offline.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from lxml import html as lxml_html

SCHEMA = "https://schema.org"


def blocks(page: bytes) -> list[dict[str, Any]]:
    """Every JSON-LD block of an HTML page, parsed."""
    doc = lxml_html.fromstring(page)
    return [json.loads(script.text) for script in doc.xpath('//script[@type="application/ld+json"]')]


def _iso(value: object) -> bool:
    if not isinstance(value, str):
        return False
    try:
        (datetime if "T" in value else date).fromisoformat(value)
    except ValueError:
        return False
    return "T" not in value or datetime.fromisoformat(value).tzinfo is not None  # a time needs its offset


def _url(value: object) -> bool:
    return isinstance(value, str) and value.startswith("https://")


def _location(place: Any) -> list[str]:
    if not isinstance(place, dict):
        return ["location is not an object"]
    if place.get("@type") == "VirtualLocation":
        return [] if _url(place.get("url")) else ["VirtualLocation without url"]
    if place.get("@type") == "Place":
        address = place.get("address")
        ok = isinstance(address, str) and address or (isinstance(address, dict) and any(
            address.get(k) for k in ("streetAddress", "addressLocality", "postalCode")))
        return [] if ok else ["Place without address"]
    return [f"location of type {place.get('@type')!r}"]


def _event(block: dict[str, Any]) -> list[str]:
    problems = [f"Event without {key}" for key in ("name", "startDate", "location") if not block.get(key)]
    if block.get("startDate") and not _iso(block["startDate"]):
        problems.append(f"startDate {block['startDate']!r} is not ISO 8601 with an offset")
    if block.get("endDate") and not _iso(block["endDate"]):
        problems.append(f"endDate {block['endDate']!r} is not ISO 8601 with an offset")
    locations = block.get("location")
    for place in locations if isinstance(locations, list) else [locations] if locations else []:
        problems += _location(place)
    return problems


def _article(block: dict[str, Any]) -> list[str]:
    problems = [f"{block['@type']} without {key}" for key in ("headline", "datePublished", "image", "author")
                if not block.get(key)]
    problems += [f"{key} {block[key]!r} is not ISO 8601" for key in ("datePublished", "dateModified")
                 if block.get(key) and not _iso(block[key])]
    if block.get("author") and not block["author"].get("name"):
        problems.append("author without name")
    return problems


def _breadcrumbs(block: dict[str, Any]) -> list[str]:
    elements = block.get("itemListElement") or []
    problems = [] if elements else ["BreadcrumbList without itemListElement"]
    for number, element in enumerate(elements, start=1):
        if element.get("position") != number or not element.get("name"):
            problems.append(f"ListItem {number} without position or name")
        if number < len(elements) and not _url(element.get("item")):
            problems.append(f"ListItem {number} without item")
    return problems


def _organization(block: dict[str, Any]) -> list[str]:
    problems = [f"Organization without {key}" for key in ("name", "url") if not block.get(key)]
    if "logo" in block and not _url(block["logo"]):
        problems.append("Organization logo is not an address")
    return problems


def _website(block: dict[str, Any]) -> list[str]:
    return [f"WebSite without {key}" for key in ("name", "url") if not block.get(key)]


CHECKS = {"Event": _event, "NewsArticle": _article, "Article": _article, "BreadcrumbList": _breadcrumbs,
          "Organization": _organization, "WebSite": _website}


def problems(block: dict[str, Any]) -> list[str]:
    """What keeps a block from Google's rich results (empty: eligible); an unknown type is a problem."""
    if block.get("@context") != SCHEMA:
        return [f"@context {block.get('@context')!r}"]
    check = CHECKS.get(block.get("@type", ""))
    return check(block) if check else [f"a type this checker does not know: {block.get('@type')!r}"]
