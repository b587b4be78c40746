"""The web editor's configuration (sto.editors.cms_config): generated from the sections, the
models and the vocabularies, and in agreement with every JSON Schema in schemas/ (the same
models), so the editor's forms cannot ask for something the build refuses or miss a field."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel, Field

from sto.content.fieldtypes import ONE_LINE, MediaLink, Text
from sto.content.vocabulary import Vocabularies
from sto.editors.cms_config import (MOMENT_FORMAT, EditorSettings, as_yaml, cms_config, collections, editor_rules,
                                    model_fields)
from sto.editors.scaffold import KINDS
from sto.editors.web_editor import editor_files, page, policy, script
from sto.content.sections import SECTIONS

from .sitebuild import ROOT

SCHEMAS = ROOT / "schemas"
VOCAB = Vocabularies(categories={"subsidie": "Subsidie en regeling"}, topics={"keuzevakken": "Keuzevakken"},
                     regions={"caribisch-nederland": "Caribisch Nederland"})


def _config(**settings: str) -> dict[str, Any]:
    return cms_config(VOCAB, EditorSettings(**settings), "https://www.example.org/")


def _collection(name: str, config: dict[str, Any] | None = None) -> dict[str, Any]:
    return next(c for c in (config or _config())["collections"] if c["name"] == name)


def _field(fields: list[dict[str, Any]], name: str) -> dict[str, Any]:
    return next(f for f in fields if f["name"] == name)


# --- agreement with schemas/*.json ----------------------------------------------------------------------------------

def _resolve(node: dict[str, Any], root: dict[str, Any]) -> tuple[dict[str, Any], bool]:
    """(the schema of a property, whether it may be null)."""
    nullable = False
    if "anyOf" in node:
        options = [o for o in node["anyOf"] if o.get("type") != "null"]
        nullable = len(options) < len(node["anyOf"])
        node = {**options[0], **{k: v for k, v in node.items() if k != "anyOf"}}
    if "$ref" in node:
        node = {**root["$defs"][node["$ref"].rsplit("/", 1)[1]], **{k: v for k, v in node.items() if k != "$ref"}}
    return node, nullable


def _models_in(schema: dict[str, Any], stem: str) -> list[tuple[dict[str, Any], str]]:
    """The object schemas in one file with the collection that edits them: a kind's own file, or
    (news.json) each model in $defs whose ``kind`` is fixed."""
    names = {c.name for c in collections()}
    if stem in names:
        return [(schema, stem)]
    found = []
    for definition in schema.get("$defs", {}).values():
        kind = definition.get("properties", {}).get("kind", {}).get("const")
        if kind in names:
            found.append((definition, kind))
    return found


def _disagreements(node: dict[str, Any], fields: list[dict[str, Any]], root: dict[str, Any], where: str,
                   inside_optional: bool = False) -> list[str]:
    problems = []
    properties = node.get("properties", {})
    names = [f["name"] for f in fields if f["name"] != "body"]
    if set(names) != set(properties):
        problems.append(f"{where}: schema {sorted(properties)} but editor {sorted(names)}")
    for name, raw in properties.items():
        if name not in names:
            continue
        field = _field(fields, name)
        prop, nullable = _resolve(raw, root)
        at = f"{where}.{name}"
        required = name in node.get("required", [])
        if field["widget"] == "hidden":  # the collection's fixed kind
            if field["default"] != prop.get("const", field["default"]):
                problems.append(f"{at}: fixed to {field['default']!r}, schema says {prop.get('const')!r}")
            continue
        if field.get("required", True) != (required and not inside_optional):
            problems.append(f"{at}: required {field.get('required', True)} in the editor, {required} in the schema")
        if "pattern" in prop and field["widget"] == "string" and field.get("pattern", [None])[0] != prop["pattern"]:
            problems.append(f"{at}: pattern {field.get('pattern')} is not the schema's {prop['pattern']!r}")
        if "enum" in prop and field.get("options") != prop["enum"]:
            problems.append(f"{at}: options {field.get('options')} are not the schema's {prop['enum']}")
        if prop.get("type") == "object" or "properties" in prop:
            problems += _disagreements(prop, field.get("fields", []), root, at, inside_optional or nullable
                                       or not required)
        if prop.get("type") == "array" and "properties" in _resolve(prop["items"], root)[0]:
            problems += _disagreements(_resolve(prop["items"], root)[0], field.get("fields", []), root, at)
    return problems


def test_generated_config_holds_every_field_of_every_json_schema():
    """Fails when the generated config and the JSON Schemas (make schemas) disagree: a field
    missing or extra, a required field optional, another pattern or other choices."""
    config = _config()
    checked = 0
    for path in sorted(SCHEMAS.glob("*.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        models = _models_in(schema, path.stem)
        assert models, f"{path.name}: no collection of the web editor edits what this schema describes"
        for node, name in models:
            problems = _disagreements(node, _collection(name, config)["fields"], schema, f"{path.name} ({name})")
            assert problems == [], "\n".join(problems)
            checked += 1
    assert checked == len(KINDS) + 3  # each kind's file, and news.json's three news kinds


def test_a_disagreement_is_found():
    """The comparison above can fail: a field dropped from the form, or made optional, is reported."""
    schema = json.loads((SCHEMAS / "evenement.json").read_text(encoding="utf-8"))
    fields = [f for f in _collection("evenement")["fields"] if f["name"] != "location"]
    assert _disagreements(schema, fields, schema, "x")[0].startswith("x: schema [")
    fields = [{**f, "required": False} if f["name"] == "start" else f for f in _collection("evenement")["fields"]]
    assert _disagreements(schema, fields, schema, "x") == ["x.start: required False in the editor, True in the schema"]


# --- the collections -----------------------------------------------------------------------------------------------

def test_one_collection_per_section_and_news_kind_writing_where_the_loader_reads():
    config = _config()
    assert [(c["name"], c["folder"]) for c in config["collections"]] == [
        ("nieuws", "content/news"), ("digizine", "content/news"), ("handreiking", "content/news"),
        ("faq", "content/faq"), ("evenement", "content/agenda")]
    for name in ("nieuws", "digizine", "handreiking"):
        collection = _collection(name, config)
        assert collection["filter"] == {"field": "kind", "value": name}
        assert _field(collection["fields"], "kind") == {"name": "kind", "label": "Soort",
                                                       "hint": "nieuws, digizine of handreiking",
                                                       "widget": "hidden", "default": name}
    assert {c["folder"].removeprefix("content/") for c in config["collections"]} == {
        s.folder for s in SECTIONS.values()}


def test_file_names_as_make_new_names_them():
    """Dated where make new dates them (news: the item's date, as written; events: the start's day)."""
    assert _collection("nieuws")["slug"] == "{{fields.date}}-{{slug}}"
    assert _collection("evenement")["slug"] == "{{fields.start | date('YYYY-MM-DD')}}-{{slug}}"
    assert _collection("faq")["slug"] == "{{slug}}"
    assert _config()["slug"] == {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"}


def test_editorial_workflow_dutch_local_backend_and_one_media_folder():
    config = _config()
    assert (config["publish_mode"], config["locale"], config["local_backend"]) == ("editorial_workflow", "nl", True)
    assert (config["media_folder"], config["public_folder"]) == ("docs/media", "/media")
    assert _config(local_backend="http://127.0.0.1:8150/api/v1")["local_backend"] == {
        "url": "http://127.0.0.1:8150/api/v1"}


def test_fields_follow_their_types():
    news = _collection("nieuws")["fields"]
    assert _field(news, "id")["widget"] == "uuid" and _field(news, "id")["read_only"] is True
    assert _field(news, "draft")["default"] is True  # new items are drafts
    date = _field(news, "date")
    assert (date["widget"], date["format"], date["time_format"], date["required"]) == (
        "datetime", "YYYY-MM-DD", False, True)
    assert _field(news, "categories") == {
        "name": "categories", "label": "Categorieën", "hint": "Categorieën uit content/data/categorieen.yml",
        "widget": "select", "multiple": True, "options": [{"label": "Subsidie en regeling", "value": "subsidie"}],
        "required": False}
    image = _field(news, "image")
    assert image["widget"] == "object" and image["required"] is False
    assert [(f["name"], f["widget"], f["required"]) for f in image["fields"]] == [
        ("src", "image", False), ("alt", "string", False)]  # required once filled in: editor_rules
    event = _collection("evenement")["fields"]
    start = _field(event, "start")
    assert (start["widget"], start["format"], start["picker_utc"]) == ("datetime", MOMENT_FORMAT, False)
    assert MOMENT_FORMAT == "YYYY-MM-DD HH:mm"  # as sto.content.fieldtypes.parse_moment reads it
    assert _field(event, "kind")["options"] == ["webinar", "bijeenkomst", "conferentie", "training", "overig"]
    assert _field(event, "sequence") == {"name": "sequence", "label": "Volgnummer van de wijziging",
                                         "hint": "Verhoog met 1 bij elke wijziging van tijd, plaats of status",
                                         "widget": "number", "value_type": "int", "min": 0, "required": False,
                                         "default": 0}
    assert _field(event, "join_url")["pattern"] == ["^https?://", "Een volledig webadres: begin met https:// of http://"]
    assert _field(event, "location")["widget"] == "string"
    assert _field(event, "timezone")["default"] == "Europe/Amsterdam"
    recording = _field(event, "recording")["fields"]
    assert [(f["name"], f["widget"]) for f in recording] == [
        ("url", "string"), ("poster", "image"), ("captions", "file"), ("transcript", "string")]
    faq = _collection("faq")["fields"]
    assert _field(faq, "topic")["options"] == [{"label": "Keuzevakken", "value": "keuzevakken"}]
    assert _field(faq, "topic")["multiple"] is False
    assert _field(faq, "body")["required"] is True  # the answer
    assert _field(news, "body")["required"] is False


class Document(BaseModel):
    file: MediaLink = Field(description="Het bestand")
    title: Text = Field(description="Waar het over gaat")


class WithDocuments(BaseModel):
    documents: list[Document] = Field(default_factory=list, description="Documenten om te downloaden")
    attachment: Document | None = None


def test_lists_of_nested_objects_and_new_fields_need_no_change():
    """A field another change adds (``documents: list[Document]``) gets its form from its type."""
    documents, attachment = model_fields(WithDocuments, VOCAB)
    assert documents == {"name": "documents", "label": "Documenten", "hint": "Documenten om te downloaden",
                         "widget": "list", "collapsed": False, "required": False, "fields": [
                             {"name": "file", "label": "Bestand", "hint": "Het bestand", "widget": "file",
                              "choose_url": False, "required": True},
                             {"name": "title", "label": "Titel", "hint": "Waar het over gaat", "widget": "string",
                              "pattern": [ONE_LINE, "Eén regel tekst, zonder regeleinde"], "required": True}]}
    assert [f["required"] for f in attachment["fields"]] == [False, False]


def test_editor_rules_require_an_optional_objects_fields_once_it_is_filled_in():
    rules = editor_rules(VOCAB, EditorSettings())
    assert rules["connected"] is False and editor_rules(VOCAB, EditorSettings(repo="a/b"))["connected"] is True
    assert rules["collections"]["nieuws"] == {"preview": "news", "required_when_filled": [
        {"path": ["image"], "label": "Afbeelding", "fields": [["src", "Afbeeldingsbestand"], ["alt", "Alt-tekst"]]}]}
    assert rules["collections"]["evenement"]["preview"] == "event"
    assert rules["collections"]["faq"] == {}


# --- settings, page, policy ----------------------------------------------------------------------------------------

def test_settings_from_mkdocs_extra():
    assert EditorSettings.from_extra({}) == EditorSettings()
    settings = EditorSettings.from_extra({"editor": {"repo": " sto/site ", "base_url": "https://auth.example.org"}})
    assert (settings.repo, settings.base_url, settings.branch) == ("sto/site", "https://auth.example.org", "main")
    assert EditorSettings.from_extra({"editor": {"repo": None}}).repo == ""
    with pytest.raises(ValueError, match="extra.editor.repository is not a setting"):
        EditorSettings.from_extra({"editor": {"repository": "x"}})
    with pytest.raises(ValueError, match="must be text"):
        EditorSettings.from_extra({"editor": {"repo": 3}})
    backend = _config(repo="sto/site", base_url="https://auth.example.org")["backend"]
    assert (backend["name"], backend["repo"], backend["branch"], backend["base_url"]) == (
        "github", "sto/site", "main", "https://auth.example.org")
    assert "repo" not in _config()["backend"]  # never a guess: make todo lists it


def test_editor_page_has_its_own_policy_and_is_noindex():
    scripts = {"before-decap.js": "b=", "decap-cms.js": "d=", "sto-cms.js": "s="}
    html = page(EditorSettings(local_backend="http://127.0.0.1:8150/api/v1"), "Site & co", scripts,
                "https://www.example.org/")
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert "<title>Beheer – Site &amp; co</title>" in html
    assert "connect-src 'self' blob: https://api.github.com http://127.0.0.1:8150;" in html
    # Scripts by exact address and hash, as on the site's pages (not 'self'); each tag carries its hash.
    assert ("script-src https://www.example.org/beheer/before-decap.js https://www.example.org/beheer/decap-cms.js "
            "https://www.example.org/beheer/sto-cms.js 'sha256-b=' 'sha256-d=' 'sha256-s=' 'unsafe-eval';") in html
    assert '<script src="decap-cms.js" integrity="sha256-d="></script>' in html
    assert "script-src 'unsafe-eval';" in policy(EditorSettings())
    assert html.index("before-decap.js\"") < html.index("decap-cms.js\"") < html.index("sto-cms.js\"")


def test_editor_files_and_script():
    files = editor_files(VOCAB, EditorSettings(), "Site", "https://www.example.org/")
    assert sorted(files) == ["beheer/before-decap.js", "beheer/config.yml", "beheer/decap-cms.js",
                             "beheer/index.html", "beheer/sto-cms.js"]
    assert isinstance(files["beheer/decap-cms.js"], Path)
    assert yaml.safe_load(files["beheer/config.yml"]) == _config() | {"site_url": "https://www.example.org/",
                                                                      "display_url": "https://www.example.org/"}
    source = script(VOCAB, EditorSettings())
    assert "/*STO_RULES*/" not in source and '"connected": false' in source
    assert as_yaml(_config()).startswith("# Generated by the build")


def test_the_web_editors_files_come_from_the_cache_while_their_inputs_are_the_same():
    from types import SimpleNamespace

    from sto.cache.store import Store
    from sto.mkdocs.build_files import _editor_files

    store = Store()
    build = SimpleNamespace(content=SimpleNamespace(vocabularies=VOCAB), site_name="Site",
                            site_url="https://www.example.org/")
    config = SimpleNamespace(extra={})
    reuse = store.reuse
    first = _editor_files(build, config, reuse)
    assert first == editor_files(VOCAB, EditorSettings(), "Site", "https://www.example.org/")
    assert _editor_files(build, config, reuse) == first and store.hits == 1  # the second build: from the cache
    build.site_url = "https://sto.example/"
    assert _editor_files(build, config, reuse)["beheer/config.yml"] != first["beheer/config.yml"] and store.hits == 1
