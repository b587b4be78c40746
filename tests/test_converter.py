"""One Markdown converter per build (sto.mkdocs.converter) changes nothing: the site is byte-identical
with it and without it. (Its copy of ``Page.render`` is pinned to each engine's in
tests/test_engine_internals.py.)"""

from __future__ import annotations


import pytest

from sto.mkdocs.converter import DISABLE_VARIABLE

from .sitebuild import assert_same_site, mkdocs_build


@pytest.mark.site
def test_the_site_is_byte_identical_with_one_converter_per_page(corpus_site, tmp_path):
    """The shared build (one converter) against MkDocs' own conversion, one converter per page."""
    mkdocs_build(corpus_site.project, tmp_path / "per-page", env={DISABLE_VARIABLE: "1"})
    assert_same_site(corpus_site.site, tmp_path / "per-page", pages_at_least=51)
