"""Helpers for tests that go through Material's instant navigation (the site is served at its site_url)."""

from __future__ import annotations

from fnmatch import fnmatch

from playwright.sync_api import Locator, Page


def arrive(page: Page, path: str = "./") -> None:
    """A full page load, then a marker that only survives if later clicks swap pages in place."""
    page.goto(path)
    page.wait_for_load_state("networkidle")  # the first page's own setup is done before anything is clicked
    page.evaluate("window.pbSamePage = true")


def click_through(page: Page, link: Locator, url_glob: str) -> None:
    """Click a link and wait for the new page, which must have arrived by instant navigation."""
    page.evaluate("window.pbReady = false; document.addEventListener('pb:ready', () => { window.pbReady = true; }, { once: true })")
    link.click()
    page.wait_for_url(lambda url: fnmatch(url.split("#")[0], url_glob))  # navigation.tracking may add a #section
    page.wait_for_function("window.pbReady === true")  # the new page's controls are set up (docs/assets/playbook.js)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.pbSamePage === true"), f"{page.url}: a full page load, not instant navigation"


def go(page: Page, path: str) -> None:
    """Instant navigation to a site path that has no visible link here (the navigation is being reorganised):
    a link is added to the page and clicked, as a reader would click one."""
    page.evaluate("""path => { const a = document.createElement('a'); a.href = new URL(path, document.querySelector('a.md-logo').href).href;
        a.id = 'pb-test-link'; a.textContent = 'go'; document.querySelector('.md-content').prepend(a); }""",
                  path)
    click_through(page, page.locator("#pb-test-link"), f"**/{path}")
