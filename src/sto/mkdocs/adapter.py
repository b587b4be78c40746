"""The adapter between MkDocs and the framework-free core in ``sto``: one object, whose methods are
the MkDocs hooks.

MkDocs loads ``hooks/sto_hooks.py`` by path, once per process; that file makes the process's one
``Adapter`` and names its methods as the hooks. The adapter holds what lives for the process (the
preview's memory of earlier builds, ``ProcessMemory``) and one build's objects (``BuildState``,
made in on_config); each hook does one lookup or hands over one object to a collaborator: the
files a build adds (``build_files``), what templates get (``template_globals``), each page's
security policy (``page_security``), the refusal of invalid content (``refusal``) and everything
that only makes a build faster (``speed``).
"""

from __future__ import annotations

import marshal
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from sto.cache.fingerprint import item_digest
from sto.content.markdown_safety import EscapeRawHtml
from sto.mkdocs import quiet_log, serve_problems
from sto.mkdocs.build_files import add_build_files
from sto.mkdocs.hand_written import use_checked_settings
from sto.mkdocs.page_security import PageSecurity
from sto.mkdocs.parallel import Beside
from sto.mkdocs.preview_writes import DirtyBuild
from sto.mkdocs.process_memory import ProcessMemory
from sto.mkdocs.refusal import Refusal
from sto.site.search_trim import indexed_html
from sto.mkdocs.site_search import SEARCH_FILES, SiteSearch
from sto.mkdocs.speed import Speed
from sto.mkdocs.template_globals import hand_to_templates
from sto.problems import ContentInvalid
from sto.site.build import Build
from sto.site.listings import page_size_from
from sto.site.media_files import ImageDimensions, MediaFiles
from sto.site.views import Site
from sto.syndication.writer import SUBSCRIBE_PAGE, FeedHtml, subscribe_page, syndication_files, write_files

if TYPE_CHECKING:  # the preview's server and its watcher (watchdog) are imported by mkdocs serve only
    from mkdocs.livereload import LiveReloadServer


@dataclass(eq=False)
class BuildState:
    """One build's objects, made in on_config and used by the later hooks."""

    site: Site
    feed_html: FeedHtml
    speed: Speed
    images: ImageDimensions  # width and height on the images in pages' Markdown
    dirty: DirtyBuild | None = None  # make serve (--dirty): only what changed is written
    nav: Navigation | None = None  # from on_nav
    files: Files | None = None  # from on_env
    search: SiteSearch = field(default_factory=SiteSearch)  # the search records, written in on_post_build
    syndication: Beside | None = None  # mkdocs build: the feeds and calendars, made beside the rendering

    @property
    def build(self) -> Build:
        return self.site.build


class Adapter:
    """The MkDocs hooks of one process (``mkdocs build``: one build; ``mkdocs serve``: many)."""

    def __init__(self, environ: Mapping[str, str] = os.environ) -> None:
        self.environ = environ
        self.command = "build"
        self.dirty = False  # `mkdocs serve --dirty`, as make serve runs it
        self.quiet = quiet_log.QuietDutch()
        quiet_log.install(self.quiet)  # MkDocs loads the hooks with the config, before it logs anything about the build
        self.memory = ProcessMemory()  # what the preview keeps from build to build
        self.refusal = Refusal()
        self.security = PageSecurity()
        self._state: BuildState | None = None

    @property
    def serve(self) -> bool:
        return self.command == "serve"

    @property
    def state(self) -> BuildState:
        if self._state is None:  # MkDocs calls on_config before every other hook of a build
            raise RuntimeError("on_config has not run")
        return self._state

    def on_startup(self, command: str, dirty: bool) -> None:
        self.command, self.dirty = command, dirty and command == "serve"
        self.quiet.exact_dirty_builds = self.dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Load and validate all content once per build; stop with every problem listed (the
        preview keeps running and shows them on every page instead)."""
        root = Path(config.config_file_path).resolve().parent
        self.refusal.start()
        self._state = None
        speed = Speed.start(root, config.site_url or "", command=self.command,
                            preview=self.memory.results if self.serve else None, environ=self.environ)
        try:
            build = Build.load(root, config.site_url or "", config.site_name, preview=self.serve,
                               pages_dir=Path(config.docs_dir), page_size=_page_size(config),
                               memory=speed.item_memory(), each=speed.each())
            site = Site.of(build)
            site.pages[SUBSCRIBE_PAGE] = subscribe_page(build)  # "Agenda volgen": its view counts the calendars' events
        except ContentInvalid as invalid:
            self.refusal.refuse(invalid, config, serve=self.serve)
            return config
        config.markdown_extensions.append(EscapeRawHtml())  # type: ignore[arg-type]  # an Extension instance works
        images = ImageDimensions(MediaFiles(Path(config.docs_dir)))
        config.markdown_extensions.append(images)  # type: ignore[arg-type]
        dirty = DirtyBuild(config.site_dir, self.memory.folder(config.site_dir)) if self.dirty else None
        self._state = BuildState(site, FeedHtml(build), speed, images, dirty)
        speed.keep_to_the_end()
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        if self.refusal.refused:
            return serve_problems.no_files()
        state = self.state
        if problems := add_build_files(files, config, state.site, state.speed.item_memory(), state.speed.reuse,
                                       serve=self.serve):
            return self.refusal.refuse(ContentInvalid(problems), config, serve=self.serve)
        if state.dirty is not None:
            state.dirty.start(files)
        return files

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        if not self.refusal.refused:
            state = self.state
            state.nav = nav
            state.speed.start_converting(config, files, lambda: (state.search.kept(), dict(state.feed_html)))
        return nav

    def on_pre_page(self, page: Page, config: MkDocsConfig, files: Files) -> Page:
        state = self.state
        state.images.page = page.file.src_uri  # its relative images resolve from its source
        state.speed.before_conversion(page)
        return page

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """A hand-written page keeps only the front matter the core checked."""
        if not self.refusal.refused:
            use_checked_settings(page, self.state.build)
        return markdown

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        if self.refusal.refused:
            return env
        state = self.state
        state.files = files
        speed = state.speed
        kept, failed = speed.finish_converting(files)  # pages converted by workers, with what the hooks kept
        if failed:
            raise Abort(f"Een pagina kon niet worden gelezen: {failed}")
        for records, feed_html in kept:  # as on_nav's hooks_state made them
            state.search.take(records)
            state.feed_html.update(feed_html)
        if self.command == "build":  # what needs only the converted pages starts now, beside the rest
            state.search.start(speed.search_reuse(), speed.beside, config.site_dir)
            build, docs, feed_html = state.build, Path(config.docs_dir), dict(state.feed_html)
            state.syndication = speed.beside(lambda: marshal.dumps(syndication_files(build, feed_html, docs,
                                                                                     speed.reuse)))
        self.security.start(config, serve=self.serve)
        hand_to_templates(env, config, state.site, speed.prepare_templates(env))
        pages = [file.page for file in files.documentation_pages() if file.page is not None]
        speed.plan_rendering(pages, state.nav, state.build.content.vocabularies,
                             lambda page: self._context(page, config), state.dirty.keep if state.dirty else None)
        if self.command == "build":  # last: the workers start from everything set up above
            speed.start_rendering(config, files, state.nav, env)
        return env

    def _context(self, page: Page, config: MkDocsConfig) -> dict[str, Any]:
        description = (page.meta or {}).get("description") or config.site_description or ""
        return self.state.site.context_for(page.file.src_uri, page.title or config.site_name, description)

    def on_page_context(self, context: dict[str, Any], page: Page, config: MkDocsConfig,
                        nav: Navigation) -> dict[str, Any]:
        ours = self.state.speed.context(page)  # a page unchanged since it was last rendered gets that rendering
        context.update(ours if ours is not None else self._context(page, config))
        return context

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Keep each news page's HTML for the feeds' full content and its search record (one dict
        write each per page); the page goes on as it is."""
        state = self.state
        src_uri = page.file.src_uri
        item = state.build.item_for(src_uri)

        def make() -> tuple[str, str | None]:
            return indexed_html(html, item), state.feed_html.for_page(src_uri, html)

        indexed, feed = state.speed.after_conversion(page, item_digest(item) if item else "", make)
        if item is not None and feed is not None:
            state.feed_html[item.id] = feed
        state.search.add(page, indexed, item)
        return html

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        """The Content-Security-Policy meta tag, with the hashes of the page's inline scripts."""
        state = self.state
        key = state.speed.rendered(page, output)  # first: stores the template's output as rendered
        if state.dirty is not None:
            state.dirty.rendered(page, key)
        return self.security.secured(output, page.file.src_uri)

    def on_post_template(self, output_content: str, template_name: str, config: MkDocsConfig) -> str:
        """The same for the pages MkDocs renders from a template alone (404.html)."""
        return self.security.secured(output_content, template_name) if template_name.endswith(".html") \
            else output_content

    def on_post_build(self, config: MkDocsConfig) -> None:
        """Write every feed and calendar, and the search index, into the site."""
        if self.refusal.refused:
            self.refusal.show(config, dirty=self.dirty, folder=self.memory.folder(config.site_dir),
                              index=self.memory.index(config.site_dir))
            return
        state = self.state
        speed = state.speed
        if failed := speed.finish_rendering():
            raise Abort(f"Een pagina kon niet worden gebouwd: {failed}")
        dirty = state.dirty
        made: dict[str, bytes] = (marshal.loads(state.syndication.result()) if state.syndication is not None else
                                  syndication_files(state.build, state.feed_html, Path(config.docs_dir), speed.reuse))
        written = write_files(made, Path(config.site_dir), write=dirty.write if dirty is not None else None)
        state.search.publish(config.site_dir, preview=self.memory.index(config.site_dir) if self.serve else None,
                             emptied=dirty is None, reuse=speed.search_reuse())
        if dirty is not None:
            assert state.files is not None
            dirty.remove_stale(state.files, config.theme.static_templates, written, SEARCH_FILES)
        speed.finish()

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        serve_problems.reload_error_pages(server)
        from sto.mkdocs import watcher  # only the preview watches files

        watcher.use_change_events(server)
        return server


def _page_size(config: MkDocsConfig) -> int:
    try:
        return page_size_from(config.extra)
    except ValueError as wrong:
        raise Abort(str(wrong)) from None
