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
