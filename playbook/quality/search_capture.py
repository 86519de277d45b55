"""A synonym rule that would capture the search: `playbook quality` runs every rule of data/synonyms.yml over a corpus
of readers' queries (tests/search_queries.yml) and reports a rule whose reader words appear in more than
MAX_SHARE of them: every such query would also search that rule's site words, and its pages would crowd out
the rest. The same share holds for a site word over all the rules that lead to it. `playbook check` refuses the
obvious cases (function words, short words); this catches common ones."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import yaml

from playbook.contract.search_text import stem, words
from playbook.index.book import Playbook
from playbook.quality.bar import Finding

MAX_SHARE = 0.1
"""The largest share of the query corpus one rule's reader words may appear in."""

QUERIES = Path("tests") / "search_queries.yml"
"""The corpus of readers' queries, relative to the project folder."""


def read_queries(root: Path) -> list[str]:
    """The queries of the corpus (none when the project has no corpus)."""
    path = root / QUERIES
    if not path.is_file():
        return []
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return [str(item["q"]) for item in data.get("queries", []) if isinstance(item, dict) and "q" in item]


def _holds(query: list[str], phrase: list[str]) -> bool:
    n = len(phrase)
    return n > 0 and any(query[i:i + n] == phrase for i in range(len(query) - n + 1))


def captured(book: Playbook, queries: Sequence[str]) -> list[Finding]:
    """A finding for each rule whose reader words or phrases appear in more than MAX_SHARE of `queries`, and for each
    site word that several rules lead to and that together they reach from more than MAX_SHARE of them (seventeen
    one-word rules, each under the share, can send half the queries to one page)."""
    if not queries:
        return []
    stemmed = [[stem(w) for w in words(q)] for q in queries]
    findings, n = [], len(queries)
    hit_by: list[set[int]] = []
    for r, rule in enumerate(book.synonyms.synonyms):
        readers = [[stem(w) for w in words(text)] for text in rule.reader]
        hit_by.append({i for i, q in enumerate(stemmed) if any(_holds(q, phrase) for phrase in readers)})
        if len(hit_by[r]) / n > MAX_SHARE:
            findings.append(Finding(
                "data/synonyms.yml", f"synonyms[{r}] ({', '.join(rule.reader)}) captures {len(hit_by[r])} of {n} reader queries "
                f"({len(hit_by[r]) / n:.0%}, over {MAX_SHARE:.0%}): every one would also search {', '.join(rule.site)}; "
                "split the rule or keep only the words readers mean it for"))
    rules_of: dict[str, list[int]] = {}
    for r, rule in enumerate(book.synonyms.synonyms):
        for site in dict.fromkeys(" ".join(words(text)) for text in rule.site):
            rules_of.setdefault(site, []).append(r)
    for site, rules in rules_of.items():
        hits = set().union(*(hit_by[r] for r in rules))
        if len(rules) > 1 and len(hits) / n > MAX_SHARE:
            findings.append(Finding(
                "data/synonyms.yml", f"site word '{site}' is reached by {len(rules)} rules "
                f"({', '.join(f'synonyms[{r}]' for r in rules)}) that together capture {len(hits)} of {n} reader queries "
                f"({len(hits) / n:.0%}, over {MAX_SHARE:.0%}): every one would also search '{site}'; "
                "keep only the reader words that mean it"))
    return findings
