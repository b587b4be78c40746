"""The site's sections (news, FAQ, agenda): everything about each, said once.

A section is where its files live under content/, the model its front matter validates
against, where its items' pages and its overview page live, the Dutch name its trail and
overview show, the template of an item page, the label of each kind of item, the schema.org
type of its pages, whether its items carry a publication date, and the kinds of file ``make new``
writes into it. Every layer asks here instead of keeping its own table: the loader (folder,
model), items (address, publication), pages (template, search), views (trail), structured data
(type), the scaffold (new files). How a section's pages describe an item (description, search
text, view, sitemap date) is ``sto.site.section_pages``, one object per section, keyed by ``key``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Generic, TypeVar

from sto.content.models import ContentModel, Digizine, Event, FaqEntry, Handreiking, NewsItem
from sto.content.placeholders import SCAFFOLD_BODIES

M = TypeVar("M", bound=ContentModel)


@dataclass(frozen=True)
class NewFile:
    """One kind of file ``make new`` writes: its model, how the CLI names it, its placeholder body."""

    model: type[ContentModel]
    what: str  # in Dutch, as the guide and the CLI name it
    body: str  # placeholder text below the front matter
    dated_name: bool = True  # the file name starts with the date


@dataclass(frozen=True, eq=False)
class Section(Generic[M]):
    key: str  # its name in code: news, faq, agenda
    folder: str  # under content/
    url: str  # site-relative: its overview page, and the folder its items' pages live in
    name: str  # Dutch: its overview page's title and its place in every trail
    template: str  # an item page's template (overrides/)
    model: type[M]  # every item's front matter is one of these
    item_name: str  # Dutch, one item ("Veelgestelde vraag"): what search calls an item without a kind label
    # `kind:` value -> model, where the kind picks the model (news); else empty (one model).
    kinds: Mapping[str, type[M]] = field(default_factory=dict)
    # `kind:` value -> its label on pages, in search and calendars ("Webinar"); empty: no kinds (FAQ).
    kind_labels: Mapping[str, str] = field(default_factory=dict)
    schema_type: str | None = None  # an item page's schema.org type (JSON-LD; NewsArticle: an article)
    dated: bool = True  # its items carry a publication date (``date``): a future one is scheduled
    searched: bool = True  # whether an item's own page is in the search index
    body_required: bool = False  # the body is the answer (FAQ): a file without one is a problem
    new_files: Mapping[str, NewFile] = field(default_factory=dict)

    def item_url(self, slug: str) -> str:
        """An item's page, a directory URL: ``nieuws/<file name>/``."""
        return f"{self.url}{slug}/"

    def models(self) -> tuple[type[M], ...]:
        return (self.model, *self.kinds.values())

    def kind_label(self, data: ContentModel) -> str:
        """The label of an item's kind ("Digizine", "Webinar"); "" in a section without kinds."""
        return self.kind_labels.get(getattr(data, "kind", ""), "") if self.kind_labels else ""


NEWS: Section[NewsItem] = Section(
    "news", "news", "nieuws/", "Nieuws", "sto/news-item.html", NewsItem, "Nieuwsbericht",
    kinds={"nieuws": NewsItem, "digizine": Digizine, "handreiking": Handreiking},
    kind_labels={"nieuws": "Nieuws", "digizine": "Digizine", "handreiking": "Handreiking"},
    schema_type="NewsArticle",
    new_files={
        "nieuws": NewFile(NewsItem, "nieuwsbericht", SCAFFOLD_BODIES["nieuws"]),
        "digizine": NewFile(Digizine, "digizine", SCAFFOLD_BODIES["digizine"]),
        "handreiking": NewFile(Handreiking, "handreiking", SCAFFOLD_BODIES["handreiking"]),
    })
FAQ: Section[FaqEntry] = Section(
    "faq", "faq", "veelgestelde-vragen/", "Veelgestelde vragen", "sto/faq-item.html", FaqEntry, "Veelgestelde vraag",
    # Each question is searched on its own page: a result of its own, with the question as its
    # title. (Material folds the sections of one page under one result, so the FAQ page, where
    # all questions stand, is the one left out of the index: views.listing_pages.)
    body_required=True,
    new_files={"faq": NewFile(FaqEntry, "veelgestelde vraag", SCAFFOLD_BODIES["faq"],
                              dated_name=False)})
AGENDA: Section[Event] = Section(
    "agenda", "agenda", "agenda/", "Agenda", "sto/event.html", Event, "Evenement",
    kind_labels={"webinar": "Webinar", "bijeenkomst": "Bijeenkomst", "conferentie": "Conferentie",
                 "training": "Training", "overig": "Evenement"},
    schema_type="Event",
    dated=False,  # an event is in the agenda from the start: it has no publication date
    new_files={"evenement": NewFile(Event, "evenement (ook een webinar)", SCAFFOLD_BODIES["evenement"])})

# In this order the loader reads the folders (and reports their problems).
SECTIONS: Mapping[str, Section[Any]] = MappingProxyType({section.key: section for section in (NEWS, FAQ, AGENDA)})

_BY_MODEL: Mapping[type[ContentModel], Section[Any]] = MappingProxyType({
    model: section for section in SECTIONS.values() for model in section.models()})


def section_of(data: ContentModel) -> Section[Any]:
    """The section an item's validated front matter belongs to (a dict lookup by its class)."""
    return _BY_MODEL[type(data)]
