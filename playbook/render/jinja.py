"""The Jinja environment of our templates (all markup lives in `playbook/render/templates/`).

Templates receive typed records and the index. Data text is never compiled as a template: it reaches
HTML only through the presenter (`present.py`), as the filters `md` (paragraphs), `md_inline` (a line),
`plain` (text for attributes and JSON) and `md_escape` (a title inside page Markdown).

One `Templates` object lives as long as its owner (the MkDocs plugin, for a whole `mkdocs serve`), so
templates are compiled once and recompiled only when their file changes.
"""

from __future__ import annotations

import html
import re
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context
from jinja2.runtime import Context
from markdown.extensions.toc import slugify
from markupsafe import Markup

from playbook.contract.kinds import KINDS
from playbook.render import present as presenter
from playbook.render.diagrams import layout
from playbook.render.living import Living, long_date
from playbook.render.present import href, md_escape, url_path

TEMPLATES = Path(__file__).parent / "templates"
_MARKDOWN_ONLY = frozenset({"contract.md.j2", "fields.md.j2"})
"""Templates of maintainer pages built from our own code (field tables, YAML examples): not autoescaped,
since their output is Markdown and code blocks. Every other template escapes every value it inserts."""

__all__ = ["TEMPLATES", "Templates", "href", "url_path"]


@pass_context
def _md(ctx: Context, text: str, here: str | None = None) -> Markup:
    return presenter.present(ctx["book"], text, here or ctx["here"])


@pass_context
def _md_inline(ctx: Context, text: str, here: str | None = None) -> Markup:
    return presenter.present(ctx["book"], text, here or ctx["here"], inline=True)


@pass_context
def _plain(ctx: Context, text: str) -> str:
    return presenter.plain(ctx["book"], text)


def _text(text: str) -> Markup:
    """Text escaped as Python-Markdown escapes it (&, < and >; quotes kept): headings read as Markdown would give them."""
    return Markup(html.escape(text, quote=False))


def _slug(text: str) -> str:
    """A heading's id as Markdown's toc extension makes it from the heading's text."""
    return slugify(text, "-")


@dataclass
class SetAside:
    """HTML blocks of one hand-written page kept out of the Markdown pass: Python-Markdown would parse a large
    block of HTML (the print pack, Find your move, the tags) only to give it back as it was. The page's Markdown holds
    a placeholder comment for each block, and `restore` puts the blocks back into the HTML Markdown made (the MkDocs
    plugin, on_page_content). Data text cannot hold a comment (no raw HTML): only our templates make placeholders."""

    token: str = field(default_factory=lambda: f"pb-aside-{secrets.token_hex(6)}")
    blocks: list[str] = field(default_factory=list)

    def put(self, block: str) -> str:
        self.blocks.append(block)
        return f"\n\n<!--{self.token}:{len(self.blocks) - 1}-->\n\n"

    def restore(self, page_html: str) -> str:
        if not self.blocks:
            return page_html
        return re.sub(rf"<!--{self.token}:(\d+)-->", lambda m: self.blocks[int(m.group(1))], page_html)


class Templates:
    """Our templates, compiled on first use and again only when their file changes."""

    aside: SetAside | None = None
    """Set by the MkDocs plugin while a hand-written page's macros run: `block` sets their HTML aside."""

    def __init__(self, folder: Path = TEMPLATES) -> None:
        self.folder = folder
        self.env = Environment(
            loader=FileSystemLoader(folder),
            undefined=StrictUndefined,
            autoescape=lambda name: name not in _MARKDOWN_ONLY,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            auto_reload=True,
        )
        self.env.filters.update(href=href, url_path=url_path, md=_md, md_inline=_md_inline, plain=_plain, md_escape=md_escape,
                                slug=_slug, text=_text, block=self.block, long_date=long_date)
        self.env.globals.update(KINDS=KINDS, layout=layout)
        self.living = Living()

    @property
    def living(self) -> Living:
        """Freshness and news from the git history (playbook/render/living.py): the templates' global `living`."""
        return cast("Living", self.env.globals["living"])  # set only through the setter below

    @living.setter
    def living(self, living: Living) -> None:
        self.env.globals["living"] = living

    def render(self, template: str, **context: Any) -> str:
        return self.env.get_template(template).render(**context)

    def block(self, html_block: str) -> Markup:
        """A block of finished HTML inside a page's Markdown: set aside while a plugin collects it, else as it is."""
        return Markup(self.aside.put(str(html_block)) if self.aside is not None else html_block)

    def stamp(self) -> tuple[tuple[str, int], ...]:
        """The templates with their modification times: changes when one is edited."""
        return tuple(sorted((p.name, p.stat().st_mtime_ns) for p in self.folder.rglob("*.j2")))
