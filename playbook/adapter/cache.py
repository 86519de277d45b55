"""A finished build's index and generated pages, kept on disk for the next build (a new process).

When neither the data (every file under data/, by time stamp and size) nor the code (every file of this
package: modules and templates) changed since the last build, the next `mkdocs build` reuses them instead of
validating and rendering again. Any change, a fresh clone, or an unreadable cache takes the full path. The file
lives in `.cache/` (ignored by git) and is only ever read by the build that wrote it on this machine.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from pathlib import Path

from playbook.contract.names import hand_written
from playbook.index.book import Playbook
from playbook.pipeline import tree_stamp

CACHE_FILE = Path(".cache") / "playbook.pickle"
PACKAGE = Path(__file__).resolve().parents[1]  # the whole playbook package: modules and templates


def stamp(root: Path, docs_dir: Path) -> tuple[object, ...]:
    """Every data file and every file of this package, with modification time and size, and the names of the
    hand-written pages (an id may not take one)."""
    return (*tree_stamp(root.resolve() / "data"), *tree_stamp(PACKAGE), *sorted(hand_written(docs_dir)))


def load(root: Path, key: tuple[object, ...]) -> tuple[Playbook, dict[str, str]] | None:
    try:
        with (root / CACHE_FILE).open("rb") as handle:
            saved_key, book, pages = pickle.load(handle)
    except Exception:  # missing, truncated or from another version: rebuild
        return None
    return (book, pages) if saved_key == key else None


def save(root: Path, key: tuple[object, ...], book: Playbook, pages: dict[str, str]) -> None:
    path = root / CACHE_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False, suffix=".tmp") as out:
        pickle.dump((key, book, pages), out, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(out.name, path)
