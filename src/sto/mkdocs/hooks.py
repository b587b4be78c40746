"""MkDocs hooks: a thin adapter between MkDocs and the framework-free core in ``sto``.

MkDocs loads ``hooks/sto_hooks.py`` by path; that file only re-exports these functions.

Each hook does one lookup or hands over one object; all logic lives in the core.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.structure.files import File

from sto.editors.annotations import annotations, in_github_actions
from sto.build import Build
from sto.mkdocs.autoescape import for_templates_in
from sto.mkdocs.csp import PagePolicy
from sto.mkdocs.fragment_cache import FragmentCache, disabled_by
from sto.content.markdown_safety import EscapeRawHtml
from sto.problems import ContentInvalid
from sto.mkdocs.search_trim import for_search, with_search_text
from sto.site.views import Site
from sto.syndication.writer import SUBSCRIBE_PAGE, FeedHtml, Syndication, subscribe_page, write_syndication
from sto.site.templating import FILTERS, GLOBALS

_command = "build"
_build: Build | None = None
_site: Site | None = None
_feed_html: FeedHtml | None = None
_fragments: FragmentCache | None = None
_policy: PagePolicy | None = None
log = logging.getLogger("mkdocs.hooks.sto")


def on_startup(command, dirty):
    global _command
    _command = command


def on_config(config):
    """Load and validate all content once per build; stop with every problem listed."""
    global _build, _site, _feed_html
    root = Path(config.config_file_path).resolve().parent
    try:
        _build = Build.load(root, config.site_url or "", config.site_name, preview=_command == "serve")
        _site = Site.of(_build)
    except ContentInvalid as invalid:
        if in_github_actions(os.environ):  # in CI, also as annotations on each file and line
            print(annotations(invalid.problems), flush=True)
        raise Abort(invalid.report()) from None
    config.markdown_extensions.append(EscapeRawHtml())
    _feed_html = FeedHtml(_build)
    return config


def on_files(files, config):
    for src_uri, markdown in _site.generated().items():
        files.append(File.generated(config, src_uri, content=markdown))
    files.append(File.generated(config, SUBSCRIBE_PAGE, content=subscribe_page(_build.site_name)))
    return files


def on_env(env, config, files):
    global _fragments, _policy
    # No policy in the preview: `mkdocs serve` injects its own live-reload script into every page.
    _policy = PagePolicy(config.theme.dirs) if _command != "serve" else None
    _fragments = FragmentCache(enabled=not disabled_by(os.environ))  # one per build
    env.autoescape = for_templates_in(config.theme.custom_dir)  # ours escape, Material's stay as they are
    env.globals["sto"] = _build
    env.globals["sto_syndication"] = Syndication(_build)
    env.globals["sto_site"] = _site
    env.globals.update(GLOBALS)
    env.globals["sto_fragments"] = _fragments
    env.filters.update(FILTERS)
    return env


def on_page_context(context, page, config, nav):
    description = (page.meta or {}).get("description") or config.site_description or ""
    context.update(_site.context_for(page.file.src_uri, page.title or config.site_name, description))
    return context


def on_page_content(html, page, config, files):
    """Keep each news page's HTML for the feeds' full content (one dict write per page); the
    page goes on with a long news body's tail marked for search to skip (shown all the same)
    and its item's search-only text in front."""
    item = _build.item_for(page.file.src_uri)
    _feed_html.add(page.file.src_uri, html)
    return with_search_text(for_search(html, item), item)


def on_post_page(output, page, config):
    """The Content-Security-Policy meta tag, with the hashes of the page's inline scripts."""
    return _secured(output, page.file.src_uri)


def on_post_template(output_content, template_name, config):
    """The same for the pages MkDocs renders from a template alone (404.html)."""
    return _secured(output_content, template_name) if template_name.endswith(".html") else output_content


def _secured(html: str, name: str) -> str:
    if _policy is None:
        return html
    secured = _policy.apply(html)
    for script in _policy.unknown:  # a warning fails the strict build
        log.warning("%s: an inline script that is in no template gets no hash and is blocked: %r", name, script)
    _policy.unknown.clear()
    return secured


def on_post_build(config):
    """Write every feed and calendar into the site."""
    write_syndication(_build, Path(config.site_dir), Path(config.docs_dir), _feed_html)
    log.debug(_fragments.summary())
