"""The site search on a phone, measured: the benchmark corpus built by this project, served
gzipped by a local server that logs the bytes it sends, in Debian's Chromium throttled like a
mid-range phone (CPU at a quarter speed, 9 Mbit/s, 150 ms latency; DevTools protocol).

Per size, three runs, medians: the home page's bytes while nobody searches; the bytes of a first
search for "begroting" until its first result shows; first key to first result (typed at 120 ms
a key; in brackets from the last key); a second query ("keuzevak"), its time and bytes. The
same for Material's search on the plain mkdocs-material site over the same Markdown (the
benchmark's comparison build, ``bench.corpus``), as this site searched before.

    python -m bench.search 1000 5000     # prints the table (about 5 minutes)
"""

from __future__ import annotations

import functools
import gzip
import http.server
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench.builds import timed_build

CHROMIUM = "/usr/bin/chromium"
PORT = 8580  # this checkout's benchmark port
RUNS = 3
THROTTLE = {"offline": False, "latency": 150, "downloadThroughput": 9_000_000 / 8, "uploadThroughput": 9_000_000 / 8}
COMPRESSED = (".html", ".css", ".js", ".json", ".xml", ".svg", ".pf_meta", ".pagefind")


class _Logged(http.server.SimpleHTTPRequestHandler):
    """Serves the site gzipped (as GitHub Pages does), adding up the bytes sent."""

    sent: list[int] = [0]

    def log_message(self, format, *args):  # noqa: A002
        pass

    def do_GET(self) -> None:  # noqa: N802
        path = Path(self.translate_path(self.path.split("?")[0]))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            self.send_error(404)
            return
        data = path.read_bytes()
        gzipped = path.suffix in COMPRESSED and "gzip" in self.headers.get("Accept-Encoding", "")
        if gzipped:
            data = gzip.compress(data, 6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(data)
        self.sent[0] += len(data)


def _serve(site: Path) -> http.server.ThreadingHTTPServer:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", PORT), functools.partial(_Logged, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


# How each site's search is opened, typed into and shows a result.
OURS = {"open": "[data-sto-search-open]", "input": "#sto-search-query:focus", "result": ".sto-search__result",
        "status": ".sto-search__status"}
MATERIAL = {"open": "label.md-header__button[for=__search]", "input": "input.md-search__input:focus",
            "result": ".md-search-result__item", "status": ".md-search-result__meta"}


def _one_run(browser, origin: str, ui: dict[str, str]) -> dict[str, float]:
    sent = _Logged.sent
    context = browser.new_context(viewport={"width": 412, "height": 839}, locale="nl-NL", service_workers="block")
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    cdp.send("Network.emulateNetworkConditions", THROTTLE)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    sent[0] = 0
    page.goto(origin + "/", wait_until="load")
    page.wait_for_timeout(1500)
    home = sent[0]
    page.click(ui["open"])
    page.wait_for_selector(ui["input"])
    sent[0] = 0
    start = time.perf_counter()
    page.keyboard.type("begroting", delay=120)  # a person typing
    typed = time.perf_counter()
    page.wait_for_selector(ui["result"])
    first = time.perf_counter() - start
    after_last_key = time.perf_counter() - typed
    page.wait_for_timeout(500)
    first_bytes = sent[0]
    page.fill(ui["input"].removesuffix(":focus"), "")
    page.wait_for_timeout(300)
    sent[0] = 0
    start = time.perf_counter()
    page.keyboard.type("keuzevak", delay=120)
    page.wait_for_function("ui => document.querySelector(ui.result) && [...document.querySelectorAll(ui.result)]"
                           ".some(r => /keuzevak/i.test(r.textContent))", arg=ui)
    second = time.perf_counter() - start
    page.wait_for_timeout(500)
    second_bytes = sent[0]
    context.close()
    return {"home": home, "first_bytes": first_bytes, "first": first, "after_last_key": after_last_key,
            "second": second, "second_bytes": second_bytes}


def measure(site: Path, ui: dict[str, str]) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    server = _serve(site)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
            runs = [_one_run(browser, f"http://127.0.0.1:{PORT}", ui) for _ in range(RUNS)]
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def built(size: int, folder: Path) -> tuple[Path, Path]:
    """The corpus built by this project, and by plain mkdocs-material (Material's search)."""
    subprocess.run([sys.executable, "-m", "bench.corpus", str(size), str(folder)], check=True,
                   stdout=subprocess.DEVNULL)
    timed_build(folder / "project", folder / "site")
    timed_build(folder / "plain", folder / "plain-site")
    return folder / "site", folder / "plain-site"


def _row(size: int, search: str, found: dict[str, float]) -> str:
    return (f"| {size:,} | {search} | {found['home'] / 1000:.0f} KB | {found['first_bytes'] / 1000:.0f} KB "
            f"| {found['first']:.2f} s ({found['after_last_key']:.2f} s) "
            f"| {found['second']:.2f} s ({found['second_bytes'] / 1000:.0f} KB) |")


def main(sizes: list[int]) -> None:
    print("| N | search | home page, nobody searching | bytes for a first search (\"begroting\") "
          "| first key → first result (last key →) | second query (\"keuzevak\") |")
    print("|---|---|---|---|---|---|")
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix=f"sto-search-{size}-") as folder:
            ours, plain = built(size, Path(folder))
            print(_row(size, "Material's (plain mkdocs-material)", measure(plain, MATERIAL)), flush=True)
            print(_row(size, "Pagefind (this project)", measure(ours, OURS)), flush=True)


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [1000, 5000])
