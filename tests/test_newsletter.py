"""Newsletter editions: mail-ready HTML and a plain-text part of a period's news and events.

The June 2024 edition of the seed content must hold the seed's items with their facts exact
(checked as the items the seed names, so an editor's added item keeps this green); exact
counts and order only on fixture content.
"""

from __future__ import annotations

import json
import os
import shutil
import struct
import subprocess
import sys
import zlib
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from lxml import html as lxml_html

from sto.site.build import Build
from sto.clock import AMSTERDAM
from sto.syndication.newsletter import (TEXT_WIDTH, _wrap, archive_page, edition_for, edition_files, image_sizes,
                                        monthly_editions, render_html, render_text)

from .sitebuild import ROOT
from .sitecheck import HOSTILE_TITLE

SITE = "https://www.sterktechniekonderwijs.nl/"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# The seed (shared/seed/sto-actueel-homepage.txt): June 2024's news and events, as the edition shows them.
SEED_NEWS = [
    ("Handreiking: Het borgen van Sterk Techniekonderwijs", "Handreiking, juni 2024",
     "nieuws/2024-06-handreiking-borgen-sto/"),
    ("Digizine verschenen: Techlabs en hotspots in beeld", "Digizine, juni 2024",
     "nieuws/2024-06-digizine-techlabs-en-hotspots/"),
]
SEED_EVENTS = [
    ["ECPB wil samen met u programma’s en/of maatwerktrajecten ontwikkelen", "Evenement",
     "woensdag 12 juni 2024, 15.00 uur",
     f"Meer informatie: {SITE}agenda/2024-06-12-ecpb-programmas-en-maatwerktrajecten/"],
    ["STO LIVE-webinar: Gorinchem en Altena: een actieve regio", "Webinar",
     "woensdag 19 juni 2024, 15.00 uur (Nederlandse tijd)", "Online",
     f"Meer informatie: {SITE}agenda/2024-06-19-sto-live-gorinchem-en-altena/"],
]


@pytest.fixture(scope="module")
def june():
    build = Build.load(ROOT, SITE, "Sterk Techniekonderwijs", now=datetime(2024, 7, 1, 8, tzinfo=AMSTERDAM))
    edition = edition_for(build.content, date(2024, 6, 1), date(2024, 6, 30))
    return build, edition


def contains_run(lines: list[str], run: list[str]) -> bool:
    return any(lines[i:i + len(run)] == run for i in range(len(lines)))


def test_the_june_2024_text_part_reads_as_the_seed_says(june):
    build, edition = june
    text = render_text(edition, build)
    lines = text.splitlines()
    assert lines[:3] == ["Nieuwsbrief juni 2024 – Sterk Techniekonderwijs", "=" * 47, ""]
    assert lines.index("Nieuws") < lines.index("Agenda")
    assert "van 1 juni 2024 tot\nen met 30 juni 2024." in text
    for title, kind_and_date, url in SEED_NEWS:
        start = lines.index(title)
        assert lines[start + 1] == kind_and_date
        summary_end = lines.index(SITE + url, start)
        summary = " ".join(lines[start + 2:summary_end])
        item = next(i for i in edition.news if i.title == title)
        assert summary == " ".join(item.data.summary.split())
    for run in SEED_EVENTS:
        assert contains_run(lines, run), run
    for line in lines:  # readable in any mail client: wrapped, no markup or entities
        assert len(line) <= 72 or "https://" in line, line
        assert "<" not in line and "&amp;" not in line and "&#" not in line, line
    assert lines[-3:] == [f"Deze nieuwsbrief op de site: {SITE}nieuwsbrief/2024-06/nieuwsbrief.html",
                          f"Alle edities: {SITE}nieuwsbrief/", f"De agenda in uw agenda-app: {SITE}agenda/volgen/"]


def test_the_june_2024_html_holds_the_seed_items_in_mail_ready_markup(june):
    build, edition = june
    doc = lxml_html.fromstring(render_html(edition, build, image_sizes(ROOT / "docs")))
    body = " ".join(doc.xpath("string(//body)").split())
    headings = [" ".join(h.text_content().split()) for h in doc.xpath("//h3")]
    for title, kind_and_date, url in SEED_NEWS:
        assert title in headings
        assert doc.xpath("//h3/a[@href=$u]", u=SITE + url)
        assert kind_and_date.replace(", ", " · ") in body
    for title, kind, when, *rest in SEED_EVENTS:
        assert title in headings
        assert when in body
    assert doc.xpath("string(//h1)") == "Nieuwsbrief juni 2024"
    assert_mail_ready(doc)


def assert_mail_ready(doc) -> None:
    """What mail clients need: no <style>, stylesheets or scripts, layout tables marked as such,
    absolute links, images with width, height and alt."""
    assert doc.xpath("//style | //link | //script") == []
    assert doc.xpath("//table") and all(t.get("role") == "presentation" for t in doc.xpath("//table"))
    hrefs = doc.xpath("//a/@href")
    assert hrefs and all(h.startswith("https://") for h in hrefs), hrefs
    for img in doc.xpath("//img"):
        assert img.get("alt") and img.get("width").isdigit() and img.get("height").isdigit()
        assert img.get("src").startswith("https://")
    assert doc.xpath("//*[@class]") == []  # everything styled inline


@pytest.mark.site
def test_the_june_2024_edition_passes_the_nu_html_checker(june, tmp_path):
    if not VNU.is_file() or not shutil.which("java"):
        pytest.fail("vnu.jar or java is missing: run 'make test' (it installs both)")
    build, edition = june
    for relative, data in edition_files(edition, build, image_sizes(ROOT / "docs")).items():
        (tmp_path / Path(relative).name).write_bytes(data)
    result = subprocess.run(["java", "-jar", str(VNU), "--format", "json", str(tmp_path / "nieuwsbrief.html")],
                            capture_output=True, text=True)
    messages = json.loads(result.stderr)["messages"]
    assert [m for m in messages if m["type"] in ("error", "non-document-error")] == [], result.stderr
    assert [m["message"] for m in messages if m.get("subType") == "warning"] == []


def run_make_nieuwsbrief(**env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "scripts/nieuwsbrief")], capture_output=True, text=True,
                          env={**os.environ, "SOURCE_DATE_EPOCH": "1719792000", **env})  # 1 July 2024


@given(text=st.text(alphabet=st.sampled_from("aaaab- \t\n\u00a0\u2003é"), max_size=400))
@example(text="x" * TEXT_WIDTH)
@example(text=" " + "x" * TEXT_WIDTH + " ")
@example(text="x" * (TEXT_WIDTH + 1))
@example(text="a " + "x" * TEXT_WIDTH + " b " + "y" * (TEXT_WIDTH - 2) + " c")
@example(text="")
def test_the_text_part_wraps_at_spaces_within_the_width_and_keeps_every_word(text):
    """Lines of at most TEXT_WIDTH characters (a longer word alone on its line), broken at spaces
    only, each as full as the next word allows; together they hold the text's words in order."""
    lines = _wrap(text)
    assert " ".join(lines) == " ".join(text.split())
    for line, following in zip(lines, lines[1:] + [""]):
        assert line and line == line.strip()
        assert len(line) <= TEXT_WIDTH or " " not in line
        assert not following or len(line) + 1 + len(following.split(" ")[0]) > TEXT_WIDTH


def test_make_nieuwsbrief_writes_the_edition_of_the_period(tmp_path, june):
    result = run_make_nieuwsbrief(VAN="2024-06-01", TOT="2024-06-30", UIT=str(tmp_path))
    assert result.returncode == 0, result.stderr
    build, edition = june
    assert result.stdout.splitlines()[-1] == (f"Nieuwsbrief juni 2024: {len(edition.news)} berichten, "
                                              f"{len(edition.events)} evenementen.")
    assert (tmp_path / "2024-06/nieuwsbrief.txt").read_text(encoding="utf-8") == render_text(edition, build)
    assert (tmp_path / "2024-06/nieuwsbrief.html").read_text(encoding="utf-8") == render_html(
        edition, build, image_sizes(ROOT / "docs"))


def test_make_nieuwsbrief_explains_a_wrong_period_in_dutch(tmp_path):
    for env, message in (({}, "Geef VAN=JJJJ-MM-DD, bijvoorbeeld: make nieuwsbrief VAN=2024-06-01 TOT=2024-06-30"),
                         ({"VAN": "2024-06-31", "TOT": "2024-06-30"},
                          "VAN: '2024-06-31' is geen datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2024-06-01"),
                         ({"VAN": "2024-06-30", "TOT": "2024-06-01"},
                          "TOT ligt vóór VAN; geef eerst de begindatum, dan de einddatum")):
        result = run_make_nieuwsbrief(UIT=str(tmp_path), **env)
        assert (result.returncode, result.stderr.strip()) == (1, message)
    assert list(tmp_path.iterdir()) == []


def png(width: int, height: int) -> bytes:
    """A valid (blank, 1-bit) PNG of the given size."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\x00" + b"\x00" * ((width + 7) // 8) for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


FIXTURE = {
    "news/bericht-met-afbeelding.md": """
        ---
        id: 11111111-aaaa-4bbb-8ccc-000000000001
        title: Nieuws met een brede afbeelding
        date: 2024-06-03
        summary: Met afbeelding.
        image:
          src: /afbeeldingen/breed.png
          alt: Een techlab vol leerlingen
        ---
        """,
    "news/bericht-met-externe-afbeelding.md": """
        ---
        id: 11111111-aaaa-4bbb-8ccc-000000000002
        title: Nieuws met een afbeelding elders
        date: 2024-05-20
        summary: Die halen we nooit op.
        image:
          src: /afbeeldingen/ontbreekt.png
          alt: Een foto elders
        ---
        """,
    "news/gevaarlijk.md": f"""
        ---
        id: 11111111-aaaa-4bbb-8ccc-000000000003
        title: {json.dumps(HOSTILE_TITLE, ensure_ascii=False)}
        date: 2024-06-14
        summary: "Kort & <b>vet</b>"
        ---
        """,
    "agenda/geannuleerd.md": """
        ---
        id: 33333333-aaaa-4bbb-8ccc-000000000001
        title: Bijeenkomst die niet doorgaat
        kind: bijeenkomst
        start: 2024-06-20 10:00
        end: 2024-06-20 12:00
        location: Gorinchem
        registration_url: https://www.example.org/aanmelden
        status: geannuleerd
        status_note: Te weinig aanmeldingen.
        sequence: 1
        ---
        """,
    "agenda/over-de-maandgrens.md": """
        ---
        id: 33333333-aaaa-4bbb-8ccc-000000000002
        title: Tweedaagse over de maandgrens
        kind: conferentie
        start: 2024-05-31
        end: 2024-06-01
        location: Utrecht
        ---
        """,
    "agenda/in-juli.md": """
        ---
        id: 33333333-aaaa-4bbb-8ccc-000000000003
        title: Training in juli
        kind: training
        start: 2024-07-02 09:00
        location: Breda
        ---
        """,
}


@pytest.fixture
def fixture_build(tree):
    for relpath, text in FIXTURE.items():
        tree.write(relpath, text)
    (tree.root / "docs/afbeeldingen").mkdir(parents=True)
    (tree.root / "docs/afbeeldingen/breed.png").write_bytes(png(1200, 600))
    return Build.load(tree.root, SITE, "Sterk Techniekonderwijs", now=datetime(2024, 7, 15, 12, tzinfo=AMSTERDAM)), tree.root / "docs"


def test_monthly_editions_are_the_complete_months_before_now_newest_first(fixture_build):
    build, _ = fixture_build
    editions = monthly_editions(build.content, build.now)
    assert [e.key for e in editions] == ["2024-06", "2024-05"]  # July is not complete yet
    june, may = editions
    assert [i.title for i in june.news] == [HOSTILE_TITLE, "Nieuws met een brede afbeelding"]
    assert [i.title for i in june.events] == ["Tweedaagse over de maandgrens", "Bijeenkomst die niet doorgaat"]
    assert [i.title for i in may.events] == ["Tweedaagse over de maandgrens"]
    assert (june.title, june.period) == ("Nieuwsbrief juni 2024", "van 1 juni 2024 tot en met 30 juni 2024")
    custom = edition_for(build.content, date(2024, 6, 10), date(2024, 7, 5))
    assert (custom.key, custom.title) == ("2024-06-10-tot-2024-07-05",
                                          "Nieuwsbrief 10 juni 2024 tot en met 5 juli 2024")
    assert [i.title for i in custom.events] == ["Bijeenkomst die niet doorgaat", "Training in juli"]


def test_images_get_their_size_from_the_file_and_content_is_escaped(fixture_build):
    build, docs = fixture_build
    june = monthly_editions(build.content, build.now)[0]
    doc = lxml_html.fromstring(render_html(june, build, image_sizes(docs)))
    assert_mail_ready(doc)
    [img] = doc.xpath("//img")
    assert (img.get("src"), img.get("alt"), img.get("width"), img.get("height")) == (
        SITE + "afbeeldingen/breed.png", "Een techlab vol leerlingen", "552", "276")  # scaled to the column
    assert doc.xpath("//script | //b") == []
    assert HOSTILE_TITLE in [h.text_content() for h in doc.xpath("//h3")]
    assert "Kort & <b>vet</b>" in doc.xpath("string(//body)")
    cancelled = doc.xpath("//h3[a='Bijeenkomst die niet doorgaat']/..")[0].text_content()
    assert "Geannuleerd" in cancelled and "Te weinig aanmeldingen." in cancelled
    assert "Aanmelden" not in cancelled  # no registration for a cancelled event
    may = monthly_editions(build.content, build.now)[1]
    # an image whose size cannot be read (content refuses images on other hosts) is left out
    assert lxml_html.fromstring(render_html(may, build, image_sizes(docs))).xpath("//img") == []
    text = render_text(june, build)
    assert "Bijeenkomst die niet doorgaat\nBijeenkomst, GEANNULEERD\ndonderdag 20 juni 2024, 10.00–12.00 uur\n" \
           "Gorinchem\nTe weinig aanmeldingen.\n" in text
    assert "Aanmelden:" not in text


def test_image_sizes_only_reads_files_under_docs(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.png").write_bytes(png(40, 30))
    (tmp_path / "buiten.png").write_bytes(png(10, 10))
    size = image_sizes(docs)
    assert size("/a.png") == (40, 30)
    assert [size(s) for s in ("/../buiten.png", "//host/a.png", "https://example.org/a.png", "/ontbreekt.png")] \
        == [None] * 4


def test_the_archive_page_lists_every_edition_newest_first(fixture_build):
    build, _ = fixture_build
    page = archive_page(monthly_editions(build.content, build.now), build)
    assert "- [Nieuwsbrief juni 2024](2024-06/nieuwsbrief.html) ([platte tekst](2024-06/nieuwsbrief.txt))\n" \
           "- [Nieuwsbrief mei 2024](2024-05/nieuwsbrief.html)" in page
    assert "Er zijn nog geen edities." in archive_page([], build)


def test_the_archive_page_says_how_the_news_can_be_followed_without_inventing_an_address(fixture_build):
    build, _ = fixture_build
    page = archive_page([], build)
    assert "Aanmelden voor de nieuwsbrief per e-mail kan op deze website niet." in page
    assert f"[RSS]({build.site_url}feeds/rss.xml)" in page and "[Agenda volgen](../agenda/volgen/index.md)" in page
    assert "@" not in page and "mailto:" not in page  # no subscription address: STO has not supplied one


@pytest.mark.site
def test_the_built_site_has_an_edition_per_complete_month_and_their_archive(corpus_site):
    archive = corpus_site.parse_html(corpus_site.site / "nieuwsbrief/index.html")
    links = archive.xpath("//article//li/a[1][contains(@href, 'nieuwsbrief.html')]")
    assert [a.text_content() for a in links] == ["Nieuwsbrief mei 2024", "Nieuwsbrief april 2024",
                                                 "Nieuwsbrief april 2023", "Nieuwsbrief maart 2023"]
    for key in ("2024-05", "2024-04", "2023-04", "2023-03"):
        for name in ("nieuwsbrief.html", "nieuwsbrief.txt"):
            assert (corpus_site.site / "nieuwsbrief" / key / name).is_file()
    assert not (corpus_site.site / "nieuwsbrief/2024-06").exists()  # built on 15 June: not complete


def test_an_edition_is_taken_from_the_cache_while_its_view_is_the_same(june):
    build, edition = june
    size = image_sizes(ROOT / "docs")
    stored: dict[str, bytes] = {}
    made: list[str] = []

    def reuse(key, make):
        if key not in stored:
            made.append(key)
            stored[key] = make()
        return stored[key]

    first = edition_files(edition, build, size, reuse)
    assert first == edition_files(edition, build, size) and len(made) == 1  # the same bytes as without a cache
    assert edition_files(edition, build, size, reuse) == first and len(made) == 1  # taken, not made
    fewer = replace(edition, news=edition.news[1:])  # one news item left the edition (or changed)
    assert edition_files(fewer, build, size, reuse) == edition_files(fewer, build, size) != first
    assert len(made) == 2
