"""The built search index (search/index.json, playbook/render/search_index.py) and its synonyms file (data/synonyms.yml)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from playbook.pipeline import load_playbook
from playbook.problems import DataError

UI_LABELS = ("Save to my playbook", "I used this", "Print this checklist", "Clear all boxes", "Filter by tag", "Printed from")


@pytest.fixture(scope="module")
def index(built_site) -> dict:
    """search/index.json with each document's body text from search/body.json (as the search box joins them)."""
    data = json.loads((built_site.site / "search" / "index.json").read_text(encoding="utf-8"))
    body = json.loads((built_site.site / data["body"]).read_text(encoding="utf-8"))["text"]
    assert len(body) == len(data["docs"]) and not any("text" in d for d in data["docs"])
    for doc, text in zip(data["docs"], body, strict=True):
        doc["text"] = text
    return data


def _doc(index: dict, url: str) -> dict:
    return next(d for d in index["docs"] if d["url"] == url)


def test_material_search_is_off(built_site):
    assert not (built_site.site / "search" / "search_index.json").exists()
    html = (built_site.site / "index.html").read_text(encoding="utf-8")
    assert 'data-md-component="search"' not in html and "search_index" not in html


def test_no_button_or_filter_label_is_indexed(index):
    found = sorted({(d["url"].split("#")[0], label) for d in index["docs"] for label in UI_LABELS
                    if label in d["text"] or label in d["title"]})
    assert found == []


def test_every_entry_has_one_document_with_its_fields(index, book):
    by_url = {d["url"]: d for d in index["docs"]}
    for record in book.records.values():
        doc = by_url[record.url]
        assert doc["title"] == record.title and doc["kind"] == record.kind.name
        assert doc["also_called"] == list(getattr(record.doc, "also_called", ()))
        assert doc["weight"] == record.kind.search_boost
        assert len(doc["text"]) > (20 if record.kind.name == "source" else 400), record.ref
    door = by_url["models/one-way-and-two-way-doors/"]
    assert "reversible decisions" in door["also_called"]
    assert "Referenced by" not in door["text"], "lists of other entries would match other readers' problems"


def test_hand_written_pages_are_indexed_by_section(index):
    star = [d for d in index["docs"] if d["url"].startswith("interview/star-guide/")]
    assert star[0]["url"] == "interview/star-guide/" and star[0]["kind"] == "page"
    sections = star[1:]
    assert sections and all("#" in d["url"] and d["page"] == star[0]["title"] and d["title"] for d in sections)
    assert _doc(index, "contributing/")["kind"] == "about"
    assert _doc(index, "situations/")["kind"] == "index"
    assert not [d for d in index["docs"] if d["url"].startswith(("tags/", "about/benchmark/"))]


def test_entries_weigh_more_than_everything_else(index):
    weights = {d["kind"]: d["weight"] for d in index["docs"] if "#" not in d["url"]}
    entries = min(weights[k] for k in ("situation", "tactic", "model", "checklist"))
    assert all(weights[k] < entries for k in ("path", "source", "index", "about", "page"))


def test_synonyms_and_phrases_travel_with_the_index(index):
    assert "say no" in index["phrases"]
    rule = next(r for r in index["synonyms"] if "date" in r["reader"])
    assert "deadline" in rule["site"]


def test_every_prompt_says_how_interviewers_ask_it(book):
    assert all(r.doc.also_called for r in book.of_kind("prompts"))


# data/synonyms.yml is validated with the rest of the data: `path:line: field: message`

def _problems(project: Path, text: str) -> list[str]:
    (project / "data" / "synonyms.yml").write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_playbook(project)
    return [str(p) for p in caught.value.problems]


def test_synonyms_file_is_optional_and_read(project):
    assert not (project / "data" / "synonyms.yml").exists()
    empty = load_playbook(project).synonyms
    assert (empty.phrases, empty.synonyms) == ([], [])
    (project / "data" / "synonyms.yml").write_text("phrases: [say no]\nsynonyms:\n  - reader: [date]\n    site: [tactic]\n")
    read = load_playbook(project).synonyms
    assert read.phrases == ["say no"]
    assert [(r.reader, r.site) for r in read.synonyms] == [(["date"], ["tactic"])]


def test_unknown_field_in_synonyms(project):
    found = _problems(project, "phrases: [say no]\nsynonyms:\n  - reader: [date]\n    sites: [deadline]\n")
    assert "data/synonyms.yml:4: synonyms[0].sites: unknown field 'sites' (did you mean 'site'?)" in found
    assert "data/synonyms.yml:3: synonyms[0].site: required field is missing" in found


def test_bad_values_in_synonyms(project):
    found = _problems(project, "synonyms:\n  - reader: []\n    site: [deadline]\n  - reader: [x]\n    site: [a<b>]\n")
    assert any(p.startswith("data/synonyms.yml:2: synonyms[0].reader:") for p in found), found
    assert any(p.startswith("data/synonyms.yml:4: synonyms[1].reader[0]:") for p in found), found
    assert any(p.startswith("data/synonyms.yml:5: synonyms[1].site[0]:") for p in found), found
    assert _problems(project, "phrases: [say no, say no]\n") == ["data/synonyms.yml:1: phrases: a phrase is listed twice"]
    assert _problems(project, "phrases: [say no, Say No]\n") == [  # twice, and capitals never match: both at once
        "data/synonyms.yml:1: phrases: a phrase is listed twice",
        "data/synonyms.yml:1: phrases[1]: 'Say No' has capital letters: the search box lower-cases every query, so it would "
        "never match; write 'say no'"]
