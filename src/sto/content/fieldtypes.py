"""Field types shared by the content models, each parsing editor input with a Dutch message.

Dates arrive as strings (see frontmatter.py) so that an impossible date gets a message an
editor understands instead of a Python error.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from functools import cache
from typing import Annotated, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from pydantic import AfterValidator, BeforeValidator, PlainValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from sto.content.trust import Refused, check_one_line, check_url

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december")


def fail(message: str, **context: Any) -> PydanticCustomError:
    """A validation error whose message is already the Dutch text the editor reads."""
    return PydanticCustomError("sto", message.replace("{", "{{").replace("}", "}}"), context)


_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_MOMENT = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2})[:.](\d{2})(?::(\d{2}))?)?")


# Content is about the programme's years; a year far outside is a typo (and 0001 or 9999 would
# overflow date arithmetic in the feeds and calendars).
FIRST_YEAR, LAST_YEAR = 1990, 2100


def _make_date(text: str, year: str, month: str, day: str) -> date:
    y, m, d = int(year), int(month), int(day)
    if not FIRST_YEAR <= y <= LAST_YEAR:
        raise fail(f"'{text}' ligt buiten de jaren {FIRST_YEAR} tot en met {LAST_YEAR}; controleer het jaartal")
    if not 1 <= m <= 12:
        raise fail(f"'{text}' is geen bestaande datum: maand {m} bestaat niet")
    try:
        return date(y, m, d)
    except ValueError:
        raise fail(f"'{text}' is geen bestaande datum: {MONTHS[m - 1]} {y} heeft geen dag {d}") from None


def parse_day(value: object) -> date:
    if isinstance(value, datetime):
        raise fail("geef alleen een datum, zonder tijd (JJJJ-MM-DD)")
    if isinstance(value, date):
        return value
    text = str(value).strip() if isinstance(value, (str, int)) else ""
    match = _DATE.fullmatch(text)
    if not match:
        raise fail(f"'{value}' is geen datum; schrijf de datum als JJJJ-MM-DD, bijvoorbeeld 2024-06-19")
    return _make_date(text, *match.groups())


class MonthOnly(date):
    """A publication date known only to its month (``date: 2024-06``, shown as "juni 2024").
    Wherever a day is needed it is the first of that month: in sorting, in "is it published
    yet?" and in feed dates (00:00 Amsterdam on the 1st), so builds stay deterministic."""

    __slots__ = ()

    def isoformat(self) -> str:  # also str(): "2024-06", a valid HTML <time datetime>
        return f"{self.year:04d}-{self.month:02d}"

    __str__ = isoformat


_MONTH = re.compile(r"(\d{4})-(\d{1,2})")


def parse_day_or_month(value: object) -> date:
    """A publication date: a day (2024-06-19) or, when only the month is known, 2024-06."""
    text = str(value).strip() if isinstance(value, str) else ""
    match = _MONTH.fullmatch(text)
    if not match:
        if isinstance(value, (str, int)) and not _DATE.fullmatch(str(value).strip()):
            raise fail(f"'{value}' is geen datum; schrijf de datum als JJJJ-MM-DD, bijvoorbeeld 2024-06-19, "
                       "of alleen de maand als JJJJ-MM, bijvoorbeeld 2024-06")
        return parse_day(value)
    year, month = match.groups()
    day = _make_date(text, year, month, "1")
    return MonthOnly(day.year, day.month, 1)


def parse_moment(value: object) -> date | datetime:
    """A date (all-day) or a local date and time, as editors write them: 2024-06-19 15:00."""
    if isinstance(value, (date, datetime)):
        return value
    text = str(value).strip() if isinstance(value, (str, int)) else ""
    match = _MOMENT.fullmatch(text)
    if not match:
        raise fail(f"'{value}' is geen datum of tijd; schrijf JJJJ-MM-DD voor een hele dag "
                   "of JJJJ-MM-DD UU:MM, bijvoorbeeld 2024-06-19 15:00")
    year, month, day, hour, minute, second = match.groups()
    day_value = _make_date(text, year, month, day)
    if hour is None:
        return day_value
    h, mi, s = int(hour), int(minute), int(second or 0)
    if h > 23 or mi > 59 or s > 59:
        raise fail(f"'{text}' bevat geen bestaande tijd; gebruik 00:00 tot en met 23:59")
    return datetime(day_value.year, day_value.month, day_value.day, h, mi, s)


def parse_text(value: object) -> str:
    if isinstance(value, bool) or value is None or isinstance(value, (dict, list)):
        raise fail("moet een tekst zijn")
    text = str(value).strip()
    if not text:
        raise fail("mag niet leeg zijn")
    return _trusted(check_one_line, text)  # every text field is one line: titles, summaries, places, notes


def parse_link(value: object) -> str:
    """An https/http/mailto address or a path on this site (starting with /); see trust.check_url."""
    return _trusted(check_url, parse_text(value))


def parse_web_link(value: object) -> str:
    """A full web address (https:// or http://): what agenda apps, the open data and a mail can
    open wherever they are read; a path on this site or an e-mail address cannot be that."""
    url = parse_link(value)
    if not WEB_ADDRESS.match(url):
        raise fail(f"'{url}' is geen volledig webadres; schrijf het hele adres, beginnend met https://. "
                   "Een e-mailadres of een pad op deze site kan hier niet: agenda-apps en de open data "
                   "hebben een webpagina nodig (een e-mailadres kan wel in de tekst)")
    return url


def parse_media_link(value: object) -> str:
    """An image, poster, caption or video file: only a path on this site (nothing from third parties)."""
    return _trusted(lambda url: check_url(url, media=True), parse_text(value))


WEB_ADDRESS = re.compile(r"https?://")


def _trusted(check: Callable[[str], str], text: str) -> str:
    try:
        return check(text)
    except Refused as refusal:
        raise fail(str(refusal)) from None


# IANA names as Area/Place (or UTC); tzdata's legacy names (EST5EDT, posixrules, Factory) are left out.
_ZONE_NAME = re.compile(r"UTC|[A-Z][A-Za-z_-]+(?:/[A-Za-z0-9_+-]+){1,2}")


@cache
def _known_zones() -> frozenset[str]:
    return frozenset(available_timezones())


def parse_timezone(value: object) -> str:
    text = parse_text(value)
    if not (_ZONE_NAME.fullmatch(text) and text in _known_zones()):
        raise fail(f"'{text}' is geen bekende tijdzone; gebruik bijvoorbeeld Europe/Amsterdam of America/Curacao")
    try:
        ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError):
        raise fail(f"'{text}' is geen bekende tijdzone; "
                   "gebruik bijvoorbeeld Europe/Amsterdam of America/Curacao") from None
    return text


IDENTIFIER = re.compile(r"[a-z0-9][a-z0-9-]{7,63}")


def check_identifier(value: str) -> str:
    if not IDENTIFIER.fullmatch(value):
        raise fail(f"'{value}' is geen geldige id: gebruik 8 tot 64 kleine letters, cijfers en streepjes "
                   "(maak een nieuw bestand met 'make new', dan staat de id er al)")
    return value


def _string_schema(**extra: Any) -> WithJsonSchema:
    return WithJsonSchema({"type": "string", **extra})


# The schemas say what the checks say, as far as a pattern can: one line; no '.' or '..' folder in a site path.
ONE_LINE = r"^[^\n\r\u2028\u2029]*$"
SITE_PATH = r"/(?![/\\])(?!(?:[^?#]*/)?\.\.?(?:[/?#]|$))"
Text = Annotated[str, BeforeValidator(parse_text), _string_schema(minLength=1, pattern=ONE_LINE)]
Link = Annotated[str, BeforeValidator(parse_link), _string_schema(pattern=f"^(https?://|mailto:|{SITE_PATH})")]
WebLink = Annotated[str, BeforeValidator(parse_web_link), _string_schema(pattern=f"^{WEB_ADDRESS.pattern}")]
MediaLink = Annotated[str, BeforeValidator(parse_media_link), _string_schema(pattern=f"^{SITE_PATH}")]
Day = Annotated[date, BeforeValidator(parse_day), _string_schema(format="date")]
# PlainValidator: pydantic's own date check would turn a MonthOnly back into a plain date.
DayOrMonth = Annotated[date, PlainValidator(parse_day_or_month), _string_schema(pattern=r"^\d{4}-\d{2}(-\d{2})?$")]
Moment = Annotated[date | datetime, BeforeValidator(parse_moment),
                   _string_schema(pattern=r"^\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?$")]
TimeZoneName = Annotated[str, BeforeValidator(parse_timezone), _string_schema()]
Identifier = Annotated[str, BeforeValidator(parse_text), AfterValidator(check_identifier),
                       _string_schema(pattern=f"^{IDENTIFIER.pattern}$")]
Slug = Annotated[str, BeforeValidator(parse_text), _string_schema(pattern=r"^[a-z0-9-]+$")]
