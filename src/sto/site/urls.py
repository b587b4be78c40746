"""Where every listing page lives: one function per kind of page, site-relative directory URLs.

Item pages get their URL from ``Item.url``; these are the overviews around them. The
generated pages (``pages``) and the templates both use these, so a link cannot go stale.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from sto.content import sections

HOME = ""
NEWS = sections.NEWS.url
DIGIZINE = f"{NEWS}digizine/"
HANDREIKINGEN = f"{NEWS}handreikingen/"  # every handreiking (guidance document), as DIGIZINE lists the digizines
AGENDA = sections.AGENDA.url
AGENDA_FOLLOW = f"{AGENDA}volgen/"  # "Agenda volgen", the subscribe page (sto.syndication)
AGENDA_CALENDAR = f"{AGENDA}agenda.ics"  # the whole agenda as one calendar
WEBINAR_ARCHIVE = f"{AGENDA}terugblik-webinars/"
FAQ = sections.FAQ.url
REGIONS = "regio/"
ACCESSIBILITY = "toegankelijkheid/"
PRIVACY = "privacy/"
ABOUT = "over-sto/"
SHARE_IMAGE = "assets/sto-deelafbeelding.png"  # og:image of every page without its own (scripts/brand-images)
# The wordmark as a square icon (scripts/brand-images), for feeds and the Organization's logo:
# size in px -> address. 512: JSON Feed icon, Organization logo; 144: RSS <image> (at most 144
# wide); 64: JSON Feed favicon and Atom <icon>.
ICONS: Mapping[int, str] = MappingProxyType({size: f"assets/sto-icoon-{size}.png" for size in (512, 144, 64)})
OPEN_DATA = "open-data-en-insluiten/"  # docs/open-data-en-insluiten.md: open data and embeds, for partners
NEWSLETTERS = "nieuwsbrief/"  # the archive of newsletter editions
EMBED_AGENDA = "embed/agenda/"  # the whole agenda for an <iframe> on a partner's site


def paged(url: str, number: int) -> str:
    """Page ``number`` of a paginated listing at ``url``: page 1 is the listing's own URL (so
    links to it never change), later pages live under ``<url>pagina/<n>/``."""
    return url if number <= 1 else f"{url}pagina/{number}/"


def category(slug: str) -> str:
    return f"{NEWS}categorie/{slug}/"


def year(value: int) -> str:
    return f"{NEWS}jaar/{value}/"


def region(slug: str) -> str:
    return f"{REGIONS}{slug}/"


def embed_region(slug: str) -> str:
    return f"embed/regio/{slug}/"


def newsletter(edition: str) -> str:
    """One edition's folder, e.g. nieuwsbrief/2024-06/."""
    return f"{NEWSLETTERS}{edition}/"


def faq_anchor(slug: str) -> str:
    """A question's place on the FAQ page; its anchor is the file name, which never changes."""
    return f"{FAQ}#{slug}"


def src_uri(url: str) -> str:
    """The virtual Markdown file for a directory URL: nieuws/ -> nieuws/index.md."""
    return f"{url}index.md" if url else "index.md"


def url_of(src_uri: str) -> str:
    """The directory URL MkDocs gives a Markdown file: privacy.md -> privacy/, nieuws/index.md -> nieuws/."""
    stem = src_uri.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/"
