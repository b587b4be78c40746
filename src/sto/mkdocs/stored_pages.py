"""`mkdocs build` writes a page whose rendering is stored without rendering a template for it.

A page printed from the build cache (``sto.mkdocs.incremental``) still went through MkDocs'
``_build_page``: its template context built, then a template that prints the stored output
rendered, about a fifth of a warm build's CPU time at N = 5,000. For such a page this does what
``_build_page`` does once the output is known: the ``on_page_context`` event (ours hands over the
stored rendering; a plugin may listen too), ``on_post_page``
(the Content-Security-Policy) and the write, with the page active meanwhile as MkDocs has it.
Every other page goes to MkDocs' own ``_build_page``.

The steps follow ``_build_page`` of MkDocs 1.6.1 and ProperDocs 1.6.7;
``sto.mkdocs.engine_internals`` pins both sources, so a release that changes it fails a test until
this is read again. A warm
build is byte-identical to a cold one (``tests/test_build_cache_site.py``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from mkdocs import utils
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import BuildError
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from sto.mkdocs import engine_internals as engine

log = logging.getLogger("mkdocs.hooks.sto.stored_pages")


class StoredPages:
    """For one build: pages with a stored rendering are written from it (``install`` in on_env,
    ``uninstall`` in on_post_build)."""

    def __init__(self, stored: Callable[[Page], str | None]):
        self._stored = stored  # the stored output of a page, or None to render it
        self._real_build_page: Callable[..., None] | None = None

    def install(self) -> None:
        self._real_build_page = engine.build_page()
        engine.use_build_page(self._build_page)

    def uninstall(self) -> None:
        if self._real_build_page is not None:
            engine.use_build_page(self._real_build_page)
            self._real_build_page = None

    def _build_page(self, page: Page, config: MkDocsConfig, doc_files: Any, nav: Navigation, env: Any,
                    dirty: bool = False, excluded: bool = False) -> None:
        assert self._real_build_page is not None
        output = None if dirty or excluded else self._stored(page)
        if output is None:
            self._real_build_page(page, config, doc_files, nav, env, dirty, excluded)
            return
        engine.current_page(config, page)
        try:
            page.active = True
            config.plugins.on_page_context({"page": page, "config": config, "nav": nav},  # type: ignore[typeddict-item]
                                           page=page, config=config, nav=nav)
            output = config.plugins.on_post_page(output, page=page, config=config)
            if output.strip():
                utils.write_file(output.encode("utf-8", errors="xmlcharrefreplace"), page.file.abs_dest_path)
            else:
                log.info(f"Page skipped: '{page.file.src_uri}'. Generated empty output.")
        except Exception as error:
            message = f"Error building page '{page.file.src_uri}':"
            log.error(message if isinstance(error, BuildError) else f"{message} {error}")
            raise
        finally:
            page.active = False
            engine.current_page(config, None)
