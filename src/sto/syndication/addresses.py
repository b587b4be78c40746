"""Every address the build writes, who claims it, and a problem for an address claimed twice.

A content file's name becomes its page's address, a docs/ file's path becomes its own; the
build adds overviews, the subscribe page, calendars, embeds, open data, feeds and newsletter
editions. Where two of these write the same file, one of them would be lost without a word
(MkDocs keeps the last file added, our feeds and calendars overwrite what MkDocs wrote), and
where one is written where another needs a folder, the build would stop with an error that
names no file. So every claim is checked before anything is written, and each collision is a
Dutch problem at the editor's file, naming the other side.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sto.site.build import Build
from sto.problems import Problem
from sto.syndication.calendars import event_calendar_path, subscription_calendars
from sto.syndication.feeds import news_feeds

# Where a pull request's files live: a claim by one of these is the editor's to change.
EDITABLE = ("content/", "docs/")


@dataclass(frozen=True)
class Claim:
    output: str  # the site-relative file written: "agenda/volgen/index.html", "feeds/rss.xml"
    by: str  # the file that claims it ("content/agenda/volgen.md", "docs/privacy.md") or what the build makes

    @property
    def editable(self) -> bool:
        return self.by.startswith(EDITABLE)


# What the build makes under each folder, as a problem names it (the first that fits).
_MADE_UNDER = (("data/", "de open data"), ("embed/", "de insluitbare agenda"), ("nieuwsbrief/", "de nieuwsbrief"),
               ("feeds/", "de nieuwsfeed"))


def made_by_the_build(what: str, output: str) -> str:
    """How a problem names an output the build makes itself: "de nieuwsfeed /feeds/rss.xml (maakt
    de site zelf)"."""
    return f"{what} {shown_address(output)} (maakt de site zelf)"


def _what(output: str) -> str:
    found = next((what for folder, what in _MADE_UNDER if output.startswith(folder)), None)
    return found or ("de pagina" if output.endswith(".html") else "het bestand")


def shown_address(output: str) -> str:
    """The address a visitor types for an output: /agenda/volgen/ for agenda/volgen/index.html."""
    return "/" + output.removesuffix("index.html")


def page_claim(build: Build, src_uri: str, output: str) -> Claim:
    """A page our hooks add (``src_uri``): an item's page is its content file's claim."""
    item = build.item_for(src_uri)
    return Claim(output, item.path if item is not None else made_by_the_build(_what(output), output))


def written_after_the_pages(build: Build) -> list[Claim]:
    """The feeds and calendars, written into the site after MkDocs has written the pages."""
    claims = [Claim(path, made_by_the_build(_what(path), path))
              for feed in news_feeds(build) for path in (feed.rss_path, feed.atom_path, feed.json_path)]
    claims += [Claim(calendar.path, made_by_the_build("de agenda", calendar.path))
               for calendar in subscription_calendars(build)]
    claims += [Claim(event_calendar_path(item), item.path) for item in build.content.events]
    return claims


def address_problems(claims: Iterable[Claim]) -> list[Problem]:
    """One problem per editor's file whose address another claim also writes, or that is written
    where another claim needs a folder (a file ``docs/feeds`` and the feeds in ``feeds/``)."""
    owners: dict[str, list[Claim]] = {}
    for claim in claims:
        found = owners.setdefault(claim.output, [])
        if claim not in found:
            found.append(claim)
    inside: dict[str, Claim] = {}  # a folder some output lies in -> the first claim with such an output
    for output, claimed in owners.items():
        parts = output.split("/")
        for depth in range(1, len(parts)):
            inside.setdefault("/".join(parts[:depth]), claimed[0])
    problems: list[Problem] = []
    for output, claimed in owners.items():
        if len(claimed) > 1:
            problems += _both(claimed, f"het adres {shown_address(output)} is ook van")
        if output in inside:
            problems += _both([claimed[0], inside[output]],
                              f"op het adres {shown_address(output)} moet een map staan voor")
    return problems


def _both(claimed: list[Claim], saying: str) -> list[Problem]:
    """A problem at each editor's file among ``claimed`` (at the first one when none is), naming the others."""
    at = [claim for claim in claimed if claim.editable] or claimed[:1]
    return [Problem(claim.by, 1, "", f"{saying} {' en '.join(other.by for other in claimed if other != claim)}; "
                    "kies een andere naam voor het bestand of de map")
            for claim in at]  # (the problem is at the file: its name makes the address)
