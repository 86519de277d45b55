"""Find your move's data: every answer has words, and `fits` accepts only the enumerated answers."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from playbook.contract.kinds import FIND_KINDS
from playbook.contract.models import Fits
from playbook.tools.find import ENUMS, QUESTIONS


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
