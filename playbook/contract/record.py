"""The core types every stage after validation shares: a validated entry and the result of validation."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from playbook.contract.kinds import Kind
from playbook.contract.models import Synonyms, Term
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


@dataclass
class Validated:
    data_dir: Path
    records: list[Record]
    vocabularies: dict[str, dict[str, Term]]
    problems: list[Problem]
    synonyms: Synonyms = field(default_factory=Synonyms)


