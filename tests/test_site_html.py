"""The built public site, read with a real HTML parser (lxml): what visitors and search
engines get, for the frozen corpus (tests/corpus/: the seed content as it was, plus generated
test items), so that every fact here holds whatever editors change in content/."""

from __future__ import annotations

import json
from pathlib import Path

import lxml.html
import pytest
import yaml

from .search_fragments import fragments
from .sitebuild import CORPUS, ROOT, corpus_project, mkdocs_build
from .sitecheck import CANCELLED_SLUG, IMAGE_SLUG, MOVED_SLUG, PLACE_SLUG, RECORDED_SLUG, SCRIPT_TITLE

pytestmark = pytest.mark.site

EPOCH_2025_01_01 = "1735686000"  # every corpus event has ended
WEBINAR = "agenda/2024-06-19-sto-live-gorinchem-en-altena/"
ECPB = "agenda/2024-06-12-ecpb-programmas-en-maatwerktrajecten/"


@pytest.fixture(scope="module")
def seed(corpus_site) -> Path:
    return corpus_site.site


@pytest.fixture(scope="module")
def fixture(corpus_site) -> Path:
    return corpus_site.site


def page(site: Path, url: str):
    return lxml.html.parse(str(site / url / "index.html")).getroot()


def text(node) -> str:
    return " ".join(node.text_content().split())


def links(node) -> list[str]:
    return [a.get("href") for a in node.iter("a")]


def section_links(doc, heading_id: str) -> list[str]:
    section = doc.xpath(f"//section[@aria-labelledby='{heading_id}']")[0]
    return [a.get("href") for a in section.xpath(".//h3/a")]


def json_ld(doc) -> list[dict]:
    return [json.loads(s.text) for s in doc.xpath("//script[@type='application/ld+json']")]


def test_agenda_splits_at_the_build_date(seed, tmp_path):
    agenda = page(seed, "agenda")
    upcoming = [WEBINAR.removeprefix("agenda/"), "fixture-een-dag/", "fixture-geannuleerd/", f"{CANCELLED_SLUG}/",
                "fixture-gevaarlijk/", f"{MOVED_SLUG}/", "fixture-hele-dagen/", f"{PLACE_SLUG}/"]
    assert section_links(agenda, "binnenkort") == upcoming
    assert section_links(agenda, "geweest")[:3] == [ECPB.removeprefix("agenda/"), "fixture-webinar-met-opname/",
                                                     f"{RECORDED_SLUG}/"]
    home = page(seed, "")
    assert section_links(home, "agenda") == [WEBINAR, "agenda/fixture-een-dag/", "agenda/fixture-geannuleerd/"]



def test_an_empty_agenda_and_an_empty_webinar_archive_say_so_politely(tmp_path):
    project = corpus_project(tmp_path / "project")
    for recorded in ("fixture-webinar-met-opname", RECORDED_SLUG):
        (project / f"content/agenda/{recorded}.md").unlink()
    later = tmp_path / "later"
    mkdocs_build(project, later, EPOCH_2025_01_01)
    agenda = page(later, "agenda")
    assert section_links(agenda, "binnenkort") == []
    assert section_links(agenda, "geweest")[:2] == [f"{PLACE_SLUG}/", "fixture-hele-dagen/"]
    assert "Er staan op dit moment geen evenementen gepland" in text(agenda)
    archive = page(later, "agenda/terugblik-webinars")
    assert text(archive.xpath("//h1")[0]) == "Terugblik webinars Sterk Techniekonderwijs LIVE"
    assert "Er zijn nog geen opnames van webinars beschikbaar" in text(archive)
    assert "Nog geen opnames beschikbaar" in text(page(later, ""))


def test_webinar_page_reads_dutch_weekday_date_and_time(seed):
    doc = page(seed, WEBINAR)
    when = doc.xpath("//dl[contains(@class,'sto-event-facts')]//time")[0]
    assert text(when) == "woensdag 19 juni 2024, 15.00 uur (Nederlandse tijd)"
    assert when.get("datetime") == "2024-06-19T15:00:00+02:00"
    event = json_ld(doc)[0]
    assert event["@type"] == "Event" and event["startDate"] == "2024-06-19T15:00:00+02:00"
    assert event["location"]["@type"] == "VirtualLocation"


def test_each_faq_question_is_a_heading_with_an_anchor_and_its_own_search_entry(seed):
    by_location = fragments(seed)
    faq = page(seed, "veelgestelde-vragen")
    questions = list(Path(CORPUS / "content/faq").glob("*.md"))
    assert len(questions) == 7
    for path in questions:
        slug = path.stem
        heading = faq.get_element_by_id(slug)
        assert heading.tag == "h3"
        entry = by_location[f"veelgestelde-vragen/{slug}/"]  # its own page: a result of its own
        assert entry["meta"]["title"] == text(heading).rstrip("¶").strip()
    assert "veelgestelde-vragen/" not in by_location  # the page with every question is left out


def test_listings_are_not_in_the_search_index_but_items_are(seed):
    locations = set(fragments(seed))
    for listing in ("", "nieuws/", "nieuws/digizine/", "agenda/", "agenda/terugblik-webinars/", "regio/",
                    "nieuws/jaar/2024/"):
        assert listing not in locations
    assert {WEBINAR, ECPB, "nieuws/2024-06-handreiking-borgen-sto/", "toegankelijkheid/"} <= locations


def test_home_page_sections(seed):
    home = page(seed, "")
    assert [text(h) for h in home.xpath("//article//h2")] == [
        "Laatste nieuws", "Agenda", "Terugblik webinars", "Recente veelgestelde vragen"]
    kinds = [text(k) for k in home.xpath("//section[@aria-labelledby='laatste-nieuws']//*[contains(@class,'sto-kind')]")]
    assert kinds == ["Nieuws", "Nieuws", "Nieuws"]  # "Handreiking: ..." needs no label that repeats it
    assert section_links(home, "laatste-nieuws") == [  # same date: file name, last first (Content.news)
        "nieuws/fixture-gevaarlijke-tekst/", "nieuws/fixture-nieuws-met-afbeelding/", f"nieuws/{IMAGE_SLUG}/",
        "nieuws/2024-06-handreiking-borgen-sto/"]
    details = home.xpath("//section[@aria-labelledby='recente-vragen']//details")
    assert len(details) == 6  # as many as on the seed's home page
    assert text(details[0].find("summary")) == "Fixture: geldt dit ook voor Caribisch Nederland?"  # updated last
    assert text(details[1].find("summary")).startswith("Op uiterlijk 1 oktober 2024")
    assert "vier jaren begroot" in text(details[1])
    webinars = home.xpath("//section[@aria-labelledby='terugblik']//li/a/@href")
    assert webinars == ["agenda/fixture-webinar-met-opname/", f"agenda/{RECORDED_SLUG}/"]


def test_news_item_page(seed):
    doc = page(seed, "nieuws/2024-06-digizine-techlabs-en-hotspots")
    article = doc.xpath("//article")[0]
    assert "Gepubliceerd op 4 juni 2024" in text(article)
    assert article.xpath(".//*[contains(@class,'sto-kind')]") == []  # "Digizine verschenen: ..." says it
    assert "../categorie/techniekonderwijs/" in links(article)
    newer = article.xpath(".//*[@class='sto-neighbours__newer']/a")[0]
    assert newer.get("href") == "../2024-06-handreiking-borgen-sto/"
    data = json_ld(doc)
    assert data[0]["@type"] == "NewsArticle" and data[0]["datePublished"] == "2024-06-04T00:00:00+02:00"
    assert data[0]["image"] == "https://www.sterktechniekonderwijs.nl/assets/sto-deelafbeelding.png"
    assert data[1]["@type"] == "BreadcrumbList"
    og = {m.get("property"): m.get("content") for m in doc.xpath("//meta[@property]")}
    assert og["og:type"] == "article" and og["og:title"] == "Digizine verschenen: Techlabs en hotspots in beeld"
    assert og["og:url"] == "https://www.sterktechniekonderwijs.nl/nieuws/2024-06-digizine-techlabs-en-hotspots/"


def test_navigation_holds_sections_only(seed):
    doc = page(seed, "nieuws/2024-06-digizine-techlabs-en-hotspots")
    tabs = [text(a) for a in doc.xpath("//nav[contains(@class,'md-tabs')]//a")]
    assert tabs == ["Actueel", "Nieuws", "Agenda", "Veelgestelde vragen", "Regio's"]
    nav_links = doc.xpath("//nav[contains(@class,'md-nav--primary')]//a/@href")
    assert not any("2024-06" in href for href in nav_links)


def test_accessibility_and_privacy_pages_are_linked_from_the_footer_and_hold_no_fields_to_fill_in(seed):
    for url, heading in (("toegankelijkheid", "Wat we doen"), ("privacy", "Wat deze website niet doet")):
        doc = page(seed, url)
        assert heading in [text(h).rstrip("¶").strip() for h in doc.xpath("//article//h2")]
        assert "IN TE VULLEN" not in text(doc) and not doc.xpath("//*[contains(@class, 'admonition')]")
        footer = doc.xpath("//footer")[0]
        assert [text(a) for a in footer.xpath(".//nav[@aria-label='Over deze website']//a")] == [
            "Over Sterk Techniekonderwijs", "Regio's", "Toegankelijkheid", "Privacy", "Open data en insluiten"]
        assert [text(a) for a in footer.xpath(".//nav[@aria-label='Volgen']//a")] == [
            "Nieuwsfeed (RSS)", "Nieuwsfeed (Atom)", "Nieuwsfeed (JSON Feed)", "Agenda volgen", "Nieuwsbrief"]


def test_hostile_title_stays_data_everywhere(fixture):
    doc = page(fixture, f"nieuws/{IMAGE_SLUG}")
    assert [d["headline"] for d in json_ld(doc) if d["@type"] == "NewsArticle"] == [SCRIPT_TITLE]
    assert json_ld(doc)[1]["itemListElement"][-1]["name"] == SCRIPT_TITLE
    plain = page(fixture, "nieuws/fixture-paginering-01")
    assert len(doc.xpath("//script")) == len(plain.xpath("//script"))  # no script element came from the title
    assert text(doc.xpath("//h1")[0]) == SCRIPT_TITLE
    assert doc.xpath("//title")[0].text.startswith(SCRIPT_TITLE)
    assert SCRIPT_TITLE in [text(e) for e in doc.xpath("//*[@class='md-ellipsis']")]


def test_news_item_with_image_update_and_region(fixture):
    article = page(fixture, f"nieuws/{IMAGE_SLUG}").xpath("//article")[0]
    image = article.xpath(".//img[@class='sto-image']")[0]
    assert image.get("alt") == "Een witte cirkel op een blauw vlak"
    assert "Bijgewerkt op 12 juni 2024" in text(article)
    assert "../../regio/gorinchem-en-altena/" in links(article)


def test_news_is_paginated_newest_first(fixture):
    first, second = page(fixture, "nieuws"), page(fixture, "nieuws/pagina/2")
    first_items = first.xpath("//article//h2[@class='sto-teaser__title']/a/@href")
    second_items = second.xpath("//article//h2[@class='sto-teaser__title']/a/@href")
    assert len(first_items) == 10 and len(second_items) == 8  # 18 published news in the corpus
    assert first_items[:3] == ["fixture-gevaarlijke-tekst/", "fixture-nieuws-met-afbeelding/", f"{IMAGE_SLUG}/"]
    assert second_items[-1] == "../../fixture-paginering-01/"
    assert second.xpath("//nav[@aria-label='Paginering']//a[@rel='prev']/@href") == ["../../"]
    assert text(page(fixture, "nieuws/pagina/2").xpath("//h1")[0]) == "Nieuws – pagina 2 van 2"


@pytest.mark.parametrize("first, title", [("nieuws/categorie/regionale-samenwerking", "Nieuws over Regionale samenwerking"),
                                          ("nieuws/jaar/2023", "Nieuws uit 2023"),
                                          ("regio/caribisch-nederland", "Regio Caribisch Nederland")])
def test_category_year_and_region_pages_are_paginated_like_the_news_index(fixture, first, title):
    one, two = page(fixture, first), page(fixture, f"{first}/pagina/2")
    teasers = ("//article[contains(@class, 'sto-teaser--') and not(contains(@class, 'sto-teaser--event'))]"
               "//*[@class='sto-teaser__title']/a")  # news teasers (a region's first page lists events too)
    assert len(one.xpath(teasers)) == 10 and 1 <= len(two.xpath(teasers)) <= 10
    assert not set(one.xpath(f"{teasers}/@href")) & {h.removeprefix("../../") for h in two.xpath(f"{teasers}/@href")}
    assert text(one.xpath("//h1")[0]) == title and text(two.xpath("//h1")[0]) == f"{title} – pagina 2 van 2"
    nav = "//nav[@aria-label='Paginering']"
    assert one.xpath(f"{nav}//a[@rel='next']/@href") == ["pagina/2/"] and not one.xpath(f"{nav}//a[@rel='prev']")
    assert two.xpath(f"{nav}//a[@rel='prev']/@href") == ["../../"] and not two.xpath(f"{nav}//a[@rel='next']")
    assert text(two.xpath(f"{nav}//*[@aria-current='page']")[0]) == "Pagina 2"
    assert text(two.xpath("//nav[@aria-label='Kruimelpad']//li[last()-1]")[0]) == title
    assert json_ld(two)[-1]["itemListElement"][-1]["name"] == f"{title} – pagina 2 van 2"


def test_past_event_with_recording_links_no_registration_and_has_a_facade(fixture):
    doc = page(fixture, f"agenda/{RECORDED_SLUG}")
    article = doc.xpath("//article")[0]
    assert "https://example.org/aanmelden" not in links(article)
    assert "https://example.org/deelnemen" not in links(article)
    assert "Dit evenement is voorbij." in text(article)
    assert not doc.xpath("//iframe") and not doc.xpath("//video")
    facade = article.xpath(".//div[@class='sto-video']")[0]
    assert facade.get("data-sto-src").startswith("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")
    assert facade.xpath(".//img/@src") == ["/afbeeldingen/test-poster.svg"]
    assert {"/opnames/webinar.vtt", "/opnames/webinar-tekst.txt"} <= set(links(article))
    archive = page(fixture, "agenda/terugblik-webinars")
    assert archive.xpath("//article//h2/a/@href") == ["../fixture-webinar-met-opname/", f"../{RECORDED_SLUG}/"]


def test_cancelled_event_keeps_its_page_with_status_and_no_join_link(fixture):
    doc = page(fixture, f"agenda/{CANCELLED_SLUG}")
    article = doc.xpath("//article")[0]
    assert "Dit evenement is geannuleerd" in text(article)
    assert "Door ziekte van de spreker" in text(article)
    assert "https://example.org/deelnemen-geannuleerd" not in links(article)
    assert "woensdag 3 juli 2024, 21.00–22.00 uur (Nederlandse tijd)" in text(article)
    assert json_ld(doc)[0]["eventStatus"] == "https://schema.org/EventCancelled"
    assert json_ld(doc)[0]["startDate"] == "2024-07-03T15:00:00-04:00"


def test_moved_upcoming_event_shows_status_and_registration(fixture):
    doc = page(fixture, f"agenda/{MOVED_SLUG}")
    article = doc.xpath("//article")[0]
    assert "Dit evenement is verplaatst" in text(article)
    assert "https://example.org/aanmelden-bijeenkomst" in links(article)
    assert "woensdag 10 juli 2024, 13.30–17.00 uur" in text(article) and "Nederlandse tijd" not in text(article.xpath(".//dl")[0])
    data = json_ld(doc)[0]
    assert data["eventStatus"] == "https://schema.org/EventRescheduled" and data["location"]["@type"] == "Place"


def test_all_day_event_and_regions(fixture):
    article = page(fixture, f"agenda/{PLACE_SLUG}").xpath("//article")[0]
    assert "donderdag 12 september 2024 tot en met vrijdag 13 september 2024" in text(article)
    region = page(fixture, "regio/caribisch-nederland")
    assert len(region.xpath("//article[contains(@class, 'sto-teaser--')]")) == 10 + 5  # 10 news, 5 past events
    assert len(page(fixture, "regio/caribisch-nederland/pagina/2").xpath("//article//h3/a")) == 1
    assert [text(h) for h in page(fixture, "regio/gorinchem-en-altena").xpath("//h2")][:3] == ["Agenda", "Nieuws", "Geweest"]
    assert [text(h) for h in page(fixture, "regio/caribisch-nederland/pagina/2").xpath("//main//h2")] == ["Nieuws"]
    overview = page(fixture, "regio")
    assert "Caribisch Nederland: 11 berichten" in text(overview)


def test_feed_and_calendar_partials_are_included_when_present(tmp_path):
    project = corpus_project(tmp_path / "project")
    partials = project / "overrides/partials/sto"
    (partials / "feed-links.html").write_text('<link rel="alternate" type="application/rss+xml" title="Test" href="/feed.xml">\n')
    (partials / "event-calendar-links.html").write_text('<p class="test-calendar">Zet {{ item.title | e }} in je agenda</p>\n')
    site = tmp_path / "site"
    mkdocs_build(project, site)
    doc = page(site, WEBINAR)
    assert doc.xpath("//head/link[@rel='alternate']/@href") == ["/feed.xml"]
    assert text(doc.xpath("//p[@class='test-calendar']")[0]).startswith("Zet STO LIVE-webinar")
    assert not page(site, ECPB).xpath("//p[@class='test-calendar']")  # past: no calendar links


def test_every_page_has_its_own_description_a_share_image_and_the_site_has_robots_and_favicon(seed):
    site_description = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["site_description"]
    pages = sorted(p for p in seed.rglob("index.html")  # not iframes' contents, not the web editor (noindex)
                   if not p.is_relative_to(seed / "embed") and not p.is_relative_to(seed / "beheer"))
    assert len(pages) > 40
    generic = []
    for path in pages:
        doc = lxml.html.fromstring(path.read_bytes())
        (description,) = doc.xpath("//meta[@name='description']/@content")
        if description == site_description:
            generic.append(str(path.relative_to(seed)))
        (image,) = doc.xpath("//meta[@property='og:image']/@content")
        assert image.startswith("https://www.sterktechniekonderwijs.nl/"), path
        local = seed / image.removeprefix("https://www.sterktechniekonderwijs.nl/")
        assert local.is_file(), (path, image)  # self-hosted: the share image or the item's own
    assert generic == []
    assert (seed / "robots.txt").read_text(encoding="utf-8") == (
        "User-agent: *\nAllow: /\n\nSitemap: https://www.sterktechniekonderwijs.nl/sitemap.xml\n")
    assert (seed / "favicon.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"  # an ICO file


def test_an_event_whose_place_is_unknown_gets_no_event_data(seed):
    """Google requires a location of every Event; we invent none, so the page has no Event."""
    doc = page(seed, ECPB)
    assert "Nog niet bekend" in text(doc.xpath("//dl[contains(@class,'sto-event-facts')]")[0])
    assert [d["@type"] for d in json_ld(doc)] == ["BreadcrumbList"]


def test_every_accessible_name_is_dutch(seed):
    english = {"Header", "Tabs", "Footer", "Navigation", "Search", "Share", "Clear", "Table of contents"}
    names = set()
    for path in seed.rglob("*.html"):
        names |= set(lxml.html.fromstring(path.read_bytes()).xpath("//@aria-label"))
    assert names and not names & english, sorted(names & english)
    home = page(seed, "")
    (search,) = home.xpath("//a[@data-sto-search-open]")  # the search button: a link named in Dutch
    assert text(search) == "Zoeken" and search.get("href") == "zoeken/"
