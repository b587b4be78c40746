"""Agenda calendars from fixture content, read back by icalendar, vobject and recurring-ical-events."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import icalendar
import pytest
import vobject

from sto.site.presentation import kind_label
from sto.syndication.calendars import calendar_files, stamp, subscription_calendars
from sto.problems import ContentInvalid

from .calendar_readers import content_lines, with_icalendar, with_recurring, with_vobject
from .factories import event, uuid
from .syndication_helpers import AMSTERDAM, NASTY_TITLE, SITE_URL, make_build

HOST = "www.sterktechniekonderwijs.nl"
READERS = {"icalendar": with_icalendar, "vobject": with_vobject, "recurring-ical-events": with_recurring}


def uid(n: int) -> str:
    return f"{uuid(n)}@{HOST}"


@pytest.fixture
def build(tree):
    return make_build(tree, {
        "agenda/webinar.md": event(1, "2024-06-19 15:00", extra="end: 2024-06-19 16:00\nonline: true\n"
                                   "join_url: https://teams.microsoft.com/l/meetup-join/abc\nregions: [gorinchem-en-altena]\n"
                                   "categories: [subsidie]\nsummary: Over de regeling.\n"
                                   "registration_url: https://www.example.nl/aanmelden\n"),
        "agenda/zonder-eind.md": event(2, "2024-06-12 15:00", kind="bijeenkomst", extra="location: Gorinchem, Stadhuis\n"),
        "agenda/driedaags.md": event(3, "2024-09-10", kind="conferentie", extra="end: 2024-09-12\n"),
        "agenda/oud.md": event(4, "2023-06-14 15:00"),  # ended more than 12 months before 2024-06-15
        "agenda/vorig-jaar.md": event(5, "2023-06-16 15:00"),  # within the past 12 months
        "agenda/gelijk.md": event(6, "2024-06-19 15:00", kind="training"),  # same start as 1: ordered by UID
    })


def test_every_calendar_parses_in_all_three_readers(build):
    files = calendar_files(build)
    assert len(files) == 1 + 5 + 2 + 6  # agenda.ics, per kind, per region, per event
    for path, data in files.items():
        for name, read in READERS.items():
            assert isinstance(read(data), dict), (path, name)


def test_every_calendar_holds_a_component_even_without_events(build):
    files = calendar_files(build)
    caribbean = icalendar.Calendar.from_ical(files["agenda/regio/caribisch-nederland.ics"])  # no events there
    assert [c.name for c in caribbean.subcomponents] == ["VTIMEZONE"]  # RFC 5545: at least one component
    assert str(caribbean.subcomponents[0]["TZID"]) == "Europe/Amsterdam"
    assert with_vobject(files["agenda/regio/caribisch-nederland.ics"]) == {}
    for path, data in files.items():
        assert icalendar.Calendar.from_ical(data).subcomponents, path


def test_window_is_every_upcoming_event_and_the_past_twelve_months(build):
    agenda = with_icalendar(calendar_files(build)["agenda/agenda.ics"])
    assert set(agenda) == {uid(1), uid(2), uid(3), uid(5), uid(6)}
    # An event outside the window still has its own download, for its page.
    assert uid(4) in with_icalendar(calendar_files(build)["agenda/oud/oud.ics"])


def test_events_are_sorted_by_start_then_uid(build):
    data = calendar_files(build)["agenda/agenda.ics"]
    uids = [line.split(b":", 1)[1].decode() for line in content_lines(data) if line.startswith(b"UID:")]
    assert uids == [uid(5), uid(2), uid(1), uid(6), uid(3)]


def test_lines_end_in_crlf_and_fold_at_75_octets(tree):
    long_title = "Een héél lange titel met € en 🎉 " * 6
    build = make_build(tree, {"agenda/lang.md": event(1, "2024-07-01 10:00", title=long_title)})
    data = calendar_files(build)["agenda/agenda.ics"]
    lines = content_lines(data)
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines)  # the long SUMMARY really was folded
    assert with_vobject(data)[uid(1)]["summary"] == long_title.strip()


def test_timed_event_uses_the_amsterdam_zone_and_one_rule_based_vtimezone(build):
    data = calendar_files(build)["agenda/agenda.ics"]
    text = data.decode()
    assert "DTSTART;TZID=Europe/Amsterdam:20240619T150000\r\n" in text
    assert "DTEND;TZID=Europe/Amsterdam:20240619T160000\r\n" in text
    assert text.count("BEGIN:VTIMEZONE") == 1
    calendar = icalendar.Calendar.from_ical(data)
    (zone,) = calendar.walk("VTIMEZONE")
    assert [c.name for c in zone.subcomponents] == ["DAYLIGHT", "STANDARD"]
    assert all("RRULE" in c and "RDATE" not in c for c in zone.subcomponents)


def test_an_event_without_end_has_no_dtend_and_ends_at_its_start(build):
    files = calendar_files(build)
    for name, read in READERS.items():
        found = read(files["agenda/agenda.ics"])[uid(2)]
        assert found["start"] == datetime(2024, 6, 12, 13, 0), name
        assert found["end"] in (None, datetime(2024, 6, 12, 13, 0)), name  # RFC 5545: ends at its start


def test_multi_day_event_is_dates_with_an_exclusive_end(build):
    data = calendar_files(build)["agenda/driedaags/driedaags.ics"]
    assert b"DTSTART;VALUE=DATE:20240910\r\n" in data and b"DTEND;VALUE=DATE:20240913\r\n" in data
    for name, read in READERS.items():
        found = read(data)[uid(3)]
        assert (found["start"], found["end"]) == (date(2024, 9, 10), date(2024, 9, 13)), name


def test_event_properties_description_conference_location_categories(build):
    data = calendar_files(build)["agenda/agenda.ics"]
    (webinar,) = [e for e in icalendar.Calendar.from_ical(data).walk("VEVENT") if str(e["UID"]) == uid(1)]
    assert str(webinar["URL"]) == f"{SITE_URL}agenda/webinar/"
    lines = str(webinar["DESCRIPTION"]).split("\n")
    assert f"Meer informatie: {SITE_URL}agenda/webinar/" in lines
    assert "Deelnemen: https://teams.microsoft.com/l/meetup-join/abc" in lines
    assert "Aanmelden: https://www.example.nl/aanmelden" in lines
    assert "Over de regeling." in lines
    conference = webinar["CONFERENCE"]
    assert str(conference) == "https://teams.microsoft.com/l/meetup-join/abc"
    assert conference.params["VALUE"] == "URI" and conference.params["FEATURE"] == "VIDEO"
    assert str(webinar["LOCATION"]) == "Online"
    assert webinar["CATEGORIES"].cats == ["Webinar", "Subsidie", "Gorinchem en Altena"]
    assert str(webinar["STATUS"]) == "CONFIRMED" and int(webinar["SEQUENCE"]) == 0
    place = with_vobject(data)[uid(2)]
    assert "Gorinchem, Stadhuis" in data.decode().replace("\r\n ", "").replace("\\,", ",")
    assert place["summary"] == "Evenement 2"


def test_calendar_properties(build):
    data = calendar_files(build)["agenda/regio/gorinchem-en-altena.ics"]
    calendar = icalendar.Calendar.from_ical(data)
    assert str(calendar["PRODID"]) == "-//Sterk Techniekonderwijs//STO-agenda//NL"
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["NAME"]) == str(calendar["X-WR-CALNAME"]) == "STO-agenda: regio Gorinchem en Altena"
    assert str(calendar["DESCRIPTION"]) == str(calendar["X-WR-CALDESC"])
    assert "REFRESH-INTERVAL;VALUE=DURATION:PT6H\r\n" in data.decode()
    assert "X-PUBLISHED-TTL:PT6H\r\n" in data.decode()
    assert "METHOD" not in calendar  # a published feed: no METHOD, so no ORGANIZER needed
    assert set(with_icalendar(data)) == {uid(1)}


def test_one_calendar_per_kind_and_region_holds_just_those_events(build):
    files = calendar_files(build)
    assert set(with_icalendar(files["agenda/soort/webinar.ics"])) == {uid(1), uid(5)}
    assert set(with_icalendar(files["agenda/soort/bijeenkomst.ics"])) == {uid(2)}
    assert set(with_icalendar(files["agenda/soort/overig.ics"])) == set()
    assert set(with_icalendar(files["agenda/regio/caribisch-nederland.ics"])) == set()
    assert [c.path for c in subscription_calendars(build)][0] == "agenda/agenda.ics"


def test_dtstamp_and_last_modified_come_from_the_content(tree):
    build = make_build(tree, {
        "agenda/a.md": event(1, "2024-07-01 10:00", extra="published: 2024-05-01\nupdated: 2024-05-20\n"),
        "agenda/b.md": event(2, "2024-07-02 10:00", extra="published: 2024-05-02\n"),
        "agenda/c.md": event(3, "2024-07-03 10:00"),
    })
    data = calendar_files(build)["agenda/agenda.ics"]
    found = with_icalendar(data)
    assert found[uid(1)]["dtstamp"] == datetime(2024, 5, 19, 22, 0)  # updated, 00:00 Amsterdam
    assert found[uid(2)]["dtstamp"] == datetime(2024, 5, 1, 22, 0)  # published
    assert found[uid(3)]["dtstamp"] == datetime(2024, 7, 2, 22, 0)  # neither: the event's own day
    text = data.decode()
    assert "LAST-MODIFIED:20240519T220000Z" in text and "CREATED:20240430T220000Z" in text
    later = make_build(type(tree)(tree.root / "later"), {"agenda/c.md": event(3, "2024-07-03 10:00")},
                       now=datetime(2024, 6, 30, tzinfo=build.now.tzinfo))
    assert stamp(later.content.events[0].data) == stamp(build.content.by_id[uuid(3)].data)


def test_updated_before_published_is_a_content_error(tree):
    with pytest.raises(ContentInvalid) as error:
        make_build(tree, {"agenda/a.md": event(1, "2024-07-01 10:00", extra="published: 2024-05-02\nupdated: 2024-05-01\n")})
    assert "updated: ligt vóór 'published'" in error.value.report()


def test_cancelled_event_is_cancelled_in_every_calendar_it_belongs_to(tree):
    build = make_build(tree, {"agenda/webinar.md": event(
        1, "2024-06-19 15:00", extra="status: geannuleerd\nstatus_note: De spreker is ziek.\nsequence: 2\n"
        "regions: [gorinchem-en-altena]\nonline: true\njoin_url: https://teams.microsoft.com/l/x\n")})
    files = calendar_files(build)
    for path in ("agenda/agenda.ics", "agenda/soort/webinar.ics", "agenda/regio/gorinchem-en-altena.ics",
                 "agenda/webinar/webinar.ics"):
        for name, read in (("icalendar", with_icalendar), ("vobject", with_vobject)):
            found = read(files[path])[uid(1)]
            assert found["status"] == "CANCELLED", (path, name)
            assert found["sequence"] == 3, (path, name)  # raised by one on top of the editor's sequence
            assert found["summary"] == "GEANNULEERD: Evenement 1", (path, name)
            assert found["description"].startswith("Dit evenement is geannuleerd. De spreker is ziek."), (path, name)
        assert b"CONFERENCE" not in files[path]  # no join link to a cancelled event


def test_a_cancelled_event_leaves_the_subscriptions_once_it_has_passed(tree):
    text = event(1, "2024-06-19 15:00", extra="status: geannuleerd\n")
    after = make_build(tree, {"agenda/weg.md": text}, now=datetime(2024, 6, 20, tzinfo=AMSTERDAM))
    assert with_icalendar(calendar_files(after)["agenda/agenda.ics"]) == {}
    assert uid(1) in with_icalendar(calendar_files(after)["agenda/weg/weg.ics"])


# Each side of the 2024 and 2025 daylight-saving switches (last Sunday of March and of October),
# as local Amsterdam time -> the UTC moment it must be.
DST_CASES = [
    ("2024-03-30 15:00", datetime(2024, 3, 30, 14, 0)), ("2024-03-31 01:30", datetime(2024, 3, 31, 0, 30)),
    ("2024-03-31 03:30", datetime(2024, 3, 31, 1, 30)), ("2024-03-31 15:00", datetime(2024, 3, 31, 13, 0)),
    ("2024-10-26 15:00", datetime(2024, 10, 26, 13, 0)), ("2024-10-27 01:30", datetime(2024, 10, 26, 23, 30)),
    ("2024-10-27 03:30", datetime(2024, 10, 27, 2, 30)), ("2024-10-27 15:00", datetime(2024, 10, 27, 14, 0)),
    ("2025-03-29 15:00", datetime(2025, 3, 29, 14, 0)), ("2025-03-30 01:30", datetime(2025, 3, 30, 0, 30)),
    ("2025-03-30 03:30", datetime(2025, 3, 30, 1, 30)), ("2025-03-30 15:00", datetime(2025, 3, 30, 13, 0)),
    ("2025-10-25 15:00", datetime(2025, 10, 25, 13, 0)), ("2025-10-26 01:30", datetime(2025, 10, 25, 23, 30)),
    ("2025-10-26 03:30", datetime(2025, 10, 26, 2, 30)), ("2025-10-26 15:00", datetime(2025, 10, 26, 14, 0)),
]


def test_events_around_the_2024_and_2025_dst_switches_are_at_the_right_time_in_all_three_readers(tree):
    files = {f"agenda/dst-{n:02d}.md": event(n, local) for n, (local, _) in enumerate(DST_CASES)}
    build = make_build(tree, files, now=datetime(2024, 1, 1, tzinfo=AMSTERDAM))
    data = calendar_files(build)["agenda/agenda.ics"]
    for name, read in READERS.items():
        found = read(data)
        for n, (local, utc) in enumerate(DST_CASES):
            assert found[uid(n)]["start"] == utc, (name, local)
            assert found[uid(n)]["local_start"].strftime("%Y-%m-%d %H:%M") == local, (name, local)


def test_an_event_in_another_zone_gets_that_zone_and_a_single_standard_part(tree):
    build = make_build(tree, {
        "agenda/curacao.md": event(1, "2024-11-05 10:00", extra="timezone: America/Curacao\n"
                                   "regions: [caribisch-nederland]\nlocation: Willemstad\n"),
        "agenda/hier.md": event(2, "2024-11-05 10:00"),
    })
    data = calendar_files(build)["agenda/agenda.ics"]
    assert b"DTSTART;TZID=America/Curacao:20241105T100000\r\n" in data
    zones = {str(z["TZID"]): z for z in icalendar.Calendar.from_ical(data).walk("VTIMEZONE")}
    assert set(zones) == {"America/Curacao", "Europe/Amsterdam"}
    assert [c.name for c in zones["America/Curacao"].subcomponents] == ["STANDARD"]
    for name, read in READERS.items():
        found = read(data)
        assert found[uid(1)]["start"] == datetime(2024, 11, 5, 14, 0), name  # UTC-4, no DST
        assert found[uid(2)]["start"] == datetime(2024, 11, 5, 9, 0), name


def test_a_title_full_of_special_characters_survives_in_summary_and_description(tree):
    title = NASTY_TITLE  # (a title is one line: the model refuses a line break)
    build = make_build(tree, {"agenda/lastig.md": event(1, "2024-07-01 10:00", title=title,
                                                        extra=f"summary: {json.dumps(title, ensure_ascii=False)}\n")})
    data = calendar_files(build)["agenda/agenda.ics"]
    assert b"\\;" in data and b"\\," in data and b"\\n" in data  # RFC 5545 TEXT escaping
    for name, read in (("icalendar", with_icalendar), ("vobject", with_vobject)):
        found = read(data)[uid(1)]
        assert found["summary"] == title, name
        assert title in found["description"], name


def test_calendar_names_are_escaped_too(tree):
    title = "Komma, puntkomma; en \\ regel"
    build = make_build(tree, {"agenda/naam.md": event(1, "2024-07-01 10:00", title=title)})
    data = calendar_files(build)["agenda/naam/naam.ics"]
    assert b"X-WR-CALNAME:Komma\\, puntkomma\\; en \\\\ regel\r\n" in data
    assert b"NAME:Komma\\, puntkomma\\; en \\\\ regel\r\n" in data
    assert vobject.readOne(data.decode()).x_wr_calname.value == title


def test_an_events_kind_is_named_in_its_calendar_as_on_its_page(tree):
    """One label per kind: an 'overig' event is "Evenement" on its page and in calendar apps."""
    build = make_build(tree, {"agenda/anders.md": event(1, "2024-06-19 15:00", kind="overig")})
    (vevent,) = icalendar.Calendar.from_ical(calendar_files(build)["agenda/agenda.ics"]).walk("VEVENT")
    assert vevent["CATEGORIES"].cats == ["Evenement"]
    assert kind_label(build.content.events[0]) == "Evenement"


# (zone, now, [(local start, UTC start)]): events in one calendar whose years follow different
# rules. Amsterdam ended summer time in September until 1995; Mexico City dropped daylight saving
# time after 2022; Almaty moved from UTC+6 to UTC+5 on 1 March 2024.
RULE_CHANGES = [
    ("Europe/Amsterdam", datetime(1996, 3, 1, tzinfo=AMSTERDAM),
     [("1995-10-10 15:00", datetime(1995, 10, 10, 14, 0)), ("1996-10-10 15:00", datetime(1996, 10, 10, 13, 0))]),
    ("America/Mexico_City", datetime(2023, 3, 1, tzinfo=AMSTERDAM),
     [("2022-07-01 10:00", datetime(2022, 7, 1, 15, 0)), ("2023-07-01 10:00", datetime(2023, 7, 1, 16, 0))]),
    ("Asia/Almaty", datetime(2024, 6, 1, tzinfo=AMSTERDAM),
     [("2023-12-01 10:00", datetime(2023, 12, 1, 4, 0)), ("2025-06-01 10:00", datetime(2025, 6, 1, 5, 0))]),
]


def _through_the_files_vtimezone(data: bytes) -> dict[str, datetime]:
    """UID -> UTC start, icalendar turning the file's own VTIMEZONE into the tzinfo (as clients
    that do not know the zone's name do) instead of looking the name up in the tz database."""
    calendar = icalendar.Calendar.from_ical(data)
    zones = {str(z["TZID"]): z.to_tz() for z in calendar.walk("VTIMEZONE")}
    found = {}
    for vevent in calendar.walk("VEVENT"):
        start = vevent["DTSTART"]
        local = start.dt.replace(tzinfo=None).replace(tzinfo=zones[start.params["TZID"]])
        found[str(vevent["UID"])] = local.astimezone(UTC).replace(tzinfo=None)
    return found


@pytest.mark.parametrize(("zone", "now", "cases"), RULE_CHANGES, ids=[case[0] for case in RULE_CHANGES])
def test_events_in_years_with_other_zone_rules_are_read_at_their_own_utc_instant(tree, zone, now, cases):
    files = {f"agenda/zone-{n}.md": event(n, local, extra=f"timezone: {zone}\n") for n, (local, _) in enumerate(cases)}
    build = make_build(tree, files, now=now)
    data = calendar_files(build)["agenda/agenda.ics"]
    assert len(icalendar.Calendar.from_ical(data).walk("VEVENT")) == len(cases)
    own = _through_the_files_vtimezone(data)
    by_vobject = with_vobject(data)  # vobject builds its zones from the file's VTIMEZONE
    for n, (local, utc) in enumerate(cases):
        assert own[uid(n)] == utc, ("icalendar", local)
        assert by_vobject[uid(n)]["start"] == utc, ("vobject", local)
        assert with_icalendar(data)[uid(n)]["start"] == utc, ("icalendar by name", local)
