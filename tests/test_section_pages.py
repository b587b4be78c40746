"""Each section is declared once (sto.content.sections) and described by one object
(sto.site.section_pages): every section has both, and what a section declares fits its model."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from sto.clock import AMSTERDAM
from sto.content.items import Content, Item
from sto.content.models import EVENT_KINDS, Event, FaqEntry, NewsItem
from sto.content.sections import AGENDA, FAQ, NEWS, SECTIONS
from sto.site import section_pages, structured_data
from sto.site.pages import description
from sto.site.search import date_of, kind_of

NOW = datetime(2024, 6, 15, 12, tzinfo=AMSTERDAM)


def test_every_section_has_its_pages_and_nothing_else_has():
    assert list(section_pages.PAGES) == list(SECTIONS)


@pytest.mark.parametrize("section", SECTIONS.values(), ids=list(SECTIONS))
def test_what_a_section_declares_fits_its_model(section):
    models = section.models()
    if section.kind_labels:  # every kind a model allows has its label, and no other
        allowed = {kind for model in models for kind in model.model_fields["kind"].annotation.__args__}
        assert set(section.kind_labels) == allowed and all(section.kind_labels.values())
    if section.dated:  # the publication date the published content is cut at
        assert all("date" in model.model_fields for model in models)
    if section.schema_type is not None:  # the JSON-LD made of it reads the fields of its type's model
        assert all(issubclass(model, structured_data.SCHEMA_TYPES[section.schema_type][0]) for model in models)
    assert section.item_name


def test_the_declared_facts():
    assert set(AGENDA.kind_labels) == set(EVENT_KINDS) and set(NEWS.kind_labels) == set(NEWS.kinds)
    assert (NEWS.schema_type, FAQ.schema_type, AGENDA.schema_type) == ("NewsArticle", None, "Event")
    assert (NEWS.dated, FAQ.dated, AGENDA.dated) == (True, True, False)


QUESTION = Item(FaqEntry(id="vraag-zonder-tekst", title="Mag dit?", topic="subsidie", date=date(2024, 6, 1)),
                "", "content/faq/vraag.md", "vraag")
EVENT = Item(Event(id="evenement-in-de-toekomst", title="Later", kind="overig", start=datetime(2025, 1, 8, 10)),
             "", "content/agenda/later.md", "later")
NEWS_ITEM = Item(NewsItem(id="bericht-van-juni", title="Bericht", date=date(2024, 6, 20), summary="Kort."),
                 "Kort. En meer.", "content/news/bericht.md", "bericht")


def test_each_section_describes_its_own_items():
    assert description(QUESTION) == "Antwoord op de veelgestelde vraag: Mag dit?"
    assert description(EVENT) == "Evenement op woensdag 8 januari 2025, 10.00 uur."
    assert description(NEWS_ITEM) == "Kort."
    assert [kind_of(i) for i in (QUESTION, EVENT, NEWS_ITEM)] == ["Veelgestelde vraag", "Evenement", "Nieuws"]
    assert [date_of(i) for i in (QUESTION, EVENT, NEWS_ITEM)] == ["1 juni 2024", "woensdag 8 januari 2025",
                                                                  "20 juni 2024"]
    assert [section_pages.of(i).lead_words(i) for i in (QUESTION, EVENT, NEWS_ITEM)] == [None, None, 1]


def test_only_a_dated_section_schedules_by_date():
    """News dated after "now" is scheduled; an event in the future is in the agenda already."""
    published = Content([QUESTION, EVENT, NEWS_ITEM]).published(NOW)
    assert [i.slug for i in published.items] == ["vraag", "later"]
