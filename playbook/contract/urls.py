"""Where a page is published: the one place URLs are computed from docs paths.

A page's docs path (`src_uri`, as MkDocs names it: `tactics/pre-mortem.md`) gives its URL the way MkDocs'
`File.url` does, with `use_directory_urls` (`tactics/pre-mortem/`) or without it (`tactics/pre-mortem.html`).
Links between pages are relative, so the site works under any address and from a folder.
"""

from __future__ import annotations

import posixpath

DEFAULT_SITE_URL = "http://127.0.0.1:8000/"
"""The address `serve` answers on, and the site's address when PLAYBOOK_SITE_URL does not name another."""


def page_url(src_uri: str, directory_urls: bool = True) -> str:
    """The site-relative URL of the page built from `src_uri` ('' for the home page)."""
    stem = src_uri.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/" if directory_urls else f"{stem}.html"


def relative(path: str, start: str) -> str:
    """`posixpath.relpath` for site-relative paths ('' is the top), without asking the file system where we are
    (relpath makes both absolute: a system call per link, and pages hold thousands of links)."""
    to = [part for part in path.split("/") if part]
    base = [part for part in start.split("/") if part]
    common = 0
    while common < min(len(to), len(base)) and to[common] == base[common]:
        common += 1
    return "/".join([".."] * (len(base) - common) + to[common:]) or "."


def href(target: str, here: str) -> str:
    """Relative Markdown link from the page `here` to the docs path `target` (MkDocs turns it into a URL)."""
    return relative(target, posixpath.dirname(here))


def url_path(target: str, here: str, directory_urls: bool = True) -> str:
    """Relative URL (for HTML, which MkDocs does not rewrite) from the page `here` to the page `target`."""
    dest = page_url(target, directory_urls)
    own = page_url(here, directory_urls)
    base = own.rstrip("/") if own.endswith("/") else posixpath.dirname(own)
    rel = relative(dest.rstrip("/"), base)
    if rel == ".":
        return "./"
    return f"{rel}/" if dest.endswith("/") or dest == "" else rel
