"""The practice tools end to end, as a reader uses them: self-assessment, review deck, interview
countdown and run mode; each on a 390 px phone (no sideways scroll) and, where promised, on one page."""

from __future__ import annotations

import csv
import io
import math
from datetime import date, timedelta
from pathlib import Path

import icalendar
import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from .conftest import pdf_pages
from .instant import arrive, go

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(browser: Browser, server: str):
    context = browser.new_context(base_url=server, viewport=PHONE, has_touch=True, accept_downloads=True)
    yield context.new_page()
    context.close()


def no_sideways_scroll(page: Page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def radius(page: Page, series: str) -> dict[str, float]:
    """Each point's distance from the chart's centre, by competency."""
    return page.evaluate("""s => {
      const pts = [...document.querySelectorAll(`.pb-radar__point--${s}`)];
      const out = {};
      for (const p of pts) out[p.dataset.competency] = Math.hypot(p.cx.baseVal.value - 320, p.cy.baseVal.value - 220);
      return out;
    }""", series)


def test_self_assessment_rates_draws_keeps_and_compares(phone: Page, book):
    page = phone
    signalled = [k for k, t in book.competencies.items() if t.signals]
    assert len(signalled) == len(book.competencies) >= 5
    page.goto("practice/self-assessment/")
    first, second = signalled[0], signalled[1]
    page.locator(f"input[name='rate-{first}'][value='3']").check()
    page.locator(f"input[name='rate-{second}'][value='1']").check()
    page.locator(f"input[name='evidence-{first}']").fill("Led the queue migration across four teams")
    points = page.locator(".pb-radar__point--a")
    assert points.count() == len(signalled)
    r = radius(page, "a")
    assert math.isclose(r[first], 140, abs_tol=0.5) and math.isclose(r[second], 140 / 3, abs_tol=0.5)
    assert r[signalled[2]] == 0  # not rated: at the centre
    assert page.locator("svg.pb-radar__svg[role='img'] title").text_content().startswith("Radar chart")
    weak = page.locator("[data-assess-weak]")
    assert book.competencies[second].title in weak.inner_text() and weak.locator("a").count() >= 1
    page.get_by_role("button", name="Save a snapshot").click()

    page.reload()
    assert page.locator(f"input[name='rate-{first}'][value='3']").is_checked()
    assert page.locator(f"input[name='evidence-{first}']").input_value() == "Led the queue migration across four teams"
    assert radius(page, "a") == r
    page.locator(f"input[name='rate-{second}'][value='2']").check()
    page.get_by_role("button", name="Save a snapshot").click()
    options = page.locator("[data-assess-b] option").all_inner_texts()
    assert [o.startswith("Snapshot of") for o in options].count(True) == 2
    page.locator("[data-assess-a]").select_option(index=2)  # the later snapshot
    page.locator("[data-assess-b]").select_option(index=2)  # "Nothing", "now", then the first snapshot
    assert page.locator(".pb-radar__point--b").count() == len(signalled)
    assert radius(page, "a")[second] > radius(page, "b")[second]
    rows = page.locator("[data-assess-table] tbody tr")
    assert rows.count() == len(signalled)
    assert rows.filter(has_text=book.competencies[second].title).locator("td").all_inner_texts() == ["Staff", "Senior"]
    no_sideways_scroll(page)
    assert pdf_pages(page, "A4") == 1


def test_review_deck_grades_cards_by_keyboard_and_exports_for_anki(phone: Page, book):
    page = phone
    kinds = {"models": "model", "situations": "situation", "tactics": "tactic", "prompts": "prompt"}
    total = sum(len(book.of_kind(k)) for k in kinds)
    page.goto("practice/review/")
    due = page.locator("[data-review-due]")
    assert due.inner_text() == str(total)
    first = page.locator("[data-review-card]").get_attribute("data-card")
    page.keyboard.press("Space")
    assert page.locator("[data-review-back]").is_visible()
    page.keyboard.press("3")  # Good: the card leaves today's queue
    assert due.inner_text() == str(total - 1)
    page.keyboard.press("Space")
    page.keyboard.press("1")  # Again: it stays due today
    assert due.inner_text() == str(total - 1)
    page.reload()
    assert due.inner_text() == str(total - 1)
    progress = page.evaluate("JSON.parse(localStorage.getItem('pb:review'))")
    assert progress[first]["box"] == 2 and progress[first]["due"] == (date.today() + timedelta(days=2)).isoformat()
    assert first.split("#")[0] in book.records  # card ids name the entry, not its wording

    page.get_by_text("Choose cards by kind and tag").click()
    for kind in ("model", "situation", "prompt"):
        page.locator(f"[data-review-kind][value='{kind}']").uncheck()
    assert page.locator("[data-review-shown]").inner_text() == str(len(book.of_kind("tactics")))
    tag = book.of_kind("tactics")[0].doc.tags[0]
    page.locator("[data-review-tag]").select_option(tag)
    tagged = [r for r in book.of_kind("tactics") if tag in r.doc.tags]
    assert page.locator("[data-review-shown]").inner_text() == str(len(tagged))
    no_sideways_scroll(page)

    with page.expect_download() as download:
        page.get_by_role("button", name="Export for Anki (.tsv)").click()
    text = Path(download.value.path()).read_text(encoding="utf-8")
    assert text.startswith("#separator:tab\n#html:true\n")
    lines = text.split("\n")
    while lines[0].startswith("#"):  # Anki's file headers come first
        lines.pop(0)
    rows = [r for r in csv.reader(io.StringIO("\n".join(lines)), delimiter="\t") if r]
    assert len(rows) == len(tagged) and all(len(r) == 4 for r in rows)
    by_guid = {r[3]: r for r in rows}
    card = by_guid[f"influence-playbook:{tagged[0].ref}#pitfall"]
    assert tagged[0].title in card[0] and card[1].startswith("<ul><li>")
    assert f"influence-playbook::tag::{tag}" in card[2].split() and "influence-playbook::tactic" in card[2].split()
    assert "href=\"http" in card[1]  # links made absolute for Anki


def test_countdown_plans_prints_and_exports_a_calendar(phone: Page, book):
    page = phone
    page.goto("interview/plan/")
    interview = date.today() + timedelta(days=20)
    page.get_by_label("Interview date").fill(interview.isoformat())
    page.get_by_label("Level").select_option("principal")
    chosen = list(book.competencies)[:2]
    for c in chosen:
        page.locator(f"input[name='competency'][value='{c}']").check()
    page.get_by_role("button", name="Make my plan").click()
    sessions = page.locator(".pb-plan__day")
    n = sessions.count()
    assert 5 <= n <= 20
    text = page.locator("[data-plan-days]").inner_text()
    assert "Mock interview" in text and "principal" in text
    assert all(book.competencies[c].title in text for c in chosen)

    with page.expect_download() as download:
        page.get_by_role("button", name="Add to my calendar (.ics)").click()
    raw = Path(download.value.path()).read_bytes()
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    assert max(len(line) for line in raw.split(b"\r\n")) <= 75
    calendar = icalendar.Calendar.from_ical(raw)
    events = calendar.walk("VEVENT")
    assert len(events) == n
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == n
    days = [e.decoded("DTSTART") for e in events]
    assert all(type(d) is date for d in days)  # all-day events
    assert days == sorted(days) and days[0] >= date.today() and days[-1] == interview - timedelta(days=1)
    assert b"\\," in raw and any(", with numbers" in str(e["DESCRIPTION"]) for e in events)  # escaped, parsed back
    no_sideways_scroll(page)

    page.reload()  # the plan is kept
    assert page.locator(".pb-plan__day").count() == n
    assert pdf_pages(page, "A4") == 1


def test_run_mode_steps_through_and_finishes_by_keyboard(phone: Page, book):
    page = phone
    record = next(r for r in book.of_kind("tactics") if r.doc.run and r.doc.run.minutes and r.doc.run.follow_up)
    steps = len(record.doc.steps)
    page.goto(record.url)
    page.get_by_role("button", name="Run it in a meeting").click()
    dialog = page.get_by_role("dialog", name=record.title)
    dialog.wait_for()  # run.js is fetched on this first click (docs/assets/core.js)
    assert dialog.is_visible()
    progress = page.locator("[data-run-progress]")
    assert progress.inner_text() == f"Step 1 of {steps}"
    assert page.locator("[data-run-timer]").inner_text() == f"{record.doc.run.minutes[0]}:00"
    no_sideways_scroll(page)
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowLeft")
    assert progress.inner_text() == f"Step 2 of {steps}"
    assert page.url.endswith("?run=2")
    page.get_by_role("button", name="Start the timer").click()
    page.wait_for_function(f"document.querySelector('[data-run-timer]').textContent !== '{record.doc.run.minutes[1]}:00'", timeout=3000)

    shared = page.url  # the address carries the step: a colleague opens the same view
    page.goto(shared)
    assert page.locator("[data-run-progress]").inner_text() == f"Step 2 of {steps}"
    page.locator("[data-run-body]").focus()
    for _ in range(steps - 1):
        page.keyboard.press("ArrowRight")
    follow = book.get(record.doc.run.follow_up)
    end = page.locator("[data-run-end]")
    assert end.is_visible() and follow.title in end.inner_text()
    assert end.locator(".pb-checklist__items input").count() == len(follow.doc.items)
    assert page.url.endswith("?run=end")
    page.keyboard.press("Escape")
    assert dialog.count() == 0
    assert "run=" not in page.url
    assert page.evaluate("document.activeElement.dataset.runOpen !== undefined")


def test_run_mode_swipes_on_a_touch_screen(phone: Page, book):
    page = phone
    record = next(r for r in book.of_kind("checklists") if r.doc.run)
    page.goto(record.url + "?run=1")
    swipe = """dx => {
      const el = document.querySelector('[data-run-screen]');
      const t = (x) => new Touch({identifier: 1, target: el, clientX: x, clientY: 400});
      el.dispatchEvent(new TouchEvent('touchstart', {changedTouches: [t(300)], bubbles: true}));
      el.dispatchEvent(new TouchEvent('touchend', {changedTouches: [t(300 + dx)], bubbles: true}));
    }"""
    page.evaluate(swipe, -150)
    page.evaluate(swipe, -150)
    page.evaluate(swipe, 150)
    assert page.locator("[data-run-progress]").inner_text() == f"Step 2 of {len(record.doc.items)}"
    assert page.locator("[data-run-timer-wrap]").is_hidden()  # no minutes in the data: no timer


def test_run_mode_is_entered_after_an_instant_navigation(context: BrowserContext, page: Page, book):
    record = next(r for r in book.of_kind("tactics") if r.doc.run)
    page.goto("tactics/")
    page.evaluate("window.pbSamePage = true")
    page.locator(f".pb-card a[href$='{record.id}/']").first.click()
    page.wait_for_url(f"**/{record.url}")
    page.get_by_role("button", name="Run it in a meeting").click()
    page.locator("[data-run-screen]").wait_for()  # run.js is fetched on this first click (docs/assets/core.js)
    assert page.locator("[data-run-progress]").inner_text().startswith("Step 1 of")
    assert page.evaluate("window.pbSamePage === true")


@pytest.mark.parametrize(("path", "act", "ready"), [
    ("practice/review/", "", "document.querySelector('[data-review-due]').textContent.trim() !== '0'"),
    ("interview/plan/", "plan", "document.querySelectorAll('.pb-plan__day').length > 0"),
    ("interview/drill/", "drill", "document.querySelector('[data-drill-question]').textContent.trim().length > 10"),
    ("interview/story-map/", "", "document.querySelector('[data-story-gaps]').textContent.trim().length > 0"),
])
def test_tools_work_when_reached_by_instant_navigation(page: Page, path: str, act: str, ready: str):
    """Material's instant navigation swaps the page in place; each tool must still find its data and start."""
    arrive(page, "./")
    go(page, path)
    if act == "plan":
        page.get_by_label("Interview date").fill((date.today() + timedelta(days=10)).isoformat())
        page.get_by_role("button", name="Make my plan").click()
    elif act == "drill":
        page.locator("[data-drill-next]").click()
    page.wait_for_function(ready, timeout=5000)
