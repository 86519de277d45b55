"""The small things (issue 32.6): nothing moves once scripts run on the index pages, the question bank and a source
page; the wrong-address warning moves nothing and its dismissal lasts the session; the self-assessment import
restores the current answers and says so, and "Compare with" selects a snapshot just saved; the printed "Notes"
label is clear of the first rule on A4 and Letter; the review deck's key hint names its four grades; "Add to a
mentee list" is sized like its neighbours."""

from __future__ import annotations

import base64
import json

import pytest
from playwright.sync_api import Browser, Page, expect

from .test_address import elsewhere  # noqa: F401  (the fixture: the built site served at another address)
from .test_core import SHIFTS


def shifted(page: Page, url: str) -> float:
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    return sum(v for v, _ in page.evaluate("window.pbShifts"))


@pytest.mark.parametrize("width", [1350, 390])
def test_nothing_moves_on_index_pages_the_question_bank_sources_find_and_mentor(page: Page, book, width: int):
    page.add_init_script(SHIFTS)
    page.set_viewport_size({"width": width, "height": 900})
    source = book.of_kind("sources")[0]
    for url in ("prompts/", "prompts/?levels=staff", "tactics/", "checklists/", source.url, "find/", "mentor/"):
        assert shifted(page, url) < 0.02, (width, url, page.evaluate("window.pbShifts"))


def test_the_address_warning_moves_nothing_and_stays_dismissed_for_the_session(browser: Browser, elsewhere, book):  # noqa: F811
    base = elsewhere["port"]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.add_init_script(SHIFTS)
    first, second = book.of_kind("tactics")[0], book.of_kind("models")[0]
    assert shifted(page, base + first.url) < 0.01, page.evaluate("window.pbShifts")
    box = page.locator(".pb-address")
    expect(box).to_be_visible()
    assert box.bounding_box()["y"] + box.bounding_box()["height"] <= 900
    box.get_by_role("button", name="Dismiss").click()
    page.goto(base + second.url)
    page.wait_for_load_state("networkidle")
    expect(page.locator(".pb-address")).to_have_count(0)
    page.reload()
    expect(page.locator(".pb-address")).to_have_count(0)
    fresh = context.new_page()  # a new tab is a new session: the warning is back
    fresh.goto(base + second.url)
    expect(fresh.locator(".pb-address")).to_be_visible()
    context.close()


def test_the_import_restores_the_current_answers_and_compare_selects_a_new_snapshot(page: Page, book, tmp_path):
    comp = next(iter(book.competencies))
    page.goto("practice/self-assessment/")
    page.wait_for_selector("[data-tool-ready]")
    values = page.evaluate("""c => ['senior', 'staff'].map(l => [...document.querySelectorAll(`input[name='rate-${c}-${l}']`)]
        .map(r => Number(r.value)))""", comp)
    senior, staff = max(values[0]), min(values[1])  # answers the form offers for this competency
    draft = {"at": "2026-03-04T09:30:00Z", "answers": {comp: {"senior": senior, "staff": staff}}, "evidence": {comp: "Ran the review"}}
    snaps = [{"at": "2026-01-02T10:00:00Z", "answers": {comp: {"senior": 2}}, "evidence": {}}]
    file = tmp_path / "assessment.json"
    file.write_text(json.dumps({"version": 1, "kind": "self-assessment", "snapshots": snaps, "draft": draft}))
    page.locator("[data-assess-import]").set_input_files(str(file))
    status = page.locator("[data-assess-status]")
    status.filter(has_text="Imported").wait_for()
    text = status.inner_text()
    assert "Imported 1 new snapshot and your answers in progress (1 of" in text and "2026-03-04" in text, text
    assert page.locator(f"input[name='rate-{comp}-senior'][value='{senior}']").is_checked()
    assert page.locator(f"input[name='rate-{comp}-staff'][value='{staff}']").is_checked()
    assert page.locator(f"input[name='evidence-{comp}']").input_value() == "Ran the review"
    page.reload()
    assert page.locator(f"input[name='rate-{comp}-staff'][value='{staff}']").is_checked()

    page.get_by_role("button", name="Save a snapshot").click()
    chosen = page.locator("[data-assess-b]").evaluate("s => s.options[s.selectedIndex].text")
    assert chosen.startswith("Snapshot of ") and chosen != "Snapshot of 2026-01-02 10:00", chosen
    assert page.locator(".pb-radar__point--b").count() > 0


RULE_ROWS = """async (png) => { const img = new Image(); img.src = 'data:image/png;base64,' + png; await img.decode();
  const c = document.createElement('canvas'); c.width = img.width; c.height = img.height; const g = c.getContext('2d');
  g.drawImage(img, 0, 0); const d = g.getImageData(0, 0, c.width, c.height).data; const rows = [];
  for (let y = 0; y < c.height; y++) { let grey = 0;
    for (let x = 0; x < c.width; x++) { const i = (y * c.width + x) * 4;
      if (Math.abs(d[i] - 136) < 40 && Math.abs(d[i + 1] - 136) < 40 && Math.abs(d[i + 2] - 136) < 40) grey++; }
    if (grey > c.width / 2) rows.push(y); }
  return rows; }"""


@pytest.mark.parametrize("fmt,size_mm", [("A4", (210, 297)), ("Letter", (215.9, 279.4))])
def test_the_printed_notes_label_is_clear_of_the_rules(browser: Browser, server: str, book, fmt: str, size_mm):
    """The page printed at the paper's size (12 mm margins), drawn four times larger: the first ruled line lies
    below the "Notes" label, with room to spare."""
    w, h = ((size_mm[0] - 24) / 25.4 * 96, (size_mm[1] - 24) / 25.4 * 96)
    page = browser.new_page(base_url=server, viewport={"width": round(w), "height": round(h)}, device_scale_factor=4)
    for record in book.of_kind("checklists")[:6]:
        page.goto(record.url)
        page.emulate_media(media="print")
        notes, label = page.locator(".pb-notes").first.bounding_box(), page.locator(".pb-notes p").first.bounding_box()
        clip = {"x": notes["x"], "y": notes["y"], "width": notes["width"], "height": min(notes["height"], 150)}
        rows = page.evaluate(RULE_ROWS, base64.b64encode(page.screenshot(clip=clip, full_page=True)).decode())
        assert rows, f"{record.ref}: no ruled line under Notes"
        first = rows[0] / 4  # CSS pixels from the top of the notes area
        assert first >= label["y"] - notes["y"] + label["height"] + 8, (fmt, record.ref, first, label)
        page.emulate_media(media="screen")
    page.close()


def test_the_review_decks_key_hint_names_its_four_grades(page: Page):
    page.goto("practice/review/")
    hint = page.locator("article p").filter(has_text="Keyboard:")
    keys = hint.locator("kbd").all_inner_texts()
    grades = page.locator("[data-grade] kbd").all_inner_texts()
    assert len(grades) == 4 and set(grades) <= set(keys), (keys, grades)
    for name in ("Again", "Hard", "Good", "Easy"):
        assert name in hint.inner_text()


@pytest.mark.parametrize("width", [1280, 390])
def test_add_to_a_mentee_list_is_sized_like_its_neighbours(page: Page, book, width: int):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(book.of_kind("tactics")[0].url)
    page.wait_for_load_state("networkidle")
    star = page.locator(".pb-meta .pb-star").bounding_box()
    add = page.locator(".pb-meta .pb-mentee-add").bounding_box()
    font = page.locator(".pb-meta").evaluate("""m => [m.querySelector('.pb-star'), m.querySelector('.pb-mentee-add')]
        .map(e => getComputedStyle(e).fontSize)""")
    assert font[0] == font[1], font
    assert abs(star["height"] - add["height"]) <= 1, (star, add)
