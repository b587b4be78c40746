"""`make todo`: what Sterk Techniekonderwijs still has to supply is listed for maintainers, and
never shown to visitors (the pages it names hold no field to fill in)."""

from __future__ import annotations

import subprocess
import sys

import yaml

from sto.content.placeholders import TO_BE_SUPPLIED

from .sitebuild import ROOT

TODO = ROOT / "docs-dev" / "nog-aan-te-leveren.yml"


def test_make_todo_lists_every_entry_with_its_page():
    entries = yaml.safe_load(TODO.read_text(encoding="utf-8"))
    result = subprocess.run([sys.executable, str(ROOT / "scripts/todo")], capture_output=True, text=True, timeout=30)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    editor = (yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["extra"].get("editor") or {})
    unset = 0 if editor.get("repo") else 1  # the web editor's GitHub repository, listed while it is empty
    assert lines[0].startswith(f"Nog aan te leveren door Sterk Techniekonderwijs ({len(entries) + unset} punten")
    assert any(line.startswith("- mkdocs.yml, extra.editor.repo") for line in lines) == bool(unset)
    for entry in entries:
        assert (ROOT / entry["pagina"]).is_file(), entry["pagina"]
        assert any(line.startswith(f"- {entry['pagina']}, {entry['kop']}: ") for line in lines), entry
        assert TO_BE_SUPPLIED not in (ROOT / entry["pagina"]).read_text(encoding="utf-8")
    assert "\n\t@$(BIN)/python scripts/todo\n" in (ROOT / "Makefile").read_text(encoding="utf-8")
