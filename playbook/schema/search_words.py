"""The words of data/synonyms.yml checked as the search box reads them, so one rule cannot capture the site.

A reader word that is a function word ("how", "the", "to", "my") or shorter than three letters is in almost every
query: a rule for it sends nearly every search to the same pages. A site word that no entry uses leads nowhere.
Words are split and stemmed as docs/assets/search.js splits and stems them (lower case, accents dropped, "can't" is
"can not", a light English stemmer), so "deadlines" on a page knows the site word "deadline".
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import Any

from playbook.contract.record import Record
from playbook.contract.search_text import stem, words
from playbook.load.yaml_source import YamlDocument
from playbook.problems import Loc, field_name

_STOP = (
    "a an the of to in on at for with and or but is are was were be been being am i me my mine myself you your yours "
    "we our us it its this that these those do does did done how what which who whom whose about as by from into onto "
    "than then there their them they he she his her him so if just very really also some any can could would should "
    "will shall may might must has have had having get got gets getting thing things stuff someone somebody something "
    "way ways go going doing want wants need needs help handle handling deal dealing lot lots let make sure"
)
FUNCTION_WORDS = frozenset(_STOP.split())
"""The words the search box drops from a query (docs/assets/search.js, STOP): a reader word may not be one."""

MIN_LETTERS = 3
"""A reader word is at least this long, but for the abbreviations below."""

ABBREVIATIONS = frozenset({"vp", "pm", "em", "qa", "hr", "ux", "ui", "ic", "ai", "ml"})
"""Two-letter words readers type for a role or a field: allowed as reader words although short."""


def reader_problem(text: str) -> str | None:
    """Why a reader word or phrase would capture most queries, or can never match one, or None."""
    if text != text.lower():
        return (f"'{text}' has capital letters: the search box lower-cases every query, so it would never match; "
                f"write '{text.lower()}'")
    ws = words(text)
    if not ws:
        return "holds no word the search box reads"
    if all(w in FUNCTION_WORDS for w in ws):
        return (f"'{text}' is made of function words the search box drops: a rule for it would match almost every query; "
                "write the reader's content words")
    if len(ws) == 1 and len(ws[0]) < MIN_LETTERS and ws[0] not in ABBREVIATIONS:
        return (f"'{text}' is shorter than {MIN_LETTERS} letters: it would match inside too many queries "
                f"(two-letter abbreviations allowed: {', '.join(sorted(ABBREVIATIONS))})")
    return None


def unknown_site_words(wanted: Iterable[str], records: Iterable[Record], vocabulary_text: Iterable[str]) -> set[str]:
    """The stems of `wanted` that no entry or vocabulary uses. Each record's stems are computed once (`Record.stems`:
    a record of an unchanged file is the same object in the next build of `mkdocs serve`)."""
    missing = set(wanted)
    for text in vocabulary_text if missing else ():
        missing -= {stem(w) for w in words(text)}
    for record in records if missing else ():
        missing -= record.stems & missing
        if not missing:
            break
    return missing


def _texts(data: Any, loc: Loc) -> list[tuple[Loc, str]]:
    """The strings of the list at `loc` in the raw file, each with its location (any other shape: none)."""
    for key in loc:
        data = data.get(key) if isinstance(data, dict) and isinstance(key, str) else (
            data[key] if isinstance(data, list) and isinstance(key, int) and key < len(data) else None)
    return [((*loc, i), v) for i, v in enumerate(data) if isinstance(v, str)] if isinstance(data, list) else []


def _rules(data: Any) -> range:
    rules = data.get("synonyms") if isinstance(data, dict) else None
    return range(len(rules)) if isinstance(rules, list) else range(0)


def check_synonyms(doc: YamlDocument, records: Iterable[Record], vocabulary_text: Iterable[str],
                   tags: Collection[str] = ()) -> None:
    """Add to `doc.problems` every reader word that would capture most queries or never match one, every site
    word no page uses, and every audience tag data/tags.yml does not define. Reads the raw file, so these come in
    the same run as its shape problems (a word too short for the model), each location once."""
    reported = {problem.field for problem in doc.problems}
    readers = _texts(doc.data, ("phrases",)) + [item for r in _rules(doc.data) for item in _texts(doc.data, ("synonyms", r, "reader"))]
    for loc, text in readers:
        message = reader_problem(text)
        if message and field_name(loc) not in reported:
            doc.problem(loc, field_name(loc), message)
    site = [item for r in _rules(doc.data) for item in _texts(doc.data, ("synonyms", r, "site"))]
    missing = unknown_site_words({stem(w) for _, text in site for w in words(text) if w not in FUNCTION_WORDS},
                                 records, vocabulary_text)
    for loc, text in site:
        unknown = [w for w in words(text) if w not in FUNCTION_WORDS and stem(w) in missing]
        if unknown and field_name(loc) not in reported:
            doc.problem(loc, field_name(loc), f"'{unknown[0]}' is used by no entry: a site word must be one the pages use")
    audiences = doc.data.get("audiences") if isinstance(doc.data, dict) else None
    for i, audience in enumerate(audiences if isinstance(audiences, list) else []):
        tag = audience.get("tag") if isinstance(audience, dict) else None
        loc = ("audiences", i, "tag")
        if isinstance(tag, str) and tag not in tags and field_name(loc) not in reported:
            doc.problem(loc, field_name(loc), f"'{tag}' is not a tag of data/tags.yml: the pages for this reader carry a tag defined there")
