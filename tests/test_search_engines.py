"""What search engines and feed readers are told (issue 22): JSON-LD eligible for Google's rich
results, the sitemap's dates from the content, feeds with icon and logo that every reader we test
with reads, and the calendar counts on "Agenda volgen". Exact facts on the corpus site
(tests/corpus/, built as of 2024-06-15); invariants only on the real content."""

from __future__ import annotations

import hashlib
import json
import re
import struct
from datetime import date, datetime
from pathlib import Path

import fastfeedparser
import feedparser
import icalendar
import mkdocs
import pytest
import vobject
from lxml import etree
from lxml import html as lxml_html

from sto.syndication.feeds import category_feed_links, feed_links

from . import rich_results
from .calendar_readers import with_vobject
from .jsonfeed import read_json_feed
from .sitebuild import SITE_URL
from .sitecheck import PLACE_SLUG
from .factories import news
from .syndication_helpers import make_build

pytestmark = pytest.mark.site

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
HAND_WRITTEN = ("over-sto/", "privacy/", "toegankelijkheid/", "open-data-en-insluiten/")
WEBINAR = "2024-06-19-sto-live-gorinchem-en-altena"
NO_PLACE = "2024-06-12-ecpb-programmas-en-maatwerktrajecten"  # the seed's event without a known location


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def _types(page: Path) -> list[str]:
    return [block["@type"] for block in rich_results.blocks(page.read_bytes())]


# ---- JSON-LD ------------------------------------------------------------------------------------

def _every_block_is_eligible(site: Path) -> int:
    checked = 0
    for page in _pages(site):
        for block in rich_results.blocks(page.read_bytes()):
            assert rich_results.problems(block) == [], (page.relative_to(site), block)
            checked += 1
    return checked


def test_every_json_ld_block_has_what_google_requires(corpus_site):
    assert _every_block_is_eligible(corpus_site.site) > 50
    site = corpus_site.site
    assert _types(site / "index.html") == ["Organization", "WebSite"]
    assert _types(site / f"agenda/{WEBINAR}/index.html") == ["Event", "BreadcrumbList"]
    assert _types(site / f"agenda/{NO_PLACE}/index.html") == ["BreadcrumbList"]  # "Nog niet bekend": no Event
    webinar = rich_results.blocks((site / f"agenda/{WEBINAR}/index.html").read_bytes())[0]
    assert webinar["location"] == {"@type": "VirtualLocation", "url": f"{SITE_URL}agenda/{WEBINAR}/"}
    regiodag = rich_results.blocks((site / f"agenda/{PLACE_SLUG}/index.html").read_bytes())[0]
    assert regiodag["location"]["@type"] == "Place" and regiodag["location"]["address"]["streetAddress"]
    organization = rich_results.blocks((site / "index.html").read_bytes())[0]
    assert (site / organization["logo"].removeprefix(SITE_URL)).is_file()


def test_the_checker_refuses_what_google_would(corpus_site):
    """A test that cannot fail is a defect: each rule refuses the block it is about."""
    event = rich_results.blocks((corpus_site.site / f"agenda/{WEBINAR}/index.html").read_bytes())[0]
    assert rich_results.problems({**event, "location": None}) == ["Event without location"]
    assert rich_results.problems({**event, "startDate": "2024-06-19T15:00:00"}) != []  # no offset
    assert rich_results.problems({**event, "location": {"@type": "Place", "name": "x"}}) == ["Place without address"]
    assert rich_results.problems({"@context": "https://schema.org", "@type": "WebSite", "name": "x"}) != []


def test_every_json_ld_block_of_the_real_site_is_eligible(content_site):
    assert _every_block_is_eligible(content_site.site) > 0


# ---- Sitemap ------------------------------------------------------------------------------------

def _lastmods(site: Path) -> dict[str, str | None]:
    tree = etree.parse(str(site / "sitemap.xml"))
    return {url.findtext("s:loc", namespaces=SITEMAP_NS).removeprefix(SITE_URL):
            url.findtext("s:lastmod", namespaces=SITEMAP_NS) for url in tree.iterfind("s:url", SITEMAP_NS)}


def test_the_sitemap_dates_each_page_by_its_own_content(corpus_site):
    lastmod = _lastmods(corpus_site.site)
    assert lastmod["nieuws/2024-06-handreiking-borgen-sto/"] == "2024-06-05"  # its date
    assert lastmod["nieuws/2024-06-10-bericht-met-afbeelding/"] == "2024-06-12"  # its updated
    assert lastmod["nieuws/fixture-handreiking/"] == "2024-04-01"  # date: 2024-04, its 1st
    assert lastmod[f"agenda/{WEBINAR}/"] is None  # not ended, neither updated nor published given
    assert lastmod[f"agenda/{NO_PLACE}/"] == "2024-06-12"  # it ended that day
    assert lastmod[""] == "2024-06-14"  # the home page: the newest item it shows
    assert lastmod["nieuws/"] == "2024-06-14" and lastmod["nieuws/pagina/2/"] == "2023-03-08"
    assert lastmod["veelgestelde-vragen/"] is not None
    for page in HAND_WRITTEN:
        assert lastmod[page] is None, page  # no true date known for hand-written pages
    build_day = datetime.fromtimestamp(int(corpus_site.epoch)).date().isoformat()
    assert all(day is None or day <= build_day for day in lastmod.values())


def test_the_real_sitemap_dates_are_days_never_after_the_build(content_site):
    lastmod = _lastmods(content_site.site)
    build_day = datetime.fromtimestamp(int(content_site.epoch)).date().isoformat()
    dated = [day for day in lastmod.values() if day is not None]
    assert dated and all(date.fromisoformat(day).isoformat() == day and day <= build_day for day in dated)
    assert all(lastmod[page] is None for page in HAND_WRITTEN)


MKDOCS_SITEMAP_SHA256 = "0950766d642ac999c74b68150a39a961a5103bda5e2d9d7747f4c06522c11b18"  # MkDocs 1.6.1


def test_our_sitemap_template_follows_mkdocs_own():
    """overrides/sitemap.xml is MkDocs' sitemap.xml with our lastmod: a new MkDocs template must be
    read (and this digest updated) before the copy is trusted again."""
    upstream = Path(mkdocs.__file__).parent / "templates" / "sitemap.xml"
    assert hashlib.sha256(upstream.read_bytes()).hexdigest() == MKDOCS_SITEMAP_SHA256


# ---- Feeds --------------------------------------------------------------------------------------

def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def _advertised_feeds(site: Path) -> set[str]:
    """Every feed a page of the site announces or links (site-relative)."""
    found: set[str] = set()
    for page in _pages(site):
        doc = lxml_html.fromstring(page.read_bytes())
        for href in doc.xpath('//link[starts-with(@rel, "alternate")]/@href | //a[@type]/@href'):
            if href.startswith(SITE_URL + "feeds/"):
                found.add(href.removeprefix(SITE_URL))
    return found


def _read_everywhere(path: Path) -> int:
    """Entries as both readers count them; each must read the feed without an error."""
    data = path.read_bytes()
    if path.suffix == ".json":
        first = len(read_json_feed(data).items)
    else:
        parsed = feedparser.parse(data)
        assert parsed.bozo == 0, (path, parsed.get("bozo_exception"))
        first = len(parsed.entries)
    second = len(fastfeedparser.parse(data).entries)
    assert first == second, path
    return first


def test_every_advertised_feed_reads_in_both_readers_with_icon_and_site_link_first(corpus_site):
    site = corpus_site.site
    advertised = _advertised_feeds(site)
    assert len(advertised) == 3 * (1 + 3)  # the news and the corpus's three categories, all with news
    for relative in advertised:
        assert _read_everywhere(site / relative) > 0, relative
    for folder in ("feeds/", "feeds/categorie/subsidie/"):
        atom = etree.parse(str(site / folder / "atom.xml")).getroot()
        links = [link.get("rel") for link in atom.iterfind("{http://www.w3.org/2005/Atom}link")]
        assert links == ["alternate", "self"]  # a reader that takes the first link as the site gets the site
        assert feedparser.parse((site / folder / "atom.xml").read_bytes()).feed.link.startswith(SITE_URL)
        rss = feedparser.parse((site / folder / "rss.xml").read_bytes()).feed
        jsonfeed = json.loads((site / folder / "feed.json").read_text(encoding="utf-8"))
        icons = {"rss image": (rss.image.href, (144, 144)),
                 "atom icon": (atom.findtext("{http://www.w3.org/2005/Atom}icon"), (64, 64)),
                 "atom logo": (atom.findtext("{http://www.w3.org/2005/Atom}logo"), (1200, 630)),
                 "json icon": (jsonfeed["icon"], (512, 512)), "json favicon": (jsonfeed["favicon"], (64, 64))}
        for name, (url, size) in icons.items():
            assert _png_size(site / url.removeprefix(SITE_URL)) == size, name
        assert rss.image.link == rss.link and rss.image.title == rss.title  # as RSS 2.0 asks


def test_every_advertised_feed_of_the_real_site_reads_in_both_readers(content_site):
    advertised = _advertised_feeds(content_site.site)
    assert {"feeds/rss.xml", "feeds/atom.xml", "feeds/feed.json"} <= advertised
    for relative in advertised:
        assert _read_everywhere(content_site.site / relative) > 0, relative  # nothing empty is offered


def test_a_category_without_news_offers_no_feed_though_its_files_exist(tree):
    build = make_build(tree, {"news/a.md": news(1, extra="categories: [subsidie]\n")})
    assert [link.path for link in category_feed_links(build, "subsidie")] == [
        "feeds/categorie/subsidie/rss.xml", "feeds/categorie/subsidie/atom.xml", "feeds/categorie/subsidie/feed.json"]
    assert category_feed_links(build, "techniekonderwijs") == []
    assert len(feed_links(build, "techniekonderwijs")) == 3  # the news feeds only


# ---- Calendars on "Agenda volgen" ----------------------------------------------------------------

def _subscribe_page(site: Path):
    return lxml_html.fromstring((site / "agenda/volgen/index.html").read_bytes())


def test_agenda_volgen_says_how_many_events_each_calendar_holds(corpus_site):
    page = _subscribe_page(corpus_site.site)
    counts = {details.xpath('string(.//*[@class="sto-calendar__name"])'):
              details.xpath('string(.//*[@class="sto-calendar__count"])').strip()
              for details in page.xpath('//details[contains(@class, "sto-calendar")]')}
    assert counts == {"De hele agenda": "11 evenementen", "Webinars": "4 evenementen",
                      "Bijeenkomsten": "2 evenementen", "Conferenties": "2 evenementen",
                      "Trainingen": "1 evenement", "Overige evenementen": "2 evenementen",
                      "Caribisch Nederland": "1 evenement", "Gorinchem en Altena": "2 evenementen"}
    text = " ".join(page.text_content().split())
    assert "Deze agenda bevat nu 11 evenementen, waarvan 8 nog komen." in text


def test_every_calendar_on_agenda_volgen_holds_what_it_says_in_both_readers(content_site):
    site = content_site.site
    page = _subscribe_page(site)
    for details in page.xpath('//details[contains(@class, "sto-calendar")]'):
        address = details.xpath('string(.//code[contains(@class, "sto-calendar-url")])')
        data = (site / address.removeprefix(SITE_URL)).read_bytes()
        held = len(icalendar.Calendar.from_ical(data).walk("VEVENT"))
        assert len(with_vobject(data)) == held
        assert vobject.readOne(data.decode("utf-8")).name == "VCALENDAR"
        said = details.xpath('string(.//*[@class="sto-calendar__count"])').strip()
        assert said == ("nu leeg" if not held else f"{held} evenement" + ("en" if held > 1 else "")), address
        assert re.fullmatch(r"nu leeg|\d+ evenementen?", said)
