"""Step 2 of the pipeline: turn each YAML document into a validated, typed record.

Every problem is collected, never raised one at a time, so an author sees them all in one run.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .kinds import KINDS, VOCABULARIES, Kind
from .models import ID_PATTERN, Term
from .problems import Problem, display_path, field_name
from .yaml_source import Loc, YamlDocument, line_of, read_yaml

_ID = re.compile(ID_PATTERN)
SCHEMA_DIR = "schemas"


def schema_comment(kind: Kind) -> str:
    """The first line of every data file of `kind`: editors read the schema from it."""
    return f"# yaml-language-server: $schema=../{SCHEMA_DIR}/{kind.name}.schema.json"


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
        return f"{self.kind.dir}/{self.id}/"

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


def validate_tree(data_dir: Path, root: Path) -> Validated:
    """Read and validate every entry file and vocabulary under `data_dir`."""
    records: list[Record] = []
    problems: list[Problem] = []
    for kind in KINDS:
        folder = data_dir / kind.dir
        for path in sorted(folder.iterdir()) if folder.is_dir() else ():
            record = _validate_entry(kind, path, display_path(path, root), problems)
            if record:
                records.append(record)
    vocabularies: dict[str, dict[str, Term]] = {}
    for name, schema in VOCABULARIES.items():
        path = data_dir / f"{name}.yml"
        vocabularies[name] = _validate_vocabulary(path, display_path(path, root), schema, problems)
    return Validated(data_dir, records, vocabularies, problems)



_VALID: dict[Path, tuple[tuple[int, int], Record]] = {}
"""Valid records by file, with the (mtime, size) they were read at: `mkdocs serve` keeps this process
alive, so a rebuild re-reads only the files that changed."""


def _validate_entry(kind: Kind, path: Path, shown: str, problems: list[Problem]) -> Record | None:
    if path.is_dir() or path.name.startswith("."):
        return None
    stat = path.stat()
    stamp = (stat.st_mtime_ns, stat.st_size)
    cached = _VALID.get(path)
    if cached and cached[0] == stamp and cached[1].kind is kind:
        return cached[1]
    record = _read_entry(kind, path, shown, problems)
    if record:
        _VALID[path] = (stamp, record)
    return record


def _read_entry(kind: Kind, path: Path, shown: str, problems: list[Problem]) -> Record | None:
    if path.suffix != ".yml":
        problems.append(Problem(shown, 1, "", f"entry files end in .yml; rename it to {path.stem}.yml"))
        return None
    if not _ID.match(path.stem):
        problems.append(Problem(shown, 1, "", "the file name is the entry's id and URL: use lowercase letters, digits and single hyphens"))
        return None
    doc = read_yaml(path, shown)
    if not doc.problems and doc.data is not None:
        first = path.read_text(encoding="utf-8").split("\n", 1)[0].strip()
        if first != schema_comment(kind):
            doc.problems.append(Problem(shown, 1, "", f"the first line must name the schema for editors: {schema_comment(kind)}"))
    model = _to_model(kind.schema, doc)
    problems.extend(doc.problems)
    if model is None or doc.problems:
        return None
    return Record(kind, path.stem, model, path, shown, doc.lines)


def _validate_vocabulary(path: Path, shown: str, schema: type[BaseModel], problems: list[Problem]) -> dict[str, Term]:
    if not path.exists():
        problems.append(Problem(shown, 1, "", "missing vocabulary file"))
        return {}
    doc = read_yaml(path, shown)
    terms: dict[str, Term] = {}
    if not doc.problems and not isinstance(doc.data, dict):
        doc.problem((), "", "a vocabulary is a mapping of id to {title, definition}")
    elif not doc.problems:
        for key, value in doc.data.items():
            if not _ID.match(key):
                doc.problem((key,), key, "ids use lowercase letters, digits and single hyphens")
            term = _to_model(schema, YamlDocument(path, shown, value, _sub_lines(doc.lines, key)), doc.problems, (key,))
            if term is not None:
                terms[key] = term
    problems.extend(doc.problems)
    return terms


def _sub_lines(lines: dict[Loc, int], key: str) -> dict[Loc, int]:
    return {loc[1:]: line for loc, line in lines.items() if loc[:1] == (key,)}


def _to_model(schema: type[BaseModel], doc: YamlDocument, sink: list[Problem] | None = None, prefix: Loc = ()) -> Any:
    """Validate `doc.data` against `schema`; each error becomes a Problem at its own line."""
    sink = doc.problems if sink is None else sink
    if doc.problems or doc.data is None:
        return None
    if not isinstance(doc.data, dict):
        sink.append(Problem(doc.shown_as, doc.line_of(()), field_name(prefix), "expected a mapping of fields"))
        return None
    try:
        return schema.model_validate(doc.data)
    except ValidationError as err:
        for error in err.errors(include_url=False):
            loc = tuple(error["loc"])
            sink.append(Problem(doc.shown_as, doc.line_of(loc), field_name(prefix + loc), _message(error, schema)))
        return None


def _message(error: dict[str, Any], schema: type[BaseModel]) -> str:
    kind = error["type"]
    if kind == "extra_forbidden":
        name = str(error["loc"][-1])
        return f"unknown field '{name}'{did_you_mean(name, _all_field_names(schema))}"
    if kind == "missing":
        return "required field is missing"
    if kind == "string_type" and isinstance(error.get("input"), dict):
        return "expected text but found a mapping: quote the text (YAML reads ': ' inside it as a key)"
    if kind == "string_type" and isinstance(error.get("input"), list):
        return "expected text but found a list"
    return str(error["msg"]).removeprefix("Value error, ")


def _all_field_names(schema: type[BaseModel]) -> set[str]:
    names: set[str] = set()
    seen: set[type] = set()

    def walk(model: type[BaseModel]) -> None:
        if model in seen:
            return
        seen.add(model)
        for name, info in model.model_fields.items():
            names.add(name)
            for arg in _model_args(info.annotation):
                walk(arg)

    walk(schema)
    return names


def _model_args(annotation: Any) -> Iterable[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for arg in getattr(annotation, "__args__", ()):
        yield from _model_args(arg)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""
