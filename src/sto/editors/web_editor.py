"""The web editor's files in the built site, under /beheer/: its page, its generated configuration,
Decap CMS's bundle (vendored from npm, so a build needs no Node.js) and our script.

The page has a Content-Security-Policy of its own: what Decap needs (its bundle compiles the
configuration's schema with ``new Function``, its styles are inline, uploads are previewed as
``blob:``; GitHub's API to save), none of which the public pages allow; they never get this one
(the site's policy, sto.mkdocs.csp, is added to rendered pages only, and this page is a file).
Scripts run by their exact address and hash, as on the site's pages. It is ``noindex`` and,
being a file rather than a page, outside search, the sitemap and feeds.
"""

from __future__ import annotations

import base64
import hashlib
import html
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlsplit

from sto.content.vocabulary import Vocabularies
from sto.editors.cms_config import EDITOR_DIR, EditorSettings, as_yaml, cms_config, editor_rules, rules_json

DECAP_DIR = Path(__file__).parent / "decap"
BUNDLE = DECAP_DIR / "decap-cms.js"  # decap-cms's dist/decap-cms.js, exactly as npm has it (scripts/vendor-decap)
BEFORE = DECAP_DIR / "before-decap.js"  # sets CMS_MANUAL_INIT: sto-cms.js starts Decap
GITHUB_API = "https://api.github.com"
GITHUB_IMAGES = ("https://avatars.githubusercontent.com", "https://raw.githubusercontent.com")
_RULES_PLACEHOLDER = "/*STO_RULES*/ {}"


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def policy(settings: EditorSettings, scripts: Mapping[str, str] | None = None, site_url: str = "") -> str:
    """``scripts``: each script file's name (in /beheer/) and SHA-256 (base64). Like the site's
    pages (sto.mkdocs.csp), scripts run by their exact address and by their hash (their tags carry
    it as ``integrity``), not by 'self'."""
    backends = [_origin(settings.local_backend), _origin(settings.base_url)]
    connect = ["'self'", "blob:", GITHUB_API, *filter(None, backends)]
    base = f"{site_url.rstrip('/')}/{EDITOR_DIR}" if site_url else ""
    files = sorted(scripts or {})
    allowed = [*(base + name for name in files if base), *(f"'sha256-{(scripts or {})[name]}'" for name in files)]
    return "; ".join([
        "default-src 'self'",
        # 'unsafe-eval': Decap validates its configuration with ajv, which compiles code.
        "script-src " + " ".join([*allowed, "'unsafe-eval'"]),
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


def header_policy(settings: EditorSettings) -> str:
    """The part of the page's policy a host may send as a header (sto.mkdocs.hosting), with
    ``frame-ancestors``: without default-src and script-src, which the page's ``<meta>`` holds
    with its scripts' hashes (a browser enforces both policies)."""
    kept = [d for d in policy(settings).split("; ") if not d.startswith(("default-src ", "script-src "))]
    return "; ".join([*kept, "frame-ancestors 'self'"])


def page(settings: EditorSettings, site_name: str, scripts: Mapping[str, str], site_url: str = "") -> str:
    template = (DECAP_DIR / "index.html").read_text(encoding="utf-8")
    attribute = html.escape(policy(settings, scripts, site_url), quote=False).replace('"', "&quot;")
    text = template.replace("{policy}", attribute).replace("{site_name}", html.escape(site_name))
    for name, digest in scripts.items():
        text = text.replace(f"{{{name}}}", digest)
    return text


def script(vocabularies: Vocabularies, settings: EditorSettings) -> str:
    source = (DECAP_DIR / "sto-cms.js").read_text(encoding="utf-8")
    if _RULES_PLACEHOLDER not in source:
        raise RuntimeError("sto-cms.js has lost its rules placeholder")
    # JSON inside a script file (not HTML): "</" cannot end it; U+2028/9 are escaped by ensure_ascii.
    return source.replace(_RULES_PLACEHOLDER, rules_json(editor_rules(vocabularies, settings)), 1)


def _sha256(data: bytes) -> str:
    return base64.b64encode(hashlib.sha256(data).digest()).decode()


def editor_files(vocabularies: Vocabularies, settings: EditorSettings, site_name: str,
                 site_url: str) -> dict[str, str | Path]:
    """Site-relative path -> text, or the path of a file to copy as it is (the bundle: 5 MB)."""
    ours = script(vocabularies, settings)
    scripts = {"before-decap.js": _sha256(BEFORE.read_bytes()), "decap-cms.js": _sha256(BUNDLE.read_bytes()),
               "sto-cms.js": _sha256(ours.encode())}
    return {
        f"{EDITOR_DIR}index.html": page(settings, site_name, scripts, site_url),
        f"{EDITOR_DIR}config.yml": as_yaml(cms_config(vocabularies, settings, site_url)),
        f"{EDITOR_DIR}sto-cms.js": ours,
        f"{EDITOR_DIR}before-decap.js": BEFORE,
        f"{EDITOR_DIR}decap-cms.js": BUNDLE,
    }
