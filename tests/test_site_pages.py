"""The generated pages' Markdown and each page's template context, without MkDocs."""

import html
from datetime import datetime

import pytest
import yaml
from hypothesis import example, given
from hypothesis import strategies as st

from sto.cache.fingerprint import value_digest
from sto.site.build import Build
from sto.clock import AMSTERDAM
from sto.site.pages import page_source
from sto.site.views import HomeView, Pagination, Site, page_window
from sto.syndication.writer import SUBSCRIBE_PAGE, subscribe_page

from .sitebuild import CORPUS, CORPUS_PAGE_SIZE, SITE_NAME
from .test_listings import EPOCH_0615, event, news


def _meta(markdown: str) -> dict:
    return yaml.safe_load(markdown.split("---\n")[1])


def corpus_model(day=15) -> Site:
    """The frozen corpus (tests/corpus/) as the public sees it on a day in June 2024."""
    build = Build.load(CORPUS, "https://www.example.nl/", SITE_NAME, now=datetime(2024, 6, day, 2, tzinfo=AMSTERDAM),
                       page_size=CORPUS_PAGE_SIZE)
    return Site.of(build)


def test_listing_pages_exist_none_is_searched_and_each_faq_question_is():
    site = corpus_model()
    sources = site.generated()
    for src in ("nieuws/index.md", "nieuws/digizine/index.md", "nieuws/jaar/2024/index.md",
                "nieuws/categorie/subsidie/index.md", "agenda/index.md", "agenda/terugblik-webinars/index.md",
                "veelgestelde-vragen/index.md", "regio/index.md", "regio/gorinchem-en-altena/index.md"):
        assert src in sources, src
    searched = {src for src, page in site.pages.items() if not _meta(page.markdown).get("search")}
    assert searched == set()  # Material would fold the FAQ page's questions under one result
    questions = [src for src in sources if src.startswith("veelgestelde-vragen/") and src != "veelgestelde-vragen/index.md"]
    assert len(questions) == 7
    for src in questions:
        assert "search" not in _meta(sources[src]), src


def test_faq_page_has_a_heading_with_a_fixed_anchor_per_question():
    site = corpus_model()
    body = site.pages["veelgestelde-vragen/index.md"].markdown
    for item in site.build.content.faq:
        assert f"{{#{item.slug} " in body
    assert body.index("## Regeling STO ") < body.index("## Subsidie en begroting")


def test_context_is_a_lookup_with_json_ld_and_open_graph():
    site = corpus_model()
    context = site.context_for("agenda/2024-06-19-sto-live-gorinchem-en-altena.md", "Webinar", "Omschrijving")
    assert context["item"].slug == "2024-06-19-sto-live-gorinchem-en-altena"
    assert [name for name, _ in context["trail"]] == ["Actueel", "Agenda", context["item"].title]
    assert '"@type":"Event"' in context["jsonld"][0] and '"@type":"BreadcrumbList"' in context["jsonld"][1]
    assert context["open_graph"]["og:url"] == "https://www.example.nl/agenda/2024-06-19-sto-live-gorinchem-en-altena/"
    home = site.context_for("index.md", "Actueel", "x")
    assert isinstance(home["view"], HomeView) and home["view"].faq  # the corpus has FAQ for the home page
    assert ['"@type":"Organization"' in home["jsonld"][0], '"@type":"WebSite"' in home["jsonld"][1]] == [True, True]
    unknown = site.context_for("agenda/2024-06-12-ecpb-programmas-en-maatwerktrajecten.md", "x", "x")
    assert [b for b in unknown["jsonld"] if '"@type":"Event"' in b] == []  # no location known: no Event


def test_split_moves_with_the_build_date():
    early, late = corpus_model(15).listings, corpus_model(20).listings
    assert [e.slug for e in early.upcoming][:2] == ["2024-06-19-sto-live-gorinchem-en-altena", "fixture-een-dag"]
    assert [e.slug for e in early.past][:1] == ["2024-06-12-ecpb-programmas-en-maatwerktrajecten"]
    assert len(early.upcoming) == 8 and len(early.past) == 8
    assert [e.slug for e in late.upcoming][:1] == ["fixture-een-dag"]
    assert [e.slug for e in late.past][:1] == ["2024-06-19-sto-live-gorinchem-en-altena"]
    assert len(late.upcoming) == 7 and len(late.past) == 9


def tree_site(tree) -> Site:
    build = Build.load(tree.root, "https://www.example.nl/", SITE_NAME, now=EPOCH_0615, page_size=10)
    return Site.of(build)


def _slugs(site: Site, src: str) -> list[str]:
    return [i.slug for i in site.pages[src].view.items]


def test_news_category_year_and_region_pages_have_ten_items_each_first_page_at_its_old_address(tree):
    for n in range(1, 24):  # 23 news: 13 in 2024, 10 in 2023; 11 of them in a region
        tree.write(f"news/n{n:02d}.md", news(n, day=f"2023-11-{n:02d}" if n <= 10 else f"2024-01-{n:02d}",
                                           regions=("caribisch-nederland",) if n % 2 else ()))
    site = tree_site(tree)
    pages = site.pages
    assert _slugs(site, "nieuws/index.md")[0] == "n23" and _slugs(site, "nieuws/pagina/3/index.md") == ["n03", "n02", "n01"]
    cases = {  # first page -> number of pages, items on the last page
        "nieuws/": (3, 3), "nieuws/categorie/subsidie/": (3, 3), "nieuws/jaar/2024/": (2, 3),
        "nieuws/jaar/2023/": (1, 10), "regio/caribisch-nederland/": (2, 2), "nieuws/categorie/techniekonderwijs/": (1, 0),
    }
    for first, (count, last) in cases.items():
        assert first + "index.md" in pages, first
        assert f"{first}pagina/{count}/index.md" in pages or count == 1
        assert f"{first}pagina/{count + 1}/index.md" not in pages and f"{first}pagina/1/index.md" not in pages
        last_src = f"{first}pagina/{count}/index.md" if count > 1 else first + "index.md"
        assert len(pages[last_src].view.items) == last, first
        assert pages[first + "index.md"].view.pagination.count == count
    assert [len(pages[f"nieuws/categorie/subsidie/{p}index.md"].view.items) for p in ("", "pagina/2/")] == [10, 10]
    assert _slugs(site, "nieuws/categorie/subsidie/pagina/2/index.md") == _slugs(site, "nieuws/pagina/2/index.md")
    assert _slugs(site, "regio/caribisch-nederland/pagina/2/index.md") == ["n03", "n01"]


@pytest.mark.parametrize(("number", "count", "expected"), [
    (1, 1, [1]),
    (1, 3, [1, 2, 3]),
    (1, 500, [1, 2, 3, None, 500]),
    (250, 500, [1, None, 248, 249, 250, 251, 252, None, 500]),
    (4, 500, [1, 2, 3, 4, 5, 6, None, 500]),
    (500, 500, [1, None, 498, 499, 500]),
])
def test_the_pagination_nav_links_a_bounded_window_of_pages(number, count, expected):
    assert page_window(number, count) == expected


def test_later_pages_are_titled_linked_excluded_from_search_and_trail_back_to_page_one(tree):
    for n in range(1, 12):
        tree.write(f"news/n{n:02d}.md", news(n, day=f"2024-01-{n:02d}"))
    site = tree_site(tree)
    second = site.pages["nieuws/categorie/subsidie/pagina/2/index.md"]
    assert _meta(second.markdown)["title"] == "Nieuws over Subsidie – pagina 2 van 2"
    assert _meta(second.markdown)["search"] == {"exclude": True}
    assert _meta(site.pages["nieuws/pagina/2/index.md"].markdown)["title"] == "Nieuws – pagina 2 van 2"
    assert _meta(site.pages["nieuws/jaar/2024/index.md"].markdown)["title"] == "Nieuws uit 2024"
    assert second.view.pagination == Pagination(
        number=2, count=2, pages=[(1, "nieuws/categorie/subsidie/"), (2, "nieuws/categorie/subsidie/pagina/2/")],
        previous="nieuws/categorie/subsidie/", next=None)
    assert site.pages["nieuws/categorie/subsidie/index.md"].view.pagination.next == "nieuws/categorie/subsidie/pagina/2/"
    trail = site.context_for("nieuws/categorie/subsidie/pagina/2/index.md", "Nieuws over Subsidie – pagina 2 van 2", "")["trail"]
    assert trail == [("Actueel", ""), ("Nieuws", "nieuws/"), ("Nieuws over Subsidie", "nieuws/categorie/subsidie/"),
                     ("Nieuws over Subsidie – pagina 2 van 2", "nieuws/categorie/subsidie/pagina/2/")]
    assert [n for n, _ in site.context_for("nieuws/pagina/2/index.md", "Nieuws – pagina 2 van 2", "")["trail"]] == [
        "Actueel", "Nieuws", "Nieuws – pagina 2 van 2"]


def test_region_agenda_stays_on_the_first_page_with_the_most_recent_past_events(tree):
    for n in range(1, 13):
        tree.write(f"news/n{n:02d}.md", news(n, day=f"2024-01-{n:02d}", regions=("gorinchem-en-altena",)))
        tree.write(f"agenda/p{n:02d}.md", event(n, f"2024-05-{n:02d} 15:00", regions=("gorinchem-en-altena",)))
    tree.write("agenda/komt.md", event(99, "2024-07-01 15:00", regions=("gorinchem-en-altena",)))
    site = tree_site(tree)
    first = site.pages["regio/gorinchem-en-altena/index.md"].view
    second = site.pages["regio/gorinchem-en-altena/pagina/2/index.md"].view
    assert [e.slug for e in first.upcoming] == ["komt"] and first.region == "gorinchem-en-altena"
    assert [e.slug for e in first.past] == ["p12", "p11", "p10", "p09", "p08"] and first.more_past
    assert len(first.items) == 10 and [i.slug for i in second.items] == ["n02", "n01"]
    assert (second.region, second.upcoming, second.past, second.more_past) == (None, [], [], False)
    assert _meta(site.pages["regio/gorinchem-en-altena/pagina/2/index.md"].markdown)["title"] == (
        "Regio Gorinchem en Altena – pagina 2 van 2")
    assert not site.pages["regio/caribisch-nederland/index.md"].view.more_past


def test_item_pages_get_names_links_and_upcoming_from_the_view(tree):
    """Templates neither look up vocabularies nor compare times: the item's view has them."""
    tree.write("news/a.md", news(1, day="2024-06-03", categories=("subsidie",), regions=("caribisch-nederland",)))
    tree.write("agenda/later.md", event(2, "2024-06-19 15:00", regions=("gorinchem-en-altena",)))
    tree.write("agenda/eerder.md", event(3, "2024-06-12 15:00"))
    site = tree_site(tree)
    news_view = site.context_for("nieuws/a.md", "", "")["view"]
    assert news_view.categories == [("Subsidie", "nieuws/categorie/subsidie/")]
    assert news_view.regions == [("Caribisch Nederland", "regio/caribisch-nederland/")]
    later = site.context_for("agenda/later.md", "", "")["view"]
    assert later.upcoming is True and later.regions == [("Gorinchem en Altena", "regio/gorinchem-en-altena/")]
    assert site.context_for("agenda/eerder.md", "", "")["view"].upcoming is False


_TEXT = st.text(alphabet=st.sampled_from("ab :#'\"-?!&*|>{}[],%@`\\\n\té\u2028\u00a0\U0001F469 "), max_size=40)
_META = st.fixed_dictionaries({}, optional={
    "title": _TEXT, "template": _TEXT, "description": _TEXT, "feed_category": _TEXT, "hide": st.lists(_TEXT, max_size=3),
    "search": st.dictionaries(st.sampled_from(["exclude", "boost"]), st.booleans() | _TEXT, max_size=2)})


@given(meta=_META)
@example(meta={"title": "", "hide": [], "search": {}})
@example(meta={"title": "yes", "description": "null", "template": "- a: b", "search": {"exclude": True}})
def test_a_pages_front_matter_is_what_yaml_dump_writes(meta):
    """page_source builds the YAML node itself; libyaml's emitter must write what yaml.dump writes."""
    escaped = {**meta, "title": html.escape(meta["title"], quote=False)} if "title" in meta else meta
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    header = yaml.dump(escaped, Dumper=dumper, allow_unicode=True, sort_keys=True, width=10_000)
    assert page_source(meta, " Tekst\n") == f"---\n{header}---\n\nTekst\n"


def test_every_pages_template_data_in_the_corpus_has_a_fingerprint():
    """The render cache stores a page only when it can digest what the page's template gets
    (sto.cache.fingerprint); every page of the corpus can, each with a digest of its own."""
    site = corpus_model()
    site.pages[SUBSCRIBE_PAGE] = subscribe_page(site.build)  # as the hooks add it
    pages = [*site.generated(), "index.md", "privacy.md"]  # privacy.md: a hand-written page (docs/), no view
    digests = {value_digest(site.context_for(src, "Titel", "Omschrijving")) for src in pages}
    assert len(digests) == len(pages) == len(site.build.content.items) + len(site.pages) + 2
