"""Read and validate everything under content/, reporting every problem at once."""

from __future__ import annotations

import marshal
from collections.abc import Callable
from pathlib import Path
from types import MappingProxyType
from typing import Any, Protocol, runtime_checkable

from pydantic import ValidationError

from sto.digests import digest, source_digest
from sto.content import frontmatter
from sto.content.items import AnyItem, Content, Item
from sto.content.messages import validation_problems
from sto.content.models import ContentModel
from sto.content.placeholders import placeholder_problems
from sto.problems import ContentInvalid, Problem
from sto.content.docs_pages import DocsPages, read_docs
from sto.content.markdown_safety import checked_body
from sto.content.references import body_references, front_matter_references
from sto.content.sources import content_files, file_name_problems, symlink_problems
from sto.content.trust import SLUG
from sto.content.vocabulary import FILES, Vocabularies, load_vocabularies
from sto.content.sections import SECTIONS, Section

# Fields whose values are slugs from a vocabulary: field -> (Vocabularies attribute, a list of them).
REFERENCES = MappingProxyType({"categories": ("categories", True), "regions": ("regions", True),
                               "topic": ("topics", False)})

# A file's load: its section, the digest of its path and bytes, the digest of the vocabularies.
LoadKey = tuple[str, str, str]


class LastLoad:
    """Each file's result of the last load: the preview (one process, many builds) keeps one, so
    that it validates only the files that changed."""

    def __init__(self) -> None:
        self.results: dict[LoadKey, tuple[AnyItem | None, list[Problem]]] = {}


# What the memory keeps of a valid file: its front matter's data, body, body line, id line and
# references (as lists: plain data).
Remembered = tuple[dict[str, Any], str, int, int, list[list[Any]]]


class ItemMemory(Protocol):
    """Where valid items are remembered between builds (a ``sto.cache.store.Store``, its keys
    within the fingerprint of the running code)."""

    def get(self, key: str) -> Any: ...

    def put(self, key: str, value: object) -> None: ...


@runtime_checkable
class PreviewMemory(ItemMemory, Protocol):
    """An item memory that also holds the last load's results (the preview's)."""

    last_load: LastLoad | None


def load_content(content_dir: Path, root: Path | None = None, memory: ItemMemory | None = None,
                 docs: DocsPages | None = None, each: Each | None = None) -> Content:
    """Load and validate all content; raises ContentInvalid listing every problem. With a
    ``memory``, a file whose bytes a build found valid before is not read again: its front
    matter's data is validated by its model once more (the checks of its text and body are
    functions of those same bytes and the same code); an invalid file is always read whole. A
    memory with a ``last_load`` (the preview's) also takes each unchanged file's result, valid or
    not, from the load before. ``docs``: docs/ as the caller read it (``read_docs``), else it is
    read here. ``each(work, n)`` is ``[work(0), ..., work(n - 1)]``, the files' loading: one by one
    unless the caller has a faster way (``mkdocs build`` loads in several processes, in the same order)."""
    content_dir = Path(content_dir)
    root = Path(root) if root else content_dir.parent
    last_load = memory.last_load if isinstance(memory, PreviewMemory) else None
    before = last_load.results if last_load is not None else {}
    vocab, problems = load_vocabularies(content_dir / "data", root)
    problems += symlink_problems(root) + file_name_problems(root)
    files = content_files(content_dir, root, {key: section.folder for key, section in SECTIONS.items()},
                          tuple(FILES.values()))
    problems += files.problems
    vocab_key = digest(repr(vocab))
    jobs = [(key, shown) for key, paths in files.markdown.items() for shown in paths]

    def load_one(index: int) -> tuple[LoadKey, tuple[AnyItem | None, list[Problem]]]:
        key, shown = jobs[index]
        raw = (root / shown).read_bytes()
        file_digest = source_digest(shown, raw)
        reuse = (key, file_digest, vocab_key)
        return reuse, (before.get(reuse) or _load_remembered(key, shown, raw, file_digest, vocab, vocab_key, memory))

    loaded: dict[LoadKey, tuple[AnyItem | None, list[Problem]]] = {}
    items: list[AnyItem] = []
    for reuse, (item, found) in (each or _one_by_one)(load_one, len(jobs)):
        loaded[reuse] = (item, found)
        problems += found
        if item:
            items.append(item)
    if last_load is not None:
        last_load.results = loaded
    problems += (docs if docs is not None else read_docs(root / "docs", root)).problems
    problems += _duplicates(items)
    if problems:
        raise ContentInvalid(problems)
    return Content(items, vocab)


# How the files' loading is done: ``each(work, n)`` is ``[work(0), ..., work(n - 1)]``, in that order.
Each = Callable[[Callable[[int], Any], int], list[Any]]


def _one_by_one(work: Callable[[int], Any], total: int) -> list[Any]:
    return [work(index) for index in range(total)]


def _load_remembered(section_key: str, path: str, raw: bytes, file_digest: str, vocab: Vocabularies,
                     vocab_key: str, memory: ItemMemory | None) -> tuple[AnyItem | None, list[Problem]]:
    if memory is None:
        return load_item(section_key, path, raw, vocab)
    key = digest("valid-item", section_key, file_digest, vocab_key)
    remembered = memory.get(key)
    if isinstance(remembered, tuple) and len(remembered) == 5:
        data, body, body_line, id_line, references = remembered
        model = _model_named(SECTIONS[section_key], data)
        try:
            if model is not None and isinstance(references, list):
                return Item(model.model_validate(data), body, path, _slug_of(path), body_line, id_line,
                            file_digest, tuple(tuple(r) for r in references)), []
        except ValidationError:
            pass  # not what was stored: read the file
    kept: list[Remembered] = []
    item, problems = load_item(section_key, path, raw, vocab, kept.append)
    if item is not None and kept:
        try:
            marshal.dumps(kept[0])  # the memory holds plain data only
        except ValueError:
            return item, problems
        memory.put(key, kept[0])
    return item, problems


def load_item(section_key: str, path: str, raw: bytes, vocab: Vocabularies,
              keep: Callable[[Remembered], None] | None = None) -> tuple[AnyItem | None, list[Problem]]:
    """Validate one file of the section ``section_key`` (news, faq, agenda). Returns the item
    (None when invalid) and its problems; ``keep`` gets a valid item's front matter data, body,
    body line, id line and references (plain data, for ``ItemMemory``)."""
    section = SECTIONS[section_key]
    slug = _slug_of(path)
    parsed = frontmatter.parse(path, raw)
    if isinstance(parsed, list):
        return None, parsed
    problems = list(parsed.problems)
    if not SLUG.fullmatch(slug):
        problems.append(Problem(path, 1, "", "de bestandsnaam wordt het webadres: gebruik alleen kleine letters, "
                                "cijfers en streepjes, bijvoorbeeld 2024-06-19-sto-live-gorinchem.md"))
    model = _model_for(section, parsed, problems, path)
    data: ContentModel | None = None
    if model is not None:
        try:
            data = model.model_validate(parsed.data)
        except ValidationError as exc:
            problems += validation_problems(path, exc, model, parsed.line_of)
    problems += _vocabulary_problems(section, parsed, vocab, path)
    found, links = checked_body(path, parsed.body, parsed.body_line)
    problems += found
    if data is not None and section.body_required and not parsed.body.strip():
        problems.append(Problem(path, parsed.body_line, "", "het antwoord ontbreekt: schrijf het onder de regel '---'"))
    if data is not None and not data.draft:  # a draft may still hold what `make new` wrote; a published item may not
        problems += placeholder_problems(path, raw.decode("utf-8", "replace"))
    if problems or data is None:
        return None, problems
    references = [*front_matter_references(data, parsed.line_of), *body_references(links)]
    if keep is not None:
        keep((parsed.data, parsed.body, parsed.body_line, parsed.line_of("id"), [list(r) for r in references]))
    return Item(data, parsed.body, path, slug, parsed.body_line, parsed.line_of("id"), source_digest(path, raw),
                tuple(references)), []


def _slug_of(path: str) -> str:
    """The file name without ``.md``: the item's address (and slug)."""
    return path.rpartition("/")[2].removesuffix(".md")


def _model_named(section: Section[Any], data: dict[str, Any]) -> type[ContentModel] | None:
    """The section's model, or where ``kind:`` picks the model, the one it names (None: no such kind)."""
    if not section.kinds:
        return section.model
    kind = data.get("kind", section.model.model_fields["kind"].default)
    if isinstance(kind, str) and kind in section.kinds:  # a list or mapping here is not hashable
        return section.kinds[kind]
    return None


def _model_for(section: Section[Any], parsed: frontmatter.Parsed, problems: list[Problem],
               path: str) -> type[ContentModel] | None:
    """The section's model, or where ``kind:`` picks the model, the one it names."""
    if (model := _model_named(section, parsed.data)) is not None:
        return model
    kind = parsed.data.get("kind")
    shown = f"'{kind}'" if isinstance(kind, str) else "deze waarde"
    problems.append(Problem(path, parsed.line_of("kind"), "kind",
                            f"{shown} is geen geldige soort; kies uit: {', '.join(section.kinds)}"))
    return None


def _vocabulary_problems(section: Section[Any], parsed: frontmatter.Parsed, vocab: Vocabularies,
                         path: str) -> list[Problem]:
    """Checked on the raw data, so an unknown slug is reported even when another field is invalid.
    List fields are checked in every section (where the model lacks one, that is reported
    besides); a single slug (``topic``) where the section's model has the field."""
    data = parsed.data
    checks: list[tuple[str, str, str]] = []  # (field, where in the file, slug)
    for field, (_, listed) in REFERENCES.items():
        value = data.get(field)
        if listed and isinstance(value, list):
            checks += [(field, f"{field}.{i}", v) for i, v in enumerate(value) if isinstance(v, str)]
        elif not listed and isinstance(value, str) and field in section.model.model_fields:
            checks.append((field, field, value))
    problems = []
    for field, where, slug in checks:
        vocabulary = REFERENCES[field][0]
        if slug not in getattr(vocab, vocabulary):
            problems.append(Problem(path, parsed.line_of(where), field,
                                    f"'{slug}' staat niet in content/data/{FILES[vocabulary]}; kies een bestaande "
                                    "waarde of voeg hem daar toe"))
    return problems


def _duplicates(items: list[AnyItem]) -> list[Problem]:
    problems = []
    first_by_id: dict[str, AnyItem] = {}
    first_by_url: dict[str, AnyItem] = {}
    for item in sorted(items, key=lambda i: i.path):
        if item.id in first_by_id:
            problems.append(Problem(item.path, item.id_line, "id",
                                    f"deze id wordt al gebruikt door {first_by_id[item.id].path}; "
                                    "maak een nieuw bestand met 'make new' voor een nieuwe id"))
        first_by_id.setdefault(item.id, item)
        if item.url in first_by_url:
            problems.append(Problem(item.path, 1, "", f"dezelfde bestandsnaam (en dus hetzelfde webadres /{item.url}) "
                                    f"als {first_by_url[item.url].path}; kies een andere bestandsnaam"))
        first_by_url.setdefault(item.url, item)
    return problems
