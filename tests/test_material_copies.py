"""Our copies of Material's templates stay what they were copied from.

`overrides/` shadows some of Material's files (partials/header.html, partials/toc.html, ...) and
replaces some blocks of its base.html in overrides/main.html without calling ``super()``
(site_nav, site_meta, ...). Such a copy silently keeps the old markup when Material changes.
For each one, the difference between the installed theme's text and ours is committed in
tests/material-copies/ (a unified diff); the test fails when it changes: when Material was
upgraded (then bring the copy up to date with the new upstream text) or when our copy was
edited. After reviewing, accept the new differences with
``STO_ACCEPT_MATERIAL_COPIES=1 .venv/bin/python -m pytest tests/test_material_copies.py``.
"""

from __future__ import annotations

import difflib
import os
import re
import textwrap
from pathlib import Path

import material
import pytest

from .sitebuild import ROOT

THEME = Path(material.__file__).parent / "templates"
OVERRIDES = ROOT / "overrides"
DIFFS = Path(__file__).parent / "material-copies"
# Material's own extension point (an empty ``extends "base.html"``): ours is not a copy of it.
NOT_COPIES = {"main.html"}

_EMPTY = re.compile(r"{%-?\s*block\s+\w+\s*-?%}\s*{%-?\s*endblock\s*-?%}\s*")
_BLOCK = re.compile(r"{%-?\s*(block\s+(\w+)|endblock)\b[^%]*-?%}")


def blocks(text: str) -> dict[str, str]:
    """Every ``{% block name %}...{% endblock %}`` of a template, nested ones included, by name,
    as whole lines, dedented (base.html indents its blocks, our main.html does not)."""
    found: dict[str, str] = {}
    open_blocks: list[tuple[str, int]] = []
    for match in _BLOCK.finditer(text):
        if match.group(2):
            open_blocks.append((match.group(2), text.rfind("\n", 0, match.start()) + 1))
        elif open_blocks:
            name, start = open_blocks.pop()
            end = text.find("\n", match.end())
            found[name] = textwrap.dedent(text[start:end if end >= 0 else len(text)]) + "\n"
    return found


def replaced_blocks(template: str) -> set[str]:
    """The blocks of ``template`` that replace Material's instead of extending them."""
    return {name for name, body in blocks(template).items() if "super()" not in body}


def copies() -> dict[str, tuple[str, str]]:
    """name -> (Material's installed text, our text) for every shadowed file and replaced block."""
    pairs = {}
    for ours in sorted(OVERRIDES.rglob("*.html")):
        relative = ours.relative_to(OVERRIDES).as_posix()
        upstream = THEME / relative
        if upstream.is_file() and relative not in NOT_COPIES:
            pairs[relative] = (upstream.read_text(encoding="utf-8"), ours.read_text(encoding="utf-8"))
    ours_main = blocks((OVERRIDES / "main.html").read_text(encoding="utf-8"))
    upstream_base = blocks((THEME / "base.html").read_text(encoding="utf-8"))
    for name in sorted(replaced_blocks((OVERRIDES / "main.html").read_text(encoding="utf-8"))):
        upstream = upstream_base.get(name, "")
        if _EMPTY.fullmatch(upstream):
            continue  # an empty block (extrahead) is an extension point: nothing was copied
        pairs[f"base.html#{name}"] = (upstream, ours_main[name])
    return pairs


def difference(name: str, upstream: str, ours: str) -> str:
    return "".join(difflib.unified_diff(upstream.splitlines(keepends=True), ours.splitlines(keepends=True),
                                        f"material/{name}", f"overrides/{name}"))


def diff_path(name: str) -> Path:
    return DIFFS / (name.replace("/", "__").replace("#", "--") + ".diff")


def test_the_block_finder_finds_nested_and_whitespace_controlled_blocks():
    text = "{% block a %}\n  x\n  {%- block b -%}\n  y\n  {% endblock %}\n{% endblock %}\n{% block c %}{{ super() }}{% endblock %}"
    found = blocks(text)
    assert sorted(found) == ["a", "b", "c"]
    assert found["b"] == "{%- block b -%}\ny\n{% endblock %}\n"
    assert replaced_blocks(text) == {"a", "b"}


def test_the_known_copies_are_guarded():
    names = set(copies())
    assert {"partials/header.html", "partials/toc.html", "base.html#site_nav"} <= names
    assert all(upstream for upstream, _ in copies().values()), "a replaced block that Material does not have"
    assert "base.html#extrahead" not in names  # empty in Material: ours adds to it, copies nothing


@pytest.mark.parametrize("name", sorted(copies()))
def test_copy_differs_from_the_installed_material_only_as_recorded(name):
    upstream, ours = copies()[name]
    current = difference(name, upstream, ours)
    path = diff_path(name)
    if os.environ.get("STO_ACCEPT_MATERIAL_COPIES") == "1":
        path.write_text(current, encoding="utf-8")
    recorded = path.read_text(encoding="utf-8") if path.is_file() else "(nothing recorded)"
    assert current == recorded, (
        f"overrides/{name} and the installed Material {material.__version__} no longer differ as recorded in {path.relative_to(ROOT)}. If Material was upgraded, bring our copy up "
        "to date with its new text; then accept the new differences (see this module's docstring).")


def test_no_recorded_difference_is_left_without_its_copy():
    expected = {diff_path(name).name for name in copies()}
    assert {p.name for p in DIFFS.glob("*.diff")} == expected
