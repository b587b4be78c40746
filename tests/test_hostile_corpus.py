"""The hostile-content corpus (tests/hostile_corpus.py), built for real.

Every REFUSED case gives its Dutch ``path:line:`` problem from the loader (and a handful of
them, together, from a real ``mkdocs build``: non-zero exit, no traceback, within seconds).
Every NEUTRALISED text is built into ONE site (the test corpus plus these) and comes out as text in every output, each
read by its own parser: HTML pages (lxml), the search index (JSON, its HTML fragments),
RSS and Atom (feedparser, and the HTML inside), JSON Feed, .ics (icalendar and vobject),
JSON-LD.
"""

from __future__ import annotations

import html
import json
import os
import time
from pathlib import Path

import feedparser
import icalendar
import pytest
import vobject
import yaml
from lxml import etree
from lxml import html as lxml_html

from sto.content.loader import load_content
from sto.problems import ContentInvalid

from .search_fragments import fragments
from .conftest import ContentTree
from .hostile_corpus import MARK, NEUTRALISED, NEUTRALISED_TEXTS, REFUSED, VOCABULARY_EXTRA, Refused
from .sitebuild import EPOCH_2024_06_15, corpus_project, mkdocs_build
from .test_site_checks import _json_pairs


def _materialise(case: Refused, root: Path) -> None:
    for relpath, text in case.files.items():
        path = root / relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text) if isinstance(text, bytes) else path.write_text(text, encoding="utf-8")
    for relpath, target in case.links.items():
        (root / relpath).parent.mkdir(parents=True, exist_ok=True)
        os.symlink(target, root / relpath)


def test_the_corpus_covers_at_least_forty_refused_cases_with_distinct_names():
    assert len(REFUSED) >= 40
    assert len({case.name for case in REFUSED}) == len(REFUSED)


@pytest.mark.parametrize("case", REFUSED, ids=lambda case: case.name)
def test_refused_case_gives_its_dutch_problem_with_file_and_line(tmp_path, case):
    tree = ContentTree(tmp_path)
    _materialise(case, tmp_path)
    started = time.monotonic()
    with pytest.raises(ContentInvalid) as raised:
        load_content(tree.content, tmp_path)
    assert time.monotonic() - started < 5  # the alias bomb included
    lines = [str(problem) for problem in raised.value.problems]
    assert any(line.startswith(case.expected) for line in lines), lines


def test_a_real_build_refuses_several_cases_at_once_without_a_traceback_or_a_leak(tmp_path):
    project = corpus_project(tmp_path / "project")
    chosen = [case for case in REFUSED if case.name in (
        "alias bomb", "entity-encoded scheme in a body link", "vertical tab in a body", "symlink in docs/ to a secret",
        "news in content/nieuws/", "spring-forward gap", "onerror on a body image", "dotfile")]
    assert len(chosen) == 8
    for n, case in enumerate(chosen):  # one file name per case, so none overwrites another
        renamed = Refused(case.name, {k.replace("bericht.md", f"bericht-{n}.md").replace("evenement.md", f"evenement-{n}.md"): v
                                      for k, v in case.files.items()}, case.expected, case.links)
        _materialise(renamed, project)
    started = time.monotonic()
    result = mkdocs_build(project, tmp_path / "site", check=False)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert time.monotonic() - started < 60
    assert "Traceback" not in output
    assert "hunter2" not in output and not (tmp_path / "site").exists()
    for n, case in enumerate(chosen):
        expected = case.expected.replace("bericht.md", f"bericht-{n}.md").replace("evenement.md", f"evenement-{n}.md")
        assert expected in output, (case.name, output[-3000:])


# ---- the neutralised corpus, in one site --------------------------------------------------------

@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("hostile-site")
    project = corpus_project(base / "project")  # the test corpus, with its files in docs/
    for name, extra in VOCABULARY_EXTRA.items():
        path = project / "content/data" / name
        path.write_text(path.read_text(encoding="utf-8") + yaml.safe_dump(extra, allow_unicode=True, width=10_000),
                        encoding="utf-8")
    for relpath, text in NEUTRALISED.items():
        (project / "content" / relpath).write_text(text, encoding="utf-8")
    mkdocs_build(project, base / "site", EPOCH_2024_06_15)
    return base / "site"


def _files(site: Path, *suffixes: str) -> list[Path]:
    return sorted(p for p in site.rglob("*") if p.is_file() and p.suffix in suffixes)


def markup_from_content(root) -> list[str]:
    """Elements and attributes in parsed HTML that hostile text would have made if it had become
    markup: event handlers, javascript: targets, and script, svg, frames or plugins carrying
    the corpus marker (JSON-LD is data: checked by parsing it)."""
    found = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in element.attrib.items():
            if name.lower().startswith("on"):
                found.append(f"<{element.tag} {name}=…>")
            if name in ("href", "src", "action", "formaction") and value.strip().lower().startswith("javascript:"):
                found.append(f"<{element.tag} {name}={value[:40]}>")
        # (an image's alt text or a title may hold hostile text: as text, it is harmless)
        carried = MARK in (element.text or "") or any(MARK in v for k, v in element.attrib.items()
                                                      if k not in ("alt", "title", "aria-label"))
        if element.tag in ("svg", "iframe", "object", "embed", "img") and carried:
            found.append(f"<{element.tag}> with the marker")
        if element.tag == "script" and carried and element.get("type") != "application/ld+json":
            found.append("<script> with the marker")
    return found


def _fragment(markup: str):
    return lxml_html.fragment_fromstring(markup, create_parent="div") if markup.strip() else lxml_html.fromstring("<div></div>")


def test_the_markup_check_can_fail():
    assert markup_from_content(_fragment(f'<img src=x onerror="alert(1)"> <a href=" JavaScript:x">a</a>'
                                         f"<script>{MARK}</script><svg><title>{MARK}</title></svg>"))
    assert markup_from_content(_fragment("<p>tekst</p>")) == []


def test_no_page_holds_markup_from_content_and_each_title_reads_back_exactly(hostile_site):
    pages = _files(hostile_site, ".html")
    seen_titles = set()
    for path in pages:
        doc = lxml_html.fromstring(path.read_bytes())
        assert markup_from_content(doc) == [], path
        seen_titles |= {" ".join(h1.text_content().split()) for h1 in doc.iter("h1")}
        for script in doc.xpath("//script[@type='application/ld+json']"):
            json.loads(script.text)  # data, and valid
    for relpath in NEUTRALISED:
        item_title = yaml.safe_load(NEUTRALISED[relpath].split("---\n")[1])["title"]
        assert " ".join(item_title.split()) in seen_titles, relpath


def test_every_vocabulary_name_is_printed_as_text(hostile_site):
    pages = {
        "categories": hostile_site / "nieuws/categorie/gevaarlijk/index.html",
        "regions": hostile_site / "regio/gevaarlijk/index.html",
        "topics": hostile_site / "veelgestelde-vragen/index.html",
    }
    texts = {"categories": NEUTRALISED_TEXTS[1], "topics": NEUTRALISED_TEXTS[2], "regions": NEUTRALISED_TEXTS[3]}
    for vocabulary, path in pages.items():
        doc = lxml_html.fromstring(path.read_bytes())
        assert texts[vocabulary] in " ".join(doc.text_content().split()) or texts[vocabulary] in doc.text_content(), vocabulary
    # the feed autodiscovery titles and the subscribe page carry category and region names too
    for path in (hostile_site / "index.html", hostile_site / "agenda/volgen/index.html"):
        doc = lxml_html.fromstring(path.read_bytes())
        assert markup_from_content(doc) == []
    rss = feedparser.parse((hostile_site / "feeds/categorie/gevaarlijk/rss.xml").read_bytes())
    assert texts["categories"] in rss.feed.title
    follow = lxml_html.fromstring((hostile_site / "agenda/volgen/index.html").read_bytes())
    assert texts["regions"] in follow.text_content()


def test_the_search_index_holds_the_titles_as_text(hostile_site):
    # Pagefind keeps titles and text as plain text; the search dialog builds its results from text.
    titles = {fragment["meta"]["title"] for fragment in fragments(hostile_site).values()}
    for n in (10, 13, 15, 17):  # the news kinds and the FAQ question
        assert NEUTRALISED_TEXTS[n] in titles, n


def test_rss_and_atom_parse_and_their_html_holds_no_markup(hostile_site):
    feeds = [p for p in _files(hostile_site, ".xml") if "feeds" in p.parts]
    assert len(feeds) >= 4
    titles = set()
    for path in feeds:
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, (path, parsed.bozo_exception)
        root = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
        for element in root.iter():
            name = etree.QName(element).localname if isinstance(element.tag, str) else ""
            if element.text and (element.get("type") in ("html", "xhtml") or name in ("description", "encoded")):
                assert markup_from_content(_fragment(element.text)) == [], (path, name)
        titles |= {entry.title for entry in parsed.entries}
    assert {NEUTRALISED_TEXTS[n] for n in (10, 13, 15)} <= titles


def test_json_feeds_carry_the_titles_and_html_without_markup(hostile_site):
    feeds = [p for p in _files(hostile_site, ".json") if "feeds" in p.parts]
    assert feeds
    titles = set()
    for path in feeds:
        data = json.loads(path.read_text(encoding="utf-8"))
        for item in data["items"]:
            titles.add(item["title"])
            assert markup_from_content(_fragment(item.get("content_html", ""))) == [], path
    assert {NEUTRALISED_TEXTS[n] for n in (10, 13, 15)} <= titles
    gevaarlijk = json.loads((hostile_site / "feeds/categorie/gevaarlijk/feed.json").read_text(encoding="utf-8"))
    assert NEUTRALISED_TEXTS[1] in gevaarlijk["title"]


def test_calendars_read_back_the_hostile_texts_exactly_in_two_parsers(hostile_site):
    calendars = _files(hostile_site, ".ics")
    summaries, locations = set(), set()
    for path in calendars:
        data = path.read_bytes()
        for event in icalendar.Calendar.from_ical(data).walk("VEVENT"):
            summaries.add(str(event["SUMMARY"]))
            locations.add(str(event.get("LOCATION", "")))
        for calendar in vobject.readComponents(data.decode("utf-8")):
            for event in getattr(calendar, "vevent_list", []):
                assert str(event.summary.value) in summaries
    for n in (18, 22, 24):  # a cancelled event's summary starts with GEANNULEERD:
        assert any(summary.endswith(NEUTRALISED_TEXTS[n]) for summary in summaries), n
    assert NEUTRALISED_TEXTS[21] in locations
    region = icalendar.Calendar.from_ical((hostile_site / "agenda/regio/gevaarlijk.ics").read_bytes())
    assert NEUTRALISED_TEXTS[3] in str(region.get("X-WR-CALNAME"))


def test_json_ld_holds_the_titles_exactly(hostile_site):
    names = set()
    for path in _files(hostile_site, ".html"):
        for script in lxml_html.fromstring(path.read_bytes()).xpath("//script[@type='application/ld+json']"):
            data = json.loads(script.text)
            names |= {v for k, v in _json_pairs(data) if k in ("name", "headline") and isinstance(v, str)}
    assert {NEUTRALISED_TEXTS[n] for n in (10, 18)} <= {html.unescape(n) for n in names} | names


def test_body_markup_is_shown_as_text_and_a_safe_attribute_list_applies(hostile_site):
    doc = lxml_html.fromstring((hostile_site / "nieuws/hostile-nieuws/index.html").read_bytes())
    article = doc.xpath("//article")[0]
    text = article.text_content()
    assert f'<script>alert("{MARK}b1")</script>' in text and f'<svg onload="alert(\'{MARK}b5\')">' in text
    assert article.xpath("//h2[@id='kop' and contains(@class, 'sto-extra')]")
    links = article.xpath(".//a/@href")
    assert "https://www.rijksoverheid.nl/" in links and "#kop" in links


def test_every_page_carries_the_policy_before_any_script_with_the_hash_of_each_inline_script(hostile_site):
    import base64
    import hashlib
    import re

    pages = _files(hostile_site, ".html")
    assert len(pages) > 30
    for path in pages:
        text = path.read_text(encoding="utf-8")
        metas = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', text)
        assert len(metas) == 1, path
        directives = dict(part.strip().split(" ", 1) for part in html.unescape(metas[0]).split(";"))
        if "<script" not in text:  # the script-free embed pages (sto.site.embed) carry their own, stricter policy
            assert directives["default-src"] == "'none'", path
            continue
        assert text.index("Content-Security-Policy") < text.index("<script"), path
        allowed = set(re.findall(r"'sha256-([^']+)'", directives["script-src"]))
        inline = re.findall(r"<script>(.*?)</script>", text, re.S)
        assert inline, path
        assert {base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() for s in inline} == allowed, path
        assert directives["object-src"] == "'none'" and directives["base-uri"] == "'self'"
