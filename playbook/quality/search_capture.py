"""A synonym rule that would capture the search: `playbook quality` runs every rule of data/synonyms.yml over a corpus
of readers' queries (tests/search_queries.yml) and reports a rule whose reader words appear in more than
MAX_SHARE of them: every such query would also search that rule's site words, and its pages would crowd out
the rest. `playbook check` refuses the obvious cases (function words, short words); this catches common ones."""

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
    """A finding for each rule whose reader words or phrases appear in more than MAX_SHARE of `queries`."""
    stemmed = [[stem(w) for w in words(q)] for q in queries]
    findings = []
    for r, rule in enumerate(book.synonyms.synonyms):
        readers = [[stem(w) for w in words(text)] for text in rule.reader]
        hits = sum(any(_holds(q, phrase) for phrase in readers) for q in stemmed)
        if queries and hits / len(queries) > MAX_SHARE:
            findings.append(Finding(
                "data/synonyms.yml", f"synonyms[{r}] ({', '.join(rule.reader)}) captures {hits} of {len(queries)} reader queries "
                f"({hits / len(queries):.0%}, over {MAX_SHARE:.0%}): every one would also search {', '.join(rule.site)}; "
                "split the rule or keep only the words readers mean it for"))
    return findings
