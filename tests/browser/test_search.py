"""Search in the real box: our dialog (docs/assets/search.js) over our index, after instant navigation too."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from .instant import arrive, click_through

QUERIES = yaml.safe_load((Path(__file__).resolve().parent.parent / "search_queries.yml").read_text(encoding="utf-8"))["queries"]

FIRST_THREE = "() => [...document.querySelectorAll('#pb-search-results a')].slice(0, 3).map(a => new URL(a.href).pathname)"


def _open(page: Page):
    page.keyboard.press("/")
    box = page.locator("#pb-search-input")
    expect(box).to_be_focused()
    return box


def _first_three_include(page: Page, box, query: str, wanted: list[str], timeout: int = 4000) -> bool:
    box.fill(query)
    try:
        page.wait_for_function(f"(wanted) => ({FIRST_THREE})().some(p => wanted.includes(p))", arg=wanted, timeout=timeout)
        return True
    except PlaywrightTimeout:
        return False


def test_every_title_finds_its_entry(page: Page, book):
    page.goto("./")
    box = _open(page)
    misses = []
    for record in sorted(book.records.values(), key=lambda r: r.ref):
        if not _first_three_include(page, box, record.title, ["/" + record.url], timeout=8000 if not misses else 4000):
            misses.append(f"{record.title!r} -> {page.evaluate(FIRST_THREE)}")
    assert misses == [], f"{len(misses)} titles not in the first three results"


def test_reader_queries_in_the_real_box_after_instant_navigation(page: Page):
    """tests/search_queries.yml typed into the box: at least 95 % list a right entry among the first three."""
    arrive(page)
    click_through(page, page.locator(".md-tabs a").filter(has_text="Situations").first, "**/situations/")
    box = _open(page)
    misses = []
    for case in QUERIES:
        wanted = [f"/{a}/" for a in case["answers"]]
        if not _first_three_include(page, box, case["q"], wanted, timeout=10000 if case is QUERIES[0] else 3000):
            misses.append(f"{case['q']!r} -> {page.evaluate(FIRST_THREE)}")
    share = 1 - len(misses) / len(QUERIES)
    print(f"\nreal search box: {len(QUERIES) - len(misses)}/{len(QUERIES)} ({share:.1%}) with a right entry in the first three")
    assert share >= 0.95, "\n".join(misses)
    assert page.evaluate("window.pbSamePage === true"), "searching must not reload the page"


def test_search_with_the_keyboard(page: Page):
    arrive(page, "models/")
    start = page.url
    box = _open(page)
    dialog = page.locator("dialog.pb-search")
    expect(dialog).to_have_attribute("open", "")
    assert page.evaluate("document.querySelector('dialog.pb-search').getAttribute('aria-labelledby')") == "pb-search-title"
    page.keyboard.type("escalation")
    page.wait_for_selector("#pb-search-results [role=option]")
    expect(box).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    second = page.locator("#pb-search-results [role=option]").nth(1)
    expect(second).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", second.get_attribute("id") or "")
    href = second.get_attribute("href")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: url != start)
    assert page.url == href
    expect(dialog).not_to_be_visible()
    assert page.evaluate("window.pbSamePage === true"), "a result opens by instant navigation"
    assert "escalat" in page.locator("article.md-content__inner").inner_text().lower()
    # Escape closes the dialog and gives the focus back to the search button
    page.locator("[data-pb-search-open]").click()
    expect(box).to_be_focused()
    page.keyboard.press("Escape")
    expect(dialog).not_to_be_visible()
    expect(page.locator("[data-pb-search-open]")).to_be_focused()


def test_a_misspelling_is_corrected_and_said(page: Page):
    page.goto("./")
    box = _open(page)
    assert _first_three_include(page, box, "psycological safety", ["/models/psychological-safety/"], timeout=10000)
    expect(page.locator("#pb-search-meta")).to_contain_text("Showing results for \u201cpsychological safety\u201d")
    assert _first_three_include(page, box, "sponser", ["/models/sponsorship-versus-mentorship/"])
    expect(page.locator("#pb-search-meta")).to_contain_text("Showing results for \u201csponsor\u201d")
    box.fill("escalation")
    expect(page.locator("#pb-search-meta")).not_to_contain_text("Showing results for")


def test_index_loads_on_first_use_from_this_site_only(page: Page, server: str):
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    arrive(page, "models/")
    assert not [u for u in requests if "search/index.json" in u or "minisearch" in u], "the index loads only when the reader searches"
    click_through(page, page.locator(".md-tabs a").filter(has_text="Tactics").first, "**/tactics/")
    box = _open(page)
    box.fill("straw man")
    page.wait_for_selector("#pb-search-results [role=option]")
    assert [u for u in requests if u.endswith("/search/index.json")] == [server + "search/index.json"]
    assert [u for u in requests if u.endswith("/assets/vendor/minisearch.js")] == [server + "assets/vendor/minisearch.js"]
    assert [u for u in requests if not u.startswith(server) and not u.startswith("data:")] == []
    # the second page view reuses the loaded index
    page.keyboard.press("Escape")
    click_through(page, page.locator(".md-tabs a").filter(has_text="Models").first, "**/models/")
    box = _open(page)
    box.fill("trust")
    page.wait_for_selector("#pb-search-results [role=option]")
    assert len([u for u in requests if u.endswith("/search/index.json")]) == 1
    assert page.locator("[data-pb-search-open]").count() == 1


def test_a_query_without_a_good_match_offers_other_ways_in(page: Page, server: str):
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto("./")
    box = _open(page)
    box.fill("parental leave policy")
    help_ = page.locator("[data-pb-search-help]")
    expect(help_).to_be_visible(timeout=10000)
    expect(help_).to_contain_text("No page answers \u201cparental leave policy\u201d well.")
    find = help_.locator("[data-pb-search-find]")
    assert find.get_attribute("href").startswith(server + "find/")
    assert help_.locator(".pb-search__closest a").count() >= 1
    assert help_.locator("[data-pb-search-suggest]").count() == 0, "no repository configured: no issue link"
    box.fill("my boss keeps overruling me")
    expect(help_).to_be_hidden()
    box.fill("xqzvbnm qwrtyp other team")
    expect(help_).to_be_visible()
    assert "who=owning-team" in help_.locator("[data-pb-search-find]").get_attribute("href")
    page.wait_for_selector("[data-pb-search-complete]", state="attached")
    assert [u for u in requests if u.endswith("/search/body.json")] == [server + "search/body.json"]
    assert [u for u in requests if not u.startswith(server) and not u.startswith("data:")] == [], "nothing sent elsewhere"


def test_function_words_do_not_change_the_results(page: Page):
    """'in', 'for' and 'a' mean nothing on their own: the query means its content words ("no" is kept)."""
    page.goto("./")
    box = _open(page)
    lists = {}
    for query in ("escalation", "escalation in a", "escalation for", "how to say no", "how to say"):
        box.fill(query)
        page.wait_for_function("q => document.querySelector('#pb-search-results').dataset.query === q", arg=query, timeout=10000)
        lists[query] = page.evaluate(FIRST_THREE)
    assert lists["escalation in a"] == lists["escalation"] == lists["escalation for"], lists
    assert lists["how to say no"] != lists["how to say"]
    assert "/tactics/say-no-with-the-trade-off/" in lists["how to say no"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_open_dialog_with_results_is_accessible(browser: Browser, server: str, scheme: str):
    """axe (WCAG 2.1 A and AA) on a page with the search dialog open, results listed and one selected."""
    context = browser.new_context(base_url=server, color_scheme=scheme)
    page = context.new_page()
    page.goto("tactics/")
    box = _open(page)
    assert _first_three_include(page, box, "psycological safety", ["/models/psychological-safety/"], timeout=10000)
    page.keyboard.press("ArrowDown")
    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
    violations = [f"{v['id']} ({len(v['nodes'])}): {v['nodes'][0]['target']}" for v in result.response["violations"]]
    context.close()
    assert violations == []
