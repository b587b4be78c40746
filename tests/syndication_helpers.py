"""The feed and calendar tests' build: a Build from files written in a temp tree (files from factories.py)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import yaml

from sto.site.build import Build
from sto.content.loader import load_content

from . import factories
from .factories import uuid  # noqa: F401 (test_calendars.py imports it from here)
from .sitebuild import SITE_NAME, SITE_URL

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
NOW = datetime(2024, 6, 15, 2, 0, tzinfo=AMSTERDAM)  # the seed builds' SOURCE_DATE_EPOCH, 2024-06-15

# Every character that has to be escaped somewhere: HTML/XML, iCalendar TEXT, quotes, an emoji.
NASTY_TITLE = "<script>alert(\"x\")</script> & 'quotes' \"dubbel\", komma; puntkomma 🎉"


def event(n: int, start: str, *, extra: str = "", kind: str = "webinar", title: str | None = None) -> str:
    """factories.event with the title as raw YAML, the way test_calendars.py still calls it (until it
    moves to factories.event)."""
    fields = {"kind": kind} if title is None else {"title": yaml.safe_load(title), "kind": kind}
    return factories.event(n, start, extra=extra, **fields)


def make_build(tree, files: dict[str, str], now: datetime = NOW) -> Build:
    for relpath, text in files.items():
        tree.write(relpath, text)
    content = load_content(tree.content, tree.root)
    return Build(content.published(now), now, SITE_URL, SITE_NAME)

