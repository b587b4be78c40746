"""The layers stay what the README says: an installed core, framework-free below sto.mkdocs."""

from __future__ import annotations

import ast
import re
import subprocess
import sys

import pytest

from .sitebuild import ROOT

CORE = ROOT / "src" / "sto"
FRAMEWORK_FREE = ("content", "site", "syndication", "editors")
ENGINE_MODULES = ("mkdocs", "material", "properdocs", "sto.mkdocs")


def _python_files():
    skip = {".venv", "node_modules", ".git", "site"}
    return [p for p in ROOT.rglob("*.py") if not skip & set(p.relative_to(ROOT).parts)]


def _imports(path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_nothing_edits_sys_path():
    """The core is installed (pip install -e .), so no file makes it importable by hand."""
    offenders = [p.relative_to(ROOT).as_posix() for p in _python_files() if "sys.path" in p.read_text(encoding="utf-8")]
    offenders = [p for p in offenders if p != "tests/test_architecture.py"]
    assert offenders == []


def test_the_core_imports_from_any_directory(tmp_path):
    result = subprocess.run([sys.executable, "-c", "import sto.mkdocs.hooks, sto; print(sto.__file__)"],
                            cwd=tmp_path, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == str(CORE / "__init__.py")


@pytest.mark.parametrize("layer", FRAMEWORK_FREE)
def test_layers_below_the_adapter_know_nothing_of_mkdocs_or_material(layer):
    found = {path.relative_to(CORE).as_posix(): sorted(name for name in _imports(path)
                                                      if name.split(".")[0] in ENGINE_MODULES
                                                      or name.startswith("sto.mkdocs"))
             for path in (CORE / layer).rglob("*.py")}
    assert {module: names for module, names in found.items() if names} == {}
    assert found  # the layer has modules


def test_the_content_layer_imports_no_layer_above_it():
    """Reading and validating content is the bottom layer: site, syndication, editors and the
    adapter build on it, never the other way round (shared modules sit directly in sto)."""
    above = tuple(f"sto.{layer}" for layer in ("site", "syndication", "editors", "mkdocs"))
    found = {path.relative_to(CORE).as_posix(): sorted(name for name in _imports(path) if name.startswith(above))
             for path in (CORE / "content").rglob("*.py")}
    assert {module: names for module, names in found.items() if names} == {}


def test_code_asks_no_item_for_its_section_by_name():
    """Items are typed by their model (Item[NewsItem]); sections are objects in sto.sections."""
    asking = re.compile(r"\.section\s*[!=]=")
    offenders = [p.relative_to(ROOT).as_posix() for p in [*CORE.rglob("*.py"), *(ROOT / "overrides").rglob("*.html")]
                 if asking.search(p.read_text(encoding="utf-8"))]
    assert offenders == []
