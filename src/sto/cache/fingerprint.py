"""Fingerprints: one short hex digest for everything a result was made from.

A cached result is reused only when the digest of its inputs is the same, so a digest must
cover every input. ``value_digest`` walks the data a page's template gets (dicts, lists,
dataclasses, dates, strings) and stands for each content item by the digest of its file's
bytes (an item is a function of its file and the vocabularies). Anything it does not know
raises ``Undigestible``: such a page is then simply not cached.
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Iterable
from functools import cache
from datetime import date, datetime, time, timedelta, tzinfo
from importlib import metadata
from pathlib import Path
from typing import Any

from sto.content.items import Item
from sto.digests import digest

SKIPPED_DIRS = frozenset({"__pycache__", ".git", ".cache", ".pytest_cache", ".hypothesis", "node_modules", ".venv"})


class Undigestible(TypeError):
    """A value whose digest we cannot compute safely."""


def item_digest(item: Item[Any]) -> str:
    return item.source_digest or digest("item-data", item.path, item.slug, item.body, item.data.model_dump_json())


_SCALARS = frozenset({type(None), bool, int, float})


@cache
def _field_names(kind: type) -> tuple[str, ...]:
    """A dataclass's field names, looked up once per class."""
    return tuple(f.name for f in dataclasses.fields(kind))


def _encode(value: object, out: list[str]) -> None:
    kind = type(value)
    # The plain types first, by exact type: most of a page's data (and most of the time).
    if kind is str:
        out.append(f"str:{len(value)}:")  # type: ignore[arg-type]
        out.append(value)  # type: ignore[arg-type]
        return
    if kind in _SCALARS:
        out.append(f"{kind.__name__}:{value!r};")
        return
    if kind is list or kind is tuple:
        out.append(f"{kind.__name__}[{len(value)}")  # type: ignore[arg-type]
        for element in value:  # type: ignore[attr-defined]
            _encode(element, out)
        out.append("]")
        return
    if kind is dict:  # as _encode_other writes it, without its chain of isinstance checks
        out.append(f"dict{{{len(value)}")  # type: ignore[arg-type]
        for key, element in value.items():  # type: ignore[attr-defined]
            _encode(key, out)
            _encode(element, out)
        out.append("}")
        return
    if kind is Item:
        out.append("Item:" + item_digest(value) + ";")  # type: ignore[arg-type]
        return
    _encode_other(value, kind, out)


def _encode_other(value: object, kind: type, out: list[str]) -> None:
    if value is None or kind in (bool, int, float):
        out.append(f"{kind.__name__}:{value!r};")
    elif isinstance(value, str):  # a Markup is printed raw, a str escaped: the type is part of the value
        out.append(f"{kind.__name__}:{len(value)}:")
        out.append(value)
    elif isinstance(value, Item):
        out.append("Item:" + item_digest(value) + ";")
    elif isinstance(value, (list, tuple)):
        out.append(f"{kind.__name__}[{len(value)}")
        for element in value:
            _encode(element, out)
        out.append("]")
    elif isinstance(value, dict):
        out.append(f"{kind.__name__}{{{len(value)}")
        for key, element in value.items():  # insertion order is part of the value (templates loop over it)
            _encode(key, out)
            _encode(element, out)
        out.append("}")
    elif isinstance(value, (datetime, date, time, timedelta)):
        out.append(f"{kind.__name__}:{value.isoformat() if hasattr(value, 'isoformat') else value!r}"
                   f":{getattr(value, 'tzinfo', None)!s};")
    elif isinstance(value, tzinfo):
        out.append(f"tz:{value!s};")
    elif isinstance(value, (set, frozenset)):
        _encode(sorted(value, key=repr), out)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = _field_names(kind)
        out.append(f"{kind.__module__}.{kind.__qualname__}(")
        for name in names:
            _encode(name, out)
            _encode(getattr(value, name), out)
        out.append(")")
    elif hasattr(value, "model_dump_json") and hasattr(type(value), "model_fields"):  # a pydantic model
        out.append(f"{kind.__module__}.{kind.__qualname__}:")
        out.append(value.model_dump_json())
    else:
        raise Undigestible(f"no fingerprint for {kind.__module__}.{kind.__qualname__}")


def value_digest(value: object) -> str:
    """The digest of a template's data; raises Undigestible for values it cannot vouch for."""
    out: list[str] = []
    _encode(value, out)
    return digest("".join(out))


def tree_digest(root: Path, parts: Iterable[str], *, skip_suffixes: tuple[str, ...] = ()) -> str:
    """The digest of every file under the given parts of ``root`` (files or folders), by relative
    path and bytes; a missing part counts as absent. Files ending in ``skip_suffixes`` are left out."""
    root = Path(root)
    pieces: list[str | bytes] = []
    for part in parts:
        base = root / part
        if base.is_file():
            files = [base]
        elif base.is_dir():
            files = sorted(p for p in base.rglob("*")
                           if p.is_file() and not SKIPPED_DIRS.intersection(p.relative_to(base).parts[:-1])
                           and not p.name.endswith((".pyc", *skip_suffixes)))
        else:
            pieces.append(f"absent:{part}")
            continue
        for path in files:
            pieces += [path.relative_to(root).as_posix(), path.read_bytes()]
    return digest(*pieces)


@cache
def environment_digest() -> str:
    """The Python version and every installed distribution's name and version (read once per process)."""
    versions = sorted(f"{d.metadata['Name']}=={d.version}" for d in metadata.distributions())
    return digest(sys.version, *versions)
