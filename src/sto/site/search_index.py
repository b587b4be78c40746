"""The site search's files (``pagefind/``), written by Pagefind from the search records.

Pagefind (PyPI ``pagefind[bin]``, its binary pinned in requirements.txt) indexes an HTML document
per record (``sto.site.search.document``) and makes a chunked index: the browser
loads ``pagefind.js``, a WebAssembly module with the Dutch stemmer, and only the index chunks
and fragments a query needs, when a visitor first searches (``overrides/assets/sto/search.js``).

Whole: Pagefind cannot add to an index it wrote, so every change to what is searched runs it
again over every record. The caller reuses the files while the records are the same
(``files_for``: the build cache keys them by a digest of every document and Pagefind's version).
Pagefind's own interfaces (its UI scripts and styles, the highlighter) are not published: the
site has its own.

Pagefind runs as a service (``pagefind --service``, the protocol of its own Node and Python
clients: base64-encoded JSON messages, each ended by a comma, over its standard input and output):
each document is handed over in memory, in the order of the records' addresses, and the index
comes back in memory. Pagefind numbers its pages in the order it gets them; run over a folder of
documents (``pagefind --site``), it got them in the order the file system lists the folder, which
on ext4 follows a hash seeded per file system, so another machine could write other index bytes
for the same records. Writing a file per document and reading the index back also cost more
CPU time than Pagefind's own work on this project's machine (ext4 on a virtual disk). The
``pagefind`` package's own client is not used: it waits a tenth of a second for each answer
(1,400 documents: more than two minutes).
"""

from __future__ import annotations

import base64
import hashlib
import json
import marshal
import subprocess
import tempfile
from collections.abc import Callable, Iterable
from importlib.metadata import version
from pathlib import Path
from typing import IO, Any

from sto.site.search import SearchRecord, document

FOLDER = "pagefind"  # under the site: pagefind/pagefind.js and the index
PAGEFIND_VERSION = version("pagefind_bin")
# Pagefind's ready-made interfaces: the site does not use them.
_UNUSED = ("pagefind-ui.", "pagefind-modular-ui.", "pagefind-component-ui.", "pagefind-highlight.")

Reuse = Callable[[str, Callable[[], bytes]], bytes]  # sto.cache.store.Reuse: key, make -> bytes
_END = b","  # ends each message of Pagefind's service (base64 has no comma)
_READ = 1 << 16


def executable() -> Path:
    from pagefind_bin import get_executable  # type: ignore[import-untyped]  # no type information

    return Path(get_executable())


def records_digest(records: Iterable[SearchRecord]) -> str:
    found = hashlib.sha256(PAGEFIND_VERSION.encode())
    for one in sorted(records, key=lambda r: r.url):
        found.update(document(one).encode("utf-8", "surrogatepass"))
        found.update(one.url.encode("utf-8", "surrogatepass") + b"\0")
    return found.hexdigest()


def run_pagefind(records: Iterable[SearchRecord]) -> dict[str, bytes]:
    """Pagefind's files for these records, by their path under ``pagefind/``; the same bytes for
    the same records, in any order (see the module)."""
    with tempfile.TemporaryFile() as errors, subprocess.Popen(
            [str(executable()), "--service"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=errors) as process:
        try:
            service = _Service(process)
            index = service.ask({"type": "NewIndex", "config": None})["index_id"]
            for one in sorted(records, key=lambda r: r.url):
                service.ask({"type": "AddFile", "index_id": index, "url": f"/{one.url}", "file_path": None,
                             "file_contents": document(one)})
            files = service.ask({"type": "GetFiles", "index_id": index})["files"]
        except (RuntimeError, OSError) as failed:  # OSError: its input closed (BrokenPipeError)
            process.kill()
            errors.seek(0)
            raise RuntimeError(f"Pagefind {PAGEFIND_VERSION} failed: {failed} {errors.read().decode(errors='replace')}"
                               ) from None
        finally:
            _close(process.stdin)
    return {file["path"]: base64.b64decode(file["content"]) for file in sorted(files, key=lambda f: f["path"])
            if not file["path"].startswith(_UNUSED)}


def _close(stream: IO[bytes] | None) -> None:
    if stream is not None:
        try:
            stream.close()  # Pagefind's service ends when its input does
        except OSError:  # it has ended already: the failure is reported
            pass


class _Service:
    """One question at a time, each answered before the next is asked: Pagefind indexes the
    documents in the order they are sent."""

    def __init__(self, process: subprocess.Popen[bytes]):
        assert process.stdin is not None and process.stdout is not None
        self._in, self._out = process.stdin, process.stdout
        self._asked = 0
        self._read = bytearray()

    def ask(self, payload: dict[str, Any]) -> dict[str, Any]:
        self._asked += 1
        message = json.dumps({"message_id": self._asked, "payload": payload}).encode("utf-8")
        self._in.write(base64.b64encode(message) + _END)
        self._in.flush()
        while (end := self._read.find(_END)) < 0:
            more = self._out.read1(_READ)  # type: ignore[attr-defined]  # a BufferedReader
            if not more:
                raise RuntimeError("its service stopped")
            self._read += more
        answer = json.loads(base64.b64decode(self._read[:end]))
        del self._read[:end + 1]
        found: dict[str, Any] = answer.get("payload") or {}
        if answer.get("message_id") != self._asked or found.get("type") == "Error":
            raise RuntimeError(found.get("message") or f"an answer to another question: {answer!r:.200}")
        return found


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
