"""The words of data/synonyms.yml checked as the search box reads them, so one rule cannot capture the site.

A reader word that is a function word ("how", "the", "to", "my") or shorter than three letters is in almost every
query: a rule for it sends nearly every search to the same pages. A site word that no entry uses leads nowhere.
Words are split and stemmed as docs/assets/search.js splits and stems them (lower case, accents dropped, "can't" is
"can not", a light English stemmer), so "deadlines" on a page knows the site word "deadline".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator

from playbook.contract.models import Synonyms
from playbook.contract.record import Record
from playbook.load.yaml_source import YamlDocument
from playbook.problems import field_name

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


def words(text: str) -> list[str]:
    """Text -> lower-case words, as the search box splits them (accents dropped, "can't" -> "can not")."""
    t = unicodedata.normalize("NFKD", text)
    t = "".join(c for c in t if not unicodedata.combining(c)).lower().replace("\u2019", "'").replace("\u2018", "'")
    t = re.sub(r"\bcan't\b|\bcannot\b", "can not", t)
    t = re.sub(r"\bwon't\b", "will not", t)
    t = re.sub(r"n't\b", " not", t)
    t = re.sub(r"'(s|re|ve|ll|d|m)\b", "", t)
    return [w for w in re.split(r"[^a-z0-9]+", t) if w]


def stem(w: str) -> str:
    """The search box's light English stemmer (docs/assets/search.js, stem1), without its irregular verbs."""
    if len(w) <= 3 or re.search(r"[0-9]", w):
        return w
    s = w
    if s.endswith("ies") and len(s) > 4:
        s = s[:-3] + "y"
    elif s.endswith("sses") or re.search(r"(ch|sh|x)es$", s):
        s = s[:-2]
    elif re.search(r"[^su]s$", s) and not re.search(r"(is|us|ss)$", s):
        s = s[:-1]
    if s.endswith("ied") and len(s) > 4:
        s = s[:-3] + "y"
    elif s.endswith("ing") and len(s) > 5:
        s = _undouble(s[:-3])
    elif s.endswith("ed") and len(s) > 4 and not s.endswith("eed"):
        s = _undouble(s[:-2])
    if s.endswith("ational"):
        s = s[:-5] + "e"
    elif s.endswith("ation") and len(s) > 6:
        s = s[:-3] + "e"
    elif re.search(r"ments?$", s) and len(s) > 7:
        s = re.sub(r"ments?$", "", s)
    elif s.endswith("ly") and len(s) > 5:
        s = s[:-2]
    if re.search(r"[^e]e$", s) and len(s) > 3:
        s = s[:-1]
    if s.endswith("y") and len(s) > 4:
        s = s[:-1] + "i"
    return s


def _undouble(w: str) -> str:
    return w[:-1] if re.search(r"([bdfgmnprt])\1$", w) else w


def reader_problem(text: str) -> str | None:
    """Why a reader word or phrase would capture most queries, or None."""
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


def _strings(value: object) -> Iterator[str]:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, (list, tuple)):
            stack.extend(item)


def unknown_site_words(wanted: Iterable[str], records: Iterable[Record], vocabulary_text: Iterable[str]) -> set[str]:
    """The stems of `wanted` that no entry or vocabulary uses (each text is read only until every stem is found)."""
    missing = set(wanted)
    texts = (text for record in records for text in _strings(record.doc.model_dump(mode="json")))
    for text in (*vocabulary_text, *texts) if missing else ():
        missing -= {stem(w) for w in words(text)}
        if not missing:
            break
    return missing


def check_synonyms(doc: YamlDocument, synonyms: Synonyms, records: Iterable[Record], vocabulary_text: Iterable[str]) -> None:
    """Add to `doc.problems` every reader word that would capture most queries and every site word no page uses."""
    for loc, text in [(("phrases", i), p) for i, p in enumerate(synonyms.phrases)] + [
            (("synonyms", r, "reader", i), w) for r, rule in enumerate(synonyms.synonyms) for i, w in enumerate(rule.reader)]:
        message = reader_problem(text)
        if message:
            doc.problem(loc, field_name(loc), message)
    site = [(("synonyms", r, "site", i), w) for r, rule in enumerate(synonyms.synonyms) for i, w in enumerate(rule.site)]
    missing = unknown_site_words({stem(w) for _, text in site for w in words(text) if w not in FUNCTION_WORDS},
                                 records, vocabulary_text)
    for loc, text in site:
        unknown = [w for w in words(text) if w not in FUNCTION_WORDS and stem(w) in missing]
        if unknown:
            doc.problem(loc, field_name(loc), f"'{unknown[0]}' is used by no entry: a site word must be one the pages use")
