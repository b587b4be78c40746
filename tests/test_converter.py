"""One Markdown converter per build (sto.mkdocs.converter) changes nothing: the site is byte-identical
with it and without it, and its copy of ``Page.render`` still matches each engine's."""

from __future__ import annotations


import pytest

from sto.mkdocs.converter import DISABLE_VARIABLE, RENDER_SOURCES

from .sitebuild import engine_source_digest, mkdocs_build, site_files


@pytest.mark.parametrize("engine", sorted(RENDER_SOURCES))
def test_the_copy_of_page_render_follows_the_installed_engine(engine):
    """A new MkDocs or ProperDocs release that changes ``Page.render`` fails here: read the change,
    bring sto/mkdocs/converter.py in line and record the new digest."""
    found = engine_source_digest(engine, "structure.pages", "Page.render")
    assert found == RENDER_SOURCES[engine], f"{engine}'s Page.render changed: see sto/mkdocs/converter.py"


@pytest.mark.site
def test_the_site_is_byte_identical_with_one_converter_per_page(corpus_site, tmp_path):
    """The shared build (one converter) against MkDocs' own conversion, one converter per page."""
    mkdocs_build(corpus_site.project, tmp_path / "per-page", env={DISABLE_VARIABLE: "1"})
    shared, per_page = site_files(corpus_site.site), site_files(tmp_path / "per-page")
    assert sum(name.endswith(".html") for name in shared) > 50
    assert sorted(shared) == sorted(per_page)
    differing = [name for name in shared if shared[name] != per_page[name]]
    assert differing == [], f"{len(differing)} files differ, first: {differing[:5]}"
