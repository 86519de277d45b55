"""Soft words and audiences (data/synonyms.yml `soft`, `audiences`) as the shipped search reads them, on a small index:
"staff engineer" adds to a page's score without being a word the page must carry, and "my staff engineer" lifts the
pages written for the manager of one."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(shutil.which("node") is None, reason="node runs the shipped search module")


def _doc(url: str, title: str, asked_as: list[str], text: str, tags: list[str] | None = None) -> dict:
    doc = {"url": url, "title": title, "kind": "situation", "weight": 1.0, "also_called": [], "asked_as": asked_as,
           "summary": "", "headings": [], "text": text}
    if tags:
        doc["tags"] = tags
    return doc


DOCS = [
    _doc("situations/burning-out/", "Exhausted and burning out", ["no energy left for work"],
         "Name the mismatch: workload, control, reward, community, fairness, values."),
    _doc("situations/your-report-is-burning-out/", "A report who is burning out", ["signs my report is exhausted"],
         "Ask what changed; take work off their plate; protect their time.", tags=["managing"]),
    _doc("situations/scope/", "Finding scope", ["no scope on my team"],
         "A staff engineer looks for problems that span teams, and watches for burning out."),
]

VOCABULARY = {
    "soft": ["staff engineer", "staff engineers"],
    "audiences": [{"tag": "managing", "phrases": ["my staff engineer", "my report"]}],
    "filler": ["as a staff engineer"],
}


def _search(tmp_path: Path, queries: list[str], vocabulary: dict = VOCABULARY) -> list[dict]:
    index = tmp_path / "search" / "index.json"
    index.parent.mkdir(parents=True, exist_ok=True)
    index.write_text(json.dumps({"version": 2, **vocabulary, "docs": DOCS}), encoding="utf-8")
    out = subprocess.run(["node", str(ROOT / "tests" / "search_run.js")], text=True, capture_output=True, check=True,
                         input=json.dumps({"index": str(index), "queries": queries, "top": 3}))
    return json.loads(out.stdout)["results"]


def test_a_soft_word_adds_to_the_score_but_no_page_must_carry_it(tmp_path):
    soft, = _search(tmp_path, ["staff engineer burning out"])
    assert soft["urls"][0] == "situations/burning-out/", "the page without 'staff engineer' still covers the query"
    assert soft["searchedFor"] == "staff engineer burning out", "a soft word is searched, not dropped"
    hard, = _search(tmp_path, ["staff engineer burning out"], {**VOCABULARY, "soft": []})
    assert hard["urls"][0] == "situations/scope/", "without `soft`, the one page carrying every word wins"


def test_an_audience_phrase_lifts_the_pages_for_that_reader(tmp_path):
    manager, reader = _search(tmp_path, ["my staff engineer is exhausted", "burning out"])
    assert manager["urls"][0] == "situations/your-report-is-burning-out/"
    assert reader["urls"][0] == "situations/burning-out/", "pages for another reader are not lifted when nobody asks"
    untagged, = _search(tmp_path, ["my staff engineer is exhausted"], {**VOCABULARY, "audiences": []})
    assert untagged["urls"][0] == "situations/burning-out/", "without the audience, the title match wins"


def test_filler_about_the_reader_still_goes(tmp_path):
    found, = _search(tmp_path, ["as a staff engineer i have no scope"])
    assert found["searchedFor"] == "i have no scope" and found["urls"][0] == "situations/scope/"
