"""`make serve` rewrites only the files a save changed.

MkDocs' preview empties its site folder before every rebuild and writes every page and file
again, although after one save almost all of them come out the same. ``make serve`` runs MkDocs'
"dirty" rebuilds instead (``--dirty``: no emptying, and a file whose ``is_modified()`` says no
is neither converted, rendered nor written), and this module makes them exact, where MkDocs
itself only compares modification times (which say nothing about a page that lists other pages):

- every page is converted (``is_modified`` is true up to on_env), so every feed and search record
  is made from the current content;
- a page is not rendered again when its template fingerprint (``sto.mkdocs.incremental``) is the
  one of the output its address holds from the build before;
- a generated file (open data, embeds, newsletters, feeds, calendars, the search index's files)
  is written only when its bytes differ from what the folder holds;
- a file no longer produced (an item deleted or renamed) is removed from the folder.

So the folder equals the one a full preview build writes, which the preview tests check after
each kind of edit. The memory of what the folder holds (``FolderMemory``) lives as long as the
process, per folder: the adapter keeps it (``sto.mkdocs.process_memory``).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from pathlib import Path

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from sto.mkdocs import engine_internals as engine

# Written by MkDocs besides the files in ``Files``: the theme's static templates (MkDocs adds a
# gzip copy of the sitemap).
OTHER_OUTPUTS = ("sitemap.xml.gz",)


def _yes() -> bool:
    return True


def _no() -> bool:
    return False


def _digest(content: bytes | str) -> str:
    data = content.encode("utf-8") if isinstance(content, str) else content
    return hashlib.sha256(data).hexdigest()


class FolderMemory:
    """What the preview's site folder holds from earlier builds."""

    def __init__(self) -> None:
        self.page_keys: dict[str, str] = {}  # site-relative path -> fingerprint of the page written there
        self.file_digests: dict[str, str] = {}  # site-relative path -> digest of the generated file there

    def forget(self) -> None:
        self.page_keys.clear()
        self.file_digests.clear()


class DirtyBuild:
    """One preview rebuild that rewrites only what changed (see the module's docstring)."""

    def __init__(self, site_dir: str, memory: FolderMemory):
        self.site_dir = Path(site_dir)
        self.memory = memory
        self._kept: set[str] = set()  # src_uri of the pages not rendered again
        self._page_paths: dict[str, str] = {}  # src_uri -> site-relative output path

    # on_files
    def start(self, files: Files) -> None:
        """Every page is converted; a generated file is copied only when its bytes changed."""
        for file in files:
            if file.is_documentation_page():
                engine.set_modified(file, _yes)  # on this object only
                self._page_paths[file.src_uri] = file.dest_uri
            elif file.generated_by is not None:
                digest = _digest(file.content_bytes)
                if self.memory.file_digests.get(file.dest_uri) == digest and (self.site_dir / file.dest_uri).is_file():
                    engine.set_modified(file, _no)
                else:
                    self.memory.file_digests[file.dest_uri] = digest

    # on_env, per page, with the page's template fingerprint
    def keep(self, page: Page, key: str) -> bool:
        """True (and the page is not rendered) when its address holds this rendering already."""
        path = page.file.dest_uri
        if self.memory.page_keys.get(path) == key and (self.site_dir / path).is_file():
            engine.set_modified(page.file, _no)
            self._kept.add(page.file.src_uri)
            return True
        self.memory.page_keys.pop(path, None)  # written again below (or, on failure, unknown)
        return False

    def rendered(self, page: Page, key: str | None) -> None:
        """A page written now with this fingerprint (None: not fingerprinted, never kept)."""
        if key is None:
            self.memory.page_keys.pop(page.file.dest_uri, None)
        else:
            self.memory.page_keys[page.file.dest_uri] = key

    def kept(self, src_uri: str) -> bool:
        return src_uri in self._kept

    # on_post_build
    def write(self, relative: str, data: bytes) -> None:
        """A file the hooks write (feeds, calendars), when its bytes changed."""
        digest = _digest(data)
        target = self.site_dir / relative
        if self.memory.file_digests.get(relative) == digest and target.is_file():
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        self.memory.file_digests[relative] = digest

    def remove_stale(self, files: Files, static_templates: Iterable[str], written: Iterable[str],
                     owned_elsewhere: tuple[str, ...] = ()) -> None:
        """Remove what no file of this build stands for (pages and files that are gone); paths that
        start with one of ``owned_elsewhere`` are kept up to date by someone else (the search index)."""
        expected = {file.dest_uri for file in files}
        expected.update(static_templates, OTHER_OUTPUTS, written)
        root = str(self.site_dir)
        for folder, folders, names in os.walk(root):  # strings, not Paths: a save walks every file of the site
            below = folder[len(root) + 1:].replace(os.sep, "/")
            prefix = f"{below}/" if below else ""
            folders[:] = [name for name in folders if not f"{prefix}{name}/".startswith(owned_elsewhere)]
            for name in names:
                relative = prefix + name
                if relative not in expected and not relative.startswith(owned_elsewhere):
                    os.unlink(os.path.join(folder, name))
                    self.memory.page_keys.pop(relative, None)
                    self.memory.file_digests.pop(relative, None)
