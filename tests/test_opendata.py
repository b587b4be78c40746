"""Open data (/data/v1/): every document validates against the schema it names, and every event
and news item in it is the same as on the site, in the feeds and in the calendars.

Exact facts (counts, order) only on the fixture corpus built by ``corpus_site``.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import jsonschema
import pytest
from icalendar import Calendar

from sto.syndication.opendata import SCHEMAS, AgendaDocument, schema

from .sitecheck import HOSTILE_TITLE

pytestmark = pytest.mark.site

DATA = "data/v1/"


def documents(site: Path) -> dict[str, dict]:
    """Site-relative path -> parsed document, schemas left out."""
    return {p.relative_to(site).as_posix(): json.loads(p.read_text(encoding="utf-8"))
            for p in sorted((site / DATA).rglob("*.json")) if not p.name.endswith(".schema.json")}


def local(corpus_site, url: str) -> Path:
    target = corpus_site.target_of(url)
    assert target is not None, f"{url} is not on this site"
    return target


def validator_for(corpus_site, document: dict):
    published = json.loads(local(corpus_site, document["$schema"]).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(published)
    return jsonschema.Draft202012Validator(published, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def test_every_document_validates_against_the_schema_it_names(corpus_site):
    docs = documents(corpus_site.site)
    # the whole agenda, 5 kinds, 2 regions; all news, 3 categories, 2 regions; the index
    assert len(docs) == 1 + 5 + 2 + 1 + 3 + 2 + 1
    for path, document in docs.items():
        assert document["url"] == corpus_site.site_url + path
        errors = [f"{path}: {'/'.join(map(str, e.absolute_path))}: {e.message}"
                  for e in validator_for(corpus_site, document).iter_errors(document)]
        assert errors == []
    index = docs[f"{DATA}index.json"]
    assert sorted(local(corpus_site, d["url"]).relative_to(corpus_site.site).as_posix() for d in index["documents"]) \
        == sorted(p for p in docs if p != f"{DATA}index.json")


def test_the_published_schemas_are_the_models_and_refuse_what_the_models_would_not_write(corpus_site):
    agenda = json.loads((corpus_site.site / DATA / "agenda.json").read_text(encoding="utf-8"))
    published = json.loads((corpus_site.site / SCHEMAS[AgendaDocument]).read_text(encoding="utf-8"))
    assert published == schema(AgendaDocument, corpus_site.site_url)
    validator = validator_for(corpus_site, agenda)
    event = agenda["upcoming"][0]
    for broken in ({**event, "start": event["start"][:19]},  # no offset
                   {**event, "status": "afgelast"}, {**event, "extra": 1},
                   {k: v for k, v in event.items() if k != "uid"}):
        assert not validator.is_valid({**agenda, "upcoming": [broken]}), broken


def vevents(path: Path) -> dict[str, object]:
    calendar = Calendar.from_ical(path.read_bytes())
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def moment(value) -> datetime | date:
    return value.dt


def assert_event_matches_calendar(record: dict, component) -> None:
    start = moment(component["DTSTART"])
    if record["all_day"]:
        assert start == date.fromisoformat(record["first_day"])
        assert moment(component["DTEND"]) == datetime.fromisoformat(record["end"]).date()
    else:
        assert start == datetime.fromisoformat(record["start"])
        if record["end"] is None:
            assert "DTEND" not in component
        else:
            assert moment(component["DTEND"]) == datetime.fromisoformat(record["end"])
    assert str(component["STATUS"]) == ("CANCELLED" if record["cancelled"] else "CONFIRMED")
    assert int(component["SEQUENCE"]) == record["sequence"]
    assert str(component["URL"]) == record["url"]
    assert moment(component["DTSTAMP"]) == datetime.fromisoformat(record["updated"])
    assert str(component["SUMMARY"]).removeprefix("GEANNULEERD: ") == record["title"]


def test_every_agenda_document_holds_exactly_its_calendars_events_with_the_same_times_and_status(corpus_site):
    docs = documents(corpus_site.site)
    agendas = {p: d for p, d in docs.items() if d["$schema"].endswith("agenda.schema.json")}
    assert len(agendas) == 8
    for path, document in agendas.items():
        calendar = vevents(local(corpus_site, document["calendar_url"]))
        records = document["upcoming"] + document["recent"]
        assert sorted(r["uid"] for r in records) == sorted(calendar), path
        for record in records:
            assert_event_matches_calendar(record, calendar[record["uid"]])
            own = vevents(local(corpus_site, record["calendar_url"]))  # "Zet in je agenda"
            assert list(own) == [record["uid"]]
            page = corpus_site.parse_html(local(corpus_site, record["url"]))
            assert page.xpath("string(//h1)").strip().endswith(record["title"])
            assert record["when"] in page.xpath("string(//main)")


def test_every_news_document_holds_its_feeds_entries_of_the_past_year(corpus_site):
    docs = documents(corpus_site.site)
    news_docs = {p: d for p, d in docs.items() if d["$schema"].endswith("nieuws.schema.json")}
    assert len(news_docs) == 6
    since = "2023-06-15"  # twelve months before the build's "now"
    for path, document in news_docs.items():
        for record in document["items"]:
            page = corpus_site.parse_html(local(corpus_site, record["url"]))
            assert page.xpath("string(//h1)").strip() == record["title"]
            assert record["date"] >= since
        if "/regio/" in path:
            continue  # no feed per region; its items are checked against the site and the whole feed
        folder = "feeds/" if path == f"{DATA}nieuws.json" else f"feeds/categorie/{Path(path).stem}/"
        feed = json.loads((corpus_site.site / folder / "feed.json").read_text(encoding="utf-8"))
        expected = [(i["id"], i["title"], i["date_published"]) for i in feed["items"]
                    if i["date_published"][:10] >= since]
        assert [(r["guid"], r["title"], r["published"]) for r in document["items"]] == expected, path
    everything = {r["id"]: r for r in docs[f"{DATA}nieuws.json"]["items"]}
    for path, document in news_docs.items():
        for record in document["items"]:
            assert record == everything[record["id"]], path


def test_the_fixture_agenda_exactly(corpus_site):
    """Windows, order and fields on the fixture corpus at 2024-06-15: events of the past 12
    months and upcoming ones; the 2023 ones are out; a cancelled one is in, as cancelled."""
    agenda = json.loads((corpus_site.site / DATA / "agenda.json").read_text(encoding="utf-8"))
    assert [e["first_day"] for e in agenda["upcoming"]] == ["2024-06-19", "2024-06-28", "2024-07-03", "2024-07-03",
                                                            "2024-07-10", "2024-07-10", "2024-09-10", "2024-09-12"]
    assert [e["title"] for e in agenda["recent"]] == [  # ends 22 May: same day, by UID
        "ECPB wil samen met u programma’s en/of maatwerktrajecten ontwikkelen", "Fixture: webinar met opname",
        "STO LIVE-webinar met opname"]
    by_title = {e["title"]: e for e in agenda["upcoming"]}
    by_day = {e["first_day"]: e for e in agenda["upcoming"]}
    cancelled = by_title["Fixture: geannuleerde bijeenkomst"]
    assert (cancelled["status"], cancelled["cancelled"], cancelled["status_label"], cancelled["sequence"]) \
        == ("geannuleerd", True, "Geannuleerd", 2)
    assert cancelled["status_note"] == "Te weinig aanmeldingen."
    assert (cancelled["start"], cancelled["end"]) == ("2024-07-03T10:00:00+02:00", "2024-07-03T12:30:00+02:00")
    assert cancelled["when"] == "woensdag 3 juli 2024, 10.00–12.30 uur"
    curacao = by_day["2024-06-28"]
    assert (curacao["all_day"], curacao["start"], curacao["end"], curacao["last_day"], curacao["timezone"]) \
        == (True, "2024-06-28T00:00:00-04:00", "2024-06-29T00:00:00-04:00", "2024-06-28", "America/Curacao")
    webinar = by_day["2024-06-19"]
    assert webinar["when"] == "woensdag 19 juni 2024, 15.00 uur (Nederlandse tijd)"
    assert (webinar["end"], webinar["online"], webinar["location"]) == (None, True, None)
    assert HOSTILE_TITLE in by_title  # read back exactly
    curacao_online = by_title["Geannuleerd webinar"]  # online, in Curaçao time: shown in Dutch time
    assert (curacao_online["start"], curacao_online["when"]) == (
        "2024-07-03T15:00:00-04:00", "woensdag 3 juli 2024, 21.00–22.00 uur (Nederlandse tijd)")
    assert (curacao_online["join_url"], curacao_online["sequence"]) == (None, 2)  # no joining a cancelled event
    moved = by_title["Verplaatste bijeenkomst"]
    assert (moved["status"], moved["status_label"], moved["status_note"], moved["cancelled"], moved["sequence"]) == (
        "verplaatst", "Verplaatst", "Verplaatst van 3 juli naar 10 juli.", False, 1)
    region = json.loads((corpus_site.site / DATA / "agenda/regio/caribisch-nederland.json").read_text(encoding="utf-8"))
    assert (region["upcoming"], [e["title"] for e in region["recent"]]) == ([], ["Fixture: webinar met opname"])
    region = json.loads((corpus_site.site / DATA / "agenda/regio/gorinchem-en-altena.json").read_text(encoding="utf-8"))
    assert ([e["title"] for e in region["upcoming"]], [e["title"] for e in region["recent"]]) == (
        ["STO LIVE-webinar: Gorinchem en Altena: een actieve regio"], ["STO LIVE-webinar met opname"])


def test_the_fixture_news_exactly(corpus_site):
    news = json.loads((corpus_site.site / DATA / "nieuws.json").read_text(encoding="utf-8"))
    assert [i["date"] for i in news["items"]] == ["2024-06-14", "2024-06-10", "2024-06-10", "2024-06-05",
                                                  "2024-06-04", "2024-05-01", "2024-04-01"]
    image = news["items"][1]  # same date: file name, last first
    assert (image["date_text"], image["updated"], image["regions"]) == (
        "10 juni 2024", "2024-06-12T00:00:00+02:00", ["gorinchem-en-altena"])
    assert image["image"] == {"url": corpus_site.site_url + "afbeeldingen/fixture.png", "alt": "Leerlingen in een techlab"}
    region = json.loads((corpus_site.site / DATA / "nieuws/regio/caribisch-nederland.json").read_text(encoding="utf-8"))
    assert region["items"] == []  # its eleven news items are from 2023
