"""The site's own images, drawn from the text wordmark in the site's colours (docs/assets/sto.css)
by Debian's Chromium: the share image (og:image, 1200 x 630), favicon.ico (32 and 48 px) and the
same icon as PNG for feeds and the home page's Organization logo (``urls.ICONS``: 512, 144, 64 px).
No logos of other organisations. The files are committed; run this again only after changing
the wordmark or the colours: `make brand-images`.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path
from typing import Any

from sto.site import urls
from sto.site.structured_data import SHARE_IMAGE_SIZE
from tests.browser.conftest import CHROMIUM, CHROMIUM_FLAGS

ROOT = Path(__file__).resolve().parent.parent
BLUE, DARK, ORANGE = "#0b4a6f", "#062c43", "#f28c28"  # --sto-blue, --sto-blue-dark, --sto-orange

SHARE = f"""<!doctype html><html lang="nl"><body style="margin:0">
<div style="width:1200px;height:630px;box-sizing:border-box;padding:90px 100px;background:{BLUE};
  color:#fff;font-family:'DejaVu Sans',sans-serif;display:flex;flex-direction:column;justify-content:center">
  <div style="width:140px;height:18px;background:{ORANGE};margin-bottom:48px"></div>
  <div style="font-size:92px;font-weight:800;line-height:1.05;letter-spacing:-1px">Sterk<br>Techniekonderwijs</div>
  <div style="font-size:40px;margin-top:44px;color:#e6f0f6">Nieuws, agenda en veelgestelde vragen</div>
  <div style="position:absolute;left:0;top:600px;width:1200px;height:30px;background:{DARK}"></div>
</div></body></html>"""

ICON = f"""<!doctype html><html><body style="margin:0">
<div style="width:48px;height:48px;background:{BLUE};color:#fff;font:800 19px 'DejaVu Sans',sans-serif;
  display:flex;flex-direction:column;align-items:center;justify-content:center;letter-spacing:-.5px">
  STO<div style="width:34px;height:5px;background:{ORANGE};margin-top:3px"></div>
</div></body></html>"""


def ico(pngs: list[tuple[int, bytes]]) -> bytes:
    """An .ico file holding PNG images (every browser reads PNG inside ICO)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = 6 + 16 * len(pngs)
    entries, data = b"", b""
    for size, png in pngs:
        entries += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(png), offset + len(data))
        data += png
    return header + entries + data


def icon_png(browser: Any, size: int) -> bytes:
    """The 48 px icon drawn at ``size`` px (scaled by the browser, so the text stays sharp)."""
    page = browser.new_page(viewport={"width": 48, "height": 48}, device_scale_factor=size / 48)
    page.set_content(ICON)
    png: bytes = page.screenshot(clip={"x": 0, "y": 0, "width": 48, "height": 48})
    page.close()
    return png


def icons(browser: Any) -> None:
    for size, address in urls.ICONS.items():
        path = ROOT / "docs" / address
        path.write_bytes(icon_png(browser, size))
        print(path.relative_to(ROOT))


def main(only_icons: bool = False) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS)
        icons(browser)
        if only_icons:
            browser.close()
            return
        width, height = SHARE_IMAGE_SIZE
        page = browser.new_page(viewport={"width": width, "height": height})
        page.set_content(SHARE)
        share = ROOT / "docs" / urls.SHARE_IMAGE
        page.screenshot(path=str(share), clip={"x": 0, "y": 0, "width": width, "height": height})
        print(share.relative_to(ROOT))
        pngs = [(size, icon_png(browser, size)) for size in (48, 32)]
        favicon = ROOT / "docs/favicon.ico"
        favicon.write_bytes(ico(pngs))
        print(favicon.relative_to(ROOT))
        browser.close()


if __name__ == "__main__":
    main(only_icons="--icons" in sys.argv)
