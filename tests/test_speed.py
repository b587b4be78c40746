"""Everything that only makes a build faster sits behind one door (sto.mkdocs.speed), with one
switch that turns all of it off: the site is byte-identical without it."""

from __future__ import annotations

import pytest

from sto.mkdocs.fragment_cache import DISABLE_VARIABLE as NO_FRAGMENTS
from sto.mkdocs.incremental import PreviewResults
from sto.mkdocs.speed import PLAIN_VARIABLE, Speed

from .sitebuild import ROOT, assert_same_site, mkdocs_build


class _Env:
    def __init__(self):
        self.auto_reload = True
        self.bytecode_cache = None


@pytest.mark.parametrize("command", ["build", "serve"])
def test_the_plain_switch_turns_every_part_off(command, tmp_path):
    preview = PreviewResults() if command == "serve" else None
    fast = Speed.start(ROOT, "https://example.org/", command=command, preview=preview,
                       environ={"STO_CACHE_DIR": str(tmp_path / "cache")})
    plain = Speed.start(ROOT, "https://example.org/", command=command, preview=preview,
                        environ={PLAIN_VARIABLE: "1", "STO_CACHE_DIR": str(tmp_path / "cache")})
    fast_env, plain_env = _Env(), _Env()
    assert fast.incremental.enabled and fast.markdown is not None and fast.item_memory() is not None
    assert fast.prepare_templates(fast_env).enabled and fast_env.auto_reload is False
    assert fast_env.bytecode_cache is not None
    assert not plain.incremental.enabled and plain.markdown is None and plain.item_memory() is None
    assert not plain.prepare_templates(plain_env).enabled and plain_env.auto_reload is True
    assert plain_env.bytecode_cache is None and plain.search_reuse() is None


def test_a_finer_switch_still_turns_its_part_off():
    speed = Speed.start(ROOT, "", command="build", preview=None, environ={NO_FRAGMENTS: "1", "STO_NO_BUILD_CACHE": "1"})
    assert not speed.prepare_templates(_Env()).enabled and not speed.incremental.enabled
    assert speed.markdown is not None  # the others stay on


@pytest.mark.site
def test_a_plain_build_is_byte_identical(corpus_site, tmp_path):
    """The corpus built with every speed part (build cache, shared converter, fragment cache, page
    workers, stored pages) against a build with none."""
    mkdocs_build(corpus_site.project, tmp_path / "plain", env={PLAIN_VARIABLE: "1"})
    assert_same_site(corpus_site.site, tmp_path / "plain", pages_at_least=51)
