"""The committed record of published guids and UIDs (tests/published-ids.json) guards the public contract."""

from __future__ import annotations

import json
import warnings
import subprocess
import sys

import pytest
import yaml

from sto.content.loader import load_content
from sto.syndication.published_ids import RECORD_PATH, check, record, snapshot

from .sitebuild import ROOT, corpus_project
from .factories import event, news
from .syndication_helpers import SITE_URL, make_build


@pytest.mark.content
def test_the_content_keeps_every_published_guid_and_uid_and_raises_sequence_on_changes():
    site_url = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]
    recorded = json.loads((ROOT / RECORD_PATH).read_text(encoding="utf-8"))
    broken, unrecorded = check(recorded, snapshot(load_content(ROOT / "content", ROOT), site_url))
    assert broken == [], "\n".join(broken)
    # New items are fine in an editor's pull request (editors run no commands); a maintainer
    # records them after merging ('make published-ids'), so later changes to them are guarded too.
    for note in unrecorded:
        warnings.warn(note, stacklevel=1)


def _snapshot(tree, files):
    return snapshot(make_build(tree, files).content, SITE_URL)


def _state(tree, name, files):
    return _snapshot(type(tree)(tree.root / name), files)


BASE = {"news/a.md": news(1), "agenda/e.md": event(2, "2024-07-01 10:00", extra="location: Utrecht\n")}


def test_a_changed_id_is_reported_and_not_recorded(tree):
    before = _state(tree, "1", BASE)
    after = _state(tree, "2", {**BASE, "news/a.md": news(9)})
    broken, unrecorded = check(before, after)
    assert len(broken) == 1 and "content/news/a.md: id 00000000-aaaa-4bbb-8ccc-000000000001 is gepubliceerd" in broken[0]
    assert "nieuw en nog niet vastgelegd" in unrecorded[0]
    assert record(before, after) == (None, broken)


def test_a_changed_host_changes_every_id_and_is_reported(tree):
    before = _state(tree, "1", BASE)
    after = snapshot(make_build(type(tree)(tree.root / "2"), BASE).content, "https://sto.example.nl/")
    broken, _ = check(before, after)
    assert len(broken) == 2 and all("is site_url in mkdocs.yml gewijzigd?" in b for b in broken)


def test_time_place_or_status_changed_without_sequence_is_reported_with_the_fix(tree):
    before = _state(tree, "1", BASE)
    moved = _state(tree, "2", {**BASE, "agenda/e.md": event(2, "2024-07-01 11:00", extra="location: Utrecht\n")})
    (message,) = check(before, moved)[0]
    assert message == ("content/agenda/e.md: begin gewijzigd (begin: 2024-07-01T10:00:00+02:00 → "
                       "2024-07-01T11:00:00+02:00) zonder 'sequence' te verhogen; agenda-apps nemen de wijziging "
                       "dan niet over. Zet 'sequence: 1'.")
    elsewhere = _state(tree, "3", {**BASE, "agenda/e.md": event(2, "2024-07-01 10:00", extra="location: Gouda\n")})
    assert "plaats gewijzigd" in check(before, elsewhere)[0][0]
    announced = _state(tree, "4", {**BASE, "agenda/e.md": event(2, "2024-07-01 11:00",
                                                                extra="location: Utrecht\nsequence: 1\n")})
    broken, unrecorded = check(before, announced)
    assert broken == [] and "goed gemeld met sequence" in unrecorded[0]
    assert record(before, announced) == (announced, [])


def test_cancelling_raises_the_sequence_by_itself_and_uncancelling_needs_two(tree):
    before = _state(tree, "1", BASE)
    cancelled = _state(tree, "2", {**BASE, "agenda/e.md": event(2, "2024-07-01 10:00",
                                                                extra="location: Utrecht\nstatus: geannuleerd\n")})
    assert check(before, cancelled)[0] == []
    back = _state(tree, "3", BASE)
    assert "Zet 'sequence: 2'" in check(cancelled, back)[0][0]


def test_the_record_script_records_new_items_and_refuses_a_broken_contract(tmp_path):
    project = corpus_project(tmp_path / "project")
    (project / "scripts").mkdir()
    (project / "scripts/record-published-ids").write_bytes((ROOT / "scripts/record-published-ids").read_bytes())
    (project / "tests").mkdir()
    first = subprocess.run([sys.executable, "scripts/record-published-ids"], cwd=project, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    assert "19 berichten en 16 evenementen vastgelegd" in first.stdout  # every non-draft item, scheduled ones too
    recorded = (project / RECORD_PATH).read_bytes()
    seed = project / "content/agenda/2024-06-19-sto-live-gorinchem-en-altena.md"
    seed.write_text(seed.read_text(encoding="utf-8").replace("2024-06-19 15:00", "2024-06-19 16:00"), encoding="utf-8")
    result = subprocess.run([sys.executable, "scripts/record-published-ids"], cwd=project, capture_output=True, text=True)
    assert result.returncode == 1
    assert "content/agenda/2024-06-19-sto-live-gorinchem-en-altena.md: begin gewijzigd" in result.stderr
    assert "zonder 'sequence' te verhogen" in result.stderr
    assert (project / RECORD_PATH).read_bytes() == recorded
