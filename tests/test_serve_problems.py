"""`make serve` with broken content, for real: mkdocs serve in a copy of the corpus project.
It never exits and never hangs; every address answers, within seconds, with the Dutch problem
page naming the file (with MkDocs' live-reload script, so it reloads itself); once the file is
fixed the normal page comes back, without a restart."""

from __future__ import annotations

import time

import pytest

from .serving import Preview
from .sitebuild import corpus_project

pytestmark = pytest.mark.site

BROKEN = "---\ntitle: [open\n---\n"
NAMED = "content/news/kapot.md:2: fout in de opmaak van de gegevens bovenaan"
NEWS_HEADING = "<h1>Nieuws</h1>"


def _problem_page(preview: Preview, path: str) -> str:
    started = time.monotonic()
    status, body = preview.get(path)
    assert time.monotonic() - started < 5
    assert status == 404 and '<html lang="nl">' in body, path
    return body


def test_a_file_broken_after_a_save_shows_on_every_page_and_the_fix_brings_the_site_back(tmp_path):
    project = corpus_project(tmp_path / "project")
    with Preview(project) as preview:
        assert preview.get("nieuws/")[0] == 200
        (project / "content/news/kapot.md").write_text(BROKEN, encoding="utf-8")
        status, body = preview.wait_for("nieuws/", "kapot.md")
        assert "<code>content/news/kapot.md:2</code>: fout in de opmaak van de gegevens bovenaan" in body, body
        for path in ("", "agenda/", "bestaat/niet/", "assets/sto.css"):  # any address
            assert "De inhoud bevat 1 probleem" in _problem_page(preview, path)
        assert "livereload(" in body  # MkDocs' script: the page reloads itself after the next build
        (project / "content/news/kapot.md").unlink()
        status, body = preview.wait_for("nieuws/", NEWS_HEADING)
        assert status == 200 and NEWS_HEADING in body
        assert preview.running()
        assert NAMED in preview.output()  # the terminal lists the problems too


def test_a_file_broken_at_start_keeps_the_preview_running_until_it_is_fixed(tmp_path):
    project = corpus_project(tmp_path / "project")
    (project / "content/news/kapot.md").write_text(BROKEN, encoding="utf-8")
    (project / "content/faq/zonder-antwoord.md").write_text(
        "---\nid: 12345678-aaaa-4bbb-8ccc-000000000000\ntitle: Vraag?\ntopic: \"<script>alert(1)</script>\"\n"
        "date: 2024-06-01\n---\n",
        encoding="utf-8")
    with Preview(project) as preview:
        body = _problem_page(preview, "nieuws/")
        assert "De inhoud bevat 3 problemen" in body and "<script>alert(1)" not in body
        assert ("<code>content/faq/zonder-antwoord.md:4</code>: topic: "
                "&#x27;&lt;script&gt;alert(1)&lt;/script&gt;&#x27; staat niet in") in body
        assert "<code>content/faq/zonder-antwoord.md:7</code>: het antwoord ontbreekt" in body
        (project / "content/news/kapot.md").unlink()
        (project / "content/faq/zonder-antwoord.md").unlink()
        status, body = preview.wait_for("nieuws/", NEWS_HEADING)
        assert status == 200 and NEWS_HEADING in body and preview.running()
