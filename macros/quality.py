"""The content bar, beyond the schema: what every published entry must carry, and no copied prose.

Used by `playbook quality` (for authors) and by the content tests.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .index import Playbook
from .validation import Record

RUN = 12  # a shared run of this many words counts as copied
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("’", "'"))


def runs(text: str, n: int = RUN) -> set[tuple[str, ...]]:
    w = words(text)
    return {tuple(w[i : i + n]) for i in range(len(w) - n + 1)}


def source_runs(folder: Path, n: int = RUN) -> dict[tuple[str, ...], str]:
    """Every n-word run of the shared source texts -> the file it is in."""
    out: dict[tuple[str, ...], str] = {}
    for path in sorted(folder.glob("*.txt")):
        for run in runs(path.read_text(encoding="utf-8", errors="replace"), n):
            out.setdefault(run, path.name)
    return out


@dataclass(frozen=True)
class Finding:
    shown_as: str
    message: str

    def __str__(self) -> str:
        return f"{self.shown_as}: {self.message}"


def copied_runs(book: Playbook, sources: dict[tuple[str, ...], str]) -> Iterator[Finding]:
    for record in book.records.values():
        text = record.path.read_text(encoding="utf-8")
        for run in sorted(runs(text) & sources.keys()):
            yield Finding(record.shown_as, f"{RUN} words shared with {sources[run]}: “{' '.join(run)}”")


def has_placeholder(record: Record) -> bool:
    """True while an entry still carries the skeleton's TODO text from `playbook new`."""
    return "TODO" in record.path.read_text(encoding="utf-8")


def below_bar(book: Playbook) -> Iterator[Finding]:
    """Entries of the main kinds that lack two typed references, a cited source, tags or a placeholder-free text."""
    for record in book.records.values():
        if has_placeholder(record):
            yield Finding(record.shown_as, "still has skeleton TODO text")
        if not record.kind.content_bar:
            continue
        yield from _bar(record)


def _bar(record: Record) -> Iterable[Finding]:
    doc = record.doc
    if len(doc.related) < 2:
        yield Finding(record.shown_as, f"needs at least two typed references in `related` (has {len(doc.related)})")
    if not doc.sources:
        yield Finding(record.shown_as, "needs at least one source with a locator")
    if not doc.tags:
        yield Finding(record.shown_as, "needs at least one tag")
    if record.kind.name in ("model", "tactic") and not (doc.ethics or any("ethic" in p.lower() for p in doc.pitfalls)):
        yield Finding(record.shown_as, "needs the ethical line: an `ethics` field or a pitfall about it")
