"""Reader text names articles by title and author: templates and hand-written reader pages never say
"source 002" or "our copy" (internal file names of the source texts)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INTERNAL = re.compile(r"\bsources? 0\d\d\b|\bour copy\b", re.IGNORECASE)


def reader_files() -> list[Path]:
    files = sorted((ROOT / "playbook" / "render" / "templates").rglob("*.j2"))
    files += sorted((ROOT / "overrides").rglob("*.html"))
    files += [p for p in sorted((ROOT / "docs").rglob("*.md")) if "interview" not in p.relative_to(ROOT / "docs").parts]
    return files


def test_reader_pages_never_name_internal_copies():
    hits = [
        f"{path.relative_to(ROOT)}:{n}: {line.strip()}"
        for path in reader_files()
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if INTERNAL.search(line)
    ]
    assert hits == []


def test_the_check_catches_internal_names():
    assert INTERNAL.search("as source 002 argues") and INTERNAL.search("Our copy shows no date")
    assert not INTERNAL.search("open-source 2024 survey")
