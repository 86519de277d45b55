"""Find your move's data: every answer has words, and `fits` accepts only the enumerated answers."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from playbook.contract.kinds import FIND_KINDS
from playbook.contract.models import Fits
from playbook.tools.find import ENUMS, QUESTIONS, fit, sort_key


def test_every_enumerated_answer_has_a_label():
    assert [q.field for q in QUESTIONS] == list(ENUMS)
    for q in QUESTIONS:
        assert set(q.answers) == set(ENUMS[q.field]), q.field


def test_fits_rejects_unknown_answers_repeats_and_empty():
    assert Fits(who=["peer"], what=["wrong-decision"], when=["during"]).who == ["peer"]
    for bad in ({"who": ["boss"]}, {"when": ["lunch"]}, {}, {"what": ["stalled", "stalled"]}, {"who": ["peer"], "mood": ["sad"]}):
        with pytest.raises(ValidationError):
            Fits(**bad)


def test_every_situation_fits_somewhere(book):
    """Each situation is reachable from the questions; most tactics and checklists are too."""
    assert all(r.doc.fits for r in book.of_kind("situations"))
    for kind in FIND_KINDS:
        records = book.of_kind(kind)
        assert sum(1 for r in records if r.doc.fits) >= 0.75 * len(records), kind


def test_every_answer_leads_somewhere(book):
    for q in QUESTIONS:
        for value in q.answers:
            assert any(r.doc.fits and value in getattr(r.doc.fits, q.field) for k in FIND_KINDS for r in book.of_kind(k)), value


def test_primary_must_be_one_of_the_listed_answers():
    assert Fits(who=["peer"], what=["stalled"], primary=["stalled"]).primary == ["stalled"]
    for bad in ({"who": ["peer"], "primary": ["stalled"]}, {"who": ["peer"], "primary": ["peer", "peer"]}):
        with pytest.raises(ValidationError):
            Fits(**bad)


def _best(book, answers: dict[str, str]) -> list[str]:
    rows = []
    for order, kind in enumerate(FIND_KINDS):
        for r in book.of_kind(kind):
            if r.doc.fits and fit(r.doc.fits, answers).shown:
                rows.append((sort_key(fit(r.doc.fits, answers), order, r.title), r.id))
    return [rid for _, rid in sorted(rows)]


def test_the_certainty_answer_ranks_the_situations_written_for_it_first(book):
    """'Someone above you wants a status, a date or a certainty' with an executive, before the meeting: the two
    situations about forecasts and dates come first, and no interview entry comes before them."""
    best = _best(book, {"who": "executive", "what": "certainty", "when": "before"})
    assert set(best[:2]) == {"vp-keeps-asking-for-a-forecast", "executive-wants-a-date-you-cannot-hit"}, best[:5]
    assert best.index("before-committing-to-a-date") < best.index("before-a-system-design-round")


def test_a_primary_fit_outweighs_a_passing_one(book):
    """'A team that owns what I need / it has stalled / before the meeting': the situation written for exactly that
    comes first, ahead of the many entries that list those answers among others."""
    best = _best(book, {"who": "owning-team", "what": "stalled", "when": "before"})
    assert best[0] == "owners-will-not-engage", best[:5]
    assert best.index("staff-system-design-interview") > 10, "an entry that leaves two questions open ranks low"
    best = _best(book, {"who": "owning-team", "what": "stalled"})
    assert "staff-system-design-interview" not in best, "an entry that lists none of the answers is not shown"


def test_ties_go_to_situations_then_tactics_then_checklists():
    from playbook.contract.models import Fits as F

    same = fit(F(who=["peer"]), {"who": "peer"})
    keys = sorted([sort_key(same, 2, "A checklist"), sort_key(same, 0, "Z situation"), sort_key(same, 1, "M tactic")])
    assert [k[2] for k in keys] == [0, 1, 2]
