#!/usr/bin/env python3
"""Site search figures: the index's size (raw and gzip) and the time to a first result in Chromium.

    python3 scripts/search_bench.py [--runs 3] [--entries 5000]   # builds the project into a temporary folder, serves it

--entries N measures the same site with its index grown to about N entries: each entry's document repeated under
a new address (`<url>-copy-K/`), as scripts/bench.py's scale test repeats the entries' files.

Cold: a fresh browser context (empty cache) opens a page, then the reader's first query loads MiniSearch and
search/index.json, builds the index and lists results. Warm: a later query in the same page. Each is the
median of --runs. scripts/bench.py prints the same rows in its table (`measure`).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import shutil
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
    body = (site / "search" / "body.json").read_bytes()
    engine = b"".join((site / "assets" / name).read_bytes() for name in ("vendor/minisearch.js", "search.js", "search-box.js"))
    return {"raw_kb": len(raw) / 1024, "gzip_kb": len(gzip.compress(raw, 6)) / 1024, "docs": raw.count(b'"url":'),
            "body_kb": len(body) / 1024, "body_gzip_kb": len(gzip.compress(body, 6)) / 1024,
            "code_gzip_kb": len(gzip.compress(engine, 6)) / 1024}


ENTRY_KINDS = ("situation", "tactic", "model", "checklist", "prompt")
"""The kinds scripts/bench.py multiplies for its scale test."""


def grow_index(site: Path, entries: int) -> int:
    """Rewrite site/search/index.json with about `entries` entries (copies of the entry kinds); returns the count."""
    path, body_path = site / "search" / "index.json", site / "search" / "body.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    body = json.loads(body_path.read_text(encoding="utf-8"))
    docs, texts = data["docs"], body["text"]
    copies = [i for i, d in enumerate(docs) if d["kind"] in ENTRY_KINDS]
    count = sum(1 for d in docs if "#" not in d["url"] and d["kind"] not in ("page", "index", "about"))
    k = 2
    while count + len(copies) <= entries:
        docs += [{**docs[i], "url": docs[i]["url"].rstrip("/") + f"-copy-{k}/"} for i in copies]
        texts += [texts[i] for i in copies]
        count += len(copies)
        k += 1
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    body_path.write_text(json.dumps(body, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return count


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
            page.wait_for_selector("[data-pb-search-complete]", state="attached", timeout=120_000)  # body text in
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


def measure_project(project: Path, site: Path, runs: int = 3, entries: int | None = None) -> dict[str, float]:
    """Build `project` into `site` for a free 127.0.0.1 port (its index grown to `entries`), then measure it there."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    base = f"http://127.0.0.1:{port}/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PLAYBOOK_SITE_URL": base}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)], cwd=project, env=env, check=True)
    if entries:
        print(f"index grown to {grow_index(site, entries)} entries")
    return measure(site, base, runs)


def rows(figures: dict[str, float]) -> list[tuple[str, str]]:
    return [
        ("Search index (search/index.json)", f"{figures['raw_kb']:.0f} KB raw, {figures['gzip_kb']:.0f} KB gzip, "
                                             f"{figures['docs']:.0f} documents; loaded on first use only"),
        ("Search body text (search/body.json, after the first result)",
         f"{figures['body_kb']:.0f} KB raw, {figures['body_gzip_kb']:.0f} KB gzip"),
        ("Search code (MiniSearch + search.js + search-box.js), gzip", f"{figures['code_gzip_kb']:.0f} KB"),
        ("First result, first use (cold cache: load, index, query)", f"{figures['cold_ms']:.0f} ms"),
        ("First result, later query", f"{figures['warm_ms']:.0f} ms"),
    ]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--site", type=Path, help="a site already built for --base (skips the build)")
    parser.add_argument("--base", help="the address --site was built for, http://127.0.0.1:PORT/")
    parser.add_argument("--entries", type=int, help="grow the index to about this many entries first (a copy of --site)")
    args = parser.parse_args(argv)
    if args.entries and args.site:
        copy = Path(tempfile.mkdtemp(prefix="playbook-search-")) / "site"
        shutil.copytree(args.site, copy)
        print(f"index grown to {grow_index(copy, args.entries)} entries")
        args.site = copy
    if args.site:
        figures = measure(args.site, args.base, args.runs)
    else:
        site = Path(tempfile.mkdtemp(prefix="playbook-search-")) / "site"
        figures = measure_project(ROOT, site, args.runs, args.entries)
    width = max(len(name) for name, _ in rows(figures))
    for name, value in rows(figures):
        print(f"{name.ljust(width)}  {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
