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
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from sto.content.trust import Refused, check_one_line
from sto.problems import Problem

# Folders (by name) that editors plausibly mean when they type one of these.
LIKELY_MEANT: Mapping[str, str] = MappingProxyType({
    "nieuws": "news", "nieuwsberichten": "news", "berichten": "news", "digizine": "news", "handreikingen": "news",
    "vragen": "faq", "veelgestelde-vragen": "faq", "evenementen": "agenda", "webinars": "agenda", "gegevens": "data"})
LINKED_FOLDERS = ("content", "docs", "overrides")
KEPT_EMPTY = ".gitkeep"  # git's convention for an empty folder; holds nothing to read


@dataclass
class ContentFiles:
    markdown: dict[str, list[str]] = field(default_factory=dict)  # section -> files (from the root, as posix), sorted
    problems: list[Problem] = field(default_factory=list)


def content_files(content_dir: Path, root: Path, sections: dict[str, str], data_files: tuple[str, ...]) -> ContentFiles:
    """The Markdown files of each section (``sections``: section -> folder name) and a problem for
    every file under content/ that is not one of them or a vocabulary in data/."""
    found = ContentFiles({section: [] for section in sections})
    section_of = {folder: section for section, folder in sections.items()}
    prefix = _shown(content_dir, root)
    for relative in _scan(content_dir)[0]:
        shown = prefix + relative
        parts = relative.split("/")
        if parts[-1] == KEPT_EMPTY:
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
            if not parts[-1].endswith(".md"):  # the name does not start with a dot (above): its suffix is .md
                found.problems.append(Problem(shown, 1, "", "alleen Markdown-bestanden (.md) horen in deze map; "
                                              "zet afbeeldingen en pdf's in docs/"))
            else:
                found.markdown[section_of[parts[0]]].append(shown)
        else:
            meant = _meant(parts[0], [*section_of, "data"])
            hint = f"bedoelt u content/{meant}/?" if meant else f"gebruik een van de mappen {_folders(sections)}"
            found.problems.append(Problem(shown, 1, "", f"de map content/{parts[0]}/ wordt niet gelezen; {hint}"))
    return found


def symlink_problems(root: Path) -> list[Problem]:
    """Every symbolic link in the folders the build reads."""
    return [Problem(f"{folder}/{link}", 1, "", "dit is een snelkoppeling (symbolische link); die volgt de bouw niet, "
                    "zet het bestand zelf hier neer")
            for folder in LINKED_FOLDERS for link in _scan(root / folder)[1]]


def file_name_problems(root: Path) -> list[Problem]:
    """Every file or folder in docs/ (whose names become addresses as they are) with a name no
    address or log line can carry: a line break, a control or an invisible character."""
    problems = []
    for shown in files_under(root / "docs", root):
        try:
            check_one_line(shown)
        except Refused:
            problems.append(Problem(shown, 1, "", "de naam van dit bestand (of van een map erboven) bevat een "
                                    "regelovergang, een onzichtbaar teken of een teken dat de leesrichting omdraait; "
                                    "geef het een naam met alleen letters, cijfers, streepjes en punten"))
    return problems


def files_under(top: Path, root: Path) -> list[str]:
    """Every regular file under ``top``, as its path from ``root`` (posix), sorted as paths are;
    links are not followed (symlink_problems reports them)."""
    prefix = _shown(top, root)
    return [prefix + relative for relative in _scan(top)[0]]


def _shown(top: Path, root: Path) -> str:
    """``top`` from ``root`` as a prefix for the paths under it: 'content/', or '' for the root itself."""
    relative = top.relative_to(root).as_posix()
    return "" if relative == "." else relative + "/"


def _scan(top: Path) -> tuple[list[str], list[str]]:
    """(files, symbolic links) under ``top`` as posix paths relative to it, each sorted as paths
    are. os.scandir, not os.walk and pathlib: the type of each entry comes with its name, so no
    stat() per file (at N = 1,000 the walks took a tenth of loading the content). A folder that
    cannot be read is skipped, as os.walk skips it."""
    files: list[str] = []
    links: list[str] = []
    folders = [("", str(top))]
    while folders:
        prefix, folder = folders.pop()
        try:
            with os.scandir(folder) as entries:
                for entry in entries:
                    relative = prefix + entry.name
                    if _is(entry.is_symlink):
                        links.append(relative)
                    elif _is(entry.is_dir, follow_symlinks=False):
                        folders.append((relative + "/", entry.path))
                    else:  # as os.walk has it: anything that is neither a folder nor a link
                        files.append(relative)
        except OSError:
            continue
    return sorted(files, key=_path_order), sorted(links, key=_path_order)


def _is(test: Callable[..., bool], **options: bool) -> bool:
    try:
        return test(**options)
    except OSError:  # os.walk counts an entry whose type cannot be read as neither
        return False


def _path_order(relative: str) -> list[str]:
    """The order of pathlib's paths (part by part), which earlier builds read the files in."""
    return relative.split("/")


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
