"""The hostile docs/ corpus (tests/hostile_docs_corpus.py), built for real.

Every REFUSED case gives its Dutch ``path:line:`` problem from the loader, and a real
``mkdocs build`` refuses several at once (non-zero exit, no traceback, within seconds). The
NEUTRALISED pages are built into ONE site with the test corpus; every output is parsed (HTML with
lxml, the search index and sitemap as JSON and XML) and each title reads back as typed.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from lxml import html as lxml_html

from sto.content.loader import load_content

from .hostile_corpus import MARK
from .search_fragments import fragments
from .hostile_docs_corpus import NEUTRALISED, NEUTRALISED_DESCRIPTION, NEUTRALISED_TITLES, REFUSED
from .sitebuild import build_corpus, corpus_project
from .test_hostile_corpus import build_refused_together, markup_from_content, refused_lines


def test_the_corpus_has_at_least_twenty_cases_with_distinct_names():
    assert len(REFUSED) >= 20
    assert len({case.name for case in REFUSED}) == len(REFUSED)


@pytest.mark.parametrize("case", REFUSED, ids=lambda case: case.name)
def test_refused_case_gives_its_dutch_problem_with_file_and_line(tmp_path, case):
    lines = refused_lines(case, tmp_path)
    assert any(line.startswith(case.expected) for line in lines), lines


def test_the_real_docs_pages_and_the_corpus_files_pass(tmp_path):
    project = corpus_project(tmp_path / "project")
    load_content(project / "content", project)  # raises when any docs/ file of the project or corpus is refused


def test_a_real_build_refuses_one_case_of_each_class_at_once_without_a_traceback(tmp_path):
    project = corpus_project(tmp_path / "project")
    names = ("an HTML page in docs/", "a new script under docs/assets/", "script in an SVG", "Material's redirect page",
             "a subtitle Material prints raw in the navigation", "a heading that takes Material's configuration id",
             "a data-topic in a FAQ answer", "settings MkDocs reads without '---'")
    chosen = [case for case in REFUSED if case.name in names]
    assert len(chosen) == len(names)
    build_refused_together(chosen, project, tmp_path / "site", lambda path, n: path.replace(
        "pagina.", f"pagina-{n}.").replace("vraag.md", f"vraag-{n}.md"))


# ---- the neutralised pages, in one site ---------------------------------------------------------

def build_docs_site(base: Path) -> Path:
    """The test corpus with the NEUTRALISED docs pages and files, built; the site's folder."""
    return build_corpus(base, {f"docs/{relpath}": text for relpath, text in NEUTRALISED.items()}).site


@pytest.fixture(scope="module")
def docs_site(tmp_path_factory) -> Path:
    return build_docs_site(tmp_path_factory.mktemp("hostile-docs-site"))


def test_no_page_holds_markup_from_a_docs_page_and_each_title_reads_back_exactly(docs_site):
    pages = sorted(docs_site.rglob("*.html"))
    assert len(pages) > 30
    for path in pages:
        doc = lxml_html.fromstring(path.read_bytes())
        assert markup_from_content(doc) == [], path
        assert not doc.xpath("//meta[@http-equiv='refresh']"), path
    for url, title in NEUTRALISED_TITLES.items():
        doc = lxml_html.fromstring((docs_site / url / "index.html").read_bytes())
        assert doc.findtext(".//title").startswith(title + " - "), url  # <title>, where Material prints it raw
        for permalink in doc.xpath("//h1/a[@class='headerlink']"):
            permalink.drop_tree()
        assert " ".join(doc.xpath("string(//h1)").split()) == " ".join(title.split()), url
        header = doc.xpath("//*[@data-md-component='header-topic']")
        assert header and title in header[0].text_content(), url


def test_the_description_is_an_attribute_value_only(docs_site):
    doc = lxml_html.fromstring((docs_site / "hostile-pagina/index.html").read_bytes())
    assert doc.xpath("//meta[@name='description']/@content") == [NEUTRALISED_DESCRIPTION]
    assert doc.xpath("//meta[@property='og:description']/@content") == [NEUTRALISED_DESCRIPTION]
    assert not doc.xpath(f"//script[contains(., '{MARK}d3')]")


def test_the_search_index_holds_the_docs_titles_as_text(docs_site):
    """Pagefind keeps a page's title and text as plain text (the search dialog builds its results
    from text): each hostile title is there exactly as typed."""
    titles = {url: fragment["meta"]["title"] for url, fragment in fragments(docs_site).items()}
    for url, title in NEUTRALISED_TITLES.items():
        assert titles.get(url) == title, (url, titles.get(url))


def test_the_sitemap_parses_and_lists_the_docs_pages(docs_site):
    root = etree.parse(str(docs_site / "sitemap.xml"), etree.XMLParser(resolve_entities=False, no_network=True))
    locations = {e.text for e in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    assert {f"https://www.sterktechniekonderwijs.nl/{url}" for url in NEUTRALISED_TITLES} <= locations


def test_an_allowed_svg_is_published_as_written(docs_site):
    assert (docs_site / "media/tekening.svg").read_text(encoding="utf-8") == NEUTRALISED["media/tekening.svg"]
