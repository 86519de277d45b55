"""Share of tests/search_queries.yml with a right entry in the first three results of the shipped search.

    python3 scripts/search_eval.py [site dir]   # default: site/ (run `mkdocs build` first); prints each miss
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ROOT / "tests" / "search_queries.yml"


def evaluate(site: Path, top: int = 3) -> tuple[list[dict], list[dict]]:
    """(every result, the misses): each query with the URLs the shipped search lists first."""
    cases = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))["queries"]
    payload = {"index": str(site / "search" / "index.json"), "queries": [c["q"] for c in cases], "top": top}
    out = subprocess.run(["node", str(ROOT / "tests" / "search_run.js")], input=json.dumps(payload), capture_output=True,
                         text=True, check=True)
    results = json.loads(out.stdout)["results"]
    misses = []
    for case, result in zip(cases, results, strict=True):
        wanted = {f"{a}/" for a in case["answers"]}
        result["answers"] = case["answers"]
        if not wanted & set(result["urls"]):
            misses.append(result)
    return results, misses


def main() -> None:
    site = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site"
    results, misses = evaluate(site)
    for m in misses:
        print(f"MISS {m['query']!r} (searched: {m['searchedFor']!r}) -> {m['urls']}  wanted one of {m['answers']}")
    share = 1 - len(misses) / len(results)
    print(f"{len(results) - len(misses)}/{len(results)} queries ({share:.1%}) find a right entry in the first three")


if __name__ == "__main__":
    main()
