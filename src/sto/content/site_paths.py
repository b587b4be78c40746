"""The one way a path on this site becomes a file the build opens: only inside docs/.

Feeds read an image's size for its enclosure and the newsletter reads its width and height;
the path comes from a pull request. The fields already refuse ``..`` (``trust.check_url``), but
whatever opens a file asks here as well, so that nothing outside docs/ is ever opened or
measured, whichever way a path got in (percent-encoded, through a symbolic link, absolute).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from sto.content.trust import is_on_this_site


def file_in_docs(docs_dir: Path, address: str) -> Path | None:
    """The regular file under ``docs_dir`` that the site path ``address`` (``/map/bestand.jpg``,
    percent-encoded as a browser sends it) is served from, or None: another host, a ``.`` or
    ``..`` segment, a backslash or NUL, a file that is not there, or anything that resolves to
    a place outside ``docs_dir``."""
    if not is_on_this_site(address):
        return None
    path = unquote(urlsplit(address).path)
    segments = path.split("/")
    if "\\" in path or "\x00" in path or any(segment in (".", "..") for segment in segments):
        return None
    root = docs_dir.resolve()
    candidate = root.joinpath(*[segment for segment in segments if segment])
    try:
        resolved = candidate.resolve(strict=True)
    except (OSError, RuntimeError):  # absent, or a loop of links
        return None
    if resolved == root or not resolved.is_relative_to(root) or not resolved.is_file():
        return None
    return resolved
