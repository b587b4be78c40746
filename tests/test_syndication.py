"""The adapter-facing core: collecting page HTML, the subscribe page, writing every file."""

from __future__ import annotations

import yaml

from sto.syndication.writer import SUBSCRIBE_TEMPLATE, FeedHtml, Syndication, subscribe_page, syndication_files, write_files

from sto.syndication.feeds import NEWEST

from .factories import event, news, uuid
from .syndication_helpers import SITE_URL, make_build


def test_feed_html_keeps_news_pages_only_with_absolute_urls(tree):
    build = make_build(tree, {"news/a.md": news(1), "agenda/e.md": event(2, "2024-07-01 10:00")})
    collected = FeedHtml(build)
    collected.add("nieuws/a.md", '<p><a href="../b/">b</a></p>')
    collected.add("agenda/e.md", "<p>evenement</p>")
    collected.add("index.md", "<p>home</p>")
    assert collected == {uuid(1): f'<p><a href="{SITE_URL}nieuws/b/">b</a></p>'}


def test_feed_html_is_made_only_for_the_items_a_feed_carries(tree):
    """The oldest news item is in no feed (each holds the newest NEWEST), so its page's HTML is
    not kept: only the pages a feed shows are made fit for feeds."""
    files = {f"news/n{n}.md": news(n, date=f"2024-05-{n:02d}") for n in range(1, NEWEST + 2)}
    build = make_build(tree, files)
    collected = FeedHtml(build)
    for n in range(1, NEWEST + 2):
        collected.add(f"nieuws/n{n}.md", f"<p>{n}</p>")
    assert sorted(collected) == sorted(uuid(n) for n in range(2, NEWEST + 2))


def test_subscribe_page_is_dutch_markdown_with_its_template_and_counts_each_calendar(tree):
    """The view counts each calendar's events at the build's "now" (2024-06-15): [held, still to come]."""
    build = make_build(tree, {"agenda/oud.md": event(1, "2024-06-01 10:00", extra="regions: [gorinchem-en-altena]\n"),
                              "agenda/nieuw.md": event(2, "2024-07-01 10:00", kind="training")})
    page = subscribe_page(build)
    meta = yaml.safe_load(page.markdown.split("---\n")[1])
    assert meta == {"title": "Agenda volgen", "template": SUBSCRIBE_TEMPLATE,
                    "description": "De agenda van Sterk Techniekonderwijs volgen in uw eigen agenda-app."}
    assert "U abonneert zich één keer" in page.markdown
    assert page.view.url == "agenda/volgen/"
    assert page.view.counts == {
        "agenda": (2, 1), "soort-webinar": (1, 0), "soort-bijeenkomst": (0, 0), "soort-conferentie": (0, 0),
        "soort-training": (1, 1), "soort-overig": (0, 0), "regio-caribisch-nederland": (0, 0),
        "regio-gorinchem-en-altena": (1, 0)}
    assert set(page.view.counts) == {sub.key for sub in Syndication(build).subscriptions}


def test_every_feed_and_calendar_is_written(tree, tmp_path):
    build = make_build(tree, {"news/a.md": news(1), "agenda/e.md": event(2, "2024-07-01 10:00")})
    site, docs = tmp_path / "site", tmp_path / "docs"
    write_files(syndication_files(build, {}, docs), site)
    written = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    assert "feeds/rss.xml" in written and "agenda/agenda.ics" in written and "agenda/e/e.ics" in written
    assert Syndication(build).subscribe_url() == f"{SITE_URL}agenda/volgen/"
    assert Syndication(build).subscriptions[0].https == f"{SITE_URL}agenda/agenda.ics"
