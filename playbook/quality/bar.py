"""The content bar, beyond the schema: what every published entry must carry, and no copied prose.

Used by `playbook quality` (for authors) and by the content tests.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from playbook.contract.record import Record
from playbook.index.book import Playbook
from playbook.quality.paraphrase import SourceIndex, paraphrases, prose_of

RUN = 12  # a shared run of this many words counts as copied
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("’", "'"))


def runs(text: str, n: int = RUN) -> set[tuple[str, ...]]:
    w = words(text)
    return {tuple(w[i : i + n]) for i in range(len(w) - n + 1)}


def default_sources(root: Path) -> Path:
    """Where the shared source texts are: $PLAYBOOK_SOURCES, else the nearest `shared/sources` above `root`
    (a clone sits beside `shared/`, a worktree one level deeper); the first guess when none exists."""
    if os.environ.get("PLAYBOOK_SOURCES"):
        return Path(os.environ["PLAYBOOK_SOURCES"])
    candidates = [parent / "shared" / "sources" for parent in root.resolve().parents]
    return next((c for c in candidates if c.is_dir()), candidates[0])


def source_texts(folder: Path) -> dict[str, str]:
    """The shared source texts by file name; a missing or empty folder is an error, never a silent pass."""
    if not folder.is_dir():
        raise FileNotFoundError(f"source folder {folder} does not exist: the copied-prose checks cannot run")
    texts = {p.name: p.read_text(encoding="utf-8", errors="replace") for p in sorted(folder.glob("*.txt"))}
    if not any(t.strip() for t in texts.values()):
        raise FileNotFoundError(f"source folder {folder} holds no source text (*.txt): the copied-prose checks cannot run")
    return texts


def source_runs(folder: Path, n: int = RUN) -> dict[tuple[str, ...], str]:
    """Every n-word run of the shared source texts -> the file it is in."""
    out: dict[tuple[str, ...], str] = {}
    for name, text in source_texts(folder).items():
        for run in runs(text, n):
            out.setdefault(run, name)
    return out


def source_index(folder: Path) -> SourceIndex:
    """The sentences of the shared source texts, for the paraphrase check."""
    return SourceIndex(source_texts(folder))


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


def entry_prose(record: Record) -> list[str]:
    """The reader-facing text of an entry; titles are names (of the entry, or of a source's work), not prose."""
    dump = record.doc.model_dump()
    dump.pop("title", None)
    return prose_of(dump)


def paraphrased(book: Playbook, index: SourceIndex) -> Iterator[Finding]:
    """Entries that retell a source sentence by sentence: close sentences and a source's order kept."""
    for record in book.records.values():
        for found in paraphrases(entry_prose(record), index):
            yield Finding(record.shown_as, found.message)


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
