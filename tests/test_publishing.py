"""Editors' workflow end to end, with real MkDocs builds of a copy of the corpus project:
new files from `make new` are drafts that build as they are and are published nowhere, an
unedited one cannot be published, scheduled news appears from its date on, drafts only show in
`make serve`, marked "concept"."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import lxml.html
import pytest

from sto.content.loader import load_content
from sto.content.placeholders import PLACEHOLDERS, SCAFFOLD_BODIES, SCAFFOLD_SUMMARY

from .search_fragments import fragments
from .serving import Preview
from .sitebuild import EPOCH_2024_06_15, corpus_project, mkdocs_build

pytestmark = pytest.mark.site

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "new"
JUST_BEFORE_JULY_1 = "1719784799"  # 2024-06-30 23:59:59 in Amsterdam (21:59:59 UTC)
JULY_1 = "1719784800"  # 2024-07-01 00:00:00 in Amsterdam
FEEDS = ("feeds/rss.xml", "feeds/atom.xml", "feeds/feed.json")


def make_new(project: Path, kind: str, title: str, day: str = "") -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("KIND", "TITLE", "DATE")}
    env.update(SOURCE_DATE_EPOCH=EPOCH_2024_06_15, KIND=kind, TITLE=title, DATE=day)
    result = subprocess.run([sys.executable, str(SCRIPT), "--root", str(project)], env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout.split("Aangemaakt: ")[1].split("\n")[0]


def pages_with(site: Path, text: str) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                  if text in p.read_text(encoding="utf-8"))


def test_a_new_file_of_every_kind_builds_as_it_is_and_is_published_nowhere(tmp_path):
    project = corpus_project(tmp_path / "project")
    titles = {"nieuws": "Nieuwe techlabs in Zeeland", "digizine": "Digizine over hotspots",
              "handreiking": "Handreiking samenwerken met het bedrijfsleven",
              "faq": "Hoe vraag ik een verlenging aan", "evenement": "Webinar regioplannen"}
    paths = {kind: make_new(project, kind, title, "2024-06-15" if kind == "evenement" else "")
             for kind, title in titles.items()}
    assert paths["evenement"] == "content/agenda/2024-06-15-webinar-regioplannen.md"
    assert paths["faq"] == "content/faq/hoe-vraag-ik-een-verlenging-aan.md"

    site = tmp_path / "site"
    mkdocs_build(project, site)  # strict, as `make build`; raises with the output if it fails
    by_path = {item.path: item for item in load_content(project / "content", project).items}
    outputs = [p for p in site.rglob("*") if p.is_file() and p.suffix in (".html", ".xml", ".json", ".ics")]
    for kind, path in paths.items():
        item = by_path[path]
        assert item.data.draft, kind
        assert not (site / item.url).exists(), kind
        assert [o for o in outputs if titles[kind] in o.read_text(encoding="utf-8")] == [], kind
    assert [o for o in outputs if any(p in o.read_text(encoding="utf-8") for p in PLACEHOLDERS)] == []


def test_publishing_an_unedited_new_file_is_refused_with_its_file_and_lines(tmp_path):
    project = corpus_project(tmp_path / "project")
    path = make_new(project, "nieuws", "Nog niet af")
    source = project / path
    source.write_text(source.read_text(encoding="utf-8").replace("\ndraft: true\n", "\ndraft: false\n"),
                      encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site", check=False)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    lines = source.read_text(encoding="utf-8").splitlines()
    for placeholder in (SCAFFOLD_SUMMARY, SCAFFOLD_BODIES["nieuws"]):
        line = next(n for n, text in enumerate(lines, 1) if placeholder in text)
        assert f"{path}:{line}: bevat nog de voorbeeldtekst '{placeholder}'" in output


def finish(source: Path) -> None:
    """What an editor does with a new file: write the summary and the text, then publish it."""
    text = source.read_text(encoding="utf-8").replace(SCAFFOLD_SUMMARY, "Een echte samenvatting.")
    text = text.replace(SCAFFOLD_BODIES["nieuws"], "De echte tekst.").replace("\ndraft: true\n", "\ndraft: false\n")
    source.write_text(text, encoding="utf-8")


def scheduled_project(tmp_path: Path) -> tuple[Path, str, str]:
    project = corpus_project(tmp_path / "project")
    scheduled = "Ingepland bericht over de techlabs"
    draft = "Concept bericht over de hotspots"
    finish(project / make_new(project, "nieuws", scheduled, "2024-07-01"))
    make_new(project, "nieuws", draft, "2024-06-10")  # left a draft, as `make new` writes it
    return project, scheduled, draft


def test_scheduled_news_appears_from_its_date_in_amsterdam_and_drafts_never(tmp_path):
    project, scheduled, draft = scheduled_project(tmp_path)
    before, after = tmp_path / "before", tmp_path / "after"
    mkdocs_build(project, before, JUST_BEFORE_JULY_1)
    mkdocs_build(project, after, JULY_1)

    url = "nieuws/2024-07-01-ingepland-bericht-over-de-techlabs/index.html"
    assert not (before / url).exists()
    assert pages_with(before, scheduled) == []
    assert scheduled not in json.dumps(fragments(before), ensure_ascii=False)

    assert (after / url).is_file()
    assert url in pages_with(after, scheduled)
    assert scheduled in json.dumps(fragments(after), ensure_ascii=False)

    for feed in FEEDS:
        assert scheduled not in (before / feed).read_text(encoding="utf-8"), feed
        assert scheduled in (after / feed).read_text(encoding="utf-8"), feed

    for site in (before, after):
        assert pages_with(site, draft) == []
        assert draft not in json.dumps(fragments(site), ensure_ascii=False)
        for feed in FEEDS:
            assert draft not in (site / feed).read_text(encoding="utf-8"), feed


def test_drafts_show_in_make_serve_marked_as_concept(tmp_path):
    project, _, draft = scheduled_project(tmp_path)
    with Preview(project) as preview:
        status, html = preview.get("nieuws/2024-06-10-concept-bericht-over-de-hotspots/")
        assert status == 200 and draft in html
        note = lxml.html.fromstring(html).xpath("//p[@class='sto-draft']")[0]
        assert " ".join(note.text_content().split()).startswith("Concept Alleen zichtbaar in het voorbeeld")
        status, html = preview.get("nieuws/")
        teaser = lxml.html.fromstring(html).xpath("//article[contains(@class, 'sto-teaser')][.//a[contains(@href, 'concept-bericht')]]")[0]
        assert teaser.xpath(".//*[@class='sto-draft-label']/text()") == ["Concept"]
        assert lxml.html.fromstring(html).xpath("count(//*[@class='sto-draft-label'])") == 2  # and fixture-concept.md
        # The scheduled item is not a draft: the preview shows what is published at "now".
        assert preview.get("nieuws/2024-07-01-ingepland-bericht-over-de-techlabs/")[0] == 404
