"""sto.syndication.ical: a component's bytes are exactly what icalendar's to_ical() writes,
for any text (folding at 75 octets, multi-byte characters, escapes at a fold)."""

from __future__ import annotations

import os
from datetime import datetime
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from icalendar import Calendar, Event, vText

from sto.syndication.ical import OCTETS, fold, ical_bytes
from sto.syndication.timezones import vtimezone

CHECK = settings(max_examples=int(os.environ.get("STO_HYPOTHESIS_EXAMPLES", "150")) * 4, deadline=None,
                 suppress_health_check=[HealthCheck.too_slow])
# Escapes (\\ \; \, \n), a caret, one- to four-byte characters, and the letters between them.
TEXT = st.text(alphabet=st.sampled_from("aaab ,;\\^\né€😀\u00a0:\""), max_size=400)


@CHECK
@given(summary=TEXT, description=TEXT, location=TEXT)
@example(summary="a" * 73 + "\\" + "b" * 100, description="a" * 72 + "é" * 40, location="😀" * 40)
@example(summary="", description=";" * 200, location="a" * (OCTETS - len("LOCATION:")))
def test_a_component_is_written_as_icalendar_writes_it(summary, description, location):
    event = Event()
    event.add("uid", "1@example.org")
    event.add("dtstart", datetime(2024, 6, 19, 15, tzinfo=ZoneInfo("Europe/Amsterdam")))
    event.add("summary", summary)
    event.add("description", description)
    event.add("location", location)
    event.add("categories", [summary[:30] or "x", "Webinar"])
    calendar = Calendar()
    calendar.add("prodid", "-//STO//NL")
    calendar.add("x-wr-calname", vText(description))
    calendar.add_component(vtimezone("Europe/Amsterdam", 2024))
    calendar.add_component(event)
    assert ical_bytes(event) == event.to_ical()
    assert ical_bytes(calendar) == calendar.to_ical()


def test_folded_lines_stay_below_the_limit_and_unfold_to_the_line():
    line = "DESCRIPTION:" + "é€😀a\\" * 60
    folded = fold(line)
    first, *more = folded.split(b"\r\n")
    assert len(first) <= OCTETS and more and all(len(part) <= OCTETS + 1 and part.startswith(b" ") for part in more)
    assert folded.replace(b"\r\n ", b"").decode() == line
