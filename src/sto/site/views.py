"""The public site's overview pages (listings) and what every page's template gets.

Computed once per build: ``Site.of(build)`` indexes the content (``listings``), writes the
Markdown of every generated page and keeps, per page, the precomputed view its template
renders (a frozen dataclass per kind of page, below). ``context_for`` is then a dict lookup per page.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from functools import cached_property, partial
from typing import Any, Protocol, cast

from sto.site import lastmod, section_pages, structured_data
from sto.site import urls
from sto.site.build import Build
from sto.site.dutch import day_month_year
from sto.content.items import AnyItem, Item
from sto.content.loader import ItemMemory
from sto.content.models import Event, FaqEntry, NewsItem
from sto.content.sections import AGENDA, FAQ, NEWS, Section
from sto.site.listings import REGION_PAST_EVENTS, Listings, RegionListing, paginate
from sto.site.media_files import MediaFiles, media_view
from sto.site.pages import SEARCH_EXCLUDED, Meta, generated_pages, page_source
from sto.site.presentation import about_category, escape_markdown_inline, render_markdown
from sto.problems import ContentInvalid, Problem

HOME_TITLE = "Actueel"
REGIONS_TITLE = "Regio's"


Trail = list[tuple[str, str]]  # (name, site-relative URL) of each step before the page itself


def section_trail(section: Section[Any]) -> tuple[str, str]:
    """A section's step in a breadcrumb trail: its name and its overview page."""
    return section.name, section.url


# What the templates of the generated pages read as ``view``: one frozen dataclass per kind of
# page, so a template reads attributes that exist and the render cache digests every field
# (sto.cache.fingerprint). Lists, not tuples, where sto.site.lastmod collects the items shown.


@dataclass(frozen=True, slots=True)
class Pagination:
    """A paginated listing's nav (partials/sto/pagination.html): this page's number of ``count``,
    the (number, URL) links of ``page_window`` (None for the gaps), and the neighbours' URLs."""
    number: int
    count: int
    pages: list[tuple[int | None, str | None]]
    previous: str | None
    next: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class ListingView:
    """Every overview page: its own address and the steps between the home page and it."""
    url: str
    trail: Trail = field(default_factory=list)

    def shown(self) -> list[AnyItem]:
        """The items the page shows: its sitemap lastmod is the newest of their days (sto.site.lastmod)."""
        return []


@dataclass(frozen=True, slots=True, kw_only=True)
class NewsListView(ListingView):
    """sto/news-list.html: the news, digizine, handreikingen, category and year listings."""
    items: list[Item[NewsItem]]
    categories: list[tuple[str, str, int]]  # the filters beside every news listing: (name, URL, count)
    years: list[tuple[int, str, int]]  # (year, URL, count)
    pagination: Pagination | None = None  # the digizine overview is one page
    intro: str | None = None
    feed_category: str | None = None  # a category's page announces that category's feeds

    def shown(self) -> list[AnyItem]:
        return [*self.items]


@dataclass(frozen=True, slots=True, kw_only=True)
class RegionView(ListingView):
    """sto/region.html: a region's news, paginated; its agenda on the first page only."""
    items: list[Item[NewsItem]]
    pagination: Pagination
    region: str | None = None  # the region's slug, for its agenda's embed snippet
    upcoming: list[Item[Event]] = field(default_factory=list)
    past: list[Item[Event]] = field(default_factory=list)  # the most recent REGION_PAST_EVENTS
    more_past: bool = False  # the agenda has older past events of the region

    def shown(self) -> list[AnyItem]:
        return [*self.items, *self.upcoming, *self.past]


@dataclass(frozen=True, slots=True, kw_only=True)
class AgendaView(ListingView):
    """sto/agenda.html."""
    upcoming: list[Item[Event]]
    past: list[Item[Event]]

    def shown(self) -> list[AnyItem]:
        return [*self.upcoming, *self.past]


@dataclass(frozen=True, slots=True, kw_only=True)
class ArchiveView(ListingView):
    """sto/webinar-archive.html: past webinars with a recording, and each poster's size."""
    items: list[Item[Event]]
    poster_sizes: dict[str, tuple[int, int]]  # event id -> (width, height)

    def shown(self) -> list[AnyItem]:
        return [*self.items]


@dataclass(frozen=True, slots=True, kw_only=True)
class FaqView(ListingView):
    """sto/faq.html: the topic filter, as (slug, name, number of questions)."""
    topics: list[tuple[str, str, int]]


@dataclass(frozen=True, slots=True, kw_only=True)
class RegionsView(ListingView):
    """sto/regions.html: (name, URL, listing) of each region with something to show."""
    regions: list[tuple[str, str, RegionListing]]

    def shown(self) -> list[AnyItem]:
        shown: list[AnyItem] = []
        for _name, _url, region in self.regions:
            shown += [*region.news, *region.upcoming, *region.past]
        return shown


@dataclass(frozen=True, slots=True, kw_only=True)
class SubscribeView(ListingView):
    """sto/subscribe.html ("Agenda volgen", sto.syndication.writer): per calendar key, how many
    events it holds at the build's "now" and how many of them are still to come."""
    counts: dict[str, tuple[int, int]]


@dataclass(frozen=True, slots=True)
class HomeView:
    """sto/home.html (see Listings.home), with each FAQ question's answer as HTML, by id."""
    news: list[Item[NewsItem]]
    events: list[Item[Event]]
    recordings: list[Item[Event]]
    faq: list[Item[FaqEntry]]
    faq_answers: dict[str, str]

    def shown(self) -> list[AnyItem]:
        return [*self.news, *self.events, *self.recordings, *self.faq]

    @classmethod
    def of(cls, listings: Listings, faq_answers: dict[str, str]) -> HomeView:
        home = listings.home  # what the home page shows is decided there (and its lastmod read from it)
        return cls(news=cast("list[Item[NewsItem]]", home["news"]), events=cast("list[Item[Event]]", home["events"]),
                   recordings=cast("list[Item[Event]]", home["recordings"]),
                   faq=cast("list[Item[FaqEntry]]", home["faq"]), faq_answers=faq_answers)


@dataclass(frozen=True, slots=True, kw_only=True)
class ItemView:
    """An item page's view beyond its data (item_view): what its section's pages add
    (sto.site.section_pages) and what its files tell (sto.site.media_files.media_view)."""
    categories: list[tuple[str, str]] = field(default_factory=list)  # (name, listing URL)
    regions: list[tuple[str, str]] = field(default_factory=list)
    topic: str | None = None  # an FAQ question's topic, by name
    upcoming: bool | None = None  # an event: still to come, by the listings' rule
    image_size: tuple[int, int] | None = None  # (width, height)
    poster_size: tuple[int, int] | None = None
    documents: list[dict[str, Any]] = field(default_factory=list)  # title, file, type, size


# A page's view: an overview's, the home page's or an item page's; None on a hand-written page.
View = ListingView | HomeView | ItemView | None


@dataclass
class GeneratedPage:
    markdown: str
    view: ListingView


def _listing(title: str, template: str, view: ListingView, *, body: str = "", search: bool = False,
             description: str | None = None, feed_category: str | None = None,
             hide: list[str] | None = None) -> GeneratedPage:
    meta: Meta = {"title": title, "template": template}
    if hide:  # Material's page parts to leave out, e.g. the table of contents
        meta["hide"] = hide
    if feed_category:  # the page announces that category's feeds (partials/sto/feed-links.html)
        meta["feed_category"] = feed_category
    if not search:  # listings only repeat hits that the items' own pages give
        meta["search"] = SEARCH_EXCLUDED
    if description:
        meta["description"] = description
    return GeneratedPage(page_source(meta, body), view)


PAGINATION_NEIGHBOURS = 2  # page links on each side of the current page


def page_window(number: int, count: int, neighbours: int = PAGINATION_NEIGHBOURS) -> list[int | None]:
    """The page numbers a pagination nav links: the first, the last and a few around the current
    one, with None where numbers are left out. Bounded, so the nav does not grow with the
    listing (linking every page from every page would make a listing's HTML quadratic)."""
    shown = sorted({1, count, *range(max(1, number - neighbours), min(count, number + neighbours) + 1)})
    window: list[int | None] = []
    for n in shown:
        if window and n - window[-1] > 1:
            window.append(None)
        window.append(n)
    return window


def _pagination(url: str, number: int, count: int) -> Pagination:
    return Pagination(
        number=number,
        count=count,
        pages=[(n, urls.paged(url, n) if n else None) for n in page_window(number, count)],
        previous=urls.paged(url, number - 1) if number > 1 else None,
        next=urls.paged(url, number + 1) if number < count else None,
    )


def page_title(title: str, number: int, count: int) -> str:
    return title if number <= 1 else f"{title} – pagina {number} van {count}"


class PagedView(Protocol):
    """Makes the view of one page of a paginated listing from that page's part of it."""

    def __call__(self, *, url: str, trail: Trail, items: list[Item[NewsItem]],
                 pagination: Pagination) -> ListingView: ...


def paginated_listing(pages: dict[str, GeneratedPage], url: str, title: str, template: str,
                      items: list[Item[NewsItem]], view: PagedView, *, trail: Trail, size: int,
                      description: str | None = None, feed_category: str | None = None) -> None:
    """One listing split into pages of ``size`` items: page 1 at ``url`` (its address never
    changes), later pages at ``<url>pagina/<n>/`` with the first page in their trail. ``view``
    makes each page's view from its address, trail, slice of the items and pagination."""
    chunks = paginate(items, size)
    count = len(chunks)
    for number, chunk in enumerate(chunks, start=1):
        page_url = urls.paged(url, number)
        page_view = view(url=page_url, trail=trail if number == 1 else [*trail, (title, url)], items=chunk,
                         pagination=_pagination(url, number, count))
        pages[urls.src_uri(page_url)] = _listing(page_title(title, number, count), template, page_view,
                                                 description=description, feed_category=feed_category)


def region_view(slug: str, region: RegionListing) -> PagedView:
    """A region's pages: its news, paginated; its agenda stays on the first page: every upcoming
    event and the most recent past ones (all past events are in the agenda and the region's calendar)."""
    def view(*, url: str, trail: Trail, items: list[Item[NewsItem]], pagination: Pagination) -> RegionView:
        if pagination.number > 1:
            return RegionView(url=url, trail=trail, items=items, pagination=pagination)
        return RegionView(url=url, trail=trail, items=items, pagination=pagination, region=slug,
                          upcoming=region.upcoming, past=region.past[:REGION_PAST_EVENTS],
                          more_past=len(region.past) > REGION_PAST_EVENTS)
    return view


def faq_markdown(listings: Listings, topics: dict[str, str]) -> str:
    """The FAQ page body: a heading per topic, a heading with a fixed anchor per question,
    then the answer. (Search finds each question on its own page, see pages.item_meta.)"""
    parts: list[str] = []
    for topic, items in listings.faq_by_topic.items():
        name = topics.get(topic, topic)
        parts.append(f"## {escape_markdown_inline(name)} {{#onderwerp-{topic} data-topic=\"{topic}\" .sto-faq-topic}}")
        for item in items:
            question = escape_markdown_inline(item.title)
            parts.append(f"### {question} {{#{item.slug} data-topic=\"{topic}\" .sto-faq-question}}")
            parts.append(item.body.strip())
            if item.data.updated:  # only a change an editor recorded, never a guess
                parts.append(f"Laatst gewijzigd: {day_month_year(item.data.updated)}\n"
                             f"{{: .sto-faq-changed data-topic=\"{topic}\" }}")
    return "\n\n".join(parts)


class Site:
    def __init__(self, build: Build, listings: Listings, pages: dict[str, GeneratedPage]):
        self.build = build
        self.listings = listings
        self.pages = pages
        self.faq_answers = {item.id: render_markdown(item.body) for item in listings.faq_recent}
        self.media = MediaFiles(build.pages_dir) if build.pages_dir is not None else None

    @classmethod
    def of(cls, build: Build) -> Site:
        listings = build.listings
        pages = listing_pages(listings, build)
        clashes = [Problem(item.path, 1, "", f"de bestandsnaam geeft het adres /{item.url}, en dat adres is al een "
                                             "overzichtspagina van de site; kies een andere bestandsnaam")
                   for item in build.content.items if urls.src_uri(item.url) in pages]
        if clashes:
            raise ContentInvalid(clashes)
        return cls(build, listings, pages)

    def generated(self, memory: ItemMemory | None = None) -> dict[str, str]:
        """src_uri -> Markdown of every generated page: items and listings (``memory``: see generated_pages)."""
        sources = generated_pages(self.build.content, memory)
        sources.update({src: page.markdown for src, page in self.pages.items()})
        return sources

    @cached_property
    def _lastmod(self) -> dict[str, str]:
        """src_uri -> the sitemap's lastmod of every page that has one (see sto.site.lastmod)."""
        now = self.build.now
        days = {item.src_uri: lastmod.item_day(item, now) for item in self.build.content.items}
        days.update({src: lastmod.newest(page.view.shown(), now) for src, page in self.pages.items()})
        days["index.md"] = lastmod.newest(HomeView.of(self.listings, {}).shown(), now)
        days[urls.src_uri(urls.FAQ)] = lastmod.newest(
            (q for questions in self.listings.faq_by_topic.values() for q in questions), now)
        return {src: day.isoformat() for src, day in days.items() if day is not None}

    def lastmod(self, src_uri: str) -> str | None:
        """The sitemap's <lastmod> of a page (YYYY-MM-DD), or None: a dict lookup."""
        return self._lastmod.get(src_uri)

    def trail(self, src_uri: str, title: str) -> list[tuple[str, str]]:
        """(name, site-relative URL) from the home page to this page."""
        item = self.build.item_for(src_uri)
        page = self.pages.get(src_uri)
        if src_uri == "index.md":
            return [(HOME_TITLE, urls.HOME)]
        if item is not None:
            return [(HOME_TITLE, urls.HOME), section_trail(item.section), (item.title, item.url)]
        if page is not None and isinstance(page.view, ListingView):
            return [(HOME_TITLE, urls.HOME), *page.view.trail, (title, page.view.url)]
        return [(HOME_TITLE, urls.HOME), (title, urls.url_of(src_uri))]

    def context_for(self, src_uri: str, title: str, description: str) -> dict[str, object]:
        """What one page's template gets: its item or listing view, JSON-LD and Open Graph."""
        build = self.build
        item = build.item_for(src_uri)
        # MkDocs' page titles are HTML (ours are escaped when generated, see pages.py); the
        # trail, JSON-LD and Open Graph want plain text and escape it themselves.
        title = item.title if item is not None else html.unescape(title)
        page = self.pages.get(src_uri)
        view: View = page.view if page else None
        if src_uri == "index.md":
            view = HomeView.of(self.listings, self.faq_answers)
        elif item is not None:
            view = item_view(item, build, self.media)
        trail = self.trail(src_uri, title)
        url = build.absolute(trail[-1][1])
        site_name = build.site_name
        blocks = structured_data.home_page(site_name, build.site_url, description) if src_uri == "index.md" else []
        if item is not None:
            data = structured_data.for_item(item, url, site_name, build.site_url)
            if data:
                blocks.append(data)
        if len(trail) > 1:
            blocks.append(structured_data.breadcrumbs([(n, build.absolute(u)) for n, u in trail]))
        context: dict[str, object] = {
            "item": item,
            "view": view,
            "trail": trail,
            "jsonld": [structured_data.json_for_html(b) for b in blocks],
            "open_graph": structured_data.open_graph(
                title=title, description=description, url=url, site_name=site_name, item=item,
                site_url=build.site_url),
        }
        neighbours = self.listings.neighbours.get(item.id) if item is not None else None
        if neighbours is not None:  # a news item's newer and older one
            context["neighbours"] = neighbours
        return context


def item_view(item: AnyItem, build: Build, media: MediaFiles | None = None) -> ItemView:
    """What an item page shows beyond its data, as its section's pages give it
    (sto.site.section_pages): its categories and regions as (name, listing URL), an FAQ
    question's topic name, whether an event is still to come, so templates neither look up
    vocabularies nor compare times; with ``media``, the width and height of its image or poster
    and the type and size of each document, read from the files."""
    files = media_view(item.data, media) if media is not None else {}
    return ItemView(**section_pages.of(item).view(item, build), **files)


def _poster_sizes(events: list[Item[Event]], build: Build) -> dict[str, tuple[int, int]]:
    """Each recording's poster's (width, height), by event id, read from its file."""
    if build.pages_dir is None:
        return {}
    media = MediaFiles(build.pages_dir)
    sizes = {}
    for event in events:
        recording = event.data.recording
        if recording is not None and recording.poster and (size := media.size_of(recording.poster)) is not None:
            sizes[event.id] = size
    return sizes


def listing_pages(listings: Listings, build: Build) -> dict[str, GeneratedPage]:
    vocab = build.content.vocabularies
    site_name = build.site_name
    pages: dict[str, GeneratedPage] = {}
    news_trail = [section_trail(NEWS)]
    agenda_trail = [section_trail(AGENDA)]
    archive_title = f"Terugblik webinars {site_name} LIVE"
    paginated = partial(paginated_listing, pages, size=build.page_size)
    # Only categories with news: a filter that finds nothing is not offered (its page and
    # feeds still exist, so their addresses stay valid).
    categories = [(name, urls.category(slug), len(listings.by_category[slug]))
                  for slug, name in vocab.categories.items() if listings.by_category.get(slug)]
    years = [(year, urls.year(year), len(items)) for year, items in listings.by_year.items()]

    def news_list(intro: str | None = None, feed_category: str | None = None) -> PagedView:
        return partial(NewsListView, categories=categories, years=years, intro=intro, feed_category=feed_category)

    paginated(urls.NEWS, NEWS.name, "sto/news-list.html", listings.news, news_list(),
              trail=[], description=f"Nieuws, digizines en handreikingen van {site_name}.")
    digizine_intro = f"Alle edities van de digizine van {site_name}, de nieuwste eerst."
    pages[urls.src_uri(urls.DIGIZINE)] = _listing(
        "Digizine", "sto/news-list.html",
        NewsListView(url=urls.DIGIZINE, items=listings.digizines, trail=news_trail, categories=categories, years=years,
                     intro=digizine_intro),
        description=digizine_intro)
    handreiking_intro = f"Alle handreikingen van {site_name}, de nieuwste eerst."
    paginated(urls.HANDREIKINGEN, "Handreikingen", "sto/news-list.html", listings.handreikingen,
              news_list(intro=handreiking_intro), trail=news_trail, description=handreiking_intro)
    for slug, items in listings.by_category.items():
        name = vocab.categories.get(slug, slug)
        paginated(urls.category(slug), f"Nieuws over {name}", "sto/news-list.html", items,
                  news_list(feed_category=slug), trail=news_trail, feed_category=slug,
                  description=about_category(name, site_name))
    for year, items in listings.by_year.items():
        paginated(urls.year(year), f"Nieuws uit {year}", "sto/news-list.html", items, news_list(),
                  trail=news_trail, description=f"Nieuws van {site_name} uit {year}.")

    pages[urls.src_uri(urls.AGENDA)] = _listing(
        AGENDA.name, "sto/agenda.html", AgendaView(url=urls.AGENDA, upcoming=listings.upcoming, past=listings.past),
        description=f"Webinars, bijeenkomsten en andere evenementen van {site_name}.")
    pages[urls.src_uri(urls.WEBINAR_ARCHIVE)] = _listing(
        archive_title, "sto/webinar-archive.html",
        ArchiveView(url=urls.WEBINAR_ARCHIVE, items=listings.recordings, trail=agenda_trail,
                    poster_sizes=_poster_sizes(listings.recordings, build)),
        description=f"Opnames van eerdere webinars van {site_name} LIVE.")

    pages[urls.src_uri(urls.FAQ)] = _listing(
        FAQ.name, "sto/faq.html",
        FaqView(url=urls.FAQ, topics=[(slug, vocab.topics.get(slug, slug), len(items))
                                      for slug, items in listings.faq_by_topic.items()]),
        body=faq_markdown(listings, vocab.topics), hide=["toc"],  # the topic filter is its one navigation
        description=f"Antwoorden op veelgestelde vragen over {site_name}, per onderwerp.")

    pages[urls.src_uri(urls.REGIONS)] = _listing(
        REGIONS_TITLE, "sto/regions.html",
        # Regions with something to show; the others' pages and calendars exist all the same.
        RegionsView(url=urls.REGIONS,
                    regions=[(name, urls.region(slug), listings.by_region[slug]) for slug, name in vocab.regions.items()
                             if listings.by_region[slug].news or listings.by_region[slug].upcoming
                             or listings.by_region[slug].past]),
        description=f"Nieuws en evenementen van {site_name} per regio.")
    for slug, region in listings.by_region.items():
        paginated(urls.region(slug), f"Regio {vocab.regions.get(slug, slug)}", "sto/region.html",
                  region.news, region_view(slug, region), trail=[(REGIONS_TITLE, urls.REGIONS)],
                  description=f"Nieuws en evenementen van {site_name} in de regio "
                              f"{vocab.regions.get(slug, slug)}.")
    return pages
