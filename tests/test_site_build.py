"""The corpus site (tests/corpus/), built by MkDocs through our hooks."""

from __future__ import annotations

from datetime import datetime

import pytest

import lxml.html

from sto.site.build import Build
from sto.clock import AMSTERDAM
from sto.content.loader import load_content

from .sitebuild import CORPUS, SITE_NAME, corpus_project, mkdocs_build

pytestmark = pytest.mark.site


def test_every_corpus_item_has_its_own_page(corpus_site):
    content = load_content(CORPUS / "content", CORPUS)
    assert len(content.news) == 20 and len(content.faq) == 7 and len(content.events) == 16
    published = Build.load(CORPUS, "", SITE_NAME, now=datetime(2024, 6, 15, 2, tzinfo=AMSTERDAM)).content
    assert len(published.items) == len(content.items) - 2  # a draft and a news item scheduled for July
    for item in published.items:
        page = lxml.html.parse(str(corpus_site.site / item.url / "index.html")).getroot()
        assert [h.text_content() for h in page.iter("h1")] == [item.title], item.url


def test_raw_html_in_a_body_is_shown_as_text(tmp_path):
    project = corpus_project(tmp_path / "project")
    faq = project / "content/faq/budget-na-2023-inzetten-in-2024.md"
    faq.write_text(faq.read_text(encoding="utf-8") + "\n<script>alert(1)</script>\n", encoding="utf-8")
    mkdocs_build(project, tmp_path / "site")
    page = (tmp_path / "site/veelgestelde-vragen/budget-na-2023-inzetten-in-2024/index.html").read_text()
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_malformed_files_fail_the_build_with_every_problem_and_no_traceback(tmp_path):
    project = corpus_project(tmp_path / "project")
    (project / "content/news/kapot.md").write_text("---\ntitle: [open\n---\n", encoding="utf-8")
    (project / "content/faq/zonder-onderwerp.md").write_text(
        "---\nid: 12345678-aaaa-4bbb-8ccc-000000000000\ntitle: Vraag?\ndate: 2024-06-01\n---\nAntwoord.\n",
        encoding="utf-8")
    (project / "content/agenda/verkeerd.md").write_text(
        "---\nid: 12345678-aaaa-4bbb-8ccc-000000000001\ntitle: T\nkind: webinar\nstart: 2024-06-31 15:00\n---\n",
        encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site", check=False)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    assert "De inhoud bevat 3 problemen; de site is niet gebouwd:" in output
    assert "content/agenda/verkeerd.md:5: start: '2024-06-31 15:00' is geen bestaande datum: juni 2024 heeft geen dag 31" in output
    assert "content/faq/zonder-onderwerp.md:1: topic: dit veld is verplicht maar ontbreekt" in output
    assert "content/news/kapot.md:2: fout in de opmaak van de gegevens bovenaan" in output
    assert not (tmp_path / "site").exists()


def test_a_file_name_that_takes_an_overview_address_fails_in_dutch(tmp_path):
    project = corpus_project(tmp_path / "project")
    source = project / "content/news/2024-06-handreiking-borgen-sto.md"
    (project / "content/news/digizine.md").write_text(
        source.read_text(encoding="utf-8").replace("f4c40fe2-1481-4791-89a7-aee9d597d826",
                                                   "f4c40fe2-1481-4791-89a7-aee9d597d999"), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site", check=False)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert "content/news/digizine.md:1: de bestandsnaam geeft het adres /nieuws/digizine/" in output


# A second hooks file for the test below: one page's template data gets a value the render cache
# has no fingerprint for (bytes), as a new field of a view would if nobody taught the cache it.
_UNDIGESTIBLE_HOOK = '''
from sto.site.views import Site

_context_for = Site.context_for


def context_for(self, src_uri, title, description):
    context = _context_for(self, src_uri, title, description)
    if src_uri == "agenda/index.md":
        context["extra"] = b"bytes"
    return context


Site.context_for = context_for
'''


def test_a_value_the_render_cache_cannot_digest_is_a_warning_naming_the_page_and_its_type(tmp_path):
    """Not a page silently rendered every time: the strict build fails and says which page and
    which type, and no other page of the corpus is named (the rest of the build is digestible)."""
    project = corpus_project(tmp_path / "project")
    (project / "hooks/undigestible.py").write_text(_UNDIGESTIBLE_HOOK, encoding="utf-8")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert "  - hooks/sto_hooks.py\n" in config
    (project / "mkdocs.yml").write_text(config.replace("  - hooks/sto_hooks.py\n",
                                                       "  - hooks/sto_hooks.py\n  - hooks/undigestible.py\n"))
    result = mkdocs_build(project, tmp_path / "site", check=False)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    warnings = [line for line in output.splitlines() if "the render cache cannot digest" in line]
    assert warnings == ["WARNING -  agenda/index.md: the render cache cannot digest this page's template data "
                        "(no fingerprint for builtins.bytes); the page is rendered every time"], output
