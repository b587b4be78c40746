"""Fixture content for the feed and calendar tests: a Build from files written in a temp tree."""

from __future__ import annotations

import textwrap
from datetime import datetime
from zoneinfo import ZoneInfo

from sto.site.build import Build
from sto.content.loader import load_content

from .sitebuild import SITE_NAME

SITE_URL = "https://www.sterktechniekonderwijs.nl/"
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
NOW = datetime(2024, 6, 15, 2, 0, tzinfo=AMSTERDAM)  # the seed builds' SOURCE_DATE_EPOCH, 2024-06-15

# Every character that has to be escaped somewhere: HTML/XML, iCalendar TEXT, quotes, an emoji.
NASTY_TITLE = "<script>alert(\"x\")</script> & 'quotes' \"dubbel\", komma; puntkomma 🎉"


def uuid(n: int) -> str:
    return f"00000000-aaaa-4bbb-8ccc-{n:012d}"


def news(n: int, *, date: str = "2024-06-03", title: str | None = None, extra: str = "", body: str = "De tekst.") -> str:
    title_yaml = title if title is not None else f"Bericht {n}"
    return textwrap.dedent(f"""\
        ---
        id: {uuid(n)}
        title: {title_yaml}
        date: {date}
        summary: Samenvatting {n}.
        """) + extra + f"---\n\n{body}\n"


def event(n: int, start: str, *, extra: str = "", kind: str = "webinar", title: str | None = None) -> str:
    title_yaml = title if title is not None else f"Evenement {n}"
    return textwrap.dedent(f"""\
        ---
        id: {uuid(n)}
        title: {title_yaml}
        kind: {kind}
        start: {start}
        """) + extra + "---\n"


def make_build(tree, files: dict[str, str], now: datetime = NOW) -> Build:
    for relpath, text in files.items():
        tree.write(relpath, text)
    content = load_content(tree.content, tree.root)
    return Build(content.published(now), now, SITE_URL, SITE_NAME)

