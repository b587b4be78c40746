"""Nothing unfinished is published: a non-draft item or a hand-written page that still holds what
`make new` wrote, or a "[IN TE VULLEN: …]" field, is refused with its file and line."""

from __future__ import annotations

from datetime import date

import pytest

from sto.site.build import Build
from sto.content.loader import load_item
from sto.content.docs_pages import read_docs
from sto.content.placeholders import PLACEHOLDERS, SCAFFOLD_BODIES, TO_BE_SUPPLIED, placeholder_problems
from sto.content.vocabulary import load_vocabularies
from sto.editors.scaffold import KINDS, relative_path, render
from sto.problems import ContentInvalid

from .factories import NEWS
from .sitebuild import ROOT, SITE_NAME

DAY = date(2024, 6, 15)
IDENTIFIER = "0b6f1c3e-5d2a-4c7b-9e8f-123456789abc"


@pytest.fixture(scope="module")
def vocab():
    return load_vocabularies(ROOT / "content" / "data", ROOT)[0]


def test_every_scaffold_body_is_a_placeholder():
    assert {kind.body for kind in KINDS.values()} == set(SCAFFOLD_BODIES.values())
    assert set(SCAFFOLD_BODIES) == set(KINDS)


@pytest.mark.parametrize("kind", list(KINDS))
def test_an_unedited_new_file_is_a_draft_and_cannot_be_published_as_it_is(kind, vocab):
    text = render(kind, "Een titel", DAY, IDENTIFIER, vocab)
    path = relative_path(kind, "Een titel", DAY)
    section = KINDS[kind].section
    assert load_item(section, path, text.encode(), vocab)[1] == []  # a draft builds as it is
    published = text.replace("\ndraft: true\n", "\ndraft: false\n")
    assert published != text
    item, problems = load_item(section, path, published.encode(), vocab)
    lines = published.splitlines()
    expected = [n for n, line in enumerate(lines, 1) if any(p in line for p in PLACEHOLDERS)]
    assert item is None and [p.line for p in problems] == expected
    assert len(expected) == (2 if section == "news" else 1)  # the summary and the body, or the body
    assert all(p.path == path and "vervang die door uw eigen tekst" in p.message and "draft: true" in p.message
               for p in problems)


def test_the_placeholder_marker_is_refused_on_its_line_but_not_in_a_front_matter_comment():
    text = ("---\ntitle: Privacy\n# [IN TE VULLEN: mag in een opmerking]\n---\n\n# Privacy\n\n"
            "Tekst.\n\n- E-mail: **[IN TE VULLEN: e-mailadres]**\n")
    problems = placeholder_problems("docs/privacy.md", text)
    assert [str(p) for p in problems] == [
        f"docs/privacy.md:10: bevat nog '{TO_BE_SUPPLIED}' (een gegeven dat nog moet worden aangeleverd): "
        "vul het in of haal het weg; 'make todo' noemt wat nog ontbreekt"]


def test_a_hand_written_page_with_a_field_to_fill_in_stops_the_build_with_the_content_problems(tree):
    tree.write("news/bericht.md", NEWS.replace("De tekst.", SCAFFOLD_BODIES["nieuws"]))
    docs = tree.root / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# Welkom\n", encoding="utf-8")
    (docs / "contact.md").write_text("# Contact\n\nTelefoon: [IN TE VULLEN: nummer]\n", encoding="utf-8")
    with pytest.raises(ContentInvalid) as raised:
        Build.load(tree.root, "https://www.example.nl/", SITE_NAME, pages_dir=docs)
    assert [(p.path, p.line) for p in raised.value.problems] == [("content/news/bericht.md", 9),
                                                                ("docs/contact.md", 3)]


def test_the_published_pages_hold_no_placeholder():
    assert read_docs(ROOT / "docs", ROOT).problems == []


def test_a_symlinked_hand_written_page_is_refused_not_followed(tree, tmp_path_factory):
    """A link in docs/ to a file outside the project (the build's environment, say) is a Dutch
    problem; the placeholder check neither follows it nor crashes on it."""
    secret = tmp_path_factory.mktemp("outside") / "elders.md"  # outside the project
    secret.write_text("GEHEIM=1\n", encoding="utf-8")
    tree.write("news/bericht.md", NEWS)
    docs = tree.root / "docs"
    docs.mkdir()
    (docs / "geheim.md").symlink_to(secret)
    with pytest.raises(ContentInvalid) as raised:
        Build.load(tree.root, "https://www.example.nl/", SITE_NAME, pages_dir=docs)
    assert [p.path for p in raised.value.problems] == ["docs/geheim.md"]
    assert "GEHEIM" not in raised.value.report()
