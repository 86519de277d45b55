"""Lighthouse (desktop preset) on one entry page of the served site: accessibility, best practices and SEO 100,
performance at least 95. The whole round, one page of every kind, is `python3 scripts/dev.py lighthouse`.

Performance is measured from timings: on a shared 2-core machine one audit in about ten missed by a point
(94 with 100 on the next run), so a performance miss alone is audited once more before the test fails."""

from __future__ import annotations

import time

from playbook.contract.kinds import KINDS_BY_NAME
from scripts.lighthouse import TARGETS, audit


def test_lighthouse_scores_on_an_entry_page(server: str):
    page = KINDS_BY_NAME["tactic"].example + "/"
    start = time.perf_counter()
    result = audit(server + page, page)
    if result.misses() == ["performance"]:
        result = audit(server + page, page)
    seconds = time.perf_counter() - start
    assert result.misses() == [], f"{result.scores} (targets {TARGETS}), in {seconds:.0f} s: {result.failing}"
