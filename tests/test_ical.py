"""sto.syndication.ical: a component's bytes fold every long line as RFC 5545 asks (3.1), for any
text: at most 75 octets a line, never inside a character, and the lines unfold to what was written."""

from __future__ import annotations

import os
from datetime import datetime
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from icalendar import Calendar, Event

from sto.syndication.ical import ical_bytes

CHECK = settings(max_examples=int(os.environ.get("STO_HYPOTHESIS_EXAMPLES", "150")), deadline=None,
                 suppress_health_check=[HealthCheck.too_slow])
# Escapes (\\ \; \, \n), a caret, one- to four-byte characters, and the letters between them.
TEXT = st.text(alphabet=st.sampled_from("aaab ,;\\^\né€😀\u00a0:\""), max_size=400)


@CHECK
@given(summary=TEXT, description=TEXT)
@example(summary="a" * 73 + "\\" + "b" * 100, description="a" * 72 + "é" * 40)
@example(summary="😀" * 40, description=";" * 200)
def test_long_lines_fold_within_75_octets_and_unfold_to_the_text(summary, description):
    event = Event()
    event.add("uid", "1@example.org")
    event.add("dtstart", datetime(2024, 6, 19, 15, tzinfo=ZoneInfo("Europe/Amsterdam")))
    event.add("summary", summary)
    event.add("description", description)
    calendar = Calendar()
    calendar.add("prodid", "-//STO//NL")
    calendar.add("version", "2.0")
    calendar.add_component(event)
    data = ical_bytes(calendar)
    assert data.endswith(b"\r\n")
    lines = data[:-2].split(b"\r\n")
    assert all(len(line) <= 75 for line in lines)
    for line in lines:
        line.decode("utf-8")  # a fold never splits a character
    [parsed] = Calendar.from_ical(data).walk("VEVENT")
    assert (str(parsed["summary"]), str(parsed["description"])) == (summary, description)
