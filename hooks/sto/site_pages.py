"""The public site's overview pages (listings) and what every page's template gets.

Computed once per build: ``Site.of(build)`` indexes the content (``listings``), writes the
Markdown of every generated page and keeps, per page, the precomputed view its template
renders. ``context_for`` is then a dict lookup per page.
"""

from __future__ import annotations

import html

from dataclasses import dataclass, field

from . import structured_data, urls
from .build import Build
from .dutch import day_month_year
from .listings import Listings
from .pages import generated_pages, page_source
from .presentation import escape_markdown_inline, render_markdown
from .problems import ContentInvalid, Problem

HOME_TITLE = "Actueel"
SECTION_TRAIL = {
    "news": ("Nieuws", urls.NEWS),
    "faq": ("Veelgestelde vragen", urls.FAQ),
    "agenda": ("Agenda", urls.AGENDA),
}
ARCHIVE_TITLE = "Terugblik webinars Sterk Techniekonderwijs LIVE"
EXCLUDED = {"exclude": True}  # listings only repeat hits that the items' own pages give


@dataclass
class GeneratedPage:
    markdown: str
    view: dict = field(default_factory=dict)


def _listing(title: str, template: str, view: dict, *, body: str = "", search: bool = False,
             description: str | None = None) -> GeneratedPage:
    meta = {"title": html.escape(title, quote=False), "template": template}  # page titles are HTML (pages.py)
    if not search:
        meta["search"] = EXCLUDED
    if description:
        meta["description"] = description
    return GeneratedPage(page_source(meta, body), view)


def _pagination(number: int, count: int) -> dict:
    return {
        "number": number,
        "count": count,
        "pages": [(n, urls.news_page(n)) for n in range(1, count + 1)],
        "previous": urls.news_page(number - 1) if number > 1 else None,
        "next": urls.news_page(number + 1) if number < count else None,
    }


def faq_markdown(listings: Listings, topics: dict[str, str]) -> str:
    """The FAQ page body: a heading per topic, a heading with a fixed anchor per question,
    then the answer. Real Markdown headings, so the search splits each question into its own
    result that links to its anchor."""
    parts: list[str] = []
    for topic, items in listings.faq_by_topic.items():
        name = topics.get(topic, topic)
        parts.append(f"## {escape_markdown_inline(name)} {{#onderwerp-{topic} data-topic=\"{topic}\" .sto-faq-topic}}")
        for item in items:
            parts.append(f"### {escape_markdown_inline(item.title)} {{#{item.slug} data-topic=\"{topic}\" .sto-faq-question}}")
            parts.append(item.body.strip())
            changed = item.data.updated or item.data.date
            parts.append(f"Laatst gewijzigd: {day_month_year(changed)}\n{{: .sto-faq-changed data-topic=\"{topic}\" }}")
    return "\n\n".join(parts)


class Site:
    def __init__(self, build: Build, listings: Listings, pages: dict[str, GeneratedPage],
                 site_name: str = "Sterk Techniekonderwijs"):
        self.build = build
        self.site_name = site_name
        self.listings = listings
        self.pages = pages
        self.faq_answers = {item.id: render_markdown(item.body) for item in listings.faq_recent}

    @classmethod
    def of(cls, build: Build, site_name: str) -> Site:
        listings = Listings.of(build.content, build.now)
        pages = listing_pages(listings, build)
        clashes = [Problem(item.path, 1, "", f"de bestandsnaam geeft het adres /{item.url}, en dat adres is al een "
                                             "overzichtspagina van de site; kies een andere bestandsnaam")
                   for item in build.content.items if urls.src_uri(item.url) in pages]
        if clashes:
            raise ContentInvalid(clashes)
        return cls(build, listings, pages, site_name)

    def generated(self) -> dict[str, str]:
        """src_uri -> Markdown of every generated page: items and listings."""
        sources = generated_pages(self.build.content)
        sources.update({src: page.markdown for src, page in self.pages.items()})
        return sources

    def trail(self, src_uri: str, title: str) -> list[tuple[str, str]]:
        """(name, site-relative URL) from the home page to this page."""
        item = self.build.item_for(src_uri)
        view = self.pages.get(src_uri)
        if src_uri == "index.md":
            return [(HOME_TITLE, urls.HOME)]
        if item is not None:
            return [(HOME_TITLE, urls.HOME), SECTION_TRAIL[item.section], (item.title, item.url)]
        if view is not None:
            return [(HOME_TITLE, urls.HOME), *view.view.get("trail", []), (title, view.view["url"])]
        return [(HOME_TITLE, urls.HOME), (title, src_uri.removesuffix("index.md").removesuffix(".md") + "/")]

    def context_for(self, src_uri: str, title: str, description: str) -> dict:
        """What one page's template gets: its item or listing view, JSON-LD and Open Graph."""
        build = self.build
        item = build.item_for(src_uri)
        # MkDocs' page titles are HTML (ours are escaped when generated, see pages.py); the
        # trail, JSON-LD and Open Graph want plain text and escape it themselves.
        title = item.title if item is not None else html.unescape(title)
        page = self.pages.get(src_uri)
        view = page.view if page else {}
        if src_uri == "index.md":
            view = {"kind": "home", **self.listings.home, "faq_answers": self.faq_answers}
        trail = self.trail(src_uri, title)
        url = build.absolute(trail[-1][1])
        site_name = self.site_name
        blocks = []
        if item is not None:
            data = structured_data.for_item(item, url, site_name, build.site_url)
            if data:
                blocks.append(data)
        if len(trail) > 1:
            blocks.append(structured_data.breadcrumbs([(n, build.absolute(u)) for n, u in trail]))
        context = {
            "item": item,
            "view": view,
            "trail": trail,
            "jsonld": [structured_data.json_for_html(b) for b in blocks],
            "open_graph": structured_data.open_graph(
                title=title, description=description, url=url, site_name=site_name, item=item,
                site_url=build.site_url),
        }
        if item is not None and item.section == "news":
            context["neighbours"] = self.listings.neighbours.get(item.id, (None, None))
        return context



def listing_pages(listings: Listings, build: Build) -> dict[str, GeneratedPage]:
    vocab = build.content.vocabularies
    pages: dict[str, GeneratedPage] = {}
    news_trail = [SECTION_TRAIL["news"]]
    agenda_trail = [SECTION_TRAIL["agenda"]]
    filters = {
        "categories": [(name, urls.category(slug), len(listings.by_category.get(slug, [])))
                       for slug, name in vocab.categories.items()],
        "years": [(year, urls.year(year), len(items)) for year, items in listings.by_year.items()],
    }

    count = len(listings.news_pages)
    for number, items in enumerate(listings.news_pages, start=1):
        url = urls.news_page(number)
        title = "Nieuws" if number == 1 else f"Nieuws, pagina {number} van {count}"
        view = {"kind": "news", "url": url, "items": items, "pagination": _pagination(number, count),
                "trail": [] if number == 1 else news_trail, **filters}
        pages[urls.src_uri(url)] = _listing(title, "sto/news-list.html", view,
                                            description="Nieuws, digizines en handreikingen van Sterk Techniekonderwijs.")
    pages[urls.src_uri(urls.DIGIZINE)] = _listing(
        "Digizine", "sto/news-list.html",
        {"kind": "news", "url": urls.DIGIZINE, "items": listings.digizines, "trail": news_trail,
         "intro": "Alle edities van de digizine van Sterk Techniekonderwijs, de nieuwste eerst.", **filters})
    for slug, items in listings.by_category.items():
        name = vocab.categories.get(slug, slug)
        url = urls.category(slug)
        pages[urls.src_uri(url)] = _listing(
            f"Nieuws over {name}", "sto/news-list.html",
            {"kind": "news", "url": url, "items": items, "trail": news_trail, **filters})
    for year, items in listings.by_year.items():
        url = urls.year(year)
        pages[urls.src_uri(url)] = _listing(
            f"Nieuws uit {year}", "sto/news-list.html",
            {"kind": "news", "url": url, "items": items, "trail": news_trail, **filters})

    pages[urls.src_uri(urls.AGENDA)] = _listing(
        "Agenda", "sto/agenda.html",
        {"kind": "agenda", "url": urls.AGENDA, "upcoming": listings.upcoming, "past": listings.past},
        description="Webinars, bijeenkomsten en andere evenementen van Sterk Techniekonderwijs.")
    pages[urls.src_uri(urls.WEBINAR_ARCHIVE)] = _listing(
        ARCHIVE_TITLE, "sto/webinar-archive.html",
        {"kind": "archive", "url": urls.WEBINAR_ARCHIVE, "items": listings.recordings, "trail": agenda_trail},
        description="Opnames van eerdere webinars van Sterk Techniekonderwijs LIVE.")

    pages[urls.src_uri(urls.FAQ)] = _listing(
        "Veelgestelde vragen", "sto/faq.html",
        {"kind": "faq", "url": urls.FAQ,
         "topics": [(slug, vocab.topics.get(slug, slug), len(items)) for slug, items in listings.faq_by_topic.items()]},
        body=faq_markdown(listings, vocab.topics), search=True,
        description="Antwoorden op veelgestelde vragen over Sterk Techniekonderwijs, per onderwerp.")

    pages[urls.src_uri(urls.REGIONS)] = _listing(
        "Regio's", "sto/regions.html",
        {"kind": "regions", "url": urls.REGIONS,
         "regions": [(name, urls.region(slug), listings.by_region[slug]) for slug, name in vocab.regions.items()]})
    for slug, region in listings.by_region.items():
        name = vocab.regions.get(slug, slug)
        url = urls.region(slug)
        pages[urls.src_uri(url)] = _listing(
            f"Regio {name}", "sto/region.html",
            {"kind": "region", "url": url, "region": region, "name": name,
             "trail": [("Regio's", urls.REGIONS)]})
    return pages
