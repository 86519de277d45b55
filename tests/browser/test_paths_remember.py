"""Paths remember where the reader stopped (issue 32.2): after reading steps 1 to 3 with Next, "Continue" on the
path page and on /paths/ leads to step 4; the path in progress is the first card of /paths/; a step page's title
in the browser names the path it was reached from."""

from __future__ import annotations

from playwright.sync_api import Page

from .instant import arrive, click_through, go


def test_continue_resumes_after_the_last_step_read(page: Page, book):
    paths = book.of_kind("paths")
    path = next(p for p in paths[2:] if len(p.doc.steps) >= 5)  # not the first card: it must move up
    steps = [book.get(s.to) for s in path.doc.steps]
    total = len(steps)
    arrive(page, path.url)
    click_through(page, page.locator(".pb-path-go [data-path-go]"), f"**/{steps[0].url}?path={path.id}")
    for n in (1, 2):
        bar = page.locator(".pb-pathnav--top:visible")
        click_through(page, bar.get_by_role("link", name=f"Next: {steps[n].title}"), f"**/{steps[n].url}?path={path.id}")
    assert page.title().startswith(f"{steps[2].title} · Step 3 of {total} of {path.title}"), page.title()

    go(page, "paths/")
    cards = page.locator("[data-path-card]")
    assert cards.first.get_attribute("data-path-card") == path.id, "the path in progress comes first"
    card = cards.first
    assert card.locator("[data-path-count]").inner_text() == f"0 of {total} done"
    assert card.locator("[data-path-go]").inner_text() == "Continue where you left off: step 4"
    arrive(page, "paths/")
    assert page.locator("[data-path-card]").first.get_attribute("data-path-card") == path.id
    go(page, path.url)
    go_link = page.locator(".pb-path-go [data-path-go]")
    assert go_link.inner_text() == "Continue where you left off: step 4"
    click_through(page, go_link, f"**/{steps[3].url}?path={path.id}")

    # Marked done counts as read too; steps already done are skipped.
    page.locator(".pb-pathnav--top:visible").get_by_role("button", name="Mark step 4 done").click()
    page.goto(f"{steps[4].url}?path={path.id}")
    page.locator(".pb-pathnav--top:visible").get_by_role("button", name="Mark step 5 done").click()
    page.goto(f"{steps[2].url}?path={path.id}")  # back to step 3 to look something up
    page.goto(path.url)
    want = 6 if total >= 6 else 1
    assert page.locator(".pb-path-go [data-path-go]").inner_text() == f"Continue where you left off: step {want}"


def test_a_step_page_opened_alone_keeps_its_own_title(page: Page, book):
    path = book.of_kind("paths")[0]
    step = book.get(path.doc.steps[1].to)
    page.goto(step.url)
    assert path.title not in page.title()
