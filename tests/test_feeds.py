"""News feeds from fixture content, read back by feedparser (no MkDocs)."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import feedparser
import pytest
from lxml import etree
from lxml import html as lxml_html

from sto.syndication.feeds import NEWEST, feed_files, feed_links, guid

from .jsonfeed import JsonFeed, read_json_feed
from .factories import news, uuid
from .syndication_helpers import NASTY_TITLE, SITE_URL, make_build

FORMATS = ("rss.xml", "atom.xml", "feed.json")
IMAGE_BYTES = 12_345


def _image_size(src: str):
    return IMAGE_BYTES if src == "/afbeeldingen/techlab.jpg" else None


@pytest.fixture
def build(tree):
    return make_build(tree, {
        "news/oud.md": news(1, date="2024-05-01", extra="categories: [subsidie]\n"),
        "news/nieuw.md": news(2, date="2024-06-10", extra="categories: [subsidie, techniekonderwijs]\n"
                              "image:\n  src: /afbeeldingen/techlab.jpg\n  alt: Leerlingen in een techlab\n"),
        "news/midden.md": news(3, date="2024-06-01", extra="updated: 2024-06-12\n"),
    })


def _parse(files, path):
    """RSS and Atom through feedparser (bozo must be 0); JSON Feed through the 1.1 rules (tests/jsonfeed.py)."""
    if path.endswith(".json"):
        return read_json_feed(files[path])
    parsed = feedparser.parse(files[path])
    assert parsed.bozo == 0, (path, parsed.get("bozo_exception"))
    return parsed


def entries_of(parsed):
    """(id, link, title, published) per entry, the same for feedparser's and the JSON Feed reading."""
    if isinstance(parsed, JsonFeed):
        return [(i.id, str(i.url), i.title, i.date_published.astimezone(timezone.utc).replace(tzinfo=None))
                for i in parsed.items]
    return [(e.id, e.link, shown(e.title_detail), datetime(*e.published_parsed[:6])) for e in parsed.entries]


def shown(detail) -> str:
    """The text a reader shows for a feedparser text construct: HTML is rendered, text is text."""
    if detail.type in ("text/html", "application/xhtml+xml"):
        return lxml_html.fragment_fromstring(detail.value, create_parent="div").text_content() if detail.value else ""
    return detail.value


@pytest.mark.parametrize("name", FORMATS)
def test_every_format_is_read_without_errors_in_our_order_with_stable_ids(build, name):
    files = feed_files(build, {}, _image_size)
    read = entries_of(_parse(files, f"feeds/{name}"))
    assert [e[0] for e in read] == [f"tag:www.sterktechniekonderwijs.nl,2024:{uuid(n)}" for n in (2, 3, 1)]
    assert [e[1] for e in read] == [f"{SITE_URL}nieuws/{s}/" for s in ("nieuw", "midden", "oud")]
    assert [e[3] for e in read] == [datetime(2024, 6, 9, 22), datetime(2024, 5, 31, 22), datetime(2024, 4, 30, 22)]


def test_feed_dates_come_from_the_content_never_the_build_time(build):
    files = feed_files(build, {}, _image_size)
    rss, atom, jsonfeed = (_parse(files, f"feeds/{n}") for n in FORMATS)
    newest_change = datetime(2024, 6, 11, 22, 0, tzinfo=timezone.utc)  # 'updated: 2024-06-12' at 00:00 Amsterdam
    assert datetime(*rss.feed.updated_parsed[:6], tzinfo=timezone.utc) == newest_change  # lastBuildDate
    assert datetime(*atom.feed.updated_parsed[:6], tzinfo=timezone.utc) == newest_change
    assert [e.updated for e in atom.entries][1] == "2024-06-12T00:00:00+02:00"
    assert jsonfeed.items[1].date_modified == newest_change
    assert str(datetime.now().year).encode() not in b"".join(files.values())  # the clock's year appears nowhere


def test_rss_has_the_channel_link_self_link_language_summary_content_categories_and_enclosure(build):
    html = {uuid(2): '<p>Volledige <a href="https://www.sterktechniekonderwijs.nl/x/">tekst</a></p>'}
    files = feed_files(build, html, _image_size)
    parsed = _parse(files, "feeds/rss.xml")
    assert parsed.feed.link == SITE_URL
    assert parsed.feed.language == "nl-NL"
    assert {"rel": "self", "type": "application/rss+xml", "href": f"{SITE_URL}feeds/rss.xml"} in parsed.feed.links
    entry = parsed.entries[0]
    assert entry.summary == "Samenvatting 2."
    assert entry.content[0].value == html[uuid(2)]
    assert [t.term for t in entry.tags] == ["Subsidie", "Techniekonderwijs"]
    assert [(e.href, e.length, e.type) for e in entry.enclosures] == [
        (f"{SITE_URL}afbeeldingen/techlab.jpg", str(IMAGE_BYTES), "image/jpeg")]
    root = etree.fromstring(files["feeds/rss.xml"])
    assert root.findtext("channel/link") == SITE_URL  # feedgen trap: the last link added wins
    assert root.find("channel/item/guid").get("isPermaLink") == "false"


def test_atom_keeps_rel_and_type_on_entry_links_and_declares_html_content(build):
    html = {uuid(2): "<p>Volledige tekst</p>"}
    files = feed_files(build, html, _image_size)
    parsed = _parse(files, "feeds/atom.xml")
    assert {"rel": "self", "type": "application/atom+xml", "href": f"{SITE_URL}feeds/atom.xml"} in parsed.feed.links
    entry = parsed.entries[0]
    assert {"rel": "alternate", "type": "text/html", "href": f"{SITE_URL}nieuws/nieuw/"} in entry.links
    assert {"rel": "enclosure", "type": "image/jpeg", "href": f"{SITE_URL}afbeeldingen/techlab.jpg",
            "length": str(IMAGE_BYTES)} in entry.links
    assert entry.content[0].type == "text/html" and entry.content[0].value == "<p>Volledige tekst</p>"
    root = etree.fromstring(files["feeds/atom.xml"])
    types = {c.get("type") for c in root.iter("{http://www.w3.org/2005/Atom}content")}
    assert types == {"html"}  # never feedgen's invalid type="CDATA"


def test_json_feed_is_version_1_1_with_absolute_urls_and_the_image_as_attachment(build):
    files = feed_files(build, {}, _image_size)
    _parse(files, "feeds/feed.json")
    document = json.loads(files["feeds/feed.json"])
    assert document["version"] == "https://jsonfeed.org/version/1.1"
    assert document["feed_url"] == f"{SITE_URL}feeds/feed.json"
    assert document["language"] == "nl-NL"
    first = document["items"][0]
    assert first["image"] == f"{SITE_URL}afbeeldingen/techlab.jpg"
    assert first["attachments"] == [{"url": f"{SITE_URL}afbeeldingen/techlab.jpg", "mime_type": "image/jpeg",
                                     "size_in_bytes": IMAGE_BYTES}]


def test_an_image_whose_file_is_missing_gets_no_enclosure_rather_than_a_wrong_length(build):
    files = feed_files(build, {}, lambda src: None)
    assert all(not e.enclosures for e in _parse(files, "feeds/rss.xml").entries)


def test_newest_twenty_in_the_main_feed_and_one_feed_per_category(tree):
    items = {f"news/bericht-{n:02d}.md": news(n, date=f"2024-05-{n:02d}",
                                              extra="categories: [techniekonderwijs]\n" if n % 2 else "")
             for n in range(1, 26)}
    build = make_build(tree, items)
    files = feed_files(build, {}, _image_size)
    assert len(_parse(files, "feeds/feed.json").items) == NEWEST
    main = _parse(files, "feeds/atom.xml")
    assert len(main.entries) == NEWEST
    assert main.entries[0].id.endswith(uuid(25)) and main.entries[-1].id.endswith(uuid(6))
    category = _parse(files, "feeds/categorie/techniekonderwijs/atom.xml")
    assert [e.id[-2:] for e in category.entries] == [f"{n:02d}" for n in range(25, 0, -2)]
    empty = _parse(files, "feeds/categorie/subsidie/rss.xml")  # exists, so its address never breaks
    assert empty.entries == []


def test_ids_do_not_depend_on_title_or_address(tree):
    first = make_build(tree, {"news/a.md": news(1, title="Eerste titel")})
    second_tree = type(tree)(tree.root / "again")
    second = make_build(second_tree, {"news/ander-adres.md": news(1, title="Andere titel")})
    assert guid(first.content.news[0], SITE_URL) == guid(second.content.news[0], SITE_URL)


def _nasty(tree, title: str):
    return make_build(tree, {"news/lastig.md": news(1, title=title,
                                                    extra="categories: [subsidie]\n",
                                                    body="Tekst")})


MARKUP_TITLES = [NASTY_TITLE, "R&D: <b>vet</b> &amp; &lt;i&gt; <img src=x onerror=alert(1)> 5 > 3 < 4",
                 "Tom & Jerry", "&#x3C;script&#x3E;", "<![CDATA[ x ]]> ]]>"]


@pytest.mark.parametrize("title", MARKUP_TITLES)
def test_a_title_full_of_special_characters_comes_back_unchanged_from_every_format(tree, title):
    build = _nasty(tree, title)
    assert build.content.news[0].title == title
    html = {uuid(1): '<p>Tekst &amp; <script>-vrij</p>'}
    files = feed_files(build, html, _image_size)
    for name in FORMATS:
        assert entries_of(_parse(files, f"feeds/{name}"))[0][2] == title, name
    for name in ("rss.xml", "atom.xml"):
        assert b"<script>" not in files[f"feeds/{name}"], name  # escaped, never live markup
    assert json.loads(files["feeds/feed.json"])["items"][0]["title"] == title


def test_autodiscovery_links_add_the_category_feeds_on_a_category_page(build):
    plain = feed_links(build)
    assert [link.type for link in plain] == ["application/rss+xml", "application/atom+xml", "application/feed+json"]
    assert [link.href for link in plain] == [f"{SITE_URL}feeds/rss.xml", f"{SITE_URL}feeds/atom.xml",
                                             f"{SITE_URL}feeds/feed.json"]
    with_category = feed_links(build, "subsidie")
    assert with_category[3].href == f"{SITE_URL}feeds/categorie/subsidie/rss.xml"
    assert "Subsidie" in with_category[3].title
    assert feed_links(build, "bestaat-niet") == plain


@pytest.mark.parametrize("title", MARKUP_TITLES)
def test_a_reader_that_parses_the_xml_itself_shows_the_title_as_typed(tree, title):
    """A second reader beside feedparser: lxml reads the XML, then RSS titles (and the channel's)
    as HTML, as most feed readers treat them, and Atom titles by their declared type (text)."""
    files = feed_files(_nasty(tree, title), {}, _image_size)
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    rss = etree.fromstring(files["feeds/rss.xml"], parser)
    item_title = rss.find("channel/item/title").text
    assert lxml_html.fragment_fromstring(item_title, create_parent="div").text_content() == title
    atom = etree.fromstring(files["feeds/atom.xml"], parser)
    entry_title = atom.find("{http://www.w3.org/2005/Atom}entry/{http://www.w3.org/2005/Atom}title")
    assert entry_title.get("type") == "text" and entry_title.text == title
    assert json.loads(files["feeds/feed.json"])["items"][0]["title"] == title
