"""A warm build (reusing .cache/sto from an earlier build) is byte-identical to a cold build of the
same project, file by file (pages, search index, sitemap, feeds, calendars), after each kind of
change: an item's title, date and body; its category; a vocabulary name; a template; the build's
"now". Each warm build must also have reused most pages and redone some (the cache's own count),
so the comparison cannot pass by the cache doing nothing."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from .sitebuild import EPOCH_2024_06_15, corpus_project, mkdocs_build, site_files

pytestmark = pytest.mark.site

NEWS = "content/news/fixture-paginering-03.md"
A_MONTH_LATER = str(int(EPOCH_2024_06_15) + 30 * 86400)  # 15 July 2024: July events are past then


def _build(project: Path, site: Path, cache: Path | None, epoch: str = EPOCH_2024_06_15) -> tuple[int, int]:
    """Build; returns (results reused, results made) from the cache's debug line."""
    env = {"STO_NO_BUILD_CACHE": "1"} if cache is None else {"STO_CACHE_DIR": str(cache)}
    log = mkdocs_build(project, site, epoch, env=env, args=("--verbose",)).output  # raises when it fails
    if cache is None:
        assert "build cache: off" in log
        return 0, 0
    found = re.search(r"build cache: (\d+) reused, (\d+) made", log)
    assert found, "the build did not report its cache"
    return int(found[1]), int(found[2])


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def _title_date_body(project: Path) -> None:
    _edit(project / NEWS, "title: 'Fixture: bericht 3 voor een tweede pagina'", "title: 'Fixture: bericht drie, herschreven'")
    _edit(project / NEWS, "date: '2023-03-03'", "date: '2024-06-01'")
    _edit(project / NEWS, "Tekst van bericht 3.", "Nieuwe tekst van bericht 3.")


def _category(project: Path) -> None:
    _edit(project / NEWS, "categories:\n- regionale-samenwerking", "categories:\n- techniekonderwijs")


def _vocabulary_name(project: Path) -> None:
    _edit(project / "content/data/categorieen.yml", "techniekonderwijs: Techniekonderwijs in de praktijk",
          "techniekonderwijs: Techniek in de klas")


def _template(project: Path) -> None:
    _edit(project / "overrides/partials/sto/news-teaser.html", "</article>", "</article><!-- sjabloon gewijzigd -->")


CHANGES = [("title, date and body", _title_date_body, EPOCH_2024_06_15, "Fixture: bericht drie, herschreven"),
           ("category", _category, EPOCH_2024_06_15, None),
           ("vocabulary name", _vocabulary_name, EPOCH_2024_06_15, "Techniek in de klas"),
           ("template", _template, EPOCH_2024_06_15, "sjabloon gewijzigd"),
           ("now", lambda project: None, A_MONTH_LATER, None)]


def test_warm_builds_are_byte_identical_to_cold_builds(tmp_path):
    project = corpus_project(tmp_path / "project")
    cache = tmp_path / "cache"
    reused, made = _build(project, tmp_path / "first", cache)
    assert reused == 0 and made > 100, "the first build starts without a cache"
    previous = site_files(tmp_path / "first")
    for name, change, epoch, shown in CHANGES:
        change(project)
        warm, cold = tmp_path / f"warm-{len(name)}", tmp_path / f"cold-{len(name)}"
        reused, made = _build(project, warm, cache, epoch)
        _build(project, cold, None, epoch)
        warm_files, cold_files = site_files(warm), site_files(cold)
        assert sorted(warm_files) == sorted(cold_files), name
        differing = [f for f in cold_files if warm_files[f] != cold_files[f]]
        assert differing == [], f"after a change of {name}, {len(differing)} files differ, first: {differing[:5]}"
        assert cold_files != previous, f"the change of {name} changed nothing in the site"
        if shown is not None:
            assert any(shown.encode() in data for data in cold_files.values()), name
        if name != "template":  # a template change redoes every page that includes it
            assert reused > made, f"after a change of {name} the warm build reused {reused} and redid {made}"
        previous = cold_files
        shutil.rmtree(warm)
        shutil.rmtree(cold)
