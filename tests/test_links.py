"""Links of the built site: linkchecker over the site served on 127.0.0.1 (every page, asset and download answers),
and every #anchor a page links to exists on its target page (read from the built HTML, each page parsed once).

linkchecker was started in the background when the site was first served (see conftest.py)."""

from __future__ import annotations

import html
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .conftest import Built, Served

HREF = re.compile(r'<a\b[^>]*?\bhref="([^"]*)"')
ID = re.compile(r'\b(?:id|name)="([^"]*)"')


def test_linkchecker_finds_no_broken_link(served: Served):
    code, log = served.linkcheck.result()
    assert code == 0, log[-6000:]
    assert " 0 errors found" in log


def _page_of(site: Path, page_url: str, href: str) -> tuple[Path | None, str]:
    """The built file a link from `page_url` (site-relative, 'tactics/x/') lands on, and its fragment."""
    parts = urlsplit(html.unescape(href))
    if parts.scheme or parts.netloc or not parts.fragment:
        return None, ""
    path = posixpath.normpath(posixpath.join(posixpath.dirname(page_url) if not page_url.endswith("/") else page_url,
                                             unquote(parts.path))) if parts.path else page_url
    target = site / path.lstrip("/")
    if target.is_dir() or not target.suffix:
        target = target / "index.html"
    return target, unquote(parts.fragment)


def broken_anchors(site: Path) -> list[str]:
    """Every link to `page#anchor` (same page or another) whose anchor is not an id on that page."""
    ids: dict[Path, set[str]] = {}

    def ids_of(page: Path) -> set[str]:
        if page not in ids:
            ids[page] = {html.unescape(i) for i in ID.findall(page.read_text(encoding="utf-8"))} if page.is_file() else set()
        return ids[page]

    broken = []
    for page in sorted(site.rglob("*.html")):
        rel = page.relative_to(site).as_posix()
        page_url = rel.removesuffix("index.html") if rel.endswith("index.html") else rel
        for href in HREF.findall(page.read_text(encoding="utf-8")):
            target, anchor = _page_of(site, page_url, href)
            if target is not None and anchor not in ids_of(target):
                broken.append(f"{rel}: {href} (no id '{anchor}' on {target.relative_to(site).as_posix()})")
    return broken


def test_every_anchor_link_lands_on_its_anchor(built_site: Built):
    found = broken_anchors(built_site.site)
    assert not found, "\n".join(found[:40])


def test_the_anchor_check_finds_a_broken_anchor(tmp_path: Path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h2 id="here">x</h2><a href="#here">ok</a><a href="../b/#gone">bad</a>'
                                                '<a href="#nowhere">bad</a><a href="https://x.example/#y">outside</a>')
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "index.html").write_text('<p id="there"></p><a href="../a/#here">ok</a><a href="../b/#there">ok</a>')
    assert broken_anchors(tmp_path) == ["a/index.html: ../b/#gone (no id 'gone' on b/index.html)",
                                        "a/index.html: #nowhere (no id 'nowhere' on a/index.html)"]
