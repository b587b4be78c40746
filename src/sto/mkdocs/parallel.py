"""`mkdocs build` renders its pages in more than one process.

MkDocs renders page after page in one process; rendering the templates and writing the files is
most of a build. Once every page is converted (on_env: the navigation, the feeds' HTML and each
page's data are known), the build forks: the main process renders pages from the front of the
list, as MkDocs' own loop goes, and the workers take pages from its end, one at a time, the way
MkDocs would (``mkdocs.commands.build._build_page``), until they meet. Whoever is faster renders
more: the main process also writes the theme's files and the sitemap and hands the search its
records, so a fixed share left it rendering long after the workers were done. Sphinx's ``-j``
works much the same way. Each page is written by one process, so the site is the same whoever
renders what.

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
import mmap
import os
import pickle
import struct
import threading
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from sto.cache.store import Snapshot, Store
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


class Forked:
    """One job done in a forked process beside the build, its result (bytes) taken when needed:
    the search index, which Pagefind makes from records this process hands it one at a time. In a
    thread, that feeding waited for the interpreter's lock behind the rendering; in a process of
    its own it does not hold the rendering up either."""

    def __init__(self, job: Callable[[], bytes]):
        self._read, write_end = os.pipe()
        frozen = gc.get_freeze_count() > 0
        gc.freeze()
        self._pid = os.fork()
        if self._pid == 0:
            os.close(self._read)
            status = 0
            try:
                report = marshal.dumps(("done", job()))
            except BaseException as error:  # noqa: BLE001  # raised again by result()
                said = str(error) if isinstance(error, RuntimeError) else f"{type(error).__name__}: {error}"
                report = marshal.dumps(("error", said))
                status = 1
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(report)
            os._exit(status)
        os.close(write_end)
        if not frozen:
            gc.unfreeze()

    def result(self) -> bytes:
        """What the job returned; RuntimeError with its error when it failed."""
        data = _read_all(self._read)
        _, status = os.waitpid(self._pid, 0)
        try:
            kind, found = marshal.loads(data)
        except (EOFError, ValueError, TypeError):
            kind, found = "error", f"it ended without a result (status {status})"
        if kind == "error":
            raise RuntimeError(found)
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


class _WithStore:
    """A forked job that used the build cache: what it made there is taken over with its result."""

    def __init__(self, job: Callable[[], bytes], store: Store):
        snapshot = store.snapshot()
        self._store = store
        self._forked = Forked(lambda: pickle.dumps((job(), store.changes_since(snapshot)),
                                                   protocol=pickle.HIGHEST_PROTOCOL))

    def result(self) -> bytes:
        found, changes = pickle.loads(self._forked.result())
        self._store.merge(changes)
        assert isinstance(found, bytes)
        return found


Beside = Forked | InThread | _WithStore


def beside(job: Callable[[], bytes], *, fork: bool, store: Store | None = None) -> Beside:
    """``job`` started beside the build: in a forked process if ``fork`` and the system can (what it
    reuses from and adds to ``store``, the build cache, counts as this process's), else in a thread."""
    if not (fork and hasattr(os, "fork")):
        return InThread(job)
    return _WithStore(job, store) if store is not None else Forked(job)


class _Meeting:
    """Which pages are taken, in memory the processes share: the main process takes pages from the
    front (``front``: the first it has not reached), the workers from the back (``back``: the last
    one taken); a page is rendered by whoever takes it first."""

    _LAYOUT = struct.Struct("qq")

    def __init__(self, count: int):
        self._memory = mmap.mmap(-1, self._LAYOUT.size)  # anonymous and shared with the forked workers
        self._lock = _ProcessLock()
        self._LAYOUT.pack_into(self._memory, 0, 0, count)

    def front_takes(self, index: int) -> bool:
        """The main process reaches page ``index``: whether it renders it."""
        with self._lock:
            _, back = self._LAYOUT.unpack_from(self._memory, 0)
            if index >= back:
                return False
            self._LAYOUT.pack_into(self._memory, 0, index + 1, back)
            return True

    def back_takes(self) -> int | None:
        """A worker wants a page: the index of the one it renders, or None when they have met."""
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


class PageWorkers:
    """The worker processes of one build, from on_env to on_post_build."""

    def __init__(self, index: dict[str, int], meeting: _Meeting, workers: list[tuple[int, int]],
                 real_build_page: Callable[..., None]):
        self._index = index  # src_uri -> the page's place in the build order
        self._meeting = meeting
        self._workers = workers  # (pid, read end of its pipe)
        self._real_build_page = real_build_page

    @classmethod
    def start(cls, count: int, files: Sequence[File], build_page_args: PageArgs, store: Store) -> PageWorkers | None:
        """Fork ``count - 1`` workers, each rendering pages of ``files`` (MkDocs' page files, in
        build order) from the end while this process renders from the front. None when there is
        nothing to share."""
        pages = [file for file in files if file.page is not None]
        if count < 2 or len(pages) < count:
            return None
        meeting = _Meeting(len(pages))
        snapshot = store.snapshot()
        real_build_page = engine.build_page()
        workers: list[tuple[int, int]] = []
        frozen = gc.get_freeze_count() > 0  # the hooks keep a build's objects frozen to its end
        gc.freeze()  # the workers share the build's objects without copying them for the collector
        for _ in range(1, count):
            read_end, write_end = os.pipe()
            pid = os.fork()
            if pid == 0:  # the worker: render pages from the end, report, and leave without running any more of MkDocs
                os.close(read_end)
                for _, other in workers:
                    os.close(other)
                status = 0
                try:
                    report = _render_share(pages, meeting, build_page_args, real_build_page, store, snapshot)
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
        found = cls({file.src_uri: index for index, file in enumerate(pages)}, meeting, workers, real_build_page)
        engine.use_build_page(found.build_page)  # for this build, see finish
        return found

    def build_page(self, page: Page, *args: Any, **kwargs: Any) -> None:
        """MkDocs' ``_build_page`` for this build: a page a worker took is skipped here."""
        index = self._index.get(page.file.src_uri)
        if index is None or self._meeting.front_takes(index):
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
            _, records, changes = report
            _log_again(records)
            store.merge(changes)
        return error


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


def _render_share(files: list[File], meeting: _Meeting, build_page_args: PageArgs,
                  build_page: Callable[..., None], store: Store, snapshot: Snapshot) -> bytes:
    captured = _capture_logs()
    while (index := meeting.back_takes()) is not None:
        file = files[index]
        assert file.page is not None
        args, kwargs = build_page_args(file)
        build_page(file.page, *args, **kwargs)
    return marshal.dumps(("done", captured.records, store.changes_since(snapshot)))


def map_in_parallel(work: Callable[[int], Any], total: int, count: int, store: Store | None = None) -> list[Any]:
    """``[work(0), ..., work(total - 1)]``: this process works from the front while ``count - 1``
    forked workers work from the back (``_Meeting``); what a worker returns comes back pickled,
    what it reused from and added to ``store`` (the build cache) is taken over, what it logged is
    logged again here. Loading the content (``sto.content.loader``) goes through it."""
    if count < 2 or total < count or not hasattr(os, "fork"):
        return [work(index) for index in range(total)]
    meeting = _Meeting(total)
    snapshot = store.snapshot() if store is not None else None
    workers: list[tuple[int, int]] = []
    frozen = gc.get_freeze_count() > 0
    gc.freeze()
    for _ in range(1, count):
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read_end)
            for _, other in workers:
                os.close(other)
            report, status = _work_share(work, meeting, store, snapshot)
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(report)
            os._exit(status)
        os.close(write_end)
        workers.append((pid, read_end))
    if not frozen:
        gc.unfreeze()
    results: list[Any] = [None] * total
    index = 0
    while index < total and meeting.front_takes(index):
        results[index] = work(index)
        index += 1
    failure = None
    for pid, read_end in workers:
        data = _read_all(read_end)
        _, status = os.waitpid(pid, 0)
        try:
            answer: Any = pickle.loads(data)
        except (EOFError, pickle.UnpicklingError, ValueError, TypeError):
            answer = ("error", f"a worker ended without a report (status {status})")
        if answer[0] == "error":
            failure = failure or answer[1]
            continue
        _, done, records, changes = answer
        for taken, result in done:
            results[taken] = result
        _log_again(records)
        if store is not None and changes is not None:
            store.merge(changes)
    if failure is not None:
        raise RuntimeError(failure)
    return results


def _work_share(work: Callable[[int], Any], meeting: _Meeting, store: Store | None,
                snapshot: Snapshot | None) -> tuple[bytes, int]:
    """In a worker of map_in_parallel: its report, and the status it ends with."""
    try:
        captured = _capture_logs()
        done = []
        while (index := meeting.back_takes()) is not None:
            done.append((index, work(index)))
        changes = store.changes_since(snapshot) if store is not None and snapshot is not None else None
        return pickle.dumps(("done", done, captured.records, changes), protocol=pickle.HIGHEST_PROTOCOL), 0
    except BaseException as error:  # noqa: BLE001  # raised again in the main process
        return pickle.dumps(("error", f"{type(error).__name__}: {error}")), 1


# What the main process takes over from a page converted by a worker (engine_internals.converted_state
# and what the speed machinery kept of it), and what the hooks kept of all of a worker's pages.
PageState = Callable[[Page], Any]
HooksState = Callable[[], Any]


class ConversionWorkers:
    """Pages converted (read, plugin events, Markdown) by worker processes, beside this process.

    MkDocs converts every page before it renders any (the navigation and the links need them
    all), in one process: at N = 5,000 about a fifth of a build, with the second core idle.
    From on_nav, right before MkDocs' loop over the pages, workers convert pages from the end of
    the list while this process converts from the front (``_Meeting``), each through MkDocs' own
    ``_populate_page`` with every plugin event. In on_env this process takes over what each
    worker's conversions left on its pages (``engine_internals.converted_state``), what the
    hooks kept of them (the search records, the feeds' HTML), their warnings and what they put in
    the build cache; then the build goes on as if it had converted them itself."""

    def __init__(self, pages: list[File], meeting: _Meeting, workers: list[tuple[int, int]],
                 real_populate: Callable[..., None]):
        self._pages = pages
        self._index = {file.src_uri: index for index, file in enumerate(pages)}
        self._meeting = meeting
        self._workers = workers
        self._real_populate = real_populate

    @classmethod
    def start(cls, count: int, pages: Sequence[File], config: Any, files: Any, store: Store,
              page_state: PageState, hooks_state: HooksState) -> ConversionWorkers | None:
        """Fork ``count - 1`` workers over ``pages`` (MkDocs' page files, in its order); None when
        there is nothing to share."""
        pages = list(pages)
        if count < 2 or len(pages) < count:
            return None
        meeting = _Meeting(len(pages))
        snapshot = store.snapshot()
        real_populate = engine.populate_page()
        workers: list[tuple[int, int]] = []
        frozen = gc.get_freeze_count() > 0
        gc.freeze()
        for _ in range(1, count):
            read_end, write_end = os.pipe()
            pid = os.fork()
            if pid == 0:
                os.close(read_end)
                for _, other in workers:
                    os.close(other)
                status = 0
                try:
                    captured = _capture_logs()
                    converted = []
                    while (index := meeting.back_takes()) is not None:
                        page = engine.page_for(pages[index], config)
                        real_populate(page, config, files, False)
                        converted.append((index, page_state(page)))
                    report = pickle.dumps(("done", converted, hooks_state(), captured.records,
                                           store.changes_since(snapshot)), protocol=pickle.HIGHEST_PROTOCOL)
                except BaseException as error:  # noqa: BLE001  # reported to the main process, which stops
                    report = pickle.dumps(("error", f"{type(error).__name__}: {error}"))
                    status = 1
                with os.fdopen(write_end, "wb") as pipe:
                    pipe.write(report)
                os._exit(status)
            os.close(write_end)
            workers.append((pid, read_end))
        if not frozen:
            gc.unfreeze()
        found = cls(pages, meeting, workers, real_populate)
        engine.use_populate_page(found.populate_page)  # until finish
        return found

    def populate_page(self, page: Page, *args: Any, **kwargs: Any) -> None:
        """MkDocs' ``_populate_page`` for this build: a page a worker took is skipped here."""
        index = self._index.get(page.file.src_uri)
        if index is None or self._meeting.front_takes(index):
            self._real_populate(page, *args, **kwargs)

    def finish(self, store: Store) -> tuple[list[tuple[Page, Any]], list[Any], str | None]:
        """Wait for every worker: the pages it converted with their state, what the hooks kept in
        each worker, and the error that stops the build, if any."""
        engine.use_populate_page(self._real_populate)
        converted: list[tuple[Page, Any]] = []
        kept: list[Any] = []
        error = None
        for pid, read_end in self._workers:
            data = _read_all(read_end)
            _, status = os.waitpid(pid, 0)
            try:
                report = pickle.loads(data)
            except (EOFError, pickle.UnpicklingError, ValueError, TypeError):
                report = ("error", f"a conversion worker ended without a report (status {status})")
            if report[0] == "error":
                error = error or report[1]
                continue
            _, states, hooks, records, changes = report
            for index, state in states:
                page = self._pages[index].page
                assert page is not None  # MkDocs' loop made every page before on_env
                converted.append((page, state))
            kept.append(hooks)
            _log_again(records)
            store.merge(changes)
        return converted, kept, error
