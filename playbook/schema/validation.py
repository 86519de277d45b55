"""Step 2 of the pipeline: turn each YAML document into a validated, typed record.

Every problem is collected, never raised one at a time, so an author sees them all in one run.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError

if TYPE_CHECKING:
    from pydantic_core import ErrorDetails

from playbook.contract.kinds import KINDS, VOCABULARIES, Kind
from playbook.contract.models import Synonyms, Term
from playbook.contract.names import alias_ref, hand_written, id_problem, reserved_problem
from playbook.contract.record import Record, Validated
from playbook.load.files import BACKUP_SUFFIXES, inside, stamp
from playbook.load.yaml_source import YamlDocument, read_yaml
from playbook.problems import Loc, Problem, display_path, field_name
from playbook.schema.repeats import repeated_values
from playbook.schema.search_words import check_synonyms
from playbook.schema.text_budget import markdown_problem

SCHEMA_DIR = "schemas"


def schema_comment(kind: Kind) -> str:
    """The first line of every data file of `kind`: editors read the schema from it."""
    return f"# yaml-language-server: $schema=../{SCHEMA_DIR}/{kind.name}.schema.json"


def validate_tree(data_dir: Path, root: Path, docs_dir: Path, known: dict[Path, tuple[tuple[int, ...], Record]]) -> Validated:
    """Read and validate every entry file and vocabulary under `data_dir`; `known` holds the records of files
    read before, by version, and receives the new ones."""
    records: list[Record] = []
    problems: list[Problem] = []
    if not data_dir.is_dir():
        problems.append(_not_a_project(data_dir, root))
        return Validated(data_dir, records, {name: {} for name in VOCABULARIES}, problems)
    pages = hand_written(docs_dir)
    problems.extend(_strays(data_dir, root))
    for kind in KINDS:
        folder = data_dir / kind.dir
        for path in sorted(folder.iterdir()) if folder.is_dir() else ():
            shown = display_path(path, root)
            stray = _stray_in_kind(path, kind)
            if stray:
                problems.append(Problem(shown + ("/" if path.is_dir() else ""), 0, "", f"{_STRAY}: {stray}"))
                continue
            reserved = reserved_problem(path.stem, kind.dir, pages) if path.suffix == ".yml" else None
            if reserved:
                problems.append(Problem(shown, 1, "", f"the file name is the entry's id and URL: {reserved}"))
                continue
            before = len(problems)
            record = _validate_entry(kind, path, shown, data_dir, problems, known)
            if record:
                records.append(record)
            elif len(problems) == before:
                problems.append(Problem(shown, 1, "", "the file could not be read as an entry"))
    problems.extend(_reserved_aliases(records, pages))
    problems.extend(repeated_values(records))
    vocabularies: dict[str, dict[str, Term]] = {}
    for name, schema in VOCABULARIES.items():
        path = data_dir / f"{name}.yml"
        vocabularies[name] = _validate_vocabulary(path, display_path(path, root), schema, data_dir, problems)
    synonyms = read_synonyms(data_dir, root, problems, records, vocabularies)
    return Validated(data_dir, records, vocabularies, problems, synonyms)


SYNONYMS_FILE = "synonyms.yml"


def read_synonyms(data_dir: Path, root: Path, problems: list[Problem], records: Iterable[Record] = (),
                  vocabularies: dict[str, dict[str, Term]] | None = None) -> Synonyms:
    """data/synonyms.yml (optional): the search box's synonyms and phrases; its problems go to `problems`. Reader and
    site words are checked against `records` and `vocabularies` (schema/search_words.py)."""
    path = data_dir / SYNONYMS_FILE
    if not path.exists() and not path.is_symlink():
        return Synonyms()
    doc = read_yaml(path, display_path(path, root), data_dir)
    parsed = not doc.problems  # valid YAML: its words are checked even when its shape is not (every problem at once)
    model = _to_model(Synonyms, doc)
    if parsed:
        terms = [t for vocabulary in (vocabularies or {}).values() for term in vocabulary.values() for t in (term.title, term.definition)]
        check_synonyms(doc, records, terms, set((vocabularies or {}).get("tags", {})))
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
            kind_dir, _, name = alias_ref(alias, record.kind.dir).partition("/")
            message = reserved_problem(name, kind_dir, pages)
            if message:
                problems.append(Problem(record.shown_as, record.line_of(("aliases", i)), f"aliases[{i}]", message))
    return problems


_STRAY = "not an entry or a vocabulary"


def _strays(data_dir: Path, root: Path) -> list[Problem]:
    """Every file or folder directly in data/ that is neither a kind folder, a vocabulary nor data/schemas/: each
    would be silently left out of the site. Strays are named, never opened."""
    kinds = {kind.dir for kind in KINDS}
    vocabularies = {f"{name}.yml" for name in VOCABULARIES}
    problems = []
    for path in sorted(data_dir.iterdir()):
        folder = path.is_dir()
        if (folder and path.name in {*kinds, SCHEMA_DIR}) or (not folder and path.name in {*vocabularies, SYNONYMS_FILE}):
            continue
        listed = ", ".join(f"{name}/" for name in sorted(kinds))
        if folder:
            why = f"a folder that is not a kind folder ({listed}){did_you_mean(path.name + '/', (f'{k}/' for k in kinds), 0.8)}"
        else:
            why = (f"entries are files in a kind folder ({listed}) and the vocabularies are "
                   f"{', '.join(sorted(vocabularies))} (and {SYNONYMS_FILE}, the search box's synonyms)"
                   f"{did_you_mean(path.name, {*vocabularies, SYNONYMS_FILE}, 0.8)}")
        shown = display_path(path, root) + ("/" if folder else "")
        problems.append(Problem(shown, 0, "", f"{_STRAY}: {why}; move it or delete it"))
    return problems


def _stray_in_kind(path: Path, kind: Kind) -> str | None:
    """Why `path`, inside the folder of `kind`, is no entry and cannot be read as one (it is not opened); or None."""
    if path.is_dir():
        return f"entries are files directly in data/{kind.dir}/, never in a folder inside it; move its files up or delete it"
    if path.name.startswith("."):
        return "a hidden file (its name starts with '.'); rename it to <id>.yml or delete it"
    return None


def _validate_entry(kind: Kind, path: Path, shown: str, data_dir: Path, problems: list[Problem],
                    known: dict[Path, tuple[tuple[int, ...], Record]]) -> Record | None:
    version = stamp(path) if inside(path, data_dir) else None  # a file moved out of data/ is read (and refused) again
    cached = known.get(path)
    if version and cached and cached[0] == version and cached[1].kind is kind:
        return cached[1]
    record = _read_entry(kind, path, shown, data_dir, problems)
    if record and version:
        known[path] = (version, record)
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


def _message(error: ErrorDetails, schema: type[BaseModel]) -> str:
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


def did_you_mean(word: str, choices: Iterable[str], cutoff: float = 0.6) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=cutoff)
    return f" (did you mean '{close[0]}'?)" if close else ""
