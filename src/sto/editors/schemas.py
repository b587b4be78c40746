"""JSON Schemas for editors' tools, generated from the content models (one source of truth).

``schemas/<kind>.json`` per kind, plus ``schemas/news.json`` for the news folder, where the
``kind`` field tells the three news kinds apart. ``make schemas`` writes them; a test fails
when the committed files differ from what the models generate now.
"""

from __future__ import annotations

import json
from typing import Any, Union

from pydantic import TypeAdapter

from sto.content.models import Digizine, Handreiking, NewsItem
from sto.editors.scaffold import KINDS
from sto.content.sections import NEWS

DIALECT = "http://json-schema.org/draft-07/schema#"  # what ajv reads by default (see .remarkrc.mjs)


def _with_dialect(schema: dict[str, Any]) -> dict[str, Any]:
    return {"$schema": DIALECT, **schema}


def schemas() -> dict[str, dict[str, Any]]:
    """File name -> JSON Schema."""
    found = {f"{kind}.json": _with_dialect(spec.model.model_json_schema()) for kind, spec in KINDS.items()}
    found["news.json"] = _with_dialect(news_folder_schema())
    return found


def news_folder_schema() -> dict[str, Any]:
    """One schema for content/news/: ``kind`` picks the model (if/then/else rather than anyOf,
    so an editor's tool reports the fields of the kind meant, not a failed match of all three)."""
    defs = TypeAdapter(Union[NewsItem, Digizine, Handreiking]).json_schema()["$defs"]
    kind = NewsItem.model_fields["kind"]

    def when(value: str) -> dict[str, Any]:
        return {"properties": {"kind": {"const": value}}, "required": ["kind"]}

    return {
        "title": "Nieuws, digizine of handreiking",
        "type": "object",
        "properties": {"kind": {"enum": list(NEWS.kinds), "default": kind.default, "description": kind.description}},
        "if": when("digizine"), "then": {"$ref": "#/$defs/Digizine"},
        "else": {"if": when("handreiking"), "then": {"$ref": "#/$defs/Handreiking"},
                 "else": {"$ref": "#/$defs/NewsItem"}},
        "$defs": defs,
    }


def as_text(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
