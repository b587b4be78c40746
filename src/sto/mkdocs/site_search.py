"""The site search in a build: a record per searched page, collected as MkDocs converts the
pages, and Pagefind's files written at the end (``sto.site.search``, ``sto.site.search_index``).

Every build path has the index: ``mkdocs build`` (CI and deploys included) and the preview, which
runs Pagefind again only when a searched page changed (the build cache keeps its files by a
digest of every record) and then writes only the files whose bytes changed.
"""

from __future__ import annotations

import html as html_text
import logging
import shutil
import time
from collections.abc import Callable
from pathlib import Path

from mkdocs.structure.pages import Page

from sto.content.items import AnyItem
from sto.site.search import SearchRecord, is_searched, record
from sto.site.search_index import FOLDER, Reuse, files_for

log = logging.getLogger("mkdocs.hooks.sto.search")

Write = Callable[[str, bytes], None]  # site-relative path, bytes (the preview's DirtyBuild.write)


class SiteSearch:
    """One build's search records, by page address."""

    def __init__(self) -> None:
        self._records: dict[str, SearchRecord] = {}

    # on_page_content
    def add(self, page: Page, indexed_html: str, item: AnyItem | None) -> None:
        """The page's record, from the HTML search indexes of it (``search_trim.indexed_html``)."""
        if is_searched(page.meta):
            title = html_text.unescape(page.title or "")  # MkDocs' page titles are HTML
            self._records[page.url] = record(page.url, title, indexed_html, item)

    def records(self) -> list[SearchRecord]:
        return [self._records[url] for url in sorted(self._records)]

    # on_post_build
    def write(self, site_dir: str, reuse: Reuse | None, write: Write | None = None) -> list[str]:
        """Write ``pagefind/`` into the site; the site-relative paths written."""
        started = time.perf_counter()
        files = files_for(self.records(), reuse)
        log.debug("search index: %d pages, %d files, %.2f s", len(self._records), len(files),
                  time.perf_counter() - started)
        folder = Path(site_dir, FOLDER)
        if write is None:
            shutil.rmtree(folder, ignore_errors=True)
        for name, data in files.items():
            if write is not None:
                write(f"{FOLDER}/{name}", data)
            else:
                target = folder / name
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
        return [f"{FOLDER}/{name}" for name in files]
