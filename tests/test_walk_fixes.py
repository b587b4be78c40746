"""What a walk through the site found (issue 22, item 5), on the corpus site built as of
2024-06-15: no link to the page you are on, a list of handreikingen, no table of contents of one
entry, the newsletter page that says how the news can be followed, the embeds' colours from the
site's one stylesheet."""

from __future__ import annotations

import re

import pytest

from sto.site.palette import SITE_STYLESHEET, custom_properties
from sto.site.standalone import asset

from .sitebuild import ROOT

pytestmark = pytest.mark.site


def _filters(corpus_site, path: str):
    doc = corpus_site.parse_html(corpus_site.site / path / "index.html")
    (nav,) = doc.xpath('//nav[contains(@class, "sto-filters")]')
    return nav


def test_a_news_overview_does_not_link_to_itself(corpus_site):
    for path, current in (("nieuws", "Alle berichten"), ("nieuws/digizine", "Digizine"),
                          ("nieuws/handreikingen", "Handreikingen"),
                          ("nieuws/categorie/subsidie", "Subsidie en regeling"), ("nieuws/jaar/2024", "2024")):
        nav = _filters(corpus_site, path)
        assert [e.text_content() for e in nav.xpath('.//*[@aria-current="page"]')] == [current], path
        assert current not in [a.text_content() for a in nav.xpath(".//a")], path
    later_page = _filters(corpus_site, "nieuws/pagina/2")
    assert "Alle berichten" in [a.text_content() for a in later_page.xpath(".//a")]  # page 1 is another page


def test_the_handreikingen_have_an_overview_like_the_digizines(corpus_site):
    doc = corpus_site.parse_html(corpus_site.site / "nieuws/handreikingen/index.html")
    titles = [a.text_content().strip() for a in doc.xpath('//div[@class="sto-list"]//h2/a')]
    assert titles == ["Handreiking: Het borgen van Sterk Techniekonderwijs", "Fixture: handreiking"]
    home = corpus_site.parse_html(corpus_site.site / "index.html")
    assert home.xpath('//a[text()="Alle handreikingen"]/@href') == ["nieuws/handreikingen/"]


def _has_toc(corpus_site, path: str) -> bool:
    doc = corpus_site.parse_html(corpus_site.site / path / "index.html")
    return bool(doc.xpath('//nav[contains(@class, "md-nav--secondary")]//ul[@data-md-component="toc"]'))


def test_a_table_of_contents_of_one_entry_is_not_shown(corpus_site):
    assert not _has_toc(corpus_site, "over-sto")  # one heading, "Op deze website"
    assert _has_toc(corpus_site, "privacy")  # four


def test_the_newsletter_page_says_how_the_news_can_be_followed(corpus_site):
    doc = corpus_site.parse_html(corpus_site.site / "nieuwsbrief/index.html")
    text = " ".join(doc.text_content().split())
    assert "Aanmelden voor de nieuwsbrief per e-mail kan op deze website niet." in text
    hrefs = doc.xpath('//article//a/@href | //div[contains(@class, "md-content")]//a/@href')
    assert f"{corpus_site.site_url}feeds/rss.xml" in hrefs and "../agenda/volgen/" in hrefs
    assert not [h for h in hrefs if h.startswith("mailto:")]


def test_the_embeds_take_the_site_colours_from_its_one_stylesheet(corpus_site):
    site_css = (ROOT / "docs" / SITE_STYLESHEET).read_text(encoding="utf-8")
    palette = custom_properties(site_css)
    built = (corpus_site.site / "embed/embed.css").read_text(encoding="utf-8")
    assert palette in built and built.index(palette) < built.index(".sto-embed__event")
    own = asset("embed.css").decode("utf-8")
    site_colours = set(re.findall(r"#[0-9a-fA-F]{3,6}\b", palette))
    assert site_colours and not site_colours & set(re.findall(r"#[0-9a-fA-F]{3,6}\b", own))  # named, not copied
    defined = set(re.findall(r"(--sto-[\w-]+):", built))
    assert set(re.findall(r"var\((--sto-[\w-]+)\)", own)) <= defined


def test_the_palette_is_the_first_root_rule_and_its_absence_is_an_error():
    assert custom_properties(":root {\n  --sto-blue: #0b4a6f;\n}\n.a { color: red; }\n:root { --x: 1; }") == \
        ":root {\n  --sto-blue: #0b4a6f;\n}\n"
    with pytest.raises(ValueError, match="assets/sto.css"):
        custom_properties(".a { color: red; }")


def test_a_news_image_keeps_its_place_while_it_loads(corpus_site):
    """Lighthouse found the text under a news item's image moving (CLS 0.064 on a phone): the
    image now carries its file's width and height."""
    doc = corpus_site.parse_html(corpus_site.site / "nieuws/2024-06-10-bericht-met-afbeelding/index.html")
    (image,) = doc.xpath('//img[@class="sto-image"]')
    assert (image.get("width"), image.get("height")) == ("320", "180")  # tests/corpus/docs/afbeeldingen/test-poster.svg
