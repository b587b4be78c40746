"""What the site search finds: one record per searched page, as the HTML document Pagefind reads.

The visitor's page is not what is indexed. Each searched page (every page whose front matter
does not say ``search: exclude``: every news item, event and FAQ question on its own page, and
the hand-written pages; not the overviews, not the FAQ page where all questions stand) gives a
small document of its own: its title as the heading, the item's search-only text
(``pages.search_text``: a news item's summary, an event's kind, time and place), then its body,
a long news body's tail marked ``data-pagefind-ignore`` (``sto.site.search_trim``). That is
what Material's search indexed before (title and page content), so the same words find the same
pages, and the pages themselves carry nothing for search.

Kind and date go into the record's metadata (``soort``, ``datum``) for the results to show. The
body is HTML from our Markdown converter, whose raw HTML is escaped and whose attribute lists
allow only ids and classes (``sto.content.markdown_safety``), so content cannot add Pagefind
attributes of its own.
"""

from __future__ import annotations

import html as html_text
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sto.content.items import AnyItem
from sto.site import section_pages
from sto.site.presentation import kind_label

LANGUAGE = "nl"  # Pagefind picks its Dutch stemmer from the document's lang


@dataclass(frozen=True)
class SearchRecord:
    url: str  # site-relative, as MkDocs has it: "nieuws/<file name>/"
    title: str  # plain text
    html: str  # what is searched below the title (HTML)
    kind: str = ""  # "Nieuws", "Webinar", "Veelgestelde vraag"; "" for a hand-written page
    date: str = ""  # in Dutch, as the page shows it; "" when the page has none


def is_searched(meta: Mapping[str, Any] | None) -> bool:
    """Whether a page's front matter leaves it in the search (``search: {exclude: true}`` does not)."""
    search = (meta or {}).get("search")
    return not (isinstance(search, Mapping) and search.get("exclude"))


def kind_of(item: AnyItem) -> str:
    """Its kind's label ("Webinar"), else what its section calls one item ("Veelgestelde vraag")."""
    return kind_label(item) or item.section.item_name


def date_of(item: AnyItem) -> str:
    """An event's first day with its weekday; a news item's or question's date."""
    return section_pages.of(item).search_date(item)


def record(url: str, title: str, html: str, item: AnyItem | None) -> SearchRecord:
    if item is None:
        return SearchRecord(url, title, html)
    return SearchRecord(url, item.title, html, kind_of(item), date_of(item))


def _meta(name: str, value: str) -> str:
    # One value per element, given in the attribute ("name:value"), so a comma cannot split it.
    return f'<span data-pagefind-ignore data-pagefind-meta="{name}:{html_text.escape(value)}"></span>'


def document(found: SearchRecord) -> str:
    """The HTML document Pagefind indexes for one record."""
    title = html_text.escape(found.title, quote=False)
    meta = "".join(_meta(name, value) for name, value in (("soort", found.kind), ("datum", found.date)) if value)
    return (f'<!DOCTYPE html>\n<html lang="{LANGUAGE}"><head><meta charset="utf-8"><title>{title}</title></head>'
            f"<body><main data-pagefind-body>{meta}\n<h1>{title}</h1>\n{found.html}\n</main></body></html>\n")
