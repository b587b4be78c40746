"""The Dutch messages the validator can produce, read from the source code (placeholders as '…')."""

from __future__ import annotations

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parent.parent / "src" / "sto" / "content"
MODULES = ("fieldtypes.py", "frontmatter.py", "loader.py", "markdown_safety.py", "messages.py", "models.py",
           "placeholders.py", "sources.py", "trust.py", "vocabulary.py",
           "../site/references.py", "../site/media_files.py")  # every reference resolves


def _text(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(part.value if isinstance(part, ast.Constant) else "…" for part in node.values)
    return None


def validator_messages() -> set[str]:
    """Every message passed to fail(...), Refused(...), _refuse(md, written, message) or
    Problem(..., message), or returned by messages.dutch."""
    found = set()
    for name in MODULES:
        for node in ast.walk(ast.parse((CORE / name).read_text(encoding="utf-8"))):
            candidates = []
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                if node.func.id in ("fail", "Refused") and node.args:
                    candidates.append(node.args[0])
                elif node.func.id == "_refuse" and len(node.args) == 3:
                    candidates.append(node.args[2])
                elif node.func.id == "Problem" and len(node.args) == 4:
                    candidates.append(node.args[3])
            elif name == "messages.py" and isinstance(node, ast.Return) and isinstance(node.value, ast.Tuple):
                candidates.append(node.value.elts[-1])
            found |= {text for text in map(_text, candidates) if text}
    return found


if __name__ == "__main__":
    for message in sorted(validator_messages()):
        print(message)
