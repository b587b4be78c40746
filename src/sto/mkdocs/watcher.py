"""`make serve` notices a save when it happens.

MkDocs' preview finds changes by polling: every half second it lists and stats every watched
file (``PollingObserver(timeout=0.5)``). That adds up to half a second to every save before the
rebuild even starts, and with thousands of content files it keeps a core busy between saves.
The operating system reports changes itself (inotify on Linux, FSEvents on macOS,
ReadDirectoryChangesW on Windows); watchdog's ``Observer`` uses that and falls back to polling
where there is none. ``use_change_events`` moves MkDocs' watches over to it (in on_serve, before
the server starts its observer), through the server's own ``watch``
(``sto.mkdocs.engine_internals.move_watches``). Only changes count, the
kinds of event polling reports: inotify also reports every file opened and closed, and MkDocs
would rebuild on the build's own reads, without end.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.livereload import LiveReloadServer
from watchdog.events import (DirCreatedEvent, DirDeletedEvent, DirMovedEvent, FileCreatedEvent, FileDeletedEvent,
                             FileModifiedEvent, FileMovedEvent, FileSystemEvent, FileSystemEventHandler)
from watchdog.observers import Observer
from watchdog.observers.api import ObservedWatch

from sto.mkdocs import engine_internals as engine

CHANGES: tuple[type[FileSystemEvent], ...] = (FileCreatedEvent, FileDeletedEvent, FileModifiedEvent, FileMovedEvent,
                                              DirCreatedEvent, DirDeletedEvent, DirMovedEvent)


class ChangeObserver(Observer):  # type: ignore[misc,valid-type]  # Observer is the platform's class
    """The platform's observer, reporting changes only (unless a watch asks for other events)."""

    def schedule(self, event_handler: FileSystemEventHandler, path: str | Path, *, recursive: bool = False,
                 event_filter: list[type[FileSystemEvent]] | None = None,
                 follow_symlink: bool = False) -> ObservedWatch:
        watch: ObservedWatch = super().schedule(event_handler, path, recursive=recursive,
                                                event_filter=event_filter or list(CHANGES),
                                                follow_symlink=follow_symlink)
        return watch


def use_change_events(server: LiveReloadServer) -> None:
    engine.move_watches(server, ChangeObserver())
