"""Step 4 of the pipeline: the generated pages (every entry, every kind's index, every former id), rendered
once per build from the index as HTML with their metadata and headings (`GeneratedPage`).

The MkDocs plugin hands each page's HTML, table of contents and metadata to MkDocs directly: no Markdown pass,
no front matter to parse. Each page is also written, as Markdown a person could have written (`as_markdown`),
to `.cache/pages/` (ignored by git), only where its text changed: `mkdocs serve --dirty` rebuilds a page when
its source file is newer than its output, so an edit rebuilds exactly the pages whose text changed; and
MkDocs, ProperDocs or Zensical build those files to the same site without our plugin (`playbook tree`).
The build never writes into `docs/` or `data/`.
"""

from __future__ import annotations

import html
import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from playbook.contract.kinds import KINDS, Kind
from playbook.contract.record import Record
from playbook.contract.urls import page_url
from playbook.index.book import Playbook
from playbook.render.headings import Heading, as_markdown, read_headings
from playbook.render.jinja import Templates
from playbook.render.present import plain
from playbook.render.wayfinding import Wayfinding
from playbook.safe_paths import checked_pages_folder, owned_files, record_owned

PAGES_DIR = Path(".cache") / "pages"
"""Where the build writes the generated pages, relative to the project folder."""


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
    """Entry and index pages of the last build with what they showed: `mkdocs serve` re-renders only pages whose
    inputs changed. `context` stands for the vocabularies and templates: the same object while they are unchanged."""

    kept: dict[str, tuple[list[object], GeneratedPage]] = field(default_factory=dict)
    """Entry and kind index pages by docs path, with the inputs they were rendered from."""
    context: object = None
    written: dict[str, str] = field(default_factory=dict)
    """The text of each page file as last written by this process: compared in memory, not re-read."""

    def context_key(self, book: Playbook, templates: Templates) -> object:
        key = (book.tags, book.competencies, book.archetypes, templates.stamp())
        if self.context != key:
            self.context = key
        return self.context

    def page(self, here: str, inputs: list[object], render: Callable[[], GeneratedPage]) -> GeneratedPage:
        """The page kept for `here` when it was rendered from the same inputs (by identity), else `render()`."""
        kept = self.kept.get(here)
        if kept and _same(kept[0], inputs):
            return kept[1]
        page = render()
        self.kept[here] = (inputs, page)
        return page


def _same(a: list[object], b: list[object]) -> bool:
    return len(a) == len(b) and all(x is y or (isinstance(x, str) and x == y) for x, y in zip(a, b, strict=True))


def _entry_page(book: Playbook, record: Record, templates: Templates, memo: PageMemo, way: Wayfinding) -> GeneratedPage:
    def render() -> GeneratedPage:
        # pb_sidebar: the left column of the page (overrides/partials/pb-sidenav.html)
        meta = _meta(record.title, plain(book, record.summary), pb_sidebar=way.sidebar(record))
        return GeneratedPage.of(record.src_uri, meta, templates.render(
            record.kind.page_template, book=book, here=record.src_uri, tags=book.tags, record=record, way=way,
        ))

    return memo.page(record.src_uri, [memo.context, record, *book.shown_on_page(record), *way.shown(record)], render)


def _index_page(book: Playbook, kind: Kind, records: list[Record], templates: Templates, memo: PageMemo) -> GeneratedPage:
    here = f"{kind.dir}/index.md"

    def render() -> GeneratedPage:
        used_tags = sorted({tag for record in records for tag in getattr(record.doc, "tags", ())})
        return GeneratedPage.of(here, _meta(kind.title, kind.blurb), templates.render(
            kind.index_template, book=book, here=here, tags=book.tags, kind=kind, records=records, used_tags=used_tags,
        ))

    return memo.page(here, [memo.context, *records, *book.shown_on_index(records)], render)


def generate_pages(book: Playbook, templates: Templates | None = None, memo: PageMemo | None = None) -> dict[str, GeneratedPage]:
    """docs-relative path -> page, for every generated page. `memo` (kept by a long-lived caller) skips
    entry and index pages whose inputs did not change since the last call."""
    templates = templates or Templates()
    memo = memo if memo is not None else PageMemo()
    memo.context_key(book, templates)
    pages: dict[str, GeneratedPage] = {}
    way = Wayfinding(book)
    for kind in KINDS:
        records = book.of_kind(kind.dir)
        pages[f"{kind.dir}/index.md"] = _index_page(book, kind, records, templates, memo)
        for record in records:
            pages[record.src_uri] = _entry_page(book, record, templates, memo, way)
    for old, record in book.redirects.items():
        here = f"{old}.md"
        meta = _meta(f"Moved: {record.title}", template="redirect.html", redirect=f"../{record.id}/", search={"exclude": True})
        pages[here] = GeneratedPage.of(here, meta, templates.render("moved.html.j2", book=book, here=here, record=record))
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
