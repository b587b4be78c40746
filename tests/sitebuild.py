"""Build the real site (or a copy of the project with changed content) with MkDocs, as `make build` does."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "docs", "hooks", "src", "overrides", "content")
EPOCH_2024_06_15 = "1718409600"


def _site_name() -> str:
    """The configuration's site_name, which pages, feeds and calendars name the site with."""
    line = next(line for line in (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
                if line.startswith("site_name:"))
    return line.partition(":")[2].strip()


SITE_NAME = _site_name()


def copy_project(dest: Path) -> Path:
    """A copy of everything a build reads, so a test can change content without touching ours."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, dest / part)
    return dest


def mkdocs_build(project: Path, site_dir: Path, epoch: str = EPOCH_2024_06_15, *, check: bool = True,
                 env: dict[str, str] | None = None, engine: str = "mkdocs"):
    """``engine``: "mkdocs" or "properdocs" (its drop-in fork; it reads the same mkdocs.yml)."""
    env = {**os.environ, **(env or {}), "SOURCE_DATE_EPOCH": epoch}
    command = Path(sys.executable).with_name(engine)
    result = subprocess.run([str(command), "build", "--strict", "--config-file", "mkdocs.yml",
                             "--site-dir", str(site_dir)], cwd=project, env=env, capture_output=True, text=True)
    if check and result.returncode != 0:
        raise AssertionError(f"{engine} build failed:\n{result.stdout}\n{result.stderr}")
    return result


def site_files(site: Path) -> dict[str, bytes]:
    """Every file of a built site by its site-relative path, for byte-for-byte comparisons."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}
