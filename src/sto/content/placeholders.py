"""Text that marks something as unfinished, defined once: what `make new` writes for the editor
to replace, and the marker for a fact the organisation still has to supply. A published item or
page that still holds any of it is refused (``placeholder_problems``); drafts may hold it."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from sto.problems import Problem

SCAFFOLD_SUMMARY = "Schrijf hier een samenvatting van één of twee zinnen."
SCAFFOLD_BODIES: Mapping[str, str] = MappingProxyType({  # per kind of new file (sto.editors.scaffold.KINDS)
    "nieuws": "Schrijf hier de tekst van het bericht. Een lege regel begint een nieuwe alinea.",
    "digizine": "Schrijf hier wat er in deze digizine staat. Een lege regel begint een nieuwe alinea.",
    "handreiking": "Schrijf hier waar de handreiking over gaat en voor wie hij bedoeld is.",
    "faq": "Schrijf hier het antwoord op de vraag.",
    "evenement": "Schrijf hier wat deelnemers kunnen verwachten.",
})
TO_BE_SUPPLIED = "[IN TE VULLEN"  # e.g. "[IN TE VULLEN: e-mailadres]"; kept out of docs/ (see make todo)

PLACEHOLDERS = (SCAFFOLD_SUMMARY, *SCAFFOLD_BODIES.values(), TO_BE_SUPPLIED)


def placeholder_problems(path: str, text: str) -> list[Problem]:
    """One problem per line that holds a placeholder. Comment lines in the front matter (the
    explanations `make new` writes) are not published and are skipped."""
    problems: list[Problem] = []
    if not any(placeholder in text for placeholder in PLACEHOLDERS):  # nearly every file: no line to look at
        return problems
    lines = text.splitlines()
    in_front_matter = bool(lines) and lines[0].strip() == "---"
    for number, line in enumerate(lines, 1):
        if number > 1 and in_front_matter and line.strip() == "---":
            in_front_matter = False
            continue
        if in_front_matter and line.lstrip().startswith("#"):
            continue
        for found in (p for p in PLACEHOLDERS if p in line):
            if found == TO_BE_SUPPLIED:
                problems.append(Problem(path, number, "", f"bevat nog '{found}' (een gegeven dat nog moet worden "
                                        "aangeleverd): vul het in of haal het weg; 'make todo' noemt wat nog "
                                        "ontbreekt"))
            else:
                problems.append(Problem(path, number, "", f"bevat nog de voorbeeldtekst '{found}' van 'make new': "
                                        "vervang die door uw eigen tekst, of zet 'draft: true' zolang het stuk "
                                        "niet af is"))
    return problems
