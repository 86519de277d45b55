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

FIXTURE = Path(__file__).parent / "fixtures" / "mini"

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


@pytest.mark.parametrize("relative", [False, True], ids=["absolute-link", "relative-link"])
def test_a_committed_pages_link_is_refused_and_deletes_nothing(project: Path, caplog: pytest.LogCaptureFixture, victim: Path,
                                                             relative: bool):
    (project / ".cache").mkdir()
    target = os.path.relpath(victim, project / ".cache") if relative else str(victim)
    (project / ".cache" / "pages").symlink_to(target)
    refused = _refused(project, caplog, dirty=True, site_dir=project.parent / "out")
    assert _untouched(victim)
    assert _one_line_naming(refused, ".cache/pages")


def test_a_committed_cache_link_is_refused(project: Path, caplog: pytest.LogCaptureFixture, victim: Path):
    (project / ".cache").symlink_to(victim)
    refused = _refused(project, caplog, dirty=True, site_dir=project.parent / "out")
    assert _untouched(victim) and _one_line_naming(refused, ".cache")


def test_a_pages_link_to_a_parent_folder_sweeps_nothing(project: Path, caplog: pytest.LogCaptureFixture):
    """`.cache/pages -> ../..`: today's code unlinked every *.md above the project."""
    (project / ".cache").mkdir()
    (project / ".cache" / "pages").symlink_to("../..")
    precious = project.parent / "precious.md"
    precious.write_text("keep", encoding="utf-8")
    _refused(project, caplog, dirty=True, site_dir=project.parent / "out")
    assert precious.read_text(encoding="utf-8") == "keep" and (project / "docs" / "index.md").is_file()


def test_a_committed_site_link_is_refused_before_mkdocs_cleans_it(project: Path, caplog: pytest.LogCaptureFixture, victim: Path):
    (project / "site").symlink_to(victim)
    refused = _refused(project, caplog, dirty=False)
    assert _untouched(victim) and _one_line_naming(refused, "site")


def test_a_link_inside_the_pages_folder_is_refused(project: Path, caplog: pytest.LogCaptureFixture, victim: Path):
    """A real `.cache/pages` holding a committed link for one kind's folder, and a manifest naming files there."""
    pages = project / ".cache" / "pages"
    pages.mkdir(parents=True)
    (pages / "tactics").symlink_to(victim)
    (pages / MANIFEST).write_text("tactics/notes.md\n", encoding="utf-8")
    refused = _refused(project, caplog, dirty=True, site_dir=project.parent / "out")
    assert (victim / "notes.md").read_text(encoding="utf-8") == "mine" and not (victim / "first-tactic.md").exists()
    assert _one_line_naming(refused, "tactics")


def test_the_build_removes_only_pages_it_wrote(project: Path):
    pages = project / ".cache" / "pages"
    pages.mkdir(parents=True)
    (pages / "tactics").mkdir()
    (pages / "tactics" / "my-notes.md").write_text("not a generated page", encoding="utf-8")
    _build(project, dirty=True, site_dir=project.parent / "out")
    assert (pages / "tactics" / "first-tactic.md").is_file()
    assert (pages / "tactics" / "my-notes.md").read_text(encoding="utf-8") == "not a generated page"
    (project / "data" / "tactics" / "second-tactic.yml").unlink()
    model = project / "data" / "models" / "first-model.yml"
    model.write_text(model.read_text().replace("  - {rel: see-also, to: tactics/second-tactic}\n", ""))
    _build(project, dirty=True, site_dir=project.parent / "out")
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
