"""`mkdocs build` renders its pages in more than one process.

MkDocs renders page after page in one process; rendering the templates and writing the files is
most of a build. Once every page is converted (on_env: the navigation, the feeds' HTML and each
page's data are known), the build forks: each worker process renders and writes every n-th page,
the way MkDocs would (``mkdocs.commands.build._build_page``, in the same order within its share),
and the main process renders the rest. Sphinx's ``-j`` works the same way.

What a worker does that the main process needs comes back through a pipe as plain data
(``marshal``): the warnings it logged (logged again in the main process, so a strict
build still fails on them and prints them once) and what it stored in the build cache. A worker
that fails stops the build with its error. The site is byte-identical with one process
(``STO_JOBS=1``; a test builds both ways); the preview always builds in one process (its rebuilds
write only what changed, ``sto.mkdocs.preview_writes``).

Only where ``os.fork`` exists (not on Windows) and the machine has more than one core.
"""

from __future__ import annotations

import gc
import logging
import marshal
import os
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from sto.cache.store import Store
from sto.mkdocs import engine_internals as engine

PageArgs = Callable[[File], tuple[tuple[Any, ...], dict[str, Any]]]  # a page file -> MkDocs' _build_page arguments
JOBS_VARIABLE = "STO_JOBS"
ENGINE_LOGGERS = ("mkdocs", "properdocs")
MAX_JOBS = 4
WORTH_IT = 4  # workers only when at least a quarter of the pages are rendered (not printed from the cache)


def jobs(environ: Mapping[str, str], to_render: int | None = None, pages: int | None = None) -> int:
    """How many processes render pages: ``STO_JOBS``, else the cores (at most MAX_JOBS); one when
    most pages print a stored rendering (a warm build: a worker would cost more than it saves,
    copying the memory the stored pages take as it reads them)."""
    if not hasattr(os, "fork"):
        return 1
    asked = environ.get(JOBS_VARIABLE, "")
    if asked.isdigit() and int(asked) >= 1:
        return int(asked)
    if to_render is not None and pages is not None and to_render * WORTH_IT < pages:
        return 1
    return max(1, min(os.cpu_count() or 1, MAX_JOBS))


class _Captured(logging.Handler):
    """A worker's warnings and errors, to be logged again by the main process."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


def _read_all(fd: int) -> bytes:
    chunks = []
    while chunk := os.read(fd, 1 << 20):
        chunks.append(chunk)
    os.close(fd)
    return b"".join(chunks)


class PageWorkers:
    """The worker processes of one build, from on_env to on_post_build."""

    def __init__(self, owned: dict[str, int], workers: list[tuple[int, int]], real_build_page: Callable[..., None]):
        self._owned = owned  # src_uri -> worker number (1..n-1) of the pages the workers render
        self._workers = workers  # (pid, read end of its pipe)
        self._real_build_page = real_build_page

    @classmethod
    def start(cls, count: int, files: Sequence[File], build_page_args: PageArgs, store: Store) -> PageWorkers | None:
        """Fork ``count - 1`` workers, each rendering its share of ``files`` (MkDocs' page files, in
        build order); this process renders share 0. None when there is nothing to share."""
        pages = [file for file in files if file.page is not None]
        if count < 2 or len(pages) < count:
            return None
        owned = {file.src_uri: index % count for index, file in enumerate(pages) if index % count}
        snapshot = store.snapshot()
        real_build_page = engine.build_page()
        workers: list[tuple[int, int]] = []
        frozen = gc.get_freeze_count() > 0  # the hooks keep a build's objects frozen to its end
        gc.freeze()  # the workers share the build's objects without copying them for the collector
        for number in range(1, count):
            read_end, write_end = os.pipe()
            pid = os.fork()
            if pid == 0:  # the worker: render its share, report, and leave without running any more of MkDocs
                os.close(read_end)
                for _, other in workers:
                    os.close(other)
                status = 0
                try:
                    report = _render_share([f for f in pages if owned.get(f.src_uri) == number], build_page_args,
                                           real_build_page, store, snapshot)
                except BaseException as error:  # noqa: BLE001  # reported to the main process, which stops
                    report = marshal.dumps(("error", f"{type(error).__name__}: {error}"))
                    status = 1
                with os.fdopen(write_end, "wb") as pipe:
                    pipe.write(report)
                os._exit(status)
            os.close(write_end)
            workers.append((pid, read_end))
        if not frozen:
            gc.unfreeze()
        found = cls(owned, workers, real_build_page)
        engine.use_build_page(found.build_page)  # for this build, see finish
        return found

    def build_page(self, page: Page, *args: Any, **kwargs: Any) -> None:
        """MkDocs' ``_build_page`` for this build: a page a worker renders is skipped here."""
        if page.file.src_uri not in self._owned:
            self._real_build_page(page, *args, **kwargs)

    def finish(self, store: Store) -> str | None:
        """Wait for every worker and take over its results; the error that stops the build, if any."""
        engine.use_build_page(self._real_build_page)
        error = None
        for pid, read_end in self._workers:
            data = _read_all(read_end)
            _, status = os.waitpid(pid, 0)
            try:
                report = marshal.loads(data)
            except (EOFError, ValueError, TypeError):
                report = ("error", f"a page worker ended without a report (status {status})")
            if report[0] == "error":
                error = error or report[1]
                continue
            _, records, used, made = report
            for name, level, message in records:
                logging.getLogger(name).log(level, "%s", message)
            store.merge(used, made)
        return error


def _render_share(files: list[File], build_page_args: PageArgs,
                  build_page: Callable[..., None], store: Store, snapshot: dict[str, object]) -> bytes:
    for name in ENGINE_LOGGERS:  # printed and counted by the main process instead
        engine_log = logging.getLogger(name)
        for handler in list(engine_log.handlers):
            engine_log.removeHandler(handler)
    captured = _Captured()
    top = logging.getLogger("mkdocs")  # ProperDocs hangs "mkdocs" below its own "properdocs"
    while top.parent is not None and top.parent.name in ENGINE_LOGGERS:
        top = top.parent
    top.addHandler(captured)
    for file in files:
        assert file.page is not None
        args, kwargs = build_page_args(file)
        build_page(file.page, *args, **kwargs)
    used, made = store.changes_since(snapshot)
    return marshal.dumps(("done", captured.records, used, made))
