"""The self-assessment measures: every statement is one behaviour of the reader, answered for the page's one window
(the last six months, stated by the page, never by a statement), on a scale that fits (a habit by how often, an
event by whether it happened), and the level table says what it counts."""

from __future__ import annotations

import re
from pathlib import Path

from playbook.contract.models import LEVELS
from playbook.tools.practice import DID_NOT_COME_UP, SCALE_ANSWERS, answers_for

ROOT = Path(__file__).resolve().parent.parent
WINDOW = re.compile(r"\b(?:in the (?:last|past)|last (?:year|quarter|month)|this (?:year|quarter)|six months|twelve months)\b",
                    re.IGNORECASE)
OTHERS_DID = re.compile(r"\b(?:adopted|followed|cited|funded|committed budget|delivered|shipped|now does|went differently|"
                        r"was changed|changed because|led it|accepted)\b", re.IGNORECASE)


def statements(book) -> list[tuple[str, str, str, str]]:
    return [(cid, level, term.signals.model_dump()[level], term.scales.model_dump()[level])
            for cid, term in book.competencies.items() if term.signals for level in LEVELS]


def test_twenty_seven_statements_each_about_the_reader_with_no_window_of_its_own(book):
    found = statements(book)
    assert len(found) == 27
    for cid, level, text, _ in found:
        assert re.match(r"(?:You|When (?:you|a [a-z ]+|a teammate))\b", text), f"{cid}.{level}: not about the reader: {text}"
        assert not WINDOW.search(text), f"{cid}.{level}: a window of its own (the page gives one): {text}"
        assert not OTHERS_DID.search(text), f"{cid}.{level}: an outcome produced by others: {text}"


def test_habits_read_as_habits_and_events_as_events(book):
    for cid, level, text, scale in statements(book):
        if scale == "habit":
            assert re.match(r"(?:When |You tell )", text), f"{cid}.{level}: {text}"
        else:
            assert re.match(r"You [a-z]+ed\b|You (?:wrote|put|met|took|told|ran|said|brought|set|made)\b", text), f"{cid}.{level}: {text}"
    scales = {s for *_, s in statements(book)}
    assert scales == {"habit", "event"}


def test_the_page_states_the_window_once_and_the_caveat_prints():
    page = (ROOT / "docs" / "practice" / "self-assessment.md").read_text(encoding="utf-8")
    assert "the last six months" in page and "last year" not in page
    caveat = page.split('<div class="pb-caveat" markdown>', 1)[1].split("</div>", 1)[0]
    assert "Kruger and Dunning" in caveat and "Heidemeier and Moser" in caveat
    assert '<div class="pb-no-print"' not in page.split("## Before you trust the chart", 1)[1]
    css = (ROOT / "docs" / "assets" / "print.css").read_text(encoding="utf-8")
    assert ".pb-caveat" in css
    template = (ROOT / "playbook" / "render" / "templates" / "self_assessment.html.j2").read_text(encoding="utf-8")
    assert "a habit you keep consistently or an event that happened in the last six months" in template
    assert "counting stops at the first statement not met" not in template  # one missed event no longer zeroes a level


def test_conditional_habits_can_be_answered_did_not_come_up(book):
    for cid, level, text, scale in statements(book):
        offered = answers_for(scale, text)
        assert (DID_NOT_COME_UP in offered) == text.startswith("When "), f"{cid}.{level}: {[a for _, a in offered]}"
    assert sum(1 for *_, text, scale in statements(book) if DID_NOT_COME_UP in answers_for(scale, text)) == 5


def test_no_evidence_earns_no_credit():
    """The calibration advice sends an answer without evidence to the bottom of the scale, never to "sometimes"."""
    page = (ROOT / "docs" / "practice" / "self-assessment.md").read_text(encoding="utf-8")
    caveat = " ".join(page.split('<div class="pb-caveat" markdown>', 1)[1].split("</div>", 1)[0].split())
    assert 'answer "not yet" for a habit and "no" for an event' in caveat
    assert 'answer "sometimes"' not in caveat
    assert dict(SCALE_ANSWERS["habit"])[1] == "Not yet" and dict(SCALE_ANSWERS["event"])[1] == "No"
