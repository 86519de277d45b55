"""The text presenter: its quick path for plain text and emphasis gives exactly what Markdown gives, and
whatever the text, the HTML holds only the allowed elements."""

from __future__ import annotations

import html.parser
import itertools
from collections.abc import Iterator

import markdown
import nh3
import pytest

from playbook.contract.models import INLINE_REF
from playbook.contract.record import texts_of
from playbook.render import present


def _markdown_reference(book, text: str, here: str, converter: markdown.Markdown | None = None) -> str:
    converter = (converter or markdown.Markdown()).reset()
    source = INLINE_REF.sub(lambda m: present._md_link(book, m, here), text.strip())
    html = converter.convert(source)
    return nh3.clean(html, tags=present.TAGS, attributes=dict(present.ATTRIBUTES), url_schemes=present.SCHEMES, link_rel=None)


@pytest.mark.content
def test_the_quick_path_matches_markdown_on_every_text_of_the_playbook(book):
    differ = []
    for record in book.records.values():
        for _, text in texts_of(record.doc):
            ours = present._render(book, text, record.src_uri, False)
            if ours.replace("\n", " ") != _markdown_reference(book, text, record.src_uri).replace("\n", " "):
                differ.append(f"{record.ref}: {text[:60]!r}")
    assert differ == []


@pytest.mark.parametrize("text", [
    "2 * 3 * 4 is not emphasis", "*a* and *b*", "**bold** then *em*", "`code *not em*` here", "a `x` b",
    "snake_case_name stays", "x*y*z", "* not a list start", "Risk & reward < 3 \"quoted\" 'single'",
    "Line one\nline *two*", "First paragraph.\n\nSecond *one*.",
])
def test_edge_cases_match_markdown(book, text):
    here = "models/x.md"
    assert present._render(book, text, here, False).replace("\n", " ") == _markdown_reference(book, text, here).replace("\n", " ")


def test_references_become_relative_links_and_markup_stays_text(book):
    record = next(iter(book.records.values()))
    html = present.present(book, f"See [[{record.ref}]] and &#60;script&#62;", "models/x.md")
    assert f'<a href="../../{record.ref}/">' in html and "<script" not in html


class _Nesting(html.parser.HTMLParser):
    """Records whether every element closes in the order it opened."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.crossed = False

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag not in ("br", "hr"):
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open.pop() != tag:
            self.crossed = True


def _well_nested(markup: str) -> bool:
    parser = _Nesting()
    parser.feed(markup)
    parser.close()
    return not parser.crossed and not parser.open


TOKENS = ("*", "**", "`", "a", " ", "[[{ref}|label*]]", "\n", "&amp;", "<", "[[{ref}|label]]", "[[{ref}|a &amp; b]]", "[[{ref}]]")
"""Markup, entities and references; the first six are combined four at a time, all of them three at a time."""


def _combinations(ref: str) -> Iterator[str]:
    tokens = [token.format(ref=ref) for token in TOKENS]
    for length in (1, 2, 3):
        yield from map("".join, itertools.product(tokens, repeat=length))
    yield from map("".join, itertools.product(tokens[:6], repeat=4))


def test_markup_and_references_in_every_combination_give_well_nested_html_as_markdown_does(book):
    """`*`, `**`, `` ` ``, entities and references, in every order: the presenter's HTML is well-nested (never
    <em><a></em></a>), and its quick path gives what full Markdown gives (nothing escaped twice)."""
    converter = markdown.Markdown()
    crossed, differ, count = [], [], 0
    for text in _combinations(sorted(book.records)[0]):
        if not text.strip():
            continue
        count += 1
        ours = present._render(book, text, "models/x.md", False)
        if not _well_nested(ours):
            crossed.append(f"{text!r} -> {ours}")
        if ours.replace("\n", " ") != _markdown_reference(book, text, "models/x.md", converter).replace("\n", " "):
            differ.append(f"{text!r} -> {ours}")
    assert count > 3_000
    assert crossed == []
    assert differ == []


def test_a_reference_label_is_escaped_once_and_emphasis_never_crosses_a_link(book):
    record = book.records[sorted(book.records)[0]]
    link = f'<a href="{present.url_path(record, "models/x.md")}">'
    assert present._render(book, f"[[{record.ref}|a &amp; b]] & c", "models/x.md", True) == f"{link}a &amp; b</a> &amp; c"
    assert present._render(book, f"[[{record.ref}|a < b]]", "models/x.md", True) == f"{link}a &lt; b</a>"
    assert present._render(book, f"*a [[{record.ref}|label*]]", "models/x.md", True) == f"*a {link}label*</a>"
