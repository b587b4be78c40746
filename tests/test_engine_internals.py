"""Every MkDocs internal the adapter relies on is named in sto.mkdocs.engine_internals and pinned
to both engines' sources, and no other module of ours reaches into the engine's private parts."""

from __future__ import annotations

import ast

import pytest

from sto.mkdocs.engine_internals import ENGINES, PINS

from .sitebuild import ROOT, engine_source_digests

ADAPTER = ROOT / "src" / "sto" / "mkdocs"


@pytest.mark.parametrize("engine", ENGINES)
def test_every_pinned_part_is_as_the_installed_engine_has_it(engine):
    """A new MkDocs or ProperDocs release that changes a part we follow fails here, naming what to
    read again; bring that code in line and record the new digest in PINS."""
    found = engine_source_digests(engine)
    changed = [f"{pin.module}:{pin.name} (followed by {pin.followed_by})" for pin in PINS
               if found[f"{pin.module}:{pin.name}"] != pin.digests[engine]]
    assert changed == [], f"{engine} changed: " + "; ".join(changed)


def test_each_pin_has_a_digest_per_engine():
    assert PINS and all(sorted(pin.digests) == sorted(ENGINES) and all(len(d) == 64 for d in pin.digests.values())
                        for pin in PINS)


def private_reaches(source: str) -> list[str]:
    """Attributes ``x._name`` read or written on anything but ``self``/``cls``: a private part of
    someone else's object (``os._exit`` and ``sys._getframe``-like module functions count too)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if (isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__")
                and not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"))):
            found.append(f"{ast.unparse(node)} (line {node.lineno})")
    return found


ALLOWED = {"parallel.py": ["os._exit (line"]}  # the standard library's way to end a forked child


def test_only_engine_internals_reaches_into_the_engine():
    offenders = {}
    for path in sorted(ADAPTER.glob("*.py")):
        if path.name == "engine_internals.py":
            continue
        reaches = [r for r in private_reaches(path.read_text(encoding="utf-8"))
                   if not any(r.startswith(allowed) for allowed in ALLOWED.get(path.name, []))]
        if reaches:
            offenders[path.name] = reaches
    assert offenders == {}


def test_the_private_reach_finder_finds_one():
    """The test above could not fail if this did not."""
    assert private_reaches("def f(page):\n    page._title_from_render = 'x'\n    self._ok = 1\n") == [
        "page._title_from_render (line 2)"]
