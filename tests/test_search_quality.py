"""The shipped search (docs/assets/search.js with the vendored MiniSearch), run under node against the built
index: reader queries (tests/search_queries.yml) find a right entry among the first three results."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from scripts.search_eval import QUERIES, evaluate

ROOT = Path(__file__).resolve().parent.parent
KINDS = ("situations", "tactics", "models", "checklists", "prompts", "paths")

pytestmark = pytest.mark.skipif(shutil.which("node") is None, reason="node runs the shipped search module")


def test_query_file_is_well_formed(book):
    cases = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))["queries"]
    assert len(cases) >= 80
    assert len({c["q"].casefold() for c in cases}) == len(cases), "a query is listed twice"
    for case in cases:
        assert set(case) == {"q", "answers"} and case["answers"], case
        for ref in case["answers"]:
            assert ref in book.records and ref.split("/")[0] in KINDS, f"{case['q']!r}: {ref} is not an entry"


def test_reader_queries_find_a_right_entry_in_the_first_three(built_site):
    results, misses = evaluate(built_site.site)
    share = 1 - len(misses) / len(results)
    print(f"\n{len(results) - len(misses)}/{len(results)} reader queries ({share:.1%}) find a right entry in the first three")
    assert share >= 0.95, "\n".join(f"{m['query']!r} -> {m['urls']}" for m in misses)


def _run(site: Path, queries: list[str], top: int = 5) -> list[dict]:
    payload = {"index": str(site / "search" / "index.json"), "queries": queries, "top": top}
    out = subprocess.run(["node", str(ROOT / "tests" / "search_run.js")], input=json.dumps(payload), capture_output=True,
                         text=True, check=True)
    return json.loads(out.stdout)["results"]


def test_meaning_words_stay_and_interview_openers_go(built_site):
    say_no, plain = _run(built_site.site, ["how to say no to a VP", "how to a VP"])
    assert "tactics/say-no-with-the-trade-off/" in say_no["urls"][:3]
    assert "tactics/say-no-with-the-trade-off/" not in plain["urls"], "without 'say no' the query means something else"
    opener = _run(built_site.site, ["tell me about a time you influenced without authority"])[0]
    assert "tactics/influence-across-time-zones/" not in opener["urls"][:3], "'time' comes from the opener, not the problem"
    assert opener["searchedFor"] == "influenced without authority"


def test_typos_are_corrected_to_index_words(built_site):
    results = _run(built_site.site, ["psycological", "sponser", "escelation", "dissagree and commit", "xqzvbnmw"])
    assert [r["searchedFor"] for r in results] == ["psychological", "sponsor", "escalation", "disagree and commit", "xqzvbnmw"]
    assert [r["corrected"] for r in results] == [True, True, True, True, False]
    assert results[-1]["urls"] == []


def test_entries_come_before_sources_paths_and_about_pages(built_site):
    for result in _run(built_site.site, ["door", "trust", "migration", "promotion", "design review"], top=3):
        assert all(u.split("/")[0] in KINDS[:5] for u in result["urls"]), result
    named = _run(built_site.site, ["foot in the door", "contributing", "sources on trust"], top=3)
    assert named[0]["urls"][0] == "sources/freedman-fraser-foot-in-the-door/"
    assert named[1]["urls"][0] == "contributing/"
    assert any(u.startswith("sources/") for u in named[2]["urls"])


@pytest.mark.build  # reads node_modules/, which `npm ci` fills for the build and browser tiers only
def test_vendored_minisearch_is_the_locked_version():
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    pinned = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["dependencies"]["minisearch"]
    locked = lock["packages"]["node_modules/minisearch"]["version"]
    assert pinned == locked, "package.json pins minisearch exactly (npm install --save-exact)"
    installed = ROOT / "node_modules" / "minisearch"
    assert json.loads((installed / "package.json").read_text(encoding="utf-8"))["version"] == locked
    vendored = ROOT / "docs" / "assets" / "vendor" / "minisearch.js"
    assert vendored.read_bytes() == (installed / "dist" / "umd" / "index.js").read_bytes(), \
        "docs/assets/vendor/minisearch.js differs from node_modules: cp node_modules/minisearch/dist/umd/index.js there"


def test_words_that_are_javascript_names_are_plain_words(built_site):
    """The engine's maps have no inherited keys: "constructor" or "__proto__" in a query is a word, not a crash."""
    results = _run(built_site.site, ["constructor", "__proto__ hasOwnProperty", "toString valueOf"])
    assert len(results) == 3 and all(isinstance(r["urls"], list) for r in results)
