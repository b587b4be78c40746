"""The web editor's configuration (Decap CMS's ``config.yml``), generated from the content model.

The section registry (``sto.content.sections``) gives the collections (one per section, and one per
news kind, whose form differs), where their files go and how new files are named (as
``make new`` names them). The pydantic models give the fields: each field's widget follows
from its type, its hint is the model's description, a required field is required, a pattern
is the one in the model's JSON Schema, and categories, regions and FAQ topics are choices read
from ``content/data/*.yml``. So the editor's forms cannot disagree with what the build accepts;
a test compares this configuration with every JSON Schema in ``schemas/``.

Two things Decap cannot say in its configuration are handed to the editor's own script
(``editor_rules``): fields that are required only once their optional object is filled in
(an image's alt text; Decap would otherwise refuse an item without any image, decap-cms issue
7748), and optional values left empty, which are left out of the file rather than written as
``''`` (which the models refuse).
"""

from __future__ import annotations

import json
import types
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import annotated_types
import yaml
from pydantic import AfterValidator, BaseModel, BeforeValidator, PlainValidator, WithJsonSchema
from pydantic.fields import FieldInfo

from sto.content import fieldtypes
from sto.content.loader import REFERENCES
from sto.content.vocabulary import Vocabularies
from sto.content.sections import SECTIONS, Section

EDITOR_DIR = "beheer/"  # the editor's address in the site: /beheer/
MEDIA_FOLDER = "docs/media"  # where uploads go in the repository ...
PUBLIC_FOLDER = "/media"  # ... and where the site publishes them
LOCAL_BACKEND = "http://localhost:8081/api/v1"  # decap-server's default address
MOMENT_FORMAT = "YYYY-MM-DD HH:mm"  # as sto.content.fieldtypes.parse_moment reads it (wall-clock time)
DAY_FORMAT = "YYYY-MM-DD"

# Dutch labels by field name (a field's name means the same in every model). A model field may
# also carry its own label as pydantic's ``title``, which wins.
LABELS: Mapping[str, str] = types.MappingProxyType({
    "id": "Id", "title": "Titel", "date": "Publicatiedatum", "updated": "Laatst gewijzigd", "draft": "Concept",
    "kind": "Soort", "summary": "Samenvatting", "categories": "Categorieën", "regions": "Regio's",
    "image": "Afbeelding", "src": "Afbeeldingsbestand", "alt": "Alt-tekst", "link": "Link naar de digizine",
    "topic": "Onderwerp", "series": "Reeks",
    "start": "Begin", "end": "Einde", "timezone": "Tijdzone", "online": "Online", "join_url": "Link om deel te nemen",
    "location": "Locatie", "registration_url": "Aanmeldlink", "status": "Status",
    "status_note": "Toelichting bij de status",
    "sequence": "Volgnummer van de wijziging", "recording": "Opname", "url": "Adres van de opname",
    "poster": "Stilstaand beeld", "captions": "Ondertiteling", "transcript": "Uitgeschreven tekst",
    "published": "Voor het eerst in de agenda", "documents": "Documenten", "file": "Bestand", "body": "Tekst",
})

# The label of each collection (its name is the kind's key in sto.content.sections: nieuws, digizine, ...).
COLLECTION_LABELS: Mapping[str, tuple[str, str]] = types.MappingProxyType({
    "nieuws": ("Nieuws", "Nieuwsbericht"), "digizine": ("Digizines", "Digizine"),
    "handreiking": ("Handreikingen", "Handreiking"), "faq": ("Veelgestelde vragen", "Veelgestelde vraag"),
    "evenement": ("Agenda", "Evenement"),
})

# A Dutch message for each pattern, by the function that checks the field in the model.
PATTERN_MESSAGES: Mapping[Callable[..., Any], str] = types.MappingProxyType({
    fieldtypes.parse_link: "Begin met https://, http:// of mailto:, of met / voor een pagina of bestand op deze site",
    fieldtypes.parse_text: "Eén regel tekst, zonder regeleinde",
    fieldtypes.parse_web_link: "Een volledig webadres: begin met https:// of http://",
    fieldtypes.parse_media_link: "Alleen een bestand op deze site: het adres begint met /",
    fieldtypes.check_identifier: "8 tot 64 kleine letters, cijfers en streepjes",
    fieldtypes.parse_day_or_month: "Schrijf de datum als JJJJ-MM-DD, of JJJJ-MM als alleen de maand bekend is",
    fieldtypes.parse_moment: "Schrijf JJJJ-MM-DD UU:MM",
})
FALLBACK_PATTERN_MESSAGE = "Deze waarde heeft niet de juiste vorm"
# Sections previewed in the site's stylesheet (sto-cms.js).
PREVIEWS: Mapping[str, str] = types.MappingProxyType({"news": "news", "agenda": "event"})
IMAGE_FIELDS = frozenset({"src", "poster"})  # files on this site that are pictures: the image widget


@dataclass(frozen=True)
class EditorSettings:
    """What mkdocs.yml's ``extra.editor`` sets (README, "Web editor"): STO's GitHub repository and
    the OAuth endpoint for Decap's GitHub backend; never a secret."""

    repo: str = ""  # owner/name on GitHub, supplied by STO; empty: not yet supplied (make todo)
    branch: str = "main"
    base_url: str = ""  # the OAuth endpoint's host (Decap's backend.base_url), if any
    auth_endpoint: str = ""
    local_backend: str = LOCAL_BACKEND  # decap-server's API, for editing a local clone

    @classmethod
    def from_extra(cls, extra: Mapping[str, Any]) -> EditorSettings:
        """ValueError names a wrong setting."""
        given = extra.get("editor") or {}
        if not isinstance(given, Mapping):
            raise ValueError("mkdocs.yml: extra.editor must be a mapping of settings")
        known = cls.__dataclass_fields__
        for key, value in given.items():
            if key not in known:
                raise ValueError(f"mkdocs.yml: extra.editor.{key} is not a setting; use {', '.join(known)}")
            if not isinstance(value, str) and value is not None:
                raise ValueError(f"mkdocs.yml: extra.editor.{key} must be text, not {value!r}")
        return cls(**{key: (value or "").strip() or getattr(cls, key) for key, value in given.items()})


@dataclass(frozen=True)
class Collection:
    """One of the editor's collections: a section, or one news kind of it."""

    name: str  # the kind's key in sto.content.sections (nieuws, digizine, handreiking, faq, evenement)
    section: Section[Any]
    model: type[BaseModel]
    kind: str | None  # the fixed ``kind:`` value of a section whose kind picks the model (news)
    dated_name: bool


def collections() -> list[Collection]:
    found = []
    for section in SECTIONS.values():
        for name, new in section.new_files.items():
            kind = name if section.kinds else None
            found.append(Collection(name, section, section.kinds.get(name, section.model) if kind else section.model,
                                    kind, new.dated_name))
    return found


def _label(name: str, info: FieldInfo | None = None) -> str:
    if info is not None and info.title:
        return info.title
    return LABELS.get(name, name.replace("_", " ").capitalize())


def _validators(metadata: tuple[Any, ...]) -> list[Callable[..., Any]]:
    return [m.func for m in metadata if isinstance(m, (BeforeValidator, AfterValidator, PlainValidator))]


def _json_schema(metadata: tuple[Any, ...]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for m in metadata:
        if isinstance(m, WithJsonSchema) and m.json_schema:
            found.update(m.json_schema)
    return found


def _without_none(annotation: Any) -> tuple[Any, bool]:
    """(the type, whether None is allowed)."""
    if get_origin(annotation) in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        optional = len(args) < len(get_args(annotation))
        if len(args) == 1:
            return args[0], optional
        return Union[tuple(args)], optional  # noqa: UP007 (a runtime union of the remaining types)
    return annotation, False


def _split(annotation: Any) -> tuple[Any, tuple[Any, ...]]:
    """``Annotated[T, *metadata]`` -> (T, metadata)."""
    if get_origin(annotation) is Annotated:
        base, *metadata = get_args(annotation)
        return base, tuple(metadata)
    return annotation, ()


class _Fields:
    """Decap field definitions for a model's fields."""

    def __init__(self, vocabularies: Vocabularies, rules: dict[str, Any]):
        self.vocabularies = vocabularies
        self.rules = rules  # what the editor's script checks: required-when-filled fields, by path

    def of(self, model: type[BaseModel], path: tuple[str, ...] = (), inside_optional: bool = False,
           fixed: Mapping[str, str] | None = None) -> list[dict[str, Any]]:
        return [self.field(name, info, path, inside_optional, (fixed or {}).get(name))
                for name, info in model.model_fields.items()]

    def field(self, name: str, info: FieldInfo, path: tuple[str, ...], inside_optional: bool,
              fixed: str | None) -> dict[str, Any]:
        annotation, optional = _without_none(info.rebuild_annotation())
        required = info.is_required()
        out: dict[str, Any] = {"name": name, "label": _label(name, info)}
        if info.description and info.description.lower() != out["label"].lower():  # "Titel" says no more
            out["hint"] = info.description
        if fixed is not None:  # the collection's kind: fixed, not shown
            return {**out, "widget": "hidden", "default": fixed}
        out.update(self.widget(name, annotation, (*path, name), required and not optional))
        # Decap refuses an optional object whose required fields are empty (decap-cms issue 7748), so
        # within one they are optional to Decap; the editor's script requires them once it is filled in.
        out["required"] = required and not inside_optional
        nested = _split(annotation)[0]
        if isinstance(nested, type) and issubclass(nested, BaseModel) and not (required and not optional):
            needed = [[sub, _label(sub, sub_info)] for sub, sub_info in nested.model_fields.items()
                      if sub_info.is_required()]
            if needed:
                self.rules.setdefault("required_when_filled", []).append(
                    {"path": [*path, name], "label": out["label"], "fields": needed})
        default = info.get_default(call_default_factory=True) if not required else None
        if default not in (None, [], "") and "default" not in out:
            out["default"] = default
        return out

    def widget(self, name: str, annotation: Any, path: tuple[str, ...], required: bool) -> dict[str, Any]:
        base, metadata = _split(annotation)
        checks = _validators(metadata)
        if name in REFERENCES and self._is_slug(base, checks):
            return self._choices(name, multiple=REFERENCES[name][1])
        origin = get_origin(base)
        if origin is Literal:
            return {"widget": "select", "options": list(get_args(base))}
        if origin is list:
            (item,) = get_args(base)
            return self._list(name, item, path)
        if isinstance(base, type) and issubclass(base, BaseModel):
            fields = self.of(base, path, inside_optional=not required)
            return {"widget": "object", "collapsed": False, "fields": fields}
        if base is bool:
            return {"widget": "boolean"}
        if base is int:
            minimum = [m.ge for m in metadata if isinstance(m, annotated_types.Ge)]
            return {"widget": "number", "value_type": "int", **({"min": minimum[0]} if minimum else {})}
        return self._text(name, checks, _json_schema(metadata))

    def _text(self, name: str, checks: list[Callable[..., Any]], schema: dict[str, Any]) -> dict[str, Any]:
        if fieldtypes.check_identifier in checks:  # a fresh uuid4 per new item, not editable
            return {"widget": "uuid", "read_only": True}
        if fieldtypes.parse_moment in checks:  # wall-clock time in the event's zone: no UTC conversion
            return {"widget": "datetime", "format": MOMENT_FORMAT, "date_format": DAY_FORMAT, "time_format": "HH:mm",
                    "picker_utc": False}
        if fieldtypes.parse_day in checks or fieldtypes.parse_day_or_month in checks:
            return {"widget": "datetime", "format": DAY_FORMAT, "date_format": DAY_FORMAT, "time_format": False,
                    "picker_utc": False}
        if fieldtypes.parse_media_link in checks:  # chosen from the media folder, so always a path on this site
            return {"widget": "image" if name in IMAGE_FIELDS else "file", "choose_url": False}
        widget: dict[str, Any] = {"widget": "string"}
        if "pattern" in schema:
            message = next((PATTERN_MESSAGES[c] for c in checks if c in PATTERN_MESSAGES), FALLBACK_PATTERN_MESSAGE)
            widget["pattern"] = [schema["pattern"], message]
        return widget

    def _is_slug(self, base: Any, checks: list[Callable[..., Any]]) -> bool:
        item = get_args(base)[0] if get_origin(base) is list else None
        return base is str or (item is not None and _split(item)[0] is str)

    def _choices(self, name: str, multiple: bool) -> dict[str, Any]:
        known: dict[str, str] = getattr(self.vocabularies, REFERENCES[name][0])
        return {"widget": "select", "multiple": multiple,
                "options": [{"label": label, "value": slug} for slug, label in known.items()]}

    def _list(self, name: str, item: Any, path: tuple[str, ...]) -> dict[str, Any]:
        base, metadata = _split(item)
        if isinstance(base, type) and issubclass(base, BaseModel):
            return {"widget": "list", "collapsed": False, "fields": self.of(base, path)}
        single = self.widget(name, item, path, True)
        return {"widget": "list", "field": {"name": "item", "label": _label(name), **single}}


def model_fields(model: type[BaseModel], vocabularies: Vocabularies) -> list[dict[str, Any]]:
    """Decap's fields for one model (without the body), e.g. to look at one model's form."""
    return _Fields(vocabularies, {}).of(model)


def _slug_template(model: type[BaseModel], dated: bool) -> str:
    """A new file's name as ``make new`` gives it (sto.editors.scaffold.relative_path): the date
    (the item's date, an event's start day) and the slugged title."""
    if not dated:
        return "{{slug}}"
    if "date" in model.model_fields:
        return "{{fields.date}}-{{slug}}"
    return "{{fields.start | date('YYYY-MM-DD')}}-{{slug}}"


def cms_config(vocabularies: Vocabularies, settings: EditorSettings, site_url: str) -> dict[str, Any]:
    """Decap CMS's configuration (also read by Sveltia CMS)."""
    config, _ = _generate(vocabularies, settings, site_url)
    return config


def editor_rules(vocabularies: Vocabularies, settings: EditorSettings) -> dict[str, Any]:
    """What the editor's script needs: per collection what it checks before a save and which
    preview it shows (see the module's docstring), and whether a GitHub repository is set."""
    _, rules = _generate(vocabularies, settings, "")
    return {"collections": rules, "connected": bool(settings.repo)}


def _generate(vocabularies: Vocabularies, settings: EditorSettings, site_url: str
              ) -> tuple[dict[str, Any], dict[str, Any]]:
    backend: dict[str, Any] = {"name": "github", "branch": settings.branch, "squash_merges": True,
                               "commit_messages": {"create": "Nieuw: {{slug}} ({{collection}})",
                                                   "update": "Gewijzigd: {{slug}} ({{collection}})",
                                                   "delete": "Verwijderd: {{slug}} ({{collection}})",
                                                   "uploadMedia": "Bestand toegevoegd: {{path}}",
                                                   "deleteMedia": "Bestand verwijderd: {{path}}"}}
    if settings.repo:
        backend["repo"] = settings.repo
    if settings.base_url:
        backend["base_url"] = settings.base_url
    if settings.auth_endpoint:
        backend["auth_endpoint"] = settings.auth_endpoint
    local_backend: bool | dict[str, Any] = True if settings.local_backend == LOCAL_BACKEND else {
        "url": settings.local_backend}
    rules: dict[str, Any] = {}
    found = []
    for collection in collections():
        collection_rules: dict[str, Any] = {}
        fields = _Fields(vocabularies, collection_rules)
        fixed = {"kind": collection.kind} if collection.kind else None
        fields_config = fields.of(collection.model, fixed=fixed)
        for field in fields_config:
            if field["name"] == "draft":  # a new item is a draft until the editor says otherwise
                field["default"] = True
        fields_config.append({"name": "body", "label": LABELS["body"], "widget": "markdown",
                              "required": collection.section.body_required,
                              "hint": "De tekst van de pagina, in Markdown"})
        plural, singular = COLLECTION_LABELS.get(collection.name, (collection.name.capitalize(),) * 2)
        entry: dict[str, Any] = {
            "name": collection.name, "label": plural, "label_singular": singular,
            "folder": f"content/{collection.section.folder}", "extension": "md", "format": "frontmatter",
            "create": True, "slug": _slug_template(collection.model, collection.dated_name),
            "identifier_field": "title", "summary": "{{title}}", "fields": fields_config,
        }
        if collection.kind:
            entry["filter"] = {"field": "kind", "value": collection.kind}
        found.append(entry)
        if collection.section.key in PREVIEWS:
            collection_rules["preview"] = PREVIEWS[collection.section.key]
        rules[collection.name] = collection_rules
    config: dict[str, Any] = {
        "backend": backend, "local_backend": local_backend, "publish_mode": "editorial_workflow",
        "locale": "nl", "site_url": site_url, "display_url": site_url, "show_preview_links": False,
        "media_folder": MEDIA_FOLDER, "public_folder": PUBLIC_FOLDER,
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": found,
    }
    return config, rules


def as_yaml(config: Mapping[str, Any]) -> str:
    header = ("# Generated by the build from the content model (sto.editors.cms_config); never edit by hand.\n"
              "# The web editor at /beheer/ (Decap CMS) reads it; see README.md, \"Web editor\".\n")
    return header + yaml.safe_dump(dict(config), allow_unicode=True, sort_keys=False, width=1000)


def rules_json(rules: Mapping[str, Any]) -> str:
    return json.dumps(rules, ensure_ascii=True, sort_keys=True)
