"""A newsletter edition: the news and the events of a period, as mail-ready HTML and plain text.

STO pastes an edition into its mailing tool; the site sends no mail. The HTML is what mail
clients need (``templates/newsletter.html``): table layout, inline styles, images with width,
height and alt text, absolute links only. The text part is made here, wrapped at 72 columns.

``make nieuwsbrief VAN=... TOT=...`` writes one edition for any period; every build writes one
per complete month before "now" that has news or events, plus the archive page listing them.
Everything comes from the content and the period, never from the build time, so an edition's
bytes only change when its content does.
"""

from __future__ import annotations

import marshal
import textwrap
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sto.cache.fingerprint import Undigestible, value_digest
from sto.cache.store import Reuse, no_reuse
from sto.digests import digest
from sto.site.build import Build
from sto.content.items import Content, Item
from sto.content.models import Event, NewsItem
from sto.site import urls
from sto.site.dutch import day_month_year, month_year
from sto.site.media_files import MediaFiles
from sto.site.pages import page_source
from sto.site.places import place
from sto.site.presentation import escape_markdown_inline, kind_label, status_label, when
from sto.site.standalone import render

ARCHIVE_TITLE = "Nieuwsbrief"
HTML_NAME = "nieuwsbrief.html"
TEXT_NAME = "nieuwsbrief.txt"
IMAGE_WIDTH = 552  # the content column of a 600 px mail, less its padding
TEXT_WIDTH = 72

ImageSize = Callable[[str], "tuple[int, int] | None"]


@dataclass(frozen=True)
class Edition:
    first: date
    last: date
    news: list[Item[NewsItem]]  # published in the period, newest first
    events: list[Item[Event]]  # taking place (at least partly) in the period, soonest first

    @property
    def whole_month(self) -> bool:
        return self.first.day == 1 and self.last == _month_end(self.first)

    @property
    def key(self) -> str:
        """The edition's folder name: 2024-06 for a month, else both days."""
        if self.whole_month:
            return f"{self.first:%Y-%m}"
        return f"{self.first.isoformat()}-tot-{self.last.isoformat()}"

    @property
    def title(self) -> str:
        if self.whole_month:
            return f"Nieuwsbrief {month_year(self.first)}"
        return f"Nieuwsbrief {day_month_year(self.first)} tot en met {day_month_year(self.last)}"

    @property
    def period(self) -> str:
        return f"van {day_month_year(self.first)} tot en met {day_month_year(self.last)}"

    @property
    def folder(self) -> str:
        return urls.newsletter(self.key)

    @property
    def empty(self) -> bool:
        return not self.news and not self.events


def _month_end(day: date) -> date:
    following = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
    return following - timedelta(days=1)


def _in_period(event: Event, first: date, last: date) -> bool:
    return event.starts_at.date() <= last and event.last_day >= first


def edition_for(content: Content, first: date, last: date) -> Edition:
    """One edition of any period (``make nieuwsbrief``)."""
    return Edition(first, last, [i for i in content.news if first <= i.data.date <= last],
                   [e for e in content.events if _in_period(e.data, first, last)])


def _months(first: date, last: date) -> Iterator[date]:
    month = first.replace(day=1)
    while month <= last:
        yield month
        month = _month_end(month) + timedelta(days=1)


def monthly_editions(content: Content, now: datetime) -> list[Edition]:
    """An edition per complete month before ``now`` with news or events, newest first. The
    content is grouped by month once, so the cost grows with the content, not per edition."""
    this_month = now.date().replace(day=1)
    news: dict[date, list[Item[NewsItem]]] = {}
    events: dict[date, list[Item[Event]]] = {}
    for item in content.news:
        news.setdefault(item.data.date.replace(day=1), []).append(item)
    for event in content.events:
        for month in _months(event.data.starts_at.date(), event.data.last_day):
            events.setdefault(month, []).append(event)
    months = sorted((m for m in news.keys() | events.keys() if m < this_month), reverse=True)
    return [Edition(m, _month_end(m), news.get(m, []), events.get(m, [])) for m in months]


def image_sizes(docs_dir: Path) -> ImageSize:
    """(width, height) of an image on this site, read from its file header; None when the image
    is not a file under docs/ (we never fetch one)."""
    media = MediaFiles(docs_dir)

    @cache  # one build: many items share an image, and its file does not change meanwhile
    def size(src: str) -> tuple[int, int] | None:
        return media.size_of(src) if not src.startswith("//") else None

    return size


def _image(item: Item[NewsItem], build: Build, size: ImageSize) -> dict[str, object] | None:
    image = item.data.image
    found = size(image.src) if image else None
    if image is None or found is None:
        return None
    width, height = found
    if width > IMAGE_WIDTH:
        width, height = IMAGE_WIDTH, round(height * IMAGE_WIDTH / width)
    return {"src": build.absolute(image.src), "alt": image.alt, "width": width, "height": height}


def _news_view(item: Item[NewsItem], build: Build, size: ImageSize) -> dict[str, object]:
    return {"title": item.title, "url": build.absolute(item.url), "kind": kind_label(item),
            "date": day_month_year(item.data.date), "summary": item.data.summary, "image": _image(item, build, size)}


def _event_view(item: Item[Event], build: Build) -> dict[str, object]:
    event = item.data
    return {"title": item.title, "url": build.absolute(item.url), "kind": kind_label(item),
            "status": status_label(event), "status_note": event.status_note, "when": when(event),
            "place": place(event).shown, "summary": event.summary,
            "registration_url": None if event.cancelled else event.registration_url}


def _view(edition: Edition, build: Build, size: ImageSize) -> dict[str, Any]:
    return {"edition": edition, "publisher": build.site_name,
            "news": [_news_view(i, build, size) for i in edition.news],
            "events": [_event_view(i, build) for i in edition.events],
            "page_url": build.absolute(f"{edition.folder}{HTML_NAME}"),
            "archive_url": build.absolute(urls.NEWSLETTERS), "agenda_url": build.absolute(urls.AGENDA),
            "follow_url": build.absolute(urls.AGENDA_FOLLOW), "site_url": build.absolute(urls.HOME),
            "image_origin": "{0.scheme}://{0.netloc}".format(urlsplit(build.site_url))}


def render_html(edition: Edition, build: Build, size: ImageSize) -> str:
    return render("newsletter.html", **_view(edition, build, size))


def _wrap(text: str) -> list[str]:
    """``text`` in lines of at most TEXT_WIDTH characters, broken at spaces only (a longer word
    gets a line of its own). Its whitespace, line breaks and no-break spaces included, becomes
    single spaces first: a summary's line breaks are not the mail's."""
    return textwrap.wrap(" ".join(text.split()), TEXT_WIDTH, break_long_words=False, break_on_hyphens=False)


def _heading(text: str, underline: str) -> list[str]:
    return [text, underline * len(text), ""]


def render_text(edition: Edition, build: Build) -> str:
    """The plain-text part: the same facts in reading order, each link on a line of its own."""
    return _text(edition, build, _view(edition, build, lambda src: None))


def _text(edition: Edition, build: Build, view: dict[str, Any]) -> str:
    """render_text from the edition's view (which the HTML part uses too; the text shows no images)."""
    lines = _heading(f"{edition.title} – {build.site_name}", "=")
    lines += _wrap(f"Het nieuws en de agenda van {build.site_name} {edition.period}.") + [""]
    lines += _heading("Nieuws", "-")
    if not view["news"]:
        lines += ["Er is in deze periode geen nieuws verschenen.", ""]
    for news in view["news"]:
        lines += _wrap(news["title"]) + [f"{news['kind']}, {news['date']}"]
        lines += _wrap(news["summary"]) + [news["url"], ""]
    lines += _heading("Agenda", "-")
    if not view["events"]:
        lines += ["Er staan in deze periode geen evenementen in de agenda.", ""]
    for event in view["events"]:
        lines += _wrap(event["title"])
        lines += [event["kind"] + (f", {event['status'].upper()}" if event["status"] else "")]
        lines += _wrap(event["when"]) + ([event["place"]] if event["place"] else [])
        if event["status"] and event["status_note"]:
            lines += _wrap(event["status_note"])
        if event["summary"]:
            lines += _wrap(event["summary"])
        lines.append(f"Meer informatie: {event['url']}")
        if event["registration_url"]:
            lines.append(f"Aanmelden: {event['registration_url']}")
        lines.append("")
    lines += ["-- ", f"Deze nieuwsbrief op de site: {view['page_url']}",
              f"Alle edities: {view['archive_url']}", f"De agenda in uw agenda-app: {view['follow_url']}"]
    return "\n".join(lines) + "\n"


def edition_files(edition: Edition, build: Build, size: ImageSize, reuse: Reuse = no_reuse) -> dict[str, bytes]:
    """Both parts of the edition. They follow from its view alone (and the templates), so
    ``reuse`` gives them from an earlier build while the view is the same: a warm build or a
    preview save renders only the editions whose news or events changed (at N = 5,000 the 101
    editions took 0.27 s, their views and digests 0.07 s)."""
    folder, view = edition.folder, _view(edition, build, size)  # one view for both parts

    def make() -> bytes:
        return marshal.dumps((render("newsletter.html", **view).encode("utf-8"),
                              _text(edition, build, view).encode("utf-8")))

    try:
        key = digest("newsletter-edition", value_digest(view))
    except Undigestible:  # not expected: every value of the view is plain data or an item
        html, text = marshal.loads(make())
    else:
        html, text = marshal.loads(reuse(key, make))
    return {f"{folder}{HTML_NAME}": html, f"{folder}{TEXT_NAME}": text}


def archive_page(editions: list[Edition], build: Build) -> str:
    """Markdown of the archive page (a page of the site): every edition, newest first, and how
    the news can be followed today. The site sends no mail and STO has not supplied an address
    to subscribe to the mailing (``make todo`` lists it), so the page names the ways that exist:
    the news feeds, this archive and the agenda in a calendar app; never an invented address."""
    site_name = build.site_name
    lines = [f"Hier staan de edities van de nieuwsbrief van {site_name}: per maand het nieuws en de "
             "evenementen van die maand. Elke editie is er ook als platte tekst.", ""]
    if not editions:
        lines.append("Er zijn nog geen edities.")
    for edition in editions:
        name = edition.key
        lines.append(f"- [{escape_markdown_inline(edition.title)}]({name}/{HTML_NAME}) "
                     f"([platte tekst]({name}/{TEXT_NAME}))")
    lines += ["", "## Het nieuws volgen {#volgen}", "",
              "Aanmelden voor de nieuwsbrief per e-mail kan op deze website niet. U kunt het nieuws wel zo volgen:", "",
              f"- in uw feedlezer, met de nieuwsfeed ([RSS]({build.absolute('feeds/rss.xml')}), "
              f"[Atom]({build.absolute('feeds/atom.xml')}) of [JSON Feed]({build.absolute('feeds/feed.json')})): "
              "nieuwe berichten komen dan vanzelf binnen;",
              "- op deze pagina: elke maand komt er een editie bij;",
              "- de evenementen in uw eigen agenda-app, via [Agenda volgen](../agenda/volgen/index.md)."]
    return page_source({"title": ARCHIVE_TITLE,
                        "description": f"Alle edities van de nieuwsbrief van {site_name}, en hoe u het nieuws volgt."},
                       "\n".join(lines))


def newsletter_files(build: Build, docs_dir: Path, reuse: Reuse = no_reuse) -> dict[str, bytes | str]:
    """Site-relative path -> bytes of every monthly edition, and the archive page's Markdown
    (``reuse``: see edition_files)."""
    editions = monthly_editions(build.content, build.now)
    size = image_sizes(docs_dir)
    files: dict[str, bytes | str] = {urls.src_uri(urls.NEWSLETTERS): archive_page(editions, build)}
    for edition in editions:
        files.update(edition_files(edition, build, size, reuse))
    return files
