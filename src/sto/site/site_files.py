"""The one place that maps an address on this site to a path inside the site (``site_path``)
and such a path to a file under docs/ (``file_for``). Whatever would leave the site
(``/../../etc/passwd``, an encoded ``%2e%2e``, a backslash, a NUL) is refused, and no symlink
is followed: every reader of site files (the reference check, image sizes, document sizes, the
feeds' enclosures, the newsletter) asks here.
"""

from __future__ import annotations

import os
import posixpath
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit


def site_path(address: str) -> str | None:
    """The site-relative path (no leading slash) of an absolute address on this site:
    ``/agenda/x/?a=b#kop`` -> ``agenda/x/``; None when it would leave the site."""
    parts = urlsplit(address)
    path = unquote(parts.path)
    if parts.scheme or parts.netloc or not path.startswith("/") or "\\" in path or "\x00" in path:
        return None  # another host, or not a path from the site's root
    return inside(path.lstrip("/"))


def inside(path: str) -> str | None:
    """``path`` normalised (``a/./b/../c`` -> ``a/c``, a trailing slash kept); None above the site."""
    if not path:
        return ""
    normal = posixpath.normpath(path)
    if normal == ".":
        return ""
    if normal.startswith("/") or normal == ".." or normal.startswith("../"):
        return None
    return normal + "/" if path.endswith("/") else normal


def file_for(docs_dir: Path, path: str) -> Path | None:
    """The regular file under ``docs_dir`` at the site-relative ``path`` (from ``site_path``), or
    None: nothing outside ``docs_dir`` is ever opened, and no symlink is followed."""
    relative = inside(path)
    if not relative or relative.endswith("/"):
        return None
    root = _real(str(docs_dir))
    candidate = os.path.join(root, relative)
    # ``relative`` holds no "..": the real path differs from it only through a symlink on the way
    if os.path.realpath(candidate) != candidate or not os.path.isfile(candidate):
        return None
    return Path(candidate)


@lru_cache(maxsize=16)
def _real(folder: str) -> str:
    return os.path.realpath(folder)
