"""Both engines build this site: ProperDocs (the maintained fork of MkDocs 1.6, the default of
`make build`, `make serve`, CI and deploy) and MkDocs 1.6.1 itself (no longer developed, kept
working): from the same mkdocs.yml, hooks and overrides they write the same site, byte for byte."""

from __future__ import annotations


import pytest

from .sitebuild import ENGINE, mkdocs_build, site_files

pytestmark = pytest.mark.site


def test_properdocs_is_the_default_engine():
    assert ENGINE == "properdocs"


def test_mkdocs_builds_the_same_site_as_properdocs(corpus_site, tmp_path):
    """The shared build of the seed plus fixture corpus (by the default engine) against one
    build of it by MkDocs."""
    mkdocs_build(corpus_site.project, tmp_path / "mkdocs", engine="mkdocs")
    by_default, by_mkdocs = site_files(corpus_site.site), site_files(tmp_path / "mkdocs")
    assert sum(name.endswith(".html") for name in by_default) > 50
    assert sum(name.endswith(".ics") for name in by_default) > 5  # written by our on_post_build hook
    assert sorted(by_mkdocs) == sorted(by_default)
    differing = [name for name in by_default if by_default[name] != by_mkdocs[name]]
    assert differing == [], f"{len(differing)} files differ, first: {differing[:5]}"
