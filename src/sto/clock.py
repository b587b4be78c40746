"""What time it is for a build: SOURCE_DATE_EPOCH when set, else the clock.

SOURCE_DATE_EPOCH is the reproducible-builds convention (MkDocs honours it for the
sitemap too); with it, the same content always gives the same site.
"""

from __future__ import annotations

import os
from datetime import date, datetime, time, timezone
from zoneinfo import ZoneInfo

# The programme's own time zone: content dates are days here, online events are shown in it.
AMSTERDAM_NAME = "Europe/Amsterdam"
AMSTERDAM = ZoneInfo(AMSTERDAM_NAME)


def build_now(environ: dict[str, str] | None = None) -> datetime:
    """The build's "now" as an aware datetime in Europe/Amsterdam."""
    env = os.environ if environ is None else environ
    raw = env.get("SOURCE_DATE_EPOCH", "").strip()
    if raw:
        try:
            moment = datetime.fromtimestamp(int(raw), tz=timezone.utc)
        except (ValueError, OverflowError, OSError):
            raise SystemExit(f"SOURCE_DATE_EPOCH moet een geheel aantal seconden zijn, niet {raw!r}") from None
    else:
        moment = datetime.now(tz=timezone.utc)
    return moment.astimezone(AMSTERDAM)


def day_start(day: date) -> datetime:
    """A content date as a moment: the start of that day in Amsterdam (a date given only to its
    month, fieldtypes.MonthOnly: its 1st). Feeds, calendars and structured data all use this."""
    return datetime.combine(day, time(0), AMSTERDAM)


def epoch_of_day(text: str) -> int:
    """SOURCE_DATE_EPOCH for a preview "as of" a day (``make serve DATUM=2024-06-15``): the start
    of that day in Amsterdam, so that everything on that day is still to come. Raises ValueError
    with a Dutch message for anything but an existing JJJJ-MM-DD date."""
    cleaned = text.strip()
    try:
        if len(cleaned) != 10:
            raise ValueError
        day = date.fromisoformat(cleaned)
    except ValueError:
        raise ValueError(f"DATUM={text!r} is geen bestaande datum; schrijf JJJJ-MM-DD, "
                         "bijvoorbeeld DATUM=2024-06-15") from None
    return int(day_start(day).timestamp())
