"""The embeddable agendas (/embed/) as built: self-contained, script-free, the listings' upcoming
events, and the copy-paste snippets on the region pages, "Agenda volgen" and the partners' page.
Exact facts on the fixture corpus built by ``corpus_site``; the browser test is in tests/browser/."""

from __future__ import annotations

import html
import re
from urllib.parse import urljoin

import pytest

from sto.site.embed import CSP

from .sitecheck import HOSTILE_TITLE

pytestmark = pytest.mark.site

EMBEDS = ("embed/agenda/", "embed/regio/caribisch-nederland/", "embed/regio/gorinchem-en-altena/")


def embed_pages(corpus_site) -> dict[str, object]:
    found = {p.relative_to(corpus_site.site).as_posix().removesuffix("index.html"): corpus_site.parse_html(p)
             for p in sorted((corpus_site.site / "embed").rglob("index.html"))}
    assert sorted(found) == sorted(EMBEDS)
    return found


def test_embeds_are_self_contained_script_free_and_open_links_in_the_top_window(corpus_site):
    for path, doc in embed_pages(corpus_site).items():
        assert doc.get("lang") == "nl"
        assert doc.xpath("//script | //style | //iframe | //*[@style] | //*[@*[starts-with(name(), 'on')]]") == []
        assert doc.xpath("//meta[@http-equiv='Content-Security-Policy']/@content") == [CSP]
        [stylesheet] = doc.xpath("//link[@rel='stylesheet']/@href")
        assert corpus_site.target_of(urljoin(corpus_site.site_url + path, stylesheet)) == corpus_site.site / "embed/embed.css"
        links = doc.xpath("//a")
        assert links and all(a.get("target") == "_top" and a.get("href").startswith(corpus_site.site_url)
                             for a in links), path
        assert doc.xpath("//*[@src]") == []  # nothing loaded but the stylesheet


def titles(doc) -> list[str]:
    return [h.text_content() for h in doc.xpath("//h2")]


def test_embeds_show_the_upcoming_events_with_time_place_and_status(corpus_site):
    pages = embed_pages(corpus_site)
    whole = pages["embed/agenda/"]
    assert titles(whole) == ["STO LIVE-webinar: Gorinchem en Altena: een actieve regio", "Fixture: trainingsdag",
                             "Fixture: geannuleerde bijeenkomst", "Geannuleerd webinar", HOSTILE_TITLE,
                             "Verplaatste bijeenkomst", "Fixture: conferentie van twee dagen", "Regiodag"]
    items = [" ".join(" ".join(li.itertext()).split()) for li in whole.xpath("//li")]
    assert items[0] == ("Webinar STO LIVE-webinar: Gorinchem en Altena: een actieve regio "
                        "woensdag 19 juni 2024, 15.00 uur (Nederlandse tijd) Online")
    assert items[2] == ("Bijeenkomst Geannuleerd Fixture: geannuleerde bijeenkomst "
                        "woensdag 3 juli 2024, 10.00–12.30 uur Gorinchem, Techlab Te weinig aanmeldingen.")
    assert items[3] == ("Webinar Geannuleerd Geannuleerd webinar woensdag 3 juli 2024, 21.00–22.00 uur "
                        "(Nederlandse tijd) Online Door ziekte van de spreker gaat dit webinar niet door.")
    assert items[5] == ("Bijeenkomst Verplaatst Verplaatste bijeenkomst woensdag 10 juli 2024, 13.30–17.00 uur "
                        "Stadhuis, Markt 1, Gorinchem Verplaatst van 3 juli naar 10 juli.")
    assert items[6].endswith("dinsdag 10 september 2024 tot en met woensdag 11 september 2024 Utrecht")
    assert whole.xpath("//time/@datetime")[:2] == ["2024-06-19T15:00:00+02:00", "2024-06-28"]
    region = pages["embed/regio/gorinchem-en-altena/"]
    assert titles(region) == ["STO LIVE-webinar: Gorinchem en Altena: een actieve regio"]
    assert region.xpath("string(//title)") == "Agenda van Sterk Techniekonderwijs, regio Gorinchem en Altena"
    empty = pages["embed/regio/caribisch-nederland/"]
    assert titles(empty) == []
    assert "Er staan op dit moment geen evenementen in de regio Caribisch Nederland gepland." in empty.text_content()
    assert re.search(r"\bje\b|\bjouw?\b", " ".join(p.text_content() for p in pages.values()), re.I) is None


def snippets(doc) -> list[str]:
    return [code.text_content() for code in doc.xpath("//div[@class='sto-embed-snippet']//code")]


def test_each_region_page_and_agenda_volgen_give_the_snippet_whose_title_is_the_embeds(corpus_site):
    pages = embed_pages(corpus_site)
    region = corpus_site.parse_html(corpus_site.site / "regio/gorinchem-en-altena/index.html")
    [snippet] = snippets(region)
    src = re.search(r'src="([^"]+)"', snippet).group(1)
    title = html.unescape(re.search(r'title="([^"]+)"', snippet).group(1))
    assert src == corpus_site.site_url + "embed/regio/gorinchem-en-altena/"
    assert title == pages["embed/regio/gorinchem-en-altena/"].xpath("string(//title)")
    follow = corpus_site.parse_html(corpus_site.site / "agenda/volgen/index.html")
    found = [re.search(r'src="([^"]+)"', s).group(1).removeprefix(corpus_site.site_url) for s in snippets(follow)]
    assert found == list(EMBEDS)  # the whole agenda, then the regions in the vocabulary's order
    assert follow.xpath("//*[@id='agenda-insluiten']")
    # the partners' page shows the same snippet, so its example cannot go stale
    partners = corpus_site.parse_html(corpus_site.site / "open-data-en-insluiten/index.html")
    assert snippet in [c.text_content().strip() for c in partners.xpath("//pre//code")]
