"""The one data pipeline, top to bottom: load YAML -> validate -> index -> render.

`run` is the whole build of the generated site content, one line per stage. What a long-lived process
(`mkdocs serve`) keeps between builds is a `Memo`, owned by its caller (the MkDocs plugin keeps one on its
instance); without one, every call starts from nothing.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from playbook.contract.names import hand_written
from playbook.contract.record import Record
from playbook.index.book import Playbook, build_index
from playbook.index.history import read_history
from playbook.problems import DataError
from playbook.render.jinja import Templates
from playbook.render.living import Living
from playbook.render.pages import PageMemo, generate_pages
from playbook.schema.validation import validate_tree


@dataclass
class Memo:
    """What one process keeps from build to build, so an edit costs only what it changes."""

    records: dict[Path, tuple[tuple[int, int], Record]] = field(default_factory=dict)
    """Valid records by file, with the version they were read at (inode, mtime, size): a rebuild re-reads only
    files that changed. Refused files are not kept (they are read, and refused, again)."""
    book: tuple[tuple[object, ...], Playbook] | None = None
    """The last index, with the stamp of everything it was built from."""
    pages: PageMemo = field(default_factory=PageMemo)
    """Entry pages of the last build with the inputs they showed."""
    templates: Templates = field(default_factory=Templates)
    """The compiled templates."""


@dataclass(frozen=True)
class Built:
    book: Playbook
    pages: dict[str, str]  # docs-relative path -> page text


def run(root: Path, docs_dir: Path, memo: Memo | None = None) -> Built:
    """The generated content of the site; raises DataError listing every problem in the data."""
    memo = memo if memo is not None else Memo()
    book = load_playbook(root, docs_dir, memo)  # stages 1-3: load, validate, index
    memo.templates.living = Living(read_history(root, last=memo.templates.living.history))  # from git, in one pass
    pages = generate_pages(book, memo.templates, memo.pages)  # stage 4: render every generated page
    return Built(book, pages)


def load_playbook(root: Path, docs_dir: Path | None = None, memo: Memo | None = None) -> Playbook:
    """Load and check every file under `root/data`; raise DataError listing every problem."""
    memo = memo if memo is not None else Memo()
    docs_dir = docs_dir or root / "docs"
    data_dir = root.resolve() / "data"
    stamp = (*tree_stamp(data_dir), *sorted(hand_written(docs_dir)))  # ids may not take a hand-written page's name
    if memo.book is not None and memo.book[0] == stamp:
        return memo.book[1]
    validated = validate_tree(data_dir, root, docs_dir, memo.records)  # 1 load each file strictly, 2 validate it
    book, link_problems = build_index(validated)  # 3 resolve references, backlinks, redirects
    problems = validated.problems + link_problems
    if problems:
        raise DataError(problems)
    memo.book = (stamp, book)
    return book


def tree_stamp(top: Path) -> tuple[object, ...]:
    """Every file under `top` with its modification time and size: changes when any file does."""
    out: list[object] = [str(top)]
    for folder, dirs, files in os.walk(top):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            st = os.lstat(os.path.join(folder, name))
            out.append((folder, name, st.st_mtime_ns, st.st_size))
    return tuple(out)
