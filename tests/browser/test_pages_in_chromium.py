"""Every page type, opened in a real Chromium: no accessibility violations (axe-core, WCAG 2.0,
2.1 and 2.2 A/AA), no request to any other host, no console errors, no Content-Security-Policy
violation; and the behaviour that only a browser shows (anchors, filter, facade, print)."""

from __future__ import annotations

import re

import pytest

from ..sitecheck import CANCELLED_SLUG, IMAGE_SLUG, MOVED_SLUG, PLACE_SLUG, RECORDED_SLUG

pytestmark = [pytest.mark.browser, pytest.mark.site]

PAGES = [  # every kind of page, from the corpus (tests/corpus/)
    "",  # Actueel
    "nieuws/",
    "nieuws/pagina/2/",
    "nieuws/2024-06-digizine-techlabs-en-hotspots/",
    "nieuws/2024-06-handreiking-borgen-sto/",
    f"nieuws/{IMAGE_SLUG}/",
    "nieuws/digizine/",
    "nieuws/categorie/techniekonderwijs/",
    "nieuws/categorie/regionale-samenwerking/pagina/2/",
    "nieuws/jaar/2024/",
    "nieuws/jaar/2023/pagina/2/",
    "agenda/",
    "agenda/2024-06-19-sto-live-gorinchem-en-altena/",
    "agenda/2024-06-12-ecpb-programmas-en-maatwerktrajecten/",
    f"agenda/{RECORDED_SLUG}/",
    f"agenda/{CANCELLED_SLUG}/",
    f"agenda/{MOVED_SLUG}/",
    f"agenda/{PLACE_SLUG}/",
    "agenda/terugblik-webinars/",
    "veelgestelde-vragen/",
    "veelgestelde-vragen/budget-na-2023-inzetten-in-2024/",
    "regio/",
    "regio/gorinchem-en-altena/",
    "regio/caribisch-nederland/",
    "regio/caribisch-nederland/pagina/2/",
    "agenda/volgen/",
    "over-sto/",
    "toegankelijkheid/",
    "privacy/",
    "open-data-en-insluiten/",
    "agenda/volgen/",  # with the embed snippets
    "nieuwsbrief/",  # the archive of newsletter editions
    "404.html",  # Material's page for addresses that do not exist
]

VIEWPORTS = {"telefoon": (375, 740), "desktop": (1280, 800)}


def _check(visit, server, path, viewport):
    width, height = VIEWPORTS[viewport]
    v = visit(server.origin, width=width, height=height)
    v.open(server.url(path))
    violations = v.axe_violations()
    assert violations == [], f"/{path} ({viewport}):\n" + "\n".join(violations)
    assert v.foreign == [], f"/{path} requested other hosts: {v.foreign}"
    assert v.console_errors == [], f"/{path} console errors: {v.console_errors}"
    assert v.csp_violations == [], f"/{path} policy violations: {v.csp_violations}"


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("path", PAGES)
def test_page_is_accessible_local_and_error_free(visit, corpus_server, path, viewport):
    _check(visit, corpus_server, path, viewport)


def test_the_checks_can_fail(visit, corpus_server):
    """axe, the request log, the console log and the policy violation log really report problems.
    The policy stops an image from another host before it is requested; a frame from a video
    player is allowed by the policy, and the request log sees it."""
    v = visit(corpus_server.origin)
    page = v.open(corpus_server.url("privacy/"))
    page.evaluate("""() => {
        const img = document.createElement('img'); img.src = 'https://example.org/x.png';
        document.querySelector('article').appendChild(img); console.error('kapot');
        const frame = document.createElement('iframe'); frame.title = 'speler';
        frame.src = 'https://www.youtube-nocookie.com/embed/aaaaaaaaaaa';
        document.querySelector('article').appendChild(frame);
    }""")
    page.wait_for_timeout(200)
    assert any(line.startswith("image-alt") for line in v.axe_violations())
    assert v.foreign == ["https://www.youtube-nocookie.com/embed/aaaaaaaaaaa"]
    assert v.console_errors and "kapot" in v.console_errors[0]
    assert v.csp_violations == ["img-src https://example.org/x.png "]


def test_the_policy_blocks_an_injected_inline_handler_and_script(visit, corpus_server):
    """Should markup ever get into a page, the policy keeps it from running: the page is served
    with an inline event handler, a javascript: link target and an inline script added."""
    v = visit(corpus_server.origin)
    injected = ('<img src="/assets/images/favicon.png" alt="" onload="window.__stoRan = 1">'
                '<script>window.__stoRan = 2</script>'
                '<a id="sto-js-link" href="javascript:window.__stoRan = 3">x</a></body>')

    def serve_with_injection(route):
        html = route.fetch().text()
        assert "Content-Security-Policy" in html
        route.fulfill(status=200, content_type="text/html; charset=utf-8", body=html.replace("</body>", injected, 1))

    v.page.route(corpus_server.url("privacy/"), serve_with_injection)
    page = v.open(corpus_server.url("privacy/"))
    page.locator("#sto-js-link").click()
    page.wait_for_timeout(200)
    assert page.evaluate("window.__stoRan") is None
    directives = sorted(line.split()[0] for line in v.csp_violations)
    assert directives == ["script-src-attr", "script-src-elem", "script-src-elem"], v.csp_violations


def test_opening_a_question_anchor_shows_its_answer(visit, corpus_server):
    v = visit(corpus_server.origin)
    page = v.open(corpus_server.url("veelgestelde-vragen/#budget-na-2023-inzetten-in-2024"))
    heading = page.locator("h3#budget-na-2023-inzetten-in-2024")
    assert heading.is_visible()
    answer = heading.locator("xpath=following-sibling::p[1]")
    assert answer.is_visible() and "transitiefase" in answer.inner_text()
    assert page.evaluate("document.querySelector(':target').id") == "budget-na-2023-inzetten-in-2024"
    box = heading.bounding_box()
    assert 0 <= box["y"] < 800, "the question is scrolled into view"


def test_topic_filter_hides_other_topics_and_an_anchor_brings_them_back(visit, corpus_server):
    v = visit(corpus_server.origin)
    page = v.open(corpus_server.url("veelgestelde-vragen/"))
    keuzevak = page.locator("#keuzevak-op-ander-niveau")
    budget = page.locator("#budget-na-2023-inzetten-in-2024")
    assert keuzevak.is_visible() and budget.is_visible()
    topics = page.get_by_role("navigation", name="Onderwerpen")
    box = topics.bounding_box()
    topics.get_by_role("button", name="Keuzevakken en examens (1)").click()
    assert keuzevak.is_visible() and not budget.is_visible()
    assert topics.get_by_role("button", name="Keuzevakken en examens (1)").get_attribute("aria-pressed") == "true"
    assert topics.bounding_box() == box  # the filter was in the HTML already: nothing moved
    page.goto(corpus_server.url("veelgestelde-vragen/#budget-na-2023-inzetten-in-2024"))
    assert budget.is_visible()
    assert topics.get_by_role("button", name="Alle onderwerpen").get_attribute("aria-pressed") == "true"
    assert v.console_errors == []


def test_without_javascript_every_question_is_visible(visit, corpus_server):
    v = visit(corpus_server.origin, javascript=False)
    page = v.open(corpus_server.url("veelgestelde-vragen/"))
    questions = page.locator("h3.sto-faq-question")
    assert questions.count() == 7  # the corpus: the six seed questions and fixture-vraag
    for i in range(7):
        assert questions.nth(i).is_visible()
    topics = page.get_by_role("navigation", name="Onderwerpen")
    assert topics.get_by_role("link", name="Keuzevakken en examens (1)").is_visible()  # links to the topics
    assert topics.get_by_role("button").count() == 0
    assert page.locator(".md-sidebar--secondary").is_hidden()  # the topics once, no table of contents


def test_recording_loads_nothing_from_youtube_before_the_click(visit, corpus_server):
    v = visit(corpus_server.origin)
    page = v.open(corpus_server.url(f"agenda/{RECORDED_SLUG}/"))
    page.wait_for_load_state("networkidle")
    assert v.foreign == []
    assert page.locator("iframe").count() == 0
    page.get_by_role("button", name="Speel de opname af").click()
    frame = page.locator(".sto-video iframe")
    assert frame.get_attribute("src") == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"
    assert frame.get_attribute("title") == "Opname: STO LIVE-webinar met opname"
    page.wait_for_timeout(200)
    assert any("youtube-nocookie.com" in url for url in v.foreign), "the click asks for the player (blocked here)"


def test_print_shows_every_faq_answer_and_hides_navigation(visit, corpus_server):
    v = visit(corpus_server.origin)
    page = v.open(corpus_server.url(""))
    answer = page.locator(".sto-faq-details__answer").first
    assert not answer.is_visible()
    page.emulate_media(media="print")
    assert answer.is_visible()
    assert not page.locator(".md-tabs").is_visible()
    assert not page.locator(".md-header").is_visible()


def test_a_printed_page_names_the_site_its_address_and_the_print_date(visit, corpus_server):
    v = visit(corpus_server.origin)
    page = v.open(corpus_server.url("veelgestelde-vragen/"))
    header = page.locator(".sto-print-header")
    assert not header.is_visible()  # on screen: nothing
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    assert header.is_visible()
    words = " ".join(header.inner_text().split())
    today = page.evaluate("new Date().toLocaleDateString('nl-NL', {weekday: 'long', day: 'numeric', "
                          "month: 'long', year: 'numeric'})")
    assert words == f"Sterk Techniekonderwijs https://www.sterktechniekonderwijs.nl/veelgestelde-vragen/ Afgedrukt op {today}"
    assert re.fullmatch(r"[a-z]+dag \d{1,2} [a-z]+ \d{4}", today)  # "dinsdag 1 december 2026"


@pytest.mark.parametrize("path", ["", "agenda/2024-06-19-sto-live-gorinchem-en-altena/", "veelgestelde-vragen/"])
def test_first_tab_reaches_a_visible_skip_link(visit, corpus_server, path):
    v = visit(corpus_server.origin)
    page = v.open(corpus_server.url(path))
    page.keyboard.press("Tab")
    focused = page.evaluate("[document.activeElement.className, document.activeElement.textContent.trim()]")
    assert focused[0].split()[0] == "md-skip" and focused[1] == "Ga naar inhoud"
    assert page.locator("a.md-skip:focus").is_visible()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    inside = page.evaluate("!!document.activeElement.closest('.md-content')")
    assert inside, "after the skip link the next Tab lands in the content"
