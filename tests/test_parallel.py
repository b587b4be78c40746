"""Pages rendered by worker processes (sto.mkdocs.parallel): the same site as one process, and
whatever a worker does that the build needs (search entries, warnings, cache entries) comes back."""

from __future__ import annotations

import gc
import logging
import os
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.commands import build as mkdocs_build

from sto.cache.store import Store
from sto.mkdocs.incremental import Incremental
from sto.mkdocs.parallel import (JOBS_VARIABLE, ConversionWorkers, PageWorkers, _Meeting, beside, jobs,
                                  map_in_parallel)
from sto.mkdocs.speed import Speed

from .sitebuild import mkdocs_build as build_site
from .sitebuild import assert_same_site

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="workers need os.fork")


def _files(count: int) -> list[SimpleNamespace]:
    files = []
    for n in range(count):
        file = SimpleNamespace(src_uri=f"p{n}.md", page=None)
        file.page = SimpleNamespace(file=file)
        files.append(file)
    return files


def test_workers_render_pages_from_the_end_and_report_back(tmp_path, monkeypatch, caplog):
    store, files = Store({"old": "kept"}), _files(60)
    store.get("old")

    def fake_build_page(page, out: Path, *, excluded: bool) -> None:  # what MkDocs' _build_page does, in short
        target = out / page.file.src_uri
        assert not target.exists(), f"{page.file.src_uri} rendered twice"
        target.write_text(f"{os.getpid()}", encoding="utf-8")
        store.put(f"made:{page.file.src_uri}", page.file.src_uri)
        if page.file.src_uri == "p59.md":  # the workers' first page
            logging.getLogger("mkdocs.hooks.sto").warning("p59 heeft een waarschuwing")

    monkeypatch.setattr(mkdocs_build, "_build_page", fake_build_page)
    workers = PageWorkers.start(3, files, lambda file: ((tmp_path,), {"excluded": False}), store)
    assert workers is not None
    deadline = time.monotonic() + 30
    while not (tmp_path / "p59.md").exists() and time.monotonic() < deadline:  # a worker has begun
        time.sleep(0.01)
    for file in files:  # MkDocs' loop in this process: the pages a worker took are skipped
        mkdocs_build._build_page(file.page, tmp_path, excluded=False)
    with caplog.at_level(logging.WARNING):
        assert workers.finish() is None
    writers = [(tmp_path / file.src_uri).read_text(encoding="utf-8") for file in files]
    assert writers[-1] != str(os.getpid())  # a worker started at the end
    mine = [index for index, writer in enumerate(writers) if writer == str(os.getpid())]
    assert mine == list(range(len(mine)))  # this process rendered from the front, without gaps
    assert [r.getMessage() for r in caplog.records] == ["p59 heeft een waarschuwing"]  # logged again, once
    assert {key: store.get(key) for key in (f"made:p{n}.md" for n in range(60))} == {
        f"made:p{n}.md": f"p{n}.md" for n in range(60)}
    assert store.get("old") == "kept"
    assert mkdocs_build._build_page is fake_build_page  # MkDocs' own function is back


def test_the_front_and_the_back_take_every_page_once():
    meeting = _Meeting(5)
    assert meeting.back_takes() == 4 and meeting.front_takes(0) and meeting.back_takes() == 3
    assert meeting.front_takes(1) and meeting.front_takes(2)
    assert not meeting.front_takes(3) and not meeting.front_takes(4)  # taken from the back
    assert meeting.back_takes() is None  # they have met


@pytest.mark.parametrize("fork", [True, False])
def test_a_job_beside_the_build_gives_its_result_or_its_error(fork):
    assert beside(lambda: b"index" * 100_000, fork=fork).result() == b"index" * 100_000

    def fails() -> bytes:
        raise RuntimeError("Pagefind 1.0 failed: kapot")

    with pytest.raises(RuntimeError, match="^Pagefind 1.0 failed: kapot$"):
        beside(fails, fork=fork).result()


def test_a_worker_that_fails_stops_the_build_with_its_error(tmp_path, monkeypatch):
    def fake_build_page(page, *args, **kwargs) -> None:
        if page.file.src_uri == "p1.md":
            raise ValueError("kapot sjabloon")

    monkeypatch.setattr(mkdocs_build, "_build_page", fake_build_page)
    files = _files(4)
    workers = PageWorkers.start(2, files, lambda file: ((), {}), Store())
    assert workers is not None
    assert workers.finish() == "ValueError: kapot sjabloon"


def test_the_number_of_workers():
    assert jobs({JOBS_VARIABLE: "1"}) == 1 and jobs({JOBS_VARIABLE: "3"}) == 3
    assert 1 <= jobs({}) <= 4 and jobs({JOBS_VARIABLE: "veel"}) == jobs({})
    assert jobs({}, to_render=10, pages=1000) == 1 and jobs({}, to_render=500, pages=1000) == jobs({})
    assert jobs({JOBS_VARIABLE: "2"}, to_render=10, pages=1000) == 2


@pytest.mark.site
def test_the_site_is_byte_identical_with_one_process(corpus_site, tmp_path):
    """The shared build (workers, on any machine with more than one core) against one process,
    and against two workers forced."""
    for jobs_asked in ("1", "2"):
        build_site(corpus_site.project, tmp_path / jobs_asked, env={JOBS_VARIABLE: jobs_asked})
        assert_same_site(corpus_site.site, tmp_path / jobs_asked, pages_at_least=51, what=f"STO_JOBS={jobs_asked}: ")


@pytest.fixture
def unfrozen():
    gc.unfreeze()
    yield
    gc.unfreeze()


@pytest.mark.parametrize(("command", "plain", "frozen"), [("build", False, True), ("serve", False, False),
                                                         ("build", True, False)])
def test_a_build_keeps_what_it_loaded_out_of_the_collectors_scans(unfrozen, command, plain, frozen):
    Speed(Incremental.disabled(), None, plain=plain, command=command, environ={}).keep_to_the_end()
    assert (gc.get_freeze_count() > 0) is frozen


def test_workers_leave_the_builds_frozen_objects_frozen(tmp_path, monkeypatch, unfrozen):
    monkeypatch.setattr(mkdocs_build, "_build_page", lambda page, out, *, excluded: None)
    gc.freeze()
    workers = PageWorkers.start(2, _files(4), lambda file: ((tmp_path,), {"excluded": False}), Store())
    assert workers is not None
    assert gc.get_freeze_count() > 0
    workers.finish()


def test_conversion_workers_convert_pages_from_the_end_and_hand_them_over(tmp_path, monkeypatch, caplog):
    files = _files(40)
    store = Store({"kept": "old"})

    def fake_populate(page, config, all_files, dirty) -> None:  # what MkDocs' _populate_page leaves behind, in short
        assert not getattr(page, "content", None), f"{page.file.src_uri} converted twice"
        page.content = f"<p>{page.file.src_uri} in {os.getpid()}</p>"
        assert store.get("kept") == "old"
        store.put(f"conversion:{page.file.src_uri}", page.content)
        if page.file.src_uri == "p39.md":  # the workers' first page
            logging.getLogger("mkdocs.hooks.sto").warning("p39 heeft een waarschuwing")
            (tmp_path / "begun").touch()

    monkeypatch.setattr(mkdocs_build, "_populate_page", fake_populate)
    converting = ConversionWorkers.start(2, files, None, None, store, lambda page: page.content,
                                         lambda: "wat de hooks bewaarden")
    assert converting is not None
    deadline = time.monotonic() + 30
    while not (tmp_path / "begun").exists() and time.monotonic() < deadline:  # a worker has begun
        time.sleep(0.01)
    for file in files:  # MkDocs' loop in this process: a page a worker took is skipped
        mkdocs_build._populate_page(file.page, None, None, False)
    with caplog.at_level(logging.WARNING):
        converted, kept, failed = converting.finish()
    assert failed is None and kept == ["wat de hooks bewaarden"]
    assert mkdocs_build._populate_page is fake_populate  # MkDocs' own function is back
    assert [r.getMessage() for r in caplog.records] == ["p39 heeft een waarschuwing"]  # logged again, once
    by_worker = {page.file.src_uri: state for page, state in converted}
    assert "p39.md" in by_worker and str(os.getpid()) not in by_worker["p39.md"]
    for page, state in converted:
        page.content = state  # what on_env does with a worker's state
    assert all(f"<p>{file.src_uri} in " in file.page.content for file in files)  # every page converted once
    assert {store.get(f"conversion:{file.src_uri}") for file in files} == {file.page.content for file in files}
    assert store.hits >= 40  # the workers' reuse counts in this process's summary too


def test_a_forked_job_that_uses_the_build_cache_hands_over_what_it_made_there():
    store = Store({"old": "kept"})

    def job() -> bytes:
        assert store.get("old") == "kept"
        store.put("made", "in the job")
        return b"result"

    assert beside(job, fork=True, store=store).result() == b"result"
    assert store.get("made") == "in the job" and store.hits == 2  # the job's reuse counted here too


def test_work_mapped_over_processes_comes_back_in_order_with_the_caches_changes():
    store, main = Store(), os.getpid()

    def square(index: int) -> tuple[int, int]:
        if os.getpid() == main:
            time.sleep(0.002)  # the worker gets going meanwhile
        store.put(f"made:{index}", index * index)
        return index * index, os.getpid()

    results = map_in_parallel(square, 300, 2, store)
    assert [value for value, _ in results] == [n * n for n in range(300)]
    assert results[-1][1] != os.getpid()  # a worker took the last one
    assert all(store.get(f"made:{n}") == n * n for n in range(300))


def test_a_failure_in_mapped_work_stops_with_its_error():
    main = os.getpid()

    def fails_at_the_end(index: int) -> int:
        if os.getpid() == main:
            time.sleep(0.01)  # the worker takes the last one first
        if index == 99:
            raise ValueError("kapot bestand")
        return index

    with pytest.raises(RuntimeError, match="ValueError: kapot bestand"):
        map_in_parallel(fails_at_the_end, 100, 2)
