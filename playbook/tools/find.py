"""Find your move: three questions (who is in the way, what is happening, when) narrow the situations,
tactics and checklists to those whose `fits` match. The questions and their answers come from the
enumerations in models.py; this module gives each answer its words."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from playbook.contract.models import What, When, Who


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
