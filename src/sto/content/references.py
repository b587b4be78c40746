"""What a content file refers to: every address in its front matter and its body, with the line
the editor wrote it on.

Read once, when a file is loaded (and kept with the item, so a warm build that does not read the
file again still has them); whether each one resolves is decided per build by
``sto.site.references``, against what that build produces.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache
from types import MappingProxyType
from typing import Any, get_args

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from sto.content.fieldtypes import parse_link, parse_web_link, parse_media_link
from sto.content.markdown_safety import BodyLinks

# (field as the editor wrote it, e.g. "image.src" or "" for the body; address; kind; line).
# Plain tuples: items keep them in the build cache (marshal).
Reference = tuple[str, str, str, int]

LINK, IMAGE, DOCUMENT, MEDIA = "link", "image", "document", "media"

# Fields whose address is an image or a document (read at build time for its size and type);
# every other address field is a link, or a media file (MediaLink: captions, a video).
KINDS: Mapping[tuple[str, str], str] = MappingProxyType(
    {("Image", "src"): IMAGE, ("Recording", "poster"): IMAGE, ("Document", "file"): DOCUMENT})


def _validators(annotation: Any) -> set[Any]:
    """The functions of every validator in a type, looking inside ``X | None`` and ``Annotated``."""
    found = {getattr(m, "func", None) for m in getattr(annotation, "__metadata__", ())}
    for inner in get_args(annotation):
        found |= _validators(inner)
    return found


def _address_kind(model: type[BaseModel], name: str, info: FieldInfo) -> str | None:
    """IMAGE, DOCUMENT, MEDIA or LINK for a field typed Link, WebLink or MediaLink (fieldtypes); else None."""
    parsers = {getattr(m, "func", None) for m in info.metadata} | _validators(info.annotation)
    if parse_media_link in parsers:
        return KINDS.get((model.__name__, name), MEDIA)
    if parse_link in parsers or parse_web_link in parsers:  # a web address (WebLink) is a link too
        return KINDS.get((model.__name__, name), LINK)
    return None


@cache  # a model's fields do not change: worked out once per model, not once per item
def _address_fields(model: type[BaseModel]) -> tuple[tuple[str, str | None], ...]:
    """Each field of a model with its address kind (None: not an address field)."""
    return tuple((name, _address_kind(model, name, info)) for name, info in model.model_fields.items())


def front_matter_references(data: BaseModel, line_of: Callable[[str], int]) -> list[Reference]:
    """Every address field of a validated model, nested models and lists included (so a field
    added to the model is checked without anyone listing it here)."""
    found: list[Reference] = []

    def walk(model: BaseModel, prefix: str) -> None:
        for name, kind in _address_fields(type(model)):
            _value(getattr(model, name), f"{prefix}{name}", kind)

    def _value(value: Any, where: str, kind: str | None) -> None:
        if value is None:
            return
        if isinstance(value, BaseModel):
            walk(value, f"{where}.")
        elif isinstance(value, (list, tuple)):
            for index, element in enumerate(value):
                _value(element, f"{where}.{index}", kind)
        elif isinstance(value, str) and kind is not None:
            found.append((where, value, kind, line_of(where)))

    walk(data, "")
    return found


def body_references(links: BodyLinks) -> list[Reference]:
    """A body's links and images (``markdown_safety.checked_body``) as references."""
    return [("", address, IMAGE if kind == "image" else LINK, line) for address, kind, line in links]
