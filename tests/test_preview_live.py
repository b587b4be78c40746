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

from .serving import SERVE_FLAGS, Preview, build_like_preview
from .sitebuild import ROOT, corpus_project
from .sitecheck import PLACE_SLUG

pytestmark = pytest.mark.site

NEWS = "content/news/fixture-paginering-03.md"
NEWS_PAGE = "nieuws/fixture-paginering-03/"
TITLE, NEW_TITLE = "Fixture: bericht 3 voor een tweede pagina", "Fixture: bericht drie"
EVENT = f"content/agenda/{PLACE_SLUG}.md"
EVENT_CALENDAR = f"agenda/{PLACE_SLUG}/{PLACE_SLUG}.ics"


def _edit(project: Path, relpath: str, old: str, new: str) -> None:
    path = project / relpath
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {relpath}"
    path.write_text(text.replace(old, new), encoding="utf-8")


# (what, file, old text, new text, page to wait for, text it must then show,
#  {path: text it must show}, {path: text it must no longer show})
EDITS = [
    ("title", NEWS, TITLE, NEW_TITLE, NEWS_PAGE, NEW_TITLE,
     {path: NEW_TITLE for path in ("nieuws/pagina/2/", "nieuws/jaar/2023/", "nieuws/categorie/regionale-samenwerking/",
                                   "regio/caribisch-nederland/", "nieuws/fixture-paginering-02/",
                                   "nieuws/fixture-paginering-04/", "feeds/rss.xml", "feeds/atom.xml",
                                   "feeds/feed.json", "feeds/categorie/regionale-samenwerking/rss.xml")},
     {"nieuws/pagina/2/": TITLE, "feeds/rss.xml": TITLE, "nieuws/fixture-paginering-04/": TITLE}),
    ("date", NEWS, "date: '2023-03-03'", "date: '2024-06-14'", NEWS_PAGE, "14 juni 2024",
     {"feeds/rss.xml": "14 Jun 2024", "nieuws/": NEW_TITLE, "nieuws/jaar/2024/": NEW_TITLE},
     {"nieuws/jaar/2023/": NEW_TITLE, "nieuws/fixture-paginering-02/": NEW_TITLE}),
    ("category", NEWS, "categories:\n- regionale-samenwerking", "categories:\n- techniekonderwijs", NEWS_PAGE,
     "Techniekonderwijs in de praktijk",
     {"nieuws/categorie/techniekonderwijs/": NEW_TITLE, "feeds/categorie/techniekonderwijs/rss.xml": NEW_TITLE},
     {"nieuws/categorie/regionale-samenwerking/": NEW_TITLE,
      "feeds/categorie/regionale-samenwerking/rss.xml": NEW_TITLE}),
    ("vocabulary name", "content/data/categorieen.yml", "techniekonderwijs: Techniekonderwijs in de praktijk",
     "techniekonderwijs: Techniek in de klas", NEWS_PAGE, "Techniek in de klas",
     {"nieuws/categorie/techniekonderwijs/": "Techniek in de klas", "nieuws/": "Techniek in de klas",
      "nieuws/2024-06-10-bericht-met-afbeelding/": "Techniek in de klas",
      "feeds/categorie/techniekonderwijs/rss.xml": "Techniek in de klas"},
     {NEWS_PAGE: "Techniekonderwijs in de praktijk", "nieuws/jaar/2023/": "Techniekonderwijs in de praktijk"}),
    ("template", "overrides/partials/sto/news-teaser.html", "</article>", "</article><!-- sjabloon bewerkt -->",
     "nieuws/", "sjabloon bewerkt", {"nieuws/categorie/techniekonderwijs/": "sjabloon bewerkt"}, {}),
    ("event", EVENT, 'title: "Regiodag"', 'title: "Regiodag Eindhoven"', f"agenda/{PLACE_SLUG}/",
     "Regiodag Eindhoven", {"agenda/": "Regiodag Eindhoven", "agenda/agenda.ics": "Regiodag Eindhoven",
                            "agenda/soort/conferentie.ics": "Regiodag Eindhoven",
                            EVENT_CALENDAR: "Regiodag Eindhoven"}, {}),
]


def _served_differences(preview: Preview, cold: Path) -> list[str]:
    differing = []
    for path in sorted(p for p in cold.rglob("*") if p.is_file()):
        relpath = path.relative_to(cold).as_posix()
        if preview.served(relpath) != path.read_bytes():
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
    project = corpus_project(tmp_path / "project")
    with Preview(project) as preview:
        for step, (what, relpath, old, new, page, shown, must_show, must_not_show) in enumerate(EDITS):
            _edit(project, relpath, old, new)
            assert shown in preview.wait_for(page, shown, seconds=300)[1], f"the {what} edit never showed"
            cold = tmp_path / f"cold-{step}"
            build_like_preview(project, cold, preview.base)
            _assert_serves_the_cold_build(preview, cold, what)
            for path, text in must_show.items():
                assert text.encode() in (preview.served(path) or b""), f"after the {what} edit, {path} does not show {text!r}"
            for path, text in must_not_show.items():
                assert text.encode() not in (preview.served(path) or b""), f"after the {what} edit, {path} still shows {text!r}"
        # A deleted item: its page and calendar are gone from the preview, as from a cold build
        # (the preview's rebuilds write only what changed and must remove what is no longer made).
        assert preview.served(EVENT_CALENDAR) is not None
        (project / EVENT).unlink()
        deadline = time.monotonic() + 300
        while preview.served(f"agenda/{PLACE_SLUG}/") is not None:
            assert time.monotonic() < deadline, "the deleted event's page is still served"
            time.sleep(0.3)
        cold = tmp_path / "cold-deleted"
        build_like_preview(project, cold, preview.base)
        _assert_serves_the_cold_build(preview, cold, "delete")
        assert preview.served(EVENT_CALENDAR) is None and not (cold / EVENT_CALENDAR).exists()


def test_the_preview_tests_run_the_preview_as_make_serve_does():
    recipe = next(line for line in (ROOT / "Makefile").read_text(encoding="utf-8").splitlines()
                  if " serve " in line and line.startswith("\t"))
    assert all(f" {flag} " in recipe for flag in SERVE_FLAGS), recipe
