"""Digests: one short hex string for a sequence of parts, shared by every layer.

The loader names an item's source by its digest, the build cache keys its results by digests
of their inputs (sto.cache.fingerprint), the calendars derive stamps from them.
"""

from __future__ import annotations

import hashlib


def digest(*parts: str | bytes) -> str:
    """The digest of a sequence of parts (each length-prefixed, so parts cannot run together)."""
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()[:32]


def source_digest(path: str, raw: bytes) -> str:
    """What an item stands for in a fingerprint: its path and its file's bytes."""
    return digest("item", path, raw)
