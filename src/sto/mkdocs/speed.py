"""One door for everything that makes a build faster without changing a byte of it.

Behind it: the build cache and the incremental preview (``sto.mkdocs.incremental``), one Markdown
converter for the build (``converter``), Material's page fragments rendered once
(``fragment_cache``), pages converted and rendered by worker processes and the search index made
beside them (``parallel``), pages printed from the cache without a template (``stored_pages``),
compiled templates kept, and the build's objects kept out of the garbage collector's scans. The
adapter calls ``Speed`` at each MkDocs event and knows none of them.

Each part has its own switch (``STO_NO_BUILD_CACHE``, ``STO_NO_SHARED_MARKDOWN``,
``STO_NO_FRAGMENT_CACHE``, ``STO_JOBS=1``); ``STO_PLAIN_BUILD=1`` turns all of them off, so a build
is what MkDocs and Material make of our hooks alone. The site is byte-identical either way
(``tests/test_speed.py`` builds the corpus both ways).
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from sto.cache.store import Reuse
from sto.content.loader import Each, ItemMemory
from sto.content.vocabulary import Vocabularies
from sto.mkdocs import converter, fragment_cache, parallel
from sto.mkdocs import engine_internals as engine
from sto.mkdocs.fragment_cache import FragmentCache
from sto.mkdocs.incremental import Incremental, PreviewResults
from sto.mkdocs.parallel import ConversionWorkers, HooksState, PageWorkers
from sto.mkdocs.stored_pages import StoredPages

PLAIN_VARIABLE = "STO_PLAIN_BUILD"

log = logging.getLogger("mkdocs.hooks.sto")


def switched_on(environ: Mapping[str, str], variable: str) -> bool:
    """Whether an ``STO_*`` switch is set ("" and "0" are not)."""
    return environ.get(variable, "") not in ("", "0")


class Speed:
    """One build's speed machinery, from on_config to on_post_build."""

    def __init__(self, incremental: Incremental, markdown: converter.SharedConverter | None, *, plain: bool,
                 command: str, environ: Mapping[str, str]):
        self.incremental = incremental  # what this build reuses from earlier ones
        self.markdown = markdown  # one converter for every page; None: MkDocs' own per page
        self.plain = plain
        self.command = command
        self.environ = environ
        self.fragments = FragmentCache(enabled=False)  # one per build, made in prepare_templates
        self.workers: PageWorkers | None = None  # mkdocs build: processes rendering part of the pages
        self.converting: ConversionWorkers | None = None  # mkdocs build: processes converting part of the pages
        self.stored_pages: StoredPages | None = None  # mkdocs build: pages printed from the cache skip their template

    @classmethod
    def start(cls, root: Path, site_url: str, *, command: str, preview: PreviewResults | None,
              environ: Mapping[str, str]) -> Speed:
        """``preview``: the preview process's memory of earlier builds (None in ``mkdocs build``)."""
        plain = switched_on(environ, PLAIN_VARIABLE)
        incremental = (Incremental.disabled() if plain
                       else Incremental.start(root, site_url, preview=preview, environ=environ))
        shared = None if plain or switched_on(environ, converter.DISABLE_VARIABLE) else converter.SharedConverter()
        return cls(incremental, shared, plain=plain, command=command, environ=environ)

    # on_config: for sto.content.loader and sto.site.pages
    def item_memory(self) -> ItemMemory | None:
        return self.incremental.item_memory()

    def each(self) -> Each | None:
        """How ``mkdocs build`` loads the content files: in several processes (``parallel.map_in_parallel``);
        None (one by one) in the preview, which keeps each file's result from build to build."""
        if self.plain or self.command != "build":
            return None
        count = parallel.jobs(self.environ)
        store = self.incremental.store if self.incremental.enabled else None
        return lambda work, total: parallel.map_in_parallel(work, total, count, store)

    @property
    def reuse(self) -> Reuse:
        """For the core's feeds and calendars: a result from the cache, or made now."""
        return self.incremental.reuse

    def search_reuse(self) -> Reuse | None:
        """For the search index: None when there is no cache to take it from."""
        return self.incremental.reuse if self.incremental.enabled else None

    def keep_to_the_end(self) -> None:
        """``mkdocs build`` is one process for one build, and what it has loaded (the content, the
        build cache) or set up (files, navigation, converted pages) lives until it ends: taken out of
        the cyclic garbage collector's reach (``gc.freeze``), it is not scanned again at every full
        collection. That scanning was 10 to 20% of a warm build's CPU time at N = 5,000. Not in the
        preview, which runs for hours."""
        if self.command == "build" and not self.plain:
            gc.freeze()

    # on_nav, mkdocs build: right before MkDocs converts every page
    def start_converting(self, config: MkDocsConfig, files: Files, hooks_state: HooksState) -> None:
        """Workers convert pages from the end of MkDocs' list while it converts from the front
        (``parallel.ConversionWorkers``); ``hooks_state`` gives what the hooks kept of a worker's pages."""
        if self.plain or self.command != "build":
            return
        pages = files.documentation_pages(inclusion=InclusionLevel.is_included)
        incremental = self.incremental

        def page_state(page: Page) -> tuple[engine.ConvertedState, str | None]:
            return engine.converted_state(page), incremental.markdown_key(page.file.src_uri)

        # A warm build restores most conversions from the cache, faster than a worker hands them over.
        count = 1 if incremental.holds_results() else parallel.jobs(self.environ)
        self.keep_to_the_end()
        self.converting = ConversionWorkers.start(count, pages, config, files, incremental.store, page_state,
                                                  hooks_state)

    # on_env, first: every page is converted
    def finish_converting(self, files: Files) -> tuple[list[Any], str | None]:
        """Take over the workers' pages; what the hooks kept in each worker, and the error that stops
        the build, if any."""
        if self.converting is None:
            return [], None
        converting, self.converting = self.converting, None
        converted, kept, failed = converting.finish()
        for page, state in converted:
            engine_state, markdown_key = state  # as page_state made it
            engine.take_converted_state(page, engine_state, files)
            self.incremental.take_markdown_key(page.file.src_uri, markdown_key)
        return kept, failed

    # on_pre_page
    def before_conversion(self, page: Page) -> None:
        if self.markdown is not None:
            self.markdown.use_for(page)
        self.incremental.convert_once(page)  # around the converter: a stored conversion skips it

    # on_page_content
    def after_conversion(self, page: Page, inputs: str,
                         make: Callable[[], tuple[str, str | None]]) -> tuple[str, str | None]:
        return self.incremental.after_conversion(page, inputs, make)

    # on_env, before any template is loaded
    def prepare_templates(self, env: Environment) -> FragmentCache:
        """The template environment's part: compiled templates kept, and this build's fragment cache."""
        if not self.plain:
            env.auto_reload = False  # no stat() per include: each build (and preview rebuild) has a new environment
        self.incremental.compile_once(env)
        self.fragments = FragmentCache(enabled=not (self.plain
                                                     or switched_on(self.environ, fragment_cache.DISABLE_VARIABLE)))
        return self.fragments

    # on_env: every page is converted
    def plan_rendering(self, pages: Iterable[Page], nav: Iterable[Any] | None, vocabularies: Vocabularies,
                       context_for: Callable[[Page], dict[str, Any]],
                       keep: Callable[[Page, str], bool] | None) -> None:
        self.incremental.plan_rendering(pages, nav, vocabularies, context_for, keep)

    # on_env, mkdocs build, last: the workers start from everything set up before
    def start_rendering(self, config: MkDocsConfig, files: Files, nav: Navigation | None, env: Environment) -> None:
        self.keep_to_the_end()
        incremental = self.incremental
        if incremental.reused_renderings():  # before the workers start: they write their stored pages the same way
            self.stored_pages = StoredPages(incremental.stored_output)
            self.stored_pages.install()
        doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)

        def build_page_args(file: File) -> tuple[tuple[Any, ...], dict[str, Any]]:  # as MkDocs' build() calls it
            return (config, doc_files, nav, env, False), {"excluded": file.inclusion.is_excluded()}  # type: ignore[no-untyped-call]

        to_render = len(doc_files) - incremental.reused_renderings()
        count = 1 if self.plain else parallel.jobs(self.environ, to_render, len(doc_files))
        self.workers = PageWorkers.start(count, doc_files, build_page_args, incremental.store)

    # on_env, mkdocs build: work beside the rendering (the search index, the feeds and calendars)
    def beside(self, job: Callable[[], bytes]) -> parallel.Beside:
        """``job`` running beside the rendering, in a process of its own (a thread when plain); what it
        reuses from the build cache and adds to it counts as this build's."""
        return parallel.beside(job, fork=not self.plain and self.command == "build",
                               store=self.incremental.store if self.incremental.enabled else None)

    # on_page_context
    def context(self, page: Page) -> dict[str, Any] | None:
        """The page's stored rendering, or our context computed in plan_rendering; None: not planned."""
        return self.incremental.context(page)

    # on_post_page, first
    def rendered(self, page: Page, output: str) -> str | None:
        """Store what the template made of the page; the page's template fingerprint, if it has one."""
        self.incremental.rendered(page, output)
        return self.incremental.render_key(page.file.src_uri)

    # on_post_build, before anything is written
    def finish_rendering(self) -> str | None:
        """Wait for the page workers; the error that stops the build, if any."""
        failed = None
        if self.workers is not None:
            failed = self.workers.finish()
            self.workers = None
        if self.stored_pages is not None:  # after the workers: their _build_page wraps this one
            self.stored_pages.uninstall()
            self.stored_pages = None
        return failed

    # on_post_build, last
    def finish(self) -> None:
        log.debug(self.fragments.summary())
        self.incremental.finish()
