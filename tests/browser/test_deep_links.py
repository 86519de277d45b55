"""Deep links: the ¶ control copies `<site_url><page>#<section>`, read back from the clipboard and opened;
and the page's controls still work on a page reached by instant navigation."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from .instant import arrive, click_through, go


@pytest.fixture
def clip(browser: Browser, server: str) -> Iterator[BrowserContext]:
    context = browser.new_context(base_url=server, viewport={"width": 1280, "height": 900},
                                  permissions=["clipboard-read", "clipboard-write"])
    yield context
    context.close()


def copy_and_open(context: BrowserContext, page: Page, anchor: str) -> str:
    """Click the section's ¶ control, read the clipboard, open what it holds in a fresh tab."""
    page.evaluate("navigator.clipboard.writeText('')")
    page.locator(f"h2#{anchor} a.headerlink").click()
    page.wait_for_function("navigator.clipboard.readText().then(t => t.length > 0)")
    copied = page.evaluate("navigator.clipboard.readText()")
    fresh = context.new_page()
    response = fresh.goto(copied)
    assert response is not None and response.status == 200, copied
    fresh.wait_for_load_state("networkidle")
    top = fresh.evaluate(f"document.getElementById('{anchor}').getBoundingClientRect().top")
    assert 0 <= top < 160, f"{copied}: the section is {top}px from the top of the viewport"
    fresh.close()
    return copied


def test_copy_link_after_a_full_load(clip: BrowserContext, server: str, book):
    record = book.of_kind("models")[0]
    page = clip.new_page()
    page.goto(record.url)
    assert copy_and_open(clip, page, "pitfalls") == f"{server}{record.url}#pitfalls"


def test_copy_link_after_instant_navigation(clip: BrowserContext, server: str, book):
    record = book.of_kind("tactics")[0]
    page = clip.new_page()
    arrive(page, "tactics/")
    click_through(page, page.locator(f".pb-card a[href$='{record.id}/']").first, f"**/{record.url}")
    assert copy_and_open(clip, page, "pitfalls") == f"{server}{record.url}#pitfalls"


def test_copy_link_leaves_out_the_learning_path_query(clip: BrowserContext, server: str, book):
    path = book.of_kind("paths")[0]
    step = book.get(path.doc.steps[0].to)
    page = clip.new_page()
    page.goto(f"{step.url}?path={path.id}")
    anchor = page.locator(".md-content h2[id]").first.get_attribute("id")
    assert copy_and_open(clip, page, anchor) == f"{server}{step.url}#{anchor}"


def test_checklist_boxes_work_after_instant_navigation(page: Page, book):
    record = book.of_kind("checklists")[0]
    arrive(page)
    click_through(page, page.locator(".md-tabs a").filter(has_text="Checklists"), "**/checklists/")
    click_through(page, page.locator(f".pb-card a[href$='{record.id}/']").first, f"**/{record.url}")
    page.locator(".pb-checklist__items input").nth(1).check()
    assert page.evaluate(f"JSON.parse(localStorage.getItem('pb:checklist:{record.ref}'))") == ["item-2"]
    page.reload()
    assert page.locator(".pb-checklist__items input").nth(1).is_checked()


def test_favourites_work_after_instant_navigation(page: Page, book):
    record = book.of_kind("tactics")[0]
    arrive(page, "tactics/")
    click_through(page, page.locator(f".pb-card a[href$='{record.id}/']").first, f"**/{record.url}")
    page.get_by_role("button", name="Save to my playbook").click()
    assert page.get_by_role("button", name="Saved to my playbook").get_attribute("aria-pressed") == "true"
    go(page, "my-playbook/")
    assert page.locator("[data-list='favourites'] a").all_inner_texts() == [record.title]


def test_filters_work_after_instant_navigation(page: Page, book):
    arrive(page)
    click_through(page, page.locator(".md-tabs a").filter(has_text="Tactics"), "**/tactics/")
    tag = book.of_kind("tactics")[0].doc.tags[0]
    page.locator(f".pb-filter__button[data-tag='{tag}']").click()
    expected = sum(1 for r in book.of_kind("tactics") if tag in r.doc.tags)
    assert page.locator(".pb-card:visible").count() == expected


def test_interview_tools_work_after_instant_navigation(page: Page):
    """Their data travels in an attribute: Material's instant navigation drops <script type="application/json">."""
    arrive(page, "interview/")
    click_through(page, page.locator(".md-content a[href$='story-map/']").first, "**/interview/story-map/")
    page.get_by_label("Story title").fill("Split the shared database")
    page.locator("input[name='competency']").first.check()
    page.get_by_role("button", name="Add the story").click()
    assert "Split the shared database" in page.locator("[data-story-matrix]").inner_text()
    go(page, "interview/drill/")
    page.locator("[data-drill-next]").click()
    assert page.locator("[data-drill-question]").inner_text().strip()
