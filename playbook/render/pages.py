"""Step 4 of the pipeline: the generated pages (every entry, every kind's index, every former id), rendered
once per build from the index and written outside the docs folder, only where their text changed.

Why files and why only on change: `mkdocs serve --dirty` rebuilds a page when its source file is newer
than its output, so an edit rewrites exactly the pages whose text changed (the entry, the pages that
list or link to it) and MkDocs rebuilds exactly those. The folder is `.cache/pages/` (ignored by git):
the build never writes into `docs/` or `data/`. Generated pages opt out of mkdocs-macros
(`render_macros: false`): their Markdown is final, so MkDocs spends on them what it spends on plain
Markdown. `playbook pages --out DIR` writes the same files for tools that run no MkDocs plugin.
"""

from __future__ import annotations

import html
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from playbook.contract.kinds import KINDS
from playbook.contract.record import Record
from playbook.contract.urls import page_url
from playbook.index.book import Playbook
from playbook.render.jinja import Templates
from playbook.render.present import plain
from playbook.render.search_meta import entry_meta, index_meta
from playbook.render.wayfinding import Wayfinding

_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
PAGES_DIR = Path(".cache") / "pages"
"""Where the build writes the generated pages, relative to the project folder."""


def _front(meta: dict[str, object]) -> str:
    # libyaml's emitter: the pure-Python one cost about 6 ms a page (the sidebar and search data are nested)
    return "---\n" + yaml.dump(meta, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=1000) + "---\n"


def _meta(title: str, description: str | None = None, **extra: object) -> dict[str, object]:
    # Material writes page.meta.description into an attribute without escaping it: escape it here.
    meta: dict[str, object] = {"title": title, "render_macros": False}
    if description:
        meta["description"] = html.escape(description, quote=True)
    return meta | extra


@dataclass
class PageMemo:
    """Entry pages of the last build with what they showed: `mkdocs serve` re-renders only pages whose inputs
    changed. `context` stands for the vocabularies and templates: the same object while they are unchanged."""

    kept: dict[str, tuple[list[object], str]] = field(default_factory=dict)
    context: object = None

    def context_key(self, book: Playbook, templates: Templates) -> object:
        key = (book.tags, book.competencies, book.archetypes, templates.stamp())
        if self.context != key:
            self.context = key
        return self.context


def _same(a: list[object], b: list[object]) -> bool:
    return len(a) == len(b) and all(x is y or (isinstance(x, str) and x == y) for x, y in zip(a, b, strict=True))


def _entry_page(book: Playbook, record: Record, templates: Templates, memo: PageMemo, way: Wayfinding) -> str:
    inputs = [memo.context, record, *book.shown_on_page(record), *way.shown(record)]
    kept = memo.kept.get(record.src_uri)
    if kept and _same(kept[0], inputs):
        return kept[1]
    # pb_sidebar: the left column of the page (overrides/partials/pb-sidenav.html); entry_meta: search (search.py)
    meta = _meta(record.title, plain(book, record.summary), pb_sidebar=way.sidebar(record), **entry_meta(record))
    text = _front(meta) + templates.render(
        record.kind.page_template, book=book, here=record.src_uri, tags=book.tags, record=record, way=way,
    )
    memo.kept[record.src_uri] = (inputs, text)
    return text


def generate_pages(book: Playbook, templates: Templates | None = None, memo: PageMemo | None = None) -> dict[str, str]:
    """docs-relative path -> Markdown, for every generated page. `memo` (kept by a long-lived caller) skips
    entry pages whose inputs did not change since the last call."""
    templates = templates or Templates()
    memo = memo if memo is not None else PageMemo()
    memo.context_key(book, templates)
    pages: dict[str, str] = {}
    way = Wayfinding(book)
    for kind in KINDS:
        records = book.of_kind(kind.dir)
        here = f"{kind.dir}/index.md"
        used_tags = sorted({tag for record in records for tag in getattr(record.doc, "tags", ())})
        pages[here] = _front(_meta(kind.title, kind.blurb, **index_meta())) + f"# {kind.title}\n\n" + templates.render(
            kind.index_template, book=book, here=here, tags=book.tags, kind=kind, records=records, used_tags=used_tags,
        )
        for record in records:
            pages[record.src_uri] = _entry_page(book, record, templates, memo, way)
    for old, record in book.redirects.items():
        here = f"{old}.md"
        meta = _meta(f"Moved: {record.title}", template="redirect.html", redirect=f"../{record.id}/", search={"exclude": True})
        pages[here] = _front(meta) + templates.render("moved.md.j2", book=book, here=here, record=record)
    return pages


@dataclass
class WriteReport:
    written: list[str]
    removed: list[str]


def write_pages(pages: dict[str, str], folder: Path) -> WriteReport:
    """Make `folder` hold exactly `pages`, touching only files whose text changed (atomic writes)."""
    report = WriteReport([], [])
    for path in sorted(folder.rglob("*.md")) if folder.is_dir() else ():
        rel = path.relative_to(folder).as_posix()
        if rel not in pages:
            path.unlink()
            report.removed.append(rel)
    for rel, text in pages.items():
        path = folder / rel
        try:
            if path.read_text(encoding="utf-8") == text:
                continue
        except FileNotFoundError:
            path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False, suffix=".tmp") as out:
            out.write(text)
        os.replace(out.name, path)
        report.written.append(rel)
    return report


def read_manifest(path: Path) -> list[str]:
    """The URLs recorded in the manifest of published URLs (tests/published_urls.txt)."""
    if not path.exists():
        return []
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]


def published_urls(docs_dir: Path, generated: dict[str, str]) -> list[str]:
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
