#!/usr/bin/env python3
"""Build the playbook with Zensical (Material for MkDocs' successor) and time it beside MkDocs.

    python3 scripts/dev.py zensical                # Zensical builds the tree into .cache/zensical/site
    python3 scripts/dev.py zensical --runs 3       # then times MkDocs and Zensical on the tree, alternately, 3 each
    python3 scripts/dev.py zensical --properdocs   # also build the tree with ProperDocs (own venv) and compare

Each build's broken links are counted (broken_links: every relative href and src of every page, anchors included)
with the site served at the root of a host and under /playbook/; any broken link or missing page exits 1.

Zensical runs no MkDocs plugin, so it builds the plugin-free tree that `playbook tree` writes (every page rendered,
the JSON export in docs/api/): .cache/zensical/tree. Zensical lives in its own virtual environment
(.cache/zensical/venv), ProperDocs in another (.cache/properdocs/venv), never in the project's lock. Each is made
once and reused while its stamp (the pinned requirement and the Python version) is unchanged.
"""

from __future__ import annotations

import argparse
import fcntl
import hashlib
import html
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from playbook.cli import tree
from playbook.contract.urls import DEFAULT_SITE_URL
from playbook.render.tree import MARK
from playbook.safe_paths import UnsafePath, inside, lock_file, output_folder, site_folder, venv_folder

ROOT = Path(__file__).resolve().parent.parent
# The newest release that installs from the package index (0.1.2, with zensical-ui 0.0.42; seen 2026-12-07): 0.1.3
# and 0.1.4 pin zensical-ui 0.0.43 and 0.0.44, which the index does not serve.
ZENSICAL = ("zensical==0.1.2",)
# ProperDocs with the Material release of our lock (the theme is not part of ProperDocs).
PROPERDOCS = ("properdocs==1.6.7", "mkdocs-material==9.8.1")
CACHE = ROOT / ".cache"
HOME = CACHE / "zensical"
TREE = HOME / "tree"
INSTALL_TIMEOUT = 600
"""Seconds for making a venv, downloads included: a hung index fails the command instead of hanging it."""


class ToolUnavailable(RuntimeError):
    """A tool's venv could not be made: the message says which command failed and why."""


def ensure_venv(venv: Path, requirements: tuple[str, ...], command: str) -> Path:
    """`venv` with exactly `requirements` from the package index, made once and reused while its stamp holds;
    the path of its `command`. Raises ToolUnavailable with pip's own words when it cannot be made, or when `venv`
    is reached through a symlink (`venv --clear` would empty the folder it points to), checked before its folder or
    lock file is made."""
    try:
        venv_folder(ROOT, venv, "virtual environment")
        venv.parent.mkdir(parents=True, exist_ok=True)
        lock = lock_file(venv.parent / ".venv.lock", "lock file")
    except UnsafePath as err:
        raise ToolUnavailable(str(err)) from None
    try:  # two test workers never make one venv at once
        fcntl.flock(lock, fcntl.LOCK_EX)
        return _ensure_venv(venv, requirements, command)
    finally:
        os.close(lock)


def _ensure_venv(venv: Path, requirements: tuple[str, ...], command: str) -> Path:
    digest = hashlib.sha256("\n".join([sys.version, *requirements]).encode()).hexdigest()
    stamp, program = venv / ".installed", venv / "bin" / command
    if stamp.is_file() and stamp.read_text() == digest and program.exists():
        return program
    steps = [
        [sys.executable, "-m", "venv", "--clear", str(venv)],
        [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--timeout", "30",
         *requirements],
    ]
    deadline = time.monotonic() + INSTALL_TIMEOUT
    for step in steps:
        try:
            done = subprocess.run(step, capture_output=True, text=True, timeout=max(1.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            raise ToolUnavailable(f"{' '.join(step)}: no result after {INSTALL_TIMEOUT} s (is the package index reachable?)") from None
        if done.returncode:
            said = "\n".join(line for line in (done.stdout + done.stderr).splitlines() if not line.startswith("WARNING: Location"))
            raise ToolUnavailable(f"{' '.join(step)} failed (exit {done.returncode}):\n{said[-3000:]}")
    stamp.write_text(digest)
    return program


def zensical() -> Path:
    return ensure_venv(HOME / "venv", ZENSICAL, "zensical")


def properdocs() -> Path:
    return ensure_venv(CACHE / "properdocs" / "venv", PROPERDOCS, "properdocs")


class Timer:
    """Wall-clock seconds and CPU seconds (this process and its children: on a shared machine the CPU time
    is the steadier figure, the wall clock depends on what else runs)."""

    def __enter__(self) -> Timer:
        self.wall0, self.cpu0 = time.perf_counter(), self._cpu()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall, self.cpu = time.perf_counter() - self.wall0, self._cpu() - self.cpu0

    @staticmethod
    def _cpu() -> float:
        child = resource.getrusage(resource.RUSAGE_CHILDREN)
        return time.process_time() + child.ru_utime + child.ru_stime


@dataclass(frozen=True)
class Build:
    site: Path
    timer: Timer
    log: str


def _build(command: list[str], tree_dir: Path, site: Path, quiet: bool) -> Build:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with Timer() as timer:
        done = subprocess.run(command, cwd=tree_dir, env=env, capture_output=quiet, text=True)
    log = (done.stdout or "") + (done.stderr or "")
    if done.returncode:
        raise subprocess.CalledProcessError(done.returncode, command, log)
    return Build(site, timer, log)


def mkdocs_build(tree_dir: Path, quiet: bool = True) -> Build:
    """`mkdocs build --strict` of the tree (our venv's MkDocs, no plugin of ours) into tree/site-mkdocs."""
    site = tree_dir / "site-mkdocs"
    return _build([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-d", str(site)], tree_dir, site, quiet)


def properdocs_build(program: Path, tree_dir: Path, quiet: bool = True) -> Build:
    """`properdocs build --strict -f mkdocs.yml` of the tree into tree/site-properdocs."""
    site = tree_dir / "site-properdocs"
    return _build([str(program), "build", "--strict", "--clean", "-f", "mkdocs.yml", "-d", str(site)], tree_dir, site, quiet)


def zensical_build(program: Path, tree_dir: Path, quiet: bool = True) -> Build:
    """`zensical build --clean` of the tree into tree/site (Zensical takes its site_dir from mkdocs.yml). `--clean`
    also empties the .cache/ of the folder it runs in: never run it in the project folder, whose .cache/ holds the
    venvs."""
    return _build([str(program), "build", "--clean"], tree_dir, tree_dir / "site", quiet)


def html_pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


LINK = re.compile(r'<(?:a|area|link|img|script|source|iframe)\b[^>]*?\s(?:href|src)="([^"]*)"', re.S)
ELSEWHERE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.I)
"""A link with a scheme (https:, mailto:, data:…) or to another host: not a page of the site."""
BASES = ("http://127.0.0.1/", "http://127.0.0.1/playbook/")
"""The site served at the root of a host and under a path."""


def broken_links(site: Path, base: str, site_url: str) -> dict[str, list[str]]:
    """Every relative link of every page (href and src of a, area, link, img, script, source, iframe: the theme's
    as well as the article's) that names no file of the site, or no anchor of the page it names, when the site is
    served at `base`, by page. The 404 page, which is served at any depth, links from site_url's path: it is checked
    at that path only."""
    prefix = urlparse(base).path
    anchors: dict[Path, set[str]] = {}
    broken: dict[str, list[str]] = {}
    for rel in sorted(html_pages(site)):
        if rel == "404.html" and urlparse(site_url).path != prefix:
            continue
        page = urljoin(base, rel.removesuffix("index.html"))
        for href in sorted(set(LINK.findall((site / rel).read_text(encoding="utf-8")))):
            href = html.unescape(href)
            if ELSEWHERE.match(href):
                continue
            url = urlparse(urljoin(page, href))
            path = unquote(url.path)
            target = site / path.removeprefix(prefix)
            target = target / "index.html" if path.endswith("/") else target
            if not path.startswith(prefix) or not target.is_file():
                broken.setdefault(rel, []).append(f"{href} (no such file)")
            elif url.fragment and target.suffix == ".html":
                if target not in anchors:
                    anchors[target] = set(re.findall(r'\b(?:id|name)="([^"]+)"', target.read_text(encoding="utf-8")))
                if url.fragment not in anchors[target]:
                    broken.setdefault(rel, []).append(f"{href} (no such anchor)")
    return broken


def report_links(name: str, site: Path, site_url: str) -> int:
    """Print the broken links of one build at each of BASES (count, pages, the first few); the total."""
    total = 0
    for base in BASES:
        broken = broken_links(site, base, site_url)
        count = sum(map(len, broken.values()))
        total += count
        first = "; ".join(f"{page}: {', '.join(links[:2])}" for page, links in list(broken.items())[:3])
        print(f"{name} served at {urlparse(base).path}: {count} broken links on {len(broken)} pages" + (f" ({first})" if first else ""))
    return total


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=0, help="time this many builds of each, alternately")
    parser.add_argument("--properdocs", action="store_true", help="also build the tree with ProperDocs")
    parser.add_argument("--out", type=Path, default=HOME / "site", help="where to leave Zensical's site")
    parser.add_argument("--site-url", default=os.environ.get("PLAYBOOK_SITE_URL") or DEFAULT_SITE_URL)
    args = parser.parse_args(argv)
    try:  # the same checks as `playbook tree` and the site folder: nothing written or removed through a link
        tree_dir = output_folder(TREE, MARK, "tree folder")
        out = site_folder(ROOT, args.out)
    except UnsafePath as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    try:
        program = zensical()
    except ToolUnavailable as err:
        print(f"error: Zensical cannot be installed: {err}", file=sys.stderr)
        return 1
    version = subprocess.run([str(program), "--version"], capture_output=True, text=True).stdout.strip()
    with Timer() as writing:
        report = tree(ROOT, tree_dir, args.site_url)
    print(f"tree: {TREE} ({len(report.hand_written)} hand-written and {len(report.generated)} generated pages) "
          f"in {writing.wall:.1f} s")
    try:  # the builds clean and write site/, site-mkdocs/, site-properdocs/ in it: no link anywhere in the tree
        inside(ROOT, tree_dir, "tree folder", owned=True)
    except UnsafePath as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    first = zensical_build(program, TREE, quiet=False)
    pages = html_pages(first.site)
    print(f"Zensical {version}: {len(pages)} pages and api/playbook.json in {first.timer.wall:.1f} s ({first.timer.cpu:.1f} s CPU)")
    if out.resolve() != first.site.resolve():
        if out.exists():
            shutil.rmtree(out)
        shutil.copytree(first.site, out)
    print(f"site: {out}")
    mkdocs = mkdocs_build(TREE)
    missing, extra = sorted(html_pages(mkdocs.site) - pages), sorted(pages - html_pages(mkdocs.site))
    print(f"MkDocs (no plugin): {len(html_pages(mkdocs.site))} pages in {mkdocs.timer.wall:.1f} s"
          + (f"; only MkDocs: {missing}" if missing else "") + (f"; only Zensical: {extra}" if extra else ""))
    broken = report_links("Zensical", first.site, args.site_url) + report_links("MkDocs", mkdocs.site, args.site_url)
    if args.properdocs:
        try:
            proper = properdocs_build(properdocs(), TREE)
        except ToolUnavailable as err:
            print(f"error: ProperDocs cannot be installed: {err}", file=sys.stderr)
            return 1
        print(f"ProperDocs: {len(html_pages(proper.site))} pages in {proper.timer.wall:.1f} s"
              f" ({'the same pages as MkDocs' if html_pages(proper.site) == html_pages(mkdocs.site) else 'NOT the same pages'})")
        broken += report_links("ProperDocs", proper.site, args.site_url)
    if args.runs:
        times: dict[str, list[Timer]] = {"mkdocs": [], "zensical": []}
        for _ in range(args.runs):
            times["mkdocs"].append(mkdocs_build(TREE).timer)
            times["zensical"].append(zensical_build(program, TREE).timer)
        for name, runs in times.items():
            wall, cpu = [t.wall for t in runs], [t.cpu for t in runs]
            print(f"{name:9s} median {statistics.median(wall):5.1f} s wall, {statistics.median(cpu):5.1f} s CPU"
                  f"  (wall: {', '.join(f'{t:.1f}' for t in wall)}; CPU: {', '.join(f'{t:.1f}' for t in cpu)})")
    return 0 if not (missing or extra or broken) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
