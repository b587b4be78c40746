"""The build cache's parts without MkDocs: fingerprints, the store, and the rule that templates
read from the build's globals only what the template fingerprint covers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from markupsafe import Markup

from sto.cache.fingerprint import Undigestible, tree_digest, value_digest
from sto.cache.store import Store
from sto.content.loader import load_item
from sto.content.vocabulary import Vocabularies
from sto.mkdocs.incremental import TEMPLATE_GLOBAL_READS, Incremental, PreviewResults

from . import factories

ROOT = Path(__file__).resolve().parent.parent
NEWS = factories.news(1, "Tekst.\n", title="Een bericht", date="2024-06-01", summary="Kort.").encode()


def _item(raw: bytes = NEWS, path: str = "content/news/2024-06-01-bericht.md"):
    item, problems = load_item("news", path, raw, Vocabularies())
    assert problems == [] and item is not None
    return item


@dataclass
class View:
    items: list
    when: datetime


def test_a_value_digest_follows_every_part_of_the_value():
    when = datetime(2024, 6, 15, 12, tzinfo=ZoneInfo("Europe/Amsterdam"))
    base = {"view": View([_item()], when), "trail": [("Nieuws", "nieuws/")], "n": 1}
    digests = {value_digest(base)}
    variants = [
        {**base, "n": 2},
        {**base, "n": 1.0},
        {**base, "trail": [("Nieuws", "nieuws/x/")]},
        {**base, "trail": [Markup("Nieuws"), "nieuws/"]},
        {**base, "view": View([_item(NEWS.replace(b"Tekst.", b"Tekst!"))], when)},
        {**base, "view": View([_item(path="content/news/2024-06-01-ander.md")], when)},
        {**base, "view": View([_item()], when.replace(hour=13))},
        {**base, "view": View([_item()], when.astimezone(ZoneInfo("UTC")))},
        {"trail": base["trail"], "view": base["view"], "n": 1},  # order counts: templates loop over dicts
        {**base, "extra": date(2024, 6, 15)},
    ]
    for variant in variants:
        digests.add(value_digest(variant))
    assert len(digests) == len(variants) + 1
    assert value_digest({"view": View([_item()], when), "trail": [("Nieuws", "nieuws/")], "n": 1}) == value_digest(base)


def test_values_without_a_safe_fingerprint_are_refused():
    with pytest.raises(Undigestible):
        value_digest({"x": object()})


def test_a_tree_digest_follows_names_and_bytes_and_skips_caches(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "t.html").write_text("x")
    first = tree_digest(tmp_path, ["a", "missing.yml"])
    (tmp_path / "a" / "__pycache__").mkdir()
    (tmp_path / "a" / "__pycache__" / "t.pyc").write_bytes(b"\0")
    assert tree_digest(tmp_path, ["a", "missing.yml"]) == first
    (tmp_path / "a" / "t.html").write_text("y")
    assert tree_digest(tmp_path, ["a", "missing.yml"]) != first
    (tmp_path / "a" / "t.html").rename(tmp_path / "a" / "u.html")
    assert tree_digest(tmp_path, ["a", "missing.yml"]) not in (first,)


def test_a_save_rewrites_only_the_parts_whose_entries_changed(tmp_path):
    path = tmp_path / "store"
    store = Store()
    for n in range(2000):
        store.put(f"k{n}", f"v{n}")
    store.save(path)
    assert len(list(path.iterdir())) == 256
    again = Store.load(path)
    for n in range(2000):
        again.get(f"k{n}")
    again.put("k7", "changed")
    stamps = {p.name: p.stat().st_mtime_ns for p in path.iterdir()}
    again.save(path)
    rewritten = [p.name for p in path.iterdir() if p.stat().st_mtime_ns != stamps[p.name]]
    assert len(rewritten) == 1
    loaded = Store.load(path)
    assert loaded.get("k7") == "changed" and loaded.get("k1999") == "v1999"


def test_the_store_saves_what_a_build_used_and_survives_damage(tmp_path):
    path = tmp_path / "store"
    store = Store()
    store.put("a", ("html", [{"name": "x", "children": []}], None))
    store.save(path)
    again = Store.load(path)
    assert again.get("a") == ("html", [{"name": "x", "children": []}], None)
    assert again.get("b") is None
    assert (again.hits, again.misses) == (1, 1)
    again.start_build()
    again.put("c", "new")
    again.save(path)  # "a" was not used by this build: gone
    assert Store.load(path).get("a") is None and Store.load(path).get("c") == "new"
    for part in path.iterdir():
        part.write_bytes(b"\x00garbage")
    assert Store.load(path).get("c") is None
    assert Store.load(tmp_path / "absent").get("c") is None


def test_the_loader_reuses_a_file_only_while_its_bytes_are_the_same(tmp_path):
    from sto.content.loader import load_content

    (tmp_path / "content" / "news").mkdir(parents=True)
    data = tmp_path / "content" / "data"
    data.mkdir()
    for name in ("categorieen.yml", "onderwerpen.yml", "regios.yml"):
        (data / name).write_text("a: A\n", encoding="utf-8")
    target = tmp_path / "content" / "news" / "2024-06-01-bericht.md"
    target.write_bytes(NEWS)
    preview = PreviewResults()  # the preview process's memory, as the adapter keeps it

    def load():  # each preview build has its own Incremental, over the same memory
        memory = Incremental(preview.store(""), "base", last_load=preview.last_load).item_memory()
        return load_content(tmp_path / "content", tmp_path, memory).items[0]

    first = load()
    assert load() is first
    target.write_bytes(NEWS.replace(b"Een bericht", b"Een ander bericht"))
    changed = load()
    assert changed.title == "Een ander bericht" and changed.source_digest != first.source_digest


GLOBAL_READ = re.compile(r"\b(sto(?:_syndication|_site)?)((?:\.[A-Za-z_]\w*)+)")


def test_templates_read_from_the_build_only_what_the_page_fingerprint_covers():
    """A template that reads something else from the globals ``sto``, ``sto_syndication`` or
    ``sto_site`` (the build's "now", the listings) would be reused when that changes: give the
    page that value through its context (``Site.context_for``) or add it to the render
    fingerprint and ``TEMPLATE_GLOBAL_READS`` (sto/mkdocs/incremental.py)."""
    reads = {}
    for template in sorted((ROOT / "overrides").rglob("*.html")):
        text = re.sub(r"\{#.*?#\}", "", template.read_text(encoding="utf-8"), flags=re.S)
        for tag in re.findall(r"\{[{%].*?[}%]\}", text, flags=re.S):
            for name, attributes in GLOBAL_READ.findall(tag):
                path = name + attributes
                if name == "sto" and attributes.split(".")[1] in ("css", "js"):
                    continue  # file names such as assets/sto.css
                reads.setdefault(path, template.relative_to(ROOT).as_posix())
    assert reads, "no template reads the build's globals: this test looks in the wrong place"
    uncovered = {path: where for path, where in reads.items()
                 if not any(path == known or path.startswith(known + ".") for known in TEMPLATE_GLOBAL_READS)}
    assert uncovered == {}


def test_a_build_holds_earlier_results_only_with_a_cache_that_has_some():
    """Speed converts in one process then (a warm build restores conversions faster than a worker
    hands them over)."""
    assert not Incremental.disabled().holds_results()
    assert not Incremental(Store(), "base").holds_results()
    assert Incremental(Store({"markdown:x": "stored"}), "base").holds_results()
