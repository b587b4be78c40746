"""Lighthouse on a phone, median of several runs, for every page type of a built corpus site,
served gzip-compressed as GitHub Pages serves it: the numbers in the README ("Lighthouse on
phones"). The pages are the Lighthouse test's (tests/browser/test_lighthouse.py).

    python -m scripts.lighthouse_medians <site folder> [runs, default 3] [page type ...]

Prints one Markdown table row per page type: performance, FCP, LCP, TBT (ms), CLS, and the
other three scores of the first run.
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

from tests.browser.conftest import LocalServer
from tests.browser.test_lighthouse import PAGE_TYPES, lighthouse
from tests.gzip_server import handler


def main() -> None:
    site, runs = Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 3
    pages = {name: path for name, path in PAGE_TYPES.items() if not sys.argv[3:] or name in sys.argv[3:]}
    server = LocalServer(site, handler(site))
    try:
        results = [lighthouse(server.origin, "mobile", list(pages.values())) for _ in range(runs)]
    finally:
        server.stop()
    print("| page type | performance | FCP | LCP | TBT | CLS | accessibility / best practices / SEO |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | --- |")
    for name, path in pages.items():
        these = [result[path] for result in results if path in result and "metrics" in result[path]]
        if len(these) < runs:  # the page is not there (an older build) or Lighthouse failed on it
            print(f"| {name} | – | – | – | – | – | – |")
            continue

        def median(key: str, these: list[dict] = these) -> float:
            return statistics.median(run["metrics"][key] for run in these)

        performance = statistics.median(run["scores"]["performance"] for run in these)
        cls = statistics.median(run["cls"] for run in these)
        others = " / ".join(str(these[0]["scores"][k]) for k in ("accessibility", "best-practices", "seo"))
        print(f"| {name} | {performance:g} | {median('fcp') / 1000:.2f} s | {median('lcp') / 1000:.2f} s "
              f"| {median('tbt'):.0f} ms | {cls:.3f} | {others} |")


if __name__ == "__main__":
    main()
