"""Writes stay inside the project: a committed link (`.cache/pages`, `site`) or a chosen output folder never makes the
build or the command line write, or delete, a file outside the place it is meant for (issue 33, item 1)."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from playbook.cli import main
from playbook.safe_paths import MANIFEST

from .conftest import FIXTURE

pytestmark = pytest.mark.unit


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A small project (the mini data, one hand-written page) that MkDocs builds with our plugin."""
    dest = tmp_path / "project"
    shutil.copytree(FIXTURE / "data", dest / "data")
    (dest / "docs").mkdir()
    (dest / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (dest / "mkdocs.yml").write_text("site_name: Test\nplugins:\n  - playbook\n", encoding="utf-8")
    return dest


@pytest.fixture
def victim(tmp_path: Path) -> Path:
    """A folder outside the project holding files nobody may delete."""
    folder = tmp_path / "outside"
    (folder / "deep").mkdir(parents=True)
    (folder / "notes.md").write_text("mine", encoding="utf-8")
    (folder / "deep" / "plan.md").write_text("mine too", encoding="utf-8")
    (folder / "index.html").write_text("<p>mine</p>", encoding="utf-8")
    return folder


def _untouched(folder: Path) -> bool:
    return ((folder / "notes.md").read_text(encoding="utf-8") == "mine"
            and (folder / "deep" / "plan.md").read_text(encoding="utf-8") == "mine too"
            and (folder / "index.html").is_file() and not (folder / "tactics").exists())


def _build(project: Path, *, dirty: bool, site_dir: Path | None = None) -> None:
    """`mkdocs build` (or `--dirty`, as serve runs) in-process, as the command line runs it."""
    config = load_config(config_file=str(project / "mkdocs.yml"), **({"site_dir": str(site_dir)} if site_dir else {}))
    config.plugins.on_startup(command="build", dirty=dirty)
    try:
        build(config, dirty=dirty)
    finally:
        config.plugins.on_shutdown()


def _refused(project: Path, caplog: pytest.LogCaptureFixture, **how: object) -> str:
    """The build aborts (MkDocs' Abort, no traceback); returns what it logged as errors."""
    caplog.clear()
    with pytest.raises(Abort):
        _build(project, **how)  # type: ignore[arg-type]
    return "\n".join(r.getMessage() for r in caplog.records if r.levelname == "ERROR")


def _cli(*args: str, root: Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--root", str(root), *args])
    return code, out.getvalue(), err.getvalue()


def _one_line_naming(message: str, name: str) -> bool:
    lines = message.strip().splitlines()
    return len(lines) == 1 and name in lines[0] and "Traceback" not in message


def _commit_links(project: Path, victim: Path, layout: str) -> None:
    """Committed ignored paths as a pull request could force-add them."""
    cache = project / ".cache"
    if layout == "cache-link":
        cache.symlink_to(victim)
        return
    cache.mkdir()
    if layout == "pages-absolute":
        (cache / "pages").symlink_to(victim)
    elif layout == "pages-relative":
        (cache / "pages").symlink_to(os.path.relpath(victim, cache))
    elif layout == "pages-parent":
        (cache / "pages").symlink_to("../..")
    elif layout == "link-inside":
        (cache / "pages").mkdir()
        (cache / "pages" / "tactics").symlink_to(victim)
        (cache / "pages" / MANIFEST).write_text("tactics/notes.md\n", encoding="utf-8")


@pytest.mark.parametrize("layout", ["pages-absolute", "pages-relative", "pages-parent", "cache-link", "link-inside"])
def test_a_build_writes_and_deletes_nothing_through_committed_cache_links(project: Path, victim: Path, layout: str):
    """The plugin keeps the generated pages in memory: a dirty build (as serve runs) and a full build write and clean
    nothing under `.cache/`, whatever a checkout committed there (today's code unlinked every *.md it could reach)."""
    _commit_links(project, victim, layout)
    precious = project.parent / "precious.md"
    precious.write_text("keep", encoding="utf-8")
    before = sorted(str(p) for p in victim.rglob("*"))
    _build(project, dirty=True, site_dir=project.parent / "out")
    _build(project, dirty=False, site_dir=project.parent / "out-full")
    assert _untouched(victim) and sorted(str(p) for p in victim.rglob("*")) == before
    assert precious.read_text(encoding="utf-8") == "keep" and (project / "docs" / "index.md").is_file()
    assert (project.parent / "out" / "tactics" / "first-tactic" / "index.html").is_file()


def test_a_committed_site_link_is_refused_before_mkdocs_cleans_it(project: Path, caplog: pytest.LogCaptureFixture, victim: Path):
    (project / "site").symlink_to(victim)
    refused = _refused(project, caplog, dirty=False)
    assert _untouched(victim) and _one_line_naming(refused, "site")


def test_pages_removes_only_pages_it_wrote(project: Path):
    """`playbook pages` keeps a manifest of what it wrote: a page it no longer makes goes, a file of yours stays."""
    pages = project / ".cache" / "pages"
    (pages / "tactics").mkdir(parents=True)
    (pages / "tactics" / "my-notes.md").write_text("not a generated page", encoding="utf-8")
    assert _cli("pages", root=project)[0] == 0
    assert (pages / "tactics" / "first-tactic.md").is_file()
    assert (pages / "tactics" / "my-notes.md").read_text(encoding="utf-8") == "not a generated page"
    (project / "data" / "tactics" / "second-tactic.yml").unlink()
    model = project / "data" / "models" / "first-model.yml"
    model.write_text(model.read_text().replace("  - {rel: see-also, to: tactics/second-tactic}\n", ""))
    assert _cli("pages", root=project)[0] == 0
    assert not (pages / "tactics" / "second-tactic.md").exists(), "a page it wrote and no longer makes is removed"
    assert (pages / "tactics" / "my-notes.md").is_file()


def test_pages_out_refuses_a_folder_it_did_not_write(project: Path, victim: Path):
    code, _, err = _cli("pages", "--out", str(victim), root=project)
    assert code == 2 and _untouched(victim) and _one_line_naming(err, str(victim))


def test_pages_out_refuses_a_link(project: Path, tmp_path: Path):
    empty = tmp_path / "empty"
    empty.mkdir()
    (tmp_path / "link").symlink_to(empty)
    code, _, err = _cli("pages", "--out", str(tmp_path / "link" / "pages"), root=project)
    assert code == 2 and not any(empty.iterdir()) and _one_line_naming(err, "link")


def test_pages_out_writes_a_new_folder_and_then_its_own_again(project: Path, tmp_path: Path):
    out = tmp_path / "new" / "pages"
    assert _cli("pages", "--out", str(out), root=project)[0] == 0
    assert (out / MANIFEST).is_file() and (out / "tactics" / "first-tactic.md").is_file()
    assert _cli("pages", "--out", str(out), root=project)[0] == 0


def test_pages_default_folder_refuses_a_committed_link(project: Path, victim: Path):
    (project / ".cache").mkdir()
    (project / ".cache" / "pages").symlink_to(victim)
    code, _, err = _cli("pages", root=project)
    assert code == 2 and _untouched(victim) and _one_line_naming(err, ".cache/pages")


def test_tree_refuses_a_link_to_an_empty_folder(project: Path, tmp_path: Path):
    empty = tmp_path / "empty"
    empty.mkdir()
    (tmp_path / "tree").symlink_to(empty)
    code, _, err = _cli("tree", str(tmp_path / "tree"), root=project)
    assert code == 2 and not any(empty.iterdir()) and _one_line_naming(err, "tree")


def test_tree_refuses_a_path_through_a_link(project: Path, tmp_path: Path):
    empty = tmp_path / "empty"
    empty.mkdir()
    (project / ".cache").symlink_to(empty)
    code, _, err = _cli("tree", str(project / ".cache" / "tree"), root=project)
    assert code == 2 and not any(empty.iterdir()) and _one_line_naming(err, ".cache")
