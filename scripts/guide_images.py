"""The editors' guide's picture of the preview's problem page (docs-dev/voorbeeld-met-fouten.png),
made from the real content with four typical mistakes, so the messages in it are the ones the
validator gives today (make guide-images; rerun after changing a message).

The mistakes: a date that does not exist, a misspelt field name (so a required field is
missing), and a category that is not in the vocabulary. Photographed at 1280 px wide with
Debian's Chromium, as the guide's other screenshots.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from sto.content.loader import load_content
from sto.editors.problem_page import problem_page
from sto.problems import ContentInvalid
from tests.browser.conftest import CHROMIUM, CHROMIUM_FLAGS

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs-dev" / "voorbeeld-met-fouten.png"
EVENT = "content/agenda/2024-06-19-sto-live-gorinchem-en-altena.md"
NEWS = "content/news/2024-06-handreiking-borgen-sto.md"
# (file, text in it, replacement): each a mistake an editor makes.
MISTAKES = [
    (EVENT, "start: 2024-06-19 15:00", "start: 2024-06-31 15:00"),
    (NEWS, "\ntitle:", "\ntitel:"),
    (NEWS, "categories: [", "categories: [regionaal, "),
]


def problems_with_mistakes(project: Path) -> list:
    shutil.copytree(ROOT / "content", project / "content")
    for relpath, old, new in MISTAKES:
        path = project / relpath
        text = path.read_text(encoding="utf-8")
        if old not in text:
            raise SystemExit(f"{relpath} no longer holds {old!r}: update MISTAKES in {__file__}")
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    try:
        load_content(project / "content", project)
    except ContentInvalid as invalid:
        return invalid.problems
    raise SystemExit("the mistakes gave no problem")


def main() -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        html = problem_page(problems_with_mistakes(Path(tmp)))
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS)
            page = browser.new_page(viewport={"width": 1280, "height": 600}, locale="nl-NL")
            page.set_content(html)
            page.screenshot(path=str(OUT), full_page=True)
            browser.close()
    print(OUT.relative_to(ROOT), file=sys.stderr)


if __name__ == "__main__":
    main()
