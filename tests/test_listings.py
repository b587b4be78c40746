"""Listings computed once per build, without MkDocs."""

from datetime import datetime

import pytest

from sto.clock import AMSTERDAM
from sto.site.listings import PAGE_SIZE, Listings, is_upcoming, page_size_from, paginate
from sto.content.loader import load_content

from . import factories
from .factories import FAQ

EPOCH_0615 = datetime(2024, 6, 15, 2, 0, tzinfo=AMSTERDAM)


def news(n, *, day, kind="nieuws", categories=("subsidie",), regions=()):
    return factories.news(n, title=f"Bericht {n}", date=day, summary="Kort.", kind=kind,
                          categories=list(categories), regions=list(regions))


EVENT_IDS = 3_000_000  # an event's id: its number after the news items' (a test may have news 1 and event 1)


def event(n, start, *, kind="webinar", end=None, recording=False, regions=()):
    fields: dict[str, object] = {"kind": kind, "regions": list(regions)}
    if end:
        fields["end"] = end
    if recording:
        fields["recording"] = {"url": "https://vimeo.com/123456"}
    return factories.event(EVENT_IDS + n, start, title=f"Evenement {n}", **fields)


def listings_of(tree, now=EPOCH_0615):
    return Listings.of(load_content(tree.content, tree.root), now)


def test_events_split_at_now_upcoming_soonest_first_past_most_recent_first(tree):
    tree.write("agenda/a.md", event(1, "2024-06-12 15:00"))
    tree.write("agenda/b.md", event(2, "2024-06-19 15:00"))
    tree.write("agenda/c.md", event(3, "2024-06-10 15:00"))
    tree.write("agenda/d.md", event(4, "2024-07-01 10:00"))
    listed = listings_of(tree)
    assert [e.slug for e in listed.upcoming] == ["b", "d"]
    assert [e.slug for e in listed.past] == ["a", "c"]
    later = listings_of(tree, datetime(2024, 6, 20, tzinfo=AMSTERDAM))
    assert [e.slug for e in later.past] == ["b", "a", "c"]


def test_an_event_stays_upcoming_until_it_ends(tree):
    tree.write("agenda/a.md", event(1, "2024-06-15 09:00", end="2024-06-15 17:00"))
    item = load_content(tree.content, tree.root).events[0]
    assert is_upcoming(item, datetime(2024, 6, 15, 12, tzinfo=AMSTERDAM))
    assert not is_upcoming(item, datetime(2024, 6, 15, 17, tzinfo=AMSTERDAM))


def test_archive_holds_only_past_webinars_with_a_recording_newest_first(tree):
    tree.write("agenda/old.md", event(1, "2024-05-01 15:00", recording=True))
    tree.write("agenda/new.md", event(2, "2024-06-01 15:00", recording=True))
    tree.write("agenda/no-recording.md", event(3, "2024-06-05 15:00"))
    tree.write("agenda/meeting.md", event(4, "2024-06-06 15:00", kind="bijeenkomst", recording=True))
    tree.write("agenda/future.md", event(5, "2024-07-01 15:00", recording=True))
    assert [e.slug for e in listings_of(tree).recordings] == ["new", "old"]


def test_news_order_categories_years_digizines_and_neighbours(tree):
    for n in range(1, 24):
        tree.write(f"news/n{n:02d}.md", news(n, day=f"2023-12-{n:02d}" if n < 4 else f"2024-01-{n:02d}",
                                           kind="digizine" if n % 10 == 0 else "nieuws"))
    listed = listings_of(tree)
    assert [i.slug for i in listed.news[:2]] == ["n23", "n22"]
    assert list(listed.by_year) == [2024, 2023] and len(listed.by_year[2023]) == 3
    assert [i.slug for i in listed.digizines] == ["n20", "n10"]
    assert len(listed.by_category["subsidie"]) == 23 and listed.by_category["techniekonderwijs"] == []
    newer, older = listed.neighbours[listed.news[1].id]
    assert (newer.slug, older.slug) == ("n23", "n21")
    assert listed.neighbours[listed.news[0].id][0] is None and listed.neighbours[listed.news[-1].id][1] is None


def test_pages_of_twenty_in_order_and_no_news_still_gives_one_empty_page():
    assert [len(p) for p in paginate(list(range(43)))] == [20, 20, 3]
    assert paginate(list(range(43)))[1][0] == 20
    assert [len(p) for p in paginate(list(range(40)))] == [20, 20]
    assert [len(p) for p in paginate(list(range(23)), 10)] == [10, 10, 3]
    assert paginate([], 10) == [[]]


@pytest.mark.parametrize("setting", [0, -3, "tien", 2.5, True, None])
def test_a_page_size_in_mkdocs_yml_must_be_a_whole_number_of_at_least_one(setting):
    with pytest.raises(ValueError, match="extra.listing_page_size"):
        page_size_from({"listing_page_size": setting})


def test_the_page_size_is_twenty_unless_mkdocs_yml_sets_one():
    assert page_size_from({}) == PAGE_SIZE == 20 and page_size_from({"listing_page_size": 10}) == 10


def test_regions_collect_news_and_events_and_every_known_region_has_a_listing(tree):
    tree.write("news/n.md", news(1, day="2024-06-01", regions=("gorinchem-en-altena",)))
    tree.write("agenda/a.md", event(1, "2024-06-19 15:00", regions=("gorinchem-en-altena",)))
    tree.write("agenda/b.md", event(2, "2024-06-01 15:00", regions=("gorinchem-en-altena",)))
    listed = listings_of(tree)
    region = listed.by_region["gorinchem-en-altena"]
    assert [i.slug for i in region.news] == ["n"]
    assert [i.slug for i in region.upcoming] == ["a"] and [i.slug for i in region.past] == ["b"]
    assert listed.by_region["caribisch-nederland"].news == []


def test_faq_grouped_by_topic_and_recent_first_on_home(tree):
    tree.write("faq/een.md", FAQ)
    listed = listings_of(tree)
    assert list(listed.faq_by_topic) == ["subsidie-en-begroting"]
    assert [i.slug for i in listed.home["faq"]] == ["een"]
