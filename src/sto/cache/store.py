"""A store of build results by fingerprint: in memory for the preview, in a file between builds.

The file holds only plain data (``marshal``: strings, numbers, lists, dicts, tuples), never
pickled objects, so a damaged or foreign cache file can only cost a cold build. Each save keeps
just the entries the build used, so the file never grows beyond one site's results.
"""

from __future__ import annotations

import marshal
import os
import sys
import tempfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# What a builder of bytes gets to reuse earlier results: ``reuse(key, make)`` is the bytes stored under
# ``key``, or ``make()`` (then stored). The key must name everything ``make`` reads.
Reuse = Callable[[str, Callable[[], bytes]], bytes]


def no_reuse(key: str, make: Callable[[], bytes]) -> bytes:
    return make()


FORMAT = f"sto-cache-1/{sys.version_info[0]}.{sys.version_info[1]}"  # marshal's format follows Python


@dataclass(frozen=True)
class Snapshot:
    entries: dict[str, object]
    hits: int
    misses: int


# What a worker process did with its copy of the store: keys used, entries made, reused, made.
Changes = tuple[list[str], dict[str, object], int, int]


class Store:
    def __init__(self, entries: dict[str, object] | None = None):
        self._entries: dict[str, object] = entries or {}
        self._used: dict[str, object] = {}
        self._saved: dict[str, object] = {}  # what the folder holds (load, save)
        self.hits = 0
        self.misses = 0

    def get(self, key: str) -> Any:
        """The result stored under ``key``, or None."""
        found = self._entries.get(key)
        if found is None:
            self.misses += 1
            return None
        self.hits += 1
        self._used[key] = found
        return found

    def put(self, key: str, value: object) -> None:
        self._entries[key] = self._used[key] = value

    def reuse(self, key: str, make: Callable[[], bytes]) -> bytes:
        """The bytes stored under ``key``, or ``make()``'s, stored (a ``Reuse``)."""
        found = self.get(key)
        if isinstance(found, bytes):
            return found
        made = make()
        self.put(key, made)
        return made

    def __len__(self) -> int:
        return len(self._entries)

    def snapshot(self) -> Snapshot:
        """The entries and counts as they are now (before a worker process adds to its copy,
        sto.mkdocs.parallel)."""
        return Snapshot(dict(self._entries), self.hits, self.misses)

    def changes_since(self, snapshot: Snapshot) -> Changes:
        """The keys used since ``snapshot``, the entries made or changed since, and how many
        results were reused and made since (plain data, for a pipe)."""
        made = {key: value for key, value in self._used.items() if snapshot.entries.get(key) is not value}
        return list(self._used), made, self.hits - snapshot.hits, self.misses - snapshot.misses

    def merge(self, changes: Changes) -> None:
        """Take over what a worker process used and made (``changes_since`` in the worker)."""
        used, made, hits, misses = changes
        self._entries.update(made)
        for key in used:
            if key in self._entries:
                self._used[key] = self._entries[key]
        self.hits += hits
        self.misses += misses

    def start_build(self) -> None:
        """From now on, only what this build uses counts as used (the preview's store lives on)."""
        self._used = {}
        self.hits = self.misses = 0

    def keep_used(self) -> None:
        """Forget what the last build did not use (a preview that runs for hours stays small)."""
        self._entries = dict(self._used)

    def summary(self) -> str:
        return f"{self.hits} reused, {self.misses} made"

    @classmethod
    def load(cls, folder: Path) -> Store:
        """The store saved in ``folder``; empty where a part is missing or cannot be read."""
        entries: dict[str, object] = {}
        for part in sorted(Path(folder).glob(f"*{SHARD_SUFFIX}")) if Path(folder).is_dir() else []:
            try:
                data = marshal.loads(part.read_bytes())
            except (OSError, EOFError, ValueError, TypeError):
                continue
            if isinstance(data, tuple) and len(data) == 2 and data[0] == FORMAT and isinstance(data[1], dict):
                entries.update(data[1])
        store = cls(entries)
        store._saved = dict(entries)
        return store

    def save(self, folder: Path) -> None:
        """Write the entries this build used, in SHARDS parts by key; a part whose entries are the
        ones loaded is left as it is (a warm build rewrites only the few parts it changed). Each
        part is replaced atomically (a killed build leaves the old one)."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        parts: dict[str, dict[str, object]] = {}
        for key, value in self._used.items():
            parts.setdefault(_shard(key), {})[key] = value
        before: dict[str, dict[str, object]] = {}
        for key, value in self._saved.items():
            before.setdefault(_shard(key), {})[key] = value
        for name in sorted(set(parts) | set(before)):
            now, then = parts.get(name, {}), before.get(name, {})
            if now.keys() == then.keys() and all(now[k] is then[k] for k in now):
                continue
            path = folder / f"{name}{SHARD_SUFFIX}"
            if not now:
                path.unlink(missing_ok=True)
                continue
            handle, temporary = tempfile.mkstemp(dir=folder, prefix=".store-")
            try:
                with os.fdopen(handle, "wb") as out:
                    marshal.dump((FORMAT, now), out)
                os.replace(temporary, path)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        self._saved = dict(self._used)


SHARDS = 256
SHARD_SUFFIX = ".marshal"


def _shard(key: str) -> str:
    return f"{zlib.crc32(key.encode('utf-8', 'surrogatepass')) % SHARDS:02x}"
