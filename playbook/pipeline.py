"""The one data pipeline, top to bottom: load YAML -> validate -> index -> render.

`run` is the whole build of what the site is made of from data, one line per stage, returned as one `Site`: the
index, every generated page, the navigation, the macros of the hand-written pages, the JSON export and the feed. The MkDocs
plugin (adapter/plugin.py) and `playbook tree` (render/tree.py) hand its parts over. Two parts are made after it,
from what MkDocs renders: the search documents (the plugin reads each page's HTML) and, in the tree, the Markdown
of the hand-written pages with their macro calls rendered.

What a long-lived process (`mkdocs serve`) keeps between builds is a `Memo`, owned by its caller (the MkDocs plugin
keeps one on its instance); without one, every call starts from nothing. With one, a build re-reads only the files
that changed and renders again only the pages whose view (what they read from the index, index/views.py) changed.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from playbook.contract.names import hand_written
from playbook.contract.record import Record
from playbook.contract.site_config import with_every_kind
from playbook.index.book import Playbook, build_index
from playbook.index.history import read_history
from playbook.problems import DataError
from playbook.render.export import Export, ExportRows, build_export
from playbook.render.feed import render_feed
from playbook.render.jinja import Templates
from playbook.render.living import Living
from playbook.render.pages import GeneratedPage, PageMemo, generate_pages
from playbook.schema.validation import validate_tree
from playbook.tools.page_macros import SiteMacros

Stamp = tuple[str, int, int]
"""A file as last seen: its path, modification time and size."""


@dataclass
class Memo:
    """What one process keeps from build to build, so an edit costs only what it changes."""

    records: dict[Path, tuple[tuple[int, ...], Record]] = field(default_factory=dict)
    """Valid records by file, with the version they were read at (load/files.py `stamp`: the link's and the target's
    inode and modification time, and the size): a rebuild re-reads only
    files that changed. Refused files are not kept (they are read, and refused, again); files that are gone are
    dropped."""
    book: tuple[tuple[object, ...], Playbook] | None = None
    """The last index, with the stamp of everything it was built from."""
    pages: PageMemo = field(default_factory=PageMemo)
    """The generated pages of the last build, each with its view."""
    templates: Templates = field(default_factory=Templates)
    """The compiled templates."""
    export_rows: ExportRows = field(default_factory=dict)
    """The JSON export's rows of the last build, each with its view."""


@dataclass
class Site:
    """Everything the site is made of from data, for one build."""

    book: Playbook
    pages: dict[str, GeneratedPage]
    """Every generated page by docs path (entries, kind indexes, redirects of former ids)."""
    rendered: set[str]
    """The generated pages rendered anew by this build (the others are the previous build's, their view held)."""
    nav: list[Any] | None
    """The navigation: the site's own, with the index of every kind it does not place."""
    macros: Callable[[Any], dict[str, Callable[..., str]]]
    """The macros of the hand-written pages, bound to this build's index, for one page's macro environment."""
    site_url: str
    templates: Templates
    export_rows: ExportRows = field(default_factory=dict, repr=False)

    def feed(self, site_name: str) -> str:
        """The Atom feed of what changed (feed.xml), with absolute links from `site_url`."""
        return render_feed(self.book, self.templates, self.site_url, site_name)

    @cached_property
    def export(self) -> Export:
        """The JSON export (site/api/playbook.json); rows whose view held are the last build's."""
        return build_export(self.book, self.site_url, self.export_rows)


def run(root: Path, docs_dir: Path, memo: Memo | None = None, *, nav: list[Any] | None = None,
        site_url: str = "/") -> Site:
    """The site's generated content; raises DataError listing every problem in the data."""
    memo = memo if memo is not None else Memo()
    book = load_playbook(root, docs_dir, memo)  # stages 1-3: load, validate, index
    living = Living(read_history(root, last=memo.templates.living.history), book)  # from git, in one pass
    book.attach_living(living)
    memo.templates.living = living
    pages = generate_pages(book, memo.templates, memo.pages)  # stage 4: render every generated page (or keep it)
    templates = memo.templates

    def macros(env: Any) -> dict[str, Callable[..., str]]:  # stage 4 for hand-written pages: their macro calls
        return SiteMacros(book, templates, env).macros()

    return Site(book, pages, set(memo.pages.rendered), with_every_kind(nav) if nav else nav, macros,
                site_url or "/", memo.templates, memo.export_rows)


def load_playbook(root: Path, docs_dir: Path | None = None, memo: Memo | None = None) -> Playbook:
    """Load and check every file under `root/data`; raise DataError listing every problem."""
    memo = memo if memo is not None else Memo()
    docs_dir = docs_dir or root / "docs"
    data_dir = root.resolve() / "data"
    stamp = (*tree_stamp(data_dir), *sorted(hand_written(docs_dir)))  # ids may not take a hand-written page's name
    if memo.book is not None and memo.book[0] == stamp:
        return memo.book[1]
    validated = validate_tree(data_dir, root, docs_dir, memo.records)  # 1 load each file strictly, 2 validate it
    current = {record.path for record in validated.records}
    for gone in [path for path in memo.records if path not in current]:
        del memo.records[gone]  # deleted, renamed or now refused: nothing is kept for it
    book, link_problems = build_index(validated)  # 3 resolve references, backlinks, redirects
    problems = validated.problems + link_problems
    if problems:
        raise DataError(problems)
    memo.book = (stamp, book)
    return book


def tree_stamp(top: Path) -> tuple[object, ...]:
    """Every file under `top` with its modification time and size: changes when any file does (a folder added
    anywhere under `top` is walked like the others)."""
    out: list[object] = [str(top)]
    for folder, dirs, files in os.walk(top):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            st = os.lstat(os.path.join(folder, name))
            out.append((folder, name, st.st_mtime_ns, st.st_size))
    return tuple(out)
