"""The kinds of entry: where their files live, their URL, their model and their page title."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from .models import Archetype, Checklist, Model, Path, Prompt, Situation, Source, Tactic, Term


@dataclass(frozen=True)
class Kind:
    name: str  # singular, used by the CLI: `playbook new model <id>`
    dir: str  # data/<dir>/ and the URL /<dir>/<id>/
    title: str  # heading of the index page
    singular_title: str
    schema: type[BaseModel]
    blurb: str  # one line on the index page


KINDS: tuple[Kind, ...] = (
    Kind("situation", "situations", "Situations", "Situation", Situation,
         "Start from where you are stuck: each situation lists the signs and the moves, in order."),
    Kind("model", "models", "Mental models", "Mental model", Model,
         "Ways of seeing people and decisions that explain why influence works or fails."),
    Kind("tactic", "tactics", "Tactics", "Tactic", Tactic,
         "Concrete moves to make, with when to use them, when not to, and where the ethical line is."),
    Kind("checklist", "checklists", "Checklists", "Checklist", Checklist,
         "One-page checklists to print and take into the room."),
    Kind("prompt", "prompts", "Interview question bank", "Interview question", Prompt,
         "Staff-level behavioural questions with level signals and coach notes."),
    Kind("path", "paths", "Learning paths", "Learning path", Path,
         "Ordered reading for mentoring, with a question to discuss at each step."),
    Kind("source", "sources", "Sources", "Source", Source,
         "The books, articles and papers behind the playbook, and what cites each."),
)
KINDS_BY_NAME = {k.name: k for k in KINDS}
KINDS_BY_DIR = {k.dir: k for k in KINDS}

VOCABULARIES: dict[str, type[BaseModel]] = {
    "tags": Term,
    "competencies": Term,
    "archetypes": Archetype,
}
"""Single-file vocabularies in data/<name>.yml: a mapping of id to a Term."""
