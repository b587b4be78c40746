"""The agenda for an <iframe> on a partner's site: /embed/agenda/ and /embed/regio/<slug>/.

Small self-contained pages without JavaScript and without Material's frame: our own template
(``templates/embed.html``), one stylesheet of our own next to them, a strict Content-Security-
Policy, nothing from another host. Every link opens in the top window (``target="_top"``), so
a click leaves the partner's page for the event page instead of loading our site inside the
frame. The events are the listings' upcoming ones (per region too), never grouped again.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from sto.site.build import Build
from sto.content.items import Item
from sto.content.models import Event
from sto.site import urls
from sto.site.palette import SITE_STYLESHEET, site_palette
from sto.site.places import place
from sto.site.presentation import kind_label, status_label, when
from sto.site.standalone import asset, render

EMBED_EVENTS = 10  # at most this many upcoming events; the page links the full agenda
STYLESHEET = "embed/embed.css"
# No script, nothing from another origin; styles only from our own file. (frame-ancestors is
# ignored in a <meta> CSP, and embedding anywhere is the point.)
CSP = "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'"
SNIPPET_HEIGHT = 480


@dataclass(frozen=True)
class Embed:
    path: str  # site-relative folder, e.g. embed/regio/gorinchem-en-altena/
    title: str  # the page's <title>, also the iframe's title in the snippet
    heading: str
    events: list[Item[Event]]
    more_url: str  # the site's page with every event of this agenda
    more_text: str
    empty_text: str

    @property
    def file(self) -> str:
        return f"{self.path}index.html"


def agenda_embed(build: Build) -> Embed:
    return Embed(urls.EMBED_AGENDA, f"Agenda van {build.site_name}", f"Agenda van {build.site_name}",
                 build.listings.upcoming[:EMBED_EVENTS], urls.AGENDA, "Bekijk de hele agenda",
                 "Er staan op dit moment geen evenementen gepland.")


def region_embed(slug: str, name: str, build: Build) -> Embed:
    return Embed(urls.embed_region(slug), f"Agenda van {build.site_name}, regio {name}", f"Agenda regio {name}",
                 build.listings.by_region[slug].upcoming[:EMBED_EVENTS], urls.region(slug),
                 f"Alles over de regio {name}", f"Er staan op dit moment geen evenementen in de regio {name} gepland.")


def embeds(build: Build) -> list[Embed]:
    regions = build.content.vocabularies.regions
    return [agenda_embed(build)] + [region_embed(slug, name, build) for slug, name in sorted(regions.items())]


def _relative(from_folder: str, to: str) -> str:
    """A link from a page in ``from_folder`` to a site-relative path, so the page also works
    under another base URL (a local preview, a test server)."""
    return "../" * len(from_folder.strip("/").split("/")) + to


def event_view(item: Item[Event], build: Build) -> dict[str, object]:
    event = item.data
    return {
        "title": item.title, "url": build.absolute(item.url), "kind": kind_label(item),
        "status": status_label(event), "status_note": event.status_note, "cancelled": event.cancelled,
        "when": when(event), "datetime": event.starts_at.isoformat() if not event.all_day else event.start.isoformat(),
        "place": place(event).shown,
    }


def render_embed(embed: Embed, build: Build) -> str:
    return render("embed.html", embed=embed, csp=CSP, stylesheet=_relative(embed.path, STYLESHEET),
                  events=[event_view(i, build) for i in embed.events], more_url=build.absolute(embed.more_url),
                  follow_url=build.absolute(urls.AGENDA_FOLLOW), home_url=build.absolute(urls.HOME),
                  publisher=build.site_name)


def stylesheet(docs_dir: Path) -> bytes:
    """The embeds' stylesheet: the site's colours (``palette``, from docs/assets/sto.css), then
    the embed's own rules (templates/embed.css), which use only those colours' names."""
    return (f"/* The site's colours, copied from {SITE_STYLESHEET} by the build (sto.site.palette). */\n"
            f"{site_palette(docs_dir)}\n").encode("utf-8") + asset("embed.css")


def embed_files(build: Build, docs_dir: Path) -> dict[str, bytes]:
    """Site-relative path -> bytes of every embed page and their stylesheet."""
    files = {STYLESHEET: stylesheet(docs_dir)}
    for embed in embeds(build):
        files[embed.file] = render_embed(embed, build).encode("utf-8")
    return files


def snippet(build: Build, embed: Embed) -> str:
    """The HTML a partner pastes into their page (shown as text on our pages)."""
    return str(Markup('<iframe src="{}" title="{}" width="100%" height="{}" loading="lazy"></iframe>').format(
        build.absolute(embed.path), embed.title, SNIPPET_HEIGHT))


class EmbedSnippets:
    """What templates ask: the snippet for the whole agenda or one region (a dict lookup)."""

    def __init__(self, build: Build):
        self.build = build
        self._by_region = {slug: region_embed(slug, name, build)
                           for slug, name in build.content.vocabularies.regions.items()}
        self._agenda = agenda_embed(build)

    def agenda(self) -> str:
        return snippet(self.build, self._agenda)

    def region(self, slug: str) -> str:
        return snippet(self.build, self._by_region[slug])

    def regions(self) -> list[tuple[str, str]]:
        """(region name, snippet), in the vocabulary's order."""
        names = self.build.content.vocabularies.regions
        return [(names[slug], snippet(self.build, embed)) for slug, embed in self._by_region.items()]

