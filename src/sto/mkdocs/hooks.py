"""MkDocs hooks: a thin adapter between MkDocs and the framework-free core in ``sto``.

MkDocs loads ``hooks/sto_hooks.py`` by path; that file only re-exports these functions.

Each hook does one lookup or hands over one object; all logic lives in the core.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.structure.files import File

from sto.editors.annotations import annotations, in_github_actions
from sto.build import Build
from sto.mkdocs import quiet_log, serve_problems
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
_problems: list | None = None  # make serve with invalid content: shown on every page instead of the site
log = logging.getLogger("mkdocs.hooks.sto")
quiet_log.install()  # MkDocs loads this module with the config, before it logs anything about the build


def on_startup(command, dirty):
    global _command
    _command = command


def on_config(config):
    """Load and validate all content once per build; stop with every problem listed (the
    preview keeps running and shows them on every page instead)."""
    global _build, _site, _feed_html, _problems
    root = Path(config.config_file_path).resolve().parent
    _problems = None
    try:
        _build = Build.load(root, config.site_url or "", config.site_name, preview=_command == "serve",
                            pages_dir=Path(config.docs_dir))
        _site = Site.of(_build)
    except ContentInvalid as invalid:
        if _command == "serve":
            print(invalid.report(serve_problems.OUTCOME), file=sys.stderr, flush=True)
            _problems = invalid.problems
            serve_problems.empty_the_build(config)
            return config
        if in_github_actions(os.environ):  # in CI, also as annotations on each file and line
            print(annotations(invalid.problems), flush=True)
        raise Abort(invalid.report()) from None
    config.markdown_extensions.append(EscapeRawHtml())
    _feed_html = FeedHtml(_build)
    return config


def on_files(files, config):
    if _problems is not None:
        return serve_problems.no_files()
    for src_uri, markdown in _site.generated().items():
        files.append(File.generated(config, src_uri, content=markdown))
    files.append(File.generated(config, SUBSCRIBE_PAGE, content=subscribe_page(_build.site_name)))
    return files


def on_env(env, config, files):
    global _fragments
    _fragments = FragmentCache(enabled=not disabled_by(os.environ))  # one per build
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


def on_post_build(config):
    """Write every feed and calendar into the site."""
    if _problems is not None:
        serve_problems.write_problem_page(config.site_dir, _problems)
        return
    write_syndication(_build, Path(config.site_dir), Path(config.docs_dir), _feed_html)
    log.debug(_fragments.summary())


def on_serve(server, config, builder):
    serve_problems.reload_error_pages(server)
    return server
