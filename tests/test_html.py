"""The Nu HTML Checker over every page of the session's build: 0 errors of our own.

vnu was started in the background as soon as the site was built (see conftest.py and htmlcheck.py).
Errors that stock Material emits are matched by name in `htmlcheck.MATERIAL_ERRORS`, counted apart and
printed, never dropped silently."""

from __future__ import annotations

import pytest

from . import htmlcheck
from .conftest import Built


def test_vnu_finds_no_error_of_ours_on_any_page(built_site: Built, capsys: pytest.CaptureFixture[str]):
    report = htmlcheck.result(built_site.site)
    with capsys.disabled():
        counts = ", ".join(f"{name}: {n}" for name, n in report.material.items())
        print(f"\nvnu: {report.pages} pages, {len(report.own)} errors of ours; stock Material's: {counts}")
    assert report.pages > 200
    assert report.own == [], "\n".join(map(str, report.own[:40]))


def test_material_errors_are_counted_by_name_never_as_ours(tmp_path):
    """The allowance is narrow: the same message on markup of ours is an error of ours."""
    site = tmp_path / "site"
    page = f"file:{site}/tactics/x/index.html"
    messages = [
        {"type": "error", "url": page, "lastLine": 3, "message": "Bad value “” for attribute “tabindex” on element "
         "“label”: The empty string is not a valid integer.", "extract": '<label class="md-nav__link" tabindex="">'},
        {"type": "error", "url": page, "lastLine": 9, "message": "Bad value “” for attribute “tabindex” on element "
         "“label”: The empty string is not a valid integer.", "extract": '<label class="drill-card" tabindex="">'},
        {"type": "error", "url": page, "lastLine": 12, "message": "The value of the “for” attribute of the “label” "
         "element must be the ID of a non-hidden form control.", "extract": '<label for="pick-a-tactic">'},
        {"type": "info", "subType": "warning", "url": page, "message": "Consider adding a “lang” attribute."},
    ]
    report = htmlcheck.classify(messages, site)
    assert [(m.page, m.line) for m in report.own] == [("/tactics/x/index.html", 9), ("/tactics/x/index.html", 12)]
    assert report.material["empty tabindex on navigation section labels"] == 1
    assert sum(report.material.values()) == 1
