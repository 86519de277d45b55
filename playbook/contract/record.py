"""The core types every stage after validation shares: a validated entry and the result of validation."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from playbook.contract.kinds import Kind
from playbook.contract.models import INLINE_REF, Synonyms, Term
from playbook.contract.search_text import stem, words
from playbook.contract.urls import page_url
from playbook.problems import Loc, Problem, line_of


@dataclass(frozen=True)
class Record:
    """One validated entry: its kind, its id (the file name) and its typed fields."""

    kind: Kind
    id: str
    doc: Any  # an instance of kind.schema
    path: Path
    shown_as: str
    lines: dict[Loc, int] = field(repr=False, compare=False, default_factory=dict)

    @property
    def ref(self) -> str:
        return f"{self.kind.dir}/{self.id}"

    @property
    def src_uri(self) -> str:
        return f"{self.kind.dir}/{self.id}.md"

    @property
    def url(self) -> str:
        return page_url(self.src_uri)

    @property
    def title(self) -> str:
        return self.doc.title

    @property
    def summary(self) -> str:
        return self.doc.summary

    def line_of(self, loc: Loc) -> int:
        return line_of(self.lines, loc)

    @cached_property
    def inline_refs(self) -> tuple[tuple[Loc, str], ...]:
        """Every `[[kind/id]]` in the entry's texts, with where it is: found once per record (a record read
        before is the same object in the next build of `mkdocs serve`)."""
        return tuple((loc, match.group(1)) for loc, text in texts_of(self.doc) for match in INLINE_REF.finditer(text))


    @cached_property
    def stems(self) -> frozenset[str]:
        """Every word of the entry's texts as the search box stems it (search_text.py), found once per record."""
        return frozenset(stem(w) for _, text in texts_of(self.doc) for w in words(text))


def texts_of(value: object, loc: Loc = ()) -> Iterator[tuple[Loc, str]]:
    """Every string in a model, with its location."""
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from texts_of(getattr(value, name), (*loc, name))
    elif isinstance(value, list | tuple):
        for i, item in enumerate(value):
            yield from texts_of(item, (*loc, i))


@dataclass
class Validated:
    data_dir: Path
    records: list[Record]
    vocabularies: dict[str, dict[str, Term]]
    problems: list[Problem]
    synonyms: Synonyms = field(default_factory=Synonyms)


