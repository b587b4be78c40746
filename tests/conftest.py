"""Shared fixtures: a throwaway content tree that tests fill file by file."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

VOCABULARIES = {
    "categorieen.yml": "subsidie: Subsidie\ntechniekonderwijs: Techniekonderwijs\n",
    "onderwerpen.yml": "subsidie-en-begroting: Subsidie en begroting\n",
    "regios.yml": "caribisch-nederland: Caribisch Nederland\ngorinchem-en-altena: Gorinchem en Altena\n",
}


class ContentTree:
    """A project root with content/ and its data files; ``write`` adds one content file."""

    def __init__(self, root: Path):
        self.root = root
        self.content = root / "content"
        (self.content / "data").mkdir(parents=True)
        for name, text in VOCABULARIES.items():
            (self.content / "data" / name).write_text(text, encoding="utf-8")

    def write(self, relpath: str, text: str | bytes) -> Path:
        path = self.content / relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path


@pytest.fixture
def tree(tmp_path) -> ContentTree:
    return ContentTree(tmp_path)


NEWS = """
---
id: 11111111-aaaa-4bbb-8ccc-000000000001
title: Een nieuwsbericht
date: 2024-06-03
summary: Kort verhaal.
categories: [subsidie]
---

De tekst.
"""

FAQ = """
---
id: 22222222-aaaa-4bbb-8ccc-000000000002
title: Is dit een vraag?
topic: subsidie-en-begroting
date: 2024-06-01
---

Ja.
"""

EVENT = """
---
id: 33333333-aaaa-4bbb-8ccc-000000000003
title: Een webinar
kind: webinar
start: 2024-06-19 15:00
end: 2024-06-19 16:00
online: true
---
"""


# Whole sites, each built once per test run: the frozen corpus (exact facts) and the real
# content (invariants only). See sitecheck.py and sitebuild.py.
from .sitecheck import content_site, corpus_site  # noqa: E402,F401
