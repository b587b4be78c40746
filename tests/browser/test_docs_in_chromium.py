"""Hand-written pages, files and settings in Chromium (issue 20): the hostile docs pages that
the build allows (tests/hostile_docs_corpus.py, NEUTRALISED) run no script, open no dialog and
go nowhere else, their files included; a script file that is on the site but not in the policy's
registry does not run, although it comes from the site itself (script-src has no 'self')."""

from __future__ import annotations

import pytest

from ..hostile_corpus import MARK
from ..hostile_docs_corpus import NEUTRALISED_TITLES
from ..test_hostile_docs_corpus import build_docs_site
from .conftest import LocalServer

WATCH = """window.__stoDialogs = [];
for (const name of ['alert', 'confirm', 'prompt']) window[name] = (...a) => { window.__stoDialogs.push(String(a[0])); };"""


@pytest.fixture(scope="module")
def docs_server(tmp_path_factory):
    site = build_docs_site(tmp_path_factory.mktemp("docs-in-chromium"))
    (site / "assets/nieuw.js").write_text("window.__stoRan = 'nieuw';\n", encoding="utf-8")  # as if published
    server = LocalServer(site)
    yield server
    server.stop()


@pytest.mark.parametrize("path", [*NEUTRALISED_TITLES, "media/tekening.svg", "", "veelgestelde-vragen/"])
def test_a_hostile_docs_page_or_file_runs_nothing_and_stays_on_the_site(visit, docs_server, path):
    v = visit(docs_server.origin)
    v.context.add_init_script(WATCH)
    dialogs: list[str] = []
    v.page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page = v.open(docs_server.url(path))
    page.wait_for_timeout(300)
    assert page.url == docs_server.url(path)  # no redirect, no refresh
    assert page.evaluate("window.__stoDialogs") == [] and dialogs == []
    assert v.foreign == [] and v.csp_violations == [] and v.console_errors == []
    if path in NEUTRALISED_TITLES:
        assert page.title().startswith(NEUTRALISED_TITLES[path])  # the title as typed, as text
        executable = "Array.from(document.scripts).filter(s => !/json/.test(s.type)).map(s => s.text).join(' ')"
        assert MARK not in page.evaluate(executable)  # in JSON-LD it is data, as text


def test_a_script_file_outside_the_registry_is_blocked_even_from_the_site_itself(visit, docs_server):
    v = visit(docs_server.origin)

    def with_script(route):
        html = route.fetch().text()
        route.fulfill(status=200, content_type="text/html; charset=utf-8",
                      body=html.replace("</body>", '<script src="../assets/nieuw.js"></script></body>', 1))

    v.page.route(docs_server.url("over-sto/"), with_script)
    page = v.open(docs_server.url("over-sto/"))
    page.wait_for_timeout(300)
    assert page.evaluate("window.__stoRan") is None
    assert [line.split()[0] for line in v.csp_violations] == ["script-src-elem"], v.csp_violations


def test_the_site_scripts_still_run_under_the_policy(visit, docs_server):
    """Material's bundle (the search dialog) and ours (the FAQ filter) load by their hashes."""
    v = visit(docs_server.origin)
    page = v.open(docs_server.url("veelgestelde-vragen/"))
    page.wait_for_function("() => document.querySelector('[data-sto-faq-filter] a[role=button]') !== null")
    assert page.evaluate("typeof window.document$") == "object"  # Material's bundle ran
    assert v.csp_violations == [] and v.console_errors == []
