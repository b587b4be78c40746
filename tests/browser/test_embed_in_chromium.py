"""The embeddable agendas in a real headless Chromium, inside an <iframe> on a partner's page
served from another origin (a second local port): they load with no console error, no request
outside our site, no script, our own stylesheet under their strict CSP, and they pass axe (as
does a newsletter edition as the site serves it)."""

from __future__ import annotations

import html
import re

import pytest

from .conftest import AXE, LocalServer

pytestmark = [pytest.mark.site, pytest.mark.browser]

EMBEDS = {
    "embed/regio/gorinchem-en-altena/": "regio/gorinchem-en-altena/index.html",  # page with its snippet
    "embed/agenda/": "agenda/volgen/index.html",
}


@pytest.fixture(scope="module")
def our_site(corpus_server):
    return corpus_server


def partner_page(corpus_site, our_site, embed: str, page: str, folder) -> str:
    """A partner's page holding the snippet exactly as our page shows it, pointed at the local server."""
    doc = corpus_site.parse_html(corpus_site.site / page)
    snippets = [c.text_content() for c in doc.xpath("//div[@class='sto-embed-snippet']//code")]
    snippet = next(s for s in snippets if f'src="{corpus_site.site_url}{embed}"' in html.unescape(s))
    local = snippet.replace(corpus_site.site_url, our_site.origin + "/")
    (folder / "partner.html").write_text(
        '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>School X: agenda</title></head>'
        f'<body><main><h1>Agenda van onze regio</h1>{local}</main></body></html>', encoding="utf-8")
    return snippet


class TwoOrigins:
    """A browser context that lets requests to our site and the partner's page through, and
    records (and blocks) every other request; console errors from any frame are recorded."""

    def __init__(self, browser, allowed: tuple[str, ...], **options):
        self.allowed = allowed
        self.context = browser.new_context(locale="nl-NL", service_workers="block", **options)
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.foreign: list[str] = []
        self.console_errors: list[str] = []
        self.context.route("**/*", self._route)
        self.page.on("console", lambda m: m.type in ("error", "warning") and self.console_errors.append(m.text))
        self.page.on("pageerror", lambda e: self.console_errors.append(str(e)))

    def _route(self, route):
        url = route.request.url
        self.requests.append(url)
        if url.startswith(self.allowed):
            route.continue_()
        else:
            self.foreign.append(url)
            route.abort()


@pytest.mark.parametrize("embed", list(EMBEDS))
def test_embed_loads_in_an_iframe_on_another_origin_without_errors_or_foreign_requests(
        embed, corpus_site, our_site, browser, tmp_path):
    snippet = partner_page(corpus_site, our_site, embed, EMBEDS[embed], tmp_path)
    partner = LocalServer(tmp_path)
    try:
        assert partner.origin != our_site.origin
        visit = TwoOrigins(browser, (our_site.origin + "/", partner.origin + "/"))
        visit.page.goto(partner.url("partner.html"), wait_until="load")
        frame = visit.page.locator("iframe").element_handle().content_frame()  # lazy: loads when in view
        frame.wait_for_load_state("load")
        frame.wait_for_selector("h1")
        assert frame.url == our_site.url(embed)
        title = html.unescape(re.search(r'title="([^"]+)"', snippet).group(1))
        assert visit.page.locator("iframe").get_attribute("title") == title == frame.title()
        assert frame.evaluate("document.scripts.length") == 0
        # our stylesheet applies inside the frame, under the page's strict CSP
        # the site's link colour (--sto-link, #0b5f8f, in docs/assets/sto.css), not one of its own
        assert frame.evaluate("getComputedStyle(document.querySelector('a')).color") == "rgb(11, 95, 143)"
        links = frame.locator("a")
        assert links.count() >= 3
        assert all(links.nth(i).get_attribute("target") == "_top" for i in range(links.count()))
        assert frame.locator("h2").count() == len(corpus_site.parse_html(
            corpus_site.site / embed / "index.html").xpath("//h2"))
        assert visit.console_errors == []
        assert visit.foreign == []
        ours = sorted({u.removeprefix(our_site.origin) for u in visit.requests if u.startswith(our_site.origin)})
        assert ours == sorted(["/" + embed, "/embed/embed.css"])
        visit.context.close()
    finally:
        partner.stop()


@pytest.mark.parametrize("path", [*EMBEDS, "nieuwsbrief/2024-05/nieuwsbrief.html"])  # and a newsletter edition
def test_embeds_and_newsletter_editions_pass_axe(path, our_site, browser):
    # axe is injected as a script, which their own CSP forbids: this context bypasses it.
    context = browser.new_context(locale="nl-NL", bypass_csp=True, viewport={"width": 400, "height": 600})
    page = context.new_page()
    page.goto(our_site.url(path), wait_until="load")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {runOnly: {type: 'tag', values: "
                           "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}})")
    assert [f"{v['id']}: {v['help']}" for v in result["violations"]] == []
    assert len(result["passes"]) > 10
    context.close()
