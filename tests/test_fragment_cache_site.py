"""The fragment cache changes nothing: the whole site is byte-identical with it and without it,
for the seed site and for the fixture corpus (item pages at several depths, every listing)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .sitebuild import ROOT, assert_same_site, corpus_project, mkdocs_build

pytestmark = pytest.mark.site

ON = {"STO_NO_FRAGMENT_CACHE": "0"}
OFF = {"STO_NO_FRAGMENT_CACHE": "1"}


def _assert_identical(project: Path, tmp_path: Path) -> None:
    mkdocs_build(project, tmp_path / "on", env=ON)
    mkdocs_build(project, tmp_path / "off", env=OFF)
    assert_same_site(tmp_path / "on", tmp_path / "off", pages_at_least=11)


def test_the_seed_site_is_byte_identical_with_and_without_the_cache(tmp_path):
    _assert_identical(ROOT, tmp_path)


def test_the_fixture_site_is_byte_identical_with_and_without_the_cache(tmp_path):
    _assert_identical(corpus_project(tmp_path / "project"), tmp_path)


def _summary(project: Path, site: Path, env: dict[str, str]) -> str:
    """The cache's own account of a build (logged at debug level in on_post_build)."""
    built = mkdocs_build(project, site, env=env, args=("--verbose",))
    return next(line for line in built.output.splitlines() if "fragment cache:" in line)


def test_the_cache_is_used_and_the_switch_turns_it_off(tmp_path):
    """So that the identity tests above compare a cached build with an uncached one."""
    project = corpus_project(tmp_path / "project")
    on = _summary(project, tmp_path / "on", ON)
    rendered, reused = (int(word) for word in on.split() if word.isdigit())
    assert reused > rendered > 0, on
    assert _summary(project, tmp_path / "off", OFF).endswith("fragment cache: off")
