"""Which addresses are recordings on YouTube or Vimeo, and the video's id there.

The content model accepts a recording only on this site or on these two hosts; the site layer
(``sto.site.media``) turns the id into the privacy-friendly player a click loads.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

_YOUTUBE_ID = re.compile(r"[A-Za-z0-9_-]{6,20}")
_VIMEO_ID = re.compile(r"\d{4,12}")


def youtube_id(url: str) -> str | None:
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.").removeprefix("m.")
    candidate = None
    if host == "youtu.be":
        candidate = parts.path.strip("/").split("/")[0]
    elif host in ("youtube.com", "youtube-nocookie.com"):
        if parts.path == "/watch":
            candidate = (parse_qs(parts.query).get("v") or [""])[0]
        elif parts.path.startswith(("/embed/", "/live/", "/shorts/")):
            candidate = parts.path.split("/")[2]
    return candidate if candidate and _YOUTUBE_ID.fullmatch(candidate) else None


def vimeo_id(url: str) -> str | None:
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    if host == "vimeo.com":
        candidate = parts.path.strip("/").split("/")[0]
    elif host == "player.vimeo.com" and parts.path.startswith("/video/"):
        candidate = parts.path.split("/")[2]
    else:
        return None
    return candidate if _VIMEO_ID.fullmatch(candidate) else None
