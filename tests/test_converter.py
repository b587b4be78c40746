"""One Markdown converter per build (sto.mkdocs.converter) changes nothing: the site is byte-identical
with it and without it. (Its copy of ``Page.render`` is pinned to each engine's in
tests/test_engine_internals.py.)"""

from __future__ import annotations


import pytest

from sto.mkdocs.converter import DISABLE_VARIABLE

from .sitebuild import mkdocs_build, site_files


@pytest.mark.site
def test_the_site_is_byte_identical_with_one_converter_per_page(corpus_site, tmp_path):
    """The shared build (one converter) against MkDocs' own conversion, one converter per page."""
    mkdocs_build(corpus_site.project, tmp_path / "per-page", env={DISABLE_VARIABLE: "1"})
    shared, per_page = site_files(corpus_site.site), site_files(tmp_path / "per-page")
    assert sum(name.endswith(".html") for name in shared) > 50
    assert sorted(shared) == sorted(per_page)
    differing = [name for name in shared if shared[name] != per_page[name]]
    assert differing == [], f"{len(differing)} files differ, first: {differing[:5]}"
