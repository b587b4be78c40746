"""Build a site as `make build` does, with either engine: the real project, or a copy of its code
with the frozen test corpus (tests/corpus/) as its content. The one way tests build a site:
``mkdocs_build`` (a project, with any engine) and ``build_corpus`` (the corpus plus a test's own
files), both giving a ``BuiltSite``.

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
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import html as lxml_html

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


def write_files(project: Path, files: Mapping[str, str | bytes]) -> None:
    """Write each file (a path under the project root -> its text or bytes), making its folders."""
    for relpath, text in files.items():
        path = project / relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")


def corpus_project(dest: Path, files: Mapping[str, str | bytes] | None = None) -> Path:
    """A copy of the project's code with the frozen corpus as its content (and its files in docs/),
    its listings paginated by CORPUS_PAGE_SIZE; ``files`` (path under the root -> text) added or
    replaced."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in CODE_PARTS:
        _copy(ROOT / part, dest / part)
    config = (dest / "mkdocs.yml").read_text(encoding="utf-8")
    assert "\nextra:\n" in config
    config = config.replace("\nextra:\n", f"\nextra:\n  {PAGE_SIZE_SETTING}: {CORPUS_PAGE_SIZE}\n", 1)
    (dest / "mkdocs.yml").write_text(config, encoding="utf-8")
    _copy(CORPUS / "content", dest / "content")
    _copy(CORPUS / "docs", dest / "docs")
    write_files(dest, files or {})
    return dest


SITE_URL = "https://www.sterktechniekonderwijs.nl/"


@dataclass
class BuiltSite:
    """A built site (``site``, from ``project`` as of ``epoch``) and, when a test built it, the
    engine's run (``returncode``, ``stdout``, ``stderr``, as subprocess gives them)."""

    project: Path
    site: Path
    epoch: str = EPOCH_2024_06_15  # the build's SOURCE_DATE_EPOCH
    site_url: str = SITE_URL
    run: subprocess.CompletedProcess[str] | None = None

    def _engine_run(self) -> subprocess.CompletedProcess[str]:
        assert self.run is not None, "this site was not built by a test"
        return self.run

    @property
    def returncode(self) -> int:
        return self._engine_run().returncode

    @property
    def stdout(self) -> str:
        return self._engine_run().stdout

    @property
    def stderr(self) -> str:
        return self._engine_run().stderr

    @property
    def output(self) -> str:
        """What the build printed, stdout then stderr."""
        return self.stdout + self.stderr

    def files(self, *suffixes: str) -> list[Path]:
        return sorted(p for p in self.site.rglob("*") if p.is_file() and p.suffix in suffixes)

    @cached_property
    def html_files(self) -> list[Path]:
        return self.files(".html")

    def url_of(self, path: Path) -> str:
        """The public URL of a file in the site dir (directory URLs for index.html)."""
        rel = path.relative_to(self.site).as_posix()
        if rel == "index.html":
            rel = ""
        elif rel.endswith("/index.html"):
            rel = rel.removesuffix("index.html")
        return self.site_url + rel

    def parse_html(self, path: Path):
        return lxml_html.fromstring(path.read_bytes())

    def target_of(self, url: str) -> Path | None:
        """The file a URL on this site is served from, or None when it is not on this site."""
        parts = urlsplit(url)
        base = urlsplit(self.site_url)
        if (parts.scheme, parts.netloc) != (base.scheme, base.netloc) or not parts.path.startswith(base.path):
            return None
        rel = unquote(parts.path[len(base.path):])
        candidate = self.site / rel
        if rel == "" or rel.endswith("/") or candidate.is_dir():
            candidate = candidate / "index.html"
        return candidate

    @cached_property
    def anchors(self) -> dict[Path, set[str]]:
        """Every id (and legacy name=) per HTML file, parsed once."""
        found = {}
        for path in self.html_files:
            doc = self.parse_html(path)
            found[path] = set(doc.xpath("//@id")) | set(doc.xpath("//a/@name"))
        return found


def build_environment(epoch: str = EPOCH_2024_06_15, env: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment of a build or preview in a test: this process's, without the variables that
    steer a build (STO_*, GITHUB_ACTIONS), so a test builds the same in CI as on a laptop unless it
    sets them in ``env``; "now" is ``epoch``."""
    inherited = {k: v for k, v in os.environ.items() if not k.startswith("STO_") and k != "GITHUB_ACTIONS"}
    return {**inherited, "NO_MKDOCS_2_WARNING": "1", **(env or {}), "SOURCE_DATE_EPOCH": epoch}


def mkdocs_build(project: Path, site_dir: Path, epoch: str = EPOCH_2024_06_15, *, check: bool = True,
                 env: Mapping[str, str] | None = None, engine: str = ENGINE, args: Sequence[str] = ()) -> BuiltSite:
    """``engine build --strict`` of ``project`` into ``site_dir``, as `make build` runs it; raises
    with the output when it fails and ``check``. ``engine``: "properdocs" (the default) or "mkdocs"
    (the engine it forked; the same mkdocs.yml); ``args``: more command-line options."""
    command = engine_command(engine)
    run = subprocess.run([str(command), "build", "--strict", *args, "--config-file", "mkdocs.yml",
                          "--site-dir", str(site_dir)], cwd=project, env=build_environment(epoch, env),
                         capture_output=True, text=True)
    if check and run.returncode != 0:
        raise AssertionError(f"{engine} build failed:\n{run.stdout}\n{run.stderr}")
    return BuiltSite(project, site_dir, epoch, run=run)


def build_corpus(base: Path, files: Mapping[str, str | bytes] | None = None, epoch: str = EPOCH_2024_06_15,
                 **options) -> BuiltSite:
    """The corpus with ``files`` (path under the project root -> text) added, copied to
    ``base``/project and built into ``base``/site; ``options`` as ``mkdocs_build``'s."""
    return mkdocs_build(corpus_project(base / "project", files), base / "site", epoch, **options)


def site_files(site: Path) -> dict[str, bytes]:
    """Every file of a built site by its site-relative path, for byte-for-byte comparisons."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def assert_same_site(site: Path, other: Path, *, pages_at_least: int, what: str = "") -> dict[str, bytes]:
    """Two built sites hold the same files, byte for byte (and ``site`` at least ``pages_at_least``
    HTML pages, so that two empty builds do not pass); ``site``'s files, for further checks."""
    ours, theirs = site_files(site), site_files(other)
    assert sum(name.endswith(".html") for name in ours) >= pages_at_least
    assert sorted(ours) == sorted(theirs)
    differing = [name for name in ours if ours[name] != theirs[name]]
    assert differing == [], f"{what}{len(differing)} files differ, first: {differing[:5]}"
    return ours


def engine_source_digests(engine: str) -> dict[str, str]:
    """``sto.mkdocs.engine_internals.installed_digests`` of the engine ("mkdocs" or "properdocs") as
    installed. A subprocess: importing ProperDocs redirects every later ``import mkdocs`` in the process."""
    script = ("import json; from sto.mkdocs.engine_internals import installed_digests; "
              f"print(json.dumps(installed_digests({engine!r})))")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return dict(json.loads(result.stdout))
