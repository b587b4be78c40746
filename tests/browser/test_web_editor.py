"""The web editor (/beheer/, Decap CMS) used as an editor uses it: in Debian's Chromium, against a
local git repository served by decap-server (Decap's ``local_backend``), with the editorial
workflow on (decap-server's git mode supports it: a save commits to a branch
``cms/<collection>/<slug>``, the pull request of the GitHub backend; publishing merges it into
``main``). What it writes must validate, build, and show on the pages.

Screenshots of the main steps at 1280 px go to ``tmp`` or, with ``STO_EDITOR_SCREENSHOTS=<folder>``,
to that folder (docs-dev/screenshots/beheer/ holds the ones the editors' guide uses).
"""

from __future__ import annotations

import mimetypes
import os
import re
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
import yaml

from sto.content.loader import load_content
from sto.editors.cms_config import EditorSettings
from sto.editors.scaffold import relative_path
from sto.editors.web_editor import editor_files
from sto.mkdocs.csp import policy as public_policy

from ..search_fragments import fragments
from ..sitebuild import ROOT, corpus_project, mkdocs_build
from .conftest import CHROMIUM, CHROMIUM_FLAGS, CSP_LISTENER, HOST, LocalServer

pytestmark = pytest.mark.browser

DECAP_SERVER = ROOT / "node_modules/decap-server/dist/index.js"
BACKEND_PORTS = range(8150, 8200)  # this helper's half of the project's test ports (LocalServer takes 8100-8149)
EPOCH_2024_07_01 = "1719792000"  # the 19 June webinar is over; the new items' dates have come
PUBLIC_HOST = "sto-beheer.test"  # the editor as the public opens it: not localhost, so no local backend
NEWS_TITLE = "Één dag techniek in Curaçao"
WEBINAR_TITLE = "Webinar: techniek in de onderbouw"
PAST_WEBINAR = "content/agenda/2024-06-19-sto-live-gorinchem-en-altena.md"
RECORDING = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
DIGIZINE = "content/news/2024-06-digizine-techlabs-en-hotspots.md"
TEST_REPO = "sto-test/voorbeeld"  # the fixture's GitHub repository setting (never contacted)


mimetypes.add_type("text/yaml", ".yml")  # as GitHub Pages serves config.yml (Python's server would not know it)


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=True).stdout


def _free_port() -> int:
    for port in BACKEND_PORTS:
        with socket.socket() as probe:
            try:
                probe.bind((HOST, port))
                return port
            except OSError:
                continue
    raise RuntimeError("no free port in 8150-8199")


class Editor:
    """A fixture project in a git repository, its built site served, decap-server on it."""

    def __init__(self, root: Path):
        node = shutil.which("node")
        if node is None or not DECAP_SERVER.exists():
            pytest.fail("node or decap-server missing; run 'make test' (npm ci installs decap-server)")
        self.repo = corpus_project(root / "repo")
        port = _free_port()
        self.backend = f"http://{HOST}:{port}/api/v1"
        config = (self.repo / "mkdocs.yml").read_text(encoding="utf-8")
        unset = '  editor:\n    repo: ""\n'
        assert unset in config
        config = config.replace(unset, f"  editor:\n    repo: {TEST_REPO}\n    local_backend: {self.backend}\n")
        (self.repo / "mkdocs.yml").write_text(config, encoding="utf-8")
        (self.repo / ".gitignore").write_text(".cache/\n", encoding="utf-8")
        digizine = self.repo / DIGIZINE  # as in the real content: a date known only to its month
        digizine.write_text(digizine.read_text(encoding="utf-8").replace("\ndate: 2024-06-04\n", "\ndate: 2024-06\n"),
                            encoding="utf-8")
        _git(self.repo, "init", "-q", "-b", "main")
        _git(self.repo, "add", "-A")
        _git(self.repo, "-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "-q", "-m", "start")
        self.site = root / "site"
        mkdocs_build(self.repo, self.site, EPOCH_2024_07_01)
        self.log = (root / "decap-server.log").open("w", encoding="utf-8")
        env = {**os.environ, "MODE": "git", "GIT_REPO_DIRECTORY": str(self.repo), "PORT": str(port),
               "BIND_HOST": HOST, "LOG_LEVEL": "info"}
        self.process = subprocess.Popen([node, str(DECAP_SERVER)], env=env, stdout=self.log, stderr=subprocess.STDOUT)
        self._wait_for_backend()
        self.server = LocalServer(self.site)

    def _wait_for_backend(self) -> None:
        request = urllib.request.Request(self.backend, data=b'{"action":"info"}',
                                         headers={"Content-Type": "application/json"})
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            assert self.process.poll() is None, "decap-server stopped"
            try:
                with urllib.request.urlopen(request, timeout=2) as answer:
                    info = yaml.safe_load(answer.read())
                assert "editorial_workflow" in info["publish_modes"], info  # git mode: branches, as pull requests
                return
            except OSError:
                time.sleep(0.2)
        raise AssertionError("decap-server did not answer")

    def state(self) -> tuple[str, str, str]:
        """Everything a save could change: branches with their commits, and the working tree."""
        return (_git(self.repo, "for-each-ref", "--format=%(refname) %(objectname)"),
                _git(self.repo, "status", "--porcelain", "--untracked-files=all"),
                _git(self.repo, "stash", "list"))

    def stop(self) -> None:
        self.server.stop()
        self.process.terminate()
        self.process.wait(timeout=10)
        self.log.close()


@pytest.fixture(scope="module")
def editor(tmp_path_factory):
    running = Editor(tmp_path_factory.mktemp("web-editor"))
    yield running
    running.stop()


@pytest.fixture(scope="module")
def chromium(editor, playwright):
    # The public host over http, treated as the https site it stands for (Decap needs a secure
    # context: it calls crypto.randomUUID).
    public = editor.server.origin.replace(HOST, PUBLIC_HOST)
    browser = playwright.chromium.launch(
        executable_path=CHROMIUM, headless=True,
        args=[*CHROMIUM_FLAGS, "--lang=nl-NL", f"--host-resolver-rules=MAP {PUBLIC_HOST} {HOST}",
              f"--unsafely-treat-insecure-origin-as-secure={public}"])
    yield browser
    browser.close()


@pytest.fixture
def shots(tmp_path) -> Path:
    folder = Path(os.environ.get("STO_EDITOR_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class Session:
    """One editor's browser tab, with every request to another host, page error and policy
    violation recorded (decap-server's address, the local backend, is the one other host allowed)."""

    def __init__(self, browser, origin: str, allowed: tuple[str, ...] = ()):
        self.context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL",
                                           timezone_id="Europe/Amsterdam", service_workers="block")
        self.context.add_init_script(CSP_LISTENER)
        self.origin, self.allowed = origin, allowed
        self.foreign: list[str] = []
        self.errors: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("dialog", lambda dialog: dialog.accept())  # "Weet u zeker dat u dit item wil publiceren?"

    def _route(self, route):
        url = route.request.url
        if url.startswith((self.origin + "/", "data:", "blob:", *self.allowed)):
            route.continue_()
        else:
            self.foreign.append(url)
            route.abort()

    @property
    def csp_violations(self) -> list[str]:
        return self.page.evaluate("window.__stoCsp || []")

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def session(chromium, editor):
    opened = Session(chromium, editor.server.origin, (editor.backend,))
    yield opened
    opened.close()


def login(page, origin: str) -> None:
    page.goto(f"{origin}/beheer/")
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("link", name="Nieuws").first.wait_for()


def open_in_editor(page, origin: str, route: str) -> None:
    """A fresh load of the editor at ``route`` (a hash change alone keeps Decap's previous form)."""
    page.goto("about:blank")
    page.goto(f"{origin}/beheer/#/{route}")


def field(page, name: str):
    """A field's input by the field's name (Decap numbers its ids: title-field-2)."""
    return page.locator(f'[id^="{name}-field-"]').first


def toast(page, text: str) -> None:
    """Wait for Decap's message (a toast) with this text, shown."""
    page.locator(".Toastify__toast").filter(has_text=text).first.wait_for(timeout=15000)
    page.wait_for_timeout(300)  # its slide-in, for the screenshots


def save(page) -> None:
    page.get_by_role("button", name="Opslaan", exact=True).click()


def publish(page, origin: str, collection: str, slug: str) -> None:
    """Decap's editorial workflow: status "Klaar", then "Publiceer nu" (the pull request merged).
    The entry is opened again first: right after a first save Decap's toolbar shows no status yet."""
    open_in_editor(page, origin, f"collections/{collection}/entries/{slug}")
    page.get_by_text("Status: Concept").click()
    page.get_by_role("menuitem", name="Klaar").click()
    toast(page, "Status van item geüpdatet")
    page.get_by_text("Publiceer", exact=True).click()
    page.get_by_role("menuitem", name="Publiceer nu").click()
    toast(page, "Item gepubliceerd")


def upload(page, button: str, source: Path, name: str, tmp: Path, shot: Path | None = None) -> None:
    """Upload a file in Decap's media library (docs/media/) and choose it."""
    file = tmp / name
    shutil.copyfile(source, file)
    page.get_by_role("button", name=button).first.click()
    page.locator("input[type=file]").set_input_files(str(file))
    page.get_by_text(name).first.wait_for()
    if shot is not None:
        page.screenshot(path=str(shot))
    page.get_by_role("button", name="Gebruik selectie").click()


def test_editor_page_loads_from_this_site_only_with_its_own_policy(chromium, editor, shots):
    """As the public host serves it (not localhost, so Decap does not look for a local backend):
    no request to another host, no page error, no policy violation; noindex; its own policy."""
    html = (editor.site / "beheer/index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex, nofollow">' in html
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    assert "'unsafe-eval'" in policy and "https://api.github.com" in policy
    assert "'unsafe-eval'" not in public_policy([]) and "api.github.com" not in public_policy([])
    home = (editor.site / "index.html").read_text(encoding="utf-8")
    assert "'unsafe-eval'" not in home and "beheer" not in (editor.site / "sitemap.xml").read_text(encoding="utf-8")
    assert not [url for url in fragments(editor.site) if "beheer" in url]  # outside the site search
    origin = editor.server.origin.replace(HOST, PUBLIC_HOST)
    visit = Session(chromium, origin)
    try:
        visit.page.goto(f"{origin}/beheer/", wait_until="networkidle")
        visit.page.get_by_role("button", name="Inloggen met GitHub").wait_for()
        visit.page.screenshot(path=str(shots / "01-inloggen.png"))
        assert visit.foreign == [] and visit.errors == [] and visit.csp_violations == []
    finally:
        visit.close()


def test_editor_without_a_repository_says_so_in_dutch(chromium, editor):
    """Until STO names its GitHub repository (make todo lists it), the public editor page says
    so instead of failing; the same build's script, made without the setting."""
    vocabularies = load_content(editor.repo / "content", editor.repo).vocabularies
    unset = editor_files(vocabularies, EditorSettings(), "Sterk Techniekonderwijs", "https://www.example.org/")
    origin = editor.server.origin.replace(HOST, PUBLIC_HOST)
    visit = Session(chromium, origin)
    try:
        def serve(name: str, kind: str):
            return lambda route: route.fulfill(body=unset[f"beheer/{name}"], content_type=kind)

        visit.context.route(f"{origin}/beheer/", serve("index.html", "text/html"))  # the rest is the same
        visit.context.route(f"{origin}/beheer/sto-cms.js", serve("sto-cms.js", "text/javascript"))
        visit.page.goto(f"{origin}/beheer/", wait_until="networkidle")
        visit.page.get_by_role("heading", name="De beheeromgeving is nog niet gekoppeld").wait_for()
        assert visit.foreign == [] and visit.errors == [] and visit.csp_violations == []
    finally:
        visit.close()


def test_incomplete_form_is_refused_in_dutch_and_nothing_is_written(session, editor, tmp_path, shots):
    page = session.page
    login(page, editor.server.origin)
    before = editor.state()
    open_in_editor(page, editor.server.origin, "collections/nieuws/new")
    field(page, "summary").fill("Een bericht zonder titel.")
    field(page, "date").fill("2024-06-20")
    save(page)  # no title: Decap's own check, in Dutch
    toast(page, "Oeps, sommige verplichte velden zijn niet ingevuld.")
    assert page.get_by_text("Titel is vereist.").count() >= 1
    page.screenshot(path=str(shots / "09-geweigerd-zonder-titel.png"))
    field(page, "title").fill("Een bericht met een afbeelding zonder alt-tekst")
    upload(page, "Kies een afbeelding", ROOT / "tests/corpus/docs/afbeeldingen/fixture.png", "zonder-alt.png", tmp_path)
    for close in page.locator(".Toastify__close-button").all():  # the first refusal's message
        close.click()
    save(page)  # an image without alt text: the editor's script (sto-cms.js), from the model
    toast(page, "Kan item niet opslaan: Vul bij ‘Afbeelding’ ook ‘Alt-tekst’ in, of maak ‘Afbeelding’ helemaal leeg. "
                "Er is niets opgeslagen.")
    page.screenshot(path=str(shots / "10-geweigerd-zonder-alt-tekst.png"))
    assert editor.state() == before
    assert session.foreign == [] and session.csp_violations == []


def test_news_webinar_and_recording_are_saved_built_and_shown(session, editor, tmp_path, shots):
    page, repo = session.page, editor.repo
    login(page, editor.server.origin)
    open_in_editor(page, editor.server.origin, "collections/evenement")
    page.get_by_text("STO LIVE-webinar: Gorinchem en Altena").first.wait_for()  # the agenda, listed
    page.screenshot(path=str(shots / "02-overzicht.png"))

    # A news item with an uploaded image and its alt text.
    open_in_editor(page, editor.server.origin, "collections/nieuws/new")
    assert re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}",
                        field(page, "id").input_value())  # a fresh uuid4, read-only
    assert field(page, "id").get_attribute("readonly") is not None
    field(page, "title").fill(NEWS_TITLE)
    field(page, "date").fill("2024-06-12")
    field(page, "summary").fill("Leerlingen bouwden een dag lang aan robots.")
    page.screenshot(path=str(shots / "03-nieuw-bericht.png"))
    upload(page, "Kies een afbeelding", ROOT / "tests/corpus/docs/afbeeldingen/fixture.png", "robotdag.png", tmp_path,
           shots / "04-afbeelding-kiezen.png")
    field(page, "alt").fill("Twee leerlingen bouwen een robot")
    toggle = field(page, "draft")
    assert toggle.get_attribute("aria-checked") == "true"  # a new item starts as a draft
    toggle.click()
    page.locator("[data-slate-editor]").first.click()
    page.keyboard.type("Een dag vol techniek in het techlab.")
    save(page)
    toast(page, "Item opgeslagen")
    page.screenshot(path=str(shots / "05-opgeslagen-met-voorvertoning.png"))
    news_file = relative_path("nieuws", NEWS_TITLE, _day("2024-06-12"))  # named as make new names it
    news_branch = f"cms/nieuws/{Path(news_file).stem}"
    assert news_file not in _git(repo, "ls-tree", "-r", "--name-only", "main")  # on its own branch, not on main
    assert news_file in _git(repo, "ls-tree", "-r", "--name-only", news_branch)
    publish(page, editor.server.origin, "nieuws", Path(news_file).stem)

    # A webinar with date and time.
    open_in_editor(page, editor.server.origin, "collections/evenement/new")
    field(page, "title").fill(WEBINAR_TITLE)
    field(page, "kind").click()
    page.get_by_text("webinar", exact=True).click()
    field(page, "start").fill("2024-06-26T15:00")
    field(page, "end").fill("2024-06-26T16:30")
    field(page, "online").click()
    field(page, "draft").click()
    save(page)
    toast(page, "Item opgeslagen")
    page.screenshot(path=str(shots / "06-webinar.png"))
    webinar_file = relative_path("evenement", WEBINAR_TITLE, _day("2024-06-26"))
    publish(page, editor.server.origin, "evenement", Path(webinar_file).stem)

    # A recording added to a past webinar.
    open_in_editor(page, editor.server.origin, f"collections/evenement/entries/{Path(PAST_WEBINAR).stem}")
    field(page, "url").fill(RECORDING)
    upload(page, "Kies een afbeelding", ROOT / "tests/corpus/docs/afbeeldingen/fixture.png", "opname-poster.png",
           tmp_path)
    save(page)
    toast(page, "Item opgeslagen")
    field(page, "url").scroll_into_view_if_needed()
    page.screenshot(path=str(shots / "07-opname-toegevoegd.png"))
    open_in_editor(page, editor.server.origin, "workflow")
    page.get_by_text("Wordt beoordeeld").first.wait_for()
    page.screenshot(path=str(shots / "08-werkstroom.png"))
    publish(page, editor.server.origin, "evenement", Path(PAST_WEBINAR).stem)
    assert session.foreign == [] and session.csp_violations == []

    # What the editor wrote, as the build reads it.
    assert _git(repo, "status", "--porcelain") == ""
    news = _front_matter(repo / news_file)
    assert news["title"] == NEWS_TITLE and news["date"] == "2024-06-12" and news["kind"] == "nieuws"
    assert news["image"] == {"src": "/media/robotdag.png", "alt": "Twee leerlingen bouwen een robot"}
    assert (repo / "docs/media/robotdag.png").read_bytes() == (ROOT / "tests/corpus/docs/afbeeldingen/fixture.png").read_bytes()
    webinar = _front_matter(repo / webinar_file)
    assert (webinar["start"], webinar["end"], webinar["kind"]) == ("2024-06-26 15:00", "2024-06-26 16:30", "webinar")
    past = _front_matter(repo / PAST_WEBINAR)
    assert past["recording"] == {"url": RECORDING, "poster": "/media/opname-poster.png"}
    assert past["start"] == "2024-06-19 15:00" and "draft" not in past  # the rest as it was
    content = load_content(repo / "content", repo)
    assert {item.title for item in content.items} >= {NEWS_TITLE, WEBINAR_TITLE}
    assert len({item.id for item in content.items}) == len(content.items)

    # Built as make build builds it, and shown on their pages.
    site = tmp_path / "built"
    mkdocs_build(repo, site, EPOCH_2024_07_01)
    news_page = (site / f"nieuws/{Path(news_file).stem}/index.html").read_text(encoding="utf-8")
    assert "Één dag techniek in Curaçao" in news_page and 'alt="Twee leerlingen bouwen een robot"' in news_page
    assert "media/robotdag.png" in news_page and (site / "media/robotdag.png").is_file()
    webinar_page = (site / f"agenda/{Path(webinar_file).stem}/index.html").read_text(encoding="utf-8")
    assert "woensdag 26 juni 2024" in webinar_page and "15.00" in webinar_page and "16.30" in webinar_page
    past_page = (site / f"agenda/{Path(PAST_WEBINAR).stem}/index.html").read_text(encoding="utf-8")
    assert "Speel de opname af" in past_page and "media/opname-poster.png" in past_page


def _day(text: str):
    from datetime import date

    return date.fromisoformat(text)


def _front_matter(path: Path) -> dict:
    """The front matter as text values (as our loader keeps dates), for exact comparison."""
    text = path.read_text(encoding="utf-8")
    block = text.split("---\n")[1]
    return yaml.load(block, Loader=yaml.BaseLoader)


def test_editing_an_existing_item_changes_only_what_the_editor_changed(session, editor):
    """A month-only date, the id, the categories and the body stay as they were."""
    page, before = session.page, _front_matter(editor.repo / DIGIZINE)
    assert before["date"] == "2024-06"
    login(page, editor.server.origin)
    slug = Path(DIGIZINE).stem
    open_in_editor(page, editor.server.origin, f"collections/digizine/entries/{slug}")
    field(page, "summary").fill("Techlabs en hotspots laten duizenden leerlingen kennismaken met techniek.")
    save(page)
    toast(page, "Item opgeslagen")
    publish(page, editor.server.origin, "digizine", slug)
    after = _front_matter(editor.repo / DIGIZINE)
    assert after == {**before, "summary": "Techlabs en hotspots laten duizenden leerlingen kennismaken met techniek."}
    body = (editor.repo / DIGIZINE).read_text(encoding="utf-8").split("---\n", 2)[2]
    assert body.split() == (ROOT / "tests/corpus" / DIGIZINE).read_text(encoding="utf-8").split("---\n", 2)[2].split()
    load_content(editor.repo / "content", editor.repo)  # still valid
