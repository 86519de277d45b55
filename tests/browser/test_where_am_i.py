"""Where am I: on an entry page reached by instant navigation, its kind's tab is highlighted, a breadcrumb
leads back, and the left column lists the kind's neighbouring entries and related ones."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from .instant import arrive, click_through

KINDS = ["situations", "models", "tactics", "checklists", "prompts", "paths", "sources"]


def active_tab(page: Page) -> str:
    return page.locator(".md-tabs__item--active").inner_text().strip()


def crumbs(page: Page) -> list[str]:
    return [t.strip() for t in page.locator("nav.md-path .md-path__item").all_inner_texts()]


@pytest.mark.parametrize("kind", KINDS)
def test_entry_page_shows_its_tab_breadcrumb_and_neighbours(page: Page, server: str, book, kind: str):
    record = book.of_kind(kind)[len(book.of_kind(kind)) // 2]
    arrive(page, f"{kind}/")
    index_tab = active_tab(page)
    click_through(page, page.locator(f".md-content a[href$='/{record.id}/']").first, f"**/{record.url}")

    assert active_tab(page) == index_tab
    trail = crumbs(page)
    assert trail[0] == "Home" and trail[-1] == record.title
    links = page.locator("nav.md-path a")
    assert links.first.evaluate("a => a.href") == server
    assert links.last.evaluate("a => a.href") == f"{server}{kind}/", "the crumb before the title leads to the index"
    assert page.locator("nav.md-path [aria-current='page']").inner_text().strip() == record.title

    side = page.locator(".md-sidebar--primary .pb-sidenav")
    assert side.is_visible(), "the left column is blank"
    assert side.locator("a[aria-current='page']").inner_text().strip() == record.title
    neighbours = side.locator(".pb-sidenav__list").first.locator("a").all_inner_texts()
    titles = [r.title for r in book.of_kind(kind)]
    assert 3 <= len(neighbours) <= 7 and all(t in titles for t in neighbours)
    related = {o.target.title for o in book.outlinks(record)} | {b.origin.title for b in book.referenced_by(record)}
    shown = side.locator(".pb-sidenav__list").nth(1).locator("a").all_inner_texts() if related else []
    assert set(shown) <= related and (not related or shown)


def test_tactic_breadcrumb_reads_home_tactics_title(page: Page, book):
    record = book.of_kind("tactics")[0]
    arrive(page)
    click_through(page, page.locator(".md-tabs a").filter(has_text="Tactics"), "**/tactics/")
    click_through(page, page.locator(f".pb-card a[href$='/{record.id}/']").first, f"**/{record.url}")
    assert crumbs(page) == ["Home", "Tactics", record.title]
    assert active_tab(page) == "Tactics"
    click_through(page, page.locator("nav.md-path a").filter(has_text="Tactics"), "**/tactics/")


def test_left_column_leads_to_a_neighbour_by_instant_navigation(page: Page, book):
    records = book.of_kind("models")
    arrive(page, records[0].url)
    neighbour = records[1]
    click_through(page, page.locator(".pb-sidenav a").filter(has_text=neighbour.title).first, f"**/{neighbour.url}")
    assert page.locator("h1").inner_text().startswith(neighbour.title)
    assert page.locator(".pb-sidenav a[aria-current='page']").inner_text().strip() == neighbour.title
    assert active_tab(page) == "Models"
