"""Builds that redo only what changed: MkDocs' per-page work, reused by fingerprint.

Reused when the fingerprint of everything they are made from is unchanged (``sto.cache``): a
page's Markdown converted to HTML (with its table of contents and anchors), what our hooks make
of that HTML (``after_conversion``: its search record's HTML and its feed HTML), a page's rendered
template, the core's serialised calendar parts and the search index's files (``reuse``) and the
compiled templates. Never reused, because they read the whole site: the listings, the feeds, the
sitemap, the open data and other whole-site files; loading the content is redone too (in the preview each
file is revalidated only when its bytes change, ``sto.content.loader``). ``mkdocs build`` writes
the site directory whole; the preview writes only the pages and files that changed
(``sto.mkdocs.preview_writes``).

The fingerprints:

- ``base``: the running ``sto`` package, the project's ``mkdocs.yml``, ``hooks/``,
  ``overrides/``, ``src/`` and ``docs/`` (all files but the Markdown pages, which are keyed
  per page), every installed package's version, Python's version, the site URL (the preview
  has its own), whether drafts are shown and every ``STO_*`` environment variable (such as
  ``STO_NO_FRAGMENT_CACHE``).
- Markdown: ``base`` and the page's own Markdown, address and source path; a stored conversion
  is used only while every file its links looked up still has the same address.
- Template: ``base``, the navigation (titles and addresses), the vocabularies, the page's
  converted HTML, title and front matter, and the data our hooks give its template
  (``Site.context_for``: item, view, trail, JSON-LD, ...), in which each item stands for its
  file's bytes (``sto.cache.fingerprint.value_digest``). Templates may also read the build
  through the globals ``sto``, ``sto_syndication`` and ``sto_site``; what they read there must
  be in the fingerprint too: ``TEMPLATE_GLOBAL_READS`` lists it, and a test fails when a template
  reads anything else (the build's "now" goes to a page through its context, never a global).
- The search index (``sto.site.search_index``): every search record's document, and Pagefind's
  version.

The preview (``mkdocs serve`` is one process) keeps the results in memory between builds;
``mkdocs build`` keeps them in ``.cache/sto/`` (``STO_CACHE_DIR``; ``STO_NO_BUILD_CACHE=1``
builds without). A page whose conversion logged a warning is never stored, so a strict build
warns again.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

from jinja2 import Environment
from jinja2.bccache import Bucket, BytecodeCache, FileSystemBytecodeCache
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

import sto
from sto.cache.fingerprint import Undigestible, environment_digest, tree_digest, value_digest
from sto.digests import digest
from sto.cache.store import Store
from sto.content.loader import LastLoad
from sto.content.vocabulary import Vocabularies
from sto.mkdocs import engine_internals as engine

PASSTHROUGH_TEMPLATE = "sto/cached-page.html"  # prints ``sto_cached_output``, the page as rendered before
CACHE_DIR_VARIABLE = "STO_CACHE_DIR"
NO_CACHE_VARIABLE = "STO_NO_BUILD_CACHE"
DEFAULT_CACHE_DIR = ".cache/sto"
PROJECT_PARTS = ("mkdocs.yml", "hooks", "overrides", "src")  # hashed whole; docs/ without its pages
# Everything templates read from the globals, and where the template fingerprint covers it.
TEMPLATE_GLOBAL_READS = MappingProxyType({
    "sto.content.vocabularies": "the vocabularies",
    "sto.absolute": "the site URL",
    "sto_syndication.feed_links": "the vocabularies, the site URL and whether the page's category has news "
                                  "(its listing is in the page's context)",
    "sto_syndication.category_feeds": "the vocabularies, the site URL and whether the category has news "
                                      "(its listing is in the page's context)",
    "sto_syndication.subscriptions": "the vocabularies and the site URL",
    "sto_syndication.event_links": "the item (in the context) and the site URL",
})

log = logging.getLogger("mkdocs.hooks.sto.incremental")


class _MemoryBytecodeCache(BytecodeCache):
    """Compiled templates for the preview's builds (each has a new Jinja environment). Jinja checks
    each template's source checksum, so a changed template is compiled again."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self._code:
            bucket.bytecode_from_string(self._code[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


class PreviewResults:
    """What the preview (``mkdocs serve``: one process, many builds) keeps from build to build."""

    def __init__(self) -> None:
        self.stores: dict[str, Store] = {}  # the results, per site URL
        self.bytecode: dict[str, _MemoryBytecodeCache] = {}  # compiled templates, of the latest base fingerprint
        self.last_load = LastLoad()  # each content file's validation (sto.content.loader)

    def store(self, site_url: str) -> Store:
        return self.stores.setdefault(site_url, Store())

    def compiled(self, base: str) -> _MemoryBytecodeCache:
        if base not in self.bytecode:
            self.bytecode.clear()
            self.bytecode[base] = _MemoryBytecodeCache()
        return self.bytecode[base]


def cache_dir(root: Path, environ: Mapping[str, str]) -> Path | None:
    """Where ``mkdocs build`` keeps its cache, or None when asked to build without."""
    if environ.get(NO_CACHE_VARIABLE, "") not in ("", "0"):
        return None
    return root / environ.get(CACHE_DIR_VARIABLE, DEFAULT_CACHE_DIR)


def base_digest(root: Path, site_url: str, preview: bool, environ: Mapping[str, str]) -> str:
    package = Path(sto.__file__).resolve().parent
    switches = sorted(f"{k}={v}" for k, v in environ.items() if k.startswith("STO_") and k != CACHE_DIR_VARIABLE)
    return digest("base", tree_digest(package.parent, [package.name]), tree_digest(root, PROJECT_PARTS),
                  tree_digest(root, ["docs"], skip_suffixes=(".md",)), environment_digest(), site_url, str(preview),
                  *switches)


def _text_digest(text: str | None) -> str:
    return hashlib.sha256((text or "").encode("utf-8", "surrogatepass")).hexdigest()[:32]


class _Warnings(logging.Handler):
    """Counts warnings logged while it is attached (a page that warned is not stored)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def _address(files: Files, path: str,
             find: Callable[[str], File | None] | None = None) -> tuple[str | None, str | None]:
    """Where a link to ``path`` leads: the file's address and inclusion, or nothing."""
    found = (find or files.get_file_from_path)(path)
    return (None, None) if found is None else (found.url, found.inclusion.name)


def _nav_digest(items: Iterable[Any]) -> list[Any]:
    return [(type(i).__name__, str(i.title), getattr(i, "url", None), _nav_digest(getattr(i, "children", None) or ()))
            for i in items]


class _ItemMemory:
    def __init__(self, store: Store, base: str, last_load: LastLoad | None):
        self.store, self.base = store, base
        self.last_load = last_load  # the preview's: each file's result of the build before

    def get(self, key: str) -> Any:
        return self.store.get(digest("content", self.base, key))

    def put(self, key: str, value: object) -> None:
        self.store.put(digest("content", self.base, key), value)


class Incremental:
    """One build's reuse of earlier results; the hooks call one method per MkDocs event."""

    def __init__(self, store: Store, base: str, save_to: Path | None = None,
                 bytecode: BytecodeCache | None = None, *, enabled: bool = True, last_load: LastLoad | None = None):
        self.enabled = enabled  # False: a build without the cache does none of this work
        self.last_load = last_load
        self.store = store
        self.base = base
        self.save_to = save_to
        self.bytecode = bytecode
        self._render_base = ""
        self._markdown_keys: dict[str, str] = {}
        self._outputs: dict[str, str] = {}  # src_uri -> the stored page of a page not rendered again
        self._pending: dict[str, tuple[str, dict[str, Any]]] = {}  # src_uri -> (key, our context) of a page to render
        self._render_keys: dict[str, str] = {}  # src_uri -> template fingerprint, of every page that has one

    @classmethod
    def disabled(cls) -> Incremental:
        """A build that reuses nothing and stores nothing."""
        return cls(Store(), "", enabled=False)

    @classmethod
    def start(cls, root: Path, site_url: str, *, preview: PreviewResults | None,
              environ: Mapping[str, str] = os.environ) -> Incremental:
        """``preview``: the preview's memory of earlier builds (None: ``mkdocs build``, which keeps
        its results in the cache folder)."""
        folder = cache_dir(root, environ)
        if folder is None and preview is None:
            return cls.disabled()
        base = base_digest(root, site_url, preview is not None, environ)
        if preview is not None:  # one process, many builds: keep the results in memory
            store = preview.store(site_url)
            store.start_build()
            return cls(store, base, bytecode=preview.compiled(base), last_load=preview.last_load)
        assert folder is not None
        compiled = folder / "jinja" / base
        if (folder / "jinja").is_dir():
            for old in (folder / "jinja").iterdir():
                if old != compiled:
                    shutil.rmtree(old, ignore_errors=True)
        compiled.mkdir(parents=True, exist_ok=True)
        return cls(Store.load(folder / "store"), base, folder / "store",
                   FileSystemBytecodeCache(str(compiled)))

    def holds_results(self) -> bool:
        """Whether this build starts with results of earlier builds (a warm build)."""
        return self.enabled and len(self.store) > 0

    # on_env, before any template is loaded
    def compile_once(self, env: Environment) -> None:
        """Reuse compiled templates (Jinja's bytecode cache). Jinja checks each template's source, but
        the compiled code also holds the environment's settings (autoescape is decided when
        compiling), so the compiled templates are kept per ``base`` fingerprint, which covers the
        code that sets them up."""
        if self.bytecode is not None:
            env.bytecode_cache = self.bytecode

    # on_pre_page
    def convert_once(self, page: Page) -> None:
        """Give the page a ``render`` that reuses an earlier conversion of the same Markdown, as long
        as every page its links pointed to still has the same address (links are the only way
        MkDocs' conversion reads other files: ``Files.get_file_from_path``)."""
        if not self.enabled:
            return
        convert = page.render
        src_uri = page.file.src_uri

        def render(config: MkDocsConfig, files: Files) -> None:
            key = digest("markdown", self.base, src_uri, page.url, page.file.inclusion.name, page.markdown or "")
            self._markdown_keys[src_uri] = key
            stored = self.store.get(key)
            if stored is not None and all(_address(files, uri) == tuple(found) for uri, *found in stored[5]):
                content, toc, title, anchors, links, _ = stored
                page.content, page.toc = content, get_toc(toc)
                engine.set_title_from_render(page, title)
                page.present_anchor_ids = set(anchors)
                if links is not None:
                    linked = {uri: files.get_file_from_path(uri) for uri in links}  # all found: checked above
                    page.links_to_anchors = {f: dict(links[uri]) for uri, f in linked.items() if f is not None}
                return
            warnings, looked_up = _Warnings(), {}
            find = files.get_file_from_path

            def get_file_from_path(path: str) -> File | None:
                looked_up[path] = _address(files, path, find)
                return find(path)

            logging.getLogger("mkdocs").addHandler(warnings)
            engine.watch_lookups(files, get_file_from_path)  # on this object only
            try:
                convert(config, files)
            finally:
                engine.unwatch_lookups(files)
                logging.getLogger("mkdocs").removeHandler(warnings)
            links = page.links_to_anchors
            if warnings.count:
                return
            self.store.put(key, (page.content, engine.toc_tokens(page.toc), engine.title_from_render(page),
                                 sorted(page.present_anchor_ids or ()),
                                 None if links is None else {f.src_uri: dict(found) for f, found in links.items()},
                                 [(path, *found) for path, found in looked_up.items()]))

        engine.use_render(page, render)  # on this page only

    def markdown_key(self, src_uri: str) -> str | None:
        """The key of the page's conversion in this build (after it was converted), for another process."""
        return self._markdown_keys.get(src_uri)

    def take_markdown_key(self, src_uri: str, key: str | None) -> None:
        """A page converted in another process: its conversion's key, as if converted here."""
        if key is not None:
            self._markdown_keys[src_uri] = key

    # on_page_content
    def after_conversion(self, page: Page, inputs: str,
                         make: Callable[[], tuple[str, str | None]]) -> tuple[str, str | None]:
        """What the hooks make of a page's converted HTML (the page's HTML, its feed HTML): reused
        while the conversion and ``inputs`` (the digest of the rest they read) are the same."""
        markdown_key = self._markdown_keys.get(page.file.src_uri)
        if markdown_key is None:
            return make()
        key = digest("after-conversion", markdown_key, inputs)
        stored = self.store.get(key)
        if stored is not None:
            html, feed = stored
            return html, feed
        made = make()
        self.store.put(key, made)
        return made

    # on_env: every page is converted, the navigation has its titles
    def plan_rendering(self, pages: Iterable[Page], nav: Iterable[Any] | None, vocabularies: Vocabularies,
                       context_for: Callable[[Page], dict[str, Any]],
                       keep: Callable[[Page, str], bool] | None = None) -> None:
        """Decide per page: print the stored rendering, or render and store it; or, when ``keep``
        (page, fingerprint) says so, not render it at all (the preview's folder holds that
        rendering already, ``sto.mkdocs.preview_writes``)."""
        if not self.enabled:
            return
        self._render_base = digest("render", self.base, repr(_nav_digest(nav or ())), value_digest(vocabularies))
        for page in pages:
            src_uri = page.file.src_uri
            markdown_key = self._markdown_keys.get(src_uri)
            if markdown_key is None or page.content is None:
                continue
            try:
                converted = digest(src_uri, page.url, markdown_key, str(page.title), value_digest(page.meta),
                                   _text_digest(page.content))
                ours = context_for(page)
                key = digest(self._render_base, converted, value_digest(ours))
            except Undigestible as reason:  # a warning, so a strict build fails: say what to digest
                log.warning("%s: the render cache cannot digest this page's template data (%s); the page is "
                            "rendered every time", src_uri, reason)
                continue
            self._render_keys[src_uri] = key
            if keep is not None and keep(page, key):
                continue
            stored = self.store.get(key)
            if stored is None:
                self._pending[src_uri] = (key, ours)
            else:
                self._outputs[src_uri] = stored
                page.meta = {**page.meta, "template": PASSTHROUGH_TEMPLATE}

    def context(self, page: Page) -> dict[str, Any] | None:
        """For on_page_context: the stored output, or our context computed in ``plan_rendering``."""
        src_uri = page.file.src_uri
        if src_uri in self._outputs:
            return {"sto_cached_output": Markup(self._outputs[src_uri])}
        pending = self._pending.get(src_uri)
        return pending[1] if pending else None

    def stored_output(self, page: Page) -> str | None:
        """The stored rendering this build prints for ``page`` (after ``plan_rendering``), or None."""
        return self._outputs.get(page.file.src_uri)

    def reused_renderings(self) -> int:
        """How many pages print a stored rendering in this build (after ``plan_rendering``)."""
        return len(self._outputs)

    def render_key(self, src_uri: str) -> str | None:
        return self._render_keys.get(src_uri)

    # on_post_page, before anything else changes the output
    def rendered(self, page: Page, output: str) -> None:
        pending = self._pending.pop(page.file.src_uri, None)
        if pending is not None:
            self.store.put(pending[0], output)

    def item_memory(self) -> _ItemMemory | None:
        """Where the loader remembers valid items (``sto.content.loader.ItemMemory``), keys within ``base``."""
        return _ItemMemory(self.store, self.base, self.last_load) if self.enabled else None

    def reuse(self, key: str, make: Callable[[], bytes]) -> bytes:
        """A ``sto.cache.store.Reuse`` for the core (feeds, calendars), its keys within ``base``."""
        if not self.enabled:
            return make()
        return self.store.reuse(digest("core", self.base, key), make)

    # on_post_build
    def finish(self) -> None:
        if not self.enabled:
            log.debug("build cache: off")
            return
        log.debug("build cache: %s", self.store.summary())
        if self.save_to is not None:
            self.store.save(self.save_to)
        self.store.keep_used()
