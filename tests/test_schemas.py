"""The JSON Schemas for editors' tools: generated from the models, never out of date, and what
VS Code (remark-lint-frontmatter-schema, configured in .remarkrc.mjs) checks front matter with."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from sto.editors.scaffold import KINDS, create
from sto.editors.schemas import as_text, schemas
from sto.content.vocabulary import load_vocabularies

from .sitebuild import ROOT

REMARK = ROOT / "node_modules" / ".bin" / "remark"


def test_committed_schemas_equal_freshly_generated_ones():
    fresh = schemas()
    committed = {p.name for p in (ROOT / "schemas").glob("*.json")}
    assert committed == set(fresh), "run 'make schemas' and commit schemas/"
    for name, schema in fresh.items():
        assert (ROOT / "schemas" / name).read_text(encoding="utf-8") == as_text(schema), \
            f"schemas/{name} is out of date: run 'make schemas' and commit it"


@pytest.mark.parametrize("kind", list(KINDS))
def test_each_schema_has_the_models_fields_and_forbids_others(kind):
    model = KINDS[kind].model
    schema = json.loads((ROOT / "schemas" / f"{kind}.json").read_text(encoding="utf-8"))
    assert list(schema["properties"]) == list(model.model_fields)
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) == {n for n, f in model.model_fields.items() if f.is_required()}
    assert schema["properties"]["id"]["description"] == model.model_fields["id"].description


def remark(project: Path) -> subprocess.CompletedProcess:
    if not REMARK.exists():
        pytest.fail("remark is missing: run 'make test' (it installs the npm tools from package-lock.json)")
    return subprocess.run([str(REMARK), "--no-color", "--quiet", "--frail", "content/"], cwd=project,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def project(tmp_path) -> Path:
    """What VS Code sees: the remark config, the schemas, the content, the npm tools."""
    for part in ("content", "schemas"):
        shutil.copytree(ROOT / part, tmp_path / part)
    shutil.copy2(ROOT / ".remarkrc.mjs", tmp_path / ".remarkrc.mjs")
    (tmp_path / "node_modules").symlink_to(ROOT / "node_modules")
    return tmp_path


@pytest.mark.tools
def test_editor_check_accepts_our_content_and_every_new_file(project):
    vocab, _ = load_vocabularies(project / "content" / "data", project)
    for kind in KINDS:
        create(project, kind, f"Nieuw {kind}", date(2024, 6, 15), "0b6f1c3e-5d2a-4c7b-9e8f-123456789abc", vocab)
    result = remark(project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "warning" not in result.stdout + result.stderr


@pytest.mark.tools
def test_editor_check_points_at_the_wrong_value(project):
    (project / "content/agenda/fout.md").write_text(
        "---\nid: 12345678-aaaa-4bbb-8ccc-000000000001\ntitle: T\nkind: webinar\nstart: 2024-06-19 15:00\n"
        "status: afgelast\n---\n", encoding="utf-8")
    (project / "content/news/fout.md").write_text(
        "---\nid: 12345678-aaaa-4bbb-8ccc-000000000002\ntitle: T\nkind: digizine\ndate: 19 juni\nsummary: S\n---\n",
        encoding="utf-8")
    result = remark(project)
    report = result.stdout + result.stderr
    assert result.returncode == 1
    assert "content/agenda/fout.md" in report and "content/news/fout.md" in report
    assert "6:9-6:17 warning Must be equal to one of the allowed values: `gepland`, `geannuleerd`, `verplaatst`" in report
    assert 'Must match pattern "^\\d{4}-\\d{2}(-\\d{2})?$"' in report  # a day, or a month only
