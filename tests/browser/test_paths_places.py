"""Learning paths as places (issue 23.2): "Start" and "Continue where you left off" with progress on each path
page and on the paths index; on a step, while its path is in progress, the breadcrumb, the left column and the
tab show the path, also when the step is opened without ?path= (the most recently used path when the step is in
several); "Mark step n done" at the top and at the end; the step bar above the fold on a 390 px phone. On a
desktop and on a phone, after a full load and after an instant-navigation arrival, reloading after each change."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from .instant import arrive, click_through, go

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture(params=["desktop", "phone"])
def device(request, browser: Browser, server: str) -> Iterator[Page]:
    phone = request.param == "phone"
    context = browser.new_context(base_url=server, viewport=PHONE if phone else DESKTOP, is_mobile=phone, has_touch=phone)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    context.close()
    assert errors == []


def is_phone(page: Page) -> bool:
    return page.viewport_size["width"] < 500


def crumbs(page: Page) -> list[str]:
    return [t.strip() for t in page.locator("nav.md-path .md-path__item:visible").all_inner_texts()]


def side(page: Page):
    return page.locator(".md-sidebar--primary .pb-sidenav--path")


def top(page: Page):
    return page.locator(".pb-pathnav--top:visible")


def left_column_is_shown(page: Page) -> None:
    """The path's list is on screen in the left column: on a phone, in Material's drawer once opened."""
    if is_phone(page):
        page.locator("label.md-header__button[for='__drawer']").click()
        page.wait_for_timeout(400)
    box = side(page).bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= page.viewport_size["width"] and side(page).is_visible()
    if is_phone(page):
        page.locator("label.md-overlay[for='__drawer']").click(position={"x": 370, "y": 400})
        page.wait_for_timeout(400)


def reload(page: Page) -> None:
    page.reload()
    page.wait_for_load_state("networkidle")
    page.evaluate("window.pbSamePage = true")


def steps_of(book, path):
    return [book.get(s.to) for s in path.doc.steps]


def shared_step(book):
    """An entry that is a step of two paths: (entry, first path, second path)."""
    seen: dict[str, object] = {}
    for path in book.of_kind("paths"):
        for s in path.doc.steps:
            if s.to in seen and seen[s.to] is not path:
                return book.get(s.to), seen[s.to], path
            seen.setdefault(s.to, path)
    raise AssertionError("no entry is a step of two paths")


def assert_on_path(page: Page, path, number: int, step) -> None:
    assert crumbs(page) == ["Home", "Paths", path.title, f"Step {number}: {step.title}"], crumbs(page)
    assert [t.strip() for t in page.locator(".md-tabs__item--active").all_text_contents()] == ["Paths"]
    nav = side(page)
    assert nav.count() == 1
    assert nav.locator(".pb-sidenav__title a").inner_text().strip() == path.title
    assert nav.locator("a[aria-current='page']").inner_text().strip() == step.title
    assert nav.locator("ol a").count() == len(path.doc.steps)
    assert top(page).locator("strong").inner_text() == f"Step {number} of {len(path.doc.steps)}"


@pytest.mark.parametrize("arrival", ["full", "instant"])
def test_start_continue_and_mark_done_at_the_top(device: Page, book, arrival: str):
    page = device
    path = book.of_kind("paths")[1]
    steps, total = steps_of(book, path), len(path.doc.steps)
    if arrival == "full":
        arrive(page, "paths/")
    else:
        arrive(page)
        go(page, "paths/")
    card = page.locator(f"[data-path-card='{path.id}']")
    assert card.locator("[data-path-count]").inner_text() == f"0 of {total} done"
    assert card.locator("[data-path-go]").inner_text() == "Start this path"
    click_through(page, card.locator(".pb-card__title"), f"**/{path.url}")
    start = page.locator(".pb-path-go [data-path-go]")
    assert start.inner_text() == "Start this path"
    click_through(page, start, f"**/{steps[0].url}?path={path.id}")
    assert_on_path(page, path, 1, steps[0])

    # Mark done at the top, without scrolling to the end; the end bar agrees; kept over a reload.
    top(page).get_by_role("button", name="Mark step 1 done").click()
    assert top(page).locator("[data-path-mark]").get_attribute("aria-pressed") == "true"
    assert page.locator(".pb-pathnav--end:visible [data-path-mark]").get_attribute("aria-pressed") == "true"
    reload(page)
    assert top(page).locator("[data-path-mark]").inner_text() == "Step 1 done"
    left_column_is_shown(page)
    assert "done" in side(page).locator("li").first.inner_text()
    assert_on_path(page, path, 1, steps[0])

    # The index and the path page say 1 of N, and "Continue" leads to step 2.
    go(page, "paths/")
    card = page.locator(f"[data-path-card='{path.id}']")
    assert card.locator("[data-path-count]").inner_text() == f"1 of {total} done"
    assert card.locator("[data-path-go]").inner_text() == "Continue where you left off: step 2"
    reload(page)
    card = page.locator(f"[data-path-card='{path.id}']")
    assert card.locator("[data-path-count]").inner_text() == f"1 of {total} done"
    click_through(page, card.locator("[data-path-go]"), f"**/{steps[1].url}?path={path.id}")
    assert_on_path(page, path, 2, steps[1])
    page.locator(".pb-pathnav--end:visible").get_by_role("button", name="Mark step 2 done").click()
    reload(page)
    assert top(page).locator("[data-path-mark]").get_attribute("aria-pressed") == "true"
    go(page, path.url)
    assert page.locator("[data-path-count]").inner_text() == f"2 of {total} steps done"
    assert page.locator(".pb-path-go [data-path-go]").inner_text() == "Continue where you left off: step 3"


@pytest.mark.parametrize("arrival", ["full", "instant"])
def test_a_step_opened_without_the_path_shows_the_path_in_progress(device: Page, book, arrival: str):
    page = device
    path = book.of_kind("paths")[0]
    steps = steps_of(book, path)
    target = steps[2]
    # Not started: the step is a plain entry of its kind.
    page.goto(target.url)
    assert top(page).count() == 0 and side(page).count() == 0
    assert crumbs(page)[-1] == target.title and "Paths" not in crumbs(page)

    arrive(page, path.url)
    click_through(page, page.locator(".pb-path-go [data-path-go]"), f"**/{steps[0].url}?path={path.id}")
    if arrival == "full":
        page.goto(target.url)  # a bookmark: no ?path=
        page.wait_for_load_state("networkidle")
    else:
        arrive(page, "tags/")
        go(page, target.url)  # a link from elsewhere (search, a related entry): no ?path=
    assert "path=" not in page.url
    assert_on_path(page, path, 3, target)
    reload(page)
    assert_on_path(page, path, 3, target)
    # The path's links work from there: Next keeps the path.
    click_through(page, top(page).get_by_role("link", name=f"Next: {steps[3].title}"), f"**/{steps[3].url}?path={path.id}")
    assert_on_path(page, path, 4, steps[3])

    # Cleared on the path page: the step is a plain entry again.
    go(page, path.url)
    page.get_by_role("button", name="Clear my progress").click()
    reload(page)
    go(page, target.url)
    assert top(page).count() == 0 and side(page).count() == 0 and "Paths" not in crumbs(page)


def test_a_step_of_two_paths_in_progress_shows_the_one_used_last(device: Page, book):
    page = device
    entry, first, second = shared_step(book)
    number = {p.id: [s.to for s in p.doc.steps].index(entry.ref) + 1 for p in (first, second)}
    for path in (first, second):  # start both, the second last
        arrive(page, path.url)
        click_through(page, page.locator(".pb-path-go [data-path-go]"), f"**/{steps_of(book, path)[0].url}?path={path.id}")
    arrive(page, entry.url)
    assert_on_path(page, second, number[second.id], entry)
    # Using the first path again (a step marked done there) makes it the one shown.
    arrive(page, f"{steps_of(book, first)[0].url}?path={first.id}")
    top(page).get_by_role("button", name="Mark step 1 done").click()
    arrive(page, entry.url)
    assert_on_path(page, first, number[first.id], entry)
    reload(page)
    assert_on_path(page, first, number[first.id], entry)


@pytest.mark.parametrize("arrival", ["full", "instant"])
def test_the_step_bar_is_above_the_fold_on_a_phone(browser: Browser, server: str, book, arrival: str):
    context = browser.new_context(base_url=server, viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        path = max(book.of_kind("paths"), key=lambda p: max(len(book.get(s.to).title) for s in p.doc.steps))
        step = max(steps_of(book, path), key=lambda r: len(r.title) + len(r.summary))  # the longest title and summary
        url = f"{step.url}?path={path.id}"
        if arrival == "full":
            page.goto(url)
            page.wait_for_load_state("networkidle")
        else:
            arrive(page, path.url)
            click_through(page, page.locator(f"#steps ~ ol a[href*='{step.id}/']").first, f"**/{url}")
        for _ in range(2):
            box = top(page).bounding_box()
            assert box and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], f"the step bar is at {box}"
            mark = top(page).locator("[data-path-mark]").bounding_box()
            assert mark and mark["y"] + mark["height"] <= PHONE["height"]
            reload(page)
    finally:
        context.close()


def test_unreadable_recent_paths_are_ignored(page: Page, book):
    path = book.of_kind("paths")[0]
    step = steps_of(book, path)[1]
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(step.url)
    for junk in ('"all"', "[1, 2]", '{"__proto__": "2030-01-01", "constructor": 5}', f'{{"{path.id}": "not a date"}}', "not json",
                 '{"../x": "2030-01-01T00:00:00Z"}'):
        page.evaluate(f"localStorage.setItem('pb:paths-recent', {junk!r})")
        page.reload()
        page.wait_for_load_state("networkidle")
        assert top(page).count() == 0 and side(page).count() == 0, junk
        assert crumbs(page)[-1] == step.title
    assert page.evaluate("({}).polluted === undefined && Object.prototype.constructor === Object")
    assert errors == []
