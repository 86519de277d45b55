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
from playbook.render.tree import MARK
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


# --- issue 33, second round (verify-33.md): every folder the scripts create, clear or install into; links inside the
# site folder; schemas, export and check; the pages manifest; tracebacks.

def _dev(monkeypatch: pytest.MonkeyPatch, root: Path):
    """scripts/dev.py with its project root at `root` and `run` recording commands instead of running them."""
    from scripts import dev

    ran: list[tuple[str, ...]] = []
    monkeypatch.setattr(dev, "ROOT", root)
    monkeypatch.setattr(dev, "VENV", root / ".venv")
    monkeypatch.setattr(dev, "BIN", root / ".venv" / "bin")
    monkeypatch.setattr(dev, "LOCK", root / "requirements.lock")
    monkeypatch.setattr(dev, "STAMP", root / ".venv" / ".installed-lock")
    monkeypatch.setattr(dev, "run", lambda *cmd, **kw: ran.append(tuple(map(str, cmd))))
    return dev, ran


def _refused_by_dev(call, capsys: pytest.CaptureFixture[str], name: str) -> None:
    with pytest.raises(SystemExit) as exited:
        call()
    assert _one_line_naming(str(exited.value), name)


@pytest.mark.parametrize("folder", [".venv", "node_modules", ".cache/zensical/venv"])
def test_dev_refuses_a_committed_link_before_it_creates_clears_or_installs(project: Path, victim: Path, folder: str,
                                                                           monkeypatch: pytest.MonkeyPatch,
                                                                           capsys: pytest.CaptureFixture[str]):
    """`dev.py test` (CI) ran `venv --clear` into a linked .cache/zensical/venv and `npm ci` into a linked
    node_modules: both empty the folder the link points to. Each is refused with one line, nothing run."""
    (project / folder).parent.mkdir(parents=True, exist_ok=True)
    (project / folder).symlink_to(os.path.relpath(victim, (project / folder).parent))
    (project / "requirements.lock").write_text("", encoding="utf-8")
    (project / "pyproject.toml").write_text("", encoding="utf-8")
    (project / "package-lock.json").write_text("{}", encoding="utf-8")
    dev, ran = _dev(monkeypatch, project)
    monkeypatch.setattr(dev.shutil, "which", lambda name: "/usr/bin/" + name)
    call = {".venv": dev.setup, "node_modules": dev.ensure_node_tools, ".cache/zensical/venv": dev.ensure_zensical}[folder]
    _refused_by_dev(call, capsys, folder)
    assert ran == [] and _untouched(victim) and sorted(p.name for p in victim.iterdir()) == ["deep", "index.html", "notes.md"]


def test_dev_guard_is_the_projects_safe_paths_loaded_with_the_standard_library_alone():
    """dev.py runs before .venv exists: it loads playbook/safe_paths.py by its path, which imports nothing else."""
    import ast

    from scripts import dev
    tree = ast.parse((Path(dev.__file__).parent.parent / "playbook" / "safe_paths.py").read_text(encoding="utf-8"))
    imported = {a.name.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    imported |= {n.module.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
    assert imported <= {"__future__", "os", "collections", "pathlib"}
    assert dev.GUARD.inside.__code__.co_filename.endswith("playbook/safe_paths.py")


def test_zensical_venv_through_a_link_is_not_made(project: Path, victim: Path, monkeypatch: pytest.MonkeyPatch):
    from scripts import zensical

    monkeypatch.setattr(zensical, "ROOT", project)
    (project / ".cache" / "zensical").mkdir(parents=True)
    (project / ".cache" / "zensical" / "venv").symlink_to("../../../outside")
    with pytest.raises(zensical.ToolUnavailable, match="symbolic link"):
        zensical.ensure_venv(project / ".cache" / "zensical" / "venv", ("nothing==0",), "nothing")
    assert _untouched(victim)


def test_dev_zensical_refuses_a_linked_tree_folder(project: Path, victim: Path, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]):
    """`dev.py zensical` wrote the tree through a committed `.cache/zensical/tree` link, as `playbook tree` refuses."""
    from scripts import zensical

    (victim / MARK).write_text("", encoding="utf-8")
    (project / ".cache" / "zensical").mkdir(parents=True)
    (project / ".cache" / "zensical" / "tree").symlink_to(victim)
    monkeypatch.setattr(zensical, "ROOT", project)
    monkeypatch.setattr(zensical, "TREE", project / ".cache" / "zensical" / "tree")
    monkeypatch.setattr(zensical, "zensical", lambda: pytest.fail("refused before anything is installed"))
    assert zensical.main(["--out", str(project / ".cache" / "zensical" / "site")]) == 2
    assert _untouched(victim) and not (victim / "docs").exists()
    assert _one_line_naming(capsys.readouterr().err, "tree")


@pytest.mark.parametrize("layout", ["api", "search", "assets", "index.html"])
@pytest.mark.parametrize("dirty", [False, True])
def test_a_build_refuses_links_inside_the_site_folder(project: Path, victim: Path, caplog: pytest.LogCaptureFixture,
                                                      layout: str, dirty: bool):
    """MkDocs' clean leaves a linked folder in place and every write followed it: the plugin walks site/ first."""
    (project / "site").mkdir()
    (project / "site" / layout).symlink_to(victim / "index.html" if layout == "index.html" else victim)
    refused = _refused(project, caplog, dirty=dirty)
    assert _untouched(victim) and (victim / "index.html").read_text(encoding="utf-8") == "<p>mine</p>"
    assert sorted(p.name for p in victim.iterdir()) == ["deep", "index.html", "notes.md"]
    assert _one_line_naming(refused, f"site/{layout}")


def test_a_site_folder_that_is_a_file_is_one_line(project: Path, caplog: pytest.LogCaptureFixture):
    (project / "site").write_text("x", encoding="utf-8")
    assert _one_line_naming(_refused(project, caplog, dirty=False), "not a folder")


MALFORMED = ["[[[[", '{"version": 1, "docs": "x"}', '{"docs": [{"url": 3}]}', "[" * 100000, '{"docs": []}\n\xff']


@pytest.mark.parametrize("text", MALFORMED)
def test_a_malformed_search_index_under_dirty_is_rebuilt_without_a_traceback(project: Path, text: str):
    (project / "site" / "search").mkdir(parents=True)
    (project / "site" / "search" / "index.json").write_text(text, encoding="utf-8", errors="surrogateescape")
    _build(project, dirty=True)
    import json
    urls = {d["url"] for d in json.loads((project / "site" / "search" / "index.json").read_text(encoding="utf-8"))["docs"]}
    assert "tactics/first-tactic/" in urls


@pytest.mark.parametrize("text", MALFORMED)
def test_a_malformed_search_index_is_treated_as_absent_with_one_warning(tmp_path: Path, caplog: pytest.LogCaptureFixture,
                                                                       text: str):
    from playbook.render.search_index import SearchIndex

    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "index.json").write_text(text, encoding="utf-8", errors="surrogateescape")
    index = SearchIndex()
    with caplog.at_level("WARNING", logger="mkdocs.plugins.playbook"):
        index.load(tmp_path)
    warned = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert index.docs == {} and len(warned) == 1 and _one_line_naming(warned[0], "index.json")


@pytest.mark.parametrize("layout", ["folder", "file"])
def test_schemas_and_check_refuse_a_linked_schemas_folder_or_file(project: Path, victim: Path, layout: str):
    schemas = project / "data" / "schemas"
    shutil.rmtree(schemas, ignore_errors=True)
    if layout == "folder":
        schemas.symlink_to(victim)
    else:
        schemas.mkdir()
        (schemas / "tactic.schema.json").symlink_to(victim / "notes.md")
    for command in ("schemas", "check"):
        code, _, err = _cli(command, root=project)
        assert code == 2 and _one_line_naming(err, "data/schemas")
    assert _untouched(victim) and not list(victim.glob("*.schema.json"))


def test_export_refuses_to_overwrite_through_a_link(project: Path, victim: Path):
    (project / "export.json").symlink_to(victim / "notes.md")
    code, _, err = _cli("export", "-o", str(project / "export.json"), root=project)
    assert code == 2 and _untouched(victim) and _one_line_naming(err, "export.json")


def test_pages_out_with_a_linked_manifest_writes_nothing(project: Path, victim: Path, tmp_path: Path):
    out = tmp_path / "out"
    out.mkdir()
    (out / MANIFEST).symlink_to(victim / "notes.md")
    code, _, err = _cli("pages", "--out", str(out), root=project)
    assert code == 2 and _untouched(victim) and _one_line_naming(err, MANIFEST)
    assert sorted(p.name for p in out.iterdir()) == [MANIFEST]


def _contract_project(project: Path) -> None:
    (project / "docs" / "contract.md").write_text("---\nrender_macros: true\n---\n# Contract\n\n{{ data_contract() }}\n",
                                                  encoding="utf-8")


def test_the_data_contract_follows_a_renamed_example_and_says_when_one_is_gone(project: Path, tmp_path: Path,
                                                                              monkeypatch: pytest.MonkeyPatch):
    """A kind's example renamed the documented way (`aliases:`) passed `check`, then `tree` and the build ended in a
    KeyError (the macro read `book.get(kind.example)`): the example follows its alias; a gone example is a sentence."""
    import dataclasses

    from playbook.contract import docs as contract_docs
    from playbook.tools import page_macros

    tactics = project / "data" / "tactics"
    text = (tactics / "first-tactic.yml").read_text(encoding="utf-8")
    (tactics / "first-tactic.yml").unlink()
    (tactics / "renamed-tactic.yml").write_text(text.replace("\ntitle:", "\naliases: [first-tactic]\ntitle:", 1), encoding="utf-8")
    model = project / "data" / "models" / "first-model.yml"
    model.write_text(model.read_text(encoding="utf-8").replace("tactics/first-tactic", "tactics/renamed-tactic"), encoding="utf-8")
    _contract_project(project)
    real = contract_docs.kind_docs
    monkeypatch.setattr(page_macros, "kind_docs", lambda: [
        dataclasses.replace(d, kind=dataclasses.replace(d.kind, example="tactics/first-tactic")) if d.kind.dir == "tactics" else d
        for d in real()])
    assert _cli("check", root=project)[0] == 0
    code, _, err = _cli("tree", str(tmp_path / "tree"), root=project)
    assert code == 0, err
    docs = tmp_path / "tree" / "docs"  # the tree may move a page to <name>/index.md (render/tree_paths.py)
    page = next(p for p in (docs / "contract.md", docs / "contract" / "index.md") if p.is_file()).read_text(encoding="utf-8")
    assert "data/tactics/renamed-tactic.yml" in page and "aliases: [first-tactic]" in page
    assert "No complete example: `data/situations/proposal-stalled.yml`" in page  # the mini data has none
    assert "Traceback" not in page and "KeyError" not in page


def test_a_macro_error_puts_one_line_and_no_traceback_into_the_page():
    """mkdocs-macros rendered the Python traceback of a failing macro into the built page (verify-33 1.20)."""
    from types import SimpleNamespace

    from mkdocs_macros.errors import format_error

    import macros  # noqa: F401  registers the project's message
    page = SimpleNamespace(file=SimpleNamespace(src_path="contributing.md"))
    try:
        {}["situations/proposal-stalled"]
    except KeyError as err:
        shown = format_error(err, markdown="{{ data_contract() }}", page=page)
    assert _one_line_naming(shown, "contributing.md") and "KeyError" in shown and "File \"" not in shown


def test_dev_zensical_refuses_a_link_left_in_its_marked_tree_folder(project: Path, victim: Path, monkeypatch: pytest.MonkeyPatch,
                                                                    capsys: pytest.CaptureFixture[str]):
    """A committed, marked `.cache/zensical/tree` holding `site-mkdocs` as a link: MkDocs' clean would leave the link and
    write the site through it. The tree is walked after it is written, before any build."""
    from scripts import zensical

    tree_dir = project / ".cache" / "zensical" / "tree"
    tree_dir.mkdir(parents=True)
    (tree_dir / MARK).write_text("", encoding="utf-8")
    (tree_dir / "site-mkdocs").symlink_to(victim)
    monkeypatch.setattr(zensical, "ROOT", project)
    monkeypatch.setattr(zensical, "TREE", tree_dir)
    monkeypatch.setattr(zensical, "zensical", lambda: Path(shutil.which("true") or "/bin/true"))  # asked --version only
    monkeypatch.setattr(zensical, "zensical_build", lambda *a, **k: pytest.fail("refused before any build"))
    assert zensical.main(["--out", str(project / ".cache" / "zensical" / "site"), "--site-url", "http://127.0.0.1:8000/"]) == 2
    assert _untouched(victim) and _one_line_naming(capsys.readouterr().err, "site-mkdocs")


def test_a_site_dir_pointing_at_a_folder_of_files_is_refused(project: Path, caplog: pytest.LogCaptureFixture, victim: Path):
    """A committed mkdocs.yml may name any site_dir: a non-empty folder outside the project holding no site built before is refused
    before MkDocs cleans it (a site built there before, an empty or new folder are fine)."""
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + f"site_dir: {victim}\n", encoding="utf-8")
    refused = _refused(project, caplog, dirty=False)
    assert _untouched(victim) and _one_line_naming(refused, "no site built before")
    fresh = project.parent / "fresh-site"
    _build(project, dirty=False, site_dir=fresh)
    _build(project, dirty=False, site_dir=fresh)  # a site built there before: cleaned and built again


def test_a_link_inside_the_venv_or_at_its_lock_is_refused(tmp_path: Path, victim: Path):
    from playbook.safe_paths import UnsafePath, lock_file, venv_folder

    root = tmp_path / "root"
    venv = root / ".venv"
    venv.mkdir(parents=True)
    (venv / "lib").symlink_to(victim)
    with pytest.raises(UnsafePath, match="lib"):
        venv_folder(root, venv, "virtual environment")
    (venv / "lib").unlink()
    (venv / "lib" / "python3.11").mkdir(parents=True)
    (venv / "lib" / "python3.11" / "site-packages").symlink_to(victim)
    with pytest.raises(UnsafePath, match="site-packages"):
        venv_folder(root, venv, "virtual environment")
    (victim / "keep.txt").write_text("keep", encoding="utf-8")
    (root / ".venv.lock").symlink_to(victim / "keep.txt")
    with pytest.raises(UnsafePath, match="lock"):
        lock_file(root / ".venv.lock", "lock file")
    assert (victim / "keep.txt").read_text(encoding="utf-8") == "keep" and _untouched(victim)


def test_an_unreadable_pages_manifest_is_one_line(project: Path):
    pages = project / ".cache" / "pages"
    pages.mkdir(parents=True)
    (pages / MANIFEST).write_bytes(b"\xff\xfe not utf-8")
    code, _, err = _cli("pages", root=project)
    assert code == 2 and _one_line_naming(err, MANIFEST)
