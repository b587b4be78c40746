"""New content files, like Hugo's archetypes: every field present, each with its Dutch comment.

The comments are the models' field descriptions, so the template can never disagree with
what the build validates. A new file builds as it is: required fields get a value (the
title, today's date, a fresh id, a placeholder summary), optional ones stay empty. It is a
draft (``draft: true``): the preview shows it, marked "concept"; the published site does not,
and it cannot be published while it still holds the placeholder text (sto.content.placeholders).
"""

from __future__ import annotations

import json
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import MappingProxyType

from pydantic import BaseModel
from pydantic.fields import FieldInfo
from slugify import slugify as _library_slugify

from sto.clock import AMSTERDAM_NAME
from sto.content.loader import REFERENCES
from sto.content.placeholders import SCAFFOLD_SUMMARY
from sto.content.vocabulary import Vocabularies
from sto.content.sections import SECTIONS


@dataclass(frozen=True)
class Kind:
    """One kind of new file (sto.content.sections: the section's ``new_files``) with the section it goes into."""

    model: type[BaseModel]
    section: str  # key of sto.content.sections.SECTIONS
    what: str  # how the guide and the CLI name it, in Dutch
    body: str  # placeholder text below the front matter
    dated_name: bool = True  # file name starts with the date


KINDS: Mapping[str, Kind] = MappingProxyType({
    name: Kind(new.model, section.key, new.what, new.body, new.dated_name)
    for section in SECTIONS.values() for name, new in section.new_files.items()})

MAX_SLUG = 60


# Apostrophes join a word ("Regio's" -> regios, not regio-s); every other non-letter separates.
_JOIN = (("'", ""), ("\u2019", ""), ("\u2018", ""))


def slugify(title: str) -> str:
    """Lowercase ASCII with dashes: 'Één dag in Curaçao!' -> 'een-dag-in-curacao', '2025–2029' ->
    '2025-2029', 'Straße' -> 'strasse'. python-slugify transliterates (text-unidecode) where a
    hand-made ASCII filter would drop letters; cut at a word boundary, since the name becomes the
    web address. Only new files get a name from here: existing file names never change."""
    return _library_slugify(title, max_length=MAX_SLUG, word_boundary=True, replacements=_JOIN)


def relative_path(kind: str, title: str, day: date) -> str:
    """Where a new file goes, e.g. ``content/agenda/2024-06-19-sto-live.md``."""
    spec = KINDS[kind]
    slug = slugify(title)
    if not slug:
        raise ValueError("de titel moet minstens één letter of cijfer bevatten")
    name = f"{day.isoformat()}-{slug}" if spec.dated_name else slug
    return f"content/{SECTIONS[spec.section].folder}/{name}.md"


def _values(kind: str, title: str, day: date, identifier: str, vocab: Vocabularies) -> dict[str, str]:
    """The YAML text of every field that gets a value; the others stay empty."""
    values = {"id": identifier, "title": json.dumps(title, ensure_ascii=False), "draft": "true",
              "categories": "[]", "regions": "[]"}
    if kind == "evenement":
        values.update(kind="webinar", start=f"{day.isoformat()} 15:00", timezone=AMSTERDAM_NAME,
                      online="true", status="gepland", sequence="0")
    else:
        values["date"] = day.isoformat()
    if SECTIONS[KINDS[kind].section].kinds:  # the kind picks the model (news): say which
        values["kind"] = kind
    summary = KINDS[kind].model.model_fields.get("summary")
    if summary is not None and summary.is_required():
        values["summary"] = json.dumps(SCAFFOLD_SUMMARY, ensure_ascii=False)
    if kind == "faq":
        values["topic"] = next(iter(vocab.topics), "")
    return values


def _choices(name: str, vocab: Vocabularies) -> str:
    known = getattr(vocab, REFERENCES[name][0]) if name in REFERENCES else None
    return f" Kies uit: {', '.join(known)}." if known else ""


def _nested_model(field: FieldInfo) -> type[BaseModel] | None:
    args = getattr(field.annotation, "__args__", (field.annotation,))
    return next((a for a in args if isinstance(a, type) and issubclass(a, BaseModel)), None)


def front_matter(kind: str, title: str, day: date, identifier: str, vocab: Vocabularies) -> str:
    """The YAML lines between the fences: a comment line, then the field."""
    values = _values(kind, title, day, identifier, vocab)
    lines = []
    for name, field in KINDS[kind].model.model_fields.items():
        description = (field.description or "").rstrip(".")
        nested = _nested_model(field)
        if nested and typing.get_origin(field.annotation) is list:  # a list of them (documents): none yet
            lines.append(f"# {description}. Voor elk: haal de # weg bij de regels eronder en de [] hierachter.")
            lines.append(f"{name}: []")
            for index, (sub_name, sub) in enumerate(nested.model_fields.items()):
                lines.append(f"#  {'-' if index == 0 else ' '} {sub_name}:  # {sub.description or ''}".rstrip())
            continue
        if nested:
            lines.append(f"# {description}. Haal de # weg bij de regels eronder om dit in te vullen.")
            lines.append(f"{name}:")
            for sub_name, sub in nested.model_fields.items():
                lines.append(f"#  {sub_name}:  # {sub.description or ''}".rstrip())
            continue
        lines.append(f"# {description}.{_choices(name, vocab)}")
        value = values.get(name, "")
        lines.append(f"{name}: {value}".rstrip())
    return "\n".join(lines) + "\n"


def render(kind: str, title: str, day: date, identifier: str, vocab: Vocabularies) -> str:
    """The whole new file: front matter between '---' fences, then a placeholder body."""
    if kind not in KINDS:
        raise ValueError(f"'{kind}' is geen soort; kies uit: {', '.join(KINDS)}")
    return f"---\n{front_matter(kind, title.strip(), day, identifier, vocab)}---\n\n{KINDS[kind].body}\n"


def create(root: Path, kind: str, title: str, day: date, identifier: str, vocab: Vocabularies) -> Path:
    """Write the new file under ``root``; never overwrites (FileExistsError)."""
    path = Path(root) / relative_path(kind, title, day)
    text = render(kind, title, day, identifier, vocab)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "x", encoding="utf-8") as out:  # "x": fails if the file exists
        out.write(text)
    return path
