"""The one data pipeline: load YAML -> validate -> index. Rendering takes its result."""

from __future__ import annotations

from pathlib import Path

from .index import Playbook, build_index
from .problems import DataError
from .validation import validate_tree


def load_playbook(root: Path) -> Playbook:
    """Load and check every file under `root/data`; raise DataError listing every problem."""
    validated = validate_tree(root / "data", root)
    book, link_problems = build_index(validated)
    problems = validated.problems + link_problems
    if problems:
        raise DataError(problems)
    return book
