"""Shared fixtures. The real site is built once per test session (strict) and served on 127.0.0.1: with pytest-xdist,
once per worker, into the worker's own temporary folder, for the address that worker serves it on."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from playbook.quality.bar import default_sources
from scripts.project_copy import copy_project

from . import htmlcheck

ROOT = Path(__file__).resolve().parent.parent
SOURCES = default_sources(ROOT)
"""Where the source texts are, if anywhere: only the test comparing them with their committed fingerprints reads them."""
FIXTURE = Path(__file__).parent / "fixtures" / "mini"
"""A small valid project: three vocabularies, a model, two tactics and a source."""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A fresh copy of the mini fixture project, for a test to edit (a module may refine it by overriding `project`)."""
    dest = tmp_path / "mini"
    shutil.copytree(FIXTURE, dest)
    return dest


@dataclass(frozen=True)
class Built:
    site: Path
    log: str
    status_before: str  # `git status` of the project before and after the build: the build never edits its input
    status_after: str


def git_status() -> str:
    return subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=ROOT, capture_output=True, text=True).stdout


class _Handler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self) -> None:
        self.send_header("LinkChecker", "allow")  # lets linkchecker skip its per-host throttle
        super().end_headers()

    def log_message(self, *args: object) -> None:
        pass


@dataclass(frozen=True)
class _Address:
    httpd: http.server.ThreadingHTTPServer
    url: str


@pytest.fixture(scope="session")
def address() -> Iterator[_Address]:
    """A port of 127.0.0.1 reserved for the test server before the build, so the site is built with
    `site_url` naming the address it is served on: Material runs instant navigation only there."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler, bind_and_activate=True)
    yield _Address(httpd, f"http://127.0.0.1:{httpd.server_address[1]}/")
    httpd.server_close()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, address: _Address) -> Built:
    """`mkdocs build --strict` of the real playbook, once per session, for the address it is served on."""
    out = tmp_path_factory.mktemp("build") / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PLAYBOOK_SITE_URL": address.url}
    before = git_status()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-d", str(out)],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
    out.chmod(0o755)
    for path in out.rglob("*"):  # linkchecker drops root privileges to 'nobody'
        path.chmod(0o755 if path.is_dir() else 0o644)
    htmlcheck.start(out)  # the Nu HTML Checker runs in the background from now on (tests/test_html.py)
    return Built(out, result.stderr, before, git_status())


@dataclass
class LinkCheck:
    """linkchecker started in the background as soon as the site is served (it runs for minutes,
    alongside the browser tests); `result()` waits for it."""

    process: subprocess.Popen[str]
    log: Path

    def result(self) -> tuple[int, str]:
        code = self.process.wait(timeout=1500)
        return code, self.log.read_text(encoding="utf-8", errors="replace")


@dataclass(frozen=True)
class Served:
    url: str
    linkcheck: LinkCheck


@pytest.fixture(scope="session")
def served(built_site: Built, address: _Address, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The built site over HTTP at its `site_url` (instant navigation on), with linkchecker already crawling it."""
    httpd = address.httpd
    httpd.RequestHandlerClass = functools.partial(_Handler, directory=str(built_site.site))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    url = address.url
    log = tmp_path_factory.mktemp("linkcheck") / "linkchecker.log"
    with log.open("w") as out:
        process = subprocess.Popen([linkchecker(), "-f", str(ROOT / "tests" / "linkcheckerrc"), "--no-status", url],
                                   stdout=out, stderr=subprocess.STDOUT, text=True)
    yield Served(url, LinkCheck(process, log))
    if process.poll() is None:
        process.kill()
    httpd.shutdown()


@pytest.fixture(scope="session")
def server(served: Served) -> str:
    """Base URL of the served site."""
    return served.url


SPICE = """ & < "q" 'a' """.strip()
"""Characters that break HTML when a template forgets to escape: appended to every text field of a few entries."""
HOSTILE = "&#60;img src=https://evil.example/x.png onerror=alert(1)&#62; &#106;avascript:alert(2) [w](https://evil.example/)"
"""Valid Markdown that spells markup with entities and links outside: it must stay text (and a link), loading nothing."""
SPICED = {"tactics/straw-man-design", "models/conger-persuasion", "situations/proposal-stalled",
          "checklists/before-a-design-review", "prompts/pushback-on-a-proposal", "paths/getting-a-proposal-adopted"}

NOTE_MODEL = '''

class Note(Entry):
    """A throwaway kind, added by tests/test_engine.py to prove a kind is declared in three places."""

    body: Text

    SECTIONS = (Section(field="body", heading="Body", anchor="body", style="prose"),)
'''
NOTE_KIND = '''
KINDS = (*KINDS, Kind("note", "notes", "Notes", "Note", Note, "Short notes.", "notes/first-note"))
KINDS_BY_NAME = {k.name: k for k in KINDS}
KINDS_BY_DIR = {k.dir: k for k in KINDS}
'''
NOTE_DATA = """# yaml-language-server: $schema=../schemas/note.schema.json
title: First note
summary: A note that exists only in the engine test's copy of the project.
tags: [persuasion]
body: See [[tactics/straw-man-design]].
"""


def _spice(value: object, key: str = "") -> object:
    if isinstance(value, str):
        if key in ("source", "to", "rel", "type", "url") or ("/" in value and " " not in value):
            return value
        if key == "summary":
            return value[:200] + " " + SPICE
        return value + " " + SPICE if len(value) + len(SPICE) < 100 or "\n" in value or len(value) > 200 else value
    if isinstance(value, list):
        return [_spice(v, key) for v in value]
    if isinstance(value, dict):
        kept = ("tags", "competencies", "archetypes", "aliases", "asked_at", "fits")
        return {k: v if k in kept else _spice(v, k) for k, v in value.items()}
    return value


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("engine") / "project")
    for ref in SPICED:
        path = project / "data" / f"{ref}.yml"
        first, _, body = path.read_text(encoding="utf-8").partition("\n")
        data = _spice(yaml.safe_load(body))
        prose = next((k for k in ("example", "question", "why") if k in data), None)
        target = data if prose else data["steps"][0]
        target[prose or "discuss"] += " " + HOSTILE
        path.write_text(first + "\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    (project / "playbook" / "contract" / "models.py").write_text((project / "playbook" / "contract" / "models.py").read_text() + NOTE_MODEL)
    kinds = project / "playbook" / "contract" / "kinds.py"
    kinds.write_text(kinds.read_text().replace("Source, Tactic, Term", "Note, Source, Tactic, Term") + NOTE_KIND)
    (project / "playbook" / "render" / "templates" / "note.html.j2").write_text('{% extends "_entry.html.j2" %}\n')
    (project / "data" / "notes").mkdir()
    (project / "data" / "notes" / "first-note.yml").write_text(NOTE_DATA)
    out = project / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
        cwd=project, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def linkchecker() -> str:
    beside = Path(sys.executable).parent / "linkchecker"
    found = str(beside) if beside.exists() else shutil.which("linkchecker")
    assert found, "linkchecker is a locked dependency; run the README's test command"
    return found


@pytest.fixture(scope="session")
def book():
    from playbook.pipeline import load_playbook

    return load_playbook(ROOT)



SITE_FIXTURES = {"built_site", "served", "server", "hostile_site"}
CONTENT_MODULES = {"test_content", "test_quality_paraphrase", "test_reader_text"}
TIERS = ("unit", "build", "browser", "content")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test in one tier, run alone with `python3 scripts/dev.py test --tier NAME` (pytest -m NAME):
    browser (tests/browser/), content (the content bar and facts about the data), build (builds a site: the real
    one once per session, or a small copy, explicitly marked), and unit (everything else: no build, no browser)."""
    for item in items:
        own = {m.name for m in item.iter_markers()} & set(TIERS)
        if own:
            continue
        module = item.path.stem
        if "browser" in item.path.parts:
            item.add_marker(pytest.mark.browser)
        elif module in CONTENT_MODULES:
            item.add_marker(pytest.mark.content)
        elif SITE_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.build)
        else:
            item.add_marker(pytest.mark.unit)
