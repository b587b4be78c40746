"""The preview's problem page in a real Chromium: an editor who works in the browser sees every
problem (with no accessibility violations), and the page turns back into the site by itself
once the file is fixed: no reload by hand, no restart of make serve."""

from __future__ import annotations

import pytest

from ..serving import Preview
from ..sitebuild import corpus_project

pytestmark = [pytest.mark.browser, pytest.mark.site]

EVENT = "content/agenda/2024-06-19-sto-live-gorinchem-en-altena.md"


def test_the_problem_page_lists_the_problem_and_reloads_itself_when_the_file_is_fixed(visit, tmp_path):
    project = corpus_project(tmp_path / "project")
    source = project / EVENT
    good = source.read_text(encoding="utf-8")
    source.write_text(good.replace("start: 2024-06-19 15:00", "start: 2024-06-31 15:00"), encoding="utf-8")
    with Preview(project) as preview:
        v = visit(preview.base.rstrip("/"))
        page = v.page
        page.goto(preview.base + "agenda/")
        assert page.inner_text("h1") == "De inhoud bevat 1 probleem"
        assert page.inner_text("li") == (f"{EVENT}:7: start: '2024-06-31 15:00' is geen bestaande datum: "
                                         "juni 2024 heeft geen dag 31")
        assert v.axe_violations() == []
        source.write_text(good, encoding="utf-8")
        page.wait_for_selector("h1:text-is('Agenda')", timeout=60_000)  # the live-reload script did it
        assert page.url == preview.base + "agenda/"
        assert v.foreign == []
