#!/usr/bin/env python3
"""First-view weight: the sum of the gzip sizes (level 6, as a web server sends them) of the HTML, CSS and
JavaScript that Chromium requests on a first load (empty cache) of the home page and of an entry page.

    .venv/bin/python scripts/first_view.py               # build the site for a free local address, then measure
    .venv/bin/python scripts/first_view.py --site DIR    # a site already built for http://127.0.0.1:PORT/
    .venv/bin/python scripts/first_view.py --limit 100   # exit 1 when a page weighs more than 100 KB

Prints one line per page ("KB" = 1,024 bytes) and each file's size with --verbose.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import os
import socket
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
KINDS = ("document", "stylesheet", "script")
PAGES = ("", "tactics/pre-mortem/")  # the home page and an entry page


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build(out: Path, base: str) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PLAYBOOK_SITE_URL": base}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(out)], cwd=ROOT, env=env,
                            capture_output=True, text=True)
    if result.returncode:
        raise SystemExit(f"mkdocs build failed:\n{result.stderr[-3000:]}")


def first_load(browser, url: str) -> dict[str, int]:
    """{url: gzip bytes} of every HTML, CSS and JS response of a first load of `url` in a fresh context."""
    context = browser.new_context()
    page = context.new_page()
    sizes: dict[str, int] = {}

    def record(response) -> None:
        if response.request.resource_type not in KINDS:
            return
        with contextlib.suppress(Exception):  # redirects and aborted requests have no body
            sizes[response.url] = len(gzip.compress(response.body(), 6))

    page.on("response", record)
    try:
        page.goto(url)
        page.wait_for_load_state("networkidle")
    finally:
        context.close()
    return sizes


def measure(base: str, pages: tuple[str, ...]) -> dict[str, dict[str, int]]:
    """Per page: {url: gzip bytes} of a first load, in Debian's Chromium."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            return {path or "/": first_load(browser, base + path) for path in pages}
        finally:
            browser.close()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, help="a site already built for --port (default: build one)")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--limit", type=float, default=0, help="KB a first view may weigh (0: no check)")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    port = args.port or free_port()
    base = f"http://127.0.0.1:{port}/"
    with tempfile.TemporaryDirectory(prefix="first-view-") as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            build(site, base)
        httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(_Quiet, directory=str(site)))
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        try:
            results = measure(base, PAGES)
        finally:
            httpd.shutdown()
    worst = 0.0
    for path, sizes in results.items():
        kb = sum(sizes.values()) / 1024
        worst = max(worst, kb)
        print(f"{path}: {kb:.1f} KB gzip in {len(sizes)} files (HTML + CSS + JS)")
        if args.verbose:
            for url, size in sorted(sizes.items(), key=lambda kv: -kv[1]):
                print(f"    {size / 1024:7.1f} KB  {url.removeprefix(base)}")
    if args.limit and worst > args.limit:
        print(f"over the limit: {worst:.1f} KB > {args.limit:g} KB")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
