"""Step 3 of the pipeline: the index of entries and of the links between them.

Every reference is resolved here (with a "did you mean" when it is not), and the reverse
links ("Referenced by", "Cited by") and redirects are computed once per build.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from playbook.contract.kinds import KINDS_BY_DIR, Kind
from playbook.contract.models import Citation, Relation, Synonyms, Term
from playbook.contract.record import Record, Validated
from playbook.index.evidence import locator_problems
from playbook.problems import Loc, Problem, field_name
from playbook.schema.validation import did_you_mean


@dataclass(frozen=True)
class Backlink:
    """`origin` links to the entry under `rel` (or as a step of a learning path)."""

    origin: Record
    label: str


@dataclass(frozen=True)
class Outlink:
    target: Record
    rel: Relation
    note: str | None


@dataclass(frozen=True)
class Cited:
    record: Record
    citation: Citation


@dataclass
class Playbook:
    """Everything the templates need: typed records and the links between them."""

    records: dict[str, Record]
    tags: dict[str, Term]
    competencies: dict[str, Term]
    archetypes: dict[str, Term]
    synonyms: Synonyms = field(default_factory=Synonyms)  # the search box's synonyms and phrases (data/synonyms.yml)
    redirects: dict[str, Record] = field(default_factory=dict)  # old ref -> record
    backlinks: dict[str, list[Backlink]] = field(default_factory=lambda: defaultdict(list))
    cited_by: dict[str, list[Cited]] = field(default_factory=lambda: defaultdict(list))
    mentions: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # ref -> refs named in its text
    rendered: dict[tuple[str, str, bool], str] = field(default_factory=dict, repr=False, compare=False)
    """Data text already presented as HTML for this index (present.py), by (text, page folder, inline): a memo
    that lives and dies with the index of one build."""
    markdown: Any = field(default=None, repr=False, compare=False)
    """The presenter's Python-Markdown instance for this index (made on first use; present.py)."""

    def of_kind(self, kind: Kind | str) -> list[Record]:
        """The entries of a kind (a Kind, or its folder name), by title."""
        kind_dir = kind if isinstance(kind, str) else kind.dir
        return sorted((r for r in self.records.values() if r.kind.dir == kind_dir), key=lambda r: r.title.lower())

    def get(self, ref: str) -> Record:
        return self.records[ref]

    def outlinks(self, record: Record) -> list[Outlink]:
        return [Outlink(self.records[link.to], link.rel, link.note) for link in getattr(record.doc, "related", ())]

    def referenced_by(self, record: Record) -> list[Backlink]:
        """Entries linking here, once per entry and label, by label then title."""
        unique = {(b.origin.ref, b.label): b for b in self.backlinks.get(record.ref, ())}
        return sorted(unique.values(), key=lambda b: (b.label, b.origin.kind.dir, b.origin.title.lower()))

    def citations(self, record: Record) -> list[tuple[Record, Citation]]:
        return [(self.records[c.source], c) for c in getattr(record.doc, "sources", ())]

    def shown_on_page(self, record: Record) -> list[object]:
        """Everything besides the record itself whose text its page shows: what its index card shows (below),
        the entries it links to and cites, and the entries (with labels) that link to it. A page whose record and
        these are unchanged renders the same (pages.py keeps it across `mkdocs serve` rebuilds)."""
        doc = record.doc
        refs = [link.to for link in getattr(doc, "related", ())] + [c.source for c in getattr(doc, "sources", ())]
        shown: list[object] = [self.records[ref] for ref in refs]
        shown += [b.origin for b in self.backlinks.get(record.ref, ())] + [b.label for b in self.backlinks.get(record.ref, ())]
        return shown + self.shown_on_index([record])

    def shown_on_index(self, records: list[Record]) -> list[object]:
        """Everything besides `records` whose text their kind's index page shows: the entries their cards mention
        (summaries, questions), a path's steps, the entries citing a source (their count)."""
        shown: list[object] = []
        for record in records:
            shown += [self.records[ref] for ref in self.mentions.get(record.ref, [])]
            shown += [self.records[step.to] for step in getattr(record.doc, "steps", ()) if hasattr(step, "to")]
            shown += [c.record for c in self.cited_by.get(record.ref, ())]
        return shown

    def vocabulary(self, name: str) -> dict[str, Term]:
        """The terms of one vocabulary: tags, competencies or archetypes."""
        return {"tags": self.tags, "competencies": self.competencies, "archetypes": self.archetypes}[name]

    def having(self, name: str, term: str) -> list[Record]:
        """Entries whose list field `name` (tags, competencies, archetypes) holds `term`, by title."""
        return sorted((r for r in self.records.values() if term in getattr(r.doc, name, ())), key=lambda r: r.title.lower())


def build_index(validated: Validated) -> tuple[Playbook, list[Problem]]:
    """Resolve every reference; return the index and the problems found on the way."""
    vocab = validated.vocabularies
    problems: list[Problem] = []
    records: dict[str, Record] = {}
    for record in validated.records:
        records[record.ref] = record
    book = Playbook(records, vocab["tags"], vocab["competencies"], vocab["archetypes"], synonyms=validated.synonyms)

    for record in validated.records:
        check = _Checker(record, records, problems, validated.data_dir)
        doc = record.doc
        for i, alias in enumerate(doc.aliases):
            message = _alias_problem(alias, record, records, book.redirects)
            if message:
                check.fail(("aliases", i), f"aliases[{i}]", message)
                continue
            book.redirects[f"{record.kind.dir}/{alias}"] = record
        for i, link in enumerate(getattr(doc, "related", ())):
            if check.ref(("related", i, "to"), link.to):
                book.backlinks[link.to].append(Backlink(record, link.rel.inverse_label))
        for i, citation in enumerate(getattr(doc, "sources", ())):
            if check.ref(("sources", i, "source"), citation.source):
                book.cited_by[citation.source].append(Cited(record, citation))
        for i, step in enumerate(getattr(doc, "steps", ())):
            if hasattr(step, "to") and check.ref(("steps", i, "to"), step.to):
                book.backlinks[step.to].append(Backlink(record, "Step of learning path"))
        run = getattr(doc, "run", None)
        if run and run.follow_up:
            check.ref(("run", "follow_up"), run.follow_up)
        for loc, ref in record.inline_refs:
            if check.ref(loc, ref):
                book.backlinks[ref].append(Backlink(record, "Mentioned by"))
                book.mentions[record.ref].append(ref)
        for name in ("tags", "competencies", "archetypes"):
            for i, term in enumerate(getattr(doc, name, ())):
                check.term((name, i), term, vocab[name], f"data/{name}.yml")
        problems.extend(locator_problems(record, records))
    return book, problems


def _alias_problem(alias: str, record: Record, records: dict[str, Record], redirects: dict[str, Record]) -> str | None:
    """Why `alias` cannot be a former id of `record`, or None."""
    old = f"{record.kind.dir}/{alias}"
    if alias == record.id:
        return f"'{alias}' is this entry's own id: an alias is a former id; remove it"
    if redirects.get(old) is record:
        return f"'{alias}' is listed twice"
    if old in records or old in redirects:
        other = records.get(old) or redirects[old]
        return f"'{alias}' is already the id or alias of another {record.kind.name} ({other.shown_as})"
    return None


@dataclass
class _Checker:
    record: Record
    records: dict[str, Record]
    problems: list[Problem]
    data_dir: Path

    def fail(self, loc: Loc, name: str, message: str) -> None:
        self.problems.append(Problem(self.record.shown_as, self.record.line_of(loc), name, message))

    def ref(self, loc: Loc, ref: str) -> bool:
        if ref == self.record.ref:
            self.fail(loc, field_name(loc), "an entry cannot reference itself")
            return False
        if ref in self.records:
            return True
        if (self.data_dir / f"{ref}.yml").exists():
            return False  # the target exists but is invalid: its own problems are reported
        kind_dir, _, old_id = ref.partition("/")
        renamed = next((r for r in self.records.values() if r.kind.dir == kind_dir and old_id in r.doc.aliases), None)
        if renamed is not None:
            self.fail(loc, field_name(loc), f"'{ref}' is a former id of '{renamed.ref}': link to '{renamed.ref}'")
            return False
        if kind_dir not in KINDS_BY_DIR:
            hint = did_you_mean(kind_dir, KINDS_BY_DIR)
            self.fail(loc, field_name(loc), f"'{ref}' names no kind of entry{hint}: one of {', '.join(KINDS_BY_DIR)}")
            return False
        same_kind = [r for r in self.records if r.startswith(kind_dir + "/")]
        hint = did_you_mean(ref, same_kind) or did_you_mean(ref, self.records)
        title = KINDS_BY_DIR[kind_dir].singular_title.lower()
        self.fail(loc, field_name(loc), f"no {title} '{ref}' exists (data/{ref}.yml){hint}")
        return False

    def term(self, loc: Loc, term: str, terms: dict[str, Term], where: str) -> bool:
        if term in terms:
            return True
        self.fail(loc, field_name(loc), f"'{term}' is not defined in {where}{did_you_mean(term, terms)}")
        return False

