"""Search: typing an entry's title lists that entry among the first three results."""

from __future__ import annotations

from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

FIRST_THREE = (
    "() => [...document.querySelectorAll('.md-search-result__item > .md-search-result__link')]"
    ".slice(0, 3).map(a => new URL(a.href).pathname)"
)


def test_every_title_finds_its_entry(page: Page, book):
    page.goto("./")
    page.keyboard.press("/")
    box = page.locator("input.md-search__input")
    misses = []
    for record in sorted(book.records.values(), key=lambda r: r.ref):
        box.fill(record.title)
        box.press("End")  # Material searches on keyup, as when a person types
        expected = "/" + record.url
        try:
            page.wait_for_function(f"(expected) => ({FIRST_THREE})().includes(expected)", arg=expected, timeout=4000)
        except PlaywrightTimeout:
            misses.append(f"{record.title!r} -> {page.evaluate(FIRST_THREE)}")
    assert misses == [], f"{len(misses)} titles not in the first three results"


def test_search_with_the_keyboard(page: Page):
    page.goto("./")
    start = page.url
    page.keyboard.press("/")
    page.keyboard.type("escalation")
    page.wait_for_selector(".md-search-result__item")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: url != start)
    assert "escalat" in page.locator("article.md-content__inner").inner_text().lower()
