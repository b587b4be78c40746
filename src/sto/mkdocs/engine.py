"""Which engine runs the build (MkDocs or its fork ProperDocs), and the fingerprint of the parts
of its source that our adapters follow step by step (``sto.mkdocs.converter``,
``sto.mkdocs.stored_pages``): a test compares each with the installed engine's, so a release that
changes one is read before it is trusted."""

from __future__ import annotations

import hashlib
import inspect
from typing import Any

from mkdocs.structure import pages


def name() -> str:
    """"mkdocs" or "properdocs": which one runs (ProperDocs answers ``import mkdocs`` itself)."""
    return pages.__name__.partition(".")[0]


def source_digest(code: Any) -> str:
    """sha256 of a function's or method's source, as ``inspect.getsource`` reads it."""
    return hashlib.sha256(inspect.getsource(code).encode("utf-8")).hexdigest()
