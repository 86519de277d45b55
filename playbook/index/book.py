"""Step 3 of the pipeline: the index of entries and of the links between them.

Every reference is resolved here (with a "did you mean" when it is not), and the reverse
links ("Referenced by", "Cited by") and redirects are computed once per build.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from playbook.contract.kinds import KINDS_BY_DIR, Kind
from playbook.contract.models import Citation, Relation, Synonyms, Term
from playbook.contract.names import alias_ref
from playbook.contract.record import Record, Validated
from playbook.index.evidence import locator_problems
from playbook.index.views import OWNER, Key, ReadLog, query, recording
from playbook.problems import Loc, Problem, field_name
from playbook.schema.validation import did_you_mean

if TYPE_CHECKING:
    from playbook.index.wayfinding import Wayfinding

V = TypeVar("V")


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


class Tracked(Mapping[str, V]):
    """A read-only mapping of the index whose every read is a query (views.py): `book.records`, the vocabularies,
    the backlinks, citations, mentions and redirects."""

    def __init__(self, book: Playbook, owner: str, items: dict[str, V]) -> None:
        self.book, self.owner, self._items = book, owner, items

    @property
    def log(self) -> ReadLog | None:
        return self.book.log

    @query()
    def __getitem__(self, key: str) -> V:
        return self._items[key]

    @query()
    def __contains__(self, key: object) -> bool:
        return key in self._items

    def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        return self[key] if key in self else default  # noqa: SIM401 (a miss must be a query too: `in` notes it)

    @query()
    def everything(self) -> tuple[tuple[str, V], ...]:
        """Every key with its value, in order (one query for a whole read)."""
        return tuple(self._items.items())

    def __iter__(self) -> Iterator[str]:
        return iter([k for k, _ in self.everything()])

    def __len__(self) -> int:
        return len(self.everything())

    def items(self) -> list[tuple[str, V]]:  # type: ignore[override]
        return list(self.everything())

    def values(self) -> list[V]:  # type: ignore[override]
        return [v for _, v in self.everything()]

    def keys(self) -> list[str]:  # type: ignore[override]
        return [k for k, _ in self.everything()]


@dataclass
class Links:
    """The index's own tables, filled once by `build_index`: every read goes through the Playbook's tracked views."""

    redirects: dict[str, Record] = field(default_factory=dict)  # old ref -> record
    backlinks: dict[str, list[Backlink]] = field(default_factory=lambda: defaultdict(list))
    cited_by: dict[str, list[Cited]] = field(default_factory=lambda: defaultdict(list))
    mentions: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # ref -> refs named in its text


class Playbook:
    """Everything the templates need: typed records and the links between them.

    Every read is a query (views.py): while a page renders inside `recording()`, what it asked and got is noted,
    and `ask` answers the same question again from a newer index."""

    owner = OWNER

    def __init__(self, records: dict[str, Record], tags: dict[str, Term], competencies: dict[str, Term],
                 archetypes: dict[str, Term], synonyms: Synonyms | None = None, links: Links | None = None) -> None:
        self.log: ReadLog | None = None
        self.links = links or Links()
        self.synonyms = synonyms or Synonyms()  # the search box's synonyms and phrases (data/synonyms.yml): no page shows them
        self.records = Tracked(self, "records", records)
        self.tags = Tracked(self, "tags", tags)
        self.competencies = Tracked(self, "competencies", competencies)
        self.archetypes = Tracked(self, "archetypes", archetypes)
        self.redirects = Tracked(self, "redirects", self.links.redirects)
        self.backlinks = Tracked(self, "backlinks", self.links.backlinks)
        self.cited_by = Tracked(self, "cited_by", self.links.cited_by)
        self.mentions = Tracked(self, "mentions", self.links.mentions)
        self._records = records
        self.rendered: dict[tuple[str, str, bool], tuple[str, tuple[str, ...]]] = {}
        """Data text already presented as HTML for this index (present.py), by (text, page folder, inline), with the
        entries its references name: a memo that lives and dies with the index of one build."""
        self.markdown: Any = None
        """The presenter's Python-Markdown instance for this index (made on first use; present.py)."""
        self._way: Any = None
        self._answers: dict[Key, object] = {}
        self.living: Any = None
        """Freshness and news from the git history (render/living.py), attached by the pipeline: its answers are
        queries of this index too."""

    def attach_living(self, living: Any) -> None:
        """Attach this build's history; answers given before (from an older history) are forgotten."""
        self.living = living
        self._answers.clear()

    @property
    def way(self) -> Wayfinding:
        """Where each entry sits: neighbours, learning paths (wayfinding.py), computed once per index."""
        if self._way is None:
            from playbook.index.wayfinding import Wayfinding

            self._way = Wayfinding(self)
        return self._way

    def recording(self) -> AbstractContextManager[ReadLog]:
        """Note every query asked of this index until the block ends (the view of one page)."""
        return recording(self)

    def ask(self, key: Key) -> object:
        """The answer this index gives to a query noted in a view (each asked once per index); a query that cannot
        be asked any more (its entry is gone) answers `GONE`, which equals nothing."""
        if key in self._answers:
            return self._answers[key]
        owner, name, args = key
        target = {"book": self, "way": self.way, "records": self.records, "tags": self.tags,
                  "competencies": self.competencies, "archetypes": self.archetypes, "redirects": self.redirects,
                  "backlinks": self.backlinks, "cited_by": self.cited_by, "mentions": self.mentions,
                  "living": self.living}[owner]
        try:
            answer = getattr(target, name)(*args)
        except (KeyError, LookupError):
            answer = GONE
        self._answers[key] = answer
        return answer

    def _record(self, record: Record | str) -> Record:
        """A query's record argument: the record of this index with that ref (a view asks by ref)."""
        return self._records[record if isinstance(record, str) else record.ref]

    @query()
    def of_kind(self, kind: Kind | str) -> list[Record]:
        """The entries of a kind (a Kind, or its folder name), by title."""
        kind_dir = kind if isinstance(kind, str) else kind.dir
        return sorted((r for r in self._records.values() if r.kind.dir == kind_dir), key=lambda r: r.title.lower())

    @query()
    def count_by_kind(self) -> dict[str, int]:
        """How many entries each kind has, by kind name."""
        return dict(Counter(r.kind.name for r in self._records.values()))

    @query()
    def get(self, ref: str) -> Record:
        return self._records[ref]

    @query()
    def outlinks(self, record: Record | str) -> list[Outlink]:
        return [Outlink(self._records[link.to], link.rel, link.note) for link in getattr(self._record(record).doc, "related", ())]

    @query()
    def referenced_by(self, record: Record | str) -> list[Backlink]:
        """Entries linking here, once per entry and label, by label then title."""
        unique = {(b.origin.ref, b.label): b for b in self.links.backlinks.get(_ref(record), ())}
        return sorted(unique.values(), key=lambda b: (b.label, b.origin.kind.dir, b.origin.title.lower()))

    @query()
    def citations(self, record: Record | str) -> list[tuple[Record, Citation]]:
        return [(self._records[c.source], c) for c in getattr(self._record(record).doc, "sources", ())]

    @query()
    def vocabulary(self, name: str) -> dict[str, Term]:
        """The terms of one vocabulary: tags, competencies or archetypes."""
        return dict({"tags": self.tags, "competencies": self.competencies, "archetypes": self.archetypes}[name]._items)

    @query()
    def having(self, name: str, term: str) -> list[Record]:
        """Entries whose list field `name` (tags, competencies, archetypes) holds `term`, by title."""
        return sorted((r for r in self._records.values() if term in getattr(r.doc, name, ())), key=lambda r: r.title.lower())


class _Gone:
    """The answer to a query about an entry that no longer exists: equal to nothing."""

    def __eq__(self, other: object) -> bool:
        return False

    __hash__ = None  # type: ignore[assignment]


GONE = _Gone()


def _ref(record: Record | str) -> str:
    return record if isinstance(record, str) else record.ref


def build_index(validated: Validated) -> tuple[Playbook, list[Problem]]:
    """Resolve every reference; return the index and the problems found on the way."""
    vocab = validated.vocabularies
    problems: list[Problem] = []
    records: dict[str, Record] = {}
    for record in validated.records:
        records[record.ref] = record
    links = Links()
    book = Playbook(records, vocab["tags"], vocab["competencies"], vocab["archetypes"], validated.synonyms, links)

    for record in validated.records:
        check = _Checker(record, records, problems, validated.data_dir)
        doc = record.doc
        for i, alias in enumerate(doc.aliases):
            message = _alias_problem(alias, record, records, links.redirects)
            if message:
                check.fail(("aliases", i), f"aliases[{i}]", message)
                continue
            links.redirects[alias_ref(alias, record.kind.dir)] = record
        for i, link in enumerate(getattr(doc, "related", ())):
            if check.ref(("related", i, "to"), link.to):
                links.backlinks[link.to].append(Backlink(record, link.rel.inverse_label))
        for i, citation in enumerate(getattr(doc, "sources", ())):
            if check.ref(("sources", i, "source"), citation.source):
                links.cited_by[citation.source].append(Cited(record, citation))
        for i, step in enumerate(getattr(doc, "steps", ())):
            if hasattr(step, "to") and check.ref(("steps", i, "to"), step.to):
                links.backlinks[step.to].append(Backlink(record, "Step of learning path"))
        run = getattr(doc, "run", None)
        if run and run.follow_up:
            check.ref(("run", "follow_up"), run.follow_up)
        for loc, ref in record.inline_refs:
            if check.ref(loc, ref):
                links.backlinks[ref].append(Backlink(record, "Mentioned by"))
                links.mentions[record.ref].append(ref)
        for name in ("tags", "competencies", "archetypes"):
            for i, term in enumerate(getattr(doc, name, ())):
                check.term((name, i), term, vocab[name], f"data/{name}.yml")
        problems.extend(locator_problems(record, records))
    return book, problems


def _alias_problem(alias: str, record: Record, records: dict[str, Record], redirects: dict[str, Record]) -> str | None:
    """Why `alias` cannot be a former id of `record`, or None."""
    old = alias_ref(alias, record.kind.dir)
    if old.partition("/")[0] not in KINDS_BY_DIR:
        return f"'{alias}' names no kind of entry: one of {', '.join(KINDS_BY_DIR)}"
    if old == record.ref:
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
        kind_dir = ref.partition("/")[0]
        renamed = next((r for r in self.records.values() if any(alias_ref(a, r.kind.dir) == ref for a in r.doc.aliases)), None)
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

