"""The real content/, checked by what holds for ANY valid content: it validates, every item the
public sees has its page, nothing unpublished or unfinished is anywhere, every feed and calendar
parses. No counts, no order, no titles: an editor's ordinary pull request keeps these green.
(The published-ids contract is in test_published_ids.py; exact facts are on the corpus.)"""

from __future__ import annotations

from datetime import datetime, timezone

import icalendar
import lxml.html
import pytest

from sto.site.build import Build
from sto.content.placeholders import PLACEHOLDERS
from sto.syndication.calendars import uid
from sto.syndication.feeds import guid

from .calendar_readers import with_vobject
from .sitebuild import ROOT, SITE_NAME, SITE_URL
from .test_syndication_site import read_feed

pytestmark = [pytest.mark.site, pytest.mark.content]



@pytest.fixture(scope="module")
def built(content_site):
    now = datetime.fromtimestamp(int(content_site.epoch), tz=timezone.utc)
    everything = Build.load(ROOT, SITE_URL, SITE_NAME, now=now, preview=True).content  # drafts too
    published = Build.load(ROOT, SITE_URL, SITE_NAME, now=now).content
    return content_site, everything, published


def test_every_published_item_has_its_page_and_nothing_else_does(built):
    site, everything, published = built
    assert published.items, "content/ holds no published item at all"
    shown = {item.id for item in published.items}
    for item in everything.items:
        page = site.site / item.url / "index.html"
        if item.id in shown:
            doc = lxml.html.parse(str(page)).getroot()
            assert [h.text_content() for h in doc.iter("h1")] == [item.title], item.path
        else:
            assert not page.exists(), f"{item.path} is a draft or dated later, yet has a page"


def test_no_output_holds_placeholder_text_or_an_unpublished_title(built):
    site, everything, published = built
    hidden = [item.title for item in everything.items if item.id not in {i.id for i in published.items}]
    for path in site.files(".html", ".xml", ".json", ".ics"):
        text = path.read_text(encoding="utf-8")
        found = [p for p in PLACEHOLDERS if p in text] + [t for t in hidden if t in text]
        assert found == [], path.relative_to(site.site)


def test_pages_are_dutch_and_load_no_google_fonts(built):
    site, _, _ = built
    for path in site.html_files:
        html = path.read_text(encoding="utf-8")
        assert '<html lang="nl"' in html, path
        assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html, path


def test_every_feed_parses_and_holds_only_published_news(built):
    site, _, published = built
    feeds = sorted(p for p in (site.site / "feeds").rglob("*") if p.is_file())
    assert len(feeds) >= 3
    guids = {guid(item, SITE_URL) for item in published.news}
    for path in feeds:
        feed = read_feed(path)
        ids = [i.id for i in feed.items] if path.suffix == ".json" else [e.id for e in feed.entries]
        assert set(ids) <= guids, path.relative_to(site.site)


def test_every_calendar_parses_in_icalendar_and_vobject(built):
    site, _, published = built
    calendars = site.files(".ics")
    assert site.site / "agenda/agenda.ics" in calendars
    uids = {uid(item, SITE_URL) for item in published.events}
    for path in calendars:
        calendar = icalendar.Calendar.from_ical(path.read_bytes())
        assert {str(e["UID"]) for e in calendar.walk("VEVENT")} <= uids, path.relative_to(site.site)
        with_vobject(path.read_bytes())
