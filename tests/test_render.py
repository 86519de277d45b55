"""Rendering: data text is never evaluated as a template, diagrams carry a text alternative."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml

from playbook.contract.kinds import KINDS
from playbook.pipeline import load_playbook
from playbook.render.jinja import Templates, href
from playbook.render.pages import generate_pages

from .conftest import FIXTURE


def _pages(root: Path = FIXTURE) -> dict[str, str]:
    """Each generated page as the Markdown file MkDocs, ProperDocs or Zensical build without our plugin."""
    return {src: page.text for src, page in generate_pages(load_playbook(root)).items()}


def test_jinja_delimiters_in_data_stay_text():
    page = _pages()["tactics/first-tactic.md"]
    assert "Do the thing {{ not_a_variable }} and {% raw %} stays text." in page
    front = yaml.safe_load(page.split("---\n", 2)[1])
    assert front["description"].startswith("A tactic used by the unit tests") and front["render_macros"] is False


def test_links_are_relative_urls_and_backlinks_are_listed():
    page = _pages()["models/first-model.md"]
    assert '<li><strong>Uses:</strong> <a href="../../tactics/first-tactic/">First tactic</a>' in page
    assert "## Referenced by { #referenced-by }" in page
    assert 'Built on by: <a href="../../tactics/first-tactic/">First tactic</a>' in page
    assert 'Contrasts with: <a href="../../tactics/second-tactic/">Second tactic</a>' in page
    assert "A. Author (2001), <cite>A Book</cite>, ch. 1." in page


def test_every_section_has_an_explicit_anchor():
    page = _pages()["models/first-model.md"]
    headings = [line for line in page.splitlines() if line.startswith("## ")]
    assert headings and all(line.endswith(" }") and "{ #" in line for line in headings)


def test_kind_index_pages_are_generated_from_the_registry():
    pages = _pages()
    for kind in KINDS:
        assert pages[f"{kind.dir}/index.md"].split("---\n", 2)[2].startswith(f"# {kind.title} {{ #")


def test_href():
    assert href("tags.md", "models/x.md") == "../tags.md"
    assert href("models/y.md", "models/x.md") == "y.md"
    assert href("models/y.md", "index.md") == "models/y.md"


def test_diagram_has_title_description_and_no_script():
    from playbook.contract.models import Shape
    from playbook.contract.record import Record

    shape = Shape(type="pyramid", caption="Needs", items=[{"label": "Base", "detail": "food"}, {"label": "Top"}])
    doc = SimpleNamespace(shape=shape)
    record = Record.__new__(Record)
    object.__setattr__(record, "doc", doc)
    object.__setattr__(record, "id", "x")
    svg = Templates().render("diagram.svg.j2", record=record)
    assert 'role="img"' in svg and "<title id=" in svg and "1. Base: food; 2. Top" in svg
    assert "<script" not in svg and "http" not in svg.replace("http://www.w3.org/2000/svg", "")


def test_inline_references_become_links(tmp_path):
    import shutil

    project = tmp_path / "mini"
    shutil.copytree(FIXTURE, project)
    model = project / "data/models/first-model.yml"
    text = "overview: See [[tactics/first-tactic]] or [[tactics/second-tactic|the other]]."
    model.write_text(model.read_text().replace("overview: The idea.", text))
    page = _pages(project)["models/first-model.md"]
    assert 'See <a href="../../tactics/first-tactic/">First tactic</a> or <a href="../../tactics/second-tactic/">the other</a>.' in page


def test_pages_kept_across_rebuilds_equal_a_full_render(tmp_path):
    """`mkdocs serve` keeps pages whose inputs did not change; after an edit the result must be what a full
    render gives: the edited entry and every page showing its title change, nothing else is stale."""
    import shutil

    from playbook.pipeline import Memo, run

    project = tmp_path / "mini"
    shutil.copytree(FIXTURE, project)
    memo = Memo()  # what `mkdocs serve` keeps between rebuilds
    before = run(project, project / "docs", memo).pages
    model = project / "data/models/first-model.yml"
    model.write_text(model.read_text().replace("title: First model", "title: Renamed model"))
    after = run(project, project / "docs", memo).pages
    assert len(memo.pages.kept) >= 2, "the memo keeps the entry pages between runs"
    assert after == run(project, project / "docs").pages  # a full render, from nothing
    changed = sorted(k for k in after if after[k] != before[k])
    assert "tactics/first-tactic.md" in changed and "models/first-model.md" in changed and "sources/a-book.md" in changed


@pytest.mark.build  # renders every page of the real playbook eleven times (about 11 s): not a unit test
def test_kept_pages_of_the_real_playbook_stay_equal_to_a_full_render_edit_after_edit(tmp_path):
    """The same on the real data, edit after edit, for what pages show of other entries: a step's title (on the
    path's other steps and the paths index), a path's title, a title mentioned in a card of another kind, a source's
    title, a tag's title."""
    import re
    import shutil

    from playbook.pipeline import Memo, run

    root = Path(__file__).resolve().parent.parent
    project = tmp_path / "real"
    shutil.copytree(root / "data", project / "data")
    shutil.copytree(root / "docs", project / "docs")
    book = load_playbook(project)
    path = book.of_kind("paths")[0]
    step = book.get(path.doc.steps[0].to)
    mentioned = next(book.get(ref) for p in book.of_kind("prompts") for ref in book.mentions.get(p.ref, []))
    source = book.of_kind("sources")[0]
    edits = [step.path, path.path, mentioned.path, source.path, project / "data" / "tags.yml"]
    memo = Memo()
    before = run(project, project / "docs", memo).pages
    for n, path in enumerate(edits):
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"title: ([\"']?)", rf"title: \g<1>Edited{n} ", text, count=1), encoding="utf-8")
        after = run(project, project / "docs", memo).pages
        fresh = run(project, project / "docs").pages
        stale = sorted(k for k in fresh if after.get(k) != fresh[k])
        assert not stale, f"edit {n} ({path.name}): kept pages differ from a full render: {stale[:5]}"
        assert any(after[k] != before[k] for k in after if k.endswith("index.md")), f"edit {n} changed no index page"
        before = after


@pytest.mark.build
def test_a_cache_that_arrives_with_the_checkout_never_runs(tmp_path):
    """The build keeps nothing on disk to reuse, so a pickle committed with `git add -f .cache/...` is never read:
    building a project that carries one runs none of its code."""
    import os
    import pickle
    import shutil
    import subprocess
    import sys

    project = tmp_path / "mini"
    shutil.copytree(FIXTURE, project)
    for name in ("mkdocs.yml", "overrides", "macros", "playbook", "docs"):
        source = Path(__file__).resolve().parent.parent / name
        if source.is_dir():
            shutil.copytree(source, project / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, project / name)
    marker = tmp_path / "ran"

    class Payload:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    (project / ".cache").mkdir()
    for name in ("playbook.pickle", "playbook.json", "build.pickle"):
        (project / ".cache" / name).write_bytes(pickle.dumps(Payload()))
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(tmp_path / "site")], cwd=project,
                          capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert done.returncode == 0, done.stderr[-2000:]
    assert not marker.exists(), "a cache file from the checkout was unpickled"


def test_a_failed_or_killed_write_leaves_no_temporary_file(tmp_path, monkeypatch):
    """A failure while writing a page removes its temporary file; one left by a killed build (SIGKILL cannot be
    caught) is removed by the next write."""
    import os

    import pytest

    from playbook.render import pages as pages_module

    pages = generate_pages(load_playbook(FIXTURE))
    out = tmp_path / "pages"

    def fail(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError):
        pages_module.write_pages(pages, out)
    assert not list(out.rglob("*.tmp"))
    monkeypatch.undo()
    (out / "tactics").mkdir(parents=True, exist_ok=True)
    stale = out / "tactics" / f"{pages_module.TEMP_PREFIX}killed.tmp"
    stale.write_text("half a page")
    pages_module.write_pages(pages, out)
    assert not stale.exists() and not list(out.rglob("*.tmp"))
    assert (out / "tactics" / "first-tactic.md").read_text(encoding="utf-8") == pages["tactics/first-tactic.md"].text
