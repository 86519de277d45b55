"""A copy served at another address than its site_url: Material's instant navigation is off there, silently, so
every page says so at the top, with both addresses and the command that fixes it. At its own address, nothing."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, expect

from .instant import arrive, click_through

VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def elsewhere(built_site) -> Iterator[dict[str, str]]:
    """The same built site on other ports: at the root ("port") and under /site/ ("path")."""
    servers, bases = [], {}
    for name, root, prefix in (("port", built_site.site, ""), ("path", built_site.site.parent, "site/")):
        httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root)))
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        servers.append(httpd)
        bases[name] = f"http://127.0.0.1:{httpd.server_address[1]}/{prefix}"
    yield bases
    for httpd in servers:
        httpd.shutdown()


@pytest.mark.parametrize("where", ["port", "path"])
@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_another_address_says_so_with_the_fix(browser: Browser, server: str, elsewhere: dict[str, str], where: str,
                                              viewport: str, book):
    base = elsewhere[where]
    context = browser.new_context(viewport=VIEWPORTS[viewport])
    page = context.new_page()
    try:
        entry = book.of_kind("tactics")[0]
        page.goto(base + entry.url)
        page.wait_for_load_state("networkidle")
        box = page.locator(".pb-address")
        expect(box).to_be_visible()
        text = box.inner_text()
        assert f"Built for {server}, served at {base}." in text, text
        assert f"PLAYBOOK_SITE_URL={base} mkdocs build" in text, text
        assert box.bounding_box()["y"] < VIEWPORTS[viewport]["height"], "the notice is on the first screen"
        # what it says is true: a click loads the whole page, and the next page says it too (a plain page: a link
        # with a query, such as "Add to a mentee list", may rewrite its address before the load ends)
        page.evaluate("window.pbSamePage = true")
        target = page.evaluate("""base => { const a = [...document.querySelectorAll('article a[href]')]
            .find(a => a.href.startsWith(base) && !a.href.includes('#') && !a.search && a.href !== location.href && a.offsetParent);
          a.id = 'pb-test-next'; return a.href; }""", base)
        page.locator("#pb-test-next").click()
        page.wait_for_url(target)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("window.pbSamePage === undefined"), "a full load, as the notice says"
        expect(page.locator(".pb-address")).to_be_visible()
        page.locator(".pb-address button").filter(has_text="Dismiss").click()
        expect(page.locator(".pb-address")).to_have_count(0)
    finally:
        context.close()


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_its_own_address_shows_no_notice(browser: Browser, server: str, viewport: str):
    context = browser.new_context(base_url=server, viewport=VIEWPORTS[viewport])
    page = context.new_page()
    try:
        arrive(page, "./")
        expect(page.locator(".pb-address")).to_have_count(0)
        assert page.locator('meta[name="pb-site-url"]').get_attribute("content") == server
        link = page.locator("article a[href]").filter(has_text="Find your move").first
        click_through(page, link, "**/find/")  # instant navigation works here
        expect(page.locator(".pb-address")).to_have_count(0)
    finally:
        context.close()
