"""The engine on a copy of the project: a throwaway kind added in three places builds; hostile characters in
every text field reach the built HTML as text, in element and attribute contexts alike (checked with a real
HTML parser); and the build leaves its input untouched."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

import pytest

from scripts.project_copy import copy_project

from .conftest import SPICE, SPICED, Built


class _Page(HTMLParser):
    """Text of the article and the attributes of every element, as a browser's parser sees them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.attrs: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.attrs += [(tag, name, value or "") for name, value in attrs]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def test_a_new_kind_needs_its_model_its_template_and_one_registry_line(hostile_site: Path):
    html = (hostile_site / "notes" / "first-note" / "index.html").read_text(encoding="utf-8")
    assert "First note" in html and 'href="../../tactics/straw-man-design/"' in html
    assert "First note" in (hostile_site / "notes" / "index.html").read_text(encoding="utf-8")
    assert "Mentioned by" in (hostile_site / "tactics" / "straw-man-design" / "index.html").read_text(encoding="utf-8")
    home = (hostile_site / "index.html").read_text(encoding="utf-8")
    assert 'href="notes/"' in home, "the new kind's index is in the navigation"


@pytest.mark.parametrize("ref", sorted(SPICED))
def test_special_characters_stay_text_in_every_context(hostile_site: Path, ref: str):
    page = _parse(hostile_site / ref / "index.html")
    text = "".join(page.text)
    assert text.count(SPICE) >= 3, f"{ref}: the spiced texts are not all shown as text"
    description = [v for tag, name, v in page.attrs if tag == "meta" and name == "content" and SPICE in v]
    assert description, f"{ref}: the meta description lost its text"
    for tag, name, value in page.attrs:
        assert not name.startswith("on"), f"{ref}: <{tag} {name}=...>"
        if name in ("href", "src"):
            assert not value.lower().startswith(("javascript:", "data:", "vbscript:")), f"{ref}: {name}={value}"
    assert "<q>" not in text and '"q"' in text


def test_the_build_never_edits_its_input(built_site: Built):
    assert built_site.status_before == built_site.status_after, "the build changed files git tracks or sees"


@pytest.mark.build
def test_an_invalid_edit_keeps_the_built_pages_and_the_build_writes_no_page_files(tmp_path: Path):
    """A data error stops a dirty build before a page is rewritten: the last good pages stay as they were. The
    plugin keeps the generated pages in memory: nothing is written under the project (no .cache/pages to follow
    through a committed link)."""
    project = copy_project(tmp_path / "project")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    out = tmp_path / "out"
    build = [sys.executable, "-m", "mkdocs", "build", "--dirty", "--strict", "-d", str(out)]
    assert subprocess.run(build, cwd=project, capture_output=True, env=env).returncode == 0
    page = out / "tactics" / "straw-man-design" / "index.html"
    before = page.read_text(encoding="utf-8")
    data = project / "data" / "tactics" / "straw-man-design.yml"
    data.write_text(data.read_text().replace("\nsummary:", "\nsumary:"))
    result = subprocess.run(build, cwd=project, capture_output=True, text=True, env=env)
    assert result.returncode != 0 and "sumary: unknown field" in result.stdout + result.stderr
    assert page.read_text(encoding="utf-8") == before
    assert not (project / ".cache").exists(), "the build wrote under the project"


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _wait_for(predicate, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False


@pytest.mark.build
def test_serve_shows_an_edit_with_its_backlinks_and_survives_a_broken_edit(tmp_path: Path):
    """The README's serve mode (`mkdocs serve --dirty`, strict): an edit shows on its page and on a page that
    links to it; a broken edit leaves the last good site answering; fixing it shows the fix."""
    project = copy_project(tmp_path / "project")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    base = f"http://127.0.0.1:{port}/"
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    data = project / "data" / "tactics" / "pre-mortem.yml"
    original = data.read_text(encoding="utf-8")
    try:
        assert _wait_for(lambda: "Run a pre-mortem" in _get(base + "tactics/pre-mortem/"), 180), "serve did not start"
        data.write_text(original.replace("\ntitle: ", "\ntitle: Renamed ", 1), encoding="utf-8")
        assert _wait_for(lambda: "Renamed" in _get(base + "tactics/pre-mortem/") and "Renamed" in _get(base + "tactics/"), 60)
        index = json.loads(_get(base + "search/index.json"))
        locations = {doc["url"] for doc in index["docs"]}
        assert "tactics/straw-man-design/" in locations and "tactics/pre-mortem/" in locations, "a dirty build keeps the whole index"
        assert any("Renamed" in doc["title"] for doc in index["docs"])
        data.write_text(original.replace("\nsummary:", "\nsumary:"), encoding="utf-8")
        time.sleep(3)
        assert "Renamed" in _get(base + "tactics/pre-mortem/"), "a broken edit must leave the last good site answering"
        data.write_text(original.replace("\ntitle: ", "\ntitle: Fixed ", 1), encoding="utf-8")
        assert _wait_for(lambda: "Fixed" in _get(base + "tactics/pre-mortem/"), 60)
    finally:
        server.terminate()
        _, err = server.communicate(timeout=30)
    assert "sumary: unknown field 'sumary'" in err and "Still serving the last good version" in err
    assert "Traceback" not in err


def _built_with(option: str, built_site: Built, tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the project built (strict, for the same address as the session's site) with one option of the
    playbook plugin set, e.g. `html_pages: false`; returns the project and its site."""
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - playbook ", f"  - playbook:\n      {option}\n   ", 1),
                      encoding="utf-8")
    assert option in config.read_text(encoding="utf-8")
    site_url = json.loads((built_site.site / "api" / "playbook.json").read_text(encoding="utf-8"))["site_url"]
    out = tmp_path / "site"
    # the copy has no .git: its build reads the history of data/ from this checkout, as the session's build did
    here = Path(__file__).resolve().parent
    git_dir = subprocess.run(["git", "rev-parse", "--absolute-git-dir"], cwd=here, capture_output=True, text=True).stdout.strip()
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)], cwd=project, capture_output=True,
                          text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PLAYBOOK_SITE_URL": site_url, "GIT_DIR": git_dir})
    assert done.returncode == 0, done.stderr[-3000:]
    return project, out


def _differ(pages: list[Path], one: Path, other: Path) -> list[str]:
    """The pages whose text differs between two sites (whitespace aside)."""
    return [str(p) for p in pages if " ".join((one / p).read_text(encoding="utf-8").split())
            != " ".join((other / p).read_text(encoding="utf-8").split())]


def test_html_pages_equal_what_markdown_makes_of_the_same_pages(built_site: Built, tmp_path: Path):
    """The plugin hands MkDocs the generated pages' HTML and table of contents; MkDocs' own path (Markdown over the
    same pages' Markdown files, `html_pages: false`) must give the same site: every page, every anchor and the
    search index, built from each page's HTML."""
    _, out = _built_with("html_pages: false", built_site, tmp_path)
    ours = json.loads((built_site.site / "search" / "index.json").read_text(encoding="utf-8"))
    theirs = json.loads((out / "search" / "index.json").read_text(encoding="utf-8"))
    assert len(ours["docs"]) > 300 and ours == theirs
    pages = sorted(p.relative_to(out) for p in out.rglob("*.html"))
    assert pages == sorted(p.relative_to(built_site.site) for p in built_site.site.rglob("*.html"))
    differ = _differ(pages, built_site.site, out)
    assert not differ, differ[:10]


def test_html_set_aside_from_markdown_equals_what_markdown_makes_of_it(built_site: Built, tmp_path: Path):
    """The plugin keeps the HTML blocks that macros make out of the Markdown pass of hand-written pages (jinja.py
    SetAside) and puts them back after it; Python-Markdown reading them (`set_aside: false`, as mkdocs-macros alone
    does) must give the same pages and the same search index."""
    project, out = _built_with("set_aside: false", built_site, tmp_path)
    assert json.loads((out / "search" / "index.json").read_text(encoding="utf-8")) == \
        json.loads((built_site.site / "search" / "index.json").read_text(encoding="utf-8"))
    hand_written = [p.relative_to(project / "docs").with_suffix("") for p in (project / "docs").rglob("*.md")]
    pages = [(Path(*p.parts[:-1]) if p.name == "index" else p) / "index.html" for p in hand_written]
    assert len(pages) > 20
    differ = _differ(pages, built_site.site, out)
    assert not differ, differ[:10]
