"""The sentences readers see: the text of every data entry and vocabulary term, and the hand-written docs pages
(except the pages for authors and maintainers). The source-talk check reads these."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from playbook.index.book import Playbook
from playbook.quality.source_talk import sentences

NOT_SHOWN_AS_TEXT = frozenset({
    "title", "label", "source", "locator", "quote", "to", "rel", "tags", "aliases", "url", "authors", "published_in",
    "evidence", "also_called", "asked_as", "type", "year", "competencies", "archetypes", "fits", "unverified", "scales",
})
"""Fields that are names, references, bibliography or search phrases, or (evidence) never rendered: not prose."""

FOR_AUTHORS = ("contributing.md", "api.md", "about/")
"""Docs pages written for authors and maintainers, where talk about sources and authoring belongs."""

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_NOT_TEXT = re.compile(r"```.*?```|\{\{.*?\}\}|\{%.*?%\}|<[^>]+>|\{ ?[#.][^}]*\}|^!!! \w+ ", re.S | re.M)


@dataclass(frozen=True)
class Sentence:
    where: str
    text: str


def _texts(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in NOT_SHOWN_AS_TEXT:
                yield from _texts(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _texts(item)


def entry_sentences(book: Playbook) -> Iterator[Sentence]:
    """Every sentence of every entry and vocabulary term, as its page shows it."""
    for record in book.records.values():
        for text in _texts(record.doc.model_dump()):
            for sentence in sentences(text):
                yield Sentence(record.shown_as, sentence)
    for name, terms in (("tags", book.tags), ("competencies", book.competencies), ("archetypes", book.archetypes)):
        for term_id, term in terms.items():
            for text in _texts(term.model_dump()):
                for sentence in sentences(text):
                    yield Sentence(f"data/{name}.yml: {term_id}", sentence)


def reader_docs(docs: Path) -> list[Path]:
    """The hand-written reader pages: every docs page except those for authors."""
    return [p for p in sorted(docs.rglob("*.md")) if not p.relative_to(docs).as_posix().startswith(FOR_AUTHORS)]


def page_sentences(page: Path, root: Path) -> Iterator[Sentence]:
    """The sentences of a hand-written page: its Markdown without front matter, macro calls, HTML and code."""
    text = _NOT_TEXT.sub(" ", _FRONT_MATTER.sub("", page.read_text(encoding="utf-8")))
    for sentence in sentences(text):
        yield Sentence(page.relative_to(root).as_posix(), sentence)
