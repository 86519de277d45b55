"""Dates in stored and imported data are parsed, not matched as text (issue 33, verify-33 2.5): a review card due
"9999-12-31T23:59:59-14:00" is year 10000 in UTC, whose day "10000-01-01" sorted before today as text, so the card
counted as due now. docs/assets/core.js (playbook.store) runs under node with a stub window."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = [pytest.mark.unit,
              pytest.mark.skipif(shutil.which("node") is None, reason="node runs the shipped core.js (dev.py test installs it)")]


def _check(key: str, value: object) -> dict | None:
    done = subprocess.run(["node", str(ROOT / "tests" / "store_check_run.js"), str(ROOT / "docs" / "assets" / "core.js"), key],
                          input=json.dumps(value), capture_output=True, text=True, timeout=30, check=True)
    return json.loads(done.stdout)


def _card(due: str, last: str = "2025-01-01T00:00:00Z") -> dict:
    return {"due": due, "stability": 3, "difficulty": 5, "elapsed_days": 1, "scheduled_days": 3, "reps": 2, "lapses": 0,
            "learning_steps": 0, "state": 2, "last_review": last}


@pytest.mark.parametrize("due", ["9999-12-31T23:59:59-14:00", "10000-01-01T00:00:00Z", "2025-02-30", "2025-02-30T10:00:00Z",
                                 "2025-13-01", "+275760-09-13", "2025-01-01garbage"])
def test_a_card_due_outside_the_calendar_or_after_year_9999_is_dropped(due: str):
    checked = _check("review", {"models/first-model#when": _card(due), "models/first-model#how": _card("2027-03-01T08:00:00Z")})
    assert checked is not None and list(checked["value"]) == ["models/first-model#how"] and checked["dropped"] == 1


@pytest.mark.parametrize("due", ["9999-12-31T00:00:00Z", "9999-12-31T23:59:59+14:00", "2027-03-01", "2027-03-01T08:00:00.000Z"])
def test_a_card_due_within_years_1970_to_9999_is_kept(due: str):
    checked = _check("review", {"models/first-model#when": _card(due)})
    assert checked is not None and checked["value"]["models/first-model#when"]["due"] == due and checked["dropped"] == 0


@pytest.mark.parametrize("at", ["1969-12-31T23:59:59Z", "9999-12-31T23:59:59-14:00", "2024-02-30T00:00:00Z"])
def test_a_self_assessment_snapshot_dated_outside_the_range_is_dropped(at: str):
    good = {"at": "2026-01-05T10:00:00Z", "answers": {"influence": {"senior": 2}}}
    checked = _check("assessment", [{**good, "at": at}, good])
    assert checked is not None and [s["at"] for s in checked["value"]] == [good["at"]] and checked["dropped"] == 1
