"""Shared helpers for the whole-site checks (validity, links, third parties, escaping).

``corpus_site`` (session-scoped, registered in conftest.py) builds ONE site per test run from
the frozen corpus in tests/corpus/ (a copy of the seed content plus every kind of item,
including hostile ones), so that every page type, feed and calendar the build makes is checked
without building again, and exact facts hold whatever editors change in content/.

The checks are generic over what the build writes (every *.html, *.css, *.xml, *.json, *.ics
under the site dir), so new page types, feeds and calendars are covered automatically.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from urllib.parse import urljoin

import pytest
from lxml import etree
from lxml import html as lxml_html

from .sitebuild import ROOT, BuiltSite, build_corpus, mkdocs_build


# The hostile texts in the corpus (tests/corpus/content/*/fixture-gevaarlijk*.md), as the
# escaping checks look for them: markup, quotes, ampersands, right-to-left scripts and emoji.
MARKER = "sto-xss"
HOSTILE_TITLE = f'Let op: <script>alert("{MARKER}")</script> & \'enkel\' "dubbel" — عربي עברית 🎉👩‍🔧'
HOSTILE_SUMMARY = f'Samenvatting met </script><script>alert("{MARKER}")</script> & "quotes" — שלום 🎉'
HOSTILE_BODY = (f'Tekst met <script>alert("{MARKER}")</script> en een losse </script> en '
                '"aanhalingstekens" & \'apostrofs\' & &amp; entiteiten.\n\n'
                "مرحبا بالعالم — שלום עולם — 👩‍🔧🎉\n")


# Items in the corpus that tests look at by name.
IMAGE_SLUG = "2024-06-10-bericht-met-afbeelding"  # an image, an update, a region and SCRIPT_TITLE
SCRIPT_TITLE = 'Titel met </script><script>alert("x")</script> & meer'
RECORDED_SLUG = "2024-05-22-webinar-met-opname"  # a past webinar with a YouTube recording
YOUTUBE_ID = "dQw4w9WgXcQ"
CANCELLED_SLUG = "2024-07-03-geannuleerd"  # an online event in America/Curacao, cancelled
MOVED_SLUG = "2024-07-10-verplaatst"  # a physical event, moved
PLACE_SLUG = "2024-09-12-regiodag"  # two whole days


@pytest.fixture(scope="session")
def corpus_site(tmp_path_factory) -> BuiltSite:
    """The frozen corpus at 2024-06-15, built once per test run and shared. Read only."""
    return build_corpus(tmp_path_factory.mktemp("corpus-site"))


@pytest.fixture(scope="session")
def content_site(tmp_path_factory) -> BuiltSite:
    """The real content/, built once per test run as of today (what an editor's build shows).
    Read only; for invariants only, which hold on any day."""
    return mkdocs_build(ROOT, tmp_path_factory.mktemp("content-site") / "site", str(int(time.time())))


# ---- Finding references in each kind of file -------------------------------------------------

# HTML attributes that hold a URL, per element ('*' = any element).
URL_ATTRIBUTES = {"href", "src", "poster", "action", "data", "cite", "formaction", "background", "xlink:href"}


def srcset_urls(value: str) -> list[str]:
    return [part.strip().split()[0] for part in value.split(",") if part.strip()]


def html_references(doc) -> list[tuple[object, str, str]]:
    """(element, attribute, URL) for every URL-valued attribute in a parsed HTML document."""
    found = []
    for element in doc.iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in element.attrib.items():
            name = name.split("}")[-1] if name.startswith("{") else name
            if name in URL_ATTRIBUTES and value.strip():
                found.append((element, name, value.strip()))
            elif name in ("srcset", "imagesrcset"):
                found += [(element, name, url) for url in srcset_urls(value)]
    return found


URL_IN_TEXT = re.compile(r"https?://[^\s\"'<>\\)\]]+")


def text_urls(text: str) -> list[str]:
    return [url.rstrip(".,;:") for url in URL_IN_TEXT.findall(text)]


def _fragment_references(markup: str, base: str) -> list[str]:
    """URLs in a piece of HTML carried inside a feed (content, description)."""
    if "<" not in markup:
        return []
    try:
        fragment = lxml_html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return []
    return [urljoin(base, url) for _, _, url in html_references(fragment)]


def xml_references(path: Path, base: str) -> list[str]:
    """Every URL in an XML file: URL-valued attributes, URL text, and links in embedded HTML."""
    root = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
    found = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in element.attrib.items():
            local = name.split("}")[-1]
            if local in ("href", "url", "src", "about", "resource"):
                found.append(urljoin(base, value))
        text = element.text or ""
        found += text_urls(text)
        found += _fragment_references(text, base)
    return found


def json_strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in json_strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in json_strings(v)]
    return []


def json_references(path: Path, base: str) -> list[str]:
    found = []
    for text in json_strings(json.loads(path.read_text(encoding="utf-8"))):
        found += text_urls(text)
        found += _fragment_references(text, base)
    return found


def ics_values(path: Path) -> list[tuple[str, str]]:
    """(property name, text value) for every property of every component, read by icalendar."""
    from icalendar import Calendar

    calendar = Calendar.from_ical(path.read_bytes())
    values = []
    for component in calendar.walk():
        for name, value in component.property_items(recursive=False):
            if isinstance(value, bytes):
                value = value.decode("utf-8", "replace")
            values.append((name, str(value)))
    return values


def ics_references(path: Path, base: str) -> list[str]:
    found = []
    for _, value in ics_values(path):
        found += text_urls(value)
        found += _fragment_references(value, base)
    return found
