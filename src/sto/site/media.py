"""How a webinar recording is played after the visitor clicks its facade.

Nothing is loaded from a video host before that click: the page only holds a button and a
self-hosted poster. This module turns a recording address into what the click loads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

# Where a click loads a player from: the only hosts the pages' policy lets into a frame.
YOUTUBE_PLAYER = "https://www.youtube-nocookie.com"
VIMEO_PLAYER = "https://player.vimeo.com"
PLAYER_ORIGINS = (YOUTUBE_PLAYER, VIMEO_PLAYER)

_YOUTUBE_ID = re.compile(r"[A-Za-z0-9_-]{6,20}")
_VIMEO_ID = re.compile(r"\d{4,12}")


@dataclass(frozen=True)
class Player:
    kind: str  # "iframe" (a video host's player) or "video" (a file on this site)
    src: str
    host: str  # shown to the visitor before they choose to load it: "YouTube", "Vimeo" or ""


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


def player_for(url: str) -> Player:
    """The player a click loads: privacy-friendly embed addresses for YouTube and Vimeo, else a file."""
    if (video := youtube_id(url)) is not None:
        return Player("iframe", f"{YOUTUBE_PLAYER}/embed/{video}?autoplay=1", "YouTube")
    if (video := vimeo_id(url)) is not None:
        return Player("iframe", f"{VIMEO_PLAYER}/video/{video}?autoplay=1&dnt=1", "Vimeo")
    return Player("video", url, "")
