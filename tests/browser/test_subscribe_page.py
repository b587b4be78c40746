"""The "Agenda volgen" copy buttons in a real headless Chromium: keyboard, clipboard, and without JavaScript."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.site, pytest.mark.browser]

AGENDA = "https://www.sterktechniekonderwijs.nl/agenda/agenda.ics"


def test_copy_button_is_reachable_by_keyboard_and_copies_the_address(corpus_server, browser):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(corpus_server.url("agenda/volgen/"))
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
    page.wait_for_function("() => document.querySelector('.sto-copy-status').textContent.length > 0")  # a function: a bare expression is eval'ed, which the policy refuses
    assert page.evaluate("navigator.clipboard.readText()") == AGENDA
    assert page.locator(".sto-copy-status").inner_text() == f"Adres gekopieerd: {AGENDA}"
    assert page.locator(".sto-copy-status").get_attribute("aria-live") == "polite"
    context.close()


def test_without_javascript_there_is_no_dead_button_and_the_address_is_selectable_text(corpus_server, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(corpus_server.url("agenda/volgen/"))
    assert page.locator("button[data-sto-copy]").first.is_hidden()
    address = page.locator("code.sto-calendar-url").first
    assert address.inner_text() == AGENDA
    assert page.evaluate("getComputedStyle(document.querySelector('code.sto-calendar-url')).userSelect") != "none"
    context.close()
