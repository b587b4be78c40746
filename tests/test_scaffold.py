"""`make new`: a new file for every kind validates as it is and explains every field."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from sto.content.loader import load_content, load_item
from sto.content.placeholders import SCAFFOLD_SUMMARY
from sto.editors.scaffold import KINDS, create, relative_path, render, slugify
from sto.content.vocabulary import load_vocabularies

from .sitebuild import ROOT

IDENTIFIER = "0b6f1c3e-5d2a-4c7b-9e8f-123456789abc"
DAY = date(2024, 6, 15)
SCRIPT = ROOT / "scripts" / "new"


@pytest.fixture(scope="module")
def vocab():
    found, problems = load_vocabularies(ROOT / "content" / "data", ROOT)
    assert problems == []
    return found


@pytest.mark.parametrize(("title", "slug"), [
    ("STO LIVE-webinar: Gorinchem en Altena", "sto-live-webinar-gorinchem-en-altena"),
    ("Één dag in Curaçao — ‘techniek’ & zo!", "een-dag-in-curacao-techniek-zo"),
    ("  Wat is   een Techlab?  ", "wat-is-een-techlab"),
    ("Ærø 2025/2026: ß", "aero-2025-2026-ss"),  # transliterated, not dropped
    ("Sectorplan 2025–2029", "sectorplan-2025-2029"),  # an en dash separates, as a hyphen does
    ("Straße", "strasse"),
    ("Regio's en havo’s", "regios-en-havos"),  # an apostrophe joins
    ("😀 北京", "bei-jing"),  # without any ASCII form (emoji): dropped, never a crash
    ("Een heel lange titel " * 8, "een-heel-lange-titel-een-heel-lange-titel-een-heel-lange-een"),
])
def test_slug_is_lowercase_ascii_with_dashes(title, slug):
    assert slugify(title) == slug
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slugify(title))


@given(st.text(max_size=200))
def test_any_title_gives_a_valid_file_name_or_a_clear_refusal(title):
    slug = slugify(title)
    assert slug == "" or re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug)
    assert len(slug) <= 60 and slugify(slug) == slug


def test_file_names_follow_the_content_folders():
    assert relative_path("nieuws", "Nieuw bericht", DAY) == "content/news/2024-06-15-nieuw-bericht.md"
    assert relative_path("digizine", "D", DAY) == "content/news/2024-06-15-d.md"
    assert relative_path("handreiking", "H", DAY) == "content/news/2024-06-15-h.md"
    assert relative_path("evenement", "STO LIVE", DAY) == "content/agenda/2024-06-15-sto-live.md"
    # FAQ answers are not dated: their address stays the same when the answer is updated.
    assert relative_path("faq", "Mag dit?", DAY) == "content/faq/mag-dit.md"
    with pytest.raises(ValueError):
        relative_path("faq", "?!", DAY)


@pytest.mark.parametrize("kind", list(KINDS))
def test_new_file_of_every_kind_validates_as_it_is(kind, vocab):
    title = 'Een "nieuwe" titel: met # en ë'
    text = render(kind, title, DAY, IDENTIFIER, vocab)
    path = relative_path(kind, title, DAY)
    section = KINDS[kind].section
    item, problems = load_item(section, path, text.encode("utf-8"), vocab)
    assert problems == []
    assert item.id == IDENTIFIER and item.title == title
    assert type(item.data) is KINDS[kind].model
    if section == "news":
        assert item.data.kind == kind and item.data.date == DAY and item.data.summary == SCAFFOLD_SUMMARY
    if kind == "evenement":
        assert item.data.start.date() == DAY and item.data.status == "gepland"
    assert item.data.draft  # shown in the preview only, until the editor sets draft: false
    assert item.body.strip() == KINDS[kind].body


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_field_is_present_with_its_description_as_comment(kind, vocab):
    text = render(kind, "Titel", DAY, IDENTIFIER, vocab)
    lines = text.split("---\n")[1].splitlines()
    model = KINDS[kind].model
    keys = [line.split(":")[0] for line in lines if not line.startswith("#")]
    assert keys == list(model.model_fields)
    for name, field in model.model_fields.items():
        assert field.description, f"{model.__name__}.{name} needs a Dutch description: it is the editors' comment"
        comment = lines[lines.index(next(line for line in lines if line.startswith(f"{name}:"))) - 1]
        assert comment.startswith(f"# {field.description.rstrip('.')}."), name
    # Nested groups (image, recording) are shown commented out, one line per sub-field.
    if kind == "evenement":
        assert "#  url:  # Adres van de opname (YouTube, Vimeo of een bestand op deze site)" in lines
    if kind == "nieuws":
        assert "#  alt:  # Wat er op de afbeelding staat, voor wie haar niet kan zien (verplicht)" in lines
    # The YAML is well formed: every key parses, empty ones are null.
    data = yaml.safe_load(text.split("---\n")[1])
    assert list(data) == list(model.model_fields)


def test_vocabulary_choices_are_listed_in_the_comments(vocab):
    text = render("faq", "Vraag", DAY, IDENTIFIER, vocab)
    assert f"Kies uit: {', '.join(vocab.topics)}." in text
    assert f"topic: {next(iter(vocab.topics))}\n" in text


def test_create_refuses_to_overwrite(tmp_path, vocab):
    first = create(tmp_path, "nieuws", "Bericht", DAY, IDENTIFIER, vocab)
    before = first.read_bytes()
    with pytest.raises(FileExistsError):
        create(tmp_path, "nieuws", "Bericht", DAY, "ffffffff-0000-4000-8000-000000000000", vocab)
    assert first.read_bytes() == before


def run_new(args: list[str], root: Path, stdin: str = "", **env) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if k not in ("KIND", "TITLE", "DATE")}
    environ.update(SOURCE_DATE_EPOCH="1718409600", **env)  # 2024-06-15
    return subprocess.run([sys.executable, str(SCRIPT), "--root", str(root), *args], input=stdin,
                          capture_output=True, text=True, env=environ, timeout=60)


@pytest.fixture
def project(tmp_path):
    (tmp_path / "content").mkdir()
    shutil.copytree(ROOT / "content" / "data", tmp_path / "content" / "data")
    return tmp_path


def test_cli_from_make_variables_then_refuses_the_same_title(project):
    result = run_new([], project, KIND="evenement", TITLE="STO LIVE: Twente", DATE="2024-09-12")
    assert result.returncode == 0, result.stderr
    assert "Aangemaakt: content/agenda/2024-09-12-sto-live-twente.md" in result.stdout
    content = load_content(project / "content", project)
    (event,) = content.events
    assert event.title == "STO LIVE: Twente" and str(event.data.start) == "2024-09-12 15:00:00"
    assert re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", event.id)

    again = run_new([], project, KIND="evenement", TITLE="STO LIVE: Twente", DATE="2024-09-12")
    assert again.returncode == 1
    assert "content/agenda/2024-09-12-sto-live-twente.md bestaat al; er is niets overschreven" in again.stderr


def test_cli_asks_kind_and_title_in_dutch(project):
    result = run_new([], project, stdin="blog\nfaq\n\nMag een school later beginnen?\n")
    assert result.returncode == 0, result.stderr
    assert "'blog' is geen soort." in result.stdout
    assert "Soort: " in result.stdout and "Titel: " in result.stdout
    assert "Aangemaakt: content/faq/mag-een-school-later-beginnen.md" in result.stdout
    (faq,) = load_content(project / "content", project).faq
    assert faq.data.date == DAY  # today, from SOURCE_DATE_EPOCH


def test_cli_asks_the_date_of_an_event(project):
    result = run_new([], project, stdin="19 juni\n2024-06-19\n", KIND="evenement", TITLE="STO LIVE")
    assert result.returncode == 0, result.stderr
    assert "'19 juni' is geen datum; schrijf JJJJ-MM-DD" in result.stdout
    assert "Aangemaakt: content/agenda/2024-06-19-sto-live.md" in result.stdout


def test_cli_without_answers_creates_nothing(project):
    result = run_new([], project, stdin="")
    assert result.returncode != 0
    assert "er is niets aangemaakt" in result.stderr
    assert not any((project / "content").rglob("*.md"))
