#!/usr/bin/env python3
"""Benchmark: build time against a plain Material build of the same pages, scaling to 2,000 entries,
live reload, and the bytes a reader downloads. Prints a table and writes docs/about/benchmark.md.

    python3 scripts/dev.py bench            # full run (about 6 minutes on 2 cores)
    python3 scripts/dev.py bench --quick    # one run per build, no 2,000-entry scale
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from macros.pages import PAGES_DIR
from macros.pipeline import load_playbook
from scripts.project_copy import copy_project
from scripts.search_bench import measure_project as measure_search
from scripts.search_bench import rows as search_rows

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = [sys.executable, "-m", "mkdocs"]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
MULTIPLIED_KINDS = ("models", "tactics", "situations", "checklists", "prompts")


@dataclass
class Build:
    seconds: float
    peak_mb: float


def timed_build(project: Path, out: Path, extra_env: dict[str, str] | None = None) -> Build:
    """One cold `mkdocs build` in a child process (no site, no generated pages left from an earlier build, as
    in a fresh clone); wall time and the child's peak memory."""
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(project / PAGES_DIR, ignore_errors=True)
    probe = (
        "import resource, subprocess, sys, time; t = time.perf_counter(); "
        "r = subprocess.run(sys.argv[1:], capture_output=True); "
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, r.returncode); "
        "sys.stderr.write(r.stderr.decode()[-3000:] if r.returncode else '')"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, *MKDOCS, "build", "-q", "-d", str(out)],
        cwd=project, env={**ENV, **(extra_env or {})}, capture_output=True, text=True,
    )
    seconds, rss_kb, code = result.stdout.split()
    if code != "0":
        raise SystemExit(f"build failed in {project}:\n{result.stderr}")
    return Build(float(seconds), int(rss_kb) / 1024)


def paired_builds(ours: Path, peer: Path, out: Path, runs: int) -> tuple[Build, Build]:
    """Builds of both projects, alternating, so that drift in the machine's speed hits both alike; medians."""
    pairs = [(timed_build(ours, out / "ours"), timed_build(peer, out / "peer")) for _ in range(runs)]
    return tuple(  # type: ignore[return-value]
        Build(statistics.median(p[i].seconds for p in pairs), max(p[i].peak_mb for p in pairs)) for i in (0, 1)
    )




def multiply(project: Path, factor: int) -> int:
    """Add factor-1 copies of each model, tactic, situation, checklist and prompt (ids suffixed -copy-N)."""
    for kind in MULTIPLIED_KINDS:
        for path in sorted((project / "data" / kind).glob("*.yml")):
            text = path.read_text(encoding="utf-8")
            text = re.sub(r"^aliases:.*\n", "", text, flags=re.M)
            for n in range(2, factor + 1):
                (path.parent / f"{path.stem}-copy-{n}.yml").write_text(text, encoding="utf-8")
    return sum(1 for k in project.glob("data/*/*.yml") if k.parent.name != "schemas")


def peer_project(project: Path, work: Path) -> Path:
    """The same pages as plain Markdown files (hand-written pages after their macros ran, and the generated
    pages), in a Material project with neither the playbook plugin nor mkdocs-macros."""
    dump = work / "dump"
    timed_build(project, work / "dump-site", {"PLAYBOOK_DUMP_MARKDOWN": str(dump)})
    peer = work / "peer"
    shutil.copytree(project / "docs", peer / "docs", ignore=shutil.ignore_patterns("*.md"))
    shutil.copytree(dump, peer / "docs", dirs_exist_ok=True)
    shutil.copytree(project / PAGES_DIR, peer / "docs", dirs_exist_ok=True)
    shutil.copytree(project / "overrides", peer / "overrides")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"  - macros:.*\n(?:      .*\n)+", "", config)
    config = re.sub(r"  - playbook .*\n", "", config)
    config = re.sub(r"^watch:\n(?:  - .*\n)+", "", config, flags=re.M)
    config = re.sub(r"^strict: true$", "strict: false", config, flags=re.M)
    (peer / "mkdocs.yml").write_text(config, encoding="utf-8")
    return peer


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return ""


def live_reload(project: Path, runs: int) -> float:
    """Seconds from saving a YAML file to the change being served both on its page and on a page that links
    to it, with the README's serve command (`mkdocs serve --dirty`, strict as mkdocs.yml says)."""
    port = free_port()
    cmd = [*MKDOCS, "serve", "--dev-addr", f"127.0.0.1:{port}", "--livereload", "--dirty"]
    server = subprocess.Popen(cmd, cwd=project, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    book = load_playbook(project)
    record = book.get("tactics/pre-mortem")
    linking = next(r for r in book.records.values() if any(link.to == record.ref for link in getattr(r.doc, "related", ())))
    target = record.path
    urls = [f"http://127.0.0.1:{port}/{record.url}", f"http://127.0.0.1:{port}/{linking.url}"]
    original = target.read_text(encoding="utf-8")
    samples = []
    try:
        deadline = time.time() + 600
        while record.title not in fetch(urls[0]):
            if time.time() > deadline:
                raise SystemExit("mkdocs serve did not start")
            time.sleep(0.5)
        time.sleep(2)
        for i in range(runs):
            marker = f"Marker{i}x{time.time_ns()}"
            start = time.perf_counter()
            target.write_text(original.replace("\ntitle: ", f"\ntitle: {marker} ", 1), encoding="utf-8")
            while not all(marker in fetch(url) for url in urls):
                if time.perf_counter() - start > 300:
                    raise SystemExit("the edit never showed on both pages")
                time.sleep(0.05)
            samples.append(time.perf_counter() - start)
            time.sleep(2)
    finally:
        target.write_text(original, encoding="utf-8")
        server.terminate()
        server.wait(timeout=30)
    return statistics.median(samples)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def transfer(project: Path, site: Path) -> dict[str, float]:
    """Gzipped bytes of a first page view and of an instant-navigation page change, in Chromium.

    The site is built for the address it is served at: instant navigation only works under site_url."""
    from playwright.sync_api import sync_playwright

    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    timed_build(project, site, {"PLAYBOOK_SITE_URL": base})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    sizes: dict[str, int] = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page()

            def record(response) -> None:
                with contextlib.suppress(Exception):  # redirects and aborted requests have no body
                    sizes[response.url] = len(gzip.compress(response.body(), 6))

            page.on("response", record)
            page.goto(base + "models/conger-persuasion/")
            page.wait_for_load_state("networkidle")
            first = sum(sizes.values())
            sizes.clear()
            page.evaluate("window.pbSameDocument = true")
            page.locator("a[href$='tactics/straw-man-design/']").first.click()
            page.wait_for_function("location.pathname.endsWith('/tactics/straw-man-design/')")
            page.wait_for_load_state("networkidle")
            change = sum(sizes.values())
            instant = page.evaluate("window.pbSameDocument === true")  # survives only an instant (XHR) page change
            browser.close()
    finally:
        httpd.shutdown()
    if not instant:
        raise SystemExit("the page change was a full load: instant navigation did not engage")
    return {"first_kb": first / 1024, "change_kb": change / 1024}


def search_index(site: Path, entries: int) -> dict[str, float]:
    raw = (site / "search" / "index.json").read_bytes()  # the site search's own index (macros/search.py)
    return {"kb_per_entry": len(raw) / 1024 / entries, "gz_kb_per_entry": len(gzip.compress(raw, 6)) / 1024 / entries,
            "total_kb": len(raw) / 1024}


def verdict(value: float, limit: float) -> str:
    return "met" if value <= limit else "NOT MET"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="one run per build and no 2,000-entry scale")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--factor", type=int, default=16,
                        help="copies of each model, tactic, situation, checklist and prompt (16: about 2,000 entries)")
    args = parser.parse_args(argv)
    runs = 1 if args.quick else args.runs
    rows: list[tuple[str, str, str, str]] = []
    work = Path(tempfile.mkdtemp(prefix="playbook-bench-"))
    try:
        real = copy_project(work / "real")
        entries = sum(1 for k in real.glob("data/*/*.yml") if k.parent.name != "schemas")
        ours, peer = paired_builds(real, peer_project(real, work / "peer-real"), work / "paired", runs)
        ratio = ours.seconds / peer.seconds
        rows += [
            ("Cold build, real playbook", f"{entries} entries: {ours.seconds:.2f} s, {ours.peak_mb:.0f} MB peak", "", f"median of {runs}"),
            ("Peer: same pages as plain Markdown, Material without macros", f"{peer.seconds:.2f} s, {peer.peak_mb:.0f} MB peak", "", ""),
            ("Ours / peer", f"{ratio:.2f}", "≤ 1.05", verdict(ratio, 1.05)),
        ]
        sizes = transfer(real, work / "site")
        index = search_index(work / "site", entries)
        rows += [
            ("First page view, gzip", f"{sizes['first_kb']:.0f} KB", "≤ 110 KB", verdict(sizes["first_kb"], 110)),
            ("Instant-navigation page change, gzip", f"{sizes['change_kb']:.0f} KB", "≤ 40 KB", verdict(sizes["change_kb"], 40)),
            ("Search index per entry", f"{index['kb_per_entry']:.1f} KB ({index['gz_kb_per_entry']:.2f} KB gzip)", "",
             f"{index['total_kb']:.0f} KB in all"),
        ]
        rows += [(name, value, "", "median of 3, Chromium") for name, value in search_rows(measure_search(real, work / "search-site"))]
        reload_real = live_reload(real, 3 if not args.quick else 1)
        rows.append(("Edit → its page and a page linking to it, real size (`dev.py serve`)", f"{reload_real:.2f} s", "≤ 1 s",
                     verdict(reload_real, 1)))
        if not args.quick:
            large = copy_project(work / "large")
            large_entries = multiply(large, args.factor)
            big, big_peer = paired_builds(large, peer_project(large, work / "peer-large"), work / "paired-large", 3)
            growth = big.seconds / ours.seconds
            entry_growth = large_entries / entries
            rows += [
                (f"Cold build, {large_entries} entries", f"{big.seconds:.1f} s, {big.peak_mb:.0f} MB peak", "", ""),
                (f"Scaling: {entry_growth:.1f}× entries", f"{growth:.1f}× time", f"≤ {entry_growth * 1.1:.1f}×",
                 verdict(growth, entry_growth * 1.1)),
                (f"Peer at {large_entries} entries", f"{big_peer.seconds:.1f} s", "", ""),
                ("Ours / peer at that size", f"{big.seconds / big_peer.seconds:.2f}", "≤ 1.05",
                 verdict(big.seconds / big_peer.seconds, 1.05)),
            ]
            reload_large = live_reload(large, 2)
            rows.append((f"Edit → both pages, {large_entries} entries (`dev.py serve`)", f"{reload_large:.2f} s", "≤ 3 s",
                         verdict(reload_large, 3)))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    table = ["| Measure | Result | Target | Note |", "| --- | --- | --- | --- |", *(f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows)]
    print("\n".join(table))
    write_page(table, quick=args.quick)
    return 0


def write_page(table: list[str], quick: bool) -> None:
    machine = f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    when = time.strftime("%Y-%m-%d")
    page = ROOT / "docs" / "about" / "benchmark.md"
    page.parent.mkdir(exist_ok=True)
    template = (ROOT / "scripts" / "benchmark_page.md").read_text(encoding="utf-8")
    page.write_text(template.replace("@TABLE@", "\n".join(table)).replace("@MACHINE@", machine).replace("@DATE@", when)
                    .replace("@MODE@", "quick run" if quick else "full run"), encoding="utf-8")
    print(f"wrote {page.relative_to(ROOT)}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
