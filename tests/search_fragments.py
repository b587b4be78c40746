"""What a built site's search (Pagefind, ``pagefind/``) holds: each indexed page's fragment, the
text and metadata Pagefind shows for it, read from the files as the browser gets them (gzip,
behind Pagefind's ``pagefind_dcd`` signature)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

SIGNATURE = b"pagefind_dcd"


def fragments(site: Path) -> dict[str, dict]:
    """Site-relative page address ("nieuws/x/") -> its fragment (``content``, ``meta``, ...)."""
    found = {}
    for path in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(SIGNATURE), path
        fragment = json.loads(data[len(SIGNATURE):])
        found[fragment["url"].lstrip("/")] = fragment
    return found


def texts(site: Path) -> dict[str, str]:
    """Page address -> its title and indexed text."""
    return {url: f"{f['meta'].get('title', '')} {f['content']}" for url, f in fragments(site).items()}
