"""Two commits side by side: the benchmark's builds of this checkout and of another revision,
interleaved in one run.

The speed of this project's machine drifts by 30 to 50 % within minutes (README, "Benchmark"),
so a ratio measured on another day says little about a change. Here both sides are measured
alternately, build by build, so both meet the same machine. Each side builds its own corpus,
written by its own ``bench/corpus.py`` (for its own content model), with its own code, hooks
and engine, next to its own plain Material site:

- cold: the project and the plain site, without the build cache, ``--runs`` times each;
- warm: one build that fills the cache, then ``--runs`` times one news item changes and a
  build uses the cache (as ``bench.run``);
- preview (``--preview-items``): each side's own ``bench.preview``, one side after the other.

Reported per side, as ``bench.run`` reports them: cold against plain (wall / CPU), warm
against cold, preview against a full build; and this checkout's cold and warm times against
the other side's.

    make bench-against REV=4f51aa8
    .venv/bin/python -m bench.against 4f51aa8 --sizes 1000 5000 --runs 3 --preview-items 700

The other revision is exported with ``git archive`` into the work folder and runs with this
checkout's ``.venv`` (its ``src/`` first on the path), so it must need no package the
``.venv`` lacks. This checkout's side is its working tree, changes included.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import statistics
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from bench.builds import set_aside, timed_build
from bench.run import ROOT, change_one_item, machine

THIS = "this checkout"


@dataclass
class Side:
    """One side of the comparison: a checkout, its engine, and what its builds measured."""

    name: str
    checkout: Path
    engine: Path = Path()
    cold: dict[str, list[tuple[float, float]]] = field(default_factory=lambda: {"project": [], "plain": []})
    warm: list[tuple[float, float]] = field(default_factory=list)
    previews: dict[int, tuple[float, float]] = field(default_factory=dict)  # items -> (ratio, median save s)

    @property
    def environ(self) -> dict[str, str]:
        """Its own code first on the path: the engine loads its hooks, which import ``sto``."""
        return {"PYTHONPATH": os.pathsep.join((str(self.checkout / "src"), str(self.checkout)))}

    def run(self, *args: str) -> str:
        done = subprocess.run([sys.executable, *args], cwd=self.checkout, env={**os.environ, **self.environ},
                              capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(f"{self.name}: {' '.join(args)} failed:\n{done.stdout[-2000:]}{done.stderr[-3000:]}")
        return done.stdout


def export(rev: str, dest: Path) -> Path:
    """The revision's files (``git archive``), without its history."""
    archive = subprocess.run(["git", "archive", "--format=tar", rev], cwd=ROOT, capture_output=True, check=True)
    dest.mkdir(parents=True)
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        if hasattr(tarfile, "data_filter"):  # Python 3.11.4 and later
            tar.extractall(dest, filter="data")
        else:
            tar.extractall(dest)  # noqa: S202  # our own repository's archive
    return dest


def engine_of(side: Side) -> Path:
    """The engine the side's own tests build with (older checkouts: MkDocs)."""
    try:
        found = side.run("-c", "from tests.sitebuild import engine_command; print(engine_command())").strip()
    except SystemExit:
        return Path(sys.executable).with_name("mkdocs")
    return Path(found)


def median(pairs: list[tuple[float, float]], which: int) -> float:
    return statistics.median(pair[which] for pair in pairs)


def measure_size(sides: list[Side], n: int, runs: int, work: Path) -> None:
    corpora = {}
    for number, side in enumerate(sides):
        dest = work / f"corpus-{n}-{number}"
        side.run("-m", "bench.corpus", str(n), str(dest))
        corpora[side.name] = dest
    for run in range(runs):  # every side's cold builds, the order turned each run
        order = sides if run % 2 == 0 else sides[::-1]
        for side in order:
            for kind in ("project", "plain") if run % 2 == 0 else ("plain", "project"):
                site = work / f"site-{n}"
                wall, cpu, _ = timed_build(corpora[side.name] / kind, site, engine=side.engine,
                                           environ=side.environ)
                side.cold[kind].append((wall, cpu))
                set_aside(site)
                print(f"  N={n} run {run + 1}/{runs} {side.name} {kind}: {wall:.2f} s wall, {cpu:.2f} s CPU",
                      flush=True)
    caches = {side.name: work / f"cache-{n}-{number}" for number, side in enumerate(sides)}
    for side in sides:  # fill each side's cache
        timed_build(corpora[side.name] / "project", work / f"site-{n}", caches[side.name], engine=side.engine,
                    environ=side.environ)
        set_aside(work / f"site-{n}")
    for run in range(runs):
        for side in sides if run % 2 == 0 else sides[::-1]:
            change_one_item(corpora[side.name] / "project")
            wall, cpu, _ = timed_build(corpora[side.name] / "project", work / f"site-{n}", caches[side.name],
                                       engine=side.engine, environ=side.environ)
            side.warm.append((wall, cpu))
            set_aside(work / f"site-{n}")
            print(f"  N={n} warm {run + 1}/{runs} {side.name}: {wall:.2f} s wall, {cpu:.2f} s CPU", flush=True)


_PREVIEW = re.compile(r"save-to-visible median ([0-9.]+) s .* ratio ([0-9.]+) \(wall\)")


def measure_preview(sides: list[Side], items: int, saves: int) -> None:
    for side in sides:
        said = side.run("-m", "bench.preview", "--items", str(items), "--saves", str(saves))
        found = _PREVIEW.search(said)
        if found is None:
            raise SystemExit(f"{side.name}: no preview figures in:\n{said}")
        side.previews[items] = (float(found[2]), float(found[1]))
        print(f"  preview +{items:,} {side.name}: {said.strip()}", flush=True)


def report(sides: list[Side], sizes: list[int], runs: int) -> str:
    this, other = sides
    rows = ["| N | side | cold, project (wall / CPU) | plain Material (wall / CPU) | cold / plain (wall / CPU) "
            "| warm (wall / CPU) | warm / cold (wall / CPU) |",
            "| --- | --- | ---: | ---: | ---: | ---: | ---: |"]
    for index, n in enumerate(sizes):
        for side in sides:
            cold = side.cold["project"][index * runs:(index + 1) * runs]
            plain = side.cold["plain"][index * runs:(index + 1) * runs]
            warm = side.warm[index * runs:(index + 1) * runs]
            c, p, w = ([median(pairs, 0), median(pairs, 1)] for pairs in (cold, plain, warm))
            rows.append(f"| {n:,} | {side.name} | {c[0]:.2f} s / {c[1]:.2f} s | {p[0]:.2f} s / {p[1]:.2f} s "
                        f"| {c[0] / p[0]:.2f} / {c[1] / p[1]:.2f} | {w[0]:.2f} s / {w[1]:.2f} s "
                        f"| {w[0] / c[0]:.2f} / {w[1] / c[1]:.2f} |")
    lines = ["\n".join(rows), ""]
    for items in sorted(this.previews):
        lines.append(f"- preview +{items:,} items, save-to-visible against a full build (wall): "
                     + ", ".join(f"{side.name} {side.previews[items][0]:.2f} ({side.previews[items][1]:.2f} s)"
                                 for side in sides))
    for index, n in enumerate(sizes):
        def times(side: Side, which: int, index: int = index) -> float:
            return median(side.cold["project"][index * runs:(index + 1) * runs], which)
        lines.append(f"- N = {n:,}: {this.name} against {other.name}, cold: {times(this, 0) / times(other, 0):.2f}× "
                     f"wall, {times(this, 1) / times(other, 1):.2f}× CPU")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("rev", help="the revision to compare this checkout with (a commit, tag or branch)")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--preview-items", type=int, nargs="*", default=[700])
    parser.add_argument("--saves", type=int, default=3)
    parser.add_argument("--out", type=Path, default=ROOT / "bench-out")
    args = parser.parse_args()
    commit = subprocess.run(["git", "rev-parse", "--short", f"{args.rev}^{{commit}}"], cwd=ROOT, capture_output=True,
                            text=True)
    if commit.returncode != 0:
        raise SystemExit(f"not a revision: {args.rev}")
    print(f"Machine: {machine()}", flush=True)
    with tempfile.TemporaryDirectory(prefix="sto-against-") as folder:
        work = Path(folder)
        sides = [Side(THIS, ROOT), Side(commit.stdout.strip(), export(args.rev, work / "checkout"))]
        for side in sides:
            side.engine = engine_of(side)
        for n in sorted(args.sizes):
            measure_size(sides, n, args.runs, work)
        for items in args.preview_items:
            measure_preview(sides, items, args.saves)
    command = (f"python -m bench.against {args.rev} --sizes {' '.join(map(str, sorted(args.sizes)))} "
               f"--runs {args.runs} --preview-items {' '.join(map(str, args.preview_items))} --saves {args.saves}")
    text = f"Machine: {machine()}\n\nCommand: `{command}`\n\n{report(sides, sorted(args.sizes), args.runs)}\n"
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "against.md").write_text(text, encoding="utf-8")
    print()
    print(text)
    print(f"Written: {args.out / 'against.md'}")


if __name__ == "__main__":
    main()
