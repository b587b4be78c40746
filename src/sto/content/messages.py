"""Pydantic's validation errors, retold in plain Dutch for editors."""

from __future__ import annotations

import difflib

from collections.abc import Callable, Mapping
from types import MappingProxyType

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from sto.problems import Problem


# Field names editors tend to type in Dutch, mapped to the real (English) field names.
DUTCH_NAMES: Mapping[str, str] = MappingProxyType({
    "titel": "title", "datum": "date", "samenvatting": "summary", "categorie": "categories",
    "categorieen": "categories", "categorieën": "categories", "regio": "regions", "regios": "regions",
    "regio's": "regions", "afbeelding": "image", "begin": "start", "einde": "end", "eind": "end",
    "locatie": "location", "plaats": "location", "opname": "recording", "onderwerp": "topic",
    "soort": "kind", "bijgewerkt": "updated", "concept": "draft", "reeks": "series",
    "ondertiteling": "captions", "transcriptie": "transcript", "aanmelden": "registration_url",
    "tijdzone": "timezone", "omschrijving": "summary",
})


def validation_problems(path: str, invalid: ValidationError, model: type[BaseModel],
                        line_of: Callable[[str], int]) -> list[Problem]:
    """Every pydantic error of one file's front matter as a Dutch problem at its field's line."""
    problems = []
    for error in invalid.errors():
        field, message = dutch(error, model)
        problems.append(Problem(path, line_of(field), field, message))
    return problems


def dutch(error: ErrorDetails, model: type[BaseModel]) -> tuple[str, str]:
    """(field path, Dutch message) for one pydantic error."""
    loc = ".".join(str(part) for part in error["loc"])
    ctx = error.get("ctx") or {}
    kind = error["type"]
    if kind == "sto":
        return ctx.get("field", loc), error["msg"]
    if kind == "missing":
        return loc, "dit veld is verplicht maar ontbreekt"
    if kind == "extra_forbidden":
        name = str(error["loc"][-1])
        known = _field_names(model, error["loc"][:-1])
        guess = [DUTCH_NAMES[name.lower()]] if DUTCH_NAMES.get(name.lower()) in known else \
            difflib.get_close_matches(name, known, n=1)
        hint = f"; bedoelt u '{guess[0]}'?" if guess else f"; bekende velden zijn: {', '.join(sorted(known))}"
        return loc, f"onbekend veld{hint}"
    if kind == "literal_error":
        choices = ctx.get("expected", "").replace(" or ", ", ")
        return loc, f"'{error['input']}' is geen geldige waarde; kies uit: {choices}"
    if kind in ("bool_type", "bool_parsing"):
        return loc, "moet true of false zijn"
    if kind == "list_type":
        return loc, "moet een lijst zijn, bijvoorbeeld [eerste, tweede]"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return loc, "moet een geheel getal zijn"
    if kind in ("greater_than_equal",):
        return loc, f"moet {ctx.get('ge')} of hoger zijn"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return loc, "moet een groep velden zijn (ingesprongen regels 'veld: waarde' eronder)"
    if kind == "invalid_key":
        return loc, "een veldnaam moet een woord zijn, zoals 'title:'"
    if kind == "string_type":
        return loc, "moet een tekst zijn"
    return loc, f"ongeldige waarde ({kind})"


def _field_names(model: type[BaseModel], path: tuple[str | int, ...]) -> list[str]:
    for part in path:
        if isinstance(part, int):
            continue
        field = model.model_fields.get(str(part))
        annotation = getattr(field, "annotation", None)
        candidates = [a for a in getattr(annotation, "__args__", (annotation,)) if isinstance(a, type)]
        nested = [a for a in candidates if issubclass(a, BaseModel)]
        if not nested:
            return []
        model = nested[0]
    return list(model.model_fields)
