"""Reads one YAML file strictly, remembering the line of every key and item.

PyYAML's `safe_load` keeps the last of two duplicate keys and reads `no` as false (YAML 1.1).
Here a duplicate key is a problem, an unquoted yes/no/on/off is a problem (quote it or write
true/false), and every value's line is kept so that a validation error can name it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem, field_name

Loc = tuple[str | int, ...]

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_YAML11_BOOLS = re.compile(r"^(?:yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N)$")
_BOOL_TAG = "tag:yaml.org,2002:bool"
_STR_TAG = "tag:yaml.org,2002:str"


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe loader that reads only true/false as booleans; yes/no/on/off are caught by us."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != _BOOL_TAG]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(_BOOL_TAG, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def line_of(lines: dict[Loc, int], loc: Loc) -> int:
    """The line of `loc`, or of its closest ancestor that has one (line 1 when none has)."""
    while loc:
        if loc in lines:
            return lines[loc]
        loc = loc[:-1]
    return lines.get((), 1)


@dataclass
class YamlDocument:
    """The plain data of one file and the line (1-based) of each location in it."""

    path: Path
    shown_as: str
    data: Any = None
    lines: dict[Loc, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def line_of(self, loc: Loc) -> int:
        return line_of(self.lines, loc)

    def problem(self, loc: Loc, name: str, message: str) -> None:
        self.problems.append(Problem(self.shown_as, self.line_of(loc), name, message))


def read_yaml(path: Path, shown_as: str) -> YamlDocument:
    doc = YamlDocument(path, shown_as)
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        doc.problems.append(Problem(shown_as, line, "", f"the file is not UTF-8 (byte {err.start}); save it as UTF-8"))
        return doc
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            doc.problems.append(Problem(shown_as, 1, "", "the file is empty; `playbook new` writes a skeleton"))
            return doc
        doc.lines[()] = node.start_mark.line + 1
        doc.data = _convert(loader, node, (), doc)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else 1
        hint = "; quote text that contains ': ' or starts with a special character" if "mapping values" in str(err.problem) else ""
        doc.problems.append(Problem(shown_as, line, "", f"not valid YAML: {err.problem or err.context}{hint}"))
        doc.data = None
    finally:
        loader.dispose()
    return doc


def _convert(loader: Any, node: yaml.Node, loc: Loc, doc: YamlDocument) -> Any:
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node)
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
    if node.tag == _STR_TAG and not node.style and _YAML11_BOOLS.match(node.value):
        doc.problems.append(Problem(
            doc.shown_as, node.start_mark.line + 1, field_name(loc),
            f"unquoted '{node.value}' is read as a boolean by YAML 1.1 tools: write \"{node.value}\" for text, or true/false",
        ))
    return loader.construct_object(node, deep=True)
