"""MkDocs hooks: a thin adapter between MkDocs and the framework-free core in ``sto``.

MkDocs loads ``hooks/sto_hooks.py`` by path; that file only re-exports these functions.

Each hook does one lookup or hands over one object; all logic lives in the core.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.utils import clean_directory
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from sto.site.build import Build
from sto.cache.fingerprint import item_digest
from sto.mkdocs.autoescape import for_templates_in
from sto.mkdocs.csp import PagePolicy, site_scripts
from sto.content.markdown_safety import EscapeRawHtml
from sto.editors.annotations import annotations as github_annotations
from sto.editors.annotations import in_github_actions
from sto.editors.cms_config import EditorSettings
from sto.editors.web_editor import editor_files
from sto.mkdocs import converter, parallel, quiet_log, serve_problems
from sto.mkdocs.claims import claim_problems
from sto.mkdocs.hand_written import use_checked_settings
from sto.mkdocs.hosting import hosting_files
from sto.mkdocs.parallel import PageWorkers
from sto.mkdocs.preview_writes import DirtyBuild, forget
from sto.mkdocs.fragment_cache import TEMPLATE_GLOBALS, FragmentCache, disabled_by
from sto.mkdocs.incremental import Incremental
from sto.mkdocs.search_trim import indexed_html
from sto.mkdocs.site_search import SEARCH_FILES, SiteSearch, preview_index
from sto.mkdocs.stored_pages import StoredPages
from sto.problems import ContentInvalid, Problem
from sto.site.embed import EmbedSnippets
from sto.site.listings import page_size_from
from sto.site.templating import FILTERS, GLOBALS
from sto.site.media_files import ImageDimensions, MediaFiles
from sto.site.references import Produced, References
from sto.site.robots import ROBOTS, SITEMAP, robots_txt
from sto.site.views import Site
from sto.syndication.partners import partner_files
from sto.syndication.writer import (SUBSCRIBE_PAGE, FeedHtml, Syndication, subscribe_page, syndication_paths,
                                    write_syndication)

if TYPE_CHECKING:  # the preview's server and its watcher (watchdog) are imported by mkdocs serve only
    from mkdocs.livereload import LiveReloadServer

log = logging.getLogger("mkdocs.hooks.sto")
quiet_log.install()  # MkDocs loads this module with the config, before it logs anything about the build


@dataclass(eq=False)
class _State:
    """One build's objects, made in on_config and used by the later hooks."""

    build: Build
    site: Site
    feed_html: FeedHtml
    incremental: Incremental  # what this build reuses from earlier ones
    markdown: converter.SharedConverter | None  # one Markdown converter for every page; None: MkDocs' own
    dirty: DirtyBuild | None = None  # make serve (--dirty): only what changed is written
    fragments: FragmentCache | None = None  # made per build in on_env
    nav: Navigation | None = None  # from on_nav
    files: Files | None = None  # from on_env
    workers: PageWorkers | None = None  # mkdocs build: processes rendering part of the pages
    stored_pages: StoredPages | None = None  # mkdocs build: pages printed from the cache skip their template
    images: ImageDimensions | None = None  # width and height on the images in pages' Markdown
    search: SiteSearch = field(default_factory=SiteSearch)  # the search records, written in on_post_build


_command = "build"
_dirty = False  # `mkdocs serve --dirty`, as make serve runs it
_current: _State | None = None
_problems: list[Problem] | None = None  # make serve with invalid content: shown on every page instead
_policy: PagePolicy | None = None  # per build in on_env; none in make serve


def _state() -> _State:
    if _current is None:  # MkDocs calls on_config before every other hook of a build
        raise RuntimeError("on_config has not run")
    return _current


def on_startup(command: str, dirty: bool) -> None:
    global _command, _dirty
    _command, _dirty = command, dirty and command == "serve"
    quiet_log.exact_dirty_builds(_dirty)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Load and validate all content once per build; stop with every problem listed (the
    preview keeps running and shows them on every page instead)."""
    global _current, _problems
    root = Path(config.config_file_path).resolve().parent
    _problems = None
    incremental = Incremental.start(root, config.site_url or "", preview=_command == "serve")
    try:
        build = Build.load(root, config.site_url or "", config.site_name, preview=_command == "serve",
                           pages_dir=Path(config.docs_dir), page_size=_page_size(config),
                           memory=incremental.item_memory())
        site = Site.of(build)
        site.pages[SUBSCRIBE_PAGE] = subscribe_page(build)  # "Agenda volgen": its view counts the calendars' events
    except ContentInvalid as invalid:
        _refuse(invalid, config)
        return config
    config.markdown_extensions.append(EscapeRawHtml())  # type: ignore[arg-type]  # an Extension instance works
    images = ImageDimensions(MediaFiles(Path(config.docs_dir)))
    config.markdown_extensions.append(images)  # type: ignore[arg-type]
    shared = None if converter.disabled_by(os.environ) else converter.SharedConverter()
    _current = _State(build, site, FeedHtml(build), incremental, shared,
                      DirtyBuild(config.site_dir) if _dirty and incremental.enabled else None, images=images)
    _keep_to_the_end()
    return config


def _refuse(invalid: ContentInvalid, config: MkDocsConfig) -> Files:
    """Stop the build with every problem; the preview keeps running and shows them on every
    page instead (it then builds no files)."""
    global _problems
    if _command == "serve":
        print(invalid.report(serve_problems.OUTCOME), file=sys.stderr, flush=True)
        _problems = invalid.problems
        serve_problems.empty_the_build(config)
        return serve_problems.no_files()
    if in_github_actions(os.environ):  # in CI, also as annotations on each file and line
        print(github_annotations(invalid.problems), flush=True)
    raise Abort(invalid.report()) from None


def _keep_to_the_end() -> None:
    """``mkdocs build`` is one process for one build, and what it has loaded (the content, the
    build cache) or set up (files, navigation, converted pages) lives until it ends: taken out of
    the cyclic garbage collector's reach (``gc.freeze``), it is not scanned again at every full
    collection. That scanning was 10 to 20% of a warm build's CPU time at N = 5,000. Not in the
    preview, which runs for hours."""
    if _command == "build":
        gc.freeze()


def _page_size(config: MkDocsConfig) -> int:
    try:
        return page_size_from(config.extra)
    except ValueError as wrong:
        raise Abort(str(wrong)) from None


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if _problems is not None:
        return serve_problems.no_files()
    state = _state()
    added = [File.generated(config, src_uri, content=markdown)
             for src_uri, markdown in state.site.generated(state.incremental.item_memory()).items()]
    added.append(File.generated(config, ROBOTS, content=robots_txt(state.build.absolute(SITEMAP))))
    added += [File.generated(config, src_uri, content=content)  # data, embeds, newsletter
              for src_uri, content in partner_files(state.build, Path(config.docs_dir)).items()]
    added += [File.generated(config, src_uri, abs_src_path=str(made)) if isinstance(made, Path)  # the web editor
              else File.generated(config, src_uri, content=made)
              for src_uri, made in _editor_files(state.build, config).items()]
    if problems := claim_problems(files, added, config, state.build):  # before append replaces a file
        return _refuse(ContentInvalid(problems), config)
    for file in added:
        files.append(file)
    try:  # _headers and .well-known/security.txt; INCLUDED, or MkDocs would skip the dot-folder
        hosting = hosting_files(state.build, config.extra, [file.dest_uri for file in files])
    except ValueError as wrong:
        raise Abort(str(wrong)) from None
    for src_uri, content in hosting.items():
        files.append(File.generated(config, src_uri, content=content, inclusion=InclusionLevel.INCLUDED))
    if problems := _reference_problems(files, config):  # every link, image and document resolves
        return _refuse(ContentInvalid(problems), config)
    if state.dirty is not None:
        state.dirty.start(files)
    return files


def _editor_files(build: Build, config: MkDocsConfig) -> dict[str, str | Path]:
    try:
        settings = EditorSettings.from_extra(config.extra)
    except ValueError as wrong:
        raise Abort(str(wrong)) from None
    return editor_files(build.content.vocabularies, settings, build.site_name, build.site_url)


def _reference_problems(files: Files, config: MkDocsConfig) -> list[Problem]:
    build = _state().build
    serve = _command == "serve"  # a draft page is built in the preview only; an excluded file never
    written = [(f.src_uri, f.dest_uri, f.is_documentation_page()) for f in files
               if (f.inclusion.is_in_serve() if serve else f.inclusion.is_included())]  # type: ignore[no-untyped-call]
    produced = Produced.of(written, [*syndication_paths(build), *config.theme.static_templates])
    return References(build, produced, Path(config.docs_dir), config.markdown_extensions, config.mdx_configs).problems()


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    if _problems is None:
        _state().nav = nav
    return nav


def on_pre_page(page: Page, config: MkDocsConfig, files: Files) -> Page:
    state = _state()
    if state.images is not None:
        state.images.page = page.file.src_uri  # its relative images resolve from its source
    if state.markdown is not None:
        state.markdown.use_for(page)
    state.incremental.convert_once(page)  # around the converter: a stored conversion skips it
    return page


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """A hand-written page keeps only the front matter the core checked."""
    if _problems is None:
        use_checked_settings(page, _state().build)
    return markdown


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    global _policy
    if _problems is not None:
        return env
    state = _state()
    state.files = files
    state.fragments = FragmentCache(enabled=not disabled_by(os.environ))  # one per build
    # No policy in the preview: `mkdocs serve` injects its own live-reload script into every page.
    _policy = PagePolicy(config.theme.dirs, site_scripts(config.site_url or "", config.docs_dir, config.theme.dirs, [
        str(script) for script in config.extra_javascript])) if _command != "serve" else None
    env.autoescape = for_templates_in(config.theme.custom_dir)  # ours escape, Material's stay as they are
    env.auto_reload = False  # no stat() per include: each build (and each preview rebuild) has a new environment
    env.globals["sto"] = state.build
    env.globals["sto_syndication"] = Syndication(state.build)
    env.globals["sto_site"] = state.site
    env.globals["sto_embed"] = EmbedSnippets(state.build)
    env.globals.update(GLOBALS)
    env.globals.update(TEMPLATE_GLOBALS)
    env.globals["sto_fragments"] = state.fragments
    env.filters.update(FILTERS)
    incremental = state.incremental
    incremental.compile_once(env)
    pages = [file.page for file in files.documentation_pages() if file.page is not None]
    incremental.plan_rendering(pages, state.nav, state.build.content.vocabularies, lambda page: _context(page, config),
                               state.dirty.keep if state.dirty is not None else None)
    if _command == "build":  # last: the workers start from everything set up above
        _keep_to_the_end()
        if incremental.reused_renderings():  # before the workers start: they write their stored pages the same way
            state.stored_pages = StoredPages(incremental.stored_output)
            state.stored_pages.install()
        doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)

        def build_page_args(file: File) -> tuple[tuple[Any, ...], dict[str, Any]]:  # as MkDocs' build() calls it
            return (config, doc_files, state.nav, env, False), {"excluded": file.inclusion.is_excluded()}  # type: ignore[no-untyped-call]

        to_render = len(doc_files) - incremental.reused_renderings()
        state.workers = PageWorkers.start(parallel.jobs(os.environ, to_render, len(doc_files)), doc_files,
                                          build_page_args, incremental.store)
        state.search.start(incremental.reuse if incremental.enabled else None)  # beside the rendering, after the fork
    return env


def _context(page: Page, config: MkDocsConfig) -> dict[str, Any]:
    description = (page.meta or {}).get("description") or config.site_description or ""
    return _state().site.context_for(page.file.src_uri, page.title or config.site_name, description)


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    ours = _state().incremental.context(page)  # a page unchanged since it was last rendered gets that rendering
    context.update(ours if ours is not None else _context(page, config))
    return context


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Keep each news page's HTML for the feeds' full content and its search record (one dict
    write each per page); the page goes on as it is."""
    state = _state()
    src_uri = page.file.src_uri
    item = state.build.item_for(src_uri)

    def make() -> tuple[str, str | None]:
        return indexed_html(html, item), state.feed_html.for_page(src_uri, html)

    indexed, feed = state.incremental.after_conversion(page, item_digest(item) if item else "", make)
    if item is not None and feed is not None:
        state.feed_html[item.id] = feed
    state.search.add(page, indexed, item)
    return html


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """The Content-Security-Policy meta tag, with the hashes of the page's inline scripts."""
    state = _state()
    state.incremental.rendered(page, output)  # first: stores the template's output as rendered
    if state.dirty is not None:
        state.dirty.rendered(page, state.incremental.render_key(page.file.src_uri))
    return _secured(output, page.file.src_uri)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """The same for the pages MkDocs renders from a template alone (404.html)."""
    return _secured(output_content, template_name) if template_name.endswith(".html") else output_content


def _secured(html: str, name: str) -> str:
    if _policy is None:
        return html
    secured = _policy.apply(html)
    for script in _policy.unknown:  # a warning fails the strict build
        log.warning("%s: a script that is in no template (inline) or in the registry of sto.mkdocs.csp (a file) "
                    "is blocked: %r", name, script)
    _policy.unknown.clear()
    return secured


def on_post_build(config: MkDocsConfig) -> None:
    """Write every feed and calendar, and the search index, into the site."""
    if _problems is not None:
        if _dirty:  # MkDocs did not empty the folder: the pages in it would be served instead
            clean_directory(config.site_dir)
            forget(config.site_dir)
        preview_index(config.site_dir).forget()
        serve_problems.write_problem_page(config.site_dir, _problems)
        return
    state = _state()
    failed = None
    if state.workers is not None:
        failed = state.workers.finish(state.incremental.store)
        state.workers = None
    if state.stored_pages is not None:  # after the workers: their _build_page wraps this one
        state.stored_pages.uninstall()
        state.stored_pages = None
    if failed:
        raise Abort(f"Een pagina kon niet worden gebouwd: {failed}")
    dirty = state.dirty
    written = write_syndication(state.build, Path(config.site_dir), Path(config.docs_dir), state.feed_html,
                                state.incremental.reuse, write=dirty.write if dirty is not None else None)
    state.search.publish(config.site_dir, preview=_command == "serve", emptied=dirty is None,
                         reuse=state.incremental.reuse if state.incremental.enabled else None)
    if dirty is not None:
        assert state.files is not None
        dirty.remove_stale(state.files, config.theme.static_templates, written, SEARCH_FILES)
    if state.fragments is not None:
        log.debug(state.fragments.summary())
    state.incremental.finish()


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
    serve_problems.reload_error_pages(server)
    from sto.mkdocs import watcher  # only the preview watches files

    watcher.use_change_events(server)
    return server
