"""The browser core (docs/assets/core.js): a tool's script is downloaded only on a page that shows the tool,
also when the page arrives by instant navigation, and a first view stays within its weight."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

from playwright.sync_api import Browser, Page

from scripts.first_view import first_load

from .instant import arrive, go

ROOT = Path(__file__).resolve().parents[2]
CORE = (ROOT / "docs" / "assets" / "core.js").read_text(encoding="utf-8")
TOOL_FILES = set(re.findall(r'src: "([a-z./-]+\.js)"', CORE))
EVERY_PAGE = {"core.js", "playbook.js", "search-box.js"}
MARKERS = ("data-run", "data-pathnav", "data-path-progress", "pb-filter", "data-drill", "data-story-map", "data-assess",
           "data-review", "data-plan")


def scripts_requested(page: Page) -> list[str]:
    return page.evaluate("performance.getEntriesByType('resource').map(e => e.name).filter(n => n.endsWith('.js'))")


def own(urls: list[str]) -> set[str]:
    return {urlparse(u).path.split("/assets/", 1)[1] for u in urls if "/assets/" in u and "/javascripts/" not in u}


def plain_entry(book, built_site) -> str:
    """An entry page that shows no tool: no run mode, no learning-path bar, no filter bar."""
    for kind in ("models", "tactics", "situations", "terms"):
        for record in book.of_kind(kind):
            html = (built_site.site / record.url / "index.html").read_text(encoding="utf-8")
            if not any(m in html for m in MARKERS):
                return record.url
    raise AssertionError("no entry page without a tool")


def test_the_tool_list_names_files_that_exist():
    assert len(TOOL_FILES) >= 9
    for name in TOOL_FILES | EVERY_PAGE:
        assert (ROOT / "docs" / "assets" / name).is_file(), name


def test_a_plain_entry_page_loads_no_tool_script(page: Page, book, built_site):
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(plain_entry(book, built_site))
    page.wait_for_load_state("networkidle")
    assert own(scripts_requested(page)) == EVERY_PAGE
    assert page.locator(".pb-star").is_visible()  # the page's own controls work: "Save to my playbook"
    assert errors == []


def test_a_tool_arriving_by_instant_navigation_loads_its_script_and_works(page: Page, book, built_site):
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    arrive(page, plain_entry(book, built_site))
    assert not own(scripts_requested(page)) & TOOL_FILES
    go(page, "practice/self-assessment/")
    assert "self-assessment.js" in own(scripts_requested(page))
    page.locator("[data-assess-form] input[type='radio']").first.check()
    page.locator(".pb-radar__point--a").first.wait_for()
    assert page.locator("[data-assess-table] tbody td").first.inner_text() != "Not rated"
    page.reload()  # the answer was kept
    assert page.locator("[data-assess-table] tbody td").first.inner_text() != "Not rated"

    arrive(page, plain_entry(book, built_site))
    go(page, "interview/drill/")
    assert own(scripts_requested(page)) & TOOL_FILES == {"drill.js"}
    page.get_by_role("button", name="Draw a question").click()
    assert len(page.locator("[data-drill-question]").inner_text().strip()) > 10
    go(page, "interview/story-map/")  # a second tool page, also swapped in place: its script too
    page.get_by_label("Story title").fill("Cut deploy time in half")
    page.get_by_role("button", name="Add the story").click()
    assert "Coverage: 1 story" in page.locator("[data-story-matrix]").inner_text()
    assert errors == []


def test_a_tool_page_reached_twice_sets_up_once(page: Page):
    """Leaving and coming back by instant navigation: the script is not fetched again, the tool set up once."""
    arrive(page, "interview/drill/")
    go(page, "interview/plan/")
    go(page, "interview/drill/")
    assert sum(1 for u in scripts_requested(page) if u.endswith("/drill.js")) == 1
    page.get_by_role("button", name="Draw a question").click()
    assert page.locator("[data-drill-card]").count() == 1 and page.locator("[data-drill-card]").is_visible()
    assert page.locator("[data-drill-timer]").inner_text().endswith(":00")


def test_a_first_view_weighs_at_most_100_kb(browser: Browser, server: str, book, built_site):
    """HTML + CSS + JS that Chromium fetches on a first load (gzip level 6), home page and an entry page."""
    for path in ("", book.of_kind("tactics")[0].url, plain_entry(book, built_site)):
        sizes = first_load(browser, server + path)
        kb = sum(sizes.values()) / 1024
        assert kb <= 100, f"/{path}: {kb:.1f} KB: " + ", ".join(f"{u.rsplit('/', 1)[-1]} {s}" for u, s in sizes.items())


def test_find_your_move_works_after_an_instant_navigation_arrival(page: Page):
    """find.js is loaded by the core on the Find your move page only, and sets itself up there."""
    arrive(page, "./")
    assert "find.js" not in own(scripts_requested(page))
    page.evaluate("window.pbReady = false; document.addEventListener('pb:ready', () => { window.pbReady = true; }, { once: true })")
    page.locator("article a").filter(has_text="Find your move").first.click()
    page.wait_for_url("**/find/")
    page.wait_for_function("window.pbReady === true")
    assert page.evaluate("window.pbSamePage === true")
    count = page.locator("[data-find-count]")
    before = count.inner_text()
    page.locator("[data-find-form] input[type='radio']:not([value=''])").first.check()
    page.wait_for_function("t => document.querySelector('[data-find-count]').textContent !== t", arg=before)
    assert "fit" in count.inner_text() and "?" in page.url


def test_the_vendored_fsrs_is_the_locked_package():
    """docs/assets/vendor/ts-fsrs/ is a copy of node_modules/ts-fsrs at the version package-lock.json names."""
    import json

    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    version = lock["packages"]["node_modules/ts-fsrs"]["version"]
    assert json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["dependencies"]["ts-fsrs"] == version  # exact
    installed = ROOT / "node_modules" / "ts-fsrs"
    assert json.loads((installed / "package.json").read_text(encoding="utf-8"))["version"] == version, "run npm ci"
    vendored = ROOT / "docs" / "assets" / "vendor" / "ts-fsrs"
    assert (vendored / "index.umd.js").read_bytes() == (installed / "dist" / "index.umd.js").read_bytes()
    assert (vendored / "LICENSE").read_bytes() == (installed / "LICENSE").read_bytes()


SHIFTS = """window.pbShifts = [];
new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.pbShifts.push(
  [e.value, (e.sources || []).map(s => s.node ? s.node.nodeName + "." + s.node.className : "?")]) })
  .observe({ type: "layout-shift", buffered: true });"""


def test_nothing_moves_once_the_scripts_run(page: Page, book):
    """What scripts add after the first paint (the search button, Save to my playbook, I used this) takes no room
    that was not kept for it: the page does not jump under the reader's eyes (Lighthouse counted 0.31 before)."""
    page.add_init_script(SHIFTS)
    for width in (1350, 390):
        page.set_viewport_size({"width": width, "height": 900})
        for record in (book.of_kind("tactics")[0], book.of_kind("models")[0], book.of_kind("checklists")[0]):
            page.goto(record.url)  # a full load: the first paint comes before any script
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(300)
            shifts = page.evaluate("window.pbShifts")
            assert sum(v for v, _ in shifts) < 0.02, (width, record.url, shifts)
