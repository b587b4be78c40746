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



# Whole sites, each built once per test run: the frozen corpus (exact facts) and the real
# content (invariants only). See sitecheck.py and sitebuild.py.
from .sitecheck import content_site, corpus_site  # noqa: E402,F401
