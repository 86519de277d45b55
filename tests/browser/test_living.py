"""The living playbook in the browser, on a phone (390 px) and in print: the mini playbook with a real git history and a
GitHub repository configured (tests/test_living.py builds it), served at the address it was built for."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.test_living import build_living, make_living_project

from .conftest import pdf_texts

PHONE = {"width": 390, "height": 844}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def living_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Quiet)
    url = f"http://127.0.0.1:{httpd.server_address[1]}/"
    folder = tmp_path_factory.mktemp("living-browser")
    site = build_living(make_living_project(folder / "project"), "github", folder / "site", site_url=url)
    httpd.RequestHandlerClass = functools.partial(_Quiet, directory=str(site))  # type: ignore[assignment]
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield url
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def phone(browser: Browser, living_url: str) -> Iterator[Page]:
    context = browser.new_context(base_url=living_url, viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=3)
    yield context.new_page()
    context.close()


def _fits_the_width(page: Page) -> bool:
    return page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")


def test_on_a_phone_an_entry_says_how_fresh_it_is_and_links_to_its_data_file(phone: Page):
    phone.goto("tactics/third-tactic/")
    fresh = phone.locator(".pb-fresh")
    expect(fresh).to_be_visible()
    expect(fresh).to_contain_text("Added 25 November 2026")
    expect(fresh).to_contain_text("Reviewed 26 November 2026 by Dana Smith")
    expect(fresh.locator("time").first).to_have_attribute("datetime", "2026-11-25")
    edit = phone.get_by_role("link", name="Suggest a change")
    report = phone.get_by_role("link", name="Report a problem")
    expect(edit).to_be_visible()
    expect(report).to_be_visible()
    assert edit.get_attribute("href") == "https://github.com/acme/playbook/edit/main/data/tactics/third-tactic.yml"
    assert (report.get_attribute("href") or "").startswith("https://github.com/acme/playbook/issues/new?title=")
    for link in (edit, report):  # a thumb can hit them: at least 24 px high, inside the screen
        box = link.bounding_box()
        assert box and box["height"] >= 24 and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    assert _fits_the_width(phone)
    phone.get_by_role("link", name="Platform team").click()
    phone.wait_for_url("**/owners/#platform-team")
    expect(phone.locator("h2#platform-team")).to_be_in_viewport()


def test_on_a_phone_the_new_badge_shows_on_the_index_card_and_in_search(phone: Page):
    phone.goto("tactics/")
    card = phone.locator(".pb-card").filter(has_text="Third tactic")
    expect(card.locator(".pb-new")).to_have_text("New")
    expect(card.locator(".pb-new")).to_be_visible()
    expect(phone.locator(".pb-card").filter(has_text="Second tactic").locator(".pb-new")).to_have_count(0)
    assert _fits_the_width(phone)
    phone.locator("[data-pb-search-open]").first.click()
    box = phone.locator("#pb-search-input")
    expect(box).to_be_focused()
    box.fill("tactic")
    third = phone.locator("#pb-search-results [role=option]").filter(has_text="Third tactic")
    expect(third.locator(".pb-new")).to_be_visible()
    expect(phone.locator("#pb-search-results [role=option]").filter(has_text="First tactic").locator(".pb-new")).to_have_count(0)


def test_in_print_the_dates_stay_and_the_suggestion_links_go(phone: Page):
    phone.goto("models/first-model/")
    phone.emulate_media(media="print")
    expect(phone.locator(".pb-fresh")).to_be_visible()
    expect(phone.locator(".pb-suggest")).to_be_hidden()
    text = " ".join(pdf_texts(phone, "A4"))
    assert "Updated 3 November 2026" in " ".join(text.split())
    assert "Suggest a change" not in text and "Report a problem" not in text


def test_every_page_names_the_feed_and_the_feed_is_served(phone: Page, living_url: str):
    phone.goto("whats-new/")
    href = phone.locator('link[rel=alternate][type="application/atom+xml"]').get_attribute("href")
    assert href
    response = phone.request.get(phone.url + href if not href.startswith("http") else href)
    assert response.ok and b"<feed" in response.body()
    expect(phone.locator("article h2").first).to_have_text("November 2026")
    feed_link = phone.get_by_role("link", name="the Atom feed")
    assert Path(feed_link.get_attribute("href") or "").name == "feed.xml"
