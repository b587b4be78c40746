"""Our own Jinja environment for the pages outside Material's page frame: embeds and newsletter
editions (``sto/templates/``). Autoescaping is on for .html, so content is always escaped;
the plain-text part of a newsletter is a .txt template and is never HTML.

These need no MkDocs: ``make nieuwsbrief`` renders an edition without building the site.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape


@cache
def environment() -> Environment:
    return Environment(loader=PackageLoader("sto", "templates"), autoescape=select_autoescape(["html"]),
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)


def render(template: str, **context: object) -> str:
    return environment().get_template(template).render(**context)


def asset(name: str) -> bytes:
    """A static file that ships with the templates (the embed stylesheet)."""
    return files("sto").joinpath("templates", name).read_bytes()
