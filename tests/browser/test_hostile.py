"""Pages built from hostile data (markup spelled with entities, links to outside hosts, every special
character in every field) load nothing from another host, open no dialog and run no script of the data's."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path
from urllib.parse import urlparse

from playwright.sync_api import Browser

from ..conftest import SPICED


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def test_hostile_data_stays_inert_in_the_browser(browser: Browser, hostile_site: Path):
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(hostile_site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    page = browser.new_page()
    outside, dialogs, errors = [], [], []
    page.on("request", lambda r: outside.append(r.url) if urlparse(r.url).hostname not in ("127.0.0.1", None) else None)
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        for ref in sorted(SPICED):
            page.goto(f"{base}{ref}/")
            page.wait_for_load_state("networkidle")
            article = page.locator("article.md-content__inner")
            assert "<img src=https://evil.example/x.png" in article.inner_text(), f"{ref}: the spelled markup is not shown as text"
            assert article.locator("img").count() == 0
            for link in article.locator("a[href*='evil.example']").all():
                assert link.get_attribute("href") == "https://evil.example/"
            article.locator("p, li").first.hover()
    finally:
        page.close()
        httpd.shutdown()
    assert outside == [] and dialogs == [] and errors == []
