"""The feed and calendar tests' build: a Build from files written in a temp tree (files from factories.py)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo


from sto.site.build import Build
from sto.content.loader import load_content

from .sitebuild import SITE_NAME, SITE_URL

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
NOW = datetime(2024, 6, 15, 2, 0, tzinfo=AMSTERDAM)  # the seed builds' SOURCE_DATE_EPOCH, 2024-06-15

# Every character that has to be escaped somewhere: HTML/XML, iCalendar TEXT, quotes, an emoji.
NASTY_TITLE = "<script>alert(\"x\")</script> & 'quotes' \"dubbel\", komma; puntkomma 🎉"


def make_build(tree, files: dict[str, str], now: datetime = NOW) -> Build:
    for relpath, text in files.items():
        tree.write(relpath, text)
    content = load_content(tree.content, tree.root)
    return Build(content.published(now), now, SITE_URL, SITE_NAME)

