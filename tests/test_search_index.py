"""The built search index: entries carry the words readers use, rank above source records and index
pages, and no button or filter label is indexed."""

from __future__ import annotations

import json
import re

import pytest

UI_LABELS = ("Save to my playbook", "I used this", "Print this checklist", "Clear all boxes", "Filter by tag", "Printed from")


@pytest.fixture(scope="module")
def index(built_site) -> list[dict]:
    return json.loads((built_site.site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def _boost(index: list[dict], location: str) -> float:
    return next(d.get("boost", 1.0) for d in index if d["location"] == location)


def test_no_button_or_filter_label_is_indexed(index):
    found = sorted({(d["location"].split("#")[0], label) for d in index for label in UI_LABELS if label in d["text"]})
    assert found == []


def test_entries_rank_above_sources_indexes_and_maintainer_pages(index, book):
    entry = _boost(index, book.of_kind("situations")[0].url)
    assert entry > _boost(index, book.of_kind("sources")[0].url)
    assert entry > _boost(index, "situations/") and entry > _boost(index, "prompts/")
    assert entry > _boost(index, "contributing/") and entry > _boost(index, "api/")
    assert not [d for d in index if d["location"].startswith(("tags/", "about/benchmark/"))]


def test_also_called_is_indexed_and_shown_on_the_page(index, book, built_site):
    record = book.get("models/one-way-and-two-way-doors")
    assert "reversible decisions" in record.doc.also_called
    assert next(d for d in index if d["location"] == record.url).get("tags") == list(record.doc.also_called)
    html = (built_site.site / record.url / "index.html").read_text(encoding="utf-8")
    shown = re.search(r'<p class="pb-also">(.*?)</p>', html, re.S)
    assert shown and "In other words" in shown.group(1) and "reversible decisions" in shown.group(1)
