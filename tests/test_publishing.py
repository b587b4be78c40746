"""Editors' workflow end to end, with real MkDocs builds of a copy of the project:
new files from `make new` build as they are, scheduled news appears from its date on,
drafts only show in `make serve`."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from sto.content.loader import load_content

from .sitebuild import EPOCH_2024_06_15, copy_project, mkdocs_build

pytestmark = pytest.mark.site

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "new"
JUST_BEFORE_JULY_1 = "1719784799"  # 2024-06-30 23:59:59 in Amsterdam (21:59:59 UTC)
JULY_1 = "1719784800"  # 2024-07-01 00:00:00 in Amsterdam
SERVE_ADDR = "127.0.0.1:8201"
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


def test_a_new_file_of_every_kind_builds_as_it_is(tmp_path):
    project = copy_project(tmp_path / "project")
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
    for kind, path in paths.items():
        item = by_path[path]
        page = site / item.url / "index.html"
        assert page.is_file(), kind
        html = page.read_text(encoding="utf-8")
        assert titles[kind] in html, kind
        assert "Schrijf hier" in html  # the placeholder body is rendered


def scheduled_project(tmp_path: Path) -> tuple[Path, str, str]:
    project = copy_project(tmp_path / "project")
    scheduled = "Ingepland bericht over de techlabs"
    draft = "Concept bericht over de hotspots"
    make_new(project, "nieuws", scheduled, "2024-07-01")
    draft_file = project / make_new(project, "nieuws", draft, "2024-06-10")
    text = draft_file.read_text(encoding="utf-8")
    draft_file.write_text(text.replace("\ndraft: false\n", "\ndraft: true\n"), encoding="utf-8")
    return project, scheduled, draft


def test_scheduled_news_appears_from_its_date_in_amsterdam_and_drafts_never(tmp_path):
    project, scheduled, draft = scheduled_project(tmp_path)
    before, after = tmp_path / "before", tmp_path / "after"
    mkdocs_build(project, before, JUST_BEFORE_JULY_1)
    mkdocs_build(project, after, JULY_1)

    url = "nieuws/2024-07-01-ingepland-bericht-over-de-techlabs/index.html"
    assert not (before / url).exists()
    assert pages_with(before, scheduled) == []
    assert scheduled not in (before / "search/search_index.json").read_text(encoding="utf-8")

    assert (after / url).is_file()
    assert url in pages_with(after, scheduled)
    assert scheduled in (after / "search/search_index.json").read_text(encoding="utf-8")

    for feed in FEEDS:
        assert scheduled not in (before / feed).read_text(encoding="utf-8"), feed
        assert scheduled in (after / feed).read_text(encoding="utf-8"), feed

    for site in (before, after):
        assert pages_with(site, draft) == []
        assert draft not in (site / "search/search_index.json").read_text(encoding="utf-8")
        for feed in FEEDS:
            assert draft not in (site / feed).read_text(encoding="utf-8"), feed


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, ""


def test_drafts_show_in_make_serve(tmp_path):
    project, _, draft = scheduled_project(tmp_path)
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH_2024_06_15}
    mkdocs = Path(sys.executable).with_name("mkdocs")
    server = subprocess.Popen([str(mkdocs), "serve", "--strict", "--no-livereload", "--dev-addr", SERVE_ADDR],
                              cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        base = f"http://{SERVE_ADDR}/"
        deadline = time.monotonic() + 90
        status = None
        while time.monotonic() < deadline and server.poll() is None:
            try:
                status, _ = fetch(base)
                break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.5)
        assert status == 200, "mkdocs serve did not start"
        status, html = fetch(base + "nieuws/2024-06-10-concept-bericht-over-de-hotspots/")
        assert status == 200 and draft in html
        # The scheduled item is not a draft: the preview shows what is published at "now".
        status, _ = fetch(base + "nieuws/2024-07-01-ingepland-bericht-over-de-techlabs/")
        assert status == 404
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
