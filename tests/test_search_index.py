"""The site search in a real build: what Pagefind's index holds, and what it leaves out.

Every news title and summary and every FAQ question is findable, each on its own page with its
kind and date; a long news body is searchable up to its lead only, while its page and the feeds
carry all of it; FAQ answers and events stay whole; overviews (the FAQ page among them) and
drafts are not indexed. See sto.site.search and sto.site.search_trim.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import feedparser
import pytest

from sto.site.build import Build
from sto.clock import build_now
from sto.site.search_trim import LEAD_WORDS

from .search_fragments import fragments
from .factories import markdown_file
from .sitebuild import EPOCH_2024_06_15, SITE_NAME, SITE_URL, BuiltSite, build_corpus

pytestmark = pytest.mark.site


def _sentences(word: str, count: int) -> str:
    """``count`` sentences of eight words, the second of each a marker word (to find it back)."""
    return " ".join(f"Scholen {word} samen met bedrijven in hun eigen regio." for _ in range(count))


LEAD = _sentences("leadwoord", 11)  # 88 words: one paragraph, the whole lead
assert len(LEAD.split()) >= LEAD_WORDS
LONG_NEWS_BODY = (f"{LEAD}\n\n{_sentences('staartwoord', 4)}\n\n## Achtergrond bij de staartkop\n\n"
                  f"{_sentences('kopstaartwoord', 3)}\n\n- een punt met lijststaartwoord\n- nog een punt\n")
LONG_ANSWER = f"{_sentences('antwoordbegin', 12)}\n\n## Meer uitleg\n\n{_sentences('antwoordeinde', 6)}\n"
LONG_EVENT = f"{_sentences('programmabegin', 12)}\n\n{_sentences('programmaeinde', 6)}\n"

EXTRA_ITEMS = {
    "content/news/2024-06-lang-bericht.md": markdown_file({
        "id": "5ea4c000-0000-4000-8000-000000000001", "title": "Een lang bericht over regionale samenwerking",
        "date": "2024-06-13", "summary": "Samenvatting met samenvattingswoord, alleen in de voorkop."}, LONG_NEWS_BODY),
    "content/news/2024-06-samenvatting-vooraan.md": markdown_file({
        "id": "5ea4c000-0000-4000-8000-000000000002", "title": "Een bericht dat met zijn samenvatting begint",
        "date": "2024-06-12", "summary": "Dit bericht opent met herhaalwoord en zijn samenvatting."},
        "Dit bericht opent met herhaalwoord en zijn samenvatting. En dan volgt de rest.\n"),
    "content/news/2024-06-zonder-tekst.md": markdown_file({
        "id": "5ea4c000-0000-4000-8000-000000000003", "title": "Een bericht zonder tekst",
        "date": "2024-06-11", "summary": "Alleen een samenvatting met leegwoord."}, ""),
    "content/faq/lange-vraag.md": markdown_file({
        "id": "5ea4c000-0000-4000-8000-000000000011", "title": "Hoe lang mag een antwoord zijn?",
        "topic": "subsidie-en-begroting", "date": "2024-06-10"}, LONG_ANSWER),
    "content/agenda/2024-09-lang-programma.md": markdown_file({
        "id": "5ea4c000-0000-4000-8000-000000000021", "title": "Een bijeenkomst met een lang programma",
        "kind": "bijeenkomst", "start": "2024-09-12 10:00", "location": "Utrecht"}, LONG_EVENT),
}


def _squash(markup: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def _words(text: str) -> str:
    return " ".join(text.split())


def page_texts(site: Path) -> dict[str, str]:
    """Page address -> its indexed title and text (Pagefind keeps them as plain text)."""
    return {url: _words(f"{f['meta'].get('title', '')} {f['content']}") for url, f in fragments(site).items()}


def unfindable(project: Path, site: Path) -> list[str]:
    """Every published news title and summary, and every FAQ question, missing where search finds it."""
    build = Build.load(project, SITE_URL, SITE_NAME, now=build_now({"SOURCE_DATE_EPOCH": EPOCH_2024_06_15}))
    texts = page_texts(site)
    titles = {url: _words(f["meta"]["title"]) for url, f in fragments(site).items()}
    missing = []
    for item in build.content.news:
        text = texts.get(item.url, "")
        missing += [f"{item.path}: {what}" for what, value in (("title", item.title), ("summary", item.data.summary))
                    if " ".join(value.split()) not in text]
    assert build.content.news and build.content.faq
    for item in build.content.faq:
        if titles.get(item.url) != " ".join(item.title.split()):  # its own result, its own title
            missing.append(f"{item.path}: question")
    missing += [f"FAQ page indexed: {loc}" for loc in titles if loc == "veelgestelde-vragen/"]
    return missing


@pytest.fixture(scope="module")
def long_site(tmp_path_factory) -> BuiltSite:
    return build_corpus(tmp_path_factory.mktemp("search"), EXTRA_ITEMS)


def test_every_news_title_and_summary_and_every_faq_question_is_in_the_search_index(long_site):
    assert unfindable(long_site.project, long_site.site) == []


def test_the_fixture_corpus_with_hostile_text_is_findable_too(corpus_site):
    assert unfindable(corpus_site.project, corpus_site.site) == []


def test_a_long_news_body_is_searchable_up_to_its_lead(long_site):
    site = long_site.site
    found = fragments(site)["nieuws/2024-06-lang-bericht/"]
    text = _words(found["content"])
    assert "samenvattingswoord" in text and text.count("leadwoord") == 11
    for tail in ("staartwoord", "staartkop", "kopstaartwoord", "lijststaartwoord"):
        assert tail not in json.dumps(found), tail


def test_the_page_and_the_feeds_still_carry_the_whole_body(long_site):
    site = long_site.site
    page = (site / "nieuws/2024-06-lang-bericht/index.html").read_text(encoding="utf-8")
    for tail in ("Scholen staartwoord samen", "Achtergrond bij de staartkop", "lijststaartwoord"):
        assert tail in page, tail
    # nothing for search in the pages (the policy names Pagefind's script; no data-pagefind markup)
    assert not [p for p in site.rglob("*.html") if "data-pagefind" in p.read_text(encoding="utf-8")]

    atom = feedparser.parse((site / "feeds/atom.xml").read_bytes())
    entry = next(e for e in atom.entries if e.title == "Een lang bericht over regionale samenwerking")
    content = entry.content[0].value
    assert content.startswith("<p>Scholen leadwoord") and "lijststaartwoord" in content
    assert "sto-search-text" not in content and "pagefind" not in content  # as the page's body, no more
    feed = json.loads((site / "feeds/feed.json").read_text(encoding="utf-8"))
    item = next(i for i in feed["items"] if i["title"] == "Een lang bericht over regionale samenwerking")
    assert item["content_html"] == content


def test_a_summary_that_opens_the_body_is_indexed_once(long_site):
    site = long_site.site
    text = page_texts(site)["nieuws/2024-06-samenvatting-vooraan/"]
    assert text.count("herhaalwoord") == 1
    assert "leegwoord" in page_texts(site)["nieuws/2024-06-zonder-tekst/"]


def test_faq_answers_and_events_stay_whole_in_the_index(long_site):
    site = long_site.site
    texts = page_texts(site)
    for word in ("antwoordbegin", "Meer uitleg", "antwoordeinde"):
        assert word in texts["veelgestelde-vragen/lange-vraag/"], word
    event = texts["agenda/2024-09-lang-programma/"]
    assert "programmabegin" in event and event.count("programmaeinde") == 6


def test_each_result_carries_its_kind_and_date(long_site):
    found = fragments(long_site.site)
    assert found["nieuws/2024-06-lang-bericht/"]["meta"] == {
        "title": "Een lang bericht over regionale samenwerking", "soort": "Nieuws", "datum": "13 juni 2024"}
    assert found["veelgestelde-vragen/lange-vraag/"]["meta"]["soort"] == "Veelgestelde vraag"
    assert found["agenda/2024-09-lang-programma/"]["meta"]["soort"] == "Bijeenkomst"
    assert found["agenda/2024-09-lang-programma/"]["meta"]["datum"] == "donderdag 12 september 2024"


def test_overviews_and_the_faq_page_are_not_indexed_and_item_pages_are(long_site):
    urls = set(fragments(long_site.site))
    for overview in ("", "nieuws/", "agenda/", "veelgestelde-vragen/", "regio/", "zoeken/", "agenda/geweest/"):
        assert overview not in urls, overview
    assert {"nieuws/2024-06-lang-bericht/", "veelgestelde-vragen/lange-vraag/", "over-sto/"} <= urls


def test_drafts_and_scheduled_items_are_not_indexed(tmp_path):
    build_corpus(tmp_path, {
        "content/faq/concept-vraag.md": markdown_file({
            "id": "5ea4c000-0000-4000-8000-000000000031", "title": "Een conceptvraag met conceptwoord",
            "topic": "subsidie-en-begroting", "date": "2024-06-10", "draft": True}, "Antwoord met conceptwoord.\n"),
        "content/news/2024-07-later.md": markdown_file({
            "id": "5ea4c000-0000-4000-8000-000000000032", "title": "Later nieuws met toekomstwoord",
            "date": "2024-07-10", "summary": "Nog niet: toekomstwoord."}, "Tekst.\n")})
    everything = json.dumps(fragments(tmp_path / "site"))
    assert "conceptwoord" not in everything and "toekomstwoord" not in everything
    assert "veelgestelde-vragen/begroting-activiteitenplan-aantal-jaren/" in everything
