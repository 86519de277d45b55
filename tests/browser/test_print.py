"""Printing: each checklist on exactly one page (A4 and US Letter), the print pack one sheet per
checklist, the prep sheet and the story map on one page, and no trailing blank page anywhere."""

from __future__ import annotations

import unicodedata

import pytest
from playwright.sync_api import Page

from .conftest import pdf_pages, pdf_texts

FORMATS = ["A4", "Letter"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_checklist_prints_on_one_page(page: Page, book, fmt: str):
    checklists = book.of_kind("checklists")
    longest = max(checklists, key=lambda r: sum(len(i) for i in r.doc.items) + len(r.doc.why))
    counts = {}
    for record in checklists:
        page.goto(record.url)
        counts[record.id] = pdf_pages(page, fmt)
    assert counts[longest.id] == 1, f"the longest checklist, {longest.id}, takes {counts[longest.id]} pages"
    assert {k: v for k, v in counts.items() if v != 1} == {}


@pytest.mark.parametrize("fmt", FORMATS)
def test_checklist_printout_has_boxes_title_why_and_url_but_no_chrome(page: Page, book, fmt: str):
    record = book.of_kind("checklists")[0]
    page.goto(record.url)
    [text] = pdf_texts(page, fmt)
    assert record.title in text
    assert record.doc.why.split()[0] in text
    assert "/" + record.url in text.replace("\n", "")
    for chrome in ("Search", "Table of contents", "Made with", "Print this checklist", "Referenced by"):
        assert chrome not in text
    page.emulate_media(media="print")
    visible_boxes = page.locator(".pb-checklist__items input[type=checkbox]:visible").count()
    assert visible_boxes == len(record.doc.items)


@pytest.mark.parametrize("fmt", FORMATS)
def test_print_pack_prints_one_sheet_per_checklist(page: Page, book, fmt: str):
    page.goto("checklists/print/")
    texts = pdf_texts(page, fmt)
    records = book.of_kind("checklists")
    assert len(texts) == len(records)
    for text, record in zip(texts, records, strict=True):
        assert record.title.split()[0] in text


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("path", ["interview/prep-sheet/", "interview/story-map/"])
def test_one_page_sheets(page: Page, fmt: str, path: str):
    page.goto(path)
    assert pdf_pages(page, fmt) == 1


@pytest.mark.parametrize("fmt", FORMATS)
def test_entry_pages_have_no_trailing_blank_page(page: Page, book, fmt: str):
    for kind in ("models", "tactics", "prompts", "paths", "situations"):
        page.goto(book.of_kind(kind)[0].url)
        texts = pdf_texts(page, fmt)
        assert texts[-1].strip(), f"{kind}: the last printed page is blank"


def test_search_phrases_are_on_screen_but_not_on_paper(page: Page, book):
    record = next(r for r in book.records.values() if getattr(r.doc, "also_called", None))
    page.goto(record.url)
    also = page.locator(".pb-also")
    assert also.is_visible() and "In other words:" in also.inner_text()
    printed = unicodedata.normalize("NFKC", " ".join(pdf_texts(page, "A4")))
    assert "In other words" not in printed
    assert record.title.split()[0] in printed  # the page itself is printed


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_situation_prints_as_a_one_page_card_with_its_words(page: Page, book, fmt: str):
    def size(r) -> int:
        w = r.doc.words_to_say
        pushback = sum(len(p.they_say + p.you_say) for p in w.pushback)
        return sum(map(len, r.doc.moves)) + sum(map(len, w.opening)) + len(w.follow_up) + pushback
    longest = max(book.of_kind("situations"), key=size)
    page.goto(longest.url)
    [text] = pdf_texts(page, fmt)
    flat = " ".join(unicodedata.normalize("NFKC", text).split())  # the PDF text has ligatures (ﬀ)
    assert longest.title in flat
    assert "Words to say" in flat and "Moves, in order" in flat
    moves = flat.split("Moves, in order", 1)[1]
    assert all(f"{n}. " in moves for n in range(1, len(longest.doc.moves) + 1)), "the moves print with their numbers"
    assert page.evaluate("""() => { const li = document.querySelector('#moves ~ ol.pb-list li');
        return li.getBoundingClientRect().left > 12; }"""), "room for the numbers left of the moves"
    assert " ".join(longest.doc.words_to_say.follow_up.split()[:6]) in flat
    for left_out in ("Traps", "Signs you are here", "Referenced by", "Run it move by move"):
        assert left_out not in flat
