"""Run mode with time where time helps (issue 32.5): meetings and exercises carry minutes in their data and every
checklist a suggested total; the reader starts the timer once and it starts by itself on each next step; at zero a
silent visual cue; Esc still leaves."""

from __future__ import annotations

from playwright.sync_api import Page, expect

MEETINGS = ("coach-by-asking", "run-a-blameless-review", "situation-behaviour-impact-feedback", "pre-mortem", "one-two-four-all")


def test_every_checklist_and_the_meeting_tactics_carry_minutes(book):
    for record in book.of_kind("checklists"):
        assert record.doc.run and record.doc.run.minutes, f"{record.ref}: no suggested total"
        assert 5 <= sum(record.doc.run.minutes) <= 90, record.ref
    for tid in MEETINGS:
        assert book.get(f"tactics/{tid}").doc.run.minutes, tid
    timed = sum(1 for r in book.of_kind("tactics") if r.doc.run and r.doc.run.minutes)
    assert timed >= 6


def timer(page: Page) -> str:
    return page.locator("[data-run-timer]").inner_text()


def test_the_timer_starts_once_carries_on_and_shows_zero_without_sound(page: Page, book):
    record = book.get("tactics/one-two-four-all")
    minutes = record.doc.run.minutes
    page.clock.install()
    page.goto(record.url)
    page.wait_for_load_state("networkidle")  # run.js is loaded by the core when the page shows run mode
    hint = page.locator("#pb-run-hint").inner_text()
    assert f"{sum(minutes)} minutes in all" in hint
    page.get_by_role("button", name="Run it step by step").click()
    expect(page.locator("[data-run-timer]")).to_have_text(f"{minutes[0]}:00")
    page.clock.run_for(3000)
    assert timer(page) == f"{minutes[0]}:00", "the timer waits for the reader"
    page.get_by_role("button", name="Start the timer").click()
    page.clock.run_for(minutes[0] * 60 * 1000 + 1000)
    assert timer(page) == "0:00"
    screen = page.locator("[data-run-screen]")
    assert "pb-run--up" in screen.get_attribute("class")
    assert page.locator("[data-run-alarm]").inner_text() == "Time is up for this step."
    cue = page.locator("[data-run-timer]").evaluate("t => getComputedStyle(t).outlineStyle")
    assert cue == "solid", "a visual cue at zero"
    assert page.evaluate("document.querySelectorAll('audio, video').length") == 0

    page.keyboard.press("ArrowRight")  # the next step: its own minutes, already running
    assert "pb-run--up" not in (screen.get_attribute("class") or "")
    page.clock.run_for(2000)
    assert timer(page) == f"{minutes[1] - 1}:58"
    assert page.locator("[data-run-timer-toggle]").inner_text() == "Pause the timer"
    page.get_by_role("button", name="Pause the timer").click()
    page.keyboard.press("ArrowRight")
    page.clock.run_for(2000)
    assert timer(page) == f"{minutes[2]}:00", "paused: the next step waits for the reader again"
    page.keyboard.press("Escape")
    assert screen.is_hidden()
    assert "run=" not in page.url


def test_a_checklist_shows_its_suggested_total(page: Page, book):
    record = book.of_kind("checklists")[0]
    page.goto(record.url)
    assert f"{sum(record.doc.run.minutes)} minutes in all" in page.locator("#pb-run-hint").inner_text()
    page.goto("checklists/")
    assert page.locator(".pb-card .pb-timed").count() == len(book.of_kind("checklists"))
