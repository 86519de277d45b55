"""Noticing a save at once: MkDocs' `serve` polls every watched folder twice a second; Linux reports changes
(inotify), so the playbook plugin gives the server an observer that listens instead.

An inotify observer also reports files being opened and read, and every build reads the data and the macros:
only events that change a file (written, created, deleted, moved) may ask for a rebuild, and never Python's
byte-code caches, or each build would start the next.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

from watchdog.events import (
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer
from watchdog.observers.api import ObservedWatch
from watchdog.observers.polling import PollingObserver

CHANGES = (FileClosedEvent, FileCreatedEvent, FileDeletedEvent, FileModifiedEvent, FileMovedEvent)
"""Events that change a file's content or name (FileClosedEvent: closed after writing)."""


def is_change(event: FileSystemEvent) -> bool:
    paths = [event.src_path, getattr(event, "dest_path", "") or ""]
    return not any("__pycache__" in PurePath(str(p)).parts or str(p).endswith(".pyc") for p in paths if p)


class _Changes(FileSystemEventHandler):
    """Passes on the events that change a file."""

    def __init__(self, inner: FileSystemEventHandler) -> None:
        self.inner = inner

    def dispatch(self, event: FileSystemEvent) -> None:
        if is_change(event):
            self.inner.dispatch(event)


class ChangeObserver(Observer):  # type: ignore[misc, valid-type]
    """The platform's own observer (inotify on Linux), reporting only changes."""

    def schedule(self, event_handler: FileSystemEventHandler, path: Any, *, recursive: bool = False,
                 event_filter: list[type[FileSystemEvent]] | None = None, follow_symlink: bool = False) -> ObservedWatch:
        return super().schedule(_Changes(event_handler), path, recursive=recursive,
                                event_filter=event_filter or list(CHANGES), follow_symlink=follow_symlink)


def listen_instead_of_polling(server: Any) -> Any:
    """Give MkDocs' live-reload server a ChangeObserver for the paths it watches (before it starts)."""
    if Observer is PollingObserver or not hasattr(server, "_watch_refs") or server.observer.is_alive():
        return server  # no native observer here, or a server of another shape: keep polling
    paths = list(server._watched_paths)
    server.observer = ChangeObserver()
    server._watched_paths, server._watch_refs = {}, {}
    for path in paths:
        server.watch(path)
    return server
