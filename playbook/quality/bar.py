"""The content bar, beyond the schema: what every published entry must carry, and no copied prose.

Used by `playbook quality` (for authors) and by the content tests.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from playbook.contract.record import Record
from playbook.index.book import Playbook
from playbook.quality.fingerprint import FINGERPRINTS, RUN, Fingerprints, fingerprint, read_fingerprints, run_hash, runs
from playbook.quality.paraphrase import SourceIndex, paraphrases, prose_of


def default_sources(root: Path) -> Path:
    """Where the shared source texts are: $PLAYBOOK_SOURCES, else the nearest `shared/sources` above `root`
    (a clone sits beside `shared/`, a worktree one level deeper); the first guess when none exists.
    Only `playbook quality --sources/--fingerprint` and the test that compares texts with fingerprints read them."""
    if os.environ.get("PLAYBOOK_SOURCES"):
        return Path(os.environ["PLAYBOOK_SOURCES"])
    candidates = [parent / "shared" / "sources" for parent in root.resolve().parents]
    return next((c for c in candidates if c.is_dir()), candidates[0])


def committed_fingerprints(root: Path) -> Fingerprints:
    """The fingerprints of the source texts committed in the project (fingerprint.FINGERPRINTS)."""
    return read_fingerprints(root / FINGERPRINTS)


def source_texts(folder: Path) -> dict[str, str]:
    """The shared source texts by file name; a missing or empty folder is an error, never a silent pass."""
    if not folder.is_dir():
        raise FileNotFoundError(f"source folder {folder} does not exist: the copied-prose checks cannot run")
    texts = {p.name: p.read_text(encoding="utf-8", errors="replace") for p in sorted(folder.glob("*.txt"))}
    if not any(t.strip() for t in texts.values()):
        raise FileNotFoundError(f"source folder {folder} holds no source text (*.txt): the copied-prose checks cannot run")
    return texts


def source_fingerprints(folder: Path) -> Fingerprints:
    """The fingerprints of the source texts in `folder`, made now (they keep the texts of the sentences)."""
    return fingerprint(source_texts(folder))


def source_runs(folder: Path) -> Mapping[str, str]:
    """Every hashed RUN-word run of the source texts in `folder` -> the file it is in."""
    return source_fingerprints(folder).runs


def source_index(folder: Path) -> SourceIndex:
    """The sentences of the source texts in `folder`, for the paraphrase check."""
    return source_fingerprints(folder).index()


@dataclass(frozen=True)
class Finding:
    shown_as: str
    message: str
    pairs: tuple[tuple[int, int], ...] = ()  # a paraphrase's matched sentences (paraphrase.Paraphrase.pairs)

    def __str__(self) -> str:
        return f"{self.shown_as}: {self.message}"


def copied(text: str, sources: Mapping[str, str]) -> list[tuple[tuple[str, ...], str]]:
    """Each RUN-word run of `text` whose hash is a run of a source, with the source's file name."""
    return [(run, sources[h]) for run in sorted(runs(text)) if (h := run_hash(run)) in sources]


def copied_runs(book: Playbook, sources: Mapping[str, str]) -> Iterator[Finding]:
    """Entries that share a RUN-word run with a source (`sources`: run hashes -> file, from the fingerprints)."""
    for record in book.records.values():
        for run, name in copied(record.path.read_text(encoding="utf-8"), sources):
            yield Finding(record.shown_as, f"{RUN} words shared with {name}: “{' '.join(run)}”")


def entry_prose(record: Record) -> list[str]:
    """The reader-facing text of an entry; titles are names (of the entry, or of a source's work), not prose."""
    dump = record.doc.model_dump()
    dump.pop("title", None)
    return prose_of(dump)


def paraphrased(book: Playbook, index: SourceIndex) -> Iterator[Finding]:
    """Entries that retell a source sentence by sentence: close sentences and a source's order kept."""
    for record in book.records.values():
        for found in paraphrases(entry_prose(record), index):
            yield Finding(record.shown_as, found.message, found.pairs)


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
