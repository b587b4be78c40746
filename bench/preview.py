"""Preview save-to-visible: how long after a save the changed page shows the change.

Starts ``mkdocs serve`` the way ``make serve`` does (strict, live reload) on a generated
corpus, on a free port, waits for the first build, then saves one news item's body with a new
word several times and polls that item's page over HTTP (as the browser reloads it: MkDocs
holds page requests while it rebuilds) until the word is there. Reports the median and each
save's time, with the CPU time of a full ``mkdocs build`` of the same content for comparison.

    python -m bench.preview --items 700 --saves 3
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from bench import corpus

EPOCH = "1718409600"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str, timeout: float = 120) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return None


def wait_for(url: str, predicate, limit: float) -> float:
    """Seconds until ``predicate(page text)`` holds for the page at ``url``, polled every 20 ms."""
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        text = fetch(url)
        if text is not None and predicate(text):
            return time.perf_counter() - start
        time.sleep(0.02)
    raise SystemExit(f"{url} did not show the change within {limit:.0f} s")


def news_item_count(items: int) -> int:
    """The corpus size n that gives ``items`` items (n news, n/5 FAQ, n/5 events)."""
    return max(5, round(items / 1.4))


class Preview:
    """``mkdocs serve`` on ``project``, stopped (its whole process group) on exit."""

    def __init__(self, project: Path):
        self.project = project
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"

    def __enter__(self) -> Preview:
        mkdocs = Path(sys.executable).with_name("mkdocs")
        env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1"}
        self.log = tempfile.TemporaryFile()
        self.process = subprocess.Popen(
            [str(mkdocs), "serve", "--strict", "--livereload", "--dev-addr", f"127.0.0.1:{self.port}"],
            cwd=self.project, env=env, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        return self

    def __exit__(self, *exc) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log.close()

    def output(self) -> str:
        self.log.seek(0)
        return self.log.read().decode("utf-8", "replace")


def full_build_cpu(project: Path, site: Path) -> float:
    mkdocs = Path(sys.executable).with_name("mkdocs")
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1", "STO_NO_BUILD_CACHE": "1"}
    process = subprocess.Popen([str(mkdocs), "build", "--strict", "--quiet", "--site-dir", str(site)],
                               cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    start = time.perf_counter()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"build of {project} failed")
    return wall, usage.ru_utime + usage.ru_stime


def measure(items: int, saves: int, work: Path) -> dict:
    n = news_item_count(items)
    project = corpus.write_corpus(n, work / f"preview-{items}")["project"]
    wall, cpu = full_build_cpu(project, work / f"full-{items}")
    shutil.rmtree(work / f"full-{items}")
    news = sorted((project / "content" / "news").glob("*.md"))
    target = news[len(news) // 2]
    page = f"nieuws/{target.stem}/"
    times = []
    with Preview(project) as preview:
        wait_for(preview.url + page, lambda text: True, limit=600)
        for save in range(saves):
            word = f"bewerkt{save}x{time.time_ns()}"
            text = target.read_text(encoding="utf-8")
            start = time.perf_counter()
            target.write_text(text.rstrip("\n") + f"\n\nToegevoegd: {word}.\n", encoding="utf-8")
            times.append(wait_for(preview.url + page, lambda html: word in html, limit=600)
                         + (time.perf_counter() - start) * 0)  # measured from the save
            time.sleep(1.0)  # let the live-reload watcher settle before the next save
    shutil.rmtree(work / f"preview-{items}")
    median = statistics.median(times)
    return {"items": n + 2 * (n // 5), "saves": times, "median_s": median,
            "full_build_wall_s": wall, "full_build_cpu_s": cpu, "ratio_to_full_wall": median / wall}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--items", type=int, nargs="+", default=[700])
    parser.add_argument("--saves", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sto-preview-") as work:
        for items in args.items:
            r = measure(items, args.saves, Path(work))
            print(f"+{r['items']:,} items: save-to-visible median {r['median_s']:.2f} s "
                  f"({', '.join(f'{t:.2f}' for t in r['saves'])}); full build {r['full_build_wall_s']:.2f} s wall, "
                  f"{r['full_build_cpu_s']:.2f} s CPU; ratio {r['ratio_to_full_wall']:.2f}", flush=True)


if __name__ == "__main__":
    main()
