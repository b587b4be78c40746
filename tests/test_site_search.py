"""The search index's files: Pagefind run on search records (sto.site.search_index), the same
bytes for the same records, and the preview's index made in the background after a rebuild,
with only changed files written and the old ones removed (sto.mkdocs.site_search)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from sto.mkdocs.site_search import PreviewIndex
from sto.site.search import SearchRecord, document, is_searched
from sto.site import search_index
from sto.site.search_index import files_for, run_pagefind

RECORDS = [
    SearchRecord("nieuws/a/", "Begroting voor twee jaar", "<p>De regio dient een begroting in.</p>", "Nieuws",
                 "3 juni 2024"),
    SearchRecord("veelgestelde-vragen/b/", "Mag een keuzevak?", "<p>Ja, elk keuzevak mag.</p>", "Veelgestelde vraag",
                 "5 juni 2024"),
]


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_the_same_records_give_the_same_bytes_in_any_order_and_no_ready_made_interface():
    first = run_pagefind(RECORDS)
    assert first == run_pagefind(RECORDS) == run_pagefind(list(reversed(RECORDS)))
    assert "pagefind.js" in first and "pagefind-entry.json" in first and "wasm.nl.pagefind" in first
    assert not [name for name in first if name.startswith(("pagefind-ui", "pagefind-modular-ui",
                                                           "pagefind-component-ui", "pagefind-highlight"))]


def test_a_pagefind_that_stops_fails_the_index_with_its_message(monkeypatch, tmp_path):
    stops = tmp_path / "pagefind"
    stops.write_text("#!/bin/sh\necho 'kapot' >&2\nexit 3\n")
    stops.chmod(0o755)
    monkeypatch.setattr(search_index, "executable", lambda: stops)
    with pytest.raises(RuntimeError, match=r"Pagefind .* failed: .*kapot"):
        run_pagefind(RECORDS)


_FAKE_SERVICE = """#!{python}
import base64, json, sys
read = b""
while True:
    more = sys.stdin.buffer.read1(1 << 16)
    if not more:
        sys.exit(0)
    read += more
    while b"," in read:
        message, read = read.split(b",", 1)
        asked = json.loads(base64.b64decode(message))
        number = asked["message_id"]
        payload = {answer}
        sys.stdout.buffer.write(base64.b64encode(json.dumps({{"message_id": {number}, "payload": payload}}).encode()) + b",")
        sys.stdout.flush()
"""


@pytest.mark.parametrize(("answer", "number", "message"), [
    ('{"type": "Error", "message": "Failed to add file"} if number == 2 else {"type": "IndexedFile", "index_id": 0}',
     "number", "Failed to add file"),
    ('{"type": "NewIndex", "index_id": 0}', "number + 1", "an answer to another question"),
    ('{"type": "NewIndex", "index_id": 7}', "number", "an index numbered 7"),
])
def test_every_answer_is_checked_though_the_questions_are_sent_at_once(monkeypatch, tmp_path, answer, number, message):
    fake = tmp_path / "pagefind"
    fake.write_text(_FAKE_SERVICE.format(python=sys.executable, answer=answer, number=number))
    fake.chmod(0o755)
    monkeypatch.setattr(search_index, "executable", lambda: fake)
    with pytest.raises(RuntimeError, match=rf"Pagefind .* failed: {message}"):
        run_pagefind(RECORDS * 500)  # more than a pipe holds: the sending must not wait for the reading


def test_files_are_reused_while_the_records_are_the_same():
    made: dict[str, bytes] = {}

    def reuse(key, make):
        if key not in made:
            made[key] = make()
        return made[key]

    assert files_for(RECORDS, reuse) == files_for(RECORDS, reuse) and len(made) == 1
    files_for(RECORDS[:1], reuse)
    assert len(made) == 2


def test_a_document_carries_kind_date_and_the_dutch_language_and_escapes_the_title():
    html = document(SearchRecord("x/", 'A <b> & "c"', "<p>t</p>", "Nieuws", "3 juni 2024"))
    assert '<html lang="nl">' in html and "<h1>A &lt;b&gt; &amp; \"c\"</h1>" in html
    assert 'data-pagefind-meta="soort:Nieuws"' in html and 'data-pagefind-meta="datum:3 juni 2024"' in html
    assert is_searched({}) and is_searched({"search": {}}) and not is_searched({"search": {"exclude": True}})


def test_the_preview_index_is_made_in_the_background_and_old_files_go(tmp_path):
    index = PreviewIndex(str(tmp_path))
    index.update(RECORDS)
    assert index.idle.wait(60)
    before = _tree(tmp_path / "pagefind")
    assert before == run_pagefind(RECORDS)
    changed = [RECORDS[0], SearchRecord("veelgestelde-vragen/b/", "Mag een keuzevak?", "<p>Nee.</p>",
                                        "Veelgestelde vraag", "5 juni 2024")]
    index.update(changed)
    assert index.idle.wait(60)
    after = _tree(tmp_path / "pagefind")
    assert after == run_pagefind(changed) and after != before  # the old fragment is gone
    index.update(changed)  # nothing changed: nothing to do
    assert index.idle.is_set()
    index.forget()  # the folder was emptied (the problem page)
    index.update(changed)
    assert index.idle.wait(60)


def test_a_rebuild_does_not_wait_for_the_index_files_being_written_nor_trusts_a_write_across_an_emptying(
        tmp_path, monkeypatch):
    import threading

    index = PreviewIndex(str(tmp_path))
    writing, go_on = threading.Event(), threading.Event()
    write = PreviewIndex._write

    def slow_write(self, files, written):
        writing.set()
        assert go_on.wait(60)
        write(self, files, written)

    monkeypatch.setattr(PreviewIndex, "_write", slow_write)
    index.update(RECORDS)
    assert writing.wait(60)
    asked = threading.Thread(target=index.forget)  # as a rebuild into an emptied folder does, then update()
    asked.start()
    asked.join(5)
    assert not asked.is_alive()  # it did not wait for the writing
    go_on.set()
    assert index.idle.wait(60)
    index.update(RECORDS)  # the write began before the folder was emptied: made and written again
    assert not index.idle.is_set()
    assert index.idle.wait(60)
    assert _tree(tmp_path / "pagefind") == run_pagefind(RECORDS)
