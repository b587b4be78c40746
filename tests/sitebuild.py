"""Build a site with MkDocs, as `make build` does: the real project, or a copy of its code with
the frozen test corpus (tests/corpus/) as its content.

Exact facts (counts, order, which item is first, feed entries, pagination) are asserted only on
the corpus, so that an editor's ordinary pull request to content/ never breaks a test; the real
content is checked by invariants (tests/test_content_invariants.py).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from sto.site.listings import PAGE_SIZE_SETTING

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"  # content/ (items and vocabularies) and docs/ (files it links to)
CODE_PARTS = ("mkdocs.yml", "docs", "hooks", "src", "overrides")
EPOCH_2024_06_15 = "1718409600"


def _default_engine() -> str:
    """The engine `make build` and `make serve` run (the Makefile's ``ENGINE ?=``): one place decides."""
    line = next(line for line in (ROOT / "Makefile").read_text(encoding="utf-8").splitlines()
                if line.startswith("ENGINE ") and "?=" in line)
    return line.partition("?=")[2].strip()


ENGINE = _default_engine()  # "properdocs"; MkDocs stays tested (test_properdocs.py, test_quiet_log.py)


def engine_command(engine: str = ENGINE) -> Path:
    """The engine's command in this environment (.venv/bin/properdocs or .venv/bin/mkdocs)."""
    return Path(sys.executable).with_name(engine)


def _copy(source: Path, dest: Path) -> None:
    if source.is_dir():
        shutil.copytree(source, dest, ignore=shutil.ignore_patterns("__pycache__"), dirs_exist_ok=True)
    else:
        shutil.copy2(source, dest)


def _site_name() -> str:
    """The configuration's site_name, which pages, feeds and calendars name the site with."""
    line = next(line for line in (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
                if line.startswith("site_name:"))
    return line.partition(":")[2].strip()


SITE_NAME = _site_name()


def copy_project(dest: Path) -> Path:
    """A copy of everything a build reads, with the real content/, so a test can change it."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in (*CODE_PARTS, "content"):
        _copy(ROOT / part, dest / part)
    return dest


CORPUS_PAGE_SIZE = 10  # the corpus is small: pages of 10 give every listing a second page


def corpus_project(dest: Path) -> Path:
    """A copy of the project's code with the frozen corpus as its content (and its files in docs/),
    its listings paginated by CORPUS_PAGE_SIZE."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in CODE_PARTS:
        _copy(ROOT / part, dest / part)
    config = (dest / "mkdocs.yml").read_text(encoding="utf-8")
    assert "\nextra:\n" in config
    config = config.replace("\nextra:\n", f"\nextra:\n  {PAGE_SIZE_SETTING}: {CORPUS_PAGE_SIZE}\n", 1)
    (dest / "mkdocs.yml").write_text(config, encoding="utf-8")
    _copy(CORPUS / "content", dest / "content")
    _copy(CORPUS / "docs", dest / "docs")
    return dest


def mkdocs_build(project: Path, site_dir: Path, epoch: str = EPOCH_2024_06_15, *, check: bool = True,
                 env: dict[str, str] | None = None, engine: str = ENGINE):
    """``engine``: "properdocs" (the default) or "mkdocs" (the engine it forked; the same mkdocs.yml)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {}), "SOURCE_DATE_EPOCH": epoch}
    command = engine_command(engine)
    result = subprocess.run([str(command), "build", "--strict", "--config-file", "mkdocs.yml",
                             "--site-dir", str(site_dir)], cwd=project, env=env, capture_output=True, text=True)
    if check and result.returncode != 0:
        raise AssertionError(f"{engine} build failed:\n{result.stdout}\n{result.stderr}")
    return result


def site_files(site: Path) -> dict[str, bytes]:
    """Every file of a built site by its site-relative path, for byte-for-byte comparisons."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def engine_source_digests(engine: str) -> dict[str, str]:
    """``sto.mkdocs.engine_internals.installed_digests`` of the engine ("mkdocs" or "properdocs") as
    installed. A subprocess: importing ProperDocs redirects every later ``import mkdocs`` in the process."""
    script = ("import json; from sto.mkdocs.engine_internals import installed_digests; "
              f"print(json.dumps(installed_digests({engine!r})))")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return dict(json.loads(result.stdout))
