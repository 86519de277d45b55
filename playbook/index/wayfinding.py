"""Where a reader is: the left column of an entry page and the learning paths an entry is a step of.

Entries are `not_in_nav` (a navigation listing every entry makes each page render all of them), so an
entry page gets a short, bounded list instead: a few neighbours of its kind and its related entries.
Bounded lists keep the build linear in the number of entries. Computed once per index (`Playbook.way`); its
public methods are queries (views.py), so a page that shows them is rebuilt when their answer changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from playbook.contract.record import Record
from playbook.index.views import ReadLog, query

if TYPE_CHECKING:
    from playbook.index.book import Playbook

NEIGHBOURS = 3  # entries of the same kind listed before and after this one
RELATED = 8


@dataclass(frozen=True)
class PathStep:
    """`record` is step `number` (from 1) of the learning path `path`."""

    path: Record
    number: int
    previous: Record | None
    next: Record | None

    @property
    def total(self) -> int:
        return len(self.path.doc.steps)


class Wayfinding:
    owner = "way"

    def __init__(self, book: Playbook):
        self.book = book

    @property
    def log(self) -> ReadLog | None:
        return self.book.log

    @cached_property
    def _order(self) -> dict[str, tuple[list[Record], int]]:
        """ref -> (its kind's entries by title, its position among them)."""
        order: dict[str, tuple[list[Record], int]] = {}
        for kind_dir in {r.kind.dir for r in self.book.records.values()}:
            records = self.book.of_kind(kind_dir)
            order.update({r.ref: (records, i) for i, r in enumerate(records)})
        return order

    @cached_property
    def _steps(self) -> dict[str, list[PathStep]]:
        steps: dict[str, list[PathStep]] = {}
        for path in self.book.of_kind("paths"):
            targets = self._targets[path.ref]
            for i, target in enumerate(targets):
                steps.setdefault(target.ref, []).append(PathStep(
                    path, i + 1, targets[i - 1] if i else None, targets[i + 1] if i + 1 < len(targets) else None))
        return steps

    @query()
    def path_steps(self, record: Record | str) -> list[PathStep]:
        """Every place the entry takes in a learning path (an entry may be in several, or twice in one)."""
        return self._steps.get(record if isinstance(record, str) else record.ref, [])

    def _nearby(self, record: Record) -> list[Record]:
        records, i = self._order[record.ref]
        return records[max(0, i - NEIGHBOURS):i + NEIGHBOURS + 1]

    @cached_property
    def _targets(self) -> dict[str, list[Record]]:
        """path ref -> the entries of its steps, in order."""
        return {path.ref: [self.book.get(s.to) for s in path.doc.steps] for path in self.book.of_kind("paths")}

    @query()
    def sidebar(self, record: Record | str) -> dict[str, object]:
        """The left column of an entry page, as plain data for the theme (page.meta.pb_sidebar)."""
        record = self.book.get(record) if isinstance(record, str) else record
        records = self._order[record.ref][0]
        related: dict[str, Record] = {}
        for o in self.book.outlinks(record):
            related.setdefault(o.target.ref, o.target)
        for b in self.book.referenced_by(record):
            related.setdefault(b.origin.ref, b.origin)
        related.pop(record.ref, None)
        return {
            "kind": record.kind.title,
            "index": f"{record.kind.dir}/",
            "count": len(records),
            "nearby": [_link(r, current=r is record) for r in self._nearby(record)],
            "related": [_link(r) for r in list(related.values())[:RELATED]],
        }


def _link(record: Record, current: bool = False) -> dict[str, object]:
    return {"title": record.title, "url": record.url, "kind": record.kind.singular_title, "current": current}
