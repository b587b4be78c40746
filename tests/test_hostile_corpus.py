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
import re
import time
from datetime import UTC, datetime
from collections.abc import Callable
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

from .calendar_readers import read_with_vobject
from .search_fragments import fragments
from .conftest import ContentTree
from .hostile_corpus import (CORPUS_DATA, MARK, MARKUP_TITLE, NEUTRALISED, NEUTRALISED_TEXTS, REFUSED,
                             REFUSED_FILES_IN_BUILD, REFUSED_IN_BUILD, VOCABULARY_EXTRA, ZONE_EVENTS, Refused)
from .hostile_corpus import event as event_file
from .test_feeds import shown
from .sitebuild import build_corpus, corpus_project, mkdocs_build, write_files
from .test_site_checks import _json_pairs


def _materialise(case: Refused, root: Path) -> None:
    write_files(root, case.files)
    for relpath, target in case.links.items():
        (root / relpath).parent.mkdir(parents=True, exist_ok=True)
        os.symlink(target, root / relpath)


def test_the_corpus_covers_at_least_forty_refused_cases_with_distinct_names():
    assert len(REFUSED) >= 40
    assert len({case.name for case in REFUSED}) == len(REFUSED)


def refused_lines(case: Refused, root: Path) -> list[str]:
    """The case's files under ``root``, loaded: every problem line (the load must refuse them)."""
    tree = ContentTree(root)
    _materialise(case, root)
    with pytest.raises(ContentInvalid) as raised:
        load_content(tree.content, root)
    return [str(problem) for problem in raised.value.problems]


@pytest.mark.parametrize("case", REFUSED, ids=lambda case: case.name)
def test_refused_case_gives_its_dutch_problem_with_file_and_line(tmp_path, case):
    started = time.monotonic()
    lines = refused_lines(case, tmp_path)
    assert time.monotonic() - started < 5  # the alias bomb included
    assert any(line.startswith(case.expected) for line in lines), lines


def test_a_real_build_refuses_several_cases_at_once_without_a_traceback_or_a_leak(tmp_path):
    project = corpus_project(tmp_path / "project")
    chosen = [case for case in REFUSED if case.name in (
        "alias bomb", "entity-encoded scheme in a body link", "vertical tab in a body", "symlink in docs/ to a secret",
        "news in content/nieuws/", "spring-forward gap", "onerror on a body image", "dotfile",
        "2,000 nested stars in a body", "docs file name with a line break and a workflow command",
        "image path climbing out")]
    assert len(chosen) == 11
    output = build_refused_together(chosen, project, tmp_path / "site", lambda path, n: path.replace(
        "bericht.md", f"bericht-{n}.md").replace("evenement.md", f"evenement-{n}.md"))
    assert "hunter2" not in output
    assert_no_workflow_command(output)


def build_refused_together(cases: list[Refused], project: Path, site: Path, rename: Callable[[str, int], str]) -> str:
    """Each case's files in ``project`` under names of their own (``rename(path, n)``, so none
    overwrites another), then one real build of all of them: it fails within a minute, without a
    traceback and without a site, and names every case's problem. Its output."""
    for n, case in enumerate(cases):
        _materialise(Refused(case.name, {rename(path, n): text for path, text in case.files.items()},
                             case.expected, case.links), project)
    started = time.monotonic()
    result = mkdocs_build(project, site, check=False)
    output = result.output
    assert result.returncode != 0
    assert time.monotonic() - started < 60
    assert "Traceback" not in output and not site.exists()
    for n, case in enumerate(cases):
        assert rename(case.expected, n) in output, (case.name, output[-3000:])
    return output


def assert_no_workflow_command(output: str, annotations: bool = False) -> None:
    """No line of a build's output starts a GitHub workflow command ('::' at its start, '##['
    anywhere), except, with ``annotations``, our own well-formed ::error annotations."""
    for line in output.splitlines():
        assert "##[" not in line, line
        if line.lstrip().startswith("::"):
            assert annotations and re.fullmatch(r"::error file=[^,:\n]*,line=\d+,title=[^:\n]*::[^\r]*", line), line


def _build_refusing(cases: list[Refused], tmp_path: Path) -> str:
    """One real build of the corpus with ``cases`` added: refused, without a traceback or a
    workflow command of its own making, each case as a CI annotation at its file; the output."""
    project = corpus_project(tmp_path / "project")
    for case in cases:
        _materialise(case, project)
    started = time.monotonic()
    result = mkdocs_build(project, tmp_path / "site", check=False, env={"GITHUB_ACTIONS": "true"})
    output = result.output
    assert result.returncode != 0
    assert time.monotonic() - started < 60
    assert "Traceback" not in output and not (tmp_path / "site").exists()
    assert_no_workflow_command(output, annotations=True)
    for case in cases:
        path = case.expected.partition(":")[0]
        assert f"::error file={path.replace(':', '%3A').replace(',', '%2C')},line=1," in output, case.name
    return output


def test_every_page_address_claimed_twice_is_refused_at_once_in_a_real_build_naming_both_files(tmp_path):
    output = _build_refusing(REFUSED_IN_BUILD, tmp_path)
    for case in REFUSED_IN_BUILD:
        assert case.expected in output, (case.name, output[-3000:])


def test_every_other_file_on_an_address_the_build_writes_is_refused_naming_it(tmp_path):
    """The check of what docs/ may hold refuses each of these files (a type docs/ does not publish,
    or a script) at the file itself, before the build compares addresses; the collisions the cases
    name are proven in test_addresses.py."""
    output = _build_refusing(REFUSED_FILES_IN_BUILD, tmp_path)
    assert "het adres" not in output, output[-3000:]
    for case in REFUSED_FILES_IN_BUILD:
        path = case.expected.partition(":")[0]
        assert re.search(rf"^{re.escape(path)}:1: (bestanden van het type '[^']+' worden niet gepubliceerd"
                         r"|een script \(\.js\) kan niet met de inhoud worden toegevoegd)", output, re.M), case.name


def test_without_the_colliding_files_the_same_build_passes(tmp_path):
    """The collisions above are the cases' own: the corpus with only the subscribe page's
    neighbour (an event that takes no address the build uses) builds."""
    project = corpus_project(tmp_path / "project")
    _materialise(Refused("x", {"content/agenda/volgen-ons.md": event_file(201)}, ""), project)
    mkdocs_build(project, tmp_path / "site")
    assert (tmp_path / "site/agenda/volgen-ons/index.html").is_file()


# ---- the neutralised corpus, in one site --------------------------------------------------------

@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    """The test corpus (with its files in docs/) plus the NEUTRALISED items and vocabulary names."""
    vocabularies = {f"content/data/{name}": (CORPUS_DATA / name).read_text(encoding="utf-8")
                    + yaml.safe_dump(extra, allow_unicode=True, width=10_000) for name, extra in VOCABULARY_EXTRA.items()}
    items = {f"content/{relpath}": text for relpath, text in NEUTRALISED.items()}
    return build_corpus(tmp_path_factory.mktemp("hostile-site"), {**vocabularies, **items}).site


ATOM = "http://www.w3.org/2005/Atom"


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
    assert texts["categories"] in shown(rss.feed.title_detail)
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
    titles, lxml_titles = set(), set()
    for path in feeds:
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, (path, parsed.bozo_exception)
        root = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
        for element in root.iter():
            name = etree.QName(element).localname if isinstance(element.tag, str) else ""
            if element.text and (element.get("type") in ("html", "xhtml") or name in ("description", "encoded")):
                assert markup_from_content(_fragment(element.text)) == [], (path, name)
        titles |= {shown(entry.title_detail) for entry in parsed.entries}
        # a second reader: lxml, reading an RSS title as HTML (as readers do) and Atom's by its type
        for title in root.iter("title", f"{{{ATOM}}}title"):
            if title.getparent().tag in ("item", f"{{{ATOM}}}entry"):
                plain = title.get("type") == "text"
                lxml_titles.add(title.text if plain else _fragment(title.text).text_content())
    assert {NEUTRALISED_TEXTS[n] for n in (10, 13, 15)} | {MARKUP_TITLE} <= titles
    assert {NEUTRALISED_TEXTS[n] for n in (10, 13, 15)} | {MARKUP_TITLE} <= lxml_titles


def test_json_feeds_carry_the_titles_and_html_without_markup(hostile_site):
    feeds = [p for p in _files(hostile_site, ".json") if "feeds" in p.parts]
    assert feeds
    titles = set()
    for path in feeds:
        data = json.loads(path.read_text(encoding="utf-8"))
        for item in data["items"]:
            titles.add(item["title"])
            assert markup_from_content(_fragment(item.get("content_html", ""))) == [], path
    assert {NEUTRALISED_TEXTS[n] for n in (10, 13, 15)} | {MARKUP_TITLE} <= titles
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

    # The web editor (/beheer/, an application for editors) has a policy of its own, with no inline
    # script; tests/browser/test_web_editor.py checks it in Chromium.
    pages = [p for p in _files(hostile_site, ".html") if not p.is_relative_to(hostile_site / "beheer")]
    site = hostile_site
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
        assert "'self'" not in directives["script-src"], path  # script files by exact address and hash (issue 20)
        inline_hashes = {base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() for s in inline}
        # the script files' hashes: Material's bundle, sto.js, copy-url.js and the search dialog (csp.SCRIPT_FILES)
        assert inline_hashes <= allowed and len(allowed - inline_hashes) == 4, path
        for src, integrity in re.findall(r'<script src="([^"]+)"[^>]*? integrity="sha256-([^"]+)"', text):
            file = site / src.lstrip("/") if src.startswith("/") else path.parent / src
            assert base64.b64encode(hashlib.sha256(file.read_bytes()).digest()).decode() == integrity, (path, src)
            assert integrity in allowed - inline_hashes, (path, src)
        assert text.count("<script src=") == text.count(" integrity="), path
        assert directives["object-src"] == "'none'" and directives["base-uri"] == "'self'"


def test_events_in_years_with_other_zone_rules_are_read_at_their_own_instant(hostile_site):
    """Class 10: agenda.ics holds both Almaty events; vobject (which builds the zone from the
    file's VTIMEZONE) and icalendar through that same VTIMEZONE read each at its UTC instant."""
    data = (hostile_site / "agenda/agenda.ics").read_bytes()
    calendar = icalendar.Calendar.from_ical(data)
    zones = {str(z["TZID"]): z.to_tz() for z in calendar.walk("VTIMEZONE")}
    by_title = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}
    read_by_vobject = {str(e.summary.value): e.dtstart.value for e in read_with_vobject(data).vevent_list}
    for local, utc in ZONE_EVENTS.values():
        title, expected = f"Almaty {local[:4]}", datetime.fromisoformat(utc).replace(tzinfo=UTC)
        start = by_title[title]["DTSTART"]
        assert start.dt.replace(tzinfo=zones[start.params["TZID"]]) == expected, title
        assert read_by_vobject[title].astimezone(UTC) == expected, title


def test_the_newsletter_text_part_has_only_the_lines_it_makes(hostile_site):
    """Class 9: no one-line field can add a line (a forged link or signature) to the text part."""
    for path in hostile_site.glob("nieuwsbrief/*/nieuwsbrief.txt"):
        lines = path.read_text(encoding="utf-8").split("\n")
        assert lines.count("-- ") == 1, path
        assert not any(ch in path.read_text(encoding="utf-8") for ch in "\r\u2028\u2029\x0b\x0c\x85"), path
