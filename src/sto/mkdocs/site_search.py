"""The site search in a build: a record per searched page, collected as MkDocs converts the
pages, and Pagefind's files written at the end (``sto.site.search``, ``sto.site.search_index``).

Every build path has the index. ``mkdocs build`` (CI and deploys included) starts Pagefind once
every page is converted (``start``, in on_env: the records are known, the templates are not
rendered yet), lets it run beside the rendering (fed from a forked process of its own, so the
feeding and the rendering do not wait for each other's turn at the interpreter's lock), and
writes its files before the build ends;
Pagefind's files are reused from the build cache while every record is the same. The preview
(``make serve``) must show a saved page at once, and Pagefind runs over every record (at
+1,400 pages about 2 s on this project's machine), so there the index is made in a background
thread once the rebuild is done (``PreviewIndex``): the page is visible first, search follows a
moment later, and only the files whose bytes changed are written. A newer save supersedes an
index still being made.
"""

from __future__ import annotations

import hashlib
import html as html_text
import logging
import shutil
import threading
import time
from collections.abc import Callable
from pathlib import Path

from mkdocs.structure.pages import Page

from sto.content.items import AnyItem
from sto.mkdocs.parallel import Beside, InThread
from sto.site.search import SearchRecord, is_searched, record
from sto.site.search_index import FOLDER, Reuse, pack, records_digest, reuse_key, run_pagefind, unpack

StartBeside = Callable[[Callable[[], bytes]], Beside]  # Speed.beside

log = logging.getLogger("mkdocs.hooks.sto.search")

SEARCH_FILES = (f"{FOLDER}/",)  # what the search writes in the site folder (the preview leaves it to PreviewIndex)


class _NotStored(Exception):
    """The build cache has no index for these records (see SiteSearch.start)."""


def _not_stored() -> bytes:
    raise _NotStored


class SiteSearch:
    """One build's search records, by page address."""

    def __init__(self) -> None:
        self._records: dict[str, SearchRecord] = {}
        self._files: dict[str, bytes] | None = None  # the index, once known
        self._making: Beside | None = None  # Pagefind running beside the rendering
        self._key = ""  # the build cache's key of the records the index is made from (start)
        self._written_to: str | None = None  # the site folder Pagefind's process writes the index into

    # on_page_content
    def add(self, page: Page, indexed_html: str, item: AnyItem | None) -> None:
        """The page's record, from the HTML search indexes of it (``search_trim.indexed_html``)."""
        if is_searched(page.meta):
            title = html_text.unescape(page.title or "")  # MkDocs' page titles are HTML
            self._records[page.url] = record(page.url, title, indexed_html, item)

    def kept(self) -> dict[str, SearchRecord]:
        """The records so far, by page address (a conversion worker's, for the main process)."""
        return dict(self._records)

    def take(self, records: dict[str, SearchRecord]) -> None:
        """Records made in another process (``kept`` there)."""
        self._records.update(records)

    def records(self) -> list[SearchRecord]:
        return [self._records[url] for url in sorted(self._records)]

    # on_env, mkdocs build, as soon as every page is converted
    def start(self, reuse: Reuse | None, beside: StartBeside | None = None, site_dir: str | None = None) -> None:
        """The index from the build cache, or Pagefind started on the records beside the rendering
        (``beside``: Speed.beside; None: in a thread). Its own process does the work and, given
        ``site_dir``, writes the files there too (thousands of small files: at N = 5,000 about a
        second that no longer waits for the rendering to end)."""
        records = self.records()
        if reuse is not None:
            self._key = reuse_key(records)  # once: a digest of every record's document
            try:
                self._files = unpack(reuse(self._key, _not_stored))
                return
            except _NotStored:
                pass

        def make() -> bytes:
            files = run_pagefind(records)
            if site_dir is not None:
                _write_folder(site_dir, files)
            return pack(files)

        self._written_to = site_dir
        self._making = (beside or InThread)(make)

    # on_post_build
    def publish(self, site_dir: str, *, preview: PreviewIndex | None, emptied: bool, reuse: Reuse | None) -> None:
        """The index in the site folder: now (a build), or in the background once the rebuild is done
        (the preview's index of the folder; ``emptied``: MkDocs emptied its folder before this build)."""
        if preview is None:
            self.write(site_dir, reuse)
            return
        index = preview
        if emptied:
            index.forget()
        index.update(self.records())

    def write(self, site_dir: str, reuse: Reuse | None) -> list[str]:
        """Write ``pagefind/`` into the site (emptied first), unless Pagefind's process did; the
        site-relative paths written."""
        started = time.perf_counter()
        if self._files is None and self._making is None:  # not started in on_env
            self.start(reuse)
        written = False
        if self._making is not None:
            making, self._making = self._making, None
            packed = making.result()
            if reuse is not None:
                reuse(self._key or reuse_key(self.records()), lambda: packed)
            self._files = unpack(packed)
            written = self._written_to == site_dir
        files = self._files
        assert files is not None
        log.debug("search index: %d pages, %d files, waited %.2f s", len(self._records), len(files),
                  time.perf_counter() - started)
        if not written:
            _write_folder(site_dir, files)
        return [f"{FOLDER}/{name}" for name in files]


def _write_folder(site_dir: str, files: dict[str, bytes]) -> None:
    folder = Path(site_dir, FOLDER)
    shutil.rmtree(folder, ignore_errors=True)
    for name, data in files.items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class PreviewIndex:
    """The preview's ``pagefind/``, made in a background thread after each rebuild (see the module)."""

    def __init__(self, site_dir: str):
        self.folder = Path(site_dir, FOLDER)
        self._lock = threading.Lock()
        self._wanted: tuple[str, list[SearchRecord]] | None = None
        self._thread: threading.Thread | None = None
        self._made = ""  # digest of the records the folder's index was made from
        self._written: dict[str, str] = {}  # name under pagefind/ -> digest of its bytes
        self._emptied = 0  # how often the folder was emptied (forget): a write begun before is not trusted
        self.idle = threading.Event()  # set while no index is being made (tests wait on it)
        self.idle.set()

    def update(self, records: list[SearchRecord]) -> None:
        """Make the index for these records, unless the folder holds it already."""
        wanted = records_digest(records)
        with self._lock:
            if wanted == self._made and self._wanted is None:
                return
            self._wanted = (wanted, records)
            self.idle.clear()
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="sto-search-index", daemon=True)
                self._thread.start()

    def forget(self) -> None:
        """The site folder was emptied: make the index again at the next update."""
        with self._lock:
            self._made = ""
            self._written = {}
            self._emptied += 1

    def _run(self) -> None:
        while True:
            with self._lock:
                job, self._wanted = self._wanted, None
                if job is None:
                    self._thread = None
                    self.idle.set()
                    return
            wanted, records = job
            try:
                files = run_pagefind(records)
            except Exception as error:  # noqa: BLE001  # the preview keeps running; search stays as it was
                log.warning("De zoekindex kon niet worden gemaakt: %s", error)
                continue
            with self._lock:
                if self._wanted is not None:  # superseded meanwhile
                    continue
                written, emptied = dict(self._written), self._emptied
            # Written without the lock: the next rebuild's update() does not wait for the files
            # (the first index at N = 5,000: about 1.5 s of writing).
            self._write(files, written)
            with self._lock:
                if self._emptied == emptied:  # else the folder was emptied meanwhile: all again next time
                    self._written = written
                    self._made = wanted

    def _write(self, files: dict[str, bytes], written: dict[str, str]) -> None:
        """Write what changed since ``written`` (name -> digest of its bytes), updated as it goes."""
        for name, data in files.items():
            digest = _digest(data)
            target = self.folder / name
            if written.get(name) != digest or not target.is_file():
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
                written[name] = digest
        for name in [n for n in written if n not in files]:
            (self.folder / name).unlink(missing_ok=True)
            del written[name]
