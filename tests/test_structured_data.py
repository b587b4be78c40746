"""JSON-LD and Open Graph as dicts, and the escaper that keeps content inside <script>."""

import json

import lxml.html
from hypothesis import given
from hypothesis import strategies as st

from sto.site import structured_data
from sto.content.items import Item
from sto.content.models import Event, NewsItem

SITE = "https://www.example.nl/"


def test_json_for_html_escapes_what_could_end_a_script_and_still_parses():
    value = {"name": "</script><script>alert(1)</script> & <!-- \u2028\u2029"}
    text = structured_data.json_for_html(value)
    for bad in ("<", ">", "&", "\u2028", "\u2029"):
        assert bad not in text
    assert json.loads(text) == value


@given(st.text())
def test_json_for_html_round_trips_any_text_inside_a_real_html_parser(title):
    page = f'<html><head><script type="application/ld+json">{structured_data.json_for_html({"t": title})}</script></head><body><p id="after">x</p></body></html>'
    tree = lxml.html.fromstring(page)
    scripts = tree.xpath("//script")
    assert len(scripts) == 1
    assert json.loads(scripts[0].text) == {"t": title}
    assert tree.xpath("//p[@id='after']")


def _event(**fields):
    data = {"id": "33333333-aaaa-4bbb-8ccc-000000000003", "title": "Webinar", "kind": "webinar",
            "start": "2024-06-19 15:00", **fields}
    return Event.model_validate(data)


def test_online_event_has_offsets_status_mode_and_virtual_location():
    data = structured_data.event(_event(end="2024-06-19 16:00", online=True, join_url="https://meet.example.org/x"),
                                 SITE + "agenda/w/", "STO", SITE)
    assert data["@type"] == "Event"
    assert data["startDate"] == "2024-06-19T15:00:00+02:00" and data["endDate"] == "2024-06-19T16:00:00+02:00"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"] == {"@type": "VirtualLocation", "url": "https://meet.example.org/x"}


def test_cancelled_physical_event_has_place_and_cancelled_status():
    data = structured_data.event(_event(location="Markt 1, Gorinchem", status="geannuleerd"), SITE, "STO", SITE)
    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"]["@type"] == "Place" and data["location"]["name"] == "Markt 1, Gorinchem"
    assert "endDate" not in data  # no end time known: none invented


def test_caribbean_event_keeps_its_own_offset():
    data = structured_data.event(_event(timezone="America/Curacao", online=True), SITE, "STO", SITE)
    assert data["startDate"] == "2024-06-19T15:00:00-04:00"


def test_news_article_and_open_graph():
    news = NewsItem.model_validate({"id": "11111111-aaaa-4bbb-8ccc-000000000001", "title": "Nieuws",
                                    "date": "2024-06-03", "updated": "2024-06-05", "summary": "Kort.",
                                    "image": {"src": "/afbeeldingen/a.jpg", "alt": "Een lokaal"}})
    item = Item(news, "", "content/news/n.md", "n")
    data = structured_data.news_article(news, SITE + "nieuws/n/", "STO", SITE)
    assert (data["@type"], data["datePublished"], data["dateModified"]) == (
        "NewsArticle", "2024-06-03T00:00:00+02:00", "2024-06-05T00:00:00+02:00")  # zoned, as in the feeds
    assert data["image"] == "https://www.example.nl/afbeeldingen/a.jpg"
    og = structured_data.open_graph(title="Nieuws", description="Kort.", url=SITE + "nieuws/n/", site_name="STO",
                                    item=item, site_url=SITE)
    assert og["og:type"] == "article" and og["og:locale"] == "nl_NL"
    assert og["og:image"] == "https://www.example.nl/afbeeldingen/a.jpg" and og["og:image:alt"] == "Een lokaal"


def test_a_month_only_date_is_the_first_of_the_month_and_the_share_image_stands_in():
    news = NewsItem.model_validate({"id": "11111111-aaaa-4bbb-8ccc-000000000001", "title": "Nieuws",
                                    "date": "2024-12", "summary": "Kort."})
    item = Item(news, "", "content/news/n.md", "n")
    data = structured_data.news_article(news, SITE + "nieuws/n/", "STO", SITE)
    assert data["datePublished"] == data["dateModified"] == "2024-12-01T00:00:00+01:00"
    assert data["image"] == "https://www.example.nl/assets/sto-deelafbeelding.png"
    og = structured_data.open_graph(title="Nieuws", description="Kort.", url=SITE + "nieuws/n/", site_name="STO",
                                    item=item, site_url=SITE)
    assert (og["og:image"], og["og:image:width"], og["og:image:height"]) == (data["image"], "1200", "630")
    assert og["article:published_time"] == "2024-12-01T00:00:00+01:00"
    home = structured_data.open_graph(title="Actueel", description="D", url=SITE, site_name="STO", item=None,
                                      site_url=SITE)
    assert home["og:image"] == data["image"] and home["og:image:alt"]


def test_an_event_claims_only_the_attendance_its_page_states():
    # Google requires a location of an Event: one whose page says "Nog niet bekend" gets no Event.
    assert structured_data.event(_event(), SITE + "agenda/w/", "STO", SITE) is None
    online = structured_data.event(_event(online=True), SITE + "agenda/w/", "STO", SITE)
    assert online["location"] == {"@type": "VirtualLocation", "url": SITE + "agenda/w/"}
    both = structured_data.event(_event(online=True, location="Gorinchem"), SITE + "agenda/w/", "STO", SITE)
    assert both["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert [place["@type"] for place in both["location"]] == ["VirtualLocation", "Place"]


def test_breadcrumbs_are_numbered_from_one():
    data = structured_data.breadcrumbs([("Actueel", SITE), ("Nieuws", SITE + "nieuws/")])
    assert [(e["position"], e["name"]) for e in data["itemListElement"]] == [(1, "Actueel"), (2, "Nieuws")]


def test_the_home_page_names_the_organization_and_the_website_with_facts_only():
    organization, website = structured_data.home_page("STO", SITE, "Het laatste nieuws.")
    assert organization == {"@context": "https://schema.org", "@type": "Organization", "name": "STO", "url": SITE,
                            "logo": SITE + "assets/sto-icoon-512.png"}  # no contact details: none are given
    assert website == {"@context": "https://schema.org", "@type": "WebSite", "name": "STO", "url": SITE,
                       "inLanguage": "nl", "description": "Het laatste nieuws.",
                       "publisher": {"@type": "Organization", "name": "STO", "url": SITE}}
