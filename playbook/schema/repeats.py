"""Lists that must not repeat a value: a path's steps (an entry visited twice makes its page quadratic) and tags."""

from __future__ import annotations

from collections.abc import Iterable

from playbook.contract.record import Record
from playbook.problems import Problem


def repeated_values(records: Iterable[Record]) -> list[Problem]:
    """A problem for each tag listed twice in an entry and each entry a path visits twice."""
    problems: list[Problem] = []
    for record in records:
        seen: dict[str, int] = {}
        for i, tag in enumerate(getattr(record.doc, "tags", ())):
            if tag in seen:
                problems.append(Problem(record.shown_as, record.line_of(("tags", i)), f"tags[{i}]", f"'{tag}' is listed twice"))
            seen.setdefault(tag, i)
        steps: dict[str, int] = {}
        for i, step in enumerate(getattr(record.doc, "steps", ()) if record.kind.name == "path" else ()):
            if step.to in steps:
                problems.append(Problem(record.shown_as, record.line_of(("steps", i, "to")), f"steps[{i}].to",
                                        f"{step.to} is already step {steps[step.to] + 1}: a path visits an entry once"))
            steps.setdefault(step.to, i)
    return problems
