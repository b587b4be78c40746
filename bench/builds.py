"""One measured `mkdocs build`, for the build benchmark and the preview's (run.py, preview.py).

Keeping one measured build's disk work out of the next one's time:

On this project's machine (ext4 mounted with ``discard``, on a virtual disk), removing a site
of 10,000 files goes on costing the kernel time for many seconds after ``rmtree`` returns, and
that time was charged to whichever build ran next: a warm build that ran right after its
cache-filling build's site was removed took 8 to 12 s more system CPU time than the same build
into a folder nothing had just been removed from. So nothing is removed while the benchmark
measures: what a build leaves behind is moved aside (a rename costs nothing) and removed with
the benchmark's work folder at the end, and each build starts after ``os.sync()``, so the
previous one's writes are on disk before the clock starts.
"""

from __future__ import annotations

import itertools
import os
import subprocess
import time
from collections.abc import Mapping
from pathlib import Path

from tests.sitebuild import engine_command

EPOCH = "1718409600"  # 2024-06-15, as the tests use
ASIDE = ".set-aside"  # inside the benchmark's work folder, removed with it
_names = itertools.count()


def set_aside(path: Path) -> None:
    """Move ``path`` out of the way, into its folder's ``.set-aside/`` (removed at the end)."""
    if not path.exists():
        return
    aside = path.parent / ASIDE
    aside.mkdir(exist_ok=True)
    path.rename(aside / f"{path.name}-{next(_names)}")


def settle() -> None:
    """Before a measured build: earlier writes reach the disk now, not during the build."""
    os.sync()


def timed_build(project: Path, site: Path, cache: Path | None = None, *, engine: Path | None = None,
                environ: Mapping[str, str] | None = None) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds, peak RSS in KiB) of one `mkdocs build` process; without the
    build cache unless ``cache`` names its folder. ``engine`` and ``environ`` (added to this
    process's environment): another checkout's, for ``bench.against``.

    CPU time (user + system) is reported next to wall time because it barely moves when other
    work shares the machine, while wall time does."""
    set_aside(site)
    settle()
    env = {**os.environ, **(environ or {}), "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("STO_CACHE_DIR", None)
    env.pop("STO_NO_BUILD_CACHE", None)
    env.update({"STO_CACHE_DIR": str(cache)} if cache else {"STO_NO_BUILD_CACHE": "1"})
    mkdocs = engine or engine_command()
    start = time.perf_counter()
    process = subprocess.Popen([str(mkdocs), "build", "--strict", "--quiet", "--site-dir", str(site)],
                               cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"build of {project} failed:\n{output.decode(errors='replace')}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss
