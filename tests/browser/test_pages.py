"""One page of every kind: no request leaves 127.0.0.1, no console error, no WCAG 2 A/AA violation
in light and dark mode; keyboard use of the palette toggle and interactive pages."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def sample_pages(book) -> list[str]:
    """Home, every index, an entry of each kind, tags, the interview pages, the print pack, my playbook."""
    pages = ["", "tags/", "my-playbook/", "checklists/print/", "api/", "find/", "find/?who=executive&what=stalled"]
    pages += [f"{k}/" for k in ("situations", "models", "tactics", "checklists", "prompts", "paths", "sources")]
    interview = ("star-guide", "worked-example", "competencies", "archetypes", "levels", "drill", "story-map", "prep-sheet")
    pages += [f"interview/{p}/" for p in interview]
    pages += ["interview/", "interview/plan/", "practice/self-assessment/", "practice/review/"]
    pages.append(next(r for r in book.of_kind("tactics") if r.doc.run).url + "?run=1")  # run mode open
    shaped = next(r for r in book.of_kind("models") if r.doc.shape)
    pages.append(shaped.url)
    pages += [book.of_kind(k)[0].url for k in ("tactics", "situations", "checklists", "prompts", "paths", "sources")]
    return pages


PAGES = pytest.fixture(scope="module")(lambda book: sample_pages(book))


def test_no_outside_request_and_no_console_error(page: Page, server: str, book):
    outside, errors = [], []
    page.on("request", lambda r: outside.append(r.url) if urlparse(r.url).hostname not in ("127.0.0.1", None) else None)
    page.on("console", lambda m: errors.append(f"{page.url}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(f"{page.url}: {e}"))
    for path in sample_pages(book):
        page.goto(path)
        page.wait_for_load_state("networkidle")
    assert outside == []
    assert errors == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_accessibility(browser: Browser, server: str, book, scheme: str):
    context = browser.new_context(base_url=server, color_scheme=scheme)
    page = context.new_page()
    axe = Axe()
    report = {}
    for path in sample_pages(book):
        page.goto(path)
        page.wait_for_load_state("networkidle")
        result = axe.run(page, options=WCAG)
        violations = result.response["violations"]
        if violations:
            report[path] = [f"{v['id']} ({len(v['nodes'])}): {v['nodes'][0]['target']}" for v in violations]
    context.close()
    assert report == {}


def test_palette_toggle_with_the_keyboard(page: Page):
    page.goto("./")
    before = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    toggle = page.locator("form[data-md-component='palette'] label:visible").first
    toggle.focus()
    page.keyboard.press("Enter")
    after = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert before != after


def test_instant_navigation_runs_on_the_served_site(page: Page, book):
    """The test site is served at its site_url, so Material swaps pages in place (no full load)."""
    page.goto("./")
    page.evaluate("window.pbSamePage = true")
    page.locator(".md-tabs a, .md-nav a").filter(has_text="Tactics").first.click()
    page.wait_for_url("**/tactics/")
    assert page.evaluate("window.pbSamePage === true"), "a full page load: instant navigation is off"
