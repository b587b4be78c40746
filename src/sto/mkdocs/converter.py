"""One Markdown converter per build instead of one per page.

MkDocs' ``Page.render`` builds a new ``markdown.Markdown`` for every page: it loads and sets up
every extension again, about half a millisecond a page, for ~1,900 pages at N = 1,000. Python-
Markdown is made to be reused (``Markdown.reset`` between documents; the extensions this site
uses, ``tables``, ``attr_list``, ``admonition``, ``toc`` and ours, keep no other state). So
each page's ``render`` does what MkDocs' does, with a shared converter: reset, then register the
four per-page processors MkDocs registers (registering under a name replaces the one before).

This copies ``Page.render`` of MkDocs 1.6.1 and ProperDocs 1.6.7 (they differ only in when
``links_to_anchors`` is kept); ``RENDER_SOURCES`` holds the digest of each, and a test fails when
an engine's ``Page.render`` changes, so a new release is read before it is trusted. The site is
byte-identical with and without (``STO_NO_SHARED_MARKDOWN=1``, a test builds both).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

import markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure import pages
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from sto.mkdocs import engine

DISABLE_VARIABLE = "STO_NO_SHARED_MARKDOWN"

# sto.mkdocs.engine.source_digest(Page.render) of each engine this copy follows
RENDER_SOURCES = {
    "mkdocs": "320529348f7a8af152073d0a3ab02960ccce91f9204716144e51b20931983cc6",
    "properdocs": "ee04724746238ac17c0004482b10be71d084369ec5be615642eedee83a9f6171",
}


def disabled_by(environ: Mapping[str, str]) -> bool:
    return environ.get(DISABLE_VARIABLE, "") not in ("", "0")


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
            raw_html_ext = pages._RawHTMLPreprocessor()
            raw_html_ext._register(md)
            extract_anchors_ext = pages._ExtractAnchorsTreeprocessor(page.file, files, config)
            extract_anchors_ext._register(md)
            relative_path_ext = pages._RelativePathTreeprocessor(page.file, files, config)
            relative_path_ext._register(md)
            extract_title_ext = pages._ExtractTitleTreeprocessor()
            extract_title_ext._register(md)

            page.content = md.convert(page.markdown)
            page.toc = get_toc(getattr(md, "toc_tokens", []))
            page._title_from_render = extract_title_ext.title
            page.present_anchor_ids = extract_anchors_ext.present_anchor_ids | raw_html_ext.present_anchor_ids
            if self._always_links or pages.log.getEffectiveLevel() > logging.DEBUG:
                page.links_to_anchors = relative_path_ext.links_to_anchors

        page.render = render  # type: ignore[method-assign]  # on this page only
