"""The site's colours, written once: the custom properties in the first ``:root`` rule of
``docs/assets/sto.css`` (where their contrasts are listed). Pages outside Material's frame, the
embeddable agendas, get that rule copied in front of their own stylesheet, so a change of
colour reaches them without anyone keeping a second list."""

from __future__ import annotations

import re
from pathlib import Path

SITE_STYLESHEET = "assets/sto.css"  # under docs/
_ROOT_RULE = re.compile(r"^:root\s*\{[^{}]*\}", re.MULTILINE)


def custom_properties(css: str) -> str:
    """The first top-level ``:root { ... }`` rule of a stylesheet; ValueError when there is none."""
    found = _ROOT_RULE.search(css)
    if found is None or "--sto-" not in found.group(0):
        raise ValueError(f"{SITE_STYLESHEET} has no :root rule with the site's colours (--sto-...)")
    return found.group(0) + "\n"


def site_palette(docs_dir: Path) -> str:
    return custom_properties((docs_dir / SITE_STYLESHEET).read_text(encoding="utf-8"))
