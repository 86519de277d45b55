"""Opening a data file without trusting it: regular files inside data/, of bounded size, never blocking.

A pull request can add a FIFO (reading it waits for ever), a symlink to `/dev/zero` (reading it fills
memory), a symlink to a file outside the project (its text would be published) or a dangling symlink.
Each is refused with a message before any byte is parsed.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

MAX_FILE_BYTES = 64 * 1024
"""The largest data file read: 64 KiB, over ten times the largest entry (about 6 KB)."""

BACKUP_SUFFIXES = ("~", ".bak", ".orig", ".swp", ".tmp", ".rej")
"""Names editors and merge tools leave behind: never entries."""


class Refused(Exception):
    """The file is not read; the message says why and what to do."""


def _kind_of(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder")):
        if test(mode):
            return name
    return "not a regular file"


def inside(path: Path, folder: Path) -> bool:
    """True when `path`, with every symlink resolved, lies inside `folder` (resolved too)."""
    try:
        path.resolve(strict=True).relative_to(folder.resolve())
    except (OSError, ValueError, RuntimeError):
        return False
    return True


def check_link(path: Path, folder: Path) -> None:
    """Refuse a dangling symlink, a symlink loop, or a path that leads out of `folder` (by a symlinked
    file or a symlinked folder on the way)."""
    link = path.is_symlink()
    if link:
        try:
            path.resolve(strict=True)
        except (OSError, RuntimeError) as err:
            why = "which does not exist" if isinstance(err, FileNotFoundError) else "a loop of symlinks"
            raise Refused(f"a symlink to '{os.readlink(path)}', {why}: delete the link or point it at a real file") from None
    if not inside(path, folder):
        how = f"a symlink leaving {folder.name}/ (to '{os.readlink(path)}')" if link else \
            f"outside {folder.name}/ (through a symlinked folder)"
        raise Refused(f"{how}: data files must be real files inside {folder.name}/")


def read_bytes(path: Path, folder: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of the regular file `path`, which must stay inside `folder` and hold at most `limit` bytes."""
    check_link(path, folder)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as err:
        raise Refused(f"cannot be opened: {err.strerror}") from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):  # before fdopen, which refuses a folder with an exception of its own
        os.close(fd)
        raise Refused(f"is {_kind_of(mode)}, not a file: data files must be regular files")
    with os.fdopen(fd, "rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise Refused(f"the file is over {limit // 1024} KiB, the limit for a data file: split the entry or shorten it")
    return data


def stamp(path: Path) -> tuple[int, ...] | None:
    """What identifies the version of a file for a cache: the link and its target; None when unreadable."""
    try:
        link, target = path.lstat(), path.stat()
    except OSError:
        return None
    if not stat.S_ISREG(target.st_mode):
        return None
    return (link.st_ino, link.st_mtime_ns, target.st_dev, target.st_ino, target.st_mtime_ns, target.st_size)
