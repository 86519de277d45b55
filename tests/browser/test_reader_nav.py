"""The reader's navigation holds the playbook; pages for maintainers sit apart under "About this site"."""

from __future__ import annotations

from playwright.sync_api import Page

MAINTAINER_PAGES = {"/contributing/", "/api/", "/about/benchmark/", "/about/zensical/"}
ABOUT = "About this site"

SECTIONS = """() => [...document.querySelectorAll('.md-nav--primary > .md-nav__list > .md-nav__item')].map(item => ({
  label: (item.querySelector(':scope > label, :scope > a, :scope > .md-nav__link') || item).textContent.trim(),
  links: [...item.querySelectorAll('a[href]')].map(a => new URL(a.href).pathname),
}))"""


def _sections(page: Page) -> dict[str, list[str]]:
    return {s["label"]: s["links"] for s in page.evaluate(SECTIONS)}


def test_navigation_keeps_maintainer_pages_apart(page: Page, book):
    entry = "/" + book.of_kind("tactics")[0].url
    page.goto("./")
    page.locator(".md-tabs a").filter(has_text="Tactics").first.click()  # instant navigation
    page.wait_for_url("**/tactics/")
    page.locator(".pb-card__title").first.click()
    page.wait_for_url(f"**{entry}")
    for where in ("after instant navigation", "after a reload"):
        sections = _sections(page)
        assert ABOUT in sections, f"{where}: no '{ABOUT}' section in {list(sections)}"
        reader = {label: links for label, links in sections.items() if label != ABOUT}
        leaked = {label: sorted(MAINTAINER_PAGES & set(links)) for label, links in reader.items() if MAINTAINER_PAGES & set(links)}
        assert leaked == {}, f"{where}: maintainer pages in the reader's sections"
        assert set(sections[ABOUT]) >= MAINTAINER_PAGES, f"{where}: {sections[ABOUT]}"
        assert {"/my-playbook/", "/sources/"} <= {u for links in reader.values() for u in links}
        page.reload()
    tabs = [t.strip() for t in page.locator(".md-tabs__link").all_inner_texts()]
    assert tabs[-1] == ABOUT, tabs
    for url in MAINTAINER_PAGES:  # the URLs did not move
        assert page.request.get(url.lstrip("/")).status == 200
