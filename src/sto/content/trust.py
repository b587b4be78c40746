"""The trust boundary: which characters and addresses from content may reach the site.

Everything under content/ and docs/ comes from pull requests anyone can open. Front matter
fields (fieldtypes.py), Markdown bodies (markdown_safety.py) and vocabularies (vocabulary.py)
all ask this module, so there is one definition of what is allowed. A refusal is a
``Refused`` with the Dutch sentence the editor reads; nothing is stripped silently.
"""

from __future__ import annotations

import html
import re
import unicodedata
from urllib.parse import unquote, urlsplit

from sto.problems import Problem

SAFE_SCHEMES = ("https", "http", "mailto")
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class Refused(ValueError):
    """Content that may not pass; ``str(refusal)`` is the Dutch message for the editor."""


# ---- characters ---------------------------------------------------------------------------------

# C0 (tab and newline aside), DEL, C1; lone surrogates (only via surrogatepass); noncharacters:
# U+FDD0-U+FDEF and the last two code points of every plane (U+FFFE, U+1FFFE, ... U+10FFFF).
# One class with those 34 plane ends made re test each of the content's characters against
# them one by one (a tenth of loading the content); so the search finds the BMP ones, or any
# character beyond the BMP, and _first_forbidden decides on the latter.
_FORBIDDEN_OR_ASTRAL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]"
                                  "|[\U00010000-\U0010ffff]")

# Embeddings, overrides and isolates reorder what a reader sees ("Trojan Source"); right-to-left
# text itself needs none of them.
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
# Characters that show nothing although Unicode does not call them spaces.
_BLANKS = frozenset("\u115f\u1160\u3164\uffa0\u2800\u180e")


def _first_forbidden(text: str) -> str | None:
    found = _FORBIDDEN_OR_ASTRAL.search(text)  # search, not finditer: most texts are short and clean
    while found is not None:
        ch = found.group()
        if ch <= "\uffff" or ord(ch) & 0xFFFF >= 0xFFFE:  # beyond the BMP only a plane's last two
            return ch
        found = _FORBIDDEN_OR_ASTRAL.search(text, found.end())
    return None


def forbidden_character(text: str) -> Refused | None:
    """The refusal for the first character no content may contain (a control character pasted
    from Word, which also breaks the feeds' XML), or None."""
    found = _first_forbidden(text)
    if found is None:
        return None
    return Refused(f"bevat het onzichtbare teken {_codepoint(found)}, waarschijnlijk mee "
                   "gekopieerd uit Word of een pdf; typ de tekst op die plek opnieuw")


def character_problems(path: str, text: str, first_line: int) -> list[Problem]:
    """One problem per line of ``text`` that holds a forbidden character (line numbers from ``first_line``)."""
    problems: list[Problem] = []
    if _first_forbidden(text) is None:
        return problems
    for number, line in enumerate(text.split("\n")):
        if (refusal := forbidden_character(line)) is not None:
            problems.append(Problem(path, first_line + number, "", str(refusal)))
    return problems


def check_characters(text: str) -> str:
    """A line of front matter text: no control characters, no bidirectional overrides."""
    if (refusal := forbidden_character(text)) is not None:
        raise refusal
    if (bidi := _BIDI_CONTROLS.search(text)) is not None:
        raise Refused(f"bevat het teken {_codepoint(bidi.group())}, dat de leesrichting omdraait "
                      "en zo verbergt wat er echt staat; haal het weg")
    if is_invisible(text):
        raise Refused("mag niet leeg zijn")
    return text


# What starts a new line somewhere: in the newsletter's text part, a calendar, a CI log.
_LINE_BREAKS = re.compile("[\n\r\x0b\x0c\x85\u2028\u2029]")


def check_one_line(text: str) -> str:
    """A title, summary, place, note or name: one line, so that no output that prints it on a
    line of its own (the newsletter's text part, a problem report) gets a line it did not make."""
    check_characters(text)
    if _LINE_BREAKS.search(text):
        raise Refused("moet op één regel staan; haal de regelovergang weg")
    return text


def is_invisible(text: str) -> bool:
    """True when nothing in ``text`` would show: spaces, zero-width and other blank characters."""
    return all(ch.isspace() or ch in _BLANKS or unicodedata.category(ch) == "Cf" for ch in text)


def _codepoint(ch: str) -> str:
    return f"U+{ord(ch):04X}"


# ---- addresses ----------------------------------------------------------------------------------

_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_HOST = re.compile(r"(?:[^\W_](?:[\w-]{0,61}[^\W_])?\.)+[^\W\d_]{2,63}\.?", re.UNICODE)


def decoded(url: str) -> str:
    """``url`` as a browser could come to read it: HTML entities and percent-escapes undone
    (repeatedly, so that ``&amp;#58;`` or ``%253A`` hide nothing)."""
    for _ in range(4):
        unescaped = unquote(html.unescape(url))
        if unescaped == url:
            break
        url = unescaped
    return url


def check_url(url: str, *, relative: bool = False, media: bool = False) -> str:
    """Refuses what is not an https/http/mailto address or a path on this site.

    ``relative``: a Markdown body may also link ``#kop``, ``?q`` or ``../pagina/`` relative to
    its page. ``media``: images, posters, captions and video files only from this site. The
    decision is made on the decoded form; the address is returned as written."""
    if not url.strip():
        raise Refused("mag niet leeg zijn")
    plain = decoded(url)
    if any(ch.isspace() for ch in url) or forbidden_character(plain) is not None or _BIDI_CONTROLS.search(plain):
        raise Refused("een link mag geen spaties, regeleinden of onzichtbare tekens bevatten")
    if "\\" in plain:
        raise Refused(f"'{url}' bevat een backslash (\\); gebruik in een link alleen gewone schuine strepen (/)")
    compact = re.sub(r"[\x00-\x20]", "", plain)
    scheme = _SCHEME.match(compact)
    if scheme is None and compact.startswith("//"):
        raise Refused(f"'{url}' begint met //, en dat leest een browser als een andere website; "
                      "begin met https:// of, voor een bestand op deze site, met één /")
    if media and (scheme is not None or not (compact.startswith("/") or relative)):
        raise Refused(f"'{url}' staat niet op deze site; afbeeldingen en media komen alleen van deze site: "
                      "zet het bestand in docs/ en verwijs ernaar met /map/bestand")
    if scheme is not None:
        name = scheme.group(1).lower()
        if name not in SAFE_SCHEMES:
            raise Refused(f"links met '{scheme.group(1)}:' zijn niet toegestaan; gebruik een https://-adres")
        if name == "mailto":
            if not re.fullmatch(r"mailto:[^@/]+@[^@/]+", plain, re.I):
                raise Refused(f"'{url}' is geen e-mailadres; schrijf mailto:naam@voorbeeld.nl")
            return url
        _check_web_address(url, plain)
        return url
    if compact.startswith("/"):
        return _check_site_path(url, compact)
    if relative:
        return url
    raise Refused(f"'{url}' is geen geldige link; begin met https:// of, voor een bestand op deze site, met /")


def _check_site_path(url: str, plain: str) -> str:
    """A path from the site's root names one file or page inside the site: no ``.`` or ``..``
    segments (also not percent-encoded; ``plain`` is decoded), which could climb out of it."""
    path = plain.split("?", 1)[0].split("#", 1)[0]
    if any(segment in (".", "..") for segment in path.split("/")):
        raise Refused(f"'{url}' bevat '..' of '.' als map; verwijs naar het bestand met zijn volledige pad vanaf "
                      "docs/, bijvoorbeeld /afbeeldingen/techlab.jpg")
    return url


def _check_web_address(url: str, plain: str) -> None:
    if not re.match(r"^https?://", plain, re.I):
        raise Refused(f"'{url}' is geen volledig webadres; schrijf bijvoorbeeld https://www.voorbeeld.nl/pagina")
    try:
        parts = urlsplit(plain)
        port = parts.port
    except ValueError:
        port, parts = -1, None
    if parts is not None and "@" in parts.netloc:
        raise Refused(f"'{url}' bevat een @ vóór het webadres, waardoor een link naar een andere website "
                      "kan leiden dan er lijkt te staan; laat de naam en de @ weg")
    if parts is None or port == -1 or not _HOST.fullmatch(parts.hostname or ""):
        raise Refused(f"'{url}' is geen volledig webadres; schrijf bijvoorbeeld https://www.voorbeeld.nl/pagina")


def is_on_this_site(url: str) -> bool:
    """A path on this site (what check_url(media=True) lets through)."""
    compact = re.sub(r"[\x00-\x20]", "", decoded(url))
    return compact.startswith("/") and not compact.startswith("//") and "\\" not in compact
