#!/usr/bin/env python3
"""Lighthouse (desktop preset) on one page of every kind of the built site, served on 127.0.0.1 with
Debian's chromium. Prints the four scores per page; exits 1 when one misses its target
(accessibility, best practices and SEO 100, performance at least 95).

    python3 scripts/dev.py lighthouse                 # build the site, then audit one page of each kind
    python3 scripts/dev.py lighthouse --site DIR      # audit a site already built for its site_url
    python3 scripts/dev.py lighthouse --page tactics/ # only these pages (paths below the site root)

The lighthouse and chromium versions are those of package-lock.json and Debian (no browser download).
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from playbook.contract.kinds import KINDS

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}


def pages() -> list[str]:
    """Home, each kind's example entry (from the kinds registry), a kind index and an interview tool."""
    return ["", *(f"{kind.example}/" for kind in KINDS), "tactics/", "interview/drill/"]


@dataclass(frozen=True)
class Scores:
    page: str
    scores: dict[str, int]
    failing: dict[str, list[str]]  # category -> titles of the audits that cost it points

    def misses(self) -> list[str]:
        return [c for c, target in TARGETS.items() if self.scores.get(c, 0) < target]


def audit(url: str, page: str = "") -> Scores:
    """Run Lighthouse's desktop preset on `url` in headless chromium and read back its JSON report."""
    assert LIGHTHOUSE.exists(), "node_modules/.bin/lighthouse is missing: run `python3 scripts/dev.py test` (npm ci)"
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as tmp:
        report = Path(tmp) / "report.json"
        subprocess.run(
            [str(LIGHTHOUSE), url, "--preset=desktop", "--output=json", f"--output-path={report}", "--quiet",
             f"--only-categories={','.join(TARGETS)}", "--chrome-flags=--headless=new --no-sandbox"],
            check=True, env={**os.environ, "CHROME_PATH": CHROMIUM}, cwd=tmp,
        )
        data = json.loads(report.read_text(encoding="utf-8"))
    scores = {name: round(100 * (cat["score"] or 0)) for name, cat in data["categories"].items()}
    failing: dict[str, list[str]] = {}
    for name, cat in data["categories"].items():
        for ref in cat["auditRefs"]:
            found = data["audits"][ref["id"]]
            if ref.get("weight", 0) > 0 and found.get("score") is not None and found["score"] < 1:
                failing.setdefault(name, []).append(f"{found['title']} ({found['score']})")
    return Scores(page, scores, failing)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve(site: Path, port: int) -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build(out: Path, site_url: str) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PLAYBOOK_SITE_URL": site_url}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(out)],
                   check=True, cwd=ROOT, env=env)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, help="a site built for http://127.0.0.1:PORT/ (default: build one)")
    parser.add_argument("--port", type=int, default=0, help="the port the --site was built for")
    parser.add_argument("--page", action="append", help="a page path below the root (repeatable)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="lighthouse-site-") as tmp:
        port = args.port or free_port()
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            build(site, f"http://127.0.0.1:{port}/")
        results = []
        with serve(site, port) as base:
            for page in args.page or pages():
                result = audit(base + page, page or "/")
                results.append(result)
                row = "  ".join(f"{c} {result.scores.get(c, 0):3d}" for c in TARGETS)
                print(f"{result.page:45s} {row}{'  MISS ' + ', '.join(result.misses()) if result.misses() else ''}",
                      flush=True)
                for category in result.misses():
                    for title in result.failing.get(category, []):
                        print(f"    {category}: {title}")
    missed = [r for r in results if r.misses()]
    print(f"{len(results) - len(missed)}/{len(results)} pages meet every target "
          f"(performance >= {TARGETS['performance']}, the others 100)")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
