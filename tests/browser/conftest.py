"""A real headless Chromium (Debian's /usr/bin/chromium, never a downloaded one) looking at
built sites served from 127.0.0.1 by Python's http.server."""

from __future__ import annotations

import functools
import http.server
import os
import threading
from pathlib import Path

import pytest

from ..sitebuild import ROOT

CHROMIUM = os.environ.get("STO_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
AXE = ROOT / "node_modules/axe-core/axe.min.js"
HOST = "127.0.0.1"
# This project's test port range; STO_TEST_PORTS=8500-8549 picks another (parallel checkouts).
_FIRST, _, _LAST = os.environ.get("STO_TEST_PORTS", "8100-8149").partition("-")
PORTS = range(int(_FIRST), int(_LAST) + 1)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 (http.server's signature)
        pass


class LocalServer:
    """Serves one built site on the first free port of PORTS, in a thread."""

    def __init__(self, directory: Path):
        handler = functools.partial(_QuietHandler, directory=str(directory))
        for port in PORTS:
            try:
                self.httpd = http.server.ThreadingHTTPServer((HOST, port), handler)
                break
            except OSError:
                continue
        else:
            raise RuntimeError(f"no free port in {PORTS.start}-{PORTS.stop - 1}")
        self.origin = f"http://{HOST}:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"{self.origin}/{path.lstrip('/')}"

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="session")
def corpus_server(corpus_site):
    """The corpus site (tests/corpus/, see sitecheck.py), served for the whole test run."""
    server = LocalServer(corpus_site.site)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}; run scripts/ensure-system-deps")
    if not AXE.exists():
        pytest.fail("axe-core missing; run 'make test' (npm ci installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


# Runs before the page's own scripts (as DevTools evaluates it, the page's policy does not apply).
CSP_LISTENER = """window.__stoCsp = [];
document.addEventListener('securitypolicyviolation',
  e => window.__stoCsp.push(e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sample || '')));"""


class Visit:
    """One page opened in a fresh context, with every request, console error and Content-Security-
    Policy violation recorded. Requests to any host but the local server are recorded and blocked."""

    def __init__(self, browser, origin: str, *, width: int = 1280, height: int = 800, javascript: bool = True):
        self.origin = origin
        self.context = browser.new_context(viewport={"width": width, "height": height},
                                           java_script_enabled=javascript, locale="nl-NL",
                                           service_workers="block")
        self.context.add_init_script(CSP_LISTENER)
        self.page = self.context.new_page()
        self.foreign: list[str] = []
        self.console_errors: list[str] = []
        self.context.route("**/*", self._route)
        self.page.on("console", lambda m: m.type == "error" and self.console_errors.append(m.text))
        self.page.on("pageerror", lambda e: self.console_errors.append(str(e)))

    def _route(self, route):
        url = route.request.url
        if url.startswith(self.origin + "/") or url.startswith("data:"):
            route.continue_()
        else:
            self.foreign.append(url)
            route.abort()

    def open(self, url: str):
        response = self.page.goto(url, wait_until="load")
        assert response is not None and response.status == 200, f"{url}: {response and response.status}"
        return self.page

    @property
    def csp_violations(self) -> list[str]:
        return self.page.evaluate("window.__stoCsp || []")

    def axe_violations(self, tags=("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")) -> list[str]:
        # Evaluated, not added as a <script>: the page's policy (rightly) refuses an inline script.
        self.page.evaluate("source => { (0, eval)(source); }", AXE.read_text(encoding="utf-8"))
        result = self.page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
            list(tags))
        return [f"{v['id']} ({v['impact']}): {v['help']} -> " + "; ".join(n["target"][0] if isinstance(n["target"][0], str) else str(n["target"]) for n in v["nodes"][:5])
                for v in result["violations"]]

    def close(self):
        self.context.close()


@pytest.fixture
def visit(browser):
    opened: list[Visit] = []

    def make(origin: str, **options) -> Visit:
        v = Visit(browser, origin, **options)
        opened.append(v)
        return v

    yield make
    for v in opened:
        v.close()
