"""`mkdocs build` in more than one process: the content loaded, the pages converted and rendered
by forked workers, and the search index, feeds and calendars made beside the rendering.

MkDocs does a build in one process, page after page. Three of its stretches are lists of
independent steps: loading the content files (``sto.content.loader``), converting every page
(``_populate_page``, before on_env) and rendering every page (``_build_page``, after it). For each,
the build forks workers that take steps from the end of the list, one at a time, while the main
process takes them from the front, as MkDocs' own loop goes, until they meet (``FromTheBack``).
Whoever is faster does more: the main process also copies the theme's files and writes the
sitemap, so a fixed half left it working long after the workers were done. Sphinx's ``-j`` works
much the same way. Each step is done by one process, and what the main process needs of it comes
back through a pipe, pickled: a conversion's page state, a loaded item, the warnings a worker
logged (logged again here, so a strict build still fails on them and prints them once) and what it
reused from and stored in the build cache. A worker that fails stops the build with its error.

Jobs that need no page of the rendering (Pagefind's index, the feeds and calendars) run beside it
in a forked process of their own (``beside``), so they neither wait for the rendering nor make it
wait for the interpreter's lock.

The site is byte-identical with one process (``STO_JOBS=1``; a test builds both ways); the
preview always builds in one process (its rebuilds write only what changed,
``sto.mkdocs.preview_writes``). Only where ``os.fork`` exists (not on Windows).
"""

from __future__ import annotations

import gc
import logging
import mmap
import os
import pickle
import struct
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
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
    """How many processes share a list of steps: ``STO_JOBS``, else the cores (at most MAX_JOBS);
    one when most pages print a stored rendering (a warm build: a worker would cost more than it
    saves, copying the memory the stored pages take as it reads them)."""
    if not hasattr(os, "fork"):
        return 1
    asked = environ.get(JOBS_VARIABLE, "")
    if asked.isdigit() and int(asked) >= 1:
        return int(asked)
    if to_render is not None and pages is not None and to_render * WORTH_IT < pages:
        return 1
    return max(1, min(os.cpu_count() or 1, MAX_JOBS))


# -- a forked process and its answer ------------------------------------------------------------

@contextmanager
def _shared_with_children() -> Iterator[None]:
    """While forking: the build's objects stay out of the collector's scans, so a child does not copy
    them by touching them for the collector (the hooks keep a build's objects frozen to its end)."""
    frozen = gc.get_freeze_count() > 0
    gc.freeze()
    try:
        yield
    finally:
        if not frozen:
            gc.unfreeze()


def _said(error: BaseException) -> str:
    return str(error) if isinstance(error, RuntimeError) else f"{type(error).__name__}: {error}"


def _fork(job: Callable[[], bytes], inherited: Sequence[int] = ()) -> tuple[int, int]:
    """A child process that runs ``job``, writes what it returns (or its error, pickled) to a pipe and
    ends without running any more of MkDocs; its pid and the pipe's read end. ``inherited``: read
    ends of earlier children, which the child closes."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_end)
        for other in inherited:
            os.close(other)
        try:
            report, status = job(), 0
        except BaseException as error:  # noqa: BLE001  # reported to the main process, which stops
            report, status = pickle.dumps(("error", _said(error))), 1
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(report)
        os._exit(status)
    os.close(write_end)
    return pid, read_end


def _answer(pid: int, read_end: int) -> Any:
    """What a child wrote, unpickled, once it ended: ("done", ...) or ("error", message)."""
    chunks = []
    while chunk := os.read(read_end, 1 << 20):
        chunks.append(chunk)
    os.close(read_end)
    _, status = os.waitpid(pid, 0)
    try:
        return pickle.loads(b"".join(chunks))
    except (EOFError, pickle.UnpicklingError, ValueError, TypeError):
        return "error", f"a worker ended without a report (status {status})"


def _done(*parts: Any) -> bytes:
    return pickle.dumps(("done", *parts), protocol=pickle.HIGHEST_PROTOCOL)


class _Captured(logging.Handler):
    """A worker's warnings and errors, to be logged again by the main process."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


def _capture_logs() -> _Captured:
    """In a worker: what the engine and the hooks log is kept for the main process, not printed."""
    for name in ENGINE_LOGGERS:  # printed and counted by the main process instead
        engine_log = logging.getLogger(name)
        for handler in list(engine_log.handlers):
            engine_log.removeHandler(handler)
    captured = _Captured()
    top = logging.getLogger("mkdocs")  # ProperDocs hangs "mkdocs" below its own "properdocs"
    while top.parent is not None and top.parent.name in ENGINE_LOGGERS:
        top = top.parent
    top.addHandler(captured)
    return captured


def _log_again(records: list[tuple[str, int, str]]) -> None:
    for name, level, message in records:
        logging.getLogger(name).log(level, "%s", message)


# -- one job beside the build --------------------------------------------------------------------

class Forked:
    """One job in a forked process beside the build, its result (bytes) taken when needed: the
    search index, whose records this process encodes and hands to Pagefind (in a thread, that
    work waited for the interpreter's lock behind the rendering), the feeds and calendars. What
    the job reuses from and adds to ``store`` (the build cache) counts as this process's."""

    def __init__(self, job: Callable[[], bytes], store: Store | None = None):
        self._store = store
        snapshot = store.snapshot() if store is not None else None

        def run() -> bytes:
            return _done(job(), store.changes_since(snapshot) if store is not None and snapshot is not None else None)

        with _shared_with_children():
            self._pid, self._read = _fork(run)

    def result(self) -> bytes:
        """What the job returned; RuntimeError with its error when it failed."""
        answer = _answer(self._pid, self._read)
        if answer[0] == "error":
            raise RuntimeError(answer[1])
        _, found, changes = answer
        if self._store is not None and changes is not None:
            self._store.merge(changes)
        assert isinstance(found, bytes)
        return found


class InThread:
    """The same in a thread of this process, where there is no fork (or the speed door is shut)."""

    def __init__(self, job: Callable[[], bytes]):
        self._found: bytes | None = None
        self._failed: BaseException | None = None

        def run() -> None:
            try:
                self._found = job()
            except BaseException as error:  # noqa: BLE001  # raised again by result()
                self._failed = error

        self._thread = threading.Thread(target=run, name="sto-beside-the-build", daemon=True)
        self._thread.start()

    def result(self) -> bytes:
        self._thread.join()
        if self._failed is not None:
            raise self._failed
        assert self._found is not None
        return self._found


Beside = Forked | InThread


def beside(job: Callable[[], bytes], *, fork: bool, store: Store | None = None) -> Beside:
    """``job`` started beside the build: in a forked process if ``fork`` and the system can, else in
    a thread (``store``: see Forked)."""
    return Forked(job, store) if fork and hasattr(os, "fork") else InThread(job)


# -- a list of steps, from both ends ---------------------------------------------------------------

class _Meeting:
    """Which steps are taken, in memory the processes share: the main process takes steps from the
    front (``front``: the first it has not reached), the workers from the back (``back``: the last
    one taken); a step is done by whoever takes it first."""

    _LAYOUT = struct.Struct("qq")

    def __init__(self, count: int):
        self._memory = mmap.mmap(-1, self._LAYOUT.size)  # anonymous and shared with the forked workers
        self._lock = _ProcessLock()
        self._LAYOUT.pack_into(self._memory, 0, 0, count)

    def front_takes(self, index: int) -> bool:
        """The main process reaches step ``index``: whether it does it."""
        with self._lock:
            _, back = self._LAYOUT.unpack_from(self._memory, 0)
            if index >= back:
                return False
            self._LAYOUT.pack_into(self._memory, 0, index + 1, back)
            return True

    def back_takes(self) -> int | None:
        """A worker wants a step: the index of the one it does, or None when they have met."""
        with self._lock:
            front, back = self._LAYOUT.unpack_from(self._memory, 0)
            if back <= front:
                return None
            self._LAYOUT.pack_into(self._memory, 0, front, back - 1)
            return int(back) - 1


class _ProcessLock:
    """A lock the forked processes share: a one-byte token in a pipe (whoever reads it holds the
    lock), with nothing more than ``os``."""

    def __init__(self) -> None:
        self._read, self._write = os.pipe()
        os.write(self._write, b"x")
        self._local = threading.Lock()  # the main process's threads among themselves

    def __enter__(self) -> None:
        self._local.acquire()
        os.read(self._read, 1)

    def __exit__(self, *exc: object) -> None:
        os.write(self._write, b"x")
        self._local.release()


class FromTheBack:
    """``count - 1`` forked workers doing ``step(index)`` for indices taken from the back of a list
    of ``total`` steps, while this process takes them from the front (``front_takes``). ``at_end``:
    what a worker reports once its share is done, besides each step's result."""

    def __init__(self, count: int, total: int, step: Callable[[int], Any], store: Store | None = None,
                 at_end: Callable[[], Any] | None = None):
        self._meeting = meeting = _Meeting(total)
        self._store = store
        snapshot = store.snapshot() if store is not None else None

        def share() -> bytes:
            captured = _capture_logs()
            done = []
            while (index := meeting.back_takes()) is not None:
                done.append((index, step(index)))
            changes = store.changes_since(snapshot) if store is not None and snapshot is not None else None
            return _done(done, at_end() if at_end is not None else None, captured.records, changes)

        self._workers: list[tuple[int, int]] = []
        with _shared_with_children():
            for _ in range(1, count):
                self._workers.append(_fork(share, [read_end for _, read_end in self._workers]))

    def front_takes(self, index: int) -> bool:
        return self._meeting.front_takes(index)

    def finish(self) -> tuple[list[tuple[int, Any]], list[Any], str | None]:
        """Wait for every worker: the (index, result) of each step it did, what ``at_end`` gave in
        each, and the error that stops the build, if any. Logs and build-cache changes are taken over."""
        results: list[tuple[int, Any]] = []
        ends: list[Any] = []
        failure = None
        for pid, read_end in self._workers:
            answer = _answer(pid, read_end)
            if answer[0] == "error":
                failure = failure or answer[1]
                continue
            _, done, end, records, changes = answer
            results += done
            ends.append(end)
            _log_again(records)
            if self._store is not None and changes is not None:
                self._store.merge(changes)
        return results, ends, failure


def map_in_parallel(work: Callable[[int], Any], total: int, count: int, store: Store | None = None) -> list[Any]:
    """``[work(0), ..., work(total - 1)]``, shared with ``count - 1`` workers (``FromTheBack``).
    Loading the content (``sto.content.loader``) goes through it."""
    if count < 2 or total < count or not hasattr(os, "fork"):
        return [work(index) for index in range(total)]
    workers = FromTheBack(count, total, work, store)
    results: list[Any] = [None] * total
    index = 0
    while index < total and workers.front_takes(index):
        results[index] = work(index)
        index += 1
    done, _, failure = workers.finish()
    if failure is not None:
        raise RuntimeError(failure)
    for taken, result in done:
        results[taken] = result
    return results


# -- MkDocs' loops over the pages --------------------------------------------------------------

class _PageLoop:
    """One of MkDocs' loops over the pages, shared with ``workers``: its step for a page is
    swapped for one that skips a page a worker took."""

    def __init__(self, pages: list[File], workers: FromTheBack):
        self._pages = pages
        self._index = {file.src_uri: index for index, file in enumerate(pages)}  # MkDocs' order
        self._workers = workers

    def _mine(self, page: Page) -> bool:
        """Whether this process does the page: it is outside the shared list, or no worker took it."""
        index = self._index.get(page.file.src_uri)
        return index is None or self._workers.front_takes(index)


class PageWorkers(_PageLoop):
    """Pages rendered by worker processes, from on_env to on_post_build: MkDocs' ``_build_page`` is
    swapped for one that skips a page a worker took."""

    def __init__(self, pages: list[File], workers: FromTheBack, real_build_page: Callable[..., None]):
        super().__init__(pages, workers)
        self._real_build_page = real_build_page

    @classmethod
    def start(cls, count: int, files: Sequence[File], build_page_args: PageArgs, store: Store) -> PageWorkers | None:
        """Fork ``count - 1`` workers rendering pages of ``files`` (MkDocs' page files, in build
        order) from the end while this process renders from the front. None when there is nothing
        to share."""
        pages = [file for file in files if file.page is not None]
        if count < 2 or len(pages) < count:
            return None
        real_build_page = engine.build_page()

        def render(index: int) -> None:
            page = pages[index].page
            assert page is not None
            args, kwargs = build_page_args(pages[index])
            real_build_page(page, *args, **kwargs)

        found = cls(pages, FromTheBack(count, len(pages), render, store), real_build_page)
        engine.use_build_page(found.build_page)  # for this build, see finish
        return found

    def build_page(self, page: Page, *args: Any, **kwargs: Any) -> None:
        """MkDocs' ``_build_page`` for this build: a page a worker took is skipped here."""
        if self._mine(page):
            self._real_build_page(page, *args, **kwargs)

    def finish(self) -> str | None:
        """Wait for every worker and take over its results; the error that stops the build, if any."""
        engine.use_build_page(self._real_build_page)
        return self._workers.finish()[2]


# What the main process takes over from a page converted by a worker (engine_internals.converted_state
# and what the speed machinery kept of it), and what the hooks kept of all of a worker's pages.
PageState = Callable[[Page], Any]
HooksState = Callable[[], Any]


class ConversionWorkers(_PageLoop):
    """Pages converted (read, plugin events, Markdown) by worker processes, beside this process.

    MkDocs converts every page before it renders any (the navigation and the links need them
    all), in one process: at N = 5,000 about a fifth of a build, with the second core idle.
    From on_nav, right before MkDocs' loop over the pages, workers convert pages from the end of
    the list through MkDocs' own ``_populate_page``, with every plugin event. In on_env this
    process takes over what each worker's conversions left on its pages
    (``engine_internals.converted_state``), what the hooks kept of them (the search records, the
    feeds' HTML), their warnings and what they put in the build cache; then the build goes on as
    if it had converted them itself."""

    def __init__(self, pages: list[File], workers: FromTheBack, real_populate: Callable[..., None]):
        super().__init__(pages, workers)
        self._real_populate = real_populate

    @classmethod
    def start(cls, count: int, pages: Sequence[File], config: Any, files: Any, store: Store,
              page_state: PageState, hooks_state: HooksState) -> ConversionWorkers | None:
        """Fork ``count - 1`` workers over ``pages`` (MkDocs' page files, in its order); None when
        there is nothing to share."""
        pages = list(pages)
        if count < 2 or len(pages) < count:
            return None
        real_populate = engine.populate_page()

        def convert(index: int) -> Any:
            page = engine.page_for(pages[index], config)
            real_populate(page, config, files, False)
            return page_state(page)

        found = cls(pages, FromTheBack(count, len(pages), convert, store, hooks_state), real_populate)
        engine.use_populate_page(found.populate_page)  # until finish
        return found

    def populate_page(self, page: Page, *args: Any, **kwargs: Any) -> None:
        """MkDocs' ``_populate_page`` for this build: a page a worker took is skipped here."""
        if self._mine(page):
            self._real_populate(page, *args, **kwargs)

    def finish(self) -> tuple[list[tuple[Page, Any]], list[Any], str | None]:
        """Wait for every worker: the pages it converted with their state, what the hooks kept in
        each worker, and the error that stops the build, if any."""
        engine.use_populate_page(self._real_populate)
        done, kept, failure = self._workers.finish()
        converted = []
        for index, state in done:
            page = self._pages[index].page
            assert page is not None  # MkDocs' loop made every page before on_env
            converted.append((page, state))
        return converted, kept, failure
