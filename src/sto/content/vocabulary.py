"""Controlled vocabularies (categories, FAQ topics, regions): one YAML file each, slug -> name."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

import yaml

from sto.content.frontmatter import _Loader, plain_data_problems
from sto.content.trust import SLUG, Refused, character_problems, check_one_line
from sto.problems import Problem

FILES: Mapping[str, str] = MappingProxyType({"categories": "categorieen.yml", "topics": "onderwerpen.yml",
                                             "regions": "regios.yml"})


@dataclass(frozen=True)
class Vocabularies:
    categories: dict[str, str] = field(default_factory=dict)
    topics: dict[str, str] = field(default_factory=dict)
    regions: dict[str, str] = field(default_factory=dict)


def load_vocabularies(data_dir: Path, root: Path) -> tuple[Vocabularies, list[Problem]]:
    problems: list[Problem] = []
    found: dict[str, dict[str, str]] = {}
    for name, filename in FILES.items():
        path = data_dir / filename
        shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        found[name] = {}
        if not path.exists():
            problems.append(Problem(shown, 1, "", "dit bestand ontbreekt"))
            continue
        try:
            text = path.read_text(encoding="utf-8")
            if not_plain := character_problems(shown, text, 1) or plain_data_problems(shown, text, first_line=1):
                problems += not_plain
                continue
            node = yaml.compose(text, Loader=_Loader)
        except (yaml.YAMLError, UnicodeDecodeError) as exc:
            mark = getattr(exc, "problem_mark", None)
            problems.append(Problem(shown, mark.line + 1 if mark else 1, "", "fout in de YAML-opmaak"))
            continue
        if not isinstance(node, yaml.MappingNode):
            problems.append(Problem(shown, 1, "", "schrijf één regel per waarde: 'slug: Naam'"))
            continue
        for key, value in node.value:
            line = key.start_mark.line + 1
            if not (isinstance(key, yaml.ScalarNode) and SLUG.fullmatch(key.value)):
                problems.append(Problem(shown, line, "", "een slug bestaat uit kleine letters, cijfers en streepjes"))
            elif not (isinstance(value, yaml.ScalarNode) and value.value.strip()):
                problems.append(Problem(shown, line, key.value, "geef een naam na de dubbele punt"))
            elif key.value in found[name]:
                problems.append(Problem(shown, line, key.value, "deze slug staat twee keer in het bestand"))
            else:
                try:
                    found[name][key.value] = check_one_line(value.value.strip())
                except Refused as refusal:
                    problems.append(Problem(shown, line, key.value, str(refusal)))
    return Vocabularies(**found), problems
