"""An event's place (sto.site.places), decided once: the page's wording, and every output of an
event both online and on site saying the same, read from a built site."""

from __future__ import annotations

import json
import textwrap
from datetime import date, datetime

import icalendar
import pytest
from lxml import html as lxml_html

from sto.clock import AMSTERDAM
from sto.site.build import Build
from sto.site.pages import description, search_text
from sto.site.places import Place
from sto.syndication.newsletter import edition_for, image_sizes, render_html, render_text

from .sitebuild import SITE_NAME, corpus_project, mkdocs_build
from .sitebuild import SITE_URL


@pytest.mark.parametrize(("online", "location", "text", "in_sentence"), [
    (True, "Utrecht", "Online, en op locatie: Utrecht", "online, en op locatie: Utrecht"),
    (True, None, "Online", "online"),
    (False, "Utrecht", "Utrecht", "Utrecht"),
    (False, None, "Nog niet bekend", ""),
])
def test_the_place_in_the_pages_words(online, location, text, in_sentence):
    where = Place(online, location)
    assert (where.text, where.in_sentence, where.shown) == (text, in_sentence, text if online or location else None)


SLUG = "2024-06-26-hybride-kennisdag"
TITLE = "Hybride kennisdag"
TOWN = "Utrecht, Jaarbeurs"
SAID = f"Online, en op locatie: {TOWN}"
# Online and on site, no summary and no body: its description and search text come from the facts.
HYBRID = f"""
---
id: hybride-kennisdag-2024
title: {TITLE}
kind: bijeenkomst
start: 2024-06-26 14:00
end: 2024-06-26 16:00
online: true
join_url: https://example.org/deelnemen
location: {TOWN}
regions: [gorinchem-en-altena]
---
"""


@pytest.fixture(scope="module")
def hybrid(tmp_path_factory):
    """The test corpus with one event online and on site, built (on 15 June 2024) and loaded."""
    root = tmp_path_factory.mktemp("places")
    project = corpus_project(root / "project")
    (project / "content" / "agenda" / f"{SLUG}.md").write_text(textwrap.dedent(HYBRID).lstrip(), encoding="utf-8")
    mkdocs_build(project, root / "site")
    build = Build.load(project, SITE_URL, SITE_NAME, now=datetime(2024, 7, 1, 8, tzinfo=AMSTERDAM))
    [item] = [i for i in build.content.events if i.slug == SLUG]
    return root / "site", project, build, item


def _text(element) -> str:
    return " ".join(element.text_content().split())


@pytest.mark.site
def test_every_output_says_where_an_event_online_and_on_site_is(hybrid):
    site, project, build, item = hybrid
    page = lxml_html.parse(str(site / "agenda" / SLUG / "index.html")).getroot()
    [waar] = page.xpath("//dt[.='Waar']/following-sibling::dd[1]")
    assert _text(waar) == SAID

    # The page's description and its search text, from the facts (no summary, no body).
    [meta] = page.xpath("//meta[@name='description']/@content")
    assert meta == description(item) == (f"Bijeenkomst op woensdag 26 juni 2024, 14.00–16.00 uur (Nederlandse tijd), "
                                         f"online, en op locatie: {TOWN}.")
    assert f". online, en op locatie: {TOWN}" in search_text(item)

    # JSON-LD: both an online and a physical location.
    [event] = [d for d in (json.loads(s) for s in page.xpath("//script[@type='application/ld+json']/text()"))
               if d["@type"] == "Event"]
    assert event["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert event["location"][0] == {"@type": "VirtualLocation", "url": "https://example.org/deelnemen"}
    assert event["location"][1]["name"] == TOWN

    # The agenda's teaser: the tag "Online", and the town after the time.
    agenda = lxml_html.parse(str(site / "agenda" / "index.html")).getroot()
    [teaser] = agenda.xpath(f"//article[contains(@class, 'sto-teaser')][.//a[.='{TITLE}']]")
    assert [_text(t) for t in teaser.xpath(".//*[@class='sto-tag']")] == ["Online"]
    assert _text(teaser.xpath(".//p[@class='sto-when']")[0]).endswith(f", {TOWN}")

    # The embed for partners.
    embed = lxml_html.parse(str(site / "embed" / "agenda" / "index.html")).getroot()
    [entry] = embed.xpath(f"//li[.//a[.='{TITLE}']]")
    assert SAID in [" ".join(t.split()) for t in entry.xpath(".//p/text()")]

    # The calendar (its UID is the id at the site's host, as for every event).
    calendar = icalendar.Calendar.from_ical((site / "agenda" / SLUG / f"{SLUG}.ics").read_bytes())
    [vevent] = calendar.walk("VEVENT")
    assert (str(vevent["UID"]), str(vevent["LOCATION"])) == ("hybride-kennisdag-2024@www.sterktechniekonderwijs.nl",
                                                            SAID)

    # Open data: the same two facts.
    agenda_data = json.loads((site / "data" / "v1" / "agenda.json").read_text(encoding="utf-8"))
    [record] = [r for r in agenda_data["upcoming"] if r["id"] == item.id]
    assert (record["online"], record["location"]) == (True, TOWN)

    # The newsletter edition of June, both parts.
    edition = edition_for(build.content, date(2024, 6, 1), date(2024, 6, 30))
    assert SAID in render_text(edition, build).splitlines()
    mail = lxml_html.fromstring(render_html(edition, build, image_sizes(project / "docs")))
    [block] = mail.xpath(f"//*[.//a[.='{TITLE}']]/following-sibling::p[1]")
    assert SAID in [" ".join(t.split()) for t in block.xpath("text()")]
