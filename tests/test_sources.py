"""sto.content.sources: which files a build reads, found with os.scandir. The walk must find
what os.walk and pathlib find, in pathlib's order, and report every symbolic link."""

from __future__ import annotations

import os
from pathlib import Path

from sto.content.sources import files_under, symlink_problems


def _pathlib_files(top: Path) -> list[Path]:
    """The walk as it was written before: os.walk, a stat per name, pathlib's sort."""
    found = []
    for directory, dirnames, filenames in os.walk(top):
        dirnames[:] = [d for d in dirnames if not (Path(directory) / d).is_symlink()]
        found += [Path(directory) / f for f in filenames if not (Path(directory) / f).is_symlink()]
    return sorted(found)


def _tree(root: Path) -> None:
    for name in ["docs/a/b.md", "docs/a-b/c.md", "docs/a.md", "docs/a b/d.md", "docs/A/e.md", "docs/.verborgen/f.md",
                 "docs/diep/x/y/z/g.md", "docs/assets/h.css", "docs/B.md", "buiten/geheim.env",
                 "buiten/map/i.md"]:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("x\n", encoding="utf-8")
    (root / "docs/link.md").symlink_to(root / "buiten/geheim.env")
    (root / "docs/a/map-link").symlink_to(root / "buiten/map", target_is_directory=True)
    (root / "docs/kapot.md").symlink_to(root / "bestaat-niet")
    os.mkfifo(root / "docs/a/fifo")  # neither a folder nor a link: os.walk lists it as a file


def test_files_under_finds_what_os_walk_finds_in_pathlib_order(tmp_path):
    _tree(tmp_path)
    expected = [p.relative_to(tmp_path).as_posix() for p in _pathlib_files(tmp_path / "docs")]
    assert files_under(tmp_path / "docs", tmp_path) == expected
    assert expected.index("docs/a/b.md") < expected.index("docs/a-b/c.md")  # part by part, not as strings
    assert "docs/a/fifo" in expected and not any("link" in p or "kapot" in p or "i.md" in p for p in expected)
    assert files_under(tmp_path, tmp_path)[:2] == ["buiten/geheim.env", "buiten/map/i.md"]
    assert files_under(tmp_path / "ontbreekt", tmp_path) == []


def test_every_symbolic_link_in_the_folders_read_is_a_problem_and_none_is_followed(tmp_path):
    _tree(tmp_path)
    (tmp_path / "content/news").mkdir(parents=True)
    (tmp_path / "content/news/elders").symlink_to(tmp_path / "buiten/map", target_is_directory=True)
    assert sorted(p.path for p in symlink_problems(tmp_path)) == [
        "content/news/elders", "docs/a/map-link", "docs/kapot.md", "docs/link.md"]
