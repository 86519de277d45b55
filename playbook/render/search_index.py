"""The site search index: written by the build, queried in the browser by docs/assets/search.js (MiniSearch).

Material's own search plugin is off (mkdocs.yml): its lunr index loaded on every page, matched every word as a
prefix in any field, and its query could only be changed by patching Material's worker. This module writes
`search/index.json` instead, one document per page (entries) or per section (hand-written pages):

    url, title, kind, weight, also_called, asked_as, summary, headings; for a section its page's title (page); for an
    entry added in the last 30 days `new`, and the audience tags it carries (`tags`, data/synonyms.yml `audiences`)

and `search/body.json`, each document's body text (`text`), in the same order.

`weight` carries the ranking rule "entries first" (the kinds registry's search_boost for entries, PAGE_WEIGHTS for
other pages; docs/contributing.md#search explains it),
and the file also carries the synonyms and known phrases of data/synonyms.yml, applied at query time.
The text comes from each page's rendered HTML, without scripts, buttons, forms or anything marked
`data-search-exclude`; a page whose front matter says `search: exclude: true` is left out.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from types import MappingProxyType
from typing import Any

from playbook.contract.models import Synonyms
from playbook.contract.record import Record

INDEX_PATH = "search/index.json"
"""Where the index is written in the site (fetched by search.js on first use): every field but the body text."""

BODY_PATH = "search/body.json"
"""The documents' body text, in the order of the index's documents: fetched after the first result (most of the
bytes; search-box.js indexes it in slices), so the first result does not wait for it at any size."""

PAGE_WEIGHTS = MappingProxyType({
    # an entry's weight is its kind's (search_boost in the kinds registry); hand-written and generated pages:
    "page": 0.7,  # guides and tools (interview guides, Find your move, practice)
    "index": 0.3,  # a kind's index lists every title and summary of its kind
    "about": 0.2,  # pages for maintainers: contributing, JSON export, benchmark, Zensical
})
"""Multiplies a document's score (docs/contributing.md#search); shown after the entries unless the query names them."""

ABOUT_PAGES = ("contributing.md", "api.md", "about/")
"""Hand-written pages for maintainers and tool builders (the "About this site" section of the navigation)."""

TEXT_LIMIT = 3000
"""Characters of body text kept per document: the words that matter are near the top; the index stays small."""


LINK_SECTIONS = frozenset({"related", "referenced-by", "sources", "cited-by"})
"""Sections of an entry page that list other entries: their titles would match other readers' problems."""

WORDS_ANCHOR = "words-to-say"
"""The "Words to say" section of situations and tactics (contract: WordsToSay): indexed whole, after the page's text."""


class _Text(HTMLParser):
    """The text of a page's HTML, cut into sections at each h2/h3 that has an id."""

    SKIP = frozenset({"script", "style", "button", "select", "option", "textarea", "svg", "nav", "template"})
    VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "source", "wbr", "area", "col", "embed", "track"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sections: list[dict[str, Any]] = [{"heading": "", "anchor": "", "parts": []}]
        self._stack: list[tuple[str, bool]] = []  # (tag, skipped) of open elements
        self._skipping = 0
        self._heading: dict[str, Any] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.VOID:
            return
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        skip = tag in self.SKIP or "data-search-exclude" in a or "hidden" in a or "headerlink" in classes
        if tag in ("h2", "h3") and not self._skipping and a.get("id"):
            self._heading = {"heading": "", "anchor": a["id"], "parts": [], "level": tag}
        self._stack.append((tag, skip))
        if skip:
            self._skipping += 1
        elif tag in ("p", "li", "td", "th", "dt", "dd", "div", "h1", "h2", "h3", "h4", "blockquote", "summary"):
            self._part(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        while self._stack:
            open_tag, skip = self._stack.pop()
            if skip:
                self._skipping -= 1
            if open_tag == tag:
                break
        if self._heading is not None and tag == self._heading["level"]:
            heading = self._heading
            heading["heading"] = " ".join("".join(heading.pop("parts")).split())
            heading["parts"] = []
            self.sections.append(heading)
            self._heading = None

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self._part(data)

    def _part(self, text: str) -> None:
        target = self._heading if self._heading is not None else self.sections[-1]
        target["parts"].append(text)


NEW_MARK = "data-pb-new"
"""The entry page's freshness line carries this attribute while the entry is new (playbook/render/living.py)."""


def _clean(text: str) -> str:
    return " ".join(text.replace("\u00b6", " ").split())


def sections_of(html: str) -> list[tuple[str, str, str]]:
    """(heading, anchor, text) of each section of the page's HTML; the first has no heading (the text above the
    first h2 or h3)."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    return [(s["heading"], s["anchor"], _clean("".join(s["parts"]))) for s in parser.sections]


def _kind_of_page(src_uri: str) -> str:
    if src_uri.endswith("index.md") and "/" in src_uri:
        return "index"
    if src_uri.startswith(ABOUT_PAGES):
        return "about"
    return "page"


@dataclass
class SearchIndex:
    """The documents of the pages built so far, by page URL (kept across `mkdocs serve` rebuilds)."""

    docs: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def add_page(self, page: Any, html: str, records: Mapping[str, Record]) -> None:
        """Index one rendered page: called from the playbook plugin's `on_page_content`."""
        self.docs.pop(page.url, None)
        meta = page.meta or {}
        found = meta.get("search")
        search: dict[str, Any] = found if isinstance(found, dict) else {}
        if search.get("exclude") or meta.get("template") == "redirect.html":
            return
        src = page.file.src_uri
        record = records.get(src.removesuffix(".md"))
        sections = sections_of(html)
        if record is not None:
            # the text above the first heading repeats the fields; links to other entries name other problems
            kept = [(a, t) for h, a, t in sections if h and a not in LINK_SECTIONS]
            # the words to say are how readers phrase the moment: kept whole, after the other sections' first
            # TEXT_LIMIT characters, so adding them never pushes the rest of the page out of the index
            text = " ".join(t for a, t in kept if a != WORDS_ANCHOR)[:TEXT_LIMIT]
            said = " ".join(t for a, t in kept if a == WORDS_ANCHOR)[:TEXT_LIMIT]
            text = f"{text} {said}" if said else text
            doc = {
                "url": page.url, "title": record.title, "kind": record.kind.name, "weight": record.kind.search_boost,
                "also_called": list(getattr(record.doc, "also_called", ())),
                "asked_as": list(getattr(record.doc, "asked_as", ())), "summary": _plain(record.doc.summary),
                "headings": [], "text": text,
            }
            if NEW_MARK in html:  # an entry added in the last 30 days (templates/freshness.html.j2): the result says "New"
                doc["new"] = True
            self.docs[page.url] = [doc]
            return
        kind = _kind_of_page(src)
        weight = round(PAGE_WEIGHTS[kind] * float(search.get("boost", 1.0)), 3)
        title = page.title or ""
        intro = sections[0][2]
        summary = _plain(str(meta.get("description") or ""))
        asked = [str(a) for a in meta.get("asked_as") or [] if isinstance(a, str)]
        docs = [{"url": page.url, "title": title, "kind": kind, "weight": weight, "also_called": [], "asked_as": asked,
                 "summary": summary,
                 "headings": [h for h, _, _ in sections if h], "text": intro[:TEXT_LIMIT]}]
        for heading, anchor, text in sections[1:]:
            docs.append({"url": f"{page.url}#{anchor}", "title": heading, "page": title, "kind": kind, "weight": weight,
                         "also_called": [], "asked_as": [], "summary": "", "headings": [], "text": text[:TEXT_LIMIT]})
        self.docs[page.url] = docs

    def load(self, site_dir: Path) -> None:
        """After `mkdocs build --dirty` into an existing site: start from the index the last build wrote. An index
        that cannot be read as one (not JSON, wrong shapes: a committed or damaged file) is treated as absent, with
        a one-line warning: every page then adds its documents again as it is built."""
        path, body = site_dir / INDEX_PATH, site_dir / BODY_PATH
        if self.docs or not path.exists():
            return
        try:
            docs, texts = _read_docs(path), _read_texts(body) if body.exists() else []
        except (OSError, ValueError, RecursionError) as err:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
            said = str(err).splitlines()[0] if str(err) else type(err).__name__
            logging.getLogger("mkdocs.plugins.playbook").warning("%s cannot be read (%s): starting the search index afresh", path, said)
            return
        for i, doc in enumerate(docs):
            doc["text"] = texts[i] if i < len(texts) else doc.get("text", "")
            self.docs.setdefault(doc["url"].split("#", 1)[0], []).append(doc)

    def write(self, site_dir: Path, synonyms: Synonyms, records: Mapping[str, Record], built: set[str] | None = None) -> Path:
        """Write search/index.json and search/body.json; `built` (the pages of this build) drops pages that no longer
        exist. An entry's document lists the audience tags (data/synonyms.yml `audiences`) its record carries now,
        so an edit of the tags or of the audiences reaches the index without the page being rendered again."""
        if built is not None:
            for url in [u for u in self.docs if u not in built]:
                del self.docs[url]
        docs = [d for url in sorted(self.docs) for d in self.docs[url]]
        audience, by_url = {a.tag for a in synonyms.audiences}, {r.url: r for r in records.values()}
        for doc in docs:
            record = by_url.get(doc["url"])
            tags = [t for t in record.doc.tags if t in audience] if record is not None else []
            if tags:
                doc["tags"] = tags
            else:
                doc.pop("tags", None)
        path = site_dir / INDEX_PATH
        path.parent.mkdir(parents=True, exist_ok=True)
        light = [{k: v for k, v in d.items() if k != "text"} for d in docs]
        data = {"version": 2, **synonyms.model_dump(), "body": BODY_PATH, "docs": light}
        path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        body = {"version": 2, "text": [d.get("text", "") for d in docs]}
        (site_dir / BODY_PATH).write_text(json.dumps(body, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        return path


_MARKUP = re.compile(r"\[\[[^\]|]+\|([^\]]+)\]\]|\[\[([^\]]+)\]\]|[*_`]+")


def _unmark(match: re.Match[str]) -> str:
    if match.group(1):
        return match.group(1)
    return (match.group(2) or "").rsplit("/", 1)[-1].replace("-", " ")


def _plain(text: str) -> str:
    """Markdown summary -> plain text ([[ref|label]] -> label)."""
    return _MARKUP.sub(_unmark, text)


def _read_docs(path: Path) -> list[dict[str, Any]]:
    """The documents of a search index the last build wrote; ValueError when it is not shaped as one."""
    data = json.loads(path.read_text(encoding="utf-8"))
    docs = data.get("docs") if isinstance(data, dict) else None
    if not isinstance(docs, list) or not all(isinstance(d, dict) and isinstance(d.get("url"), str) for d in docs):
        raise ValueError("not a search index: 'docs' must be a list of documents, each with a 'url'")
    return docs


def _read_texts(path: Path) -> list[str]:
    """The body texts of the last build's index (search/body.json); ValueError when it is not shaped as one."""
    data = json.loads(path.read_text(encoding="utf-8"))
    texts = data.get("text") if isinstance(data, dict) else None
    if not isinstance(texts, list) or not all(isinstance(t, str) for t in texts):
        raise ValueError("not a search body: 'text' must be a list of strings")
    return texts
