"""Nothing stale in a running preview: edits to a title, a date, a category, a vocabulary name, a
template and an event, each saved while `mkdocs serve` runs (as `make serve` starts it), show up
in every page, feed and calendar. After each edit, every file the preview serves (found by a
cold build of the same content, with the preview's command, drafts and address) is fetched over
HTTP and must be byte-identical to that cold build; the places that must show the edit are also
checked by name, so the comparison cannot pass by both sides missing it."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from .fixture_site import PLACE_SLUG, add_fixture_content
from .preview_server import Preview, build_like_preview
from .sitebuild import copy_project

pytestmark = pytest.mark.site

NEWS = "content/news/2024-05-03-testbericht-3.md"
NEWS_PAGE = "nieuws/2024-05-03-testbericht-3/"
EVENT = f"content/agenda/{PLACE_SLUG}.md"
EVENT_CALENDAR = f"agenda/{PLACE_SLUG}/{PLACE_SLUG}.ics"


def _edit(project: Path, relpath: str, old: str, new: str) -> None:
    path = project / relpath
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {relpath}"
    path.write_text(text.replace(old, new), encoding="utf-8")


# (what, file, old text, new text, page to wait for, text it must then show, {path: must show, ...}, {path: must not show})
EDITS = [
    ("title", NEWS, 'title: "Testbericht 3"', 'title: "Testbericht drie"', NEWS_PAGE, "Testbericht drie",
     {"nieuws/pagina/2/": "Testbericht drie", "nieuws/categorie/subsidie/": "Testbericht drie",
      "nieuws/jaar/2024/pagina/2/": "Testbericht drie", "regio/caribisch-nederland/": "Testbericht drie",
      "nieuws/2024-05-02-testbericht-2/": "Testbericht drie", "nieuws/2024-05-04-testbericht-4/": "Testbericht drie",
      "feeds/rss.xml": "Testbericht drie", "feeds/atom.xml": "Testbericht drie",
      "feeds/feed.json": "Testbericht drie", "feeds/categorie/subsidie/rss.xml": "Testbericht drie",
      "search/search_index.json": "Testbericht drie"},
     {"nieuws/pagina/2/": "Testbericht 3<", "feeds/rss.xml": "Testbericht 3<"}),
    ("date", NEWS, "date: 2024-05-03", "date: 2024-06-14", NEWS_PAGE, "14 juni 2024",
     {"feeds/rss.xml": "14 Jun 2024", "feeds/atom.xml": "2024-06-14", "nieuws/": "Testbericht drie"},
     {"nieuws/pagina/2/": "Testbericht drie", "nieuws/2024-05-02-testbericht-2/": "Testbericht drie"}),
    ("category", NEWS, "categories: [subsidie]", "categories: [techniekonderwijs]", NEWS_PAGE,
     "Techniekonderwijs in de praktijk",
     {"nieuws/categorie/techniekonderwijs/": "Testbericht drie",
      "feeds/categorie/techniekonderwijs/rss.xml": "Testbericht drie"},
     {"nieuws/categorie/subsidie/": "Testbericht drie", "feeds/categorie/subsidie/rss.xml": "Testbericht drie"}),
    ("vocabulary name", "content/data/categorieen.yml", "techniekonderwijs: Techniekonderwijs in de praktijk",
     "techniekonderwijs: Techniek in de klas", NEWS_PAGE, "Techniek in de klas",
     {"nieuws/categorie/techniekonderwijs/": "Techniek in de klas", "nieuws/": "Techniek in de klas",
      "feeds/categorie/techniekonderwijs/rss.xml": "Techniek in de klas"},
     {NEWS_PAGE: "Techniekonderwijs in de praktijk"}),
    ("template", "overrides/partials/sto/news-teaser.html", "</article>", "</article><!-- sjabloon bewerkt -->",
     "nieuws/", "sjabloon bewerkt", {"nieuws/categorie/techniekonderwijs/": "sjabloon bewerkt"}, {}),
    ("event", EVENT, 'title: "Regiodag"', 'title: "Regiodag Eindhoven"', f"agenda/{PLACE_SLUG}/",
     "Regiodag Eindhoven", {"agenda/": "Regiodag Eindhoven", "agenda/agenda.ics": "Regiodag Eindhoven",
                            EVENT_CALENDAR: "Regiodag Eindhoven"}, {}),
]


def _served_differences(preview: Preview, cold: Path) -> list[str]:
    differing = []
    for path in sorted(p for p in cold.rglob("*") if p.is_file()):
        relpath = path.relative_to(cold).as_posix()
        served = preview.get(relpath)
        if served != path.read_bytes():
            differing.append(relpath)
    return differing


def _assert_serves_the_cold_build(preview: Preview, cold: Path, what: str, limit: float = 60) -> None:
    """Every file of the cold build, as served; retried while the preview may still be rebuilding
    (a save can start more than one build), so only what stays stale fails."""
    deadline = time.monotonic() + limit
    while differing := _served_differences(preview, cold):
        if time.monotonic() > deadline:
            raise AssertionError(f"after the {what} edit the preview serves {len(differing)} files that differ from "
                                 f"a cold build, first: {differing[:8]}")
        time.sleep(1)


def test_a_running_preview_shows_every_edit_everywhere(tmp_path):
    project = add_fixture_content(copy_project(tmp_path / "project"))
    with Preview(project) as preview:
        preview.wait_until("", lambda body: b"</html>" in body)
        for step, (what, relpath, old, new, page, shown, must_show, must_not_show) in enumerate(EDITS):
            _edit(project, relpath, old, new)
            preview.wait_until(page, lambda body: shown.encode() in body)
            cold = tmp_path / f"cold-{step}"
            build_like_preview(project, cold, preview.url)
            _assert_serves_the_cold_build(preview, cold, what)
            for path, text in must_show.items():
                assert text.encode() in preview.get(path), f"after the {what} edit, {path} does not show {text!r}"
            for path, text in must_not_show.items():
                assert text.encode() not in preview.get(path), f"after the {what} edit, {path} still shows {text!r}"
