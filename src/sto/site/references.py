"""Every reference resolves: each link, anchor, image, document and recording file that content
and the hand-written pages in docs/ point at is something this build produces, or a Dutch
problem at the editor's own ``path:line:``.

The addresses a build produces (``Produced``: item pages, overviews, feeds, calendars, data
files, docs/ pages and their files, media) are put together once per build; each reference is
then a dict or set lookup. ``site_path`` is the one place that turns an address on this site into
a path inside the site, and ``file_for`` the one place that maps such a path to a file under
docs/ (which is read for an image's size or a document's type): both refuse whatever would
leave the site (``/../../etc/passwd``), and ``file_for`` also symlinks. Links to other hosts are
never fetched.

Relative links resolve the way MkDocs resolves them: from the page's Markdown source
(``nieuws/x.md``), and when that names no file and has no extension, by the browser from the
page's own address. Anchors are checked against the ids the page's Markdown gives its headings
(the Markdown extensions as the site configures them, toc's slugs included), for pages whose
Markdown an editor wrote (content items and docs/ pages); an overview page's ids come from its
template, and anchors into it are not checked.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from markdown import Markdown

from sto.site.build import Build
from sto.content.references import DOCUMENT, IMAGE, Reference, body_references
from sto.content.trust import Refused
from sto.problems import Problem
from sto.site.media_files import MediaFiles
from sto.site.site_files import file_for, inside, site_path

INDEX = "index.html"


@dataclass(frozen=True)
class Produced:
    """Every address one build produces, put together once per build."""

    files: frozenset[str]  # site-relative paths of every file written: nieuws/x/index.html, feeds/rss.xml
    sources: dict[str, str]  # what MkDocs builds from each source (src_uri): its written path
    pages: dict[str, str]  # written path of a page -> its Markdown source (src_uri)

    @classmethod
    def of(cls, files: Iterable[tuple[str, str, bool]], more: Iterable[str] = ()) -> Produced:
        """``files``: (source, written path, is a Markdown page) of everything MkDocs builds or
        copies; ``more``: paths written beside them (feeds, calendars, the sitemap)."""
        sources, pages = {}, {}
        for src_uri, dest_uri, is_page in files:
            sources[src_uri] = dest_uri
            if is_page:
                pages[dest_uri] = src_uri
        return cls(frozenset([*sources.values(), *more]), sources, pages)

    def written(self, path: str) -> str | None:
        """The written file an address's path leads to: a file, or a folder's index.html (also
        without the trailing slash, which the web server adds)."""
        if path in self.files:
            return path
        folder = path if path.endswith("/") or not path else path + "/"
        index = folder + INDEX
        return index if index in self.files else None


@dataclass(frozen=True)
class Target:
    written: str  # the file the address leads to
    anchor: str


def _dest_url(dest_uri: str) -> str:
    return dest_uri.removesuffix(INDEX)


def resolve(address: str, src_uri: str, produced: Produced) -> Target | None:
    """Where a reference on the page made from ``src_uri`` leads; None when the build produces
    no such file. (Not for addresses on other hosts.)"""
    parts = urlsplit(address)
    anchor = unquote(parts.fragment)
    own = produced.sources.get(src_uri, "")
    if not parts.path:  # #kop or ?a=b: the page itself
        return Target(own, anchor)
    if parts.path.startswith("/"):
        path = site_path(address)
        written = produced.written(path) if path is not None else None
        return Target(written, anchor) if written is not None else None
    relative = unquote(parts.path)
    source = inside(posixpath.join(posixpath.dirname(src_uri), relative))  # as MkDocs resolves it
    if source is not None and source.rstrip("/") in produced.sources:
        return Target(produced.sources[source.rstrip("/")], anchor)
    if posixpath.splitext(relative.rstrip("/"))[1]:
        return None  # a file that MkDocs does not have (it would warn, in English)
    browsed = inside(posixpath.join(posixpath.dirname(_dest_url(own)), relative))  # the browser, from the page
    written = produced.written(browsed) if browsed is not None else None
    return Target(written, anchor) if written is not None else None


_ID = re.compile(r'\sid="([^"]+)"')


class Anchors:
    """The ids each Markdown page will have, converted once per build and page when asked."""

    def __init__(self, markdown_of: Callable[[str], str | None], extensions: Sequence[Any],
                 configs: dict[str, dict[str, Any]]):
        self._markdown_of = markdown_of
        self._extensions, self._configs = extensions, configs
        self._md: Markdown | None = None
        self._ids: dict[str, frozenset[str] | None] = {}

    def of(self, src_uri: str) -> frozenset[str] | None:
        """The ids of the page made from ``src_uri``; None: not a page whose Markdown we know."""
        if src_uri not in self._ids:
            source = self._markdown_of(src_uri)
            self._ids[src_uri] = None if source is None else frozenset(_ID.findall(self._convert(source)))
        return self._ids[src_uri]

    def _convert(self, source: str) -> str:
        if self._md is None:
            self._md = Markdown(extensions=list(self._extensions), extension_configs=self._configs)
        self._md.reset()
        return self._md.convert(source)


@dataclass
class _Source:
    path: str
    src_uri: str
    references: Sequence[Reference]


@dataclass
class References:
    """One build's reference check."""

    build: Build  # its content, and its docs/ pages as Build.load read and checked them
    produced: Produced
    docs_dir: Path
    extensions: Sequence[Any] = ("toc",)
    configs: dict[str, dict[str, Any]] = field(default_factory=dict)

    def problems(self) -> list[Problem]:
        docs = self.build.docs.pages

        def markdown_of(src_uri: str) -> str | None:
            item = self.build.item_for(src_uri)
            if item is not None:
                return item.body
            page = docs.get(src_uri)
            return page.body if page is not None else None

        anchors = Anchors(markdown_of, self.extensions, self.configs)
        media = MediaFiles(self.docs_dir)
        sources = [_Source(item.path, item.src_uri, item.references) for item in self.build.content.items]
        sources += [_Source(page.path, page.src_uri, body_references(page.links)) for page in docs.values()]
        problems = []
        for source in sources:
            for where, address, kind, line in source.references:
                refusal = self._check(address, kind, source.src_uri, anchors, media)
                if refusal is not None:
                    problems.append(Problem(source.path, line, where, str(refusal)))
        return problems

    def _check(self, address: str, kind: str, src_uri: str, anchors: Anchors, media: MediaFiles) -> Refused | None:
        if urlsplit(address).scheme or address.startswith("//"):
            return None  # another host (or mailto:): never fetched
        target = resolve(address, src_uri, self.produced)
        if target is None:
            path = site_path(address) if address.startswith("/") else None
            if path is not None and (path if path.endswith("/") else path + "/") in self.build.unpublished:
                return Refused(f"'{address}' is nog niet gepubliceerd (een concept, of een datum in de toekomst); "
                               "link er pas naar als het op de site staat")
            return _missing(address, kind, src_uri)
        if target.anchor and (page := self.produced.pages.get(target.written)) is not None:
            ids = anchors.of(page)
            if ids is not None and target.anchor not in ids:
                return _no_anchor(address, target.anchor, ids)
        if kind in (IMAGE, DOCUMENT):  # a file an editor added (docs/), not a page or a feed the build writes
            found = file_for(self.docs_dir, target.written)
            if found is None and kind == IMAGE:
                return Refused(f"'{address}' is geen afbeelding die de site kan lezen; gebruik een jpg, png, gif, "
                               "webp of een svg met width en height")
            if found is None:
                return Refused(f"'{address}' is geen pdf; sla het document op als pdf (in Word: Opslaan als, PDF)")
            return media.image_problem(found) if kind == IMAGE else media.document_problem(found)
        return None


def _missing(address: str, kind: str, src_uri: str) -> Refused:
    if kind == IMAGE:
        return Refused(f"de afbeelding '{address}' bestaat niet op deze site; zet het bestand in docs/media/ "
                       "en verwijs ernaar met /media/<bestandsnaam>")
    if kind == DOCUMENT:
        return Refused(f"het document '{address}' bestaat niet op deze site; zet het bestand in docs/media/ "
                       "en verwijs ernaar met /media/<bestandsnaam>")
    if address.startswith("/"):
        return Refused(f"'{address}' bestaat niet op deze site; controleer het adres (een pagina uit content/ "
                       "heeft het adres /nieuws/<bestandsnaam>/, /agenda/<bestandsnaam>/ of "
                       "/veelgestelde-vragen/<bestandsnaam>/)")
    looked_for = inside(posixpath.join(posixpath.dirname(src_uri), unquote(urlsplit(address).path)))
    return Refused(f"'{address}' bestaat niet op deze site (gelezen vanaf deze pagina: {looked_for or '?'}); "
                   "verwijs met het webadres, bijvoorbeeld /nieuws/<bestandsnaam>/ of /over-sto/")


def _no_anchor(address: str, anchor: str, ids: frozenset[str]) -> Refused:
    if not ids:
        return Refused(f"'{address}' verwijst naar #{anchor}, maar die pagina heeft geen koppen met een anker")
    shown = ", ".join(f"#{i}" for i in sorted(ids)[:8])
    return Refused(f"'{address}' verwijst naar #{anchor}, maar die kop bestaat niet; die pagina heeft: {shown}")
