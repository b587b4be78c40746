"""The content model and the open data's JSON Schema agree on registration and join addresses:
what the model lets through, the schema accepts, so no editor's value breaks /data/v1/ (issue 20)."""

from __future__ import annotations

import json
import re

import pytest
from pydantic import ValidationError

from sto.content.models import Event
from sto.syndication.opendata import EventRecord

from .sitebuild import ROOT

CANDIDATES = ["https://www.example.nl/aanmelden", "http://example.nl/x?a=1&b=2", "HTTPS://EXAMPLE.NL/",
              "mailto:aanmelden@example.nl", "/aanmelden/", "aanmelden.html", "//evil.example/x",
              "javascript:alert(1)", "https://example.nl@evil.example/", "ftp://example.nl/x"]
BASE = {"id": "99999999-aaaa-4bbb-8ccc-000000000001", "title": "T", "kind": "webinar", "start": "2024-06-19 15:00",
        "online": True}


def _accepted_by_model(field: str, value: str) -> bool:
    try:
        Event.model_validate({**BASE, field: value})
    except ValidationError:
        return False
    return True


def _pattern(schema: dict, field: str) -> re.Pattern[str]:
    (string,) = [option for option in schema["properties"][field]["anyOf"] if option.get("type") == "string"]
    return re.compile(string["pattern"])


@pytest.mark.parametrize("field", ["registration_url", "join_url"])
def test_what_the_model_accepts_the_open_data_schema_and_the_editors_schema_accept(field):
    open_data = _pattern(EventRecord.model_json_schema(), field)
    editors = _pattern(json.loads((ROOT / "schemas/evenement.json").read_text(encoding="utf-8")), field)
    accepted = [value for value in CANDIDATES if _accepted_by_model(field, value)]
    assert accepted == ["https://www.example.nl/aanmelden", "http://example.nl/x?a=1&b=2"]
    for value in CANDIDATES:
        assert bool(open_data.search(value)) is bool(editors.search(value)), value
        assert (value in accepted) <= bool(open_data.search(value)), value
