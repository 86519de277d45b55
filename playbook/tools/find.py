"""Find your move: three questions (who is in the way, what is happening, when) narrow the situations,
tactics and checklists to those whose `fits` match. The questions and their answers come from the
enumerations in models.py; this module gives each answer its words."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from playbook.contract.models import Fits, What, When, Who


@dataclass(frozen=True)
class Question:
    field: str  # the field of `fits`, and the URL parameter (?who=peer)
    legend: str
    answers: dict[str, str]  # value -> label


QUESTIONS: tuple[Question, ...] = (
    Question("who", "Who is in the way?", {
        Who.peer: "A peer",
        Who.owning_team: "A team that owns what you need",
        Who.stakeholder: "A stakeholder (product, sales, another department)",
        Who.executive: "An executive",
        Who.manager: "Your own manager",
    }),
    Question("what", "What is happening?", {
        What.stalled: "It has stalled: nothing moves",
        What.pushback: "Pushback: someone argues against it",
        What.deadlock: "Deadlock: teams block each other",
        What.wrong_decision: "A decision is going the wrong way",
        What.conflict: "Conflict between people",
        What.certainty: "Someone above you wants a status, a date or a certainty you cannot give",
    }),
    Question("when", "When is it?", {
        When.before: "Before the meeting",
        When.during: "In the meeting",
        When.after: "After the meeting",
    }),
)

ENUMS: MappingProxyType[str, type[StrEnum]] = MappingProxyType({"who": Who, "what": What, "when": When})


@dataclass(frozen=True)
class Fit:
    """How one entry fits a set of answers. `matched` counts the answers it lists plus the questions it leaves
    open; `weight` counts the answers it lists, twice for a primary one; `narrowness` is higher for an entry that
    lists few values beside the chosen one. Entries that list none of the answers are not shown."""

    matched: int
    explicit: int
    weight: int
    narrowness: float

    @property
    def shown(self) -> bool:
        return self.explicit > 0


def fit(fits: Fits, answers: dict[str, str]) -> Fit:
    """The fit of an entry's `fits` (a models.Fits) to the chosen answers ({"who": "peer", ...}; "" = not asked)."""
    matched = explicit = weight = 0
    narrowness = 0.0
    primary = {str(v) for v in fits.primary}
    for question in QUESTIONS:
        chosen = answers.get(question.field, "")
        if not chosen:
            continue
        values = [str(v) for v in getattr(fits, question.field)]
        if chosen in values:
            matched += 1
            explicit += 1
            weight += 2 if chosen in primary else 1
            narrowness += 1 / len(values)
        elif not values:
            matched += 1
    return Fit(matched, explicit, weight, narrowness)


def sort_key(f: Fit, kind_order: int, title: str) -> tuple[int, int, int, float, str]:
    """Best fit first: most answers matched, then the most specific fit (primary answers count twice), then
    situations before tactics before checklists, then the fewest other values listed, then by title. find.js sorts
    the same way."""
    return (-f.matched, -f.weight, kind_order, -round(f.narrowness, 6), title.lower())
