"""What the preview (``mkdocs serve``: one process, many builds) keeps from one build to the next.

The adapter holds one for its process and hands each build the parts it needs: the build cache's
results and compiled templates (``sto.mkdocs.incremental``), what the site folder holds
(``sto.mkdocs.preview_writes``) and the search index made in the background
(``sto.mkdocs.site_search``). ``mkdocs build`` runs one build per process and keeps nothing here.
"""

from __future__ import annotations

import os
from pathlib import Path

from sto.mkdocs.incremental import PreviewResults
from sto.mkdocs.preview_writes import FolderMemory
from sto.mkdocs.site_search import PreviewIndex


class ProcessMemory:
    def __init__(self) -> None:
        self.results = PreviewResults()
        self._folders: dict[str, FolderMemory] = {}  # by the site folder's absolute path
        self._indexes: dict[str, PreviewIndex] = {}  # by its resolved path

    def folder(self, site_dir: str) -> FolderMemory:
        """What this site folder holds from earlier builds."""
        return self._folders.setdefault(os.path.abspath(site_dir), FolderMemory())

    def index(self, site_dir: str) -> PreviewIndex:
        """This site folder's search index, made in the background after each build."""
        return self._indexes.setdefault(str(Path(site_dir).resolve()), PreviewIndex(site_dir))
