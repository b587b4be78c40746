"""The Content-Security-Policy every page carries, as a ``<meta http-equiv>`` (GitHub Pages sets
no headers of our choosing).

Scripts run only from this site's files, plus the inline scripts that Material's templates and
ours contain, each allowed by its SHA-256 hash. Those are found by reading the templates: an
inline script on a page that matches none of them (it cannot come from content, whose HTML is
escaped) gets no hash, is blocked by the browser, and fails the strict build with a warning.
Frames only from the two click-to-load video players (sto.site.media); no plugins; images and
media only from this site.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
from collections.abc import Iterable
from pathlib import Path

from sto.site.media import PLAYER_ORIGINS

# What the site search (Pagefind, sto.site.search_index) needs beyond this site's own scripts:
# it compiles its WebAssembly module (the index reader with the Dutch stemmer) in the browser.
SEARCH_SCRIPT_SOURCES = ("'wasm-unsafe-eval'",)

_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
_EXPRESSION = re.compile(r"\{\{.*?\}\}", re.S)
_CHARSET = '<meta charset="utf-8">'


def policy(script_hashes: Iterable[str]) -> str:
    scripts = " ".join(["'self'", *SEARCH_SCRIPT_SOURCES, *(f"'sha256-{h}'" for h in sorted(set(script_hashes)))])
    return "; ".join([
        "default-src 'self'",
        f"script-src {scripts}",
        "style-src 'self' 'unsafe-inline'",  # Material's markup and scripts set style attributes
        "img-src 'self' data:",  # Material's icons are data: SVGs in its CSS
        "media-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",  # the search index, and Material's sitemap lookup
        "worker-src 'self'",
        f"frame-src {' '.join(PLAYER_ORIGINS)}",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ])


def template_scripts(template_dirs: Iterable[str | Path]) -> list[re.Pattern[str]]:
    """Every inline script in the theme's templates, with each ``{{ ... }}`` as a wildcard
    that cannot leave a JavaScript string (no quote, no angle bracket)."""
    found = set()
    for path in _html_files(template_dirs):
        for match in _INLINE_SCRIPT.finditer(path.read_text(encoding="utf-8")):
            parts = _EXPRESSION.split(match.group(1))
            found.add("[^\"'<>\\\\]*".join(re.escape(part) for part in parts))
    return [re.compile(pattern, re.S) for pattern in sorted(found)]


def _html_files(template_dirs: Iterable[str | Path]) -> list[Path]:
    """Every .html file under the folders, as Path.rglob("*.html") finds them (links to folders
    not followed): with os.walk, because rglob matched each of the ~14,000 names under
    Material's templates (its .icons) against the pattern in Python, 20 ms of every build."""
    return sorted(Path(directory, name) for folder in template_dirs for directory, _, names in os.walk(folder)
                  for name in names if name.endswith(".html"))


class PagePolicy:
    """Adds the policy to each page's HTML; remembers the scripts it could not place."""

    def __init__(self, template_dirs: Iterable[str | Path]):
        self._known = template_scripts(template_dirs)
        self._hashes: dict[str, str | None] = {}  # script text -> hash, or None when unknown
        self.unknown: list[str] = []

    def _hash(self, script: str) -> str | None:
        if script not in self._hashes:
            known = any(pattern.fullmatch(script) for pattern in self._known)
            digest = hashlib.sha256(script.encode()).digest()
            self._hashes[script] = base64.b64encode(digest).decode() if known else None
        return self._hashes[script]

    def apply(self, html: str) -> str:
        hashes = []
        for script in _INLINE_SCRIPT.findall(html):
            if (found := self._hash(script)) is not None:
                hashes.append(found)
            else:
                self.unknown.append(script[:80])
        if _CHARSET not in html:
            return html
        meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(hashes)}">'
        return html.replace(_CHARSET, f"{_CHARSET}\n    {meta}", 1)
