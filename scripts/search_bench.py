#!/usr/bin/env python3
"""Site search figures: the index's size (raw and gzip) and the time to a first result in Chromium.

    python3 scripts/search_bench.py [--runs 3]   # builds the project into a temporary folder and serves it

Cold: a fresh browser context (empty cache) opens a page, then the reader's first query loads MiniSearch and
search/index.json, builds the index and lists results. Warm: a later query in the same page. Each is the
median of --runs. scripts/bench.py prints the same rows in its table (`measure`).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ("how to say no to a VP", "psycological safety", "tell me about a time you influenced without authority")
FIRST_RESULT = """async (query) => {
  const t0 = performance.now();
  window.pbSearch.open(query);
  await new Promise((resolve) => {
    const check = () => (document.querySelector('#pb-search-results').dataset.query === query ? resolve() : requestAnimationFrame(check));
    check();
  });
  return performance.now() - t0;
}"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def index_size(site: Path) -> dict[str, float]:
    raw = (site / "search" / "index.json").read_bytes()
    engine = b"".join((site / "assets" / name).read_bytes() for name in ("vendor/minisearch.js", "search.js", "search-box.js"))
    return {"raw_kb": len(raw) / 1024, "gzip_kb": len(gzip.compress(raw, 6)) / 1024, "docs": raw.count(b'"url":'),
            "code_gzip_kb": len(gzip.compress(engine, 6)) / 1024}


def latency(base: str, runs: int) -> dict[str, float]:
    """Milliseconds to the first result: cold (first use in a fresh browser) and warm (a later query)."""
    from playwright.sync_api import sync_playwright

    cold, warm = [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
        for _ in range(runs):
            context = browser.new_context(viewport={"width": 1280, "height": 800})
            page = context.new_page()
            page.goto(base + "models/")
            page.wait_for_load_state("networkidle")
            cold.append(page.evaluate(FIRST_RESULT, QUERIES[0]))
            warm += [page.evaluate(FIRST_RESULT, q) for q in QUERIES[1:]]
            context.close()
        browser.close()
    return {"cold_ms": statistics.median(cold), "warm_ms": statistics.median(warm)}


def measure(site: Path, base: str, runs: int = 3) -> dict[str, float]:
    """Serve `site` (built for `base`, a 127.0.0.1 address) and measure it."""
    port = int(base.rstrip("/").rsplit(":", 1)[1])
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        return {**index_size(site), **latency(base, runs)}
    finally:
        httpd.shutdown()
        httpd.server_close()


def measure_project(project: Path, site: Path, runs: int = 3) -> dict[str, float]:
    """Build `project` into `site` for a free 127.0.0.1 port, then measure it there."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    base = f"http://127.0.0.1:{port}/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PLAYBOOK_SITE_URL": base}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)], cwd=project, env=env, check=True)
    return measure(site, base, runs)


def rows(figures: dict[str, float]) -> list[tuple[str, str]]:
    return [
        ("Search index (search/index.json)", f"{figures['raw_kb']:.0f} KB raw, {figures['gzip_kb']:.0f} KB gzip, "
                                             f"{figures['docs']:.0f} documents; loaded on first use only"),
        ("Search code (MiniSearch + search.js + search-box.js), gzip", f"{figures['code_gzip_kb']:.0f} KB"),
        ("First result, first use (cold cache: load, index, query)", f"{figures['cold_ms']:.0f} ms"),
        ("First result, later query", f"{figures['warm_ms']:.0f} ms"),
    ]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--site", type=Path, help="a site already built for --base (skips the build)")
    parser.add_argument("--base", help="the address --site was built for, http://127.0.0.1:PORT/")
    args = parser.parse_args(argv)
    if args.site:
        figures = measure(args.site, args.base, args.runs)
    else:
        figures = measure_project(ROOT, Path(tempfile.mkdtemp(prefix="playbook-search-")) / "site", args.runs)
    width = max(len(name) for name, _ in rows(figures))
    for name, value in rows(figures):
        print(f"{name.ljust(width)}  {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
