"""Preview save-to-visible: how long after a save the changed page shows the change.

Starts ``mkdocs serve`` the way ``make serve`` does (live reload) on a generated corpus
(``bench/corpus.py``: n news items, n/5 FAQ entries, n/5 events), on a free port, waits for the
first build, then several times appends a new word to one news item's body and polls that
item's page over HTTP until the word is there (as the browser's reload would see it: MkDocs
holds every request while it rebuilds). Reported: each save's time and their median, next to
a full ``mkdocs build`` of the same content (wall and CPU time, without the build cache), and the
CPU time the preview process used per save (its rebuild; steady when other work shares the
machine, unlike wall time).

    python -m bench.preview --items 700 5000 --saves 3
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from bench import corpus
from bench.builds import EPOCH, set_aside, timed_build
from tests.serving import Preview

PAUSE_BETWEEN_SAVES = 1.0  # s: the watcher settles, as between an editor's saves


def news_count(items: int) -> int:
    """The corpus size n that gives about ``items`` items (n news, n/5 FAQ, n/5 events)."""
    return max(5, round(items / 1.4))


def process_cpu(pid: int) -> float:
    """CPU seconds (user + system) a running process has used so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure(items: int, saves: int, work: Path) -> dict:
    n = news_count(items)
    project = corpus.write_corpus(n, work / f"preview-{items}")["project"]
    wall, cpu, _ = timed_build(project, work / f"full-{items}")
    set_aside(work / f"full-{items}")
    news = sorted((project / "content" / "news").glob("*.md"))
    target = news[len(news) // 2]
    page = f"nieuws/{target.stem}/"
    times, cpu_times = [], []
    with Preview(project, EPOCH, start_seconds=1800) as preview:
        for save in range(saves):
            word = f"bewerkt{save}x{time.time_ns()}"
            text = target.read_text(encoding="utf-8")
            start, start_cpu = time.perf_counter(), process_cpu(preview.process.pid)
            target.write_text(text.rstrip("\n") + f"\n\nToegevoegd: {word}.\n", encoding="utf-8")
            if word not in preview.wait_for(page, word, seconds=900, every=0.02)[1]:
                raise SystemExit(f"the preview did not show the save within 900 s:\n{preview.output()[-3000:]}")
            times.append(time.perf_counter() - start)
            cpu_times.append(process_cpu(preview.process.pid) - start_cpu)  # the rebuild, and the watcher's polling
            time.sleep(PAUSE_BETWEEN_SAVES)
    set_aside(work / f"preview-{items}")
    median = statistics.median(times)
    median_cpu = statistics.median(cpu_times)
    return {"items": n + 2 * (n // 5), "saves": times, "median_s": median, "full_build_s": wall,
            "full_build_cpu_s": cpu, "ratio": median / wall, "save_cpu_s": cpu_times, "median_cpu_s": median_cpu,
            "cpu_ratio": median_cpu / cpu}


def line(r: dict) -> str:
    return (f"preview +{r['items']:,} items: save-to-visible median {r['median_s']:.2f} s "
            f"(saves: {', '.join(f'{t:.2f}' for t in r['saves'])} s); full build of the same content "
            f"{r['full_build_s']:.2f} s wall, {r['full_build_cpu_s']:.2f} s CPU; ratio {r['ratio']:.2f} (wall); "
            f"the preview's CPU time per save: median {r['median_cpu_s']:.2f} s, "
            f"{r['cpu_ratio']:.2f} of the full build's")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--items", type=int, nargs="+", default=[700])
    parser.add_argument("--saves", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sto-preview-") as work:
        for items in args.items:
            print(line(measure(items, args.saves, Path(work))), flush=True)


if __name__ == "__main__":
    main()
