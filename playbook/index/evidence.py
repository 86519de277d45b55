"""Every citation's locator must have evidence in its source record, or be marked unverified.

A citation's locator is read as parts separated by ';' (outside quotation marks). Each part must begin with the `locator` of one of
the source's `evidence` records (compared without case, with straight and curly quotes alike), followed by
its end or by punctuation: evidence for `ch. 2, "Three Maps"` covers `ch. 2, "Three Maps": the locator map`.
A citation marked `unverified: true` is shown on its page as not checked, and needs no evidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from playbook.contract.models import Citation, Source
from playbook.contract.record import Record
from playbook.problems import Problem

_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})
_AFTER = re.compile(r"(?:$|[\s,:;.(—–-])")


def normal(locator: str) -> str:
    """A locator compared loosely: lower case, one kind of quote, single spaces."""
    return " ".join(locator.translate(_QUOTES).lower().split())


_BETWEEN_PARTS = re.compile(r";(?=(?:[^\"“”]*[\"“”][^\"“”]*[\"“”])*[^\"“”]*$)")
"""A ';' outside quotation marks: 'ch. 3; ch. 4' is two places, 'principle "Have Backbone; Disagree and Commit"' one."""


def parts(locator: str) -> list[str]:
    """The places a locator names, split on ';' outside quotation marks."""
    return [p.strip() for p in _BETWEEN_PARTS.split(locator) if p.strip()]


def covered(part: str, source: Source) -> bool:
    """True when one of the source's evidence locators begins `part` (and ends at a word boundary)."""
    text = normal(part)
    for evidence in source.evidence:
        known = normal(evidence.locator)
        if text.startswith(known) and _AFTER.match(text, len(known)):
            return True
    return False


def missing(citation: Citation, source: Source) -> list[str]:
    """The parts of a citation's locator that its source's evidence does not cover (none when marked unverified)."""
    if citation.unverified:
        return []
    return [part for part in parts(citation.locator) if not covered(part, source)]


def locator_problems(record: Record, records: dict[str, Record]) -> Iterator[Problem]:
    """One problem per citation of `record` whose locator has no evidence in its (resolved) source record."""
    for i, citation in enumerate(getattr(record.doc, "sources", ())):
        target = records.get(citation.source)
        if target is None or not isinstance(target.doc, Source):
            continue  # an unresolved reference is reported by the index
        gaps = missing(citation, target.doc)
        if gaps:
            shown = "; ".join(f"'{g}'" for g in gaps)
            yield Problem(record.shown_as, record.line_of(("sources", i, "locator")), f"sources[{i}].locator",
                          f"no evidence for {shown} in {citation.source} (add an `evidence:` record there with the "
                          "address that shows it, or mark the citation `unverified: true`)")
