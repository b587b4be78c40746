"""Quiet, Dutch terminal output (sto.mkdocs.quiet_log): MkDocs' English INFO lines are said in
Dutch or dropped; warnings stay; and a real build prints no English before the problems."""

from __future__ import annotations

import logging

import pytest
import yaml

from sto.mkdocs.quiet_log import QuietDutch

from .sitebuild import ROOT, corpus_project, mkdocs_build


def _shown(name: str, level: int, message: str, quiet: QuietDutch | None = None) -> str | None:
    record = logging.LogRecord(name, level, __file__, 1, message, (), None)
    return record.getMessage() if (quiet or QuietDutch()).filter(record) else None


def test_info_lines_are_dutch_or_dropped():
    assert _shown("mkdocs.commands.build", logging.INFO, "Documentation built in 1.29 seconds") == (
        "Klaar in 1,29 seconden.")
    assert _shown("mkdocs.livereload", logging.INFO, "[21:10:11] Serving on http://127.0.0.1:8000/") == (
        "Voorbeeld van de site: http://127.0.0.1:8000/ (stoppen met Ctrl+C)")
    for english in ("Cleaning site directory", "Building documentation to directory: /x/site",
                    "[21:10:12] Watching paths for changes: 'docs', 'content'", "[21:10:13] Browser connected: x",
                    "The following pages exist in the docs directory, but are not included in the \"nav\""):
        assert _shown("mkdocs.commands.build", logging.INFO, english) is None, english


def test_warnings_and_our_own_lines_stay():
    warning = "Doc file 'index.md' contains a link 'x.md', but the target is not found among documentation files."
    assert _shown("mkdocs.structure.pages", logging.WARNING, warning) == warning
    assert _shown("mkdocs.hooks.sto", logging.INFO, "fragment cache: 3 rendered") == "fragment cache: 3 rendered"
    assert _shown("mkdocs.livereload", logging.WARNING, '[21:10:14] "GET /favicon.ico HTTP/1.1" code 404') is None


def test_no_printed_line_can_start_a_workflow_command_in_ci():
    """MkDocs quotes docs file names as they are; a name with a line break would start a GitHub
    workflow command on the next line (the newer '::' form at a line's start, the older '##['
    anywhere in it)."""
    name = "docs/a\n::error file=x::nep\r\n  ::add-mask::geheim ##[error]oud.md"
    for logger, level in (("mkdocs.structure.pages", logging.WARNING), ("mkdocs.hooks.sto", logging.WARNING),
                          ("mkdocs.plugins.material.search", logging.ERROR), ("mkdocs.commands", logging.DEBUG)):
        shown = _shown(logger, level, f"Doc file '{name}' contains a link 'x.md'")
        assert shown is not None
        for line in shown.splitlines():
            assert not line.lstrip().startswith("::") and "##[" not in line and "\r" not in line, (logger, shown)
        assert "nep" in shown and "oud.md" in shown  # escaped, not dropped
    assert _shown("mkdocs.structure.pages", logging.WARNING, "gewone tekst: 100% klaar") == "gewone tekst: 100% klaar"


def test_mkdocs_warning_about_dirty_builds_is_dropped_only_where_they_are_exact():
    """make serve's dirty rebuilds are exact (sto.mkdocs.preview_writes); elsewhere the warning stays."""
    warning = ("A 'dirty' build is being performed, this will likely lead to inaccurate navigation and other "
               "links within your site. This option is designed for site development purposes only.")
    assert _shown("mkdocs.commands.build", logging.WARNING, warning, QuietDutch(exact_dirty_builds=True)) is None
    assert _shown("mkdocs.commands.build", logging.WARNING, warning, QuietDutch(exact_dirty_builds=False)) == warning


@pytest.mark.site
@pytest.mark.parametrize("engine", ["mkdocs", "properdocs"])
def test_a_build_with_problems_prints_nothing_in_english_before_them(tmp_path, engine):
    project = corpus_project(tmp_path / "project")
    (project / "content/news/kapot.md").write_text("---\ntitle: [open\n---\n", encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site", check=False, engine=engine)  # NO_MKDOCS_2_WARNING=1, as make
    assert result.returncode != 0
    assert (result.stdout + result.stderr).lstrip().startswith("De inhoud bevat 1 probleem; de site is niet gebouwd:")
    (project / "content/news/kapot.md").unlink()
    fixed = mkdocs_build(project, tmp_path / "site2", engine=engine)
    output = (fixed.stdout + fixed.stderr).strip().splitlines()
    assert len(output) == 1 and "Klaar in" in output[0], output  # the one line a good build prints


def test_make_and_the_workflows_switch_off_materials_banner():
    assert "export NO_MKDOCS_2_WARNING := 1\n" in (ROOT / "Makefile").read_text(encoding="utf-8")
    for workflow in sorted((ROOT / ".github/workflows").glob("*.yml")):
        assert yaml.safe_load(workflow.read_text(encoding="utf-8"))["env"]["NO_MKDOCS_2_WARNING"] == "1", workflow
