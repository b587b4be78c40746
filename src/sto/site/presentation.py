"""Small Dutch labels and phrases the templates show, in one place instead of in every template."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from functools import cache
from datetime import date, datetime
from types import MappingProxyType
from zoneinfo import ZoneInfo

from markdown import Markdown

from sto.clock import AMSTERDAM_NAME
from sto.content.items import AnyItem
from sto.site.dutch import event_when
from sto.content.markdown_safety import BODY_EXTENSIONS, EscapeRawHtml
from sto.content.fieldtypes import MonthOnly
from sto.content.models import Event

STATUS_LABELS: Mapping[str, str] = MappingProxyType({"gepland": "", "geannuleerd": "Geannuleerd",
                                                     "verplaatst": "Verplaatst"})


def about_category(name: str, site_name: str) -> str:
    """What a category's news page and feeds are about, in one sentence."""
    return f"Nieuws van {site_name} over {name}."


def date_preposition(value: date) -> str:
    """"op 5 juni 2024", but "in juni 2024" for a date known only to its month."""
    return "in" if isinstance(value, MonthOnly) else "op"


def kind_label(item: AnyItem) -> str:
    """Its kind's label as its section names it (sto.content.sections); "" in a section without
    kinds (an FAQ question). Also an event's category in calendars."""
    return item.section.kind_label(item.data)


def kind_label_unless_in_title(item: AnyItem) -> str:
    """The kind label above a title, or "" when the title already starts with it
    ("Handreiking: Het borgen ..." needs no "HANDREIKING" above it)."""
    label = kind_label(item)
    return "" if item.title.casefold().startswith(label.casefold()) else label


def status_label(event: Event) -> str:
    return STATUS_LABELS[event.status]


def _in_zone(event: Event, zone: str) -> Event:
    """The same event with its times shown in another time zone (for online events)."""
    if event.all_day or event.timezone == zone:
        return event
    target = ZoneInfo(zone)

    def shift(value: date | None) -> date | None:
        if not isinstance(value, datetime):
            return value
        return value.replace(tzinfo=event.zone).astimezone(target).replace(tzinfo=None)

    return event.model_copy(update={"start": shift(event.start), "end": shift(event.end), "timezone": zone})


def when(event: Event) -> str:
    """"woensdag 19 juni 2024, 15.00 uur (Nederlandse tijd)" for online events, which people join
    from anywhere (STO has a Caribbean region); a physical event in its own local time."""
    if event.online and not event.all_day:
        return f"{event_when(_in_zone(event, AMSTERDAM_NAME))} (Nederlandse tijd)"
    return event_when(event)


def render_markdown(body: str) -> str:
    """A content body as HTML outside its own page (e.g. an FAQ answer on the home page),
    with the same rules as pages: raw HTML is shown as text."""
    return _converter().reset().convert(body)


@cache
def _converter() -> Markdown:
    """One converter for the process (Python-Markdown resets it between documents)."""
    return Markdown(extensions=[*BODY_EXTENSIONS, EscapeRawHtml()])


DESCRIPTION_LENGTH = 160  # what search engines show of a meta description
_FIRST_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.S)
_TAG = re.compile(r"<[^>]+>")
_SENTENCE_END = re.compile(r"(?<=[.?!])\s")


def first_sentence(body: str) -> str:
    """A body's first sentence as plain text (for a page's meta description), cut at a word
    when longer than DESCRIPTION_LENGTH; "" when the body opens with no paragraph."""
    match = _FIRST_PARAGRAPH.search(render_markdown(body))
    if not match:
        return ""
    text = " ".join(html.unescape(_TAG.sub("", match.group(1))).split())
    sentence = _SENTENCE_END.split(text, maxsplit=1)[0]
    if len(sentence) <= DESCRIPTION_LENGTH:
        return sentence
    return sentence[:DESCRIPTION_LENGTH].rsplit(" ", 1)[0].rstrip(",;:") + " …"


def escape_markdown_inline(text: str) -> str:
    """Plain text that Markdown must show as typed (a title used as a heading)."""
    special = "\\`*_{}[]()#+-.!>|"
    return "".join("\\" + char if char in special else char for char in text)


def summary_repeats_body(item: AnyItem) -> bool:
    """True when the body starts with the summary word for word (then showing both repeats it)."""
    summary: str | None = getattr(item.data, "summary", None)
    if not summary:
        return False
    words = summary.split()  # compared with as many words of the body, not all of it: asked for every news page
    return " ".join(item.body.split(None, len(words))[:len(words)]).startswith(" ".join(words))
