"""Keeping one measured build's disk work out of the next one's time.

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
from pathlib import Path

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
