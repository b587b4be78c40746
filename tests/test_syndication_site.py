"""Feeds, calendars and their links in the corpus site (tests/corpus/), built by MkDocs through our hooks."""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from pathlib import Path

import feedparser
import icalendar
import pytest
import yaml

from sto.content.loader import load_content
from sto.syndication.published_ids import check, record, snapshot

from .calendar_readers import with_icalendar, with_recurring, with_vobject
from .jsonfeed import read_json_feed
from .sitebuild import CORPUS, EPOCH_2024_06_15, SITE_URL, corpus_project, mkdocs_build
from .test_feeds import shown

pytestmark = pytest.mark.site

WEBINAR = "2024-06-19-sto-live-gorinchem-en-altena"
WEBINAR_UID = "4c8cb741-19d4-4eba-8b66-31de032fae0d@www.sterktechniekonderwijs.nl"
ECPB_UID = "69b97df1-ee9d-4add-94b3-e05ad3255794@www.sterktechniekonderwijs.nl"


@pytest.fixture(scope="module")
def built(corpus_site) -> Path:
    return corpus_site.site


def _feeds(site: Path) -> list[Path]:
    return sorted(p for p in (site / "feeds").rglob("*") if p.is_file())


def _calendars(site: Path) -> list[Path]:
    return sorted(site.rglob("*.ics"))


def read_feed(path: Path):
    if path.suffix == ".json":
        return read_json_feed(path.read_bytes())
    parsed = feedparser.parse(path.read_bytes())
    assert parsed.bozo == 0, (path, parsed.get("bozo_exception"))
    return parsed


def test_every_feed_is_read_without_errors(built):
    feeds = _feeds(built)
    assert len(feeds) == 3 * (1 + 3)  # the news and the three categories, each as RSS, Atom and JSON Feed
    for path in feeds:
        read_feed(path)
    main = read_feed(built / "feeds/rss.xml")
    titles = [shown(e.title_detail) for e in main.entries]  # as a reader shows it (an RSS title is HTML)
    assert len(titles) == 18  # every published news item of the corpus, newest first
    assert titles[1:5] == ["Fixture: nieuws met afbeelding", 'Titel met </script><script>alert("x")</script> & meer',
                           "Handreiking: Het borgen van Sterk Techniekonderwijs",
                           "Digizine verschenen: Techlabs en hotspots in beeld"]  # same date: file name, last first
    assert titles[-1] == "Fixture: bericht 1 voor een tweede pagina"


def test_feeds_carry_the_pages_full_html_with_absolute_urls(built):
    entry = read_feed(built / "feeds/atom.xml").entries[3]
    assert entry.title == "Handreiking: Het borgen van Sterk Techniekonderwijs"
    assert entry.content[0].value.startswith("<p>In deze handreiking gaan we in op het concept borging")
    assert entry.summary.startswith("In deze handreiking")


def test_every_calendar_parses_in_icalendar_and_vobject(built):
    calendars = _calendars(built)
    assert len(calendars) == 1 + 5 + 2 + 16  # the agenda, per kind, per region, per event
    for path in calendars:
        calendar = icalendar.Calendar.from_ical(path.read_bytes())
        assert calendar.subcomponents, f"{path}: RFC 5545 requires at least one component"
        with_vobject(path.read_bytes())


def test_recurring_ical_events_places_the_seed_events_at_13_utc(built):
    found = with_recurring((built / "agenda/agenda.ics").read_bytes(), date(2024, 6, 1), date(2024, 7, 1))
    assert {uid: found[uid]["start"] for uid in (ECPB_UID, WEBINAR_UID)} == {
        ECPB_UID: datetime(2024, 6, 12, 13, 0), WEBINAR_UID: datetime(2024, 6, 19, 13, 0)}


def _public_ids(site: Path) -> dict:
    """Every guid, UID, DTSTAMP and feed date the site publishes."""
    ids: dict = {}
    for path in _feeds(site):
        feed = read_feed(path)
        if path.suffix == ".json":
            ids[str(path.relative_to(site))] = [(i.id, i.date_published, i.date_modified) for i in feed.items]
        else:
            ids[str(path.relative_to(site))] = (feed.feed.get("updated"),
                                                [(e.id, e.get("published"), dict.get(e, "updated")) for e in feed.entries])
    for path in _calendars(site):
        ids[str(path.relative_to(site))] = {uid: e["dtstamp"] for uid, e in with_icalendar(path.read_bytes()).items()}
    return ids


def test_a_build_one_day_later_changes_no_guid_uid_dtstamp_or_feed_date(built, tmp_path):
    later = tmp_path / "later"
    mkdocs_build(corpus_project(tmp_path / "project"), later, str(int(EPOCH_2024_06_15) + 86400))
    assert _public_ids(later) == _public_ids(built)
    for path in _feeds(built) + _calendars(built):
        assert (later / path.relative_to(built)).read_bytes() == path.read_bytes(), path


def test_every_page_announces_the_feeds(built):
    # The embeddable agendas (/embed/) are not pages of the site but content for a partner's <iframe>;
    # the web editor (/beheer/) is an application for editors.
    pages = sorted(p for p in built.rglob("index.html") if p.relative_to(built).parts[0] not in ("embed", "beheer"))
    assert len(pages) > 10
    for page in pages:
        html = page.read_text(encoding="utf-8")
        for kind, href in (("application/rss+xml", "feeds/rss.xml"), ("application/atom+xml", "feeds/atom.xml"),
                           ("application/feed+json", "feeds/feed.json")):
            assert f'<link rel="alternate" type="{kind}"' in html and f'href="{SITE_URL}{href}"' in html, page


def test_every_category_page_announces_its_feeds_which_link_back_and_carry_its_name(built):
    categories = yaml.safe_load((CORPUS / "content/data/categorieen.yml").read_text(encoding="utf-8"))
    assert categories
    for slug, name in categories.items():
        page = (built / f"nieuws/categorie/{slug}/index.html").read_text(encoding="utf-8")
        for kind, file in (("application/rss+xml", "rss.xml"), ("application/atom+xml", "atom.xml"),
                           ("application/feed+json", "feed.json")):
            href = f"{SITE_URL}feeds/categorie/{slug}/{file}"
            assert re.search(f'<link rel="alternate" type="{re.escape(kind)}" title="[^"]*{re.escape(name)}[^"]*" '
                             f'href="{re.escape(href)}">', page), (slug, kind)
            assert f'<a href="{href}"' in page, (slug, file)  # and says so to visitors
        rss, atom = (read_feed(built / f"feeds/categorie/{slug}/{f}") for f in ("rss.xml", "atom.xml"))
        jsonfeed = json.loads((built / f"feeds/categorie/{slug}/feed.json").read_text(encoding="utf-8"))
        page_url = f"{SITE_URL}nieuws/categorie/{slug}/"
        assert rss.feed.link == atom.feed.link == jsonfeed["home_page_url"] == page_url
        assert name in shown(rss.feed.title_detail) and name in atom.feed.title and name in jsonfeed["title"]


def test_event_page_offers_ics_google_and_outlook_links(built):
    page = (built / f"agenda/{WEBINAR}/index.html").read_text(encoding="utf-8")
    ics = re.search(r'<a href="([^"]+\.ics)" download>', page).group(1)
    assert (built / f"agenda/{WEBINAR}" / ics).resolve().is_file()
    assert "dates=20240619T130000Z%2F20240619T130000Z" in page  # 15:00 CEST
    assert "startdt=2024-06-19T13%3A00%3A00Z" in page
    assert ">Google Agenda</a>" in page and ">Outlook.com</a>" in page


def test_agenda_volgen_lists_every_calendar_with_copy_webcal_google_and_outlook(built):
    page = (built / "agenda/volgen/index.html").read_text(encoding="utf-8")
    assert "<h1" in page and "Agenda volgen" in page
    for path in ["agenda/agenda.ics", "agenda/soort/webinar.ics", "agenda/regio/gorinchem-en-altena.ics"]:
        https = f"{SITE_URL}{path}"
        assert f">{https}</code>" in page
        assert f'href="webcal://www.sterktechniekonderwijs.nl/{path}"' in page
        assert "https://calendar.google.com/calendar/render?cid=" + "webcal%3A%2F%2Fwww.sterktechniekonderwijs.nl%2F" \
            + path.replace("/", "%2F") in page
        assert "https://outlook.live.com/calendar/0/addfromweb?url=" + https.replace(":", "%3A").replace("/", "%2F") \
            in page
    assert page.count('data-sto-copy="') == 8
    assert "Google Agenda</strong> ververst" in page
    assert (built / "assets/sto/copy-url.js").is_file()


@pytest.fixture(scope="module")
def changed(tmp_path_factory):
    """A copy of the project where an editor cancelled the webinar (one field) and added an illustrated item."""
    base = tmp_path_factory.mktemp("changed")
    project = corpus_project(base / "project")
    seed = project / f"content/agenda/{WEBINAR}.md"
    seed.write_text(seed.read_text(encoding="utf-8").replace("online: true\n", "online: true\nstatus: geannuleerd\n"),
                    encoding="utf-8")
    # a PNG header (the build reads its width and height; an image it cannot read is refused), then
    # any bytes: only the length matters to the enclosure
    image = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + (40).to_bytes(4, "big") + (30).to_bytes(4, "big")
             + b"\x08\x02\x00\x00\x00" + bytes(range(256)) * 40)
    (project / "docs/afbeeldingen").mkdir(parents=True, exist_ok=True)
    (project / "docs/afbeeldingen/techlab.png").write_bytes(image)
    (project / "content/news/2024-06-geillustreerd.md").write_text(
        "---\nid: 0a0a0a0a-aaaa-4bbb-8ccc-000000000001\ntitle: Een bericht met een afbeelding\ndate: 2024-06-15\n"
        "summary: Kort.\ncategories: [subsidie]\nimage:\n  src: /afbeeldingen/techlab.png\n  alt: Een techlab\n---\n\n"
        "Lees ook [de handreiking](../2024-06-handreiking-borgen-sto/).\n\n## Een kop\n\nTekst.\n", encoding="utf-8")
    mkdocs_build(project, base / "site")
    return project, base / "site", len(image)


def test_cancelling_with_one_field_shows_on_the_page_and_in_every_calendar(changed):
    project, site, _ = changed
    page = (site / f"agenda/{WEBINAR}/index.html").read_text(encoding="utf-8")
    assert "Dit evenement is geannuleerd" in page
    assert ">Google Agenda</a>" not in page  # nothing to add to a calendar any more
    assert f'{WEBINAR}.ics" download>geannuleerd evenement (.ics)</a>' in page  # for who added it by hand
    for path in ("agenda/agenda.ics", "agenda/soort/webinar.ics", "agenda/regio/gorinchem-en-altena.ics",
                 f"agenda/{WEBINAR}/{WEBINAR}.ics"):
        for read in (with_icalendar, with_vobject):
            found = read((site / path).read_bytes())[WEBINAR_UID]
            assert (found["status"], found["sequence"]) == ("CANCELLED", 1), path
            assert found["summary"] == "GEANNULEERD: STO LIVE-webinar: Gorinchem en Altena: een actieve regio", path
    site_url = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]
    recorded, _ = record({}, snapshot(load_content(CORPUS / "content", CORPUS), site_url))  # before the change
    broken, _ = check(recorded, snapshot(load_content(project / "content", project), site_url))
    assert broken == []  # cancelling raised the sequence by itself: the contract holds


def test_image_enclosure_has_the_real_length_and_type_and_content_links_are_absolute(changed):
    _, site, length = changed
    entry = read_feed(site / "feeds/rss.xml").entries[0]
    assert entry.title == "Een bericht met een afbeelding"
    assert [(e.href, e.length, e.type) for e in entry.enclosures] == [
        (f"{SITE_URL}afbeeldingen/techlab.png", str(length), "image/png")]
    html = entry.content[0].value
    assert f'href="{SITE_URL}nieuws/2024-06-handreiking-borgen-sto/"' in html
    assert "headerlink" not in html and "<h2" in html
    json_item = read_feed(site / "feeds/categorie/subsidie/feed.json").items[0]
    assert json_item.attachments[0].size_in_bytes == length
