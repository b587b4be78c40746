"""Autoescaping for our templates: every template in the theme's custom_dir (overrides/).

MkDocs builds its Jinja environment with autoescaping off, and Material's templates rely on
that (they print page.content, the navigation and page titles as HTML). Ours print content:
titles, summaries, vocabulary names. With autoescape on for every template we own, a name that
is not escaped by hand cannot slip through; what is already HTML is marked ``| safe`` where it
is printed (page titles, rendered bodies, JSON-LD that structured_data made script-safe).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path


def for_templates_in(custom_dir: str | Path | None) -> Callable[[str | None], bool]:
    """Jinja's ``autoescape`` callable: True for a template name found in ``custom_dir``."""
    folder = Path(custom_dir).resolve() if custom_dir else None
    ours = {p.relative_to(folder).as_posix() for p in folder.rglob("*.html")} if folder and folder.is_dir() else set()

    def autoescape(name: str | None) -> bool:
        return name in ours

    return autoescape
