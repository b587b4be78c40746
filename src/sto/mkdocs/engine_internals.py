"""Every MkDocs (or ProperDocs) internal the adapter relies on, named here and nowhere else.

The speed machinery and the preview reach into the engine where it has no public API: they swap
``mkdocs.commands.build._build_page`` (``sto.mkdocs.parallel``, ``sto.mkdocs.stored_pages``) and
``_populate_page`` (``sto.mkdocs.parallel``, which also hands a converted page's state from one
process to another),
give a page its own ``render`` (``sto.mkdocs.converter``, ``sto.mkdocs.incremental``) and set
its ``_title_from_render``, register ``Page.render``'s private Markdown processors, wrap one
``Files.get_file_from_path`` or ``File.is_modified``, set ``config._current_page`` and move the
live-reload server's watches. Each access is a function here; ``PINS`` holds the sha256 of the
source of every engine part those accesses follow, for both engines (MkDocs 1.6.1 and
ProperDocs 1.6.7). ``tests/test_engine_internals.py`` compares them with the installed engines,
so an engine release that changes one fails one test that names what to read again.
"""

from __future__ import annotations

import hashlib
import importlib
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import markdown
from mkdocs.commands import build as engine_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure import pages
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, get_toc

if TYPE_CHECKING:  # mkdocs.livereload imports watchdog: only `mkdocs serve` needs it
    from mkdocs.livereload import LiveReloadServer

ENGINES = ("mkdocs", "properdocs")


@dataclass(frozen=True)
class Pin:
    """One part of the engine's source that code here follows, and who follows it."""

    module: str  # below the engine's package: "commands.build"
    name: str  # dotted within the module: "Page.render"
    followed_by: str  # what to read again when it changes
    digests: MappingProxyType[str, str]  # engine -> source_digest of the part


def _pin(module: str, name: str, followed_by: str, mkdocs: str, properdocs: str) -> Pin:
    return Pin(module, name, followed_by, MappingProxyType({"mkdocs": mkdocs, "properdocs": properdocs}))


PINS = (
    _pin("commands.build", "_build_page",
         "sto.mkdocs.parallel and sto.mkdocs.stored_pages swap it (build_page, use_build_page); stored_pages "
         "repeats its steps for a stored page, config._current_page included (current_page)",
         "adcdbd14b236112697cafec9171bd281981f15a776e0d2f941a62e7bffd9a0d5",
         "a921d5be3f1bcca924d2c3442c443dcf32519dbec0021f9a6d26ec9d4e387f83"),
    _pin("commands.build", "_populate_page",
         "sto.mkdocs.parallel swaps it (populate_page, use_populate_page) and hands what it sets on a page to "
         "another process (converted_state, take_converted_state)",
         "31a70ea4caef1e127a9d65a0f346ee322bad00d673ef824d82acf807e61d91c2",
         "b3c436870881aa43ff1662ae697819a13016e055825db7ab72af8e4849177aad"),
    _pin("commands.build", "build",
         "sto.mkdocs.parallel converts pages in workers from on_nav, which build() calls right before its loop "
         "over the pages, and takes their results in on_env, right after it; the loop makes a page for a file "
         "outside the navigation as page_for does",
         "c476b64474acfaa20c08fdedc074238c6521bf320263065ee7de983ebf2032f9",
         "9ef8add479b2679c5c01df44e575bf6e6aee4ce76b5589501e85c1ee65ef4a2f"),
    _pin("structure.pages", "Page.read_source",
         "what it sets (markdown, meta) is part of converted_state",
         "b35101eabf605b0872d4374fec6d9e27f0bffbf85f2be4328828ffe5a7b6ba6d",
         "14ac2e8d8db5e48c04313617f63536f4f9debf3824ad5a4ce1db665707e9c798"),
    _pin("structure.pages", "Page.render",
         "sto.mkdocs.converter copies it with a shared converter; sto.mkdocs.incremental stores and restores "
         "what it sets (use_render, title_from_render)",
         "320529348f7a8af152073d0a3ab02960ccce91f9204716144e51b20931983cc6",
         "ee04724746238ac17c0004482b10be71d084369ec5be615642eedee83a9f6171"),
    _pin("structure.pages", "Page.title.func",
         "a page's title comes from _title_from_render, which incremental sets from a stored conversion",
         "0b79ceaa4082942395784008fbff4819e798d048ec4528b473b68bed1f111c0a",
         "0b79ceaa4082942395784008fbff4819e798d048ec4528b473b68bed1f111c0a"),
    _pin("structure.pages", "_RawHTMLPreprocessor",
         "sto.mkdocs.converter registers it on the shared converter (PAGE_PROCESSORS, register)",
         "1bc67630834f6212bc7b192e65505d0d10926b688b63bdb5a2fe857610183941",
         "d9a4531e4f1506ae4720f43b12c5c96bf633ad532996e379ffd090535850fc6a"),
    _pin("structure.pages", "_ExtractAnchorsTreeprocessor",
         "sto.mkdocs.converter registers it on the shared converter (PAGE_PROCESSORS, register)",
         "95da536fb4b96614668fcfbe98aaf265d174312d3c231d683186cefbd3b3cf9c",
         "eea4c6b02802892b364b650395ea14326a4da23c46972155bef59d701083777e"),
    _pin("structure.pages", "_RelativePathTreeprocessor",
         "sto.mkdocs.converter registers it on the shared converter (PAGE_PROCESSORS, register)",
         "523b46edca9448ef71f2ce0fd0e79a1f3b3077487474aaaa386fa62cf730b032",
         "8504828b8702ff53b9c5d35ad928d0d65ce48764afced2a4f53335b7e3b0ceda"),
    _pin("structure.pages", "_ExtractTitleTreeprocessor",
         "sto.mkdocs.converter registers it on the shared converter (PAGE_PROCESSORS, register)",
         "253a44071bfb0c4a9ee94f47c86299b745dfadf90bd1a562d1fb7d3e42dda74c",
         "583d70799ea03d22c6b7f562397db53a799bdd0f8967086eaf51844b25b049de"),
    _pin("structure.files", "Files.get_file_from_path",
         "sto.mkdocs.incremental records a conversion's lookups through it (watch_lookups): the only way a "
         "conversion reads other files",
         "1fdc876f5dc031b39e2063de43b21fac288d81c9a670bdba2991c0fab9bb01fd",
         "1fdc876f5dc031b39e2063de43b21fac288d81c9a670bdba2991c0fab9bb01fd"),
    _pin("structure.files", "File.is_modified",
         "sto.mkdocs.preview_writes decides per file whether a dirty preview build writes it (set_modified)",
         "7b5f8afab5f1f6d24641d72286e1d8bce6e28cdd5deb40b2ac8f44df01e215ff",
         "7b5f8afab5f1f6d24641d72286e1d8bce6e28cdd5deb40b2ac8f44df01e215ff"),
    _pin("livereload", "LiveReloadServer.__init__",
         "sto.mkdocs.watcher replaces the server's observer and its record of watches (move_watches)",
         "e79efeb939bfe4b4bbf5d2f11b320778194229b1fd3f9c061e2a5c66e0df43a2",
         "e79efeb939bfe4b4bbf5d2f11b320778194229b1fd3f9c061e2a5c66e0df43a2"),
    _pin("livereload", "LiveReloadServer.watch",
         "sto.mkdocs.watcher asks for every watch again through it (move_watches)",
         "5db077e3a3e7f8e3ee992d6a96823abdce09565d558580452139816005fe1f1c",
         "5db077e3a3e7f8e3ee992d6a96823abdce09565d558580452139816005fe1f1c"),
    _pin("livereload", "LiveReloadServer.serve_request",
         "sto.mkdocs.serve_problems wraps error_handler, which it calls (reload_error_pages)",
         "b8e218789f78fdbcd1c99847c7e6cab9f1cf7fe9a94757f7ae1ec048f9a941e2",
         "b8e218789f78fdbcd1c99847c7e6cab9f1cf7fe9a94757f7ae1ec048f9a941e2"),
    _pin("livereload", "LiveReloadServer._inject_js_into_html",
         "sto.mkdocs.serve_problems adds the live-reload script to error pages with it (with_live_reload)",
         "3f6d2f64c23ebcdf4afcca021f8d9107528e3b8136217e168d087d58ec5ec94c",
         "3f6d2f64c23ebcdf4afcca021f8d9107528e3b8136217e168d087d58ec5ec94c"),
    _pin("livereload", "LiveReloadServer._build_loop",
         "it sets _visible_epoch, which sto.mkdocs.serve_problems reads (with_live_reload)",
         "0bea1402bb4a41bfd626e0532bc254a1c5e3eafac07b73eef5bceef484852e31",
         "0bea1402bb4a41bfd626e0532bc254a1c5e3eafac07b73eef5bceef484852e31"),
)


def name() -> str:
    """"mkdocs" or "properdocs": which one runs (ProperDocs answers ``import mkdocs`` itself)."""
    return pages.__name__.partition(".")[0]


def source_digest(code: Any) -> str:
    """sha256 of a function's, method's or class's source, as ``inspect.getsource`` reads it."""
    return hashlib.sha256(inspect.getsource(code).encode("utf-8")).hexdigest()


def installed_digests(engine: str) -> dict[str, str]:
    """``module:name`` -> source_digest of each pinned part in the installed ``engine``. Run it in a
    process of its own per engine: importing ProperDocs redirects every later ``import mkdocs``."""
    found = {}
    for pin in PINS:
        part: Any = importlib.import_module(f"{engine}.{pin.module}")
        for attribute in pin.name.split("."):
            part = getattr(part, attribute)
        found[f"{pin.module}:{pin.name}"] = source_digest(part)
    return found


# The engine's build of one page: swapped for a build by the page workers and the stored pages.
BuildPage = Callable[..., None]


def build_page() -> BuildPage:
    return engine_build._build_page


def use_build_page(build: BuildPage) -> None:
    engine_build._build_page = build


# The engine's conversion of one page (read, plugin events, render): swapped for a build by the
# conversion workers.
PopulatePage = Callable[..., None]


def populate_page() -> PopulatePage:
    return engine_build._populate_page


def use_populate_page(populate: PopulatePage) -> None:
    engine_build._populate_page = populate


def page_for(file: File, config: MkDocsConfig) -> Page:
    """The file's page, made as ``build()`` makes one for a file outside the navigation."""
    if file.page is None and file.inclusion.is_not_in_nav():  # type: ignore[no-untyped-call]  # untyped in the engine
        Page(None, file, config)
    assert file.page is not None
    return file.page


def toc_tokens(toc: Any) -> list[dict[str, Any]]:
    """A page's table of contents as the toc extension's tokens (``get_toc`` makes it again)."""
    links: list[AnchorLink] = list(toc)
    return [{"name": a.title, "id": a.id, "level": a.level, "children": toc_tokens(a.children)} for a in links]


# What _populate_page (read_source, the plugin events, render) leaves on a page, as plain data.
ConvertedState = tuple[Any, ...]


def converted_state(page: Page) -> ConvertedState:
    links = page.links_to_anchors
    return (page.markdown, page.meta, page.content, toc_tokens(page.toc), page._title_from_render,
            None if page.present_anchor_ids is None else sorted(page.present_anchor_ids),
            None if links is None else {file.src_uri: dict(found) for file, found in links.items()})


def take_converted_state(page: Page, state: ConvertedState, files: Files) -> None:
    """Give ``page`` what ``_populate_page`` left on its copy in another process."""
    page.markdown, page.meta, page.content, toc, page._title_from_render, anchors, links = state
    page.toc = get_toc(toc)
    page.present_anchor_ids = None if anchors is None else set(anchors)
    if links is None:
        page.links_to_anchors = None
        return
    linked = {uri: files.get_file_from_path(uri) for uri in links}
    page.links_to_anchors = {file: dict(links[uri]) for uri, file in linked.items() if file is not None}


def current_page(config: MkDocsConfig, page: Page | None) -> None:
    """What ``_build_page`` sets while a page is built (templates and plugins read it)."""
    config._current_page = page


def use_render(page: Page, render: Callable[[MkDocsConfig, Files], None]) -> None:
    """Give this one page its own ``render`` (the conversion of its Markdown)."""
    page.render = render  # type: ignore[method-assign,assignment]


def title_from_render(page: Page) -> str | None:
    return page._title_from_render


def set_title_from_render(page: Page, title: str | None) -> None:
    page._title_from_render = title


# The four per-page processors ``Page.render`` registers, in its order.
PAGE_PROCESSORS = (pages._RawHTMLPreprocessor, pages._ExtractAnchorsTreeprocessor, pages._RelativePathTreeprocessor,
                   pages._ExtractTitleTreeprocessor)


def register(processor: Any, md: markdown.Markdown) -> None:
    """Register one of PAGE_PROCESSORS on a converter, as ``Page.render`` does."""
    processor._register(md)


def render_logger_level() -> int:
    """The level of ``Page.render``'s logger (MkDocs keeps ``links_to_anchors`` only above debug)."""
    return pages.log.getEffectiveLevel()


def watch_lookups(files: Files, find: Callable[[str], File | None]) -> None:
    """Let every ``files.get_file_from_path`` of this object go through ``find`` (until ``unwatch_lookups``)."""
    files.get_file_from_path = find  # type: ignore[method-assign,assignment]


def unwatch_lookups(files: Files) -> None:
    del files.get_file_from_path


def set_modified(file: File, modified: Callable[[], bool]) -> None:
    """What this file's ``is_modified`` answers (a dirty build writes only a modified file)."""
    file.is_modified = modified  # type: ignore[method-assign]


def move_watches(server: LiveReloadServer, observer: Any) -> None:
    """Give the server another watchdog observer, with every watch it had (asked as often as before)."""
    watched = dict(server._watched_paths)  # path -> how many times it was asked for
    server.observer.unschedule_all()
    server.observer = observer
    server._watched_paths.clear()
    server._watch_refs.clear()
    for path, count in watched.items():
        for _ in range(count):
            server.watch(path)


def with_live_reload(server: LiveReloadServer, html: bytes) -> bytes:
    """A page with the server's live-reload script, as it serves an .html file."""
    return server._inject_js_into_html(html, server._visible_epoch)  # type: ignore[no-untyped-call,no-any-return]
