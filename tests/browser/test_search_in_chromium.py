"""The site search as a visitor meets it, in Debian's Chromium: nothing of it loads until the
search is opened; typing finds the FAQ questions Material's search found (on the corpus, a copy
of the seed content: "begroting" and "keuzevak", each the same two questions, in the same
order, measured on the real site before the switch), with kind and date; axe finds nothing;
the keyboard opens, uses and closes it; without JavaScript the button is a link to the page
that lists the overviews."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

# What Material's search showed for these words on the seed content (its last build, 2026-12-07).
FOUND_BEFORE = {
    "begroting": ["veelgestelde-vragen/begroting-activiteitenplan-aantal-jaren/",
                  "veelgestelde-vragen/tijdlijn-sto-plannen-2025-2029/"],
    "keuzevak": ["veelgestelde-vragen/keuzevak-op-ander-niveau/",
                 "veelgestelde-vragen/uitgangspunten-conceptregeling-2025-2029/"],
}
SEARCH_FILES = ("/pagefind/", "sto-search.js")


def _search(page, words: str) -> list[dict]:
    page.wait_for_selector("#sto-search-query:focus")
    page.fill("#sto-search-query", "")
    page.keyboard.type(words, delay=30)
    page.wait_for_function("q => (document.querySelector('.sto-search__status') || {}).textContent"
                           "?.includes('\u201c' + q + '\u201d')", arg=words)
    return page.eval_on_selector_all(".sto-search__result", """items => items.map(item => ({
        href: item.querySelector('a').getAttribute('href'),
        title: item.querySelector('a').textContent,
        meta: (item.querySelector('.sto-search__meta') || {}).textContent || ''}))""")


def test_nothing_of_the_search_loads_until_it_is_opened(corpus_server, visit):
    v = visit(corpus_server.origin)
    requested: list[str] = []
    v.page.on("request", lambda request: requested.append(request.url))
    page = v.open(corpus_server.url("/"))
    page.wait_for_timeout(500)
    assert not [url for url in requested if any(part in url for part in SEARCH_FILES)]
    page.click("[data-sto-search-open]")
    _search(page, "begroting")
    assert [url for url in requested if "/pagefind/" in url]  # loaded now, from this site
    assert v.foreign == [] and v.csp_violations == [] and v.console_errors == []


@pytest.mark.parametrize("width", [1280, 375])
def test_begroting_and_keuzevak_find_the_same_faq_questions_as_before_with_kind_and_date(corpus_server, visit, width):
    v = visit(corpus_server.origin, width=width)
    page = v.open(corpus_server.url("/agenda/"))
    page.click("[data-sto-search-open]")
    for words, expected in FOUND_BEFORE.items():
        results = _search(page, words)
        faq = [r["href"].lstrip("/") for r in results if r["meta"].startswith("Veelgestelde vraag")]
        assert faq == expected, (words, results)
    results = _search(page, "begroting")
    first = results[0]
    assert first["title"].startswith("Op uiterlijk 1 oktober 2024 moeten de regio")
    assert first["meta"] == "Veelgestelde vraag · 6 juni 2024"
    page.click(".sto-search__link >> nth=0")
    page.wait_for_url("**/veelgestelde-vragen/begroting-activiteitenplan-aantal-jaren/")
    assert v.csp_violations == [] and v.console_errors == [] and v.foreign == []


def test_the_search_dialog_passes_axe_and_works_with_the_keyboard(corpus_server, visit):
    v = visit(corpus_server.origin, width=375, height=740)
    page = v.open(corpus_server.url("/nieuws/"))
    page.keyboard.press("/")
    results = _search(page, "begrotingen")  # Dutch stemming: the plural finds the singular
    assert results
    assert page.evaluate("document.querySelector('dialog.sto-search').open")
    assert page.evaluate("document.activeElement.id") == "sto-search-query"
    assert page.get_attribute("dialog.sto-search", "aria-labelledby") == "sto-search-title"
    assert page.get_attribute(".sto-search__status", "role") == "status"
    assert v.axe_violations() == []
    page.keyboard.press("Enter")  # to the first result
    assert page.evaluate("document.activeElement.classList.contains('sto-search__link')")
    page.keyboard.press("Escape")
    assert not page.evaluate("document.querySelector('dialog.sto-search').open")
    # focus back on the button: the dialog's close event, which restores it, is a task of its own
    # (a function: a bare expression is eval'ed, which the policy refuses)
    page.wait_for_function("() => !!document.activeElement && document.activeElement.hasAttribute('data-sto-search-open')",
                           timeout=2000)
    page.keyboard.press("Enter")  # opens it again
    assert page.evaluate("document.querySelector('dialog.sto-search').open")


def test_without_javascript_the_button_is_a_link_to_the_overviews(corpus_server, visit):
    v = visit(corpus_server.origin, javascript=False)
    page = v.open(corpus_server.url("/nieuws/"))
    link = page.locator("a[data-sto-search-open]")
    assert link.inner_text().strip() == "Zoeken"
    link.click()
    page.wait_for_url("**/zoeken/")
    links = page.locator(".md-content a")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    for overview in ("../nieuws/", "../agenda/", "../veelgestelde-vragen/", "../regio/"):
        assert overview in hrefs, (overview, hrefs)


def test_dutch_stemming_and_each_faq_question_as_its_own_result(corpus_server, visit):
    v = visit(corpus_server.origin)
    page = v.open(corpus_server.url(""))
    page.click("[data-sto-search-open]")
    hrefs = [r["href"] for r in _search(page, "keuzevakken")]  # also finds "keuzevak"
    assert "/veelgestelde-vragen/keuzevak-op-ander-niveau/" in hrefs
    assert not [h for h in hrefs if "veelgestelde-vragen/#" in h or h.endswith("/veelgestelde-vragen/")]
    results = _search(page, "subsidie")
    titles = [" ".join(r["title"].split()) for r in results]
    assert {"Mag budget dat overblijft na 2023 nog ingezet worden in 2024?",
            "De interne en externe loonkosten zijn gestegen. Mogen er nieuwe tarieven binnen STO worden "
            "gehanteerd?"} <= set(titles)
    assert len(titles) == len(set(titles))
    status = page.text_content(".sto-search__status")
    assert re.fullmatch(r"\d+ resultaten voor “subsidie”", status), status
    assert v.console_errors == []


def test_a_hostile_title_and_text_are_shown_as_text(corpus_server, visit):
    v = visit(corpus_server.origin)
    page = v.open(corpus_server.url(""))
    page.click("[data-sto-search-open]")
    results = _search(page, "xss")
    hostile = [r for r in results if r["href"].endswith("/nieuws/fixture-gevaarlijke-tekst/")]
    assert hostile and '<script>alert("sto-xss")</script>' in hostile[0]["title"], results
    assert page.locator(".sto-search__results script, .sto-search__results img").count() == 0
    assert page.evaluate("document.querySelectorAll('.sto-search__excerpt *:not(mark)').length") == 0
    assert "<script>" in " ".join(page.locator(".sto-search__excerpt").all_text_contents())
    assert v.console_errors == [] and v.csp_violations == []


def test_what_is_typed_while_the_search_loads_is_kept(corpus_server, visit):
    v = visit(corpus_server.origin)
    page = v.open(corpus_server.url(""))
    cdp = v.context.new_cdp_session(page)  # a slow network: the search's script takes a while
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": 600, "downloadThroughput": -1,
                                                  "uploadThroughput": -1})
    page.click("[data-sto-search-open]")
    page.keyboard.type("keuzevak", delay=10)  # at once: before the dialog is there
    assert page.locator("dialog.sto-search").count() == 0  # (so this test tests something)
    page.wait_for_function("() => document.querySelector('.sto-search__status')?.textContent.includes('keuzevak')")
    assert page.input_value("#sto-search-query") == "keuzevak"
