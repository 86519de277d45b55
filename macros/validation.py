"""Step 2 of the pipeline: turn each YAML document into a validated, typed record.

Every problem is collected, never raised one at a time, so an author sees them all in one run.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .data_files import BACKUP_SUFFIXES, inside, stamp
from .kinds import KINDS, VOCABULARIES, Kind
from .models import Synonyms, Term
from .names import hand_written, id_problem, reserved_problem
from .problems import Problem, display_path, field_name
from .text_budget import markdown_problem
from .yaml_source import Loc, YamlDocument, line_of, read_yaml

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
    if not data_dir.is_dir():
        problems.append(_not_a_project(data_dir, root))
        return Validated(data_dir, records, {name: {} for name in VOCABULARIES}, problems)
    pages = hand_written(root / "docs")
    for kind in KINDS:
        folder = data_dir / kind.dir
        for path in sorted(folder.iterdir()) if folder.is_dir() else ():
            shown = display_path(path, root)
            reserved = reserved_problem(path.stem, kind.dir, pages) if path.suffix == ".yml" else None
            if reserved:
                problems.append(Problem(shown, 1, "", f"the file name is the entry's id and URL: {reserved}"))
                continue
            before = len(problems)
            record = _validate_entry(kind, path, shown, data_dir, problems)
            if record:
                records.append(record)
            elif len(problems) == before and not _ignored(path):
                problems.append(Problem(shown, 1, "", "the file could not be read as an entry"))
    problems.extend(_reserved_aliases(records, pages))
    vocabularies: dict[str, dict[str, Term]] = {}
    for name, schema in VOCABULARIES.items():
        path = data_dir / f"{name}.yml"
        vocabularies[name] = _validate_vocabulary(path, display_path(path, root), schema, data_dir, problems)
    read_synonyms(data_dir, root, problems)
    return Validated(data_dir, records, vocabularies, problems)


SYNONYMS_FILE = "synonyms.yml"


def read_synonyms(data_dir: Path, root: Path, problems: list[Problem]) -> Synonyms:
    """data/synonyms.yml (optional): the search box's synonyms and phrases; its problems go to `problems`."""
    path = data_dir / SYNONYMS_FILE
    if not path.exists() and not path.is_symlink():
        return Synonyms()
    doc = read_yaml(path, display_path(path, root), data_dir)
    model = _to_model(Synonyms, doc)
    problems.extend(doc.problems)
    return model if model is not None and not doc.problems else Synonyms()


def _not_a_project(data_dir: Path, root: Path) -> Problem:
    kinds = ", ".join(f"{k.dir}/" for k in KINDS)
    vocabularies = ", ".join(f"{name}.yml" for name in VOCABULARIES)
    return Problem(
        display_path(data_dir, root), 0, "",
        f"no playbook project in {root}: a project has data/ holding the folders {kinds} and the vocabulary files"
        f" {vocabularies}; run the command in the project folder or pass --root",
    )


def _reserved_aliases(records: list[Record], pages: dict[str, list[str]]) -> list[Problem]:
    """Aliases that would take the place of a hand-written page (ids are checked by file name)."""
    problems: list[Problem] = []
    for record in records:
        for i, alias in enumerate(record.doc.aliases):
            message = reserved_problem(alias, record.kind.dir, pages)
            if message:
                problems.append(Problem(record.shown_as, record.line_of(("aliases", i)), f"aliases[{i}]", message))
    return problems


def _ignored(path: Path) -> bool:
    return path.name.startswith(".") or (path.is_dir() and not path.is_symlink())



_VALID: dict[Path, tuple[tuple[int, int], Record]] = {}
"""Valid records by file, with the version they were read at (`data_files.stamp`: inode, mtime and size
of the link and of its target): `mkdocs serve` keeps this process alive, so a rebuild re-reads only the
files that changed. Only valid regular files are cached; a refused file is read (and refused) again."""


def _validate_entry(kind: Kind, path: Path, shown: str, data_dir: Path, problems: list[Problem]) -> Record | None:
    if _ignored(path):
        return None
    version = stamp(path) if inside(path, data_dir) else None  # a file moved out of data/ is read (and refused) again
    cached = _VALID.get(path)
    if version and cached and cached[0] == version and cached[1].kind is kind:
        return cached[1]
    record = _read_entry(kind, path, shown, data_dir, problems)
    if record and version:
        _VALID[path] = (version, record)
    return record


def _name_problem(path: Path) -> str | None:
    """Why this file name cannot be an entry, or None."""
    if path.name.endswith(BACKUP_SUFFIXES) or path.name.startswith("#"):
        return "a backup file, not an entry: delete it (or keep it out of data/)"
    if path.suffix != ".yml":
        target = path.with_name(f"{path.stem}.yml")
        if target.exists() or target.is_symlink():
            return f"entry files end in .yml and {target.name} exists already: delete this file or merge it into that one"
        return f"entry files end in .yml; rename it to {target.name}"
    problem = id_problem(path.stem)
    return f"the file name is the entry's id and URL: {problem}" if problem else None


def _read_entry(kind: Kind, path: Path, shown: str, data_dir: Path, problems: list[Problem]) -> Record | None:
    name_problem = _name_problem(path)
    if name_problem:
        problems.append(Problem(shown, 1, "", name_problem))
        return None
    doc = read_yaml(path, shown, data_dir)
    _within_text_budget(doc)
    if not doc.problems and doc.data is not None:
        first = doc.first_line
        if first != schema_comment(kind):
            doc.problems.append(Problem(shown, 1, "", f"the first line must name the schema for editors: {schema_comment(kind)}"))
    model = _to_model(kind.schema, doc)
    problems.extend(doc.problems)
    if model is None or doc.problems:
        return None
    return Record(kind, path.stem, model, path, shown, doc.lines)


def _validate_vocabulary(path: Path, shown: str, schema: type[BaseModel], data_dir: Path, problems: list[Problem]) -> dict[str, Term]:
    if not path.exists() and not path.is_symlink():
        problems.append(Problem(shown, 0, "", "missing vocabulary file: a mapping of id to {title, definition}"))
        return {}
    doc = read_yaml(path, shown, data_dir)
    _within_text_budget(doc)
    terms: dict[str, Term] = {}
    if not doc.problems and not isinstance(doc.data, dict):
        doc.problem((), "", "a vocabulary is a mapping of id to {title, definition}")
    elif not doc.problems:
        for key, value in doc.data.items():
            problem = id_problem(key)
            if problem:
                doc.problem((key,), key, problem)
            term = _to_model(schema, YamlDocument(path, shown, value, _sub_lines(doc.lines, key)), doc.problems, (key,))
            if term is not None:
                terms[key] = term
    problems.extend(doc.problems)
    return terms


def _within_text_budget(doc: YamlDocument) -> None:
    """Every string of the file within the budgets that keep the Markdown renderer fast (text_budget.py)."""
    stack: list[tuple[Loc, Any]] = [((), doc.data)]
    while stack:
        loc, value = stack.pop()
        if isinstance(value, str):
            message = markdown_problem(value)
            if message:
                doc.problem(loc, field_name(loc), message)
        elif isinstance(value, dict):
            stack.extend(((*loc, key), item) for key, item in value.items())
        elif isinstance(value, list):
            stack.extend(((*loc, i), item) for i, item in enumerate(value))


def _sub_lines(lines: dict[Loc, int], key: str) -> dict[Loc, int]:
    return {loc[1:]: line for loc, line in lines.items() if loc[:1] == (key,)}


def _to_model(schema: type[BaseModel], doc: YamlDocument, sink: list[Problem] | None = None, prefix: Loc = ()) -> Any:
    """Validate `doc.data` against `schema`; each error becomes a Problem at its own line."""
    sink = doc.problems if sink is None else sink
    if doc.problems:
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
