"""linkchecker over the site served on 127.0.0.1, anchors included: 0 errors.

It was started in the background when the site was first served (see conftest.py)."""

from __future__ import annotations

from .conftest import Served


def test_linkchecker_finds_no_broken_link_or_anchor(served: Served):
    code, log = served.linkcheck.result()
    assert code == 0, log[-6000:]
    assert " 0 errors found" in log
