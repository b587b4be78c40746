"""The Content-Security-Policy every page carries, as a ``<meta http-equiv>`` (GitHub Pages sets
no headers of our choosing).

Scripts run only from the site's own script files, each named by its exact address and by the
SHA-256 of its bytes (``script-src`` has no ``'self'``, which would let any file on the site run
as a script), plus the inline scripts that Material's templates and ours contain, each allowed
by its hash. The script files are one registry (``SCRIPT_FILES``, with mkdocs.yml's
extra_javascript and Material's bundle added by ``site_scripts``); every ``<script src>`` on a page
gets the ``integrity`` attribute of its file, so a browser checks the hash wherever the site is
served from (a test server too); a ``<script src>`` of any other file, like an inline script
that matches no template, fails the strict build with a warning. Inline scripts are found by
reading the templates: one that matches none of them (it cannot come from content, whose HTML is
escaped) gets no hash and is blocked by the browser. Frames only from the two click-to-load
video players (sto.site.media); no plugins; images and media only from this site.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sto.site.media import PLAYER_ORIGINS

# The registry of script files, by their path from the site's root: the only script files the
# policy lets run. mkdocs.yml's extra_javascript and Material's bundle are added by site_scripts;
# a template that includes another script file adds its path here. The site search's files are
# loaded by our scripts at the first search (sto.js adds sto-search.js, which imports Pagefind's
# pagefind.js, written into the site after the build: no hash, its address only).
SCRIPT_FILES: tuple[str, ...] = (
    "assets/sto/copy-url.js",  # overrides/sto/agenda-volgen.html
    "assets/sto-search.js", "pagefind/pagefind.js",  # the site search (sto.mkdocs.site_search)
)
# Further script-src keywords. 'strict-dynamic': a script the policy trusts (by its hash) may load
# another without markup (sto.js the search dialog, the dialog Pagefind), wherever the site is
# served; a <script> in a page's markup still needs a hash, so content can add none (CSP3, the
# browsers we support; an older browser ignores it and uses the addresses). 'wasm-unsafe-eval':
# Pagefind compiles its WebAssembly index reader (with the Dutch stemmer) in the browser.
SCRIPT_KEYWORDS: tuple[str, ...] = ("'strict-dynamic'", "'wasm-unsafe-eval'")
_MATERIAL_BUNDLE = re.compile(r"bundle\.[0-9a-f]+\.min\.js")
# Templates of the theme no page renders (sto.content.docs_pages allows a page only our own), so
# their inline scripts get no hash even if one appeared on a page.
NEVER_RENDERED = frozenset({"redirect.html"})
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
_SCRIPT_FILE = re.compile(r'<script\b[^>]*?\bsrc="([^"]*)"[^>]*>')
_EXPRESSION = re.compile(r"\{\{.*?\}\}", re.S)
_CHARSET = '<meta charset="utf-8">'


@dataclass(frozen=True)
class SiteScripts:
    """The site's script files: each path from the site's root with the SHA-256 (base64) of its
    bytes, and the site's address (empty: none known, the hashes alone allow them)."""

    files: dict[str, str | None] = field(default_factory=dict)  # None: written after the build, no hash
    site_url: str = ""

    def sources(self) -> list[str]:
        """script-src's sources for the files: each by its exact address and by its hash."""
        base = self.site_url.rstrip("/") + "/" if self.site_url else ""
        exact = [base + path for path in sorted(self.files)] if base else []
        hashes = sorted({h for h in self.files.values() if h is not None})
        return [*exact, *(f"'sha256-{h}'" for h in hashes), *SCRIPT_KEYWORDS]


def site_scripts(site_url: str, docs_dir: str | Path, theme_dirs: Iterable[str | Path],
                 extra_javascript: Iterable[str]) -> SiteScripts:
    """The registry's files, mkdocs.yml's extra_javascript and Material's bundle, each hashed
    from the file the build copies (docs/ first, then the theme's folders, as MkDocs has it)."""
    folders = [Path(docs_dir), *(Path(d) for d in theme_dirs)]
    paths = [*SCRIPT_FILES, *extra_javascript]
    for folder in folders[1:]:
        scripts = folder / "assets" / "javascripts"
        if scripts.is_dir():
            paths += [f"assets/javascripts/{p.name}" for p in sorted(scripts.iterdir())
                      if _MATERIAL_BUNDLE.fullmatch(p.name)]
    files: dict[str, str | None] = {}
    for path in paths:
        source = next((folder / path for folder in folders if (folder / path).is_file()), None)
        # A script a tool writes into the site after the build (none yet) has no bytes to hash
        # here: it is allowed by its address only, so only where the site is served from site_url.
        files[path] = None if source is None else _sha256(source.read_bytes())
    return SiteScripts(files, site_url)


def _sha256(data: bytes) -> str:
    return base64.b64encode(hashlib.sha256(data).digest()).decode()


def policy(script_hashes: Iterable[str], scripts: SiteScripts | None = None) -> str:
    files = scripts.sources() if scripts is not None else []
    scripts_allowed = " ".join([*files, *(f"'sha256-{h}'" for h in sorted(set(script_hashes)))]) or "'none'"
    return "; ".join([
        "default-src 'self'",
        f"script-src {scripts_allowed}",
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


def header_policy() -> str:
    """The part of every page's policy that is the same on every page, with ``frame-ancestors``
    (which a ``<meta>`` policy cannot hold), for hosts that send headers (sto.mkdocs.hosting).
    Without default-src and script-src: the page's own ``<meta>`` policy holds those, with the
    hashes of its inline scripts, and a browser enforces both policies."""
    kept = [d for d in policy([]).split("; ") if not d.startswith(("default-src ", "script-src "))]
    return "; ".join([*kept, "frame-ancestors 'self'"])


def template_scripts(template_dirs: Iterable[str | Path]) -> list[re.Pattern[str]]:
    """Every inline script in the theme's templates, with each ``{{ ... }}`` as a wildcard
    that cannot leave a JavaScript string (no quote, no angle bracket). Not the templates no
    page may use (``NEVER_RENDERED``): Material's redirect page's script sends visitors anywhere."""
    found = set()
    for path in _html_files(template_dirs):
        if path.name in NEVER_RENDERED:
            continue
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

    def __init__(self, template_dirs: Iterable[str | Path], scripts: SiteScripts | None = None):
        self._known = template_scripts(template_dirs)
        self.scripts = scripts or SiteScripts()
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
        html = _SCRIPT_FILE.sub(self._with_integrity, html)
        meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(hashes, self.scripts)}">'
        return html.replace(_CHARSET, f"{_CHARSET}\n    {meta}", 1)

    def _with_integrity(self, tag: re.Match[str]) -> str:
        """A ``<script src>`` of a file in the registry gets its hash as ``integrity``; another is reported."""
        path = _site_path(tag.group(1))
        if path not in self.scripts.files:
            self.unknown.append(tag.group(0)[:80])
            return tag.group(0)
        found = self.scripts.files[path]
        if found is None or "integrity=" in tag.group(0):
            return tag.group(0)
        return f'{tag.group(0)[:-1]} integrity="sha256-{found}">'


def _site_path(src: str) -> str:
    """A script's path from the site's root, as pages link it (relative to the page, or from /)."""
    path = src.split("?", 1)[0].split("#", 1)[0]
    while path.startswith(("../", "./")):
        path = path.removeprefix("../").removeprefix("./")
    return path.lstrip("/")
