"""The editor guide lists exactly the messages the validator produces, word for word."""

from __future__ import annotations

import re

from .guide_messages import validator_messages
from .sitebuild import ROOT


def guide_messages() -> set[str]:
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = text.split("\n## Foutmeldingen\n", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\| `([^`]+)` \|", section, flags=re.M))


def test_every_message_in_the_guide_is_one_the_validator_produces():
    assert guide_messages() - validator_messages() == set()


def test_every_message_the_validator_produces_is_explained_in_the_guide():
    missing = validator_messages() - guide_messages()
    assert missing == set(), "add these to the table in CONTRIBUTING.md, section Foutmeldingen"


def test_guide_names_the_make_targets_that_exist():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for target in set(re.findall(r"`make (\w+)", guide)):
        assert re.search(rf"^{target}:", makefile, flags=re.M), target


def test_the_guide_speaks_to_the_editor_as_u():
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    informal = re.findall(r"\b(?:je|jij|jou|jouw|jezelf)\b", re.sub(r"`[^`]*`", "", guide), flags=re.I)
    assert informal == []


def test_the_guide_walks_through_a_pull_request_with_a_screenshot_of_the_problem_page():
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    walk = guide.split("\n## Van `make new` tot een groene pull request\n", 1)[1].split("\n## ", 1)[0]
    for step in ("make new KIND=evenement", "draft: true", "make serve", "draft: false", "make build", "pull request"):
        assert step in walk, step
    images = re.findall(r"!\[[^\]]+\]\(([^)]+\.png)\)", walk)
    assert images and all((ROOT / image).is_file() and not image.startswith("docs/") for image in images)
    for documented in ("make serve DATUM=2024-06-15", "make build DATUM="):
        assert documented in guide and documented in (ROOT / "README.md").read_text(encoding="utf-8"), documented


def test_the_guide_starts_with_the_web_editor_and_every_picture_in_it_exists():
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    sections = re.findall(r"^## (.+)$", guide, flags=re.M)
    assert sections[:5] == ["In het kort", "Met de webeditor", "Een kleine correctie op GitHub",
                            "Wat de controle op uw pull request laat zien", "Op uw eigen computer"]
    editor = guide.split("\n## Met de webeditor\n", 1)[1].split("\n## ", 1)[0]
    assert len(re.findall(r"!\[[^\]]+\]\(docs-dev/screenshots/beheer/[^)]+\.png\)", editor)) >= 8
    images = re.findall(r"!\[[^\]]+\]\((docs-dev/[^)]+)\)", guide)  # the guide's own pictures, not examples
    assert images and [image for image in images if not (ROOT / image).is_file()] == []
