"""Benchmark: build a synthetic corpus with this project and with plain mkdocs-material.

For each size N (N news items, N/5 FAQ entries, N/5 events; see corpus.py) both builds run
``--runs`` times, alternating, each in a fresh site dir and a fresh process. Reported:
median wall time, ms per page, peak memory (max RSS of the build process, from wait4),
ratio to the plain build, growth between the smallest and largest N, site size, search index
size (this project: all of Pagefind's ``pagefind/``, of which a search loads a small part, see
bench/search.py; plain: Material's search_index.json, which every page view loads), and the home
page's transfer size (gzip of the HTML plus the CSS and JS it references, without the search
index). It also checks that every title, news summary and FAQ question is in the search index.

    make bench                         # N = 1000 and 5000, 3 runs each
    .venv/bin/python -m bench.run --sizes 200 --runs 1   # a quick look

Writes bench-out/results.json, bench-out/bench.md (the table) and bench-out/bench.png.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import re
import statistics
import tempfile
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import yaml
from lxml import html as lxml_html

from bench import corpus, preview
from bench.builds import set_aside, timed_build
from tests.search_fragments import fragments

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

TARGETS = {"ratio": 1.3, "growth": 5.5, "index_mb_per_1000": 1.5, "home_kb_gzip": 150, "warm": 0.4, "preview": 0.35}


def machine() -> str:
    cpu = "unknown CPU"
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    memory = ""
    try:
        kb = int(next(line.split()[1] for line in open("/proc/meminfo") if line.startswith("MemTotal")))
        memory = f", {kb / 1024 / 1024:.0f} GiB RAM"
    except (OSError, StopIteration):
        pass
    return (f"{os.cpu_count()} cores ({cpu}){memory}, {platform.platform()}, "
            f"{platform.python_implementation()} {platform.python_version()}")


def tree_size(site: Path) -> int:
    return sum(p.stat().st_size for p in site.rglob("*") if p.is_file())


def home_transfer(site: Path) -> int:
    """gzip bytes of the home page plus the stylesheets and scripts it references on this site."""
    page = site / "index.html"
    raw = page.read_bytes()
    total = len(gzip.compress(raw, 6, mtime=0))
    doc = lxml_html.fromstring(raw)
    refs = doc.xpath("//link[contains(concat(' ', normalize-space(@rel), ' '), ' stylesheet ')]/@href")
    refs += doc.xpath("//script/@src")
    for ref in dict.fromkeys(refs):
        target = urlsplit(urljoin("https://site.invalid/", ref))
        if target.netloc != "site.invalid":
            continue  # third-party: the third-party test forbids these anyway
        asset = site / target.path.lstrip("/")
        if asset.is_file():
            total += len(gzip.compress(asset.read_bytes(), 6, mtime=0))
    return total


def unfindable(site: Path, items: list[tuple[str, dict, str]]) -> dict[str, int]:
    """How many titles, news summaries and FAQ questions are missing from the search index
    (Pagefind's fragments: each page's title and text).

    Titles and summaries are looked for on the item's own page. A FAQ question is looked for
    where search finds it: as the title of its own page, ``veelgestelde-vragen/<file name>/``
    (each question its own result; the FAQ overview is not indexed)."""
    by_page: dict[str, str] = {}
    title_at: dict[str, str] = {}
    for url, fragment in fragments(site).items():
        title = " ".join(fragment["meta"].get("title", "").split())
        by_page[url] = f"{title} {' '.join(fragment['content'].split())}"
        title_at[url] = title
    missing = {"title": 0, "summary": 0, "question": 0}
    for relpath, meta, _ in items:
        folder, name = relpath.split("/")
        slug = name.removesuffix(".md")
        if folder == "faq":
            question = " ".join(meta["title"].split())
            where = corpus.PLAIN_FOLDERS[folder]
            missing["question"] += question not in (title_at.get(f"{where}/{slug}/"), title_at.get(f"{where}/#{slug}"))
            continue
        text = by_page.get(f"{corpus.PLAIN_FOLDERS[folder]}/{slug}/", "")
        if meta["title"] not in text:
            missing["title"] += 1
        if folder == "news" and " ".join(meta["summary"].split()) not in text:
            missing["summary"] += 1
    return missing


def change_one_item(project: Path) -> None:
    """What an editor's pull request does: one news item's title and body change."""
    target = sorted((project / "content" / "news").glob("*.md"))[0]
    text = target.read_text(encoding="utf-8")

    def retitle(match: re.Match) -> str:  # a JSON string is a YAML string
        return "title: " + json.dumps(yaml.safe_load(match[1]) + " (bijgewerkt)", ensure_ascii=False)

    changed = re.sub(r"(?m)^title: (.*)$", retitle, text, count=1)
    target.write_text(changed.rstrip() + "\n\nEen nieuwe alinea.\n", encoding="utf-8")


def warm_build(project: Path, work: Path, n: int, runs: int) -> dict:
    """A build that fills the cache, then ``runs`` times: one item changes, and a build uses the cache."""
    cache = work / f"cache-{n}"
    site = work / f"site-warm-{n}"
    fill_wall, fill_cpu, _ = timed_build(project, site, cache)
    walls, cpus, rss = [], [], 0
    for _ in range(runs):
        change_one_item(project)
        wall, cpu, peak = timed_build(project, site, cache)
        walls.append(wall)
        cpus.append(cpu)
        rss = max(rss, peak)
    set_aside(site)
    size = sum(p.stat().st_size for p in cache.rglob("*") if p.is_file())
    set_aside(cache)
    return {"fill_s": fill_wall, "fill_cpu_s": fill_cpu, "times": walls, "cpu_times": cpus,
            "median_s": statistics.median(walls), "median_cpu_s": statistics.median(cpus), "peak_mib": rss / 1024,
            "cache_mb": size / 1e6}


def run_size(n: int, runs: int, work: Path) -> dict:
    paths = corpus.write_corpus(n, work / f"corpus-{n}")
    generated = corpus.items(n)
    words = sum(len(body.split()) for _, _, body in generated)
    result = {"n": n, "items": len(generated), "words_per_item": words / len(generated)}
    times: dict[str, list[float]] = {"project": [], "plain": []}
    cpu: dict[str, list[float]] = {"project": [], "plain": []}
    memory: dict[str, int] = {"project": 0, "plain": 0}
    for run in range(runs):
        for kind in ("project", "plain") if run % 2 == 0 else ("plain", "project"):
            elapsed, seconds, rss = timed_build(paths[kind], work / f"site-{kind}-{n}")
            times[kind].append(elapsed)
            cpu[kind].append(seconds)
            memory[kind] = max(memory[kind], rss)
            print(f"  N={n} run {run + 1}/{runs} {kind}: {elapsed:.2f} s wall, {seconds:.2f} s CPU, "
                  f"{rss / 1024:.0f} MiB", flush=True)
    for kind in ("project", "plain"):
        site = work / f"site-{kind}-{n}"
        pages = sum(1 for _ in site.rglob("*.html"))
        median = statistics.median(times[kind])
        result[kind] = {
            "times": times[kind], "median_s": median, "cpu_times": cpu[kind],
            "median_cpu_s": statistics.median(cpu[kind]), "pages": pages, "ms_per_page": 1000 * median / pages,
            "peak_mib": memory[kind] / 1024, "site_mb": tree_size(site) / 1e6,
            "index_mb": (tree_size(site / "pagefind") if kind == "project"
                         else (site / "search" / "search_index.json").stat().st_size) / 1e6,
            "home_kb_gzip": home_transfer(site) / 1024,
        }
    result["ratio"] = result["project"]["median_s"] / result["plain"]["median_s"]
    result["cpu_ratio"] = result["project"]["median_cpu_s"] / result["plain"]["median_cpu_s"]
    result["unfindable"] = unfindable(work / f"site-project-{n}", generated)
    result["warm"] = warm_build(paths["project"], work, n, runs)
    print(f"  N={n} warm build, one item changed: {result['warm']['median_s']:.2f} s wall, "
          f"{result['warm']['median_cpu_s']:.2f} s CPU", flush=True)
    for kind in ("project", "plain"):
        set_aside(work / f"site-{kind}-{n}")
    set_aside(work / f"corpus-{n}")
    return result


def table(results: list[dict]) -> str:
    first, last = results[0], results[-1]
    rows = ["| N (items) | build | wall time (median) | ms/page | CPU time (median) | peak memory "
            "| ratio to plain (wall / CPU) | site size | search index | home page (gzip) |",
            "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in results:
        for kind, label in (("project", "this project"), ("plain", "plain Material")):
            m = r[kind]
            ratio = f"{r['ratio']:.2f} / {r['cpu_ratio']:.2f}" if kind == "project" else "1"
            rows.append(f"| {r['n']:,} ({r['items']:,}) | {label} | {m['median_s']:.2f} s | {m['ms_per_page']:.2f} "
                        f"| {m['median_cpu_s']:.2f} s | {m['peak_mib']:.0f} MiB | {ratio} | {m['site_mb']:.1f} MB "
                        f"| {m['index_mb']:.2f} MB "
                        f"| {m['home_kb_gzip']:.1f} KB |")
    rows += ["", "| N (items) | cold build, no cache (median CPU) | cold build writing the cache (CPU) "
             "| warm build, one item changed (wall / CPU) | warm / cold (wall / CPU) | cache size |",
             "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for r in results:
        w, cold, cold_wall = r["warm"], r["project"]["median_cpu_s"], r["project"]["median_s"]
        rows.append(f"| {r['n']:,} ({r['items']:,}) | {cold:.2f} s | {w['fill_cpu_s']:.2f} s "
                    f"| {w['median_s']:.2f} s / {w['median_cpu_s']:.2f} s "
                    f"| {w['median_s'] / cold_wall:.2f} / {w['median_cpu_s'] / cold:.2f} "
                    f"| {w['cache_mb']:.0f} MB |")
    lines = ["\n".join(rows), ""]
    if len(results) > 1:
        content_growth = last["items"] / first["items"]
        for kind, label in (("project", "this project"), ("plain", "plain Material")):
            growth = last[kind]["median_s"] / first[kind]["median_s"]
            growth_cpu = last[kind]["median_cpu_s"] / first[kind]["median_cpu_s"]
            lines.append(f"- Growth {first['n']:,} → {last['n']:,} ({content_growth:.0f}× the content), {label}: "
                         f"{growth:.2f}× wall, {growth_cpu:.2f}× CPU")
    for r in results:
        per_1000 = r["project"]["index_mb"] / r["items"] * 1000
        missing = ", ".join(f"{k}: {v}" for k, v in r["unfindable"].items())
        lines.append(f"- N = {r['n']:,}: search index {per_1000:.2f} MB per 1,000 items "
                     f"(bodies average {r['words_per_item']:.0f} words); not in the search index: {missing}")
    lines.append(f"- Targets: ratio ≤ {TARGETS['ratio']}, growth ≤ {TARGETS['growth']}×, search index ≤ "
                 f"{TARGETS['index_mb_per_1000']} MB per 1,000 items, home page ≤ {TARGETS['home_kb_gzip']} KB gzip, "
                 f"warm build ≤ {TARGETS['warm']}× cold, preview save-to-visible ≤ {TARGETS['preview']}× a full build")
    return "\n".join(lines)


def chart(results: list[dict], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    matplotlib.rcParams["svg.hashsalt"] = "sto"  # no random ids in the output
    sizes = [r["n"] for r in results]
    fig, ax = plt.subplots(figsize=(6, 3.6), dpi=100)
    builds = (("project", "this project", "tab:blue"), ("plain", "plain mkdocs-material", "tab:orange"))
    for kind, label, color in builds:
        ax.plot(sizes, [r[kind]["median_s"] for r in results], "o-", color=color, label=f"{label}, wall")
        ax.plot(sizes, [r[kind]["median_cpu_s"] for r in results], "s:", color=color, label=f"{label}, CPU")
    ax.set_xlabel("N (news items; plus N/5 FAQ entries and N/5 events)")
    ax.set_ylabel("build time, median of runs (s)")
    ax.set_xlim(left=0)
    ax.set_ylim(bottom=0)
    ax.grid(True, alpha=0.3)
    ax.legend(fontsize="small")
    ax.set_title("Build time against content size")
    fig.tight_layout()
    fig.savefig(path, metadata={"Software": None})
    plt.close(fig)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--preview-items", type=int, nargs="*", default=[700, 5000],
                        help="preview save-to-visible at these corpus sizes (none: skip)")
    parser.add_argument("--saves", type=int, default=3)
    parser.add_argument("--out", type=Path, default=ROOT / "bench-out")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    print(f"Machine: {machine()}", flush=True)
    results = []
    with tempfile.TemporaryDirectory(prefix="sto-bench-") as work:
        for n in sorted(args.sizes):
            results.append(run_size(n, args.runs, Path(work)))
        previews = []
        for items in args.preview_items:
            previews.append(preview.measure(items, args.saves, Path(work)))
            print("  " + preview.line(previews[-1]), flush=True)
    text = table(results) + "".join("\n- " + preview.line(r) for r in previews)
    command = (f"make bench  # python -m bench.run --sizes {' '.join(map(str, sorted(args.sizes)))} --runs {args.runs} "
               f"--preview-items {' '.join(map(str, args.preview_items))} --saves {args.saves}")
    report = f"Machine: {machine()}\n\nCommand: `{command}`\n\n{text}\n"
    (args.out / "bench.md").write_text(report, encoding="utf-8")
    everything = {"machine": machine(), "results": results, "previews": previews}
    (args.out / "results.json").write_text(json.dumps(everything, indent=2))
    chart(results, args.out / "bench.png")
    print()
    print(report)
    print(f"Written: {args.out / 'bench.md'}, {args.out / 'results.json'}, {args.out / 'bench.png'}")


if __name__ == "__main__":
    main()
