"""The one data pipeline: load YAML -> validate -> index. Rendering takes its result.

A build calls it twice (the playbook plugin and mkdocs-macros) and `mkdocs serve` once per rebuild:
the index is kept while no file under data/ has changed (validation also re-reads only changed files).
"""

from __future__ import annotations

import os
from pathlib import Path

from playbook.contract.names import hand_written
from playbook.index.book import Playbook, build_index
from playbook.problems import DataError
from playbook.schema.validation import validate_tree

_LAST: tuple[tuple[object, ...], Playbook] | None = None


def tree_stamp(top: Path) -> tuple[object, ...]:
    """Every file under `top` with its modification time and size: changes when any file does."""
    out: list[object] = [str(top)]
    for folder, dirs, files in os.walk(top):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            st = os.lstat(os.path.join(folder, name))
            out.append((folder, name, st.st_mtime_ns, st.st_size))
    return tuple(out)


def load_playbook(root: Path) -> Playbook:
    """Load and check every file under `root/data`; raise DataError listing every problem."""
    global _LAST
    data_dir = root.resolve() / "data"
    stamp = (*tree_stamp(data_dir), *sorted(hand_written(root / "docs")))  # ids may not take a hand-written page's name
    if _LAST is not None and _LAST[0] == stamp:
        return _LAST[1]
    validated = validate_tree(data_dir, root)
    book, link_problems = build_index(validated)
    problems = validated.problems + link_problems
    if problems:
        raise DataError(problems)
    _LAST = (stamp, book)
    return book


_BUILD: Playbook | None = None


def use_for_build(book: Playbook) -> None:
    """The playbook plugin names the index this build renders (under `mkdocs serve`, after a data error,
    that is the last good one), so that the macros of hand-written pages show the same."""
    global _BUILD
    _BUILD = book


def book_for_build(root: Path) -> Playbook:
    """The index the playbook plugin chose for this build, or (no plugin ran, as under Zensical) a fresh load."""
    return _BUILD if _BUILD is not None else load_playbook(root)
