"""Images and documents on this site, read at build time: an image's width and height (so the
page reserves its place and nothing shifts when it loads), a document's type and size (shown as
"Download … (PDF, 1,2 MB)"), and the limits that keep pages light on a phone.

Only files under docs/ are read (``sto.site.references.file_for`` maps an address to one), only
their first bytes and their size; nothing is fetched from another host.
"""

from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

import posixpath
import xml.etree.ElementTree as ET
from urllib.parse import unquote, urlsplit

import imagesize
from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from sto.content.models import ContentModel
from sto.content.trust import Refused
from sto.site.site_files import file_for, inside, site_path

# The limits, documented for editors in CONTRIBUTING.md (Dutch) and in the README: a photo
# straight from a phone (4,000 px, 3-5 MB) costs a visitor on a phone seconds; 2,400 px covers
# the widest column on a sharp screen twice over.
MAX_IMAGE_BYTES = 1024 * 1024
MAX_IMAGE_SIDE = 2400
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024

# A document's type, recognised by its first bytes (not by its name): what a download says it is.
DOCUMENT_TYPES: Mapping[bytes, str] = MappingProxyType({b"%PDF-": "PDF"})


def dutch_size(size: int) -> str:
    """A file size as Dutch readers write it: 350 kB, 1,2 MB (1 kB = 1,024 bytes, as file
    managers count)."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} kB"
    return f"{size / (1024 * 1024):.1f} MB".replace(".0 ", " ").replace(".", ",")


@dataclass(frozen=True)
class DocumentInfo:
    type: str  # "PDF"
    size: str  # "1,2 MB"


class MediaFiles:
    """Sizes and types of the files under one docs/ folder, read once per build and file."""

    def __init__(self, docs_dir: Path):
        self.docs_dir = docs_dir
        self.image_size = cache(self._image_size)
        self.document = cache(self._document)

    @staticmethod
    def _image_size(path: Path) -> tuple[int, int] | None:
        """(width, height) in pixels from the file's header; None when it is no image we can read."""
        try:
            width, height = imagesize.get(path)
        except (OSError, ValueError):
            return None
        if width <= 0 or height <= 0:
            return None
        return round(width), round(height)

    @staticmethod
    def _document(path: Path) -> DocumentInfo | None:
        with path.open("rb") as file:
            head = file.read(8)
        kind = next((name for magic, name in DOCUMENT_TYPES.items() if head.startswith(magic)), None)
        return DocumentInfo(kind, dutch_size(path.stat().st_size)) if kind else None

    def size_of(self, address: str) -> tuple[int, int] | None:
        """(width, height) of the image at an address on this site; None when it is not one."""
        found = self._file(address)
        return self.image_size(found) if found is not None else None

    def document_at(self, address: str) -> DocumentInfo | None:
        found = self._file(address)
        return self.document(found) if found is not None else None

    def _file(self, address: str) -> Path | None:
        path = site_path(address)
        return file_for(self.docs_dir, path) if path is not None else None

    def image_problem(self, path: Path) -> Refused | None:
        """Why this image may not be shown (Dutch, with the limit), or None."""
        size = self.image_size(path)
        if size is None:
            return Refused(f"'{path.name}' is geen afbeelding die de site kan lezen; gebruik een jpg, png, gif, "
                           "webp of een svg met width en height")
        bytes_ = path.stat().st_size
        if bytes_ > MAX_IMAGE_BYTES:
            return Refused(f"de afbeelding '{path.name}' is {dutch_size(bytes_)}; de grens is "
                           f"{dutch_size(MAX_IMAGE_BYTES)}: verklein haar, bijvoorbeeld tot 1600 pixels breed, "
                           "of sla haar op als jpg")
        width, height = size
        if max(width, height) > MAX_IMAGE_SIDE:
            return Refused(f"de afbeelding '{path.name}' is {width} bij {height} pixels; de grens is "
                           f"{MAX_IMAGE_SIDE} pixels breed en hoog: verklein haar, bijvoorbeeld tot 1600 pixels breed")
        return None

    def document_problem(self, path: Path) -> Refused | None:
        """Why this document may not be offered for download (Dutch, with the limit), or None."""
        if self.document(path) is None:
            return Refused(f"'{path.name}' is geen pdf; sla het document op als pdf (in Word: Opslaan als, PDF)")
        bytes_ = path.stat().st_size
        if bytes_ > MAX_DOCUMENT_BYTES:
            return Refused(f"het document '{path.name}' is {dutch_size(bytes_)}; de grens is "
                           f"{dutch_size(MAX_DOCUMENT_BYTES)}: sla het op met kleinere afbeeldingen "
                           "(in Word: Opslaan als, PDF, Minimale grootte)")
        return None


def media_view(data: ContentModel, media: MediaFiles) -> dict[str, Any]:
    """What an item page shows of its files: ``image_size`` and ``poster_size`` as (width,
    height), and ``documents`` as title, address, type and size. A file that cannot be read is
    left out here: the reference check (sto.site.references) has refused it already."""
    view: dict[str, Any] = {}
    image = getattr(data, "image", None)
    if image is not None and (size := media.size_of(image.src)) is not None:
        view["image_size"] = size
    recording = getattr(data, "recording", None)
    if recording is not None and recording.poster and (size := media.size_of(recording.poster)) is not None:
        view["poster_size"] = size
    documents = []
    for document in getattr(data, "documents", ()):
        info = media.document_at(document.file)
        if info is not None:
            documents.append({"title": document.title, "file": document.file, "type": info.type, "size": info.size})
    if documents:
        view["documents"] = documents
    return view


class ImageDimensions(Extension):
    """Width and height on every image in a page's Markdown whose file is on this site, read from
    the file's header: the browser reserves the image's place before it loads, so nothing moves.
    ``page`` is the source of the page being converted (relative images resolve from it, as
    MkDocs resolves them); the adapter sets it per page."""

    def __init__(self, media: MediaFiles):
        super().__init__()
        self.media = media
        self.page = ""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's API name)
        # after the address check (priority 1), before MkDocs rewrites relative addresses (0)
        md.treeprocessors.register(_Dimensions(md, self), "sto_image_dimensions", 0.5)


class _Dimensions(Treeprocessor):
    def __init__(self, md: Markdown, extension: ImageDimensions):
        super().__init__(md)
        self.extension = extension

    def run(self, root: ET.Element) -> None:
        for image in root.iter("img"):
            src = image.get("src") or ""
            if image.get("width") or urlsplit(src).scheme or src.startswith("//"):
                continue
            path = site_path(src) if src.startswith("/") else inside(
                posixpath.join(posixpath.dirname(self.extension.page), unquote(urlsplit(src).path)))
            found = file_for(self.extension.media.docs_dir, path) if path else None
            size = self.extension.media.image_size(found) if found is not None else None
            if size is not None:
                image.set("width", str(size[0]))
                image.set("height", str(size[1]))
