"""Valid items remembered between builds (``load_content(..., memory)``, kept in the build cache by
``sto.mkdocs.incremental``): the same items without reading the files again; an invalid or
changed file is always read whole, and a damaged memory costs only a reading."""

from __future__ import annotations

import pytest

from sto.cache.store import Store
from sto.content import loader
from sto.problems import ContentInvalid

from .factories import event, news


def _fingerprint(content):
    return [(i.path, i.data, i.body, i.body_line, i.id_line, i.source_digest, i.slug) for i in content.items]


def test_a_remembered_valid_file_is_not_read_again_and_gives_the_same_item(tree, monkeypatch):
    tree.write("news/a.md", news(1))
    tree.write("agenda/e.md", event(2, "2024-07-01 10:00"))
    memory = Store()
    first = loader.load_content(tree.content, tree.root, memory)

    def not_again(*args, **kwargs):
        raise AssertionError("read again")

    monkeypatch.setattr(loader.frontmatter, "parse", not_again)
    assert _fingerprint(loader.load_content(tree.content, tree.root, memory)) == _fingerprint(first)


def test_a_changed_or_invalid_file_is_read_whole(tree):
    tree.write("news/a.md", news(1))
    memory = Store()
    loader.load_content(tree.content, tree.root, memory)
    tree.write("news/a.md", news(1, date="2024-02-30"))
    with pytest.raises(ContentInvalid) as invalid:
        loader.load_content(tree.content, tree.root, memory)
    assert [p.field for p in invalid.value.problems] == ["date"]


def test_a_damaged_memory_costs_a_reading_only(tree):
    tree.write("news/a.md", news(1))
    memory = Store()
    first = loader.load_content(tree.content, tree.root, memory)
    for key in list(memory._entries):
        memory._entries[key] = ({"id": "geen-uuid", "title": 3}, "", 1, 1)  # what no model accepts
    assert _fingerprint(loader.load_content(tree.content, tree.root, memory)) == _fingerprint(first)


def test_an_item_page_is_remembered_by_its_file_and_made_again_when_the_file_changes(tree, monkeypatch):
    from sto.site import pages

    tree.write("news/a.md", news(1))
    memory = Store()
    made = pages.generated_pages(loader.load_content(tree.content, tree.root), memory)
    monkeypatch.setattr(pages, "item_page", lambda item: "opnieuw gemaakt")
    assert pages.generated_pages(loader.load_content(tree.content, tree.root), memory) == made
    tree.write("news/a.md", news(1, title="Ander bericht"))
    changed = pages.generated_pages(loader.load_content(tree.content, tree.root), memory)
    assert list(changed.values()) == ["opnieuw gemaakt"]


class _PreviewMemory(Store):
    """The preview's item memory: a store, and the last load's result per file (sto.mkdocs.incremental)."""

    def __init__(self):
        super().__init__()
        self.last_load = loader.LastLoad()


def test_the_preview_takes_an_unchanged_files_result_from_the_load_before(tree, monkeypatch):
    tree.write("news/a.md", news(1))
    tree.write("news/b.md", news(2, date="2024-02-30"))
    memory = _PreviewMemory()
    with pytest.raises(ContentInvalid) as first:
        loader.load_content(tree.content, tree.root, memory)
    assert len(memory.last_load.results) == 2
    validated = []
    monkeypatch.setattr(loader, "_load_remembered", lambda *args: validated.append(args[1]) or (None, []))
    with pytest.raises(ContentInvalid) as again:  # neither file is read or validated again, the problem stays
        loader.load_content(tree.content, tree.root, memory)
    assert validated == [] and again.value.problems == first.value.problems
    tree.write("news/b.md", news(2))
    loader.load_content(tree.content, tree.root, memory)  # the changed file only
    assert validated == ["content/news/b.md"]
