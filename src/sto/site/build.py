"""One build's state: the validated content as the public sees it at the build's "now".

Created once per build by the MkDocs hooks, then shared by pages, feeds and calendars.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from pathlib import Path

from sto.clock import build_now
from sto.content.docs_pages import DocsPages, read_docs
from sto.content.items import AnyItem, Content
from sto.content.loader import Each, ItemMemory, load_content
from sto.site.listings import PAGE_SIZE, Listings


@dataclass(eq=False)
class Build:
    content: Content  # what is published at ``now``
    now: datetime
    site_url: str
    site_name: str  # the configuration's site_name: pages, feeds and calendars name the site with it
    preview: bool = False  # make serve: drafts are shown
    page_size: int = PAGE_SIZE  # items per page of a paginated listing
    pages_dir: Path | None = None  # docs/: the hand-written pages and the files (media) the site copies
    unpublished: frozenset[str] = frozenset()  # addresses of valid items not (yet) public: drafts, scheduled
    docs: DocsPages = field(default_factory=DocsPages)  # the hand-written pages' checked settings

    @classmethod
    def load(cls, root: Path, site_url: str, site_name: str, *, preview: bool = False,
             now: datetime | None = None, pages_dir: Path | None = None, page_size: int = PAGE_SIZE,
             memory: ItemMemory | None = None, each: Each | None = None) -> Build:
        """Raises ContentInvalid with every problem when the content (or a hand-written page in
        ``pages_dir``, e.g. docs/) is not valid. ``each``: how the files are loaded (``load_content``)."""
        now = now or build_now()
        docs = read_docs(pages_dir, root) if pages_dir else None  # once: the loader's check, the reference check
        everything = load_content(root / "content", root, memory, docs, each)
        published = everything.published(now, drafts=preview)
        unpublished = frozenset(item.url for item in everything.items) - {item.url for item in published.items}
        return cls(published, now, site_url, site_name, preview, page_size, pages_dir, unpublished,
                   docs if docs is not None else DocsPages())

    @cached_property
    def listings(self) -> Listings:
        """Every grouping the site, the feeds and the calendars show, computed once per build."""
        return Listings.of(self.content, self.now)

    def item_for(self, src_uri: str) -> AnyItem | None:
        return self.content.by_src_uri.get(src_uri)

    def absolute(self, url: str) -> str:
        return self.site_url.rstrip("/") + "/" + url.lstrip("/")
