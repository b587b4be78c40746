"""ProperDocs (the maintained fork of MkDocs 1.6) is a tested engine: from the same mkdocs.yml,
hooks and overrides it writes the same site as MkDocs, byte for byte."""

from __future__ import annotations


import pytest

from .sitebuild import mkdocs_build, site_files

pytestmark = pytest.mark.site


def test_properdocs_builds_the_same_site_as_mkdocs(corpus_site, tmp_path):
    """The shared MkDocs build of the seed plus fixture corpus against one ProperDocs build of it."""
    mkdocs_build(corpus_site.project, tmp_path / "properdocs", engine="properdocs")
    by_mkdocs, by_properdocs = site_files(corpus_site.site), site_files(tmp_path / "properdocs")
    assert sum(name.endswith(".html") for name in by_mkdocs) > 50
    assert sum(name.endswith(".ics") for name in by_mkdocs) > 5  # written by our on_post_build hook
    assert sorted(by_properdocs) == sorted(by_mkdocs)
    differing = [name for name in by_mkdocs if by_mkdocs[name] != by_properdocs[name]]
    assert differing == [], f"{len(differing)} files differ, first: {differing[:5]}"

