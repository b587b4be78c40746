"""Shared helpers for the whole-site checks (validity, links, third parties, escaping).

``site_check`` (session-scoped, registered in conftest.py) builds ONE site per test run: the
seed content plus a fixture corpus with every kind of item, including a hostile one, so that
every page type, feed and calendar the build makes is checked without building again.

The checks are generic over what the build writes (every *.html, *.css, *.xml, *.json, *.ics
under the site dir), so new page types, feeds and calendars are covered automatically.
"""

from __future__ import annotations

import base64
import json
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
import yaml
from lxml import etree
from lxml import html as lxml_html

from .sitebuild import EPOCH_2024_06_15, copy_project, mkdocs_build

SITE_URL = "https://www.sterktechniekonderwijs.nl/"

# Content an attacker or a careless paste could put in a title and body: markup, quotes,
# ampersands, right-to-left scripts and emoji (with a zero-width joiner).
MARKER = "sto-xss"
HOSTILE_TITLE = f'Let op: <script>alert("{MARKER}")</script> & \'enkel\' "dubbel" — عربي עברית 🎉👩‍🔧'
HOSTILE_SUMMARY = f'Samenvatting met </script><script>alert("{MARKER}")</script> & "quotes" — שלום 🎉'
HOSTILE_BODY = (f'Tekst met <script>alert("{MARKER}")</script> en een losse </script> en '
                '"aanhalingstekens" & \'apostrofs\' & &amp; entiteiten.\n\n'
                "مرحبا بالعالم — שלום עולם — 👩‍🔧🎉\n")

# A 1x1 transparent PNG, for the image fields (the link check wants the files to exist).
PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")


def _item(meta: dict, body: str = "") -> str:
    header = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000)
    return f"---\n{header}---\n\n{body}"


# path under content/ -> file text. Every kind of item and every optional field at least once,
# and every kind of page (pages 2+ of the news index, a category, a year and a region too).
FIXTURE_ITEMS = {
    "news/fixture-nieuws-met-afbeelding.md": _item({
        "id": "f1x70000-0000-4000-8000-000000000001", "title": "Fixture: nieuws met afbeelding",
        "date": "2024-06-10", "updated": "2024-06-12", "summary": "Een bericht met een afbeelding en categorieën.",
        "categories": ["techniekonderwijs", "subsidie"], "regions": ["gorinchem-en-altena"],
        "image": {"src": "/afbeeldingen/fixture.png", "alt": "Leerlingen in een techlab"}},
        "## Eerste kop\n\nTekst met een [link naar een vraag](/veelgestelde-vragen/keuzevak-op-ander-niveau/) "
        "en een [externe link](https://www.rijksoverheid.nl/).\n\n| kolom | waarde |\n| --- | --- |\n| a | 1 |\n\n"
        "- een\n- twee\n\n!!! note \"Let op\"\n    Een notitie.\n"),
    "news/fixture-digizine.md": _item({
        "id": "f1x70000-0000-4000-8000-000000000002", "kind": "digizine", "title": "Fixture: digizine",
        "date": "2024-05-01", "summary": "Een digizine met een pdf.", "link": "https://www.example.nl/digizine",
        "pdf": "/downloads/fixture.pdf"}, "De digizine.\n"),
    "news/fixture-handreiking.md": _item({
        "id": "f1x70000-0000-4000-8000-000000000003", "kind": "handreiking", "title": "Fixture: handreiking",
        "date": "2024-04-01", "summary": "Een handreiking om te downloaden.", "download": "/downloads/fixture.pdf"},
        "De handreiking.\n"),
    "news/fixture-gevaarlijke-tekst.md": _item({
        "id": "f1x70000-0000-4000-8000-000000000004", "title": HOSTILE_TITLE, "date": "2024-06-14",
        "summary": HOSTILE_SUMMARY}, HOSTILE_BODY),
    "news/fixture-concept.md": _item({
        "id": "f1x70000-0000-4000-8000-000000000005", "title": "Fixture: concept (niet publiceren)",
        "date": "2024-06-01", "summary": "Een concept.", "draft": True}, "Concept.\n"),
    "news/fixture-ingepland.md": _item({
        "id": "f1x70000-0000-4000-8000-000000000006", "title": "Fixture: ingepland (nog niet publiceren)",
        "date": "2024-07-01", "summary": "Ingepland."}, "Later.\n"),
    "faq/fixture-vraag.md": _item({
        "id": "f1x70000-0000-4000-8000-000000000011", "title": "Fixture: geldt dit ook voor Caribisch Nederland?",
        "topic": "subsidie-en-begroting", "date": "2024-06-02", "updated": "2024-06-13"},
        "Ja. Zie ook [het bericht](/nieuws/fixture-nieuws-met-afbeelding/#eerste-kop).\n"),
    "agenda/fixture-webinar-met-opname.md": _item({
        "id": "f1x70000-0000-4000-8000-000000000021", "title": "Fixture: webinar met opname", "kind": "webinar",
        "series": "STO LIVE", "summary": "Terugkijken kan.", "start": "2024-05-22 15:00", "end": "2024-05-22 16:00",
        "online": True, "join_url": "https://www.example.nl/webinar", "regions": ["caribisch-nederland"],
        "recording": {"url": "https://www.youtube.com/watch?v=aaaaaaaaaaa", "poster": "/afbeeldingen/fixture.png",
                      "captions": "/downloads/fixture.vtt", "transcript": "/downloads/fixture.pdf"}},
        "Over de webinar.\n"),
    "agenda/fixture-geannuleerd.md": _item({
        "id": "f1x70000-0000-4000-8000-000000000022", "title": "Fixture: geannuleerde bijeenkomst",
        "kind": "bijeenkomst", "start": "2024-07-03 10:00", "end": "2024-07-03 12:30",
        "location": "Gorinchem, Techlab", "status": "geannuleerd", "status_note": "Te weinig aanmeldingen.",
        "sequence": 1, "categories": ["regionale-samenwerking"]}, "Gaat niet door.\n"),
    "agenda/fixture-hele-dagen.md": _item({
        "id": "f1x70000-0000-4000-8000-000000000023", "title": "Fixture: conferentie van twee dagen",
        "kind": "conferentie", "start": "2024-09-10", "end": "2024-09-11", "location": "Utrecht",
        "registration_url": "https://www.example.nl/aanmelden"}, "Twee dagen.\n"),
    "agenda/fixture-een-dag.md": _item({
        "id": "f1x70000-0000-4000-8000-000000000024", "title": "Fixture: trainingsdag", "kind": "training",
        "start": "2024-06-28", "timezone": "America/Curacao", "location": "Willemstad"}, ""),
    "agenda/fixture-gevaarlijk.md": _item({
        "id": "f1x70000-0000-4000-8000-000000000025", "title": HOSTILE_TITLE, "kind": "overig",
        "summary": HOSTILE_SUMMARY, "start": "2024-07-10 09:30", "end": "2024-07-10 11:00",
        "location": 'Zaal "A" & <b>B</b> — שלום'}, HOSTILE_BODY),
}
# Enough news in one category, one year and one region for a second page of each (10 a page).
FIXTURE_ITEMS.update({
    f"news/fixture-paginering-{n:02d}.md": _item({
        "id": f"f1x70000-0000-4000-8000-0000000001{n:02d}", "title": f"Fixture: bericht {n} voor een tweede pagina",
        "date": f"2023-03-{n:02d}", "summary": f"Bericht {n} uit 2023.", "categories": ["regionale-samenwerking"],
        "regions": ["caribisch-nederland"]}, f"Tekst van bericht {n}.\n")
    for n in range(1, 12)
})
FIXTURE_ITEMS.update({  # with the webinar above, more past events in that region than its first page shows
    f"agenda/fixture-geweest-{n}.md": _item({
        "id": f"f1x70000-0000-4000-8000-0000000002{n:02d}", "title": f"Fixture: bijeenkomst {n} die geweest is",
        "kind": "bijeenkomst", "start": f"2023-04-{n:02d} 10:00", "location": "Kralendijk",
        "regions": ["caribisch-nederland"]}, "")
    for n in range(1, 6)
})
FIXTURE_FILES = {  # path under docs/ -> bytes
    "afbeeldingen/fixture.png": PNG,
    "downloads/fixture.pdf": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n",
    "downloads/fixture.vtt": "WEBVTT\n\n00:00.000 --> 00:01.000\nWelkom.\n".encode(),
}


def make_fixture_project(dest: Path) -> Path:
    """A copy of the project with the fixture corpus added to the seed content."""
    project = copy_project(dest)
    for relpath, text in FIXTURE_ITEMS.items():
        (project / "content" / relpath).write_text(text, encoding="utf-8")
    for relpath, data in FIXTURE_FILES.items():
        target = project / "docs" / relpath
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return project


@dataclass
class BuiltSite:
    project: Path
    site: Path
    site_url: str = SITE_URL

    def files(self, *suffixes: str) -> list[Path]:
        return sorted(p for p in self.site.rglob("*") if p.is_file() and p.suffix in suffixes)

    @cached_property
    def html_files(self) -> list[Path]:
        return self.files(".html")

    def url_of(self, path: Path) -> str:
        """The public URL of a file in the site dir (directory URLs for index.html)."""
        rel = path.relative_to(self.site).as_posix()
        if rel == "index.html":
            rel = ""
        elif rel.endswith("/index.html"):
            rel = rel.removesuffix("index.html")
        return self.site_url + rel

    def parse_html(self, path: Path):
        return lxml_html.fromstring(path.read_bytes())

    def target_of(self, url: str) -> Path | None:
        """The file a URL on this site is served from, or None when it is not on this site."""
        parts = urlsplit(url)
        base = urlsplit(self.site_url)
        if (parts.scheme, parts.netloc) != (base.scheme, base.netloc) or not parts.path.startswith(base.path):
            return None
        rel = unquote(parts.path[len(base.path):])
        candidate = self.site / rel
        if rel == "" or rel.endswith("/") or candidate.is_dir():
            candidate = candidate / "index.html"
        return candidate

    @cached_property
    def anchors(self) -> dict[Path, set[str]]:
        """Every id (and legacy name=) per HTML file, parsed once."""
        found = {}
        for path in self.html_files:
            doc = self.parse_html(path)
            found[path] = set(doc.xpath("//@id")) | set(doc.xpath("//a/@name"))
        return found


def build_fixture_site(base: Path) -> BuiltSite:
    project = make_fixture_project(base / "project")
    site = base / "site"
    mkdocs_build(project, site, EPOCH_2024_06_15)
    return BuiltSite(project, site)


@pytest.fixture(scope="session")
def site_check(tmp_path_factory) -> BuiltSite:
    """The seed site plus the fixture corpus, built once per test run and shared."""
    return build_fixture_site(tmp_path_factory.mktemp("fixture-site"))


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
