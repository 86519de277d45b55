"""Phones (390 x 844): no page scrolls sideways, touch targets are 44 x 44 px at least, the question bank shows
questions above the fold (its filters fold away), the drill's timer is on screen after drawing."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from .instant import arrive, click_through

PHONE = {"width": 390, "height": 844}
INTERVIEW = ["", "star-guide/", "worked-example/", "competencies/", "archetypes/", "drill/", "story-map/", "prep-sheet/"]
KINDS = ["situations", "models", "tactics", "checklists", "prompts", "paths", "sources"]

SMALL_TARGETS = """() => {
  const out = [];
  const sel = '.md-content button, .md-content .md-button, .md-content a.pb-tag, .md-content input[type=checkbox]';
  for (const el of document.querySelectorAll(sel)) {
    const target = el.matches('input') ? (el.closest('label') || el) : el;
    const r = target.getBoundingClientRect();
    if (!r.width || getComputedStyle(target).visibility === 'hidden') continue;  // not shown
    const name = `${el.className || el.tagName} "${(target.textContent || '').trim().slice(0, 30)}"`;
    if (r.width < 44 || r.height < 44) out.push(`${name} ${Math.round(r.width)}x${Math.round(r.height)}`);
  }
  return out;
}"""


@pytest.fixture
def phone(browser: Browser, server: str) -> Iterator[Page]:
    context = browser.new_context(base_url=server, viewport=PHONE, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


def phone_pages(book) -> list[str]:
    pages = ["", "tags/", "my-playbook/", "checklists/print/"] + [f"interview/{p}" for p in INTERVIEW]
    pages += [f"{k}/" for k in KINDS]
    pages += [max(book.of_kind(k), key=lambda r: len(r.title)).url for k in KINDS]  # the longest title of each kind
    return pages


def expand_filters(page: Page) -> None:
    for toggle in page.locator(".pb-filter__toggle[aria-expanded='false']").all():
        toggle.click()


def test_no_page_scrolls_sideways(phone: Page, book):
    wide = {}
    for path in phone_pages(book):
        phone.goto(path)
        expand_filters(phone)
        width = phone.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            wide[path] = width
    assert wide == {}


def test_story_map_with_stories_does_not_scroll_sideways(phone: Page):
    phone.goto("interview/story-map/")
    titles = ("Moved billing off the monolith and kept every invoice on time", "Mentored two new leads",
              "Ended a year-long API naming dispute")
    for title in titles:
        phone.get_by_label("Story title").fill(title)
        phone.locator("input[name='competency']").nth(1).check()
        phone.get_by_role("button", name="Add the story").click()
    assert phone.locator("[data-story-matrix] table").is_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_touch_targets_are_44_px(phone: Page, book):
    small = {}
    paths = ["interview/drill/", "interview/story-map/", "interview/prep-sheet/", "prompts/", "tactics/", "checklists/print/"]
    paths += [book.of_kind(k)[0].url for k in ("tactics", "checklists", "models", "paths")]
    for path in paths:
        phone.goto(path)
        expand_filters(phone)
        found = phone.evaluate(SMALL_TARGETS)
        if found:
            small[path] = found[:5]
    assert small == {}


def test_question_bank_shows_questions_above_the_fold(phone: Page, book):
    arrive(phone, "interview/")
    click_through(phone, phone.locator(".md-content a[href$='prompts/']").first, "**/prompts/")
    first = phone.locator(".pb-card").first
    question = first.locator("p").nth(1)
    box = question.bounding_box()
    assert box and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], f"no question above the fold: {box}"
    toggle = phone.get_by_role("button", name="Filters")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not phone.locator(".pb-filter__button[data-tag='mentorship']").is_visible()
    toggle.click()
    phone.locator(".pb-filter__button[data-facet='competencies'][data-tag='mentorship']").click()
    expected = sum(1 for r in book.of_kind("prompts") if "mentorship" in r.doc.competencies)
    assert phone.locator(".pb-card:visible").count() == expected
    phone.get_by_role("button", name="Hide filters").click()
    assert phone.get_by_role("button", name="Filters (1 on)").get_attribute("aria-expanded") == "false"
    assert phone.locator(".pb-card:visible").count() == expected


def test_drill_starts_and_shows_the_timer_on_a_phone(phone: Page):
    arrive(phone, "interview/")
    click_through(phone, phone.locator(".md-content a[href$='drill/']").first, "**/interview/drill/")
    start = phone.locator("[data-drill-next]")
    assert start.inner_text().startswith("Start")
    start.click()
    for selector in ("[data-drill-question]", "[data-drill-timer]"):
        box = phone.locator(selector).bounding_box()
        assert box and box["y"] >= 48 and box["y"] + box["height"] <= PHONE["height"], f"{selector} is off screen: {box}"
    assert start.inner_text() == "Next question"
