"""Screenshots of the home page, a news item, an event, the FAQ page and "Agenda volgen" at
phone and desktop width.

Builds the site into a temporary folder (SOURCE_DATE_EPOCH: 2024-06-15 unless set), serves it
on 127.0.0.1 and photographs it with Debian's Chromium. Output: screenshots/ (git-ignored), or
the folder given as the first argument.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from tests.browser.conftest import CHROMIUM, CHROMIUM_FLAGS, LocalServer
from tests.sitebuild import EPOCH_2024_06_15, mkdocs_build

ROOT = Path(__file__).resolve().parent.parent

PAGES = {
    "actueel": "",
    "nieuwsbericht": "nieuws/2024-06-handreiking-borgen-sto/",
    "evenement": "agenda/2024-06-19-sto-live-gorinchem-en-altena/",
    "veelgestelde-vragen": "veelgestelde-vragen/",
    "agenda-volgen": "agenda/volgen/",
}
WIDTHS = {"telefoon": (375, 740), "desktop": (1280, 800)}


def main() -> None:
    from playwright.sync_api import sync_playwright

    out = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else ROOT / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        mkdocs_build(ROOT, site, os.environ.get("SOURCE_DATE_EPOCH", EPOCH_2024_06_15))
        server = LocalServer(site)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS)
                for width_name, (width, height) in WIDTHS.items():
                    context = browser.new_context(viewport={"width": width, "height": height}, locale="nl-NL")
                    context.route("**/*", lambda route: route.continue_()
                                  if route.request.url.startswith(server.origin) else route.abort())
                    page = context.new_page()
                    for name, path in PAGES.items():
                        page.goto(server.url(path), wait_until="networkidle")
                        page.wait_for_timeout(300)  # let Material settle (tabs fade in)
                        target = out / f"{name}-{width_name}.png"
                        page.screenshot(path=str(target), full_page=True)
                        print(target)
                    context.close()
                browser.close()
        finally:
            server.stop()


if __name__ == "__main__":
    main()
