"""How the shipped search answers query files: the share with a right page in the first three, and every query's
first three results so a judge can read them.

    python3 scripts/search_eval.py [--site DIR] [--top 3] [--quiet] [FILE.yml ...]

Default files: every tests/search_queries*.yml. A file is `queries: [{q, answers?, need?}]`; `answers` lists
pages that answer the query (`kind/id` of an entry, or a page's path such as `interview/star`; a section
matches its page). A file without answers (a blind set before judging) prints its results and no figure.
Run `mkdocs build` first (default site dir: site/).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ROOT / "tests" / "search_queries.yml"
"""The first reader query file (written with the engine in view)."""
BLIND = ROOT / "tests" / "search_queries_blind.yml"
"""Queries written by testers who never saw the site, judged by reading the pages (the tune half)."""


@dataclass
class FileResult:
    """One query file run through the shipped search."""

    path: Path
    results: list[dict] = field(default_factory=list)  # {query, urls, searchedFor, corrected, good, answers?, need?, hit?}

    @property
    def judged(self) -> list[dict]:
        return [r for r in self.results if r.get("answers")]

    @property
    def misses(self) -> list[dict]:
        return [r for r in self.judged if not r["hit"]]

    @property
    def share(self) -> float | None:
        return 1 - len(self.misses) / len(self.judged) if self.judged else None


def page_of(url: str) -> str:
    """`situations/x/#signs` -> `situations/x`: the page a result is on."""
    return url.split("#", 1)[0].rstrip("/")


def run_queries(site: Path, queries: list[str], top: int = 3) -> list[dict]:
    """The shipped search's first `top` results for each query (tests/search_run.js under node): query, urls,
    searchedFor, corrected, good (false when search says it found no good match)."""
    payload = {"index": str(site / "search" / "index.json"), "queries": queries, "top": top}
    out = subprocess.run(["node", str(ROOT / "tests" / "search_run.js")], input=json.dumps(payload), capture_output=True,
                         text=True, check=True)
    return json.loads(out.stdout)["results"]


def evaluate_file(site: Path, path: Path, top: int = 3) -> FileResult:
    cases = yaml.safe_load(path.read_text(encoding="utf-8"))["queries"]
    results = run_queries(site, [c["q"] for c in cases], top)
    for case, result in zip(cases, results, strict=True):
        if case.get("need"):
            result["need"] = case["need"]
        if case.get("answers"):
            result["answers"] = case["answers"]
            wanted = {a.rstrip("/") for a in case["answers"]}
            result["hit"] = bool(wanted & {page_of(u) for u in result["urls"][:3]})
        elif case.get("no_page"):  # no page meets the need: right when search says it found no good match
            result["answers"] = ["(no page: search says no good match)"]
            result["hit"] = not result.get("good", True)
    return FileResult(path, results)


def evaluate(site: Path, top: int = 3, path: Path = QUERIES) -> tuple[list[dict], list[dict]]:
    """(every result, the misses) of one judged file."""
    found = evaluate_file(site, path, top)
    return found.results, found.misses


def report(found: FileResult, quiet: bool = False) -> str:
    lines = [f"== {found.path.name}"]
    for r in found.results:
        if quiet and r.get("hit", False):
            continue
        mark = "" if "hit" not in r else ("HIT  " if r["hit"] else "MISS ")
        extra = "" if r["searchedFor"] == r["query"] else f"  (searched: {r['searchedFor']!r})"
        lines.append(f"{mark}{r['query']!r}{extra}{'' if r.get('good', True) else '  [no good match shown]'}")
        if r.get("need"):
            lines.append(f"      need: {r['need']}")
        lines += [f"      {k + 1}. {u}" for k, u in enumerate(r["urls"][:3])]
        if r.get("hit") is False:
            lines.append(f"      wanted one of: {', '.join(r['answers'])}")
    if found.share is None:
        lines.append(f"{found.path.name}: {len(found.results)} queries, none judged (no figure)")
    else:
        n = len(found.judged)
        lines.append(f"{found.path.name}: {n - len(found.misses)}/{n} queries ({found.share:.1%}) find a right page in the first three")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--top", type=int, default=3)
    parser.add_argument("--quiet", action="store_true", help="list only the misses and the unjudged queries")
    args = parser.parse_args(argv)
    files = args.files or sorted((ROOT / "tests").glob("search_queries*.yml"))
    found = [evaluate_file(args.site, f, args.top) for f in files]
    for f in found:
        print(report(f, args.quiet))
    print()
    for f in found:
        figure = "not judged" if f.share is None else f"{len(f.judged) - len(f.misses)}/{len(f.judged)} ({f.share:.1%})"
        print(f"{f.path.name}: {figure}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
