"""Problems found in the data, reported together as `path:line: field: message`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One problem; line 0 means the whole file or folder (a missing file, a folder that is not a project)."""

    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        field = f" {self.field}:" if self.field else ""
        line = f":{self.line}" if self.line else ""
        return printable(f"{self.path}{line}:{field} {self.message}")


class DataError(Exception):
    """Raised with every problem of one load; its message lists them all, one per line."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        count = len(self.problems)
        header = f"{count} problem{'s' if count != 1 else ''} in the playbook data:"
        super().__init__("\n".join([header, *map(str, self.problems)]))


def printable(text: str) -> str:
    """`text` on one line: control characters (a newline in a file name) are shown escaped, as `\\n`."""
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)


def display_path(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def field_name(loc: tuple[str | int, ...]) -> str:
    """('steps', 2, 'text') -> 'steps[2].text'"""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


Loc = tuple[str | int, ...]
"""Where a value sits in a YAML document: the keys and list indexes from the top."""


def line_of(lines: dict[Loc, int], loc: Loc) -> int:
    """The line of `loc`, or of its closest ancestor that has one (line 1 when none has)."""
    while loc:
        if loc in lines:
            return lines[loc]
        loc = loc[:-1]
    return lines.get((), 1)
