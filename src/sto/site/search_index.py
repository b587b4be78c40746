"""The site search's files (``pagefind/``), written by Pagefind from the search records.

Pagefind (PyPI ``pagefind[bin]``, its binary pinned in requirements.txt) reads a folder of HTML
documents (one per record, ``sto.site.search.document``) and writes a chunked index: the browser
loads ``pagefind.js``, a WebAssembly module with the Dutch stemmer, and only the index chunks
and fragments a query needs, when a visitor first searches (``overrides/assets/sto/search.js``).

Whole: Pagefind cannot add to an index it wrote, so every change to what is searched runs it
again over every record. The caller reuses the files while the records are the same
(``files_for``: the build cache keys them by a digest of every document and Pagefind's version).
Pagefind's own interfaces (its UI scripts and styles, the highlighter) are not published: the
site has its own.

Pagefind reads its documents from a folder and writes its index into another, a file per
document and per chunk. Its index goes into a memory file system (``/dev/shm``) when that has
room, else into the system's temporary folder: on a disk, creating those files costs the kernel
time that varies with the disk's other work (at N = 1,000 on this project's machine, ext4 on a
virtual disk, Pagefind took 0.84 to 1.96 s of CPU time with its index on disk, 0.85 to 0.95 s
with it in memory), and where the index is written does not change a byte of it. Its documents stay in the temporary folder: Pagefind
numbers the pages in the order it finds them, which is the order the folder lists them in, and a
memory file system lists them in another order than a disk (see ``run_pagefind``).
"""

from __future__ import annotations

import hashlib
import marshal
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterable
from importlib.metadata import version
from pathlib import Path

from sto.site.search import SearchRecord, document

FOLDER = "pagefind"  # under the site: pagefind/pagefind.js and the index
PAGEFIND_VERSION = version("pagefind_bin")
# Pagefind's ready-made interfaces: the site does not use them.
_UNUSED = ("pagefind-ui.", "pagefind-modular-ui.", "pagefind-component-ui.", "pagefind-highlight.")

Reuse = Callable[[str, Callable[[], bytes]], bytes]  # sto.cache.store.Reuse: key, make -> bytes

MEMORY_FOLDERS = ("/dev/shm",)  # tmpfs on Linux; where none exists, the system's temporary folder
BLOCK = 4096  # a tmpfs stores each file in whole pages of memory
ROOM = 2  # room asked for the index: twice the documents' pages (Pagefind's index is smaller than they are)


def executable() -> Path:
    from pagefind_bin import get_executable  # type: ignore[import-untyped]  # no type information

    return Path(get_executable())


def records_digest(records: Iterable[SearchRecord]) -> str:
    found = hashlib.sha256(PAGEFIND_VERSION.encode())
    for one in sorted(records, key=lambda r: r.url):
        found.update(document(one).encode("utf-8", "surrogatepass"))
        found.update(one.url.encode("utf-8", "surrogatepass") + b"\0")
    return found.hexdigest()


def scratch_folder(needed: int, candidates: Iterable[str]) -> str | None:
    """The first of ``candidates`` (memory folders, see the module) with room for ``needed``
    bytes, or None: the system's temporary folder."""
    for folder in candidates:
        try:
            if os.access(folder, os.W_OK | os.X_OK) and shutil.disk_usage(folder).free >= needed:
                return folder
        except OSError:
            continue
    return None


def run_pagefind(records: Iterable[SearchRecord]) -> dict[str, bytes]:
    """Pagefind's files for these records, by their path under ``pagefind/``.

    The same records give the same bytes on one machine. Pagefind's page numbers follow the
    order in which the documents' folder lists them, on ext4 an order of the names' hashes with
    a seed of that file system's own, so another machine's temporary folder can give other
    bytes; the documents are therefore written where they always were."""
    documents = {one.url: document(one).encode("utf-8") for one in records}
    memory = scratch_folder(ROOM * BLOCK * sum(len(data) // BLOCK + 2 for data in documents.values()), MEMORY_FOLDERS)
    with tempfile.TemporaryDirectory(prefix="sto-search-") as temporary, \
            tempfile.TemporaryDirectory(prefix="sto-search-index-", dir=memory) as made:
        source, output = Path(temporary, "site"), Path(made, FOLDER)
        for url, data in documents.items():
            folder = source / url
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "index.html").write_bytes(data)
        source.mkdir(exist_ok=True)
        done = subprocess.run([str(executable()), "--site", str(source), "--output-path", str(output), "--silent"],
                              capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"Pagefind {PAGEFIND_VERSION} failed ({done.returncode}): {done.stderr or done.stdout}")
        return {path.relative_to(output).as_posix(): path.read_bytes() for path in sorted(output.rglob("*"))
                if path.is_file() and not path.name.startswith(_UNUSED)}


def reuse_key(records: Iterable[SearchRecord]) -> str:
    """The build cache's key for the files made from these records."""
    return f"pagefind:{records_digest(records)}"


def pack(files: dict[str, bytes]) -> bytes:
    return marshal.dumps(files)


def unpack(packed: bytes) -> dict[str, bytes]:
    files: dict[str, bytes] = marshal.loads(packed)
    return files


def files_for(records: Iterable[SearchRecord], reuse: Reuse | None = None) -> dict[str, bytes]:
    """``pagefind/``'s files (paths under it), made again only when a record changed."""
    records = list(records)
    if reuse is None:
        return run_pagefind(records)
    return unpack(reuse(reuse_key(records), lambda: pack(run_pagefind(records))))
