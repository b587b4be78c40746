"""How a webinar recording is played after the visitor clicks its facade.

Nothing is loaded from a video host before that click: the page only holds a button and a
self-hosted poster. This module turns a recording address into what the click loads.
"""

from __future__ import annotations

from dataclasses import dataclass

from sto.content.video_hosts import vimeo_id, youtube_id

# Where a click loads a player from: the only hosts the pages' policy lets into a frame.
YOUTUBE_PLAYER = "https://www.youtube-nocookie.com"
VIMEO_PLAYER = "https://player.vimeo.com"
PLAYER_ORIGINS = (YOUTUBE_PLAYER, VIMEO_PLAYER)


@dataclass(frozen=True)
class Player:
    kind: str  # "iframe" (a video host's player) or "video" (a file on this site)
    src: str
    host: str  # shown to the visitor before they choose to load it: "YouTube", "Vimeo" or ""


def player_for(url: str) -> Player:
    """The player a click loads: privacy-friendly embed addresses for YouTube and Vimeo, else a file."""
    if (video := youtube_id(url)) is not None:
        return Player("iframe", f"{YOUTUBE_PLAYER}/embed/{video}?autoplay=1", "YouTube")
    if (video := vimeo_id(url)) is not None:
        return Player("iframe", f"{VIMEO_PLAYER}/video/{video}?autoplay=1&dnt=1", "Vimeo")
    return Player("video", url, "")
