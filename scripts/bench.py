#!/usr/bin/env python3
"""Benchmark: build time against the same pages written by hand (a plain Material build), cold and warm, at the
real size and at about 2,500 entries; live reload; the bytes a reader downloads; 5,000 entries (check, build, memory).
Prints a table and writes docs/about/benchmark.md.

    python3 scripts/dev.py bench            # full run (about 15 minutes on 2 cores)
    python3 scripts/dev.py bench --quick    # one pair of runs per build, no large sizes

Cold: a new process, no generated pages, no site folder and no Python byte-code of the project's own code (as in a
fresh clone); warm: the same build again right after. Ours and the peer are built alternately, the same way; each
figure is the median CPU time (user + system) of the build process, with its wall time and the machine's load.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import json
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

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from playbook.contract.kinds import KINDS
from playbook.pipeline import load_playbook
from scripts.project_copy import copy_project
from scripts.search_bench import measure_project as measure_search
from scripts.search_bench import rows as search_rows

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = [sys.executable, "-m", "mkdocs"]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
MULTIPLIED_KINDS = ("models", "tactics", "situations", "checklists", "prompts")


@dataclass
class Build:
    cpu: float  # user + system seconds of the build process
    seconds: float  # wall time
    peak_mb: float


def make_cold(project: Path, out: Path) -> None:
    """What a fresh clone has not: a site, generated pages, byte-code of the project's own Python code."""
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(project / ".cache", ignore_errors=True)
    for cache in list(project.rglob("__pycache__")):
        shutil.rmtree(cache, ignore_errors=True)


def timed_run(cmd: list[str], project: Path, extra_env: dict[str, str] | None = None) -> Build:
    """`cmd` in a child process: its CPU time, wall time and peak memory."""
    probe = (
        "import resource, subprocess, sys, time; t = time.perf_counter(); "
        "r = subprocess.run(sys.argv[1:], capture_output=True); u = resource.getrusage(resource.RUSAGE_CHILDREN); "
        "print(time.perf_counter() - t, u.ru_utime + u.ru_stime, u.ru_maxrss, r.returncode); "
        "sys.stderr.write(r.stderr.decode()[-3000:] if r.returncode else '')"
    )
    result = subprocess.run([sys.executable, "-c", probe, *cmd], cwd=project, env={**ENV, **(extra_env or {})},
                            capture_output=True, text=True)
    seconds, cpu, rss_kb, code = result.stdout.split()
    if code != "0":
        raise SystemExit(f"{' '.join(cmd)} failed in {project}:\n{result.stderr}")
    return Build(float(cpu), float(seconds), int(rss_kb) / 1024)


def timed_build(project: Path, out: Path, extra_env: dict[str, str] | None = None, cold: bool = True) -> Build:
    """One `mkdocs build` in a new process; cold unless `cold` is false (then whatever the last build left)."""
    if cold:
        make_cold(project, out)
    return timed_run([*MKDOCS, "build", "-q", "-d", str(out)], project, extra_env)


@dataclass
class Pair:
    ours: Build
    peer: Build
    load: tuple[float, float, float]

    @property
    def ratio(self) -> float:
        return self.ours.cpu / self.peer.cpu


def paired_builds(ours: Path, peer: Path, out: Path, runs: int) -> tuple[Pair, Pair]:
    """Cold then warm builds of both projects, alternating so that drift in the machine's speed hits both alike;
    medians. Returns (cold, warm)."""
    cold: list[tuple[Build, Build]] = []
    warm: list[tuple[Build, Build]] = []
    for _ in range(runs):
        pair = []
        for project, name in ((ours, "ours"), (peer, "peer")):
            first = timed_build(project, out / name)
            again = timed_build(project, out / name, cold=False)
            pair.append((first, again))
        cold.append((pair[0][0], pair[1][0]))
        warm.append((pair[0][1], pair[1][1]))
    load = os.getloadavg()
    return _median(cold, load), _median(warm, load)


def _median(pairs: list[tuple[Build, Build]], load: tuple[float, float, float]) -> Pair:
    def med(i: int) -> Build:
        return Build(statistics.median(p[i].cpu for p in pairs), statistics.median(p[i].seconds for p in pairs),
                     max(p[i].peak_mb for p in pairs))
    return Pair(med(0), med(1), load)




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
    generated = work / "generated"
    subprocess.run([sys.executable, "-m", "playbook.cli", "pages", "--out", str(generated)], cwd=project, check=True,
                   capture_output=True)
    for page in generated.rglob("*.md"):  # front matter as a person writes it: block YAML
        meta, body = page.read_text(encoding="utf-8").removeprefix("---\n").split("\n---\n", 1)
        front = yaml.safe_dump(json.loads(meta), allow_unicode=True, sort_keys=False, width=1000)
        (peer / "docs" / page.relative_to(generated)).parent.mkdir(parents=True, exist_ok=True)
        (peer / "docs" / page.relative_to(generated)).write_text(f"---\n{front}---\n{body}", encoding="utf-8")
    shutil.copytree(project / "overrides", peer / "overrides")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"  - macros:.*\n(?:      .*\n)+", "", config)
    config = re.sub(r"  - playbook .*\n", "", config)
    config = re.sub(r"^watch:.*\n(?:  - .*\n)+", "", config, flags=re.M)
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
    """Seconds from saving a YAML file to the change being served on every page that shows it: a checklist's title on
    its page, on a page that links to it, on the checklists index and on the print pack (a hand-written page whose
    macro lists every checklist), with the README's serve command (`mkdocs serve --dirty`, strict as mkdocs.yml says)."""
    port = free_port()
    cmd = [*MKDOCS, "serve", "--dev-addr", f"127.0.0.1:{port}", "--livereload", "--dirty"]
    server = subprocess.Popen(cmd, cwd=project, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    book = load_playbook(project)
    examples = {kind.example for kind in KINDS}  # the data contract shows those files whole: an edit there rebuilds it too
    record, linking = next((c, r) for c in book.of_kind("checklists") if c.ref not in examples for r in book.records.values()
                           if any(link.to == c.ref for link in getattr(r.doc, "related", ())))
    target = record.path
    base = f"http://127.0.0.1:{port}/"
    urls = [base + record.url, base + linking.url, base + "checklists/", base + "checklists/print/"]
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
    raw = b"".join((site / "search" / name).read_bytes() for name in ("index.json", "body.json"))  # the site search's own
    return {"kb_per_entry": len(raw) / 1024 / entries, "gz_kb_per_entry": len(gzip.compress(raw, 6)) / 1024 / entries,
            "total_kb": len(raw) / 1024}


def verdict(value: float, limit: float) -> str:
    return "met" if value <= limit else "NOT MET"


def factor_for(project: Path, entries: int) -> int:
    """How many copies of each multiplied kind give about `entries` entries in all."""
    multiplied = sum(1 for k in MULTIPLIED_KINDS for _ in (project / "data" / k).glob("*.yml"))
    fixed = sum(1 for k in project.glob("data/*/*.yml") if k.parent.name != "schemas") - multiplied
    return max(1, round((entries - fixed) / multiplied))


def build_rows(label: str, entries: int, cold: Pair, warm: Pair, runs: int) -> list[tuple[str, str, str, str]]:
    def line(b: Build) -> str:
        return f"{b.cpu:.2f} s CPU ({b.seconds:.2f} s wall), {b.peak_mb:.0f} MB peak"
    note = f"median of {runs}; load average {cold.load[0]:.1f}"
    return [
        (f"Cold build, {label} ({entries} entries): ours", line(cold.ours), "", note),
        (f"Cold build, {label}: peer (same pages by hand)", line(cold.peer), "", ""),
        (f"Cold, {label}: ours / peer (CPU)", f"{cold.ratio:.2f}", "≤ 1.00 (aim 0.85)", verdict(cold.ratio, 1.00)),
        (f"Warm build, {label}: ours / peer (CPU)", f"{warm.ratio:.2f} ({warm.ours.cpu:.2f} s / {warm.peer.cpu:.2f} s)", "",
         "the same build again, right after"),
    ]


def scale_rows(work: Path, factor: int) -> list[tuple[str, str, str, str]]:
    """About 5,000 entries: `playbook check`, and a cold build of ours and of its peer, with peak memory."""
    big = copy_project(work / "huge")
    entries = multiply(big, factor)
    make_cold(big, work / "huge-site")
    check = timed_run([sys.executable, "-m", "playbook.cli", "check"], big)
    ours = timed_build(big, work / "huge-site")
    peer = timed_build(peer_project(big, work / "peer-huge"), work / "huge-peer-site")
    memory = ours.peak_mb / peer.peak_mb

    def line(b: Build) -> str:
        return f"{b.cpu:.1f} s CPU ({b.seconds:.1f} s wall), {b.peak_mb:.0f} MB peak"
    return [
        (f"{entries} entries: `playbook check`", line(check), "", ""),
        (f"{entries} entries: cold build, ours", line(ours), "", f"{ours.peak_mb * 1024 / entries:.0f} KB of peak memory per entry"),
        (f"{entries} entries: cold build, peer", line(peer), "", ""),
        (f"{entries} entries: peak memory, ours / peer", f"{memory:.2f}", "≤ 1.20", verdict(memory, 1.20)),
    ]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="one pair of runs per build and no large sizes")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--large", type=int, default=2500, help="entries of the large playbook (default 2,500)")
    parser.add_argument("--huge", type=int, default=5000, help="entries of the scale test (default 5,000)")
    args = parser.parse_args(argv)
    runs = 1 if args.quick else args.runs
    rows: list[tuple[str, str, str, str]] = []
    work = Path(tempfile.mkdtemp(prefix="playbook-bench-"))
    try:
        real = copy_project(work / "real")
        entries = sum(1 for k in real.glob("data/*/*.yml") if k.parent.name != "schemas")
        cold, warm = paired_builds(real, peer_project(real, work / "peer-real"), work / "paired", runs)
        rows += build_rows("real size", entries, cold, warm, runs)
        sizes = transfer(real, work / "site")
        index = search_index(work / "site", entries)
        rows += [
            ("First page view, gzip", f"{sizes['first_kb']:.0f} KB", "≤ 100 KB", verdict(sizes["first_kb"], 100)),
            ("Instant-navigation page change, gzip", f"{sizes['change_kb']:.0f} KB", "≤ 40 KB", verdict(sizes["change_kb"], 40)),
            ("Search index per entry", f"{index['kb_per_entry']:.1f} KB ({index['gz_kb_per_entry']:.2f} KB gzip)", "",
             f"{index['total_kb']:.0f} KB in all"),
        ]
        rows += [(name, value, "", "median of 3, Chromium") for name, value in search_rows(measure_search(real, work / "search-site"))]
        reload_real = live_reload(real, 5 if not args.quick else 2)
        rows.append(("Edit → every page showing it (its page, a backlink, its index, the print pack), real size", f"{reload_real:.2f} s",
                     "≤ 0.5 s (aim 0.3)", verdict(reload_real, 0.5)))
        if not args.quick:
            large = copy_project(work / "large")
            large_entries = multiply(large, factor_for(large, args.large))
            big_cold, big_warm = paired_builds(large, peer_project(large, work / "peer-large"), work / "paired-large", runs)
            rows += build_rows("large", large_entries, big_cold, big_warm, runs)
            reload_large = live_reload(large, 3)
            rows.append((f"Edit → every page showing it, {large_entries} entries", f"{reload_large:.2f} s", "≤ 1.0 s",
                         verdict(reload_large, 1.0)))
            huge_factor = factor_for(real, args.huge)
            shutil.rmtree(large, ignore_errors=True)
            rows += scale_rows(work, huge_factor)
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
