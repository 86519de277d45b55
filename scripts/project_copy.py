"""A throwaway copy of the project (configuration, pages, macros, the playbook package, overrides, data), for the benchmark
and for tests that break or grow the data on purpose."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARTS = ("mkdocs.yml", "docs", "macros", "playbook", "overrides", "data")
IGNORE = shutil.ignore_patterns(".venv", "site", ".git", "__pycache__", "*.egg-info", ".pytest_cache")


def copy_project(dest: Path) -> Path:
    for part in PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=IGNORE)
        else:
            dest.mkdir(parents=True, exist_ok=True)
            shutil.copy(src, dest / part)
    return dest
