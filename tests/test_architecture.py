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
    result = subprocess.run([sys.executable, "-c", "import sto.mkdocs.adapter, sto; print(sto.__file__)"],
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


# The layers, lowest first: a module imports from its own layer or from those below it, never
# from one above. "shared" is the modules directly in sto (clock, problems, zones, digests).
LAYERS = ("shared", "content", "cache", "site", "syndication", "editors", "mkdocs")


def _module_name(path) -> str:
    return ".".join(path.relative_to(CORE.parent).with_suffix("").parts).removesuffix(".__init__")


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 2 or (len(parts) == 2 and (CORE / parts[1]).is_dir()) else "shared"


def _core_imports(path, modules) -> set[str]:
    """The core modules a module imports (``from sto.site import urls`` imports sto.site.urls)."""
    found = set()
    for name in _imports(path):
        if name.startswith("sto"):
            found.add(name)
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("sto"):
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return {name for name in found if name in modules}


def _import_graph() -> dict[str, set[str]]:
    paths = {_module_name(path): path for path in CORE.rglob("*.py")}
    return {module: _core_imports(path, paths) - {module} for module, path in paths.items()}


def test_every_module_is_in_a_known_layer():
    assert {_layer(module) for module in _import_graph()} == set(LAYERS)


def test_no_layer_imports_a_layer_above_it():
    """content, then cache, site, syndication, editors and the adapter: each builds on the ones
    before it, never the other way round."""
    rank = {layer: n for n, layer in enumerate(LAYERS)}
    upward = sorted(f"{module} -> {imported}" for module, imported_modules in _import_graph().items()
                    for imported in imported_modules if rank[_layer(imported)] > rank[_layer(module)])
    assert upward == []


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for imported in sorted(graph[module]):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            component = []
            while (top := stack.pop()) != module:
                component.append(top)
            if component:
                cycles.append(sorted([module, *component]))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return cycles


def test_no_modules_import_each_other_in_a_circle():
    assert _cycles(_import_graph()) == []


def test_the_cycle_finder_finds_a_cycle():
    """The test above could not fail if this did not."""
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_code_asks_no_item_for_its_section_by_name():
    """Items are typed by their model (Item[NewsItem]); sections are objects in sto.content.sections."""
    asking = re.compile(r"\.section\s*[!=]=")
    offenders = [p.relative_to(ROOT).as_posix() for p in [*CORE.rglob("*.py"), *(ROOT / "overrides").rglob("*.html")]
                 if asking.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


# The modules that may test an item's model: the section registry, where each section names its
# models. Everywhere else asks the item's section (sto.content.sections, sto.site.section_pages).
REGISTRY = {"content/sections.py"}


def _content_model_names() -> set[str]:
    from sto.content import models
    from sto.content.sections import SECTIONS

    found = {model.__name__ for section in SECTIONS.values() for model in section.models()}
    return found | {"ContentModel", models._Item.__name__}


def _model_type_tests(source: str, models: set[str]) -> list[int]:
    """The lines of isinstance/issubclass calls and match-case class patterns that name a
    content model (``Event`` or ``models.Event``, alone or in a tuple)."""

    def names(node: ast.expr) -> set[str]:
        if isinstance(node, ast.Tuple):
            return set().union(*(names(e) for e in node.elts))
        if isinstance(node, ast.Name):
            return {node.id}
        if isinstance(node, ast.Attribute):
            return {node.attr}
        return set()

    lines = []
    for node in ast.walk(ast.parse(source)):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                and node.func.id in ("isinstance", "issubclass") and len(node.args) == 2
                and names(node.args[1]) & models):
            lines.append(node.lineno)
        elif isinstance(node, ast.MatchClass) and names(node.cls) & models:
            lines.append(node.lineno)
    return sorted(lines)


def test_no_code_tests_an_items_model_outside_the_registry():
    """What a section does is said where the section is declared, not chosen by isinstance."""
    models = _content_model_names()
    found = {path.relative_to(CORE).as_posix(): _model_type_tests(path.read_text(encoding="utf-8"), models)
             for path in CORE.rglob("*.py")}
    assert {module: lines for module, lines in found.items() if lines and module not in REGISTRY} == {}


def test_the_model_test_finder_finds_them():
    """The test above could not fail if this did not."""
    sample = ("if isinstance(item.data, Event):\n    pass\n"
              "ok = isinstance(value, str)\n"
              "issubclass(model, (int, models.FaqEntry))\n"
              "match data:\n    case Digizine():\n        pass\n")
    assert _model_type_tests(sample, _content_model_names()) == [1, 4, 6]


# ---- No state that outlives a build in a module: it belongs to the adapter's objects ----------

MUTABLE_DISPLAYS = (ast.Dict, ast.List, ast.Set, ast.DictComp, ast.ListComp, ast.SetComp)
MUTABLE_CALLS = frozenset({"dict", "list", "set", "defaultdict", "OrderedDict", "Counter", "deque", "bytearray",
                           "ChainMap", "WeakValueDictionary", "WeakKeyDictionary", "WeakSet", "local",
                           "SimpleNamespace"})


def _is_mutable(value: ast.expr | None) -> bool:
    """A dict, list or set display or comprehension, a call that makes one, or a tuple holding one.
    Tuples, frozensets, MappingProxyType, strings and compiled patterns are constants."""
    if isinstance(value, MUTABLE_DISPLAYS):
        return True
    if isinstance(value, ast.Tuple):
        return any(_is_mutable(element) for element in value.elts)
    if isinstance(value, ast.Call):
        called = value.func
        name = called.id if isinstance(called, ast.Name) else called.attr if isinstance(called, ast.Attribute) else ""
        return name in MUTABLE_CALLS
    return False


def _module_level(body: list[ast.stmt]):
    """The statements that run when a module (or a class in it) is loaded, not those in functions."""
    for statement in body:
        yield statement
        if isinstance(statement, ast.ClassDef):
            yield from _module_level(statement.body)
        elif isinstance(statement, (ast.If, ast.Try, ast.With, ast.For, ast.While)):
            for part in ("body", "orelse", "finalbody"):
                yield from _module_level(getattr(statement, part, []))
            for handler in getattr(statement, "handlers", []):
                yield from _module_level(handler.body)


def module_state(source: str) -> list[str]:
    """Every ``global`` statement and every module-level assignment of a mutable value."""
    tree = ast.parse(source)
    found = [f"line {node.lineno}: global {', '.join(node.names)}" for node in ast.walk(tree)
             if isinstance(node, ast.Global)]
    for statement in _module_level(tree.body):
        if isinstance(statement, (ast.Assign, ast.AnnAssign, ast.AugAssign)) and _is_mutable(statement.value):
            targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
            found.append(f"line {statement.lineno}: {', '.join(ast.unparse(t) for t in targets)}")
    return found


# A dict that a library's own protocol asks for as a class attribute (PyYAML looks a loader's
# implicit resolvers up there); nothing of ours writes to it after the class is made.
LIBRARY_PROTOCOL = frozenset({("content/frontmatter.py", "_Loader.yaml_implicit_resolvers")})


def _state_in_core() -> set[tuple[str, str]]:
    return {(path.relative_to(CORE).as_posix(), found.partition(": ")[2])
            for path in sorted(CORE.rglob("*.py")) for found in module_state(path.read_text(encoding="utf-8"))}


def test_no_module_keeps_mutable_state_or_says_global():
    """What lives for a process (the preview's memory of earlier builds) belongs to the adapter's
    objects (sto.mkdocs.adapter, sto.mkdocs.process_memory), handed down; never to a module."""
    assert _state_in_core() - LIBRARY_PROTOCOL == set()


def test_the_library_protocol_exception_is_still_needed():
    assert LIBRARY_PROTOCOL - _state_in_core() == set()


def test_the_state_finder_finds_a_global_dict_and_a_global_statement():
    """The tests above could not fail if this did not."""
    sample = ("import re\nPATTERN = re.compile('x')\nNAMES = ('a', 'b')\n_seen: dict[str, int] = {}\n"
              "_later = defaultdict(list)\nclass C:\n    cache = [1]\n"
              "def remember(key):\n    global _last\n    _last = key\n")
    assert module_state(sample) == ["line 9: global _last", "line 4: _seen", "line 5: _later", "line 7: cache"]
