"""Budgets on data text that keep Python-Markdown fast: shapes that cost it seconds, or its stack.

Measured on one 10,000-character field (the reader's limit): 3,000 unclosed `[` take 22 s (each one
scans the rest of the text for its `]`), 2,500 `](` without their `)` take 7 s, `1. ` repeated 3,000
times on one line (lists nested in lists) ends in RecursionError, and 5,000 short lines of setext
headings take 2.5 s. Real entries have balanced brackets nested two deep at most (`[[kind/id]]`),
links closed on their line, one list marker per line and at most 42 lines per field. Every string in
a data file must stay within these budgets (`validation.py` applies them before the models).
"""

from __future__ import annotations

import re

MAX_LINES = 200
MAX_BRACKETS = 200
"""`[` in one field (each link and reference uses two): 1,400 links in a field take half a second."""
MAX_BRACKET_DEPTH = 3
MAX_MARKERS = 3
MAX_INDENT = 16
"""Spaces before a line: lists nested 60 deep by indentation take seconds."""

_ESCAPED = re.compile(r"\\.")
_MARKERS = re.compile(r"^[ \t]*((?:>[ \t]*|(?:[-*+]|\d{1,9}[.)])[ \t]+)+)", re.MULTILINE)
_LINK_TARGET = re.compile(r"\]\(")
_BRACKETS = re.compile(r"[\[\]]")
_INDENT = re.compile(rf"^[ \t]{{{MAX_INDENT + 1},}}\S", re.MULTILINE)


def markdown_problem(text: str) -> str | None:
    """Why `text` is too costly for the Markdown renderer, or None."""
    if text.count("\n") >= MAX_LINES:
        return f"more than {MAX_LINES} lines in one field: split it"
    plain = _ESCAPED.sub("", text)
    if _INDENT.search(plain.expandtabs(4)):
        return f"a line indented by more than {MAX_INDENT} spaces: lists nest a few levels at most"
    depth = deepest = 0
    for match in _BRACKETS.finditer(plain):
        depth += 1 if match.group() == "[" else -1
        deepest = max(deepest, depth)
        if depth < 0:
            break
    if depth != 0:
        return "square brackets do not pair up: close each '[' with ']', or write \\[ for a literal bracket"
    if deepest > MAX_BRACKET_DEPTH:
        return f"square brackets nested more than {MAX_BRACKET_DEPTH} deep"
    for match in _LINK_TARGET.finditer(plain):
        end = plain.find("\n", match.end())
        if plain.find(")", match.end(), end if end >= 0 else len(plain)) < 0:
            return "a link target '](' is not closed with ')' on its line"
    for match in _MARKERS.finditer(plain):
        if len(match.group(1).replace(">", "> ").split()) > MAX_MARKERS:
            return f"more than {MAX_MARKERS} list or quote markers at the start of a line"
    if plain.count("[") > MAX_BRACKETS:
        return f"more than {MAX_BRACKETS} '[' in one field: split it"
    return None
