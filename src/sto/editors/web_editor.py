"""The web editor's files in the built site, under /beheer/: its page, its generated configuration,
Decap CMS's bundle (vendored from npm, so a build needs no Node.js) and our script.

The page has a Content-Security-Policy of its own: what Decap needs (its bundle compiles the
configuration's schema with ``new Function``, its styles are inline, uploads are previewed as
``blob:``; GitHub's API to save), none of which the public pages allow; they never get this one
(the site's policy, sto.mkdocs.csp, is added to rendered pages only, and this page is a file).
It is ``noindex`` and, being a file rather than a page, outside search, the sitemap and feeds.
"""

from __future__ import annotations

import html
from pathlib import Path
from urllib.parse import urlsplit

from sto.content.vocabulary import Vocabularies
from sto.editors.cms_config import EDITOR_DIR, EditorSettings, as_yaml, cms_config, editor_rules, rules_json

DECAP_DIR = Path(__file__).parent / "decap"
BUNDLE = DECAP_DIR / "decap-cms.js"  # decap-cms's dist/decap-cms.js, exactly as npm has it (scripts/vendor-decap)
GITHUB_API = "https://api.github.com"
GITHUB_IMAGES = ("https://avatars.githubusercontent.com", "https://raw.githubusercontent.com")
_RULES_PLACEHOLDER = "/*STO_RULES*/ {}"


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def policy(settings: EditorSettings) -> str:
    backends = [_origin(settings.local_backend), _origin(settings.base_url)]
    connect = ["'self'", "blob:", GITHUB_API, *filter(None, backends)]
    return "; ".join([
        "default-src 'self'",
        "script-src 'self' 'unsafe-eval'",  # Decap validates its configuration with ajv, which compiles code
        "style-src 'self' 'unsafe-inline'",  # Decap's styles are inserted at run time (emotion)
        f"img-src 'self' data: blob: {' '.join(GITHUB_IMAGES)}",
        "media-src 'self' blob:",
        "font-src 'self' data:",
        f"connect-src {' '.join(dict.fromkeys(connect))}",
        "frame-src 'self' blob:",
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ])


def page(settings: EditorSettings, site_name: str) -> str:
    template = (DECAP_DIR / "index.html").read_text(encoding="utf-8")
    attribute = html.escape(policy(settings), quote=False).replace('"', "&quot;")  # its quotes stay readable
    return template.replace("{policy}", attribute).replace("{site_name}", html.escape(site_name))


def script(vocabularies: Vocabularies, settings: EditorSettings) -> str:
    source = (DECAP_DIR / "sto-cms.js").read_text(encoding="utf-8")
    if _RULES_PLACEHOLDER not in source:
        raise RuntimeError("sto-cms.js has lost its rules placeholder")
    # JSON inside a script file (not HTML): "</" cannot end it; U+2028/9 are escaped by ensure_ascii.
    return source.replace(_RULES_PLACEHOLDER, rules_json(editor_rules(vocabularies, settings)), 1)


def editor_files(vocabularies: Vocabularies, settings: EditorSettings, site_name: str,
                 site_url: str) -> dict[str, str | Path]:
    """Site-relative path -> text, or the path of a file to copy as it is (the bundle: 5 MB)."""
    return {
        f"{EDITOR_DIR}index.html": page(settings, site_name),
        f"{EDITOR_DIR}config.yml": as_yaml(cms_config(vocabularies, settings, site_url)),
        f"{EDITOR_DIR}sto-cms.js": script(vocabularies, settings),
        f"{EDITOR_DIR}before-decap.js": DECAP_DIR / "before-decap.js",
        f"{EDITOR_DIR}decap-cms.js": BUNDLE,
    }
