"""Both engines build this site: ProperDocs (the maintained fork of MkDocs 1.6, the default of
`make build`, `make serve`, CI and deploy) and MkDocs 1.6.1 itself (no longer developed, kept
working): from the same mkdocs.yml, hooks and overrides they write the same site, byte for byte."""

from __future__ import annotations


import pytest

from .sitebuild import ENGINE, assert_same_site, mkdocs_build

pytestmark = pytest.mark.site


def test_properdocs_is_the_default_engine():
    assert ENGINE == "properdocs"


def test_mkdocs_builds_the_same_site_as_properdocs(corpus_site, tmp_path):
    """The shared build of the seed plus fixture corpus (by the default engine) against one
    build of it by MkDocs."""
    mkdocs_build(corpus_site.project, tmp_path / "mkdocs", engine="mkdocs")
    by_default = assert_same_site(corpus_site.site, tmp_path / "mkdocs", pages_at_least=51)
    assert sum(name.endswith(".ics") for name in by_default) > 5  # written by our on_post_build hook
