"""A citation's locator needs evidence in its source record, or an explicit `unverified: true` (shown on the page)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from playbook.contract.models import Citation, Evidence, Source
from playbook.index.evidence import covered, missing, normal, parts
from playbook.pipeline import load_playbook
from playbook.problems import DataError
from playbook.render.pages import generate_pages


def source(*locators: str, url: str | None = None) -> Source:
    return Source(title="T", type="book", summary="A source for the tests.", url=url, evidence=[
        Evidence(locator=loc, address="https://example.org/toc", confirms="the contents list it", checked="2026-12-07")
        for loc in locators])


def test_a_locator_is_covered_by_the_evidence_it_begins_with():
    book = source('ch. 2, "Three Maps"', "Part II")
    assert covered('ch. 2, "Three Maps": the locator map', book)
    assert covered("ch. 2, “Three Maps”", book)  # curly quotes and case do not matter
    assert covered("part ii, on choosing projects", book)
    assert not covered('ch. 3, "Creating the Big Picture"', book)
    assert not covered("Part III", book)  # a prefix must end at a word boundary
    assert not covered("Part IIb", book)


def test_each_part_of_a_locator_needs_its_own_evidence():
    book = source('section "Horse Trading"', 'section "Clear Writing"')
    assert parts('section "Horse Trading"; section "Clear Writing"') == ['section "Horse Trading"', 'section "Clear Writing"']
    assert parts('principle "Have Backbone; Disagree and Commit"') == ['principle "Have Backbone; Disagree and Commit"']
    assert missing(Citation(source="sources/x", locator='section "Horse Trading"; section "Clear Writing"'), book) == []
    assert missing(Citation(source="sources/x", locator='section "Horse Trading"; section "Opportunity Cost"'), book) == [
        'section "Opportunity Cost"']


def test_an_unverified_citation_needs_no_evidence():
    assert missing(Citation(source="sources/x", locator="ch. 9", unverified=True), source()) == []
    assert missing(Citation(source="sources/x", locator="ch. 9"), source()) == ["ch. 9"]


def test_normal_form():
    assert normal("  Ch. 2,   ‘Three’ ") == "ch. 2, 'three'"


def test_evidence_is_validated():
    with pytest.raises(ValidationError):
        Evidence(locator="ch. 1", address="not a url", confirms="x", checked="2026-12-07")
    with pytest.raises(ValidationError):
        Evidence(locator="ch. 1", address="https://example.org", confirms="x", checked="yesterday")
    with pytest.raises(ValidationError, match="needs an address"):
        Source(title="T", type="web", summary="A web page with an address.", url="https://example.org/page",
               evidence=[Evidence(locator="whole page", confirms="x", checked="2026-12-07")])
    # a source with no address of its own (unpublished notes) may record evidence without one
    Source(title="T", type="notes", summary="Notes with no address at all.", evidence=[
        Evidence(locator="Exercise 1", confirms="the notes have an Exercise 1", checked="2026-12-07")])


def test_check_refuses_a_locator_without_evidence(project: Path):
    path = project / "data" / "models" / "first-model.yml"
    path.write_text(path.read_text().replace("locator: ch. 1}", "locator: ch. 4}"))
    with pytest.raises(DataError) as caught:
        load_playbook(project)
    found = [str(p) for p in caught.value.problems]
    assert found == ["data/models/first-model.yml:16: sources[0].locator: no evidence for 'ch. 4' in sources/a-book "
                     "(add an `evidence:` record there with the address that shows it, or mark the citation `unverified: true`)"]


def test_check_accepts_a_citation_marked_unverified(project: Path):
    path = project / "data" / "models" / "first-model.yml"
    path.write_text(path.read_text().replace("locator: ch. 1}", "locator: ch. 4, unverified: true}"))
    book = load_playbook(project)
    assert book.records["models/first-model"].doc.sources[0].unverified


def test_the_page_marks_an_unverified_locator_and_only_that_one(project: Path):
    path = project / "data" / "models" / "first-model.yml"
    path.write_text(path.read_text().replace("locator: ch. 1}", "locator: ch. 4, unverified: true}"))
    pages = {src: page.text for src, page in generate_pages(load_playbook(project)).items()}
    assert "A. Author (2001), <cite>A Book</cite>, ch. 4 (place not verified)." in pages["models/first-model.md"]
    assert "(place not verified)" not in pages["tactics/first-tactic.md"]
