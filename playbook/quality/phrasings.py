"""How readers ask for an entry: situations and tactics carry five or more `asked_as` phrasings (search finds them)."""

from __future__ import annotations

from collections.abc import Iterator

from playbook.index.book import Playbook

MIN_ASKED_AS = 5
"""Phrasings a situation or tactic should carry: enough different words that a reader's own query meets one."""

ASKED_KINDS = frozenset({"situation", "tactic"})
"""Kinds `playbook check` warns about (checklists and others may carry phrasings too)."""


def few_phrasings(book: Playbook) -> Iterator[str]:
    """`path: asked_as: message` for each situation or tactic with fewer than MIN_ASKED_AS phrasings."""
    for ref in sorted(book.records):
        record = book.records[ref]
        if record.kind.name not in ASKED_KINDS:
            continue
        count = len(getattr(record.doc, "asked_as", ()))
        if count < MIN_ASKED_AS:
            yield (f"data/{ref}.yml: asked_as: {count} phrasing{'s' if count != 1 else ''}, want {MIN_ASKED_AS} or more: "
                   "how readers type this problem into search (questions, fragments, complaints)")
