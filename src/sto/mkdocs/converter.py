"""One Markdown converter per build instead of one per page.

MkDocs' ``Page.render`` builds a new ``markdown.Markdown`` for every page: it loads and sets up
every extension again, about half a millisecond a page, for ~1,900 pages at N = 1,000. Python-
Markdown is made to be reused (``Markdown.reset`` between documents; the extensions this site
uses, ``tables``, ``attr_list``, ``admonition``, ``toc`` and ours, keep no other state). So
each page's ``render`` does what MkDocs' does, with a shared converter: reset, then register the
four per-page processors MkDocs registers (registering under a name replaces the one before).

This copies ``Page.render`` of MkDocs 1.6.1 and ProperDocs 1.6.7 (they differ only in when
``links_to_anchors`` is kept); ``sto.mkdocs.engine_internals`` pins both sources, and a test fails
when an engine's ``Page.render`` changes, so a new release is read before it is trusted. The site is
byte-identical with and without (``STO_NO_SHARED_MARKDOWN=1``, a test builds both).
"""

from __future__ import annotations

import logging

import markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from sto.mkdocs import engine_internals as engine

DISABLE_VARIABLE = "STO_NO_SHARED_MARKDOWN"


class SharedConverter:
    """The build's one ``markdown.Markdown``, made on first use from the build's configuration."""

    def __init__(self) -> None:
        self._md: markdown.Markdown | None = None
        self._always_links = engine.name() == "properdocs"  # MkDocs keeps them only above debug level

    def _converter(self, config: MkDocsConfig) -> markdown.Markdown:
        if self._md is None:
            self._md = markdown.Markdown(extensions=config["markdown_extensions"],
                                         extension_configs=config["mdx_configs"] or {})
        else:
            self._md.reset()
        return self._md

    def use_for(self, page: Page) -> None:
        """Give this page a ``render`` that converts with the shared converter (on_pre_page)."""

        def render(config: MkDocsConfig, files: Files) -> None:
            if page.markdown is None:
                raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
            md = self._converter(config)
            raw_html, anchors, relative_paths, title = engine.PAGE_PROCESSORS
            raw_html_ext = raw_html()
            engine.register(raw_html_ext, md)
            extract_anchors_ext = anchors(page.file, files, config)
            engine.register(extract_anchors_ext, md)
            relative_path_ext = relative_paths(page.file, files, config)
            engine.register(relative_path_ext, md)
            extract_title_ext = title()
            engine.register(extract_title_ext, md)

            page.content = md.convert(page.markdown)
            page.toc = get_toc(getattr(md, "toc_tokens", []))
            engine.set_title_from_render(page, extract_title_ext.title)
            page.present_anchor_ids = extract_anchors_ext.present_anchor_ids | raw_html_ext.present_anchor_ids
            if self._always_links or engine.render_logger_level() > logging.DEBUG:
                page.links_to_anchors = relative_path_ext.links_to_anchors

        engine.use_render(page, render)  # on this page only
