"""Every address the build writes has one owner (sto.syndication.addresses); the whole build's
claims are checked by the hostile corpus (tests/test_hostile_corpus.py)."""

from __future__ import annotations

from sto.syndication.addresses import Claim, address_problems, made_by_the_build, shown_address


def test_two_claims_on_one_address_give_a_problem_at_the_editors_file_naming_the_other():
    page = Claim("agenda/volgen/index.html", made_by_the_build("de pagina", "agenda/volgen/index.html"))
    item = Claim("agenda/volgen/index.html", "content/agenda/volgen.md")
    problems = address_problems([page, Claim("agenda/index.html", "x"), item])
    assert [str(p) for p in problems] == [
        "content/agenda/volgen.md:1: het adres /agenda/volgen/ is ook van de pagina /agenda/volgen/ (maakt de site "
        "zelf); kies een andere naam voor het bestand of de map"]


def test_two_editors_files_each_get_a_problem_naming_the_other():
    problems = address_problems([Claim("nieuws/x/index.html", "content/news/x.md"),
                                 Claim("nieuws/x/index.html", "docs/nieuws/x.md")])
    assert sorted(p.path for p in problems) == ["content/news/x.md", "docs/nieuws/x.md"]
    assert "docs/nieuws/x.md" in problems[0].message and "content/news/x.md" in problems[1].message


def test_a_file_where_a_folder_must_be_is_a_problem_and_one_claim_twice_is_none():
    feed = Claim("feeds/rss.xml", made_by_the_build("de nieuwsfeed", "feeds/rss.xml"))
    problems = address_problems([feed, feed, Claim("feeds", "docs/feeds")])
    assert [str(p) for p in problems] == [
        "docs/feeds:1: op het adres /feeds moet een map staan voor de nieuwsfeed /feeds/rss.xml (maakt de site "
        "zelf); kies een andere naam voor het bestand of de map"]
    assert address_problems([feed, Claim("feeds/atom.xml", "y"), Claim("index.html", "z")]) == []


def test_an_address_is_shown_as_a_visitor_types_it():
    assert shown_address("agenda/volgen/index.html") == "/agenda/volgen/"
    assert shown_address("index.html") == "/"
    assert shown_address("agenda/agenda.ics") == "/agenda/agenda.ics"
