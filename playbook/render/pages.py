"""Step 4 of the pipeline: the generated pages (every entry, every kind's index, every former id), rendered
once per build from the index as HTML with their metadata and headings (`GeneratedPage`).

The MkDocs plugin hands each page's HTML, table of contents and metadata to MkDocs directly: no Markdown pass,
no front matter to parse. `PageMemo` keeps each page with its view (index/views.py), so `mkdocs serve` renders
again only the pages whose view changed. `write_pages` writes the pages as Markdown a person could have written
(`as_markdown`) for `playbook pages`; `playbook tree` writes them into a plugin-free project that MkDocs,
ProperDocs or Zensical build to the same site. The build never writes into `docs/` or `data/`.
"""

from __future__ import annotations

import html
import json
import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property, partial
from pathlib import Path
from typing import Any

import yaml

from playbook.contract.kinds import KINDS, Kind
from playbook.contract.names import redirect_target
from playbook.contract.urls import page_url
from playbook.index.book import Playbook
from playbook.index.views import View, view_of
from playbook.render.headings import Heading, as_markdown, read_headings
from playbook.render.jinja import Templates
from playbook.render.present import plain
from playbook.safe_paths import checked_pages_folder, owned_files, record_owned

PAGES_DIR = Path(".cache") / "pages"
"""Where `playbook pages` writes the generated pages by default, relative to the project folder."""


@dataclass(frozen=True)
class GeneratedPage:
    """One generated page: its metadata (what front matter would hold), its HTML and its headings."""

    src_uri: str
    meta: dict[str, Any]
    html: str
    headings: tuple[Heading, ...]

    @classmethod
    def of(cls, src_uri: str, meta: dict[str, Any], body: str) -> GeneratedPage:
        body, headings = read_headings(body)
        return cls(src_uri, meta, body, headings)

    @cached_property
    def text(self) -> str:
        """The page as a Markdown file: JSON front matter (valid YAML) and Markdown with its HTML blocks."""
        return f"---\n{json.dumps(self.meta, sort_keys=False)}\n---\n{as_markdown(self.html)}"


def _meta(title: str, description: str | None = None, **extra: object) -> dict[str, object]:
    # Material writes page.meta.description into an attribute without escaping it: escape it here.
    meta: dict[str, object] = {"title": title, "render_macros": False}
    if description:
        meta["description"] = html.escape(description, quote=True)
    return meta | extra


@dataclass
class PageMemo:
    """The generated pages of the last build, each with its view (what it read from the index while it rendered):
    `mkdocs serve` renders again only the pages whose view no longer holds (views.py)."""

    kept: dict[str, tuple[View, GeneratedPage]] = field(default_factory=dict)
    """Every generated page by docs path, with its view."""
    templates: object = None
    """The templates' stamp when the kept pages were rendered: an edited template renders every page again."""
    rendered: set[str] = field(default_factory=set)
    """The pages rendered (not reused) by the last call of `generate_pages`."""

    def page(self, book: Playbook, here: str, render: Callable[[], GeneratedPage]) -> GeneratedPage:
        """The page kept for `here` when its view holds in `book`, else `render()` (recorded)."""
        kept = self.kept.get(here)
        if kept is not None and kept[0].holds(book):
            return kept[1]
        with book.recording() as log:
            page = render()
        self.kept[here] = (view_of(log), page)
        self.rendered.add(here)
        return page

    def start(self, templates: Templates) -> None:
        """A new build: forget every page when a template changed."""
        stamp = templates.stamp()
        if stamp != self.templates:
            self.kept.clear()
            self.templates = stamp
        self.rendered = set()

    def forget_all_but(self, pages: Iterable[str]) -> None:
        """Drop the pages that are no longer generated (a deleted or renamed entry): nothing is kept for a file that
        is gone."""
        keep = set(pages)
        for gone in [here for here in self.kept if here not in keep]:
            del self.kept[gone]


def _entry_page(book: Playbook, ref: str, templates: Templates) -> GeneratedPage:
    record = book.get(ref)
    # pb_sidebar: the left column of the page (overrides/partials/pb-sidenav.html)
    meta = _meta(record.title, plain(book, record.summary), pb_sidebar=book.way.sidebar(record))
    return GeneratedPage.of(record.src_uri, meta, templates.render(
        record.kind.page_template, book=book, here=record.src_uri, tags=book.tags, record=record, way=book.way,
    ))


def _index_page(book: Playbook, kind: Kind, templates: Templates) -> GeneratedPage:
    here = f"{kind.dir}/index.md"
    records = book.of_kind(kind.dir)
    used_tags = sorted({tag for record in records for tag in getattr(record.doc, "tags", ())})
    return GeneratedPage.of(here, _meta(kind.title, kind.blurb), templates.render(
        kind.index_template, book=book, here=here, tags=book.tags, kind=kind, records=records, used_tags=used_tags,
    ))


def _moved_page(book: Playbook, old: str, templates: Templates) -> GeneratedPage:
    here = f"{old}.md"
    record = book.redirects[old]
    target = redirect_target(old, record.kind.dir, record.id)
    meta = _meta(f"Moved: {record.title}", template="redirect.html", redirect=target, search={"exclude": True})
    return GeneratedPage.of(here, meta, templates.render("moved.html.j2", book=book, here=here, record=record))


def generate_pages(book: Playbook, templates: Templates | None = None, memo: PageMemo | None = None) -> dict[str, GeneratedPage]:
    """docs-relative path -> page, for every generated page. `memo` (kept by a long-lived caller) reuses the pages
    whose view still holds."""
    templates = templates or Templates()
    memo = memo if memo is not None else PageMemo()
    memo.start(templates)
    pages: dict[str, GeneratedPage] = {}
    for kind in KINDS:
        here = f"{kind.dir}/index.md"
        pages[here] = memo.page(book, here, partial(_index_page, book, kind, templates))
        for record in book.of_kind(kind.dir):
            pages[record.src_uri] = memo.page(book, record.src_uri, partial(_entry_page, book, record.ref, templates))
    for old in book.redirects:
        pages[f"{old}.md"] = memo.page(book, f"{old}.md", partial(_moved_page, book, old, templates))
    memo.forget_all_but(pages)
    return pages


@dataclass
class WriteReport:
    written: list[str]
    removed: list[str]


TEMP_PREFIX = ".playbook-"
"""Temporary files while a page is written: a name only we use, removed on failure and by the next build."""


def _write_atomically(path: Path, text: str) -> None:
    """Write `text` to a temporary file beside `path`, then rename it over `path`: a reader sees the old page or the
    new one, never half of one; on any failure (a full disk, Ctrl-C) the temporary file is removed."""
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False, prefix=TEMP_PREFIX, suffix=".tmp") as out:
        name = out.name
        try:
            out.write(text)
        except BaseException:
            out.close()
            Path(name).unlink(missing_ok=True)
            raise
    try:
        os.replace(name, path)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise


def write_pages(pages: dict[str, GeneratedPage], folder: Path, written: dict[str, str] | None = None) -> WriteReport:
    """Make `folder` hold `pages`, touching only files whose text changed (atomic writes) and removing only pages its
    manifest says it wrote before. `written` (kept by a long-lived caller) holds what this process wrote last time:
    those files are compared in memory."""
    report = WriteReport([], [])
    checked_pages_folder(folder, pages)  # no symlinked folder on the way (playbook/safe_paths.py)
    written = written if written is not None else {}
    for stale in folder.rglob(f"{TEMP_PREFIX}*.tmp") if folder.is_dir() and not written else ():
        stale.unlink(missing_ok=True)  # left by a build that was killed while writing
    known = set(written) if written else None
    for path in (() if known is not None else owned_files(folder)):  # only the pages it recorded writing
        rel = path.relative_to(folder).as_posix()
        if rel not in pages:
            path.unlink()
            report.removed.append(rel)
    for rel in sorted(known - set(pages)) if known is not None else ():
        (folder / rel).unlink(missing_ok=True)
        written.pop(rel)
        report.removed.append(rel)
    for rel, page in pages.items():
        path, text = folder / rel, page.text
        if written.get(rel) == text:
            continue
        try:
            if rel not in written and path.read_text(encoding="utf-8") == text:
                written[rel] = text
                continue
        except FileNotFoundError:
            path.parent.mkdir(parents=True, exist_ok=True)
        _write_atomically(path, text)
        written[rel] = text
        report.written.append(rel)
    record_owned(folder, pages)
    return report


def read_manifest(path: Path) -> list[str]:
    """The URLs recorded in the manifest of published URLs (tests/published_urls.txt)."""
    if not path.exists():
        return []
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]


def published_urls(docs_dir: Path, generated: dict[str, GeneratedPage]) -> list[str]:
    """URL path of every page the site publishes (hand-written and generated), plus the JSON export."""
    sources = [path.relative_to(docs_dir).as_posix() for path in docs_dir.rglob("*.md")] + list(generated)
    urls = {"/api/playbook.json"}
    for src in sources:
        urls.add("/" + page_url(src))
    return sorted(urls)


def dump_page(folder: Path, src_uri: str, meta: dict, markdown: str) -> None:
    """Write a rendered page as a plain Markdown file with its front matter (the benchmark's peer site)."""
    path = folder / src_uri
    path.parent.mkdir(parents=True, exist_ok=True)
    front = f"---\n{yaml.safe_dump(dict(meta), allow_unicode=True)}---\n" if meta else ""
    path.write_text(front + markdown, encoding="utf-8")
