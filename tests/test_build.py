"""The built site: a page, a backlink section and an export row for every entry; no outside requests."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from playbook.contract.names import redirect_target
from playbook.pipeline import load_playbook
from playbook.render.export import Export
from playbook.render.pages import generate_pages, published_urls, read_manifest
from scripts.project_copy import copy_project

from .conftest import ROOT, Built

MANIFEST = ROOT / "tests" / "published_urls.txt"


def test_every_entry_has_its_page_with_backlinks(built_site: Built, book):
    for record in book.records.values():
        page = built_site.site / record.url / "index.html"
        assert page.exists(), f"no page for {record.ref} at /{record.url}"
        html = page.read_text(encoding="utf-8")
        section = 'id="cited-by"' if record.kind.name == "source" else 'id="referenced-by"'
        assert section in html, f"{record.ref}: no backlink section"


def test_export_has_every_entry_and_follows_its_schema(built_site: Built, book):
    raw = (built_site.site / "api" / "playbook.json").read_text(encoding="utf-8")
    export = Export.model_validate_json(raw)
    rows = {(e.kind, e.id): e for e in export.entries}
    assert len(rows) == len(book.records)
    for record in book.records.values():
        row = rows[(record.kind.name, record.id)]
        assert row.path == f"/{record.url}" and row.title == record.title
        assert len(row.references) >= len(getattr(record.doc, "related", ()))
    schema = json.loads((built_site.site / "api" / "playbook.schema.json").read_text())
    assert set(schema["properties"]) == {"version", "site_url", "tags", "entries"}


REQUEST_ATTRS = re.compile(r"""<(?:script|img|iframe|source|audio|video)\b[^>]*\bsrc=["']?(https?:)?//""", re.I)
FETCHING_RELS = "stylesheet|preload|prefetch|preconnect|dns-prefetch|icon|modulepreload"
LINK_REQUEST = re.compile(rf"""<link\b(?=[^>]*\brel=["']?(?:{FETCHING_RELS}))[^>]*\bhref=["']?(?:https?:)?//""", re.I)
CSS_REQUEST = re.compile(r"""(?:@import|url\()\s*["']?(?:https?:)?//""", re.I)


def test_no_request_to_an_outside_host(built_site: Built):
    offenders = []
    for path in built_site.site.rglob("*"):
        if path.suffix == ".html":
            text = path.read_text(encoding="utf-8")
            if REQUEST_ATTRS.search(text) or LINK_REQUEST.search(text):
                offenders.append(path.relative_to(built_site.site).as_posix())
        elif path.suffix in (".css", ".js") and CSS_REQUEST.search(path.read_text(encoding="utf-8", errors="replace")):
            offenders.append(path.relative_to(built_site.site).as_posix())
    assert offenders == []


def test_redirect_pages_for_former_ids(built_site: Built, book):
    assert book.redirects, "at least one entry should carry an alias, so the redirect path is exercised"
    for old, record in book.redirects.items():
        html = (built_site.site / old / "index.html").read_text(encoding="utf-8")
        target = redirect_target(old, record.kind.dir, record.id)
        assert f'http-equiv="refresh" content="0; url={target}"' in html
        assert f'href="{target}"' in html


def test_published_urls_never_disappear(built_site: Built):
    """The manifest lists every URL ever published; each must still be served (a page or a redirect)."""
    manifest = read_manifest(MANIFEST)
    missing = [url for url in manifest if not (built_site.site / url.lstrip("/") / "index.html").exists()
               and not (built_site.site / url.lstrip("/")).is_file()]
    assert missing == [], "published URLs vanished; add the old id to `aliases` of the entry that replaced it"
    new = sorted(set(published_urls(ROOT / "docs", generate_pages(load_playbook(ROOT)))) - set(manifest))
    assert new == [], "new pages: add them to tests/published_urls.txt with `playbook urls --write`"


@pytest.mark.build
def test_bad_data_fails_the_build_with_clear_errors(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    target = next((project / "data" / "models").glob("*.yml"))
    text = target.read_text()
    target.write_text(text.replace("\nsummary:", "\nsumary:", 1))
    (project / "data" / "tactics" / "empty.yml").write_text("")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "out")],
        cwd=project, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    rel = target.relative_to(project).as_posix()
    assert f"{rel}:3: sumary: unknown field 'sumary' (did you mean 'summary'?)" in output
    assert "data/tactics/empty.yml:1: the file is empty" in output
    assert not (tmp_path / "out" / "index.html").exists(), "no half-built site"


class _Markup(HTMLParser):
    """Every element with its attributes, and whether it sits inside the page's article (our content)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # inside <article> when > 0
        self.found: list[tuple[str, dict[str, str], bool]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self.depth += 1
        self.found.append((tag, {name: value or "" for name, value in attrs}, self.depth > 0))

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.depth -= 1


URL_ATTRS = ("href", "src", "action", "formaction", "xlink:href", "poster")
FOREIGN_TAGS = ("script", "iframe", "object", "embed", "img", "link")
SAFE_URL = re.compile(r"(?:https?:|mailto:|[./#?]|[a-z0-9_-]+(?:[./#?]|$))", re.I)


def test_every_page_carries_no_script_handler_or_unsafe_link(built_site: Built):
    """The allow-list, checked on the output: whatever the data said, no page has an event handler, a script
    or frame in its content, a style, or a link that is not http(s), mailto or within the site."""
    problems = []
    for path in built_site.site.rglob("*.html"):
        parser = _Markup()
        parser.feed(path.read_text(encoding="utf-8"))
        for tag, attrs, in_article in parser.found:
            data_block = tag == "script" and attrs.get("type") == "application/json"
            for name, value in attrs.items():
                handler = name.startswith("on") or name == "srcdoc"
                unsafe_link = name in URL_ATTRS and value and not SAFE_URL.match(value)
                foreign = in_article and (tag in FOREIGN_TAGS or name in ("style", "srcset")) and not data_block
                if handler or unsafe_link or foreign:
                    problems.append(f"{path.relative_to(built_site.site)}: <{tag} {name}={value[:40]!r}>")
    assert problems == []
