"""Learning paths you can follow: from a path, each step's page shows "Step n of N · <path>" with Previous and
Next (through instant navigation and a reload); steps marked done show as progress on the path page."""

from __future__ import annotations

from playwright.sync_api import Page

from .instant import arrive, click_through


def bar(page: Page):
    return page.locator(".pb-pathnav--top:visible")


def test_follow_a_path_step_by_step(page: Page, book):
    path = next(p for p in book.of_kind("paths") if len(p.doc.steps) >= 3)
    steps = [book.get(s.to) for s in path.doc.steps]
    total = len(steps)
    arrive(page, path.url)
    click_through(page, page.locator(f"#steps ~ ol a[href*='{steps[1].id}/']").first, f"**/{steps[1].url}?path={path.id}")
    assert bar(page).count() == 1
    assert bar(page).locator(".pb-pathnav__where").inner_text().startswith(f"Step 2 of {total} · {path.title}")

    click_through(page, bar(page).get_by_role("link", name=f"Next: {steps[2].title}"), f"**/{steps[2].url}?path={path.id}")
    assert bar(page).locator("strong").inner_text() == f"Step 3 of {total}"
    click_through(page, bar(page).get_by_role("link", name=f"Previous: {steps[1].title}"), f"**/{steps[1].url}?path={path.id}")
    assert bar(page).locator("strong").inner_text() == f"Step 2 of {total}"

    page.reload()
    assert bar(page).locator("strong").inner_text() == f"Step 2 of {total}", "the path is forgotten on reload"
    end = page.locator(".pb-pathnav--end:visible")
    end.get_by_role("button", name="Mark step 2 done").click()
    page.reload()
    assert page.locator(".pb-pathnav--end:visible [data-path-mark]").get_attribute("aria-pressed") == "true"
    page.evaluate("window.pbSamePage = true")
    click_through(page, bar(page).get_by_role("link", name=path.title), f"**/{path.url}")
    assert page.locator("[data-path-count]").inner_text() == f"1 of {total} steps done"
    assert page.locator("[data-step-done]:visible").count() == 1
    assert page.locator("[data-step-done='2']").is_visible()


def test_last_step_leads_back_to_the_path_and_first_has_no_previous(page: Page, book):
    path = book.of_kind("paths")[0]
    steps = [book.get(s.to) for s in path.doc.steps]
    page.goto(f"{steps[0].url}?path={path.id}")
    assert bar(page).get_by_role("link", name="Previous", exact=False).count() == 0
    page.goto(f"{steps[-1].url}?path={path.id}")
    assert bar(page).get_by_role("link", name="Next", exact=False).count() == 0
    assert bar(page).get_by_role("link", name="Last step: back to the path").count() == 1


def test_no_step_bar_without_the_path(page: Page, book):
    path = book.of_kind("paths")[0]
    step = book.get(path.doc.steps[1].to)
    page.goto(step.url)
    assert page.locator(".pb-pathnav:visible").count() == 0
    page.goto(f"{step.url}?path=no-such-path")
    assert page.locator(".pb-pathnav:visible").count() == 0


def test_corrupted_progress_is_ignored(page: Page, book):
    path = book.of_kind("paths")[0]
    total = len(path.doc.steps)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.url)
    for junk in ('"all"', '{"a": 1}', '[2, 2, "3", 99, -1, 1.5, null]', "not json"):
        page.evaluate(f"localStorage.setItem('pb:path:{path.id}', {junk!r})")
        page.reload()
        expected = 1 if junk.startswith("[") else 0
        assert page.locator("[data-path-count]").inner_text() == f"{expected} of {total} steps done"
    page.evaluate(f"localStorage.setItem('pb:path:{path.id}', '[1]')")
    page.reload()
    page.get_by_role("button", name="Clear my progress").click()
    assert page.locator("[data-path-count]").inner_text() == f"0 of {total} steps done"
    assert errors == []
