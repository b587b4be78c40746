"""Which files a build reads, and a problem for every other file under content/.

Nothing an editor puts under content/ is ignored without a word: a file in a folder we do not
read (``content/nieuws/``, ``content/Agenda/``), directly in content/, or hidden behind a dot
gets a problem naming the folder it probably belongs in. Symbolic links are refused in every
folder the build reads from: one in docs/ pointing at the build machine's files would
publish them.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass, field
from pathlib import Path

from sto.problems import Problem

# Folders (by name) that editors plausibly mean when they type one of these.
LIKELY_MEANT = {"nieuws": "news", "nieuwsberichten": "news", "berichten": "news", "digizine": "news",
                "handreikingen": "news", "vragen": "faq", "veelgestelde-vragen": "faq", "evenementen": "agenda",
                "webinars": "agenda", "gegevens": "data"}
LINKED_FOLDERS = ("content", "docs", "overrides")
KEPT_EMPTY = ".gitkeep"  # git's convention for an empty folder; holds nothing to read


@dataclass
class ContentFiles:
    markdown: dict[str, list[Path]] = field(default_factory=dict)  # section -> files, sorted
    problems: list[Problem] = field(default_factory=list)


def content_files(content_dir: Path, root: Path, sections: dict[str, str], data_files: tuple[str, ...]) -> ContentFiles:
    """The Markdown files of each section (``sections``: section -> folder name) and a problem for
    every file under content/ that is not one of them or a vocabulary in data/."""
    found = ContentFiles({section: [] for section in sections})
    section_of = {folder: section for section, folder in sections.items()}
    for path in files_under(content_dir):
        shown = path.relative_to(root).as_posix()
        parts = path.relative_to(content_dir).parts
        if path.name == KEPT_EMPTY:
            continue
        if len(parts) == 1:
            found.problems.append(Problem(shown, 1, "", "dit bestand staat direct in content/ en wordt niet gelezen; "
                                          f"zet het in een van de mappen {_folders(sections)}"))
        elif any(part.startswith(".") for part in parts):
            found.problems.append(Problem(shown, 1, "", "bestanden en mappen waarvan de naam met een punt begint "
                                          "worden niet gelezen; haal de punt weg"))
        elif parts[0] == "data":
            if len(parts) != 2 or parts[1] not in data_files:
                found.problems.append(Problem(shown, 1, "", "dit bestand wordt niet gelezen; in content/data/ staan "
                                              f"alleen {', '.join(data_files)}"))
        elif parts[0] in section_of:
            if path.suffix != ".md":
                found.problems.append(Problem(shown, 1, "", "alleen Markdown-bestanden (.md) horen in deze map; "
                                              "zet afbeeldingen en pdf's in docs/"))
            else:
                found.markdown[section_of[parts[0]]].append(path)
        else:
            meant = _meant(parts[0], [*section_of, "data"])
            hint = f"bedoelt u content/{meant}/?" if meant else f"gebruik een van de mappen {_folders(sections)}"
            found.problems.append(Problem(shown, 1, "", f"de map content/{parts[0]}/ wordt niet gelezen; {hint}"))
    return found


def symlink_problems(root: Path) -> list[Problem]:
    """Every symbolic link in the folders the build reads."""
    problems = []
    for folder in LINKED_FOLDERS:
        for directory, dirnames, filenames in os.walk(root / folder):
            for name in sorted(dirnames + filenames):
                path = Path(directory) / name
                if path.is_symlink():
                    problems.append(Problem(path.relative_to(root).as_posix(), 1, "",
                                            "dit is een snelkoppeling (symbolische link); die volgt de bouw niet, "
                                            "zet het bestand zelf hier neer"))
    return problems


def files_under(top: Path) -> list[Path]:
    """Every regular file under ``top``, without following links (symlink_problems reports them)."""
    found = []
    for directory, dirnames, filenames in os.walk(top):
        dirnames[:] = [d for d in dirnames if not (Path(directory) / d).is_symlink()]
        found += [Path(directory) / f for f in filenames if not (Path(directory) / f).is_symlink()]
    return sorted(found)


def _meant(folder: str, known: list[str]) -> str | None:
    lowered = folder.lower()
    if lowered in known:
        return lowered
    if lowered in LIKELY_MEANT:
        return LIKELY_MEANT[lowered]
    close = difflib.get_close_matches(lowered, known, n=1, cutoff=0.6)
    return close[0] if close else None


def _folders(sections: dict[str, str]) -> str:
    return ", ".join(f"content/{folder}/" for folder in sections.values())
