"""`make serve` while the content is invalid: keep running, and answer every address with the
Dutch problem page (sto.editors.problem_page) until the files are fixed.

Left to itself, MkDocs' preview exits when the first build fails and, when a later rebuild
fails, makes every request wait for a successful build ("the server will appear stuck"). So in
serve mode the hooks do not abort on invalid content: the build goes on with no pages at all
(``empty_the_build``), writes the problem page as 404.html, and MkDocs' server answers every
address it has no file for with that page. MkDocs injects its live-reload script only into the
.html files it finds, not into error pages: ``reload_error_pages`` adds it there too, so the
problem page reloads itself when the next build (after a save) is done.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

if TYPE_CHECKING:  # mkdocs.livereload imports watchdog: only `mkdocs serve` needs it
    from mkdocs.livereload import LiveReloadServer

from sto.editors.problem_page import problem_page
from sto.mkdocs import engine_internals as engine
from sto.problems import Problem

ERROR_PAGE = "404.html"  # what MkDocs' serve answers for an address without a file
OUTCOME = "het voorbeeld toont de lijst op elke pagina"  # the terminal's report ends its heading with this


def empty_the_build(config: MkDocsConfig) -> None:
    """No theme pages (they need the content) and no nav entries (they would warn)."""
    config.nav = None
    config.theme.static_templates.clear()


def no_files() -> Files:
    return Files([])


def write_problem_page(site_dir: str, problems: list[Problem]) -> None:
    (Path(site_dir) / ERROR_PAGE).write_text(problem_page(problems), encoding="utf-8")


def reload_error_pages(server: LiveReloadServer) -> None:
    """Give the pages MkDocs' server answers errors with its live-reload script (MkDocs 1.6)."""
    answer = server.error_handler

    def with_live_reload(code: int) -> bytes | None:
        page = answer(code)
        return None if page is None else engine.with_live_reload(server, page)

    server.error_handler = with_live_reload
