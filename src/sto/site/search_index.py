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
import threading
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
_INDEX = 0  # the number of the first index a new service makes


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
    questions: list[dict[str, Any]] = [{"type": "NewIndex", "config": None}]
    questions += [{"type": "AddFile", "index_id": _INDEX, "url": f"/{one.url}", "file_path": None,
                   "file_contents": document(one)} for one in sorted(records, key=lambda r: r.url)]
    questions.append({"type": "GetFiles", "index_id": _INDEX})
    with tempfile.TemporaryFile() as errors, subprocess.Popen(
            [str(executable()), "--service"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=errors) as process:
        try:
            answers = _ask_all(process, questions)
            if answers[0].get("index_id") != _INDEX:
                raise RuntimeError(f"an index numbered {answers[0].get('index_id')!r}")
            files = answers[-1]["files"]
        except (RuntimeError, OSError) as failed:
            process.kill()
            errors.seek(0)
            raise RuntimeError(f"Pagefind {PAGEFIND_VERSION} failed: {failed} {errors.read().decode(errors='replace')}"
                               ) from None
        finally:
            _close(process.stdin)
    return {file["path"]: base64.b64decode(file["content"]) for file in sorted(files, key=lambda f: f["path"])
            if not file["path"].startswith(_UNUSED)}


def _ask_all(process: subprocess.Popen[bytes], questions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every question's answer, in order. All questions are sent at once, from a thread, while the
    answers are read: Pagefind's service reads its input in order and answers one message at a
    time (1.5.2), so the documents are still indexed in the order sent, and nothing waits for a
    round trip per document (at 1,400 documents about 15 % of Pagefind's time). Its input stays
    open until the last answer: at the end of its input the service exits at once."""
    assert process.stdin is not None and process.stdout is not None
    sent = b"".join(base64.b64encode(json.dumps({"message_id": number, "payload": payload}).encode("utf-8")) + _END
                    for number, payload in enumerate(questions, 1))
    writer = threading.Thread(target=_send, args=(process.stdin, sent), name="sto-pagefind-input")
    writer.start()
    try:
        return _read_answers(process.stdout, len(questions))
    finally:
        if writer.is_alive():  # the answers stopped early: once Pagefind has ended, so has the writing
            process.kill()
        writer.join()


def _send(stream: IO[bytes], data: bytes) -> None:
    try:
        stream.write(data)
        stream.flush()
    except OSError:  # Pagefind stopped: the reader reports it, with what Pagefind said
        pass


def _read_answers(stream: IO[bytes], count: int) -> list[dict[str, Any]]:
    answers: list[dict[str, Any]] = []
    read = bytearray()
    while len(answers) < count:
        more = stream.read1(_READ)  # type: ignore[attr-defined]  # a BufferedReader
        if not more:
            raise RuntimeError("its service stopped")
        read += more
        start = 0
        while len(answers) < count and (end := read.find(_END, start)) >= 0:
            answer = json.loads(base64.b64decode(read[start:end]))
            start = end + 1
            found: dict[str, Any] = answer.get("payload") or {}
            if answer.get("message_id") != len(answers) + 1 or found.get("type") == "Error":
                raise RuntimeError(found.get("message") or f"an answer to another question: {answer!r:.200}")
            answers.append(found)
        del read[:start]
    return answers


def _close(stream: IO[bytes] | None) -> None:
    if stream is not None:
        try:
            stream.close()  # Pagefind's service ends when its input does
        except OSError:  # it has ended already: the failure is reported
            pass


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
