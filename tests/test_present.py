"""The text presenter: its quick path for plain text and emphasis gives exactly what Markdown gives, and
whatever the text, the HTML holds only the allowed elements."""

from __future__ import annotations

import markdown
import nh3
import pytest

from playbook.contract.models import INLINE_REF
from playbook.index.book import _texts
from playbook.render import present


def _markdown_reference(book, text: str, here: str) -> str:
    converter = markdown.Markdown()
    source = INLINE_REF.sub(lambda m: present._md_link(book, m, here), text.strip())
    html = converter.convert(source)
    return nh3.clean(html, tags=present.TAGS, attributes=dict(present.ATTRIBUTES), url_schemes=present.SCHEMES, link_rel=None)


def test_the_quick_path_matches_markdown_on_every_text_of_the_playbook(book):
    differ = []
    for record in book.records.values():
        for _, text in _texts(record.doc):
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
