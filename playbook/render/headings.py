"""The headings of a generated page, read back from its HTML: its table of contents and its anchors.

Generated pages are HTML from our templates, so MkDocs need not run Markdown over them. What Markdown's toc
extension would have given MkDocs, we give it from the headings our templates write (`_parts.html.j2`,
macro `heading`): each has an id and the same permalink, so the page, its table of contents, Material's search
sections and anchor validation are what a Markdown build of the same page gives (tests/test_engine.py compares).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from markdown.extensions.toc import nest_toc_tokens, unique

from playbook.render.present import md_escape

if TYPE_CHECKING:
    from markdown.extensions.toc import _FlatTocToken, _TocToken

PERMALINK = '<a class="headerlink" href="#{id}" title="Link to this section">&para;</a>'
_HEADING = re.compile(r'<h([1-6]) id="([^"]*)">(.*?)<a class="headerlink" href="#[^"]*" title="Link to this section">&para;</a></h\1>')
_IDS = re.compile(r'\bid="([^"]*)"')
_TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True)
class Heading:
    level: int
    id: str
    name: str  # the heading's text as Markdown's toc names it: tags dropped, &, < and > escaped

    def token(self) -> dict[str, Any]:
        return {"level": self.level, "id": self.id, "name": self.name, "html": self.name, "data-toc-label": "", "children": []}


def read_headings(body: str) -> tuple[str, tuple[Heading, ...]]:
    """The page with the page title's id made unique (as Markdown's toc does: `title_1` when a section holds the
    title's slug already), and its headings in document order."""
    first = _HEADING.search(body)
    if first and first.group(1) == "1" and (not first.group(2) or body.count(f'id="{first.group(2)}"') > 1):
        wanted = first.group(2)
        new = unique(wanted, set(_IDS.findall(body[: first.start()] + body[first.end():])))
        fixed = first.group(0).replace(f'id="{wanted}"', f'id="{new}"', 1).replace(f'href="#{wanted}"', f'href="#{new}"', 1)
        body = body[: first.start()] + fixed + body[first.end():]
    headings = tuple(
        Heading(int(m.group(1)), html.unescape(m.group(2)), html.escape(html.unescape(_TAG.sub("", m.group(3))), quote=False))
        for m in _HEADING.finditer(body)
    )
    return body, headings


def toc_tokens(headings: tuple[Heading, ...]) -> list[_TocToken]:
    """The nested tokens Markdown's toc extension gives MkDocs (`mkdocs.structure.toc.get_toc` reads them). Each
    carries `html` and `data-toc-label` too, as Markdown's own tokens do (its stubs name only level, id and name)."""
    return nest_toc_tokens(cast("list[_FlatTocToken]", [h.token() for h in headings]))


def anchor_ids(body: str) -> set[str]:
    """Every id in the page: what other pages may link to."""
    return {html.unescape(i) for i in _IDS.findall(body)}


def as_markdown(body: str) -> str:
    """The same page as Markdown a person would write (headings as `## Title { #id }`, blocks that hold a heading
    opened to Markdown): what MkDocs, ProperDocs or Zensical build without our plugin, to the same HTML."""
    def heading(m: re.Match[str]) -> str:
        text = html.unescape(_TAG.sub("", m.group(3)))
        return f"{'#' * int(m.group(1))} {md_escape(text)} {{ #{html.unescape(m.group(2))} }}"

    body = _HEADING.sub(heading, body)
    return body.replace('<div class="pb-links">', '<div class="pb-links" markdown>')

