"""Step 4 of the pipeline: render validated records into page Markdown through Jinja templates.

All markup lives in `macros/templates/`. Templates receive typed records and the index; data
text is inserted as values, never compiled as a template, so `{{ }}` in data stays text.
"""

from __future__ import annotations

import posixpath
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .diagrams import layout
from .index import Playbook
from .kinds import KINDS
from .models import INLINE_REF
from .validation import Record

TEMPLATES = Path(__file__).parent / "templates"


def href(target: Record | str, here: str) -> str:
    """Relative link from the page `here` (a docs path such as models/x.md) to a record or docs path."""
    path = target.src_uri if isinstance(target, Record) else target
    return posixpath.relpath(path, posixpath.dirname(here) or ".")


def url_path(target: Record | str, here: str) -> str:
    """Relative *URL* (for raw HTML, which MkDocs does not rewrite) from the page `here`."""
    path = target.src_uri if isinstance(target, Record) else target
    dest = posixpath.dirname(path) if path.endswith("index.md") else path.removesuffix(".md")
    depth_here = posixpath.dirname(here) if here.endswith("index.md") else here.removesuffix(".md")
    rel = posixpath.relpath(dest or ".", depth_here or ".")
    return "./" if rel == "." else rel + "/"


def linked(text: str, here: str, book: Playbook) -> str:
    """Markdown text with each [[kind/id]] or [[kind/id|label]] turned into a relative link."""

    def link(match: re.Match[str]) -> str:
        record = book.records[match.group(1)]
        return f"[{match.group(2) or record.title}]({href(record, here)})"

    return INLINE_REF.sub(link, text)


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        undefined=StrictUndefined,
        autoescape=lambda name: bool(name) and name.endswith((".html.j2", ".svg.j2")),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=True,
    )
    env.filters["href"] = href
    env.filters["url_path"] = url_path
    env.filters["linked"] = linked
    env.globals.update(KINDS=KINDS, layout=layout)
    return env


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)
