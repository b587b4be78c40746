"""The "Agenda volgen" copy buttons in a real headless Chromium: keyboard, clipboard, and without JavaScript."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

import pytest

from .sitebuild import ROOT, mkdocs_build

pytestmark = [pytest.mark.site, pytest.mark.browser]

CHROMIUM = "/usr/bin/chromium"
PORT = 8150  # this feature's ports: 127.0.0.1:8150-8199
AGENDA = "https://www.sterktechniekonderwijs.nl/agenda/agenda.ics"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    site = tmp_path_factory.mktemp("site")
    mkdocs_build(ROOT, site)
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", PORT), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{PORT}/"
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is missing: make test installs Debian's chromium package")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield browser
        browser.close()


def test_copy_button_is_reachable_by_keyboard_and_copies_the_address(served, browser):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(served + "agenda/volgen/")
    button = page.locator("button[data-sto-copy]").first
    assert button.is_visible()
    assert button.inner_text().strip() == "Kopieer adres van STO-agenda"  # the name says which address
    for _ in range(80):  # Tab from the top of the page until the first copy button has focus
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('button[data-sto-copy]')"):
            break
    else:
        pytest.fail("the copy button cannot be reached with Tab")
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelector('.sto-copy-status').textContent.length > 0")
    assert page.evaluate("navigator.clipboard.readText()") == AGENDA
    assert page.locator(".sto-copy-status").inner_text() == f"Adres gekopieerd: {AGENDA}"
    assert page.locator(".sto-copy-status").get_attribute("aria-live") == "polite"
    context.close()


def test_without_javascript_there_is_no_dead_button_and_the_address_is_selectable_text(served, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served + "agenda/volgen/")
    assert page.locator("button[data-sto-copy]").first.is_hidden()
    address = page.locator("code.sto-calendar-url").first
    assert address.inner_text() == AGENDA
    assert page.evaluate("getComputedStyle(document.querySelector('code.sto-calendar-url')).userSelect") != "none"
    context.close()
