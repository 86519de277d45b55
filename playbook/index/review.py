"""The review cycle: which entries are due for review (`playbook review-due`).

An entry is due when it was never reviewed (no `reviewed:`) or its last review is more than N months old (12 by
default). The list runs oldest first (never reviewed before anything), with each entry's owner and last update
from git, so a maintainer or a scheduled CI job sees what to look at.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from playbook.contract.record import Record
from playbook.index.book import Playbook
from playbook.index.history import History, months_before

DEFAULT_MONTHS = 12


@dataclass(frozen=True)
class Due:
    """One entry due for review."""

    record: Record
    reviewed: dt.date | None
    reviewer: str | None
    owner: str | None
    updated: dt.datetime | None


def review_due(book: Playbook, history: History, months: int = DEFAULT_MONTHS, owner: str | None = None) -> list[Due]:
    """Entries never reviewed or reviewed more than `months` months before the history's `now`, oldest first;
    only those of `owner` (any case) when given."""
    cutoff = months_before(history.now, months).date()
    due = []
    for record in book.records.values():
        doc = record.doc
        if owner is not None and (doc.owner or "").casefold() != owner.casefold():
            continue
        review = doc.reviewed
        if review is None or review.date < cutoff:
            due.append(Due(record, review.date if review else None, review.by if review else None, doc.owner,
                           history.updated(f"data/{record.kind.dir}/{record.id}.yml")))
    return sorted(due, key=lambda d: (d.reviewed or dt.date.min, d.updated or dt.datetime.min.replace(tzinfo=dt.UTC), d.record.ref))
