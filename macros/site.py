"""The macros that pages call. Each returns Markdown rendered from a template.

Pages hold one call, e.g. `{{ entry("models/conger-persuasion") }}` or `{{ kind_index("tactics") }}`.
"""

from __future__ import annotations

from typing import Any

from .index import Playbook
from .kinds import KINDS_BY_DIR
from .render import render
from .validation import Record


class SiteMacros:
    """Binds the index of one build to the page being rendered."""

    def __init__(self, book: Playbook, env: Any):
        self.book = book
        self.env = env

    @property
    def here(self) -> str:
        return self.env.page.file.src_uri

    def _record(self, ref: str) -> Record:
        if ref not in self.book.records:
            raise KeyError(f"{self.here}: no entry '{ref}' (run `playbook sync` after renaming or deleting data files)")
        return self.book.records[ref]

    def _context(self, **extra: Any) -> dict[str, Any]:
        return {"book": self.book, "here": self.here, "tags": self.book.tags, **extra}

    def entry(self, ref: str) -> str:
        """The whole page of one entry."""
        record = self._record(ref)
        self.env.page.meta.setdefault("description", record.summary)
        return render(f"{record.kind.name}.md.j2", **self._context(record=record))

    def moved(self, ref: str) -> str:
        """The body of a redirect page left at a former id."""
        return render("moved.md.j2", **self._context(record=self._record(ref)))

    def kind_index(self, kind_dir: str) -> str:
        """The index of one kind: every entry with its summary, filterable by tag."""
        kind = KINDS_BY_DIR[kind_dir]
        records = self.book.of_kind(kind_dir)
        template = "bibliography.md.j2" if kind.name == "source" else "kind_index.md.j2"
        return render(template, **self._context(kind=kind, records=records, used_tags=_used_tags(records)))

    def term_index(self, name: str) -> str:
        """Every term of a vocabulary (tags, competencies, archetypes), its definition and its entries."""
        return render("terms.md.j2", **self._context(name=name, terms=self.book.vocabulary(name)))

    def register(self, env: Any) -> None:
        for name in ("entry", "moved", "kind_index", "term_index"):
            env.macro(getattr(self, name), name)


def _used_tags(records: list[Record]) -> list[str]:
    return sorted({tag for record in records for tag in record.doc.tags})
