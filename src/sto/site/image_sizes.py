"""The size of an image on this site, read from its file's header (imagesize): for ``width`` and
``height`` on pages (the browser keeps the image's place, so nothing moves when it arrives) and in
newsletter editions. Never fetched: an image that is not a file under docs/ has no size."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

import imagesize

ImageSize = Callable[[str], "tuple[int, int] | None"]


def image_sizes(docs_dir: Path) -> ImageSize:
    """(width, height) in whole pixels of an image on this site (``/pad/naar/beeld.png``); None when
    it is not a file under docs/."""
    root = docs_dir.resolve()

    @cache  # one build: many items share an image, and its file does not change meanwhile
    def size(src: str) -> tuple[int, int] | None:
        if not src.startswith("/") or src.startswith("//"):
            return None
        path = (root / urlsplit(src).path.lstrip("/")).resolve()
        if not path.is_relative_to(root) or not path.is_file():
            return None
        width, height = imagesize.get(path)  # an SVG's are floats
        return (round(width), round(height)) if width > 0 and height > 0 else None

    return size


def no_sizes(src: str) -> None:
    """When no docs/ folder is known (unit tests of the core): no size for any image."""
    return None
