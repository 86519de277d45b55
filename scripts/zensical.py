#!/usr/bin/env python3
"""Build the playbook with Zensical (Material for MkDocs' successor) and time it beside MkDocs.

    python3 scripts/dev.py zensical            # build with Zensical into .cache/zensical/site, export included
    python3 scripts/dev.py zensical --runs 3   # also time MkDocs and Zensical alternately, 3 builds each

Zensical runs no MkDocs plugin, so the generated pages (entries, kind indexes, redirects) are written first
(`playbook pages`) into a throwaway copy of the project, merged into its docs/, and the JSON export is written
after the build (`macros.export.write_export`, as the MkDocs plugin does). Zensical lives in its own virtual
environment (.cache/zensical/venv), never in the project's lock.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from playbook.contract.urls import DEFAULT_SITE_URL
from playbook.pipeline import load_playbook
from playbook.render.export import write_export
from playbook.render.pages import generate_pages, write_pages
from scripts.project_copy import copy_project

ROOT = Path(__file__).resolve().parent.parent
# 0.0.73 is the newest release that installs from PyPI: 0.0.74 and every 0.1.x require `zensical-ui`,
# which PyPI does not serve (404 on its project page, seen 2026-11-29).
ZENSICAL = "zensical==0.0.73"
HOME = ROOT / ".cache" / "zensical"
VENV = HOME / "venv"
SITE_URL = DEFAULT_SITE_URL


def ensure_venv() -> Path:
    """A throwaway venv with the locked packages (the macros module needs them) plus Zensical."""
    lock = ROOT / "requirements.lock"
    digest = hashlib.sha256(lock.read_bytes() + ZENSICAL.encode()).hexdigest()
    stamp = VENV / ".installed"
    pip = [str(VENV / "bin" / "python"), "-m", "pip", "install", "--quiet"]
    if not (stamp.exists() and stamp.read_text() == digest):
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(VENV)], check=True)
        subprocess.run([*pip, "--require-hashes", "-r", str(lock)], check=True)
        subprocess.run([*pip, "--no-deps", "--no-build-isolation", "-e", str(ROOT)], check=True)
        subprocess.run([*pip, ZENSICAL], check=True)
        stamp.write_text(digest)
    return VENV / "bin" / "zensical"


def prepare(dest: Path) -> Path:
    """A copy of the project whose docs/ also holds the generated pages (written beside it, then merged:
    `playbook pages --out docs` would remove the hand-written pages, since it makes a folder hold exactly them)."""
    copy_project(dest)
    pages = dest / ".generated"
    write_pages(generate_pages(load_playbook(dest)), pages)
    shutil.copytree(pages, dest / "docs", dirs_exist_ok=True)
    shutil.rmtree(pages)
    return dest


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


def zensical_build(zensical: Path, project: Path, site_url: str) -> Timer:
    """`zensical build --clean` in `project`, then the JSON export."""
    env = {**os.environ, "PLAYBOOK_SITE_URL": site_url}
    with Timer() as timer:
        subprocess.run([str(zensical), "build", "--clean"], check=True, cwd=project, env=env)
        write_export(load_playbook(project), project / "site", site_url)
    return timer


def mkdocs_build(project: Path, site_url: str) -> Timer:
    """`mkdocs build --strict` in `project` (the playbook plugin writes the pages and the export)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PLAYBOOK_SITE_URL": site_url}
    with Timer() as timer:
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "--quiet", "-d",
                        str(project / "site-mkdocs")], check=True, cwd=project, env=env)
    return timer


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=0, help="time this many builds of each, alternately")
    parser.add_argument("--out", type=Path, default=HOME / "site", help="where to leave Zensical's site")
    parser.add_argument("--site-url", default=SITE_URL)
    args = parser.parse_args(argv)
    zensical = ensure_venv()
    version = subprocess.run([str(zensical), "--version"], capture_output=True, text=True).stdout.strip()
    with tempfile.TemporaryDirectory(prefix="zensical-") as tmp:
        zproject = prepare(Path(tmp) / "zensical")
        first = zensical_build(zensical, zproject, args.site_url)
        pages = sum(1 for _ in (zproject / "site").rglob("*.html"))
        print(f"Zensical {version}: {pages} pages and api/playbook.json in {first.wall:.1f} s ({first.cpu:.1f} s CPU)")
        if args.out.exists():
            shutil.rmtree(args.out)
        shutil.copytree(zproject / "site", args.out)
        print(f"site: {args.out}")
        if args.runs:
            mproject = Path(tmp) / "mkdocs"
            copy_project(mproject)
            mkdocs_build(mproject, args.site_url)  # warm-up: caches, .pyc
            times: dict[str, list[Timer]] = {"mkdocs": [], "zensical": []}
            for _ in range(args.runs):
                times["mkdocs"].append(mkdocs_build(mproject, args.site_url))
                times["zensical"].append(zensical_build(zensical, zproject, args.site_url))
            for name, runs in times.items():
                wall, cpu = [t.wall for t in runs], [t.cpu for t in runs]
                print(f"{name:9s} median {statistics.median(wall):5.1f} s wall, {statistics.median(cpu):5.1f} s CPU"
                      f"  (wall: {', '.join(f'{t:.1f}' for t in wall)}; CPU: {', '.join(f'{t:.1f}' for t in cpu)})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
