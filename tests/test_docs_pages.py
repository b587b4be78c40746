"""The hand-written pages' settings and files (sto.content.docs_pages, svg_safety)."""

from __future__ import annotations

import os

import yaml

from sto.mkdocs.csp import SCRIPT_FILES
from hypothesis import given, settings
from hypothesis import strategies as st

from sto.content.docs_pages import PROJECT_ASSETS, TEMPLATES, DocsPage, file_refusal, page_settings, read_docs
from sto.content.svg_safety import svg_problems

from .sitebuild import ROOT


def test_the_project_assets_are_the_ones_mkdocs_yml_includes():
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    included = [entry["path"] if isinstance(entry, dict) else entry  # a script may carry options (defer)
                for entry in [*config["extra_css"], *config["extra_javascript"]]]
    loaded_later = [path for path in SCRIPT_FILES if (ROOT / "docs" / path).is_file()]  # the search dialog
    assert sorted([*included, *loaded_later]) == sorted(PROJECT_ASSETS)
    for asset in PROJECT_ASSETS:
        assert (ROOT / "docs" / asset).is_file()


def test_each_allowed_template_exists_in_our_overrides():
    for templates in TEMPLATES.values():
        for template in templates:
            assert (ROOT / "overrides" / template).is_file()


def test_one_reading_keeps_each_valid_page_with_its_body_and_links_for_the_reference_check(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_bytes(b"---\ntitle: A\n---\n\nZie [b](b.md) en ![foto](/media/f.png).\n")
    (docs / "b.md").write_bytes(b"# B\r\n\n[terug](/a/)\n")
    (docs / "c.md").write_bytes(b"---\ntitel: fout\n---\n\n[x](/x/)\n")
    found = read_docs(docs, tmp_path)
    assert found.pages == {
        "a.md": DocsPage("docs/a.md", "a.md", "\nZie [b](b.md) en ![foto](/media/f.png).\n", 4,
                         [("b.md", "link", 5), ("/media/f.png", "image", 5)]),
        "b.md": DocsPage("docs/b.md", "b.md", "# B\n\n[terug](/a/)\n", 1, [("/a/", "link", 3)])}
    assert set(found.settings) == {"a.md", "b.md"} and [p.path for p in found.problems] == ["docs/c.md"]


def test_settings_are_the_checked_values_with_the_title_escaped_once_and_typed_as_written():
    meta, problems = page_settings("docs/p.md", "p.md", b"---\ntitle: 'R&D <nieuw>'\nhide: [toc]\n---\n\nTekst.\n")
    assert problems == [] and meta == {"title": "R&amp;D &lt;nieuw&gt;", "hide": ["toc"]}
    meta, problems = page_settings("docs/p.md", "p.md", b"---\ntitle: 2024\ndescription: 1.0e3\n---\n")
    assert problems == [] and meta == {"title": "2024", "description": "1.0e3"}  # as typed, never a number
    assert page_settings("docs/p.md", "p.md", b"# Kop\n\nTekst.\n") == ({}, [])


def test_only_the_home_page_may_name_the_home_template():
    assert page_settings("docs/index.md", "index.md", b"---\ntemplate: sto/home.html\n---\n")[1] == []
    assert page_settings("docs/a/index.md", "a/index.md", b"---\ntemplate: sto/home.html\n---\n")[0] is None


def test_file_types():
    assert file_refusal("media/foto.JPG") is None
    assert file_refusal("downloads/handreiking.pdf") is None
    assert file_refusal("assets/sto.js") is None
    assert file_refusal("media/assets/sto.js") is not None
    assert file_refusal("media/pagina.html") is not None
    assert file_refusal("media/\nx.png") is not None


def test_a_plain_drawing_passes_and_its_local_references_too():
    drawing = (b'<?xml version="1.0"?>\n<!-- tekening -->\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 9 9">'
               b'<defs><clipPath id="c"><rect width="9" height="9"/></clipPath></defs>'
               b'<g clip-path="url(#c)"><path d="M0 0h9" stroke="#000"/></g></svg>')
    assert svg_problems("docs/a.svg", drawing) == []
    assert svg_problems("docs/a.svg", (ROOT / "tests/corpus/docs/afbeeldingen/test-poster.svg").read_bytes()) == []


CHECK = settings(max_examples=int(os.environ.get("STO_HYPOTHESIS_EXAMPLES", "150")), deadline=None)
FRONT = st.sampled_from(["---\n", "title: ", "template: ", "search:\n  exclude: ", "hide: [", "]\n", "{", "'", "\"",
                         "&a ", "*a", "!!python/name:x ", "\n", ": ", "- ", "# __config\n", "{: #x data-topic=y }"])


@CHECK
@given(raw=st.one_of(st.binary(max_size=300), st.lists(st.one_of(FRONT, st.text(max_size=8)), max_size=30).map(
    lambda parts: "".join(parts).encode("utf-8", "surrogatepass"))))
def test_a_page_never_raises_it_is_settings_or_problems_with_its_file(raw):
    meta, problems = page_settings("docs/p.md", "p.md", raw)
    assert (meta is None) == bool(problems)
    assert all(problem.path == "docs/p.md" and problem.line >= 1 and problem.message for problem in problems)
    if meta is not None:
        assert set(meta) <= {"title", "description", "template", "search", "hide"}


@CHECK
@given(raw=st.one_of(st.binary(max_size=300), st.text(max_size=300).map(lambda t: f"<svg {t}>".encode("utf-8",
                                                                                                    "surrogatepass"))))
def test_an_svg_never_raises(raw):
    for problem in svg_problems("docs/a.svg", raw):
        assert problem.path == "docs/a.svg" and problem.line >= 1
