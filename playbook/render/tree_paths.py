"""Where the plugin-free tree puts each page, so that its relative links mean one thing to every builder.

MkDocs leaves a relative link in raw HTML as written, so the browser resolves it against the page's URL; Zensical
(since 0.0.36) resolves it against the Markdown file. With directory URLs, `tactics/x.md` is served at
`tactics/x/`: the two bases differ by a folder, and about 400 links broke. In the tree every page is the `index.md`
of its own folder (`tactics/x.md` becomes `tactics/x/index.md`, same URL), so the folder of the file is the folder
of the URL and a relative link resolves to the same page under MkDocs, ProperDocs and Zensical.

Except where the move would change the navigation: Material (and Zensical) make the first `index.md` among a
section's pages the section's own link (`navigation.indexes`), so a page of the nav stays where it is unless an
index page comes before it in its section (`kept_for_nav`). Its links in raw HTML still differ between the builders
(docs/about/zensical.md says which pages).

The Markdown links of hand-written pages (`[text](../tactics/x.md)`), which every builder resolves against the
file, are rewritten for the page's and the target's new places; code spans and fenced code are left as written.
"""

from __future__ import annotations

import posixpath
import re
from typing import Any

KEPT = frozenset({"index.md", "404.md"})
"""Pages that stay where they are: a folder's index already shares its URL's folder; 404.md is served as 404.html."""

_FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+).+?\1")
_INLINE = re.compile(r"(\]\()(<?)([^)\s>]+)(>?)((?:\s+\"[^\"]*\")?\))")
_REFERENCE = re.compile(r"^( {0,3}\[[^\]]+\]:\s*)(<?)(\S+?)(>?)(\s.*)?$")
_OUTSIDE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|/|#)", re.I)


def kept_for_nav(nav: Any) -> frozenset[str]:
    """The pages of mkdocs.yml's `nav` that would become their section's link as index pages: in a section (or at
    the top), each page before the first index page."""
    kept: set[str] = set()

    def section(items: list[Any]) -> None:
        seen_index = False
        for item in items:
            value = next(iter(item.values())) if isinstance(item, dict) and len(item) == 1 else item
            if isinstance(value, list):
                section(value)
            elif isinstance(value, str) and value.endswith(".md") and not _OUTSIDE.match(value):
                if posixpath.basename(value) in KEPT:
                    seen_index = True
                elif not seen_index:
                    kept.add(value)

    if isinstance(nav, list):
        section(nav)
    return frozenset(kept)


def tree_path(rel: str, kept: frozenset[str] = frozenset()) -> str:
    """Where the tree writes the page `rel` (docs-relative): `x.md` -> `x/index.md`; index pages, 404.md and the
    pages in `kept` (kept_for_nav) stay."""
    if not rel.endswith(".md") or posixpath.basename(rel) in KEPT or rel in kept:
        return rel
    return rel.removesuffix(".md") + "/index.md"


def _relink_target(target: str, rel: str, kept: frozenset[str]) -> str:
    """A link of the page `rel` as the page at tree_path(rel) writes it."""
    if _OUTSIDE.match(target):
        return target
    cut = min((i for i in (target.find("#"), target.find("?")) if i >= 0), default=len(target))
    path, suffix = target[:cut], target[cut:]
    if not path:
        return target
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(rel), path))
    if resolved.endswith(".md"):
        resolved = tree_path(resolved, kept)
    new = posixpath.relpath(resolved, posixpath.dirname(tree_path(rel, kept)) or ".")
    if path.endswith("/") and not new.endswith("/"):
        new += "/"
    return new + suffix


def relink(markdown: str, rel: str, kept: frozenset[str] = frozenset()) -> str:
    """The Markdown of the hand-written page `rel` with its relative Markdown links (inline, images and reference
    definitions) pointing from tree_path(rel) to where the tree puts their targets."""
    if tree_path(rel, kept) == rel and "](" not in markdown and "]:" not in markdown:
        return markdown
    out: list[str] = []
    fence: str | None = None
    for line in markdown.splitlines(keepends=True):
        opened = _FENCE.match(line)
        if fence is not None:
            if opened and opened.group(2)[0] == fence[0] and len(opened.group(2)) >= len(fence):
                fence = None
            out.append(line)
            continue
        if opened:
            fence = opened.group(2)
            out.append(line)
            continue
        out.append(_relink_line(line, rel, kept))
    return "".join(out)


def _relink_line(line: str, rel: str, kept: frozenset[str]) -> str:
    reference = _REFERENCE.match(line.rstrip("\n"))
    if reference:
        head, lt, target, gt, tail = reference.groups()
        return f"{head}{lt}{_relink_target(target, rel, kept)}{gt}{tail or ''}" + ("\n" if line.endswith("\n") else "")
    parts, last = [], 0
    for span in _CODE_SPAN.finditer(line):  # code spans are shown as written
        parts.append(_INLINE.sub(lambda m: _inline(m, rel, kept), line[last:span.start()]))
        parts.append(span.group(0))
        last = span.end()
    parts.append(_INLINE.sub(lambda m: _inline(m, rel, kept), line[last:]))
    return "".join(parts)


def _inline(m: re.Match[str], rel: str, kept: frozenset[str]) -> str:
    return f"{m.group(1)}{m.group(2)}{_relink_target(m.group(3), rel, kept)}{m.group(4)}{m.group(5)}"


def tree_nav(nav: Any, kept: frozenset[str]) -> Any:
    """mkdocs.yml's `nav` with each page at its place in the tree."""
    if isinstance(nav, str):
        return nav if _OUTSIDE.match(nav) else tree_path(nav, kept)
    if isinstance(nav, list):
        return [tree_nav(item, kept) for item in nav]
    if isinstance(nav, dict):
        return {key: tree_nav(value, kept) for key, value in nav.items()}
    return nav


def tree_not_in_nav(patterns: str) -> str:
    """mkdocs.yml's `not_in_nav` with, beside each pattern of pages (`/models/*.md`), the same pages in the tree
    (`/models/*/index.md`)."""
    out = []
    for line in patterns.splitlines():
        out.append(line)
        bare = line.strip()
        if bare.endswith(".md") and not bare.startswith("#") and posixpath.basename(bare) not in KEPT:
            out.append(line.replace(bare, bare.removesuffix(".md") + "/index.md"))
    return "\n".join(out) + "\n"
