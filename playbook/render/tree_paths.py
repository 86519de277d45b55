"""Where the plugin-free tree puts each page, so that its relative links mean one thing to every builder.

MkDocs leaves a relative link in raw HTML as written, so the browser resolves it against the page's URL; Zensical
(since 0.0.36) resolves it against the Markdown file. With directory URLs, `tactics/x.md` is served at
`tactics/x/`: the two bases differ by a folder, and about 400 links broke. In the tree every page is the `index.md`
of its own folder (`tactics/x.md` becomes `tactics/x/index.md`, same URL), so the folder of the file is the folder
of the URL and a relative link resolves to the same page under MkDocs, ProperDocs and Zensical.

Material and Zensical make the first `index.md` among a section's pages the section's own link
(`navigation.indexes`), so moving a page of the navigation that comes before its section's index page would change
the navigation. No page of ours does (every section of mkdocs.yml's `nav` starts with its index page), and the tree
refuses a `nav` where one does (`pages_before_index`) rather than write a page whose links break under Zensical.

The Markdown links of hand-written pages (`[text](../tactics/x.md)`), which every builder resolves against the
file, are rewritten for the page's and the target's new places; code spans and fenced code are left as written.
"""

from __future__ import annotations

import posixpath
import re
from typing import Any

KEPT = frozenset({"index.md", "README.md", "404.md"})
"""Pages that stay where they are: a folder's index already shares its URL's folder (MkDocs serves `README.md` as the
index when there is no `index.md`); 404.md is served as 404.html."""
INDEX_PAGES = frozenset({"index.md", "README.md"})

_FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+).+?\1")
_INLINE = re.compile(r"(\]\()(<?)([^)\s>]+)(>?)((?:\s+\"[^\"]*\")?\))")
_REFERENCE = re.compile(r"^( {0,3}\[[^\]]+\]:\s*)(<?)(\S+?)(>?)(\s.*)?$")
_OUTSIDE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|/|#)", re.I)


def pages_before_index(nav: Any) -> list[tuple[str, str]]:
    """The pages of mkdocs.yml's `nav` that come before their section's first index page (or are in a section without
    one), each with its section's title ("" at the top): as the `index.md` of their folder they would become their
    section's link. The tree refuses them (tree.py)."""
    found: list[tuple[str, str]] = []

    def section(items: list[Any], title: str) -> None:
        seen_index = False
        for item in items:
            name, value = next(iter(item.items())) if isinstance(item, dict) and len(item) == 1 else ("", item)
            if isinstance(value, list):
                section(value, str(name))
            elif isinstance(value, str) and value.endswith(".md") and not _OUTSIDE.match(value):
                if posixpath.basename(value) in INDEX_PAGES:
                    seen_index = True
                elif not seen_index and posixpath.basename(value) not in KEPT:
                    found.append((value, title))

    if isinstance(nav, list):
        section(nav, "")
    return found


def tree_path(rel: str) -> str:
    """Where the tree writes the page `rel` (docs-relative): `x.md` -> `x/index.md`; index pages and 404.md stay."""
    if not rel.endswith(".md") or posixpath.basename(rel) in KEPT:
        return rel
    return rel.removesuffix(".md") + "/index.md"


def _relink_target(target: str, rel: str) -> str:
    """A link of the page `rel` as the page at tree_path(rel) writes it."""
    if _OUTSIDE.match(target):
        return target
    cut = min((i for i in (target.find("#"), target.find("?")) if i >= 0), default=len(target))
    path, suffix = target[:cut], target[cut:]
    if not path:
        return target
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(rel), path))
    if resolved.endswith(".md"):
        resolved = tree_path(resolved)
    new = posixpath.relpath(resolved, posixpath.dirname(tree_path(rel)) or ".")
    if path.endswith("/") and not new.endswith("/"):
        new += "/"
    return new + suffix


def relink(markdown: str, rel: str) -> str:
    """The Markdown of the hand-written page `rel` with its relative Markdown links (inline, images and reference
    definitions) pointing from tree_path(rel) to where the tree puts their targets."""
    if tree_path(rel) == rel and "](" not in markdown and "]:" not in markdown:
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
        out.append(_relink_line(line, rel))
    return "".join(out)


def _relink_line(line: str, rel: str) -> str:
    reference = _REFERENCE.match(line.rstrip("\n"))
    if reference:
        head, lt, target, gt, tail = reference.groups()
        return f"{head}{lt}{_relink_target(target, rel)}{gt}{tail or ''}" + ("\n" if line.endswith("\n") else "")
    parts, last = [], 0
    for span in _CODE_SPAN.finditer(line):  # code spans are shown as written
        parts.append(_INLINE.sub(lambda m: _inline(m, rel), line[last:span.start()]))
        parts.append(span.group(0))
        last = span.end()
    parts.append(_INLINE.sub(lambda m: _inline(m, rel), line[last:]))
    return "".join(parts)


def _inline(m: re.Match[str], rel: str) -> str:
    return f"{m.group(1)}{m.group(2)}{_relink_target(m.group(3), rel)}{m.group(4)}{m.group(5)}"


def tree_nav(nav: Any) -> Any:
    """mkdocs.yml's `nav` with each page at its place in the tree."""
    if isinstance(nav, str):
        return nav if _OUTSIDE.match(nav) else tree_path(nav)
    if isinstance(nav, list):
        return [tree_nav(item) for item in nav]
    if isinstance(nav, dict):
        return {key: tree_nav(value) for key, value in nav.items()}
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
