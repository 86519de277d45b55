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


# Issue 21: remarks about defects of our copies of the sources (a broken link in them, a section they
# point to that we lack, scraping or encoding debris) are for maintainers, never for reader pages.
SOURCE_DEFECTS = re.compile(
    r"broken (?:google |search[- ])?redirect|search[- ]redirect link|section[^.]{0,20}we do not have|that we do not have"
    r"|picked up in scraping|garbled|credit(?:s)? only \"?StaffEng|notes for authors", re.IGNORECASE)


def _data_prose() -> list[tuple[str, str]]:
    import yaml

    def walk(value):
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            for v in value.values():
                yield from walk(v)
        elif isinstance(value, list):
            for v in value:
                yield from walk(v)

    out = []
    for path in sorted((ROOT / "data").rglob("*.yml")):
        if "schemas" in path.parts:
            continue
        out += [(str(path.relative_to(ROOT)), text) for text in walk(yaml.safe_load(path.read_text(encoding="utf-8")))]
    return out


def test_reader_text_never_describes_defects_of_our_source_copies():
    hits = [f"{where}: {SOURCE_DEFECTS.search(text).group(0)}" for where, text in _data_prose() if SOURCE_DEFECTS.search(text)]
    pages = [p for p in sorted((ROOT / "docs").rglob("*.md")) if p.name != "contributing.md"]
    hits += [f"{p.relative_to(ROOT)}: {SOURCE_DEFECTS.search(p.read_text(encoding='utf-8')).group(0)}"
             for p in pages if SOURCE_DEFECTS.search(p.read_text(encoding="utf-8"))]
    assert hits == []


def test_the_defect_check_catches_the_old_notes():
    assert SOURCE_DEFECTS.search("link to the archetypes through a broken Google redirect and credit only \"StaffEng.com\"")
    assert SOURCE_DEFECTS.search("ask for STAR+ narratives but point to an earlier section we do not have")
    assert not SOURCE_DEFECTS.search("a renamed entry keeps its old URL as a redirect")
