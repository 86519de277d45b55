"""The one text presenter: every data text reaches HTML through `present` (entry pages, index pages,
the print pack, meta descriptions and the JSON payloads of the interview tools).

Data text is Markdown with `[[kind/id|label]]` references. Here it is rendered once per build with
our own Markdown instance (no attribute lists, no raw HTML), its references resolved to relative
links, and the HTML passed through an allow-list sanitiser (nh3, the Rust `ammonia`): whatever got
past validation still cannot carry a script, an event handler, a style or an outside resource.
"""

from __future__ import annotations

import html
import re
from types import MappingProxyType
from typing import TYPE_CHECKING

import markdown
import nh3
from markupsafe import Markup

from playbook.contract import urls
from playbook.contract.models import INLINE_REF

if TYPE_CHECKING:
    from playbook.contract.record import Record
    from playbook.index.book import Playbook

TAGS = frozenset({"p", "a", "em", "strong", "code", "pre", "ul", "ol", "li", "blockquote", "br", "hr"})
ATTRIBUTES = MappingProxyType({"a": frozenset({"href"})})
SCHEMES = frozenset({"http", "https", "mailto"})
_PLAIN = re.compile(r"[*_`<>&\\!\[\]#|]|^\s*(?:[-+>]|\d+[.)])\s|\n\s*\n", re.MULTILINE)
_MARKERS = re.compile(r"(\*\*|__|\*|`)")
_SIMPLE = re.compile(r"[_<>&\\!\[\]#|]|^\s*(?:[-+*>]|\d+[.)])\s|\n\s*\n|^[ \t]*(?:[-*_=+][ \t]*)+$| {2,}\n", re.MULTILINE)
"""What only full Markdown handles: text without it holds at most *emphasis*, **strong** and `code` spans (a line of
only `*`, `-` or `=` is a rule or a heading underline, two spaces before a newline a line break)."""
_CODE = re.compile(r"`(?=[^`\s])([^`\n]*?[^`\s])`")
_STRONG = re.compile(r"(?<!\*)\*\*(?=\S)([^*]+?)(?<=\S)\*\*(?!\*)")
_EM = re.compile(r"(?<!\*)\*(?=\S)([^*]+?)(?<=\S)\*(?!\*)")
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


def href(target: Record | str, here: str) -> str:
    """Relative Markdown link from the page `here` (a docs path such as models/x.md) to a record or docs path."""
    return urls.href(target if isinstance(target, str) else target.src_uri, here)


def url_path(target: Record | str, here: str) -> str:
    """Relative *URL* (for HTML, which MkDocs does not rewrite) from the page `here`."""
    return urls.url_path(target if isinstance(target, str) else target.src_uri, here)


def _url_dir(here: str) -> str:
    """The folder of the page's URL: texts presented for pages in one folder are presented alike."""
    return urls.page_url(here).rstrip("/") or "."


def md_escape(text: str) -> Markup:
    """A line of data text as literal Markdown (a title in a heading): no markup or attribute list survives."""
    return Markup(_MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False)))


def present(book: Playbook, text: str, here: str, *, inline: bool = False) -> Markup:
    """Data text as safe HTML for the page `here`; `inline` drops the paragraph around a single paragraph."""
    key = (text, _url_dir(here), inline)
    cached = book.rendered.get(key)
    if cached is None:  # rendering reads the referenced entries from the index (a page being recorded notes them)
        refs = tuple(match.group(1) for match in INLINE_REF.finditer(text))
        cached = book.rendered[key] = (_render(book, text, here, inline), refs)
    elif book.log is not None:  # presented before: the page shows these entries' titles and addresses all the same
        for ref in cached[1]:
            book.get(ref)
    return Markup(cached[0])


def _render(book: Playbook, text: str, here: str, inline: bool) -> str:
    text = text.strip()
    if _quick(text):
        # Most texts hold no Markdown beyond emphasis: escaped text, our own links and <em>/<strong>/<code>,
        # nothing for a sanitiser to remove. (Full Markdown costs a hundred times more per text.)
        out = _escaped_with_links(book, text, here)
        if "*" in out or "`" in out:
            out = _EM.sub(r"<em>\1</em>", _STRONG.sub(r"<strong>\1</strong>", _CODE.sub(r"<code>\1</code>", out)))
        if "*" not in out and "`" not in out:  # every marker paired: else Markdown's rules for odd runs decide
            return out if inline else f"<p>{out}</p>"
    source = INLINE_REF.sub(lambda m: _md_link(book, m, here), text)
    if book.markdown is None:
        book.markdown = markdown.Markdown(extensions=[], output_format="html")
    book.markdown.reset()
    out = book.markdown.convert(source)
    if inline and out.startswith("<p>") and out.endswith("</p>") and out.count("<p>") == 1:
        out = out[3:-4]
    return nh3.clean(out, tags=TAGS, attributes=dict(ATTRIBUTES), url_schemes=SCHEMES, link_rel=None)


def _quick(text: str) -> bool:
    """True when the quick path gives what Markdown gives: no Markdown beyond emphasis and code (in the text or a
    reference's label), never code and emphasis together, and never emphasis or code beside a reference (an `*`
    before a reference and one in its label would make <em><a></em></a>)."""
    markup = "*" in text or "`" in text
    if "[[" not in text:
        return not _SIMPLE.search(text) and not ("`" in text and "*" in text)
    labelled = INLINE_REF.sub(lambda m: m.group(2) or "title", text)
    return not markup and not _SIMPLE.search(labelled)


def _escaped_with_links(book: Playbook, text: str, here: str) -> str:
    """The text escaped once, its references links (their labels escaped once, as their own text)."""
    out, start = [], 0
    for match in INLINE_REF.finditer(text):
        out += [html.escape(text[start:match.start()], quote=False), _anchor(book, match, here)]
        start = match.end()
    out.append(html.escape(text[start:], quote=False))
    return "".join(out)


def _md_link(book: Playbook, match: re.Match[str], here: str) -> str:
    record = book.records[match.group(1)]
    return f"[{match.group(2) or md_escape(record.title)}]({url_path(record, here)})"


def _anchor(book: Playbook, match: re.Match[str], here: str) -> str:
    record = book.records[match.group(1)]
    label = html.escape(match.group(2) or record.title, quote=False)
    return f'<a href="{html.escape(url_path(record, here))}">{label}</a>'


def plain(book: Playbook, text: str) -> str:
    """Data text as plain text (meta descriptions, titles in JSON): references become their labels."""
    text = INLINE_REF.sub(lambda m: m.group(2) or book.records[m.group(1)].title, text)
    return " ".join(_MARKERS.sub("", text).split())
