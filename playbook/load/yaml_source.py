"""Reads one YAML file strictly, remembering the line of every key and item.

PyYAML's `safe_load` keeps the last of two duplicate keys and reads `no` as false (YAML 1.1).
Here a duplicate key is a problem, an unquoted yes/no/on/off is a problem (quote it or write
true/false), and every value's line is kept so that a validation error can name it.

Data comes from pull requests, so the reader has budgets: before any node is built, one pass over
the parser's events (libyaml keeps its own stack, so this pass cannot overflow) refuses anchors and
aliases (a 500-byte "billion laughs" file expands to gigabytes, `&a [*a]` recurses for ever, and
entries are standalone files that never need them), nesting deeper than MAX_DEPTH (libyaml's
composer recurses in C: 50,000 levels crash the process) and any text over MAX_TEXT characters.
The file itself is opened by `data_files.read_bytes` (regular files inside data/, 64 KiB at most).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from playbook.contract.characters import character_message, character_problem
from playbook.load.files import Refused, read_bytes
from playbook.problems import Loc, Problem, field_name, line_of

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_YAML11_BOOLS = re.compile(r"^(?:yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N)$")
_BOOL_TAG = "tag:yaml.org,2002:bool"
_STR_TAG = "tag:yaml.org,2002:str"
_MERGE_TAG = "tag:yaml.org,2002:merge"
_VALUE_TAG = "tag:yaml.org,2002:value"

MAX_DEPTH = 10
"""Nested mappings and lists, counting the top mapping: entries use 4."""
MAX_TEXT = 10_000
"""Characters in one value: the longest text today is under 4,000."""


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe loader that reads only true/false as booleans; yes/no/on/off are caught by us."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != _BOOL_TAG]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(_BOOL_TAG, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


@dataclass
class YamlDocument:
    """The plain data of one file and the line (1-based) of each location in it."""

    path: Path
    shown_as: str
    data: Any = None
    lines: dict[Loc, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    first_line: str = ""

    def line_of(self, loc: Loc) -> int:
        return line_of(self.lines, loc)

    def problem(self, loc: Loc, name: str, message: str) -> None:
        self.problems.append(Problem(self.shown_as, self.line_of(loc), name, message))


def read_yaml(path: Path, shown_as: str, folder: Path | None = None) -> YamlDocument:
    """Read `path`, which must be a regular file inside `folder` (its own folder by default)."""
    doc = YamlDocument(path, shown_as)
    try:
        raw = read_bytes(path, path.parent if folder is None else folder)
    except Refused as err:
        doc.problems.append(Problem(shown_as, 1, "", str(err)))
        return doc
    if raw.startswith(codecs.BOM_UTF8):
        doc.problems.append(Problem(shown_as, 1, "", "the file starts with a byte-order mark (BOM): save it as UTF-8 without BOM"))
        return doc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        doc.problems.append(Problem(shown_as, line, "", f"the file is not UTF-8 (byte {err.start}); save it as UTF-8"))
        return doc
    doc.first_line = text.split("\n", 1)[0].strip()
    if _RAW_REFUSED.search(text):
        _raw_characters(text, doc)
        return doc
    try:
        if _within_budget(text, doc):
            _compose(text, doc)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else 1
        doc.problems.append(Problem(shown_as, line, "", f"not valid YAML: {err.problem or err.context}{_hint(err, text, line)}"))
        doc.data = None
    except yaml.YAMLError as err:  # the reader's errors (control characters) carry no mark
        doc.problems.append(Problem(shown_as, 1, "", f"not valid YAML: {str(err).splitlines()[0]}"))
        doc.data = None
    return doc


_RAW_REFUSED = re.compile("[^\t\n\r\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|\r(?!\n)")
"""Characters YAML refuses in a file (C0 and C1 controls, DEL, U+FFFE, U+FFFF; libyaml's message names no line),
and those it reads as line breaks where editors may not (NEL U+0085, U+2028, U+2029, a lone CR): the lines of
every message would shift."""


_MAX_RAW = 10
"""Refused characters reported one by one; the rest of the file's are counted in one more line."""


def _raw_characters(text: str, doc: YamlDocument) -> None:
    """One problem per refused character in the file, at its line and in its field: the field is found by reading
    the file with each such character replaced by U+FFFD, and a lone CR by a newline (the same shape)."""
    probe = YamlDocument(doc.path, doc.shown_as)
    shaped = _RAW_REFUSED.sub(lambda m: "\n" if m.group() == "\r" else "\ufffd", text)
    try:
        if _within_budget(shaped, probe):
            _compose(shaped, probe)
    except yaml.YAMLError:
        pass
    for count, match in enumerate(_RAW_REFUSED.finditer(text)):
        line = text.count("\n", 0, match.start()) + 1
        if count == _MAX_RAW:
            more = len(_RAW_REFUSED.findall(text)) - count
            doc.problems.append(Problem(doc.shown_as, line, "", f"and {more:,} more characters like these: save the file as plain text"))
            break
        shifted = line + shaped.count("\n", 0, match.start()) - text.count("\n", 0, match.start())
        owners = [loc for loc, at in probe.lines.items() if at <= shifted]
        column = match.start() - text.rfind("\n", 0, match.start())
        name = field_name(owners[-1]) if owners else ""
        doc.problems.append(Problem(doc.shown_as, line, name, character_message(match.group(), f"at column {column}")))


_NO_DATA = "the file holds no data (only `---`, `~` or `null`): an entry is a mapping of fields"


def _hint(err: yaml.MarkedYAMLError, text: str, line: int) -> str:
    """What to do about a syntax error, when the cause is a common one."""
    problem = str(err.problem)
    if "mapping values" in problem:
        return "; quote text that contains ': ' or starts with a special character"
    if "another document" in problem:
        return "; a data file holds one entry: remove the second `---`"
    if "\t" in (text.split("\n")[line - 1:line] or [""])[0]:
        return "; indent with spaces, not tabs"
    return ""


def _compose(text: str, doc: YamlDocument) -> None:
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            doc.problems.append(Problem(doc.shown_as, 1, "", "the file is empty; `playbook new` writes a skeleton"))
            return
        doc.lines[()] = node.start_mark.line + 1
        doc.data = _convert(loader, node, (), doc)
        if doc.data is None and not doc.problems:
            doc.problems.append(Problem(doc.shown_as, 1, "", _NO_DATA))
    finally:
        loader.dispose()


@dataclass
class _Frame:
    """An open mapping or list during the budget pass: where it is and which child comes next."""

    loc: Loc
    is_mapping: bool
    key: str | int = "?"
    at_key: bool = True
    index: int = 0

    def next_loc(self) -> Loc:
        if not self.is_mapping:
            return (*self.loc, self.index)
        return self.loc if self.at_key else (*self.loc, self.key)

    def advance(self, scalar: str | None) -> None:
        if not self.is_mapping:
            self.index += 1
        elif self.at_key:
            self.key, self.at_key = (scalar if scalar is not None else "?"), False
        else:
            self.at_key = True


_TAGS = frozenset({"!", *(f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "seq", "map"))})
_ALIASES = "YAML anchors and aliases (&name, *name) are not allowed: write each value out in full"


def _over_budget(event: yaml.Event, depth: int) -> str | None:
    """Why `event` breaks a budget, or None."""
    if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
        return _ALIASES
    tag = getattr(event, "tag", None)
    if tag is not None and tag not in _TAGS:
        return f"the YAML tag '{tag}' is not allowed: data is plain text, numbers, lists and mappings"
    if isinstance(event, yaml.ScalarEvent) and len(event.value) > MAX_TEXT:
        return f"text of {len(event.value):,} characters is over the limit of {MAX_TEXT:,}: shorten it or split the entry"
    if isinstance(event, yaml.CollectionStartEvent) and depth >= MAX_DEPTH:
        return f"nested more than {MAX_DEPTH} levels deep: entries need a few levels at most"
    return None


def _within_budget(text: str, doc: YamlDocument) -> bool:
    """One pass over the parser's events, building nothing: False (with a problem) on the first excess."""
    loader = _Loader(text)
    stack: list[_Frame] = []
    try:
        while loader.check_event():
            event = loader.get_event()
            if not isinstance(event, yaml.NodeEvent | yaml.CollectionEndEvent):
                continue
            loc = stack[-1].next_loc() if stack else ()
            message = _over_budget(event, len(stack))
            if message:
                line = event.start_mark.line + 1 if event.start_mark else 0
                doc.problems.append(Problem(doc.shown_as, line, field_name(loc), message))
                return False
            if isinstance(event, yaml.CollectionStartEvent):
                stack.append(_Frame(loc, isinstance(event, yaml.MappingStartEvent)))
                continue
            if isinstance(event, yaml.CollectionEndEvent):
                stack.pop()
            if stack:
                stack[-1].advance(event.value if isinstance(event, yaml.ScalarEvent) else None)
    finally:
        loader.dispose()
    return True


_MERGE = "the merge key `<<` is not allowed: write each field out in full (each entry stands alone)"
_VALUE = "a bare `=` is a special value in YAML 1.1: write \"=\" for text"


def _construct(loader: Any, node: yaml.Node, loc: Loc, doc: YamlDocument) -> Any:
    """One scalar's value; a value YAML resolves but Python cannot build (a 5,000-digit int, month 13) is a problem,
    and so is text holding a character that is not text (a YAML escape decodes `"\\e"` to ESCAPE)."""
    line, name = node.start_mark.line + 1, field_name(loc)
    if node.tag in (_MERGE_TAG, _VALUE_TAG):
        doc.problems.append(Problem(doc.shown_as, line, name, _MERGE if node.tag == _MERGE_TAG else _VALUE))
        return None
    try:
        value = loader.construct_object(node, deep=True)
    except (ValueError, OverflowError, TypeError) as err:
        message = f"cannot read this value ({err}); quote it to keep it as text"
        doc.problems.append(Problem(doc.shown_as, line, name, message))
        return None
    if isinstance(value, str):
        problem = character_problem(value)
        if problem:
            doc.problems.append(Problem(doc.shown_as, line, name, problem))
            return None
    return value


def _convert(loader: Any, node: yaml.Node, loc: Loc, doc: YamlDocument) -> Any:
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            before = len(doc.problems)
            key = _construct(loader, key_node, (*loc, str(key_node.value)) if isinstance(key_node, yaml.ScalarNode) else loc, doc)
            if len(doc.problems) > before:
                continue
            if not isinstance(key, str):
                doc.problems.append(Problem(doc.shown_as, key_node.start_mark.line + 1, str(key), "keys must be text"))
                continue
            child = (*loc, key)
            if key in out:
                doc.problems.append(Problem(
                    doc.shown_as, key_node.start_mark.line + 1, field_name(child),
                    f"duplicate key (first set on line {doc.lines[child]}); YAML would silently keep only the last",
                ))
                continue
            doc.lines[child] = key_node.start_mark.line + 1
            out[key] = _convert(loader, value_node, child, doc)
        return out
    if isinstance(node, yaml.SequenceNode):
        items = []
        for index, item_node in enumerate(node.value):
            child = (*loc, index)
            doc.lines[child] = item_node.start_mark.line + 1
            items.append(_convert(loader, item_node, child, doc))
        return items
    if isinstance(node, yaml.ScalarNode) and node.tag == _STR_TAG and not node.style and _YAML11_BOOLS.match(node.value):
        doc.problems.append(Problem(
            doc.shown_as, node.start_mark.line + 1, field_name(loc),
            f"unquoted '{node.value}' is read as a boolean by YAML 1.1 tools: write \"{node.value}\" for text, or true/false",
        ))
    return _construct(loader, node, loc, doc)
