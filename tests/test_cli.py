"""The author's command line: `playbook check`, `new`, `pages`, `schemas`, `urls` (called in-process)."""

from __future__ import annotations

import contextlib
import io
import itertools
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from playbook.cli import main
from playbook.contract.kinds import KINDS
from playbook.pipeline import load_playbook

from .conftest import ROOT


@dataclass(frozen=True)
class Result:
    returncode: int
    stdout: str
    stderr: str


def playbook(*args: str, root: Path) -> Result:
    """Run `playbook --root ROOT ARGS` in this process, as an author would on the command line."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--root", str(root), *args])
    return Result(code, out.getvalue(), err.getvalue())


def test_check_ok(project):
    result = playbook("check", root=project)
    assert result.returncode == 0
    assert result.stdout.startswith("ok: 4 entries (0 situations, 1 models, 2 tactics")


def test_check_reports_every_problem_without_traceback(project):
    (project / "data/models/broken.yml").write_text("")
    model = project / "data/models/first-model.yml"
    model.write_text(model.read_text().replace("steps:", "stepz:"))
    result = playbook("check", root=project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines[0] == "3 problems in the playbook data:"
    assert "data/models/broken.yml:1: the file is empty; `playbook new` writes a skeleton" in lines
    assert "data/models/first-model.yml:8: stepz: unknown field 'stepz' (did you mean 'steps'?)" in lines


@pytest.mark.parametrize("kind", [k.name for k in KINDS])
def test_new_writes_a_valid_skeleton(project, kind):
    result = playbook("new", kind, "fresh-entry", root=project)
    assert result.returncode == 0, result.stderr
    kind_dir = next(k.dir for k in KINDS if k.name == kind)
    book = load_playbook(project)
    assert f"{kind_dir}/fresh-entry" in book.records
    assert not (project / "docs" / kind_dir / "fresh-entry.md").exists(), "new writes data only; the build makes the page"
    assert playbook("new", kind, "fresh-entry", root=project).returncode == 2  # never overwrites


def test_new_asks_for_readers_phrasings_and_check_warns_under_five(project):
    assert playbook("new", "tactic", "fresh-move", root=project).returncode == 0
    written = (project / "data/tactics/fresh-move.yml").read_text(encoding="utf-8")
    lines = written.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("also_called:"))
    assert lines[at + 1].startswith("asked_as:"), "asked_as comes right after also_called"
    block = list(itertools.takewhile(lambda line: line.startswith("  - "), lines[at + 2:]))
    assert len(block) >= 5 and all("TODO" in line for line in block)
    warnings = [w for w in playbook("check", root=project).stderr.splitlines() if w.startswith("warning:")]
    assert not any("fresh-move" in w for w in warnings), "five TODO phrasings count; the TODO note asks to fill them"
    path = project / "data/tactics/fresh-move.yml"
    fewer = "\n".join(lines[:at + 4] + lines[at + 2 + len(block):]) + "\n"  # two phrasings left
    path.write_text(fewer, encoding="utf-8")
    warnings = [w for w in playbook("check", root=project).stderr.splitlines() if "fresh-move" in w and w.startswith("warning")]
    assert warnings == ["warning: data/tactics/fresh-move.yml: asked_as: 2 phrasings, want 5 or more: how readers type this "
                        "problem into search (questions, fragments, complaints)"]


def test_new_rejects_a_bad_id(project):
    result = playbook("new", "model", "Bad_Id", root=project)
    assert result.returncode == 2 and "not a valid id" in result.stderr


def test_pages_writes_entries_indexes_and_redirects_and_removes_orphans(project, tmp_path):
    out = tmp_path / "pages"
    tactic = project / "data/tactics/first-tactic.yml"
    tactic.write_text(tactic.read_text().replace("tags: [persuasion]", "tags: [persuasion]\naliases: [old-name]"))
    assert playbook("pages", "--out", str(out), root=project).returncode == 0
    assert (out / "tactics/index.md").exists() and (out / "tactics/second-tactic.md").exists()
    front = yaml.safe_load((out / "tactics/old-name.md").read_text().split("---\n")[1])  # front matter, read as MkDocs reads it
    assert front["template"] == "redirect.html" and front["redirect"] == "../first-tactic/"
    (project / "data/tactics/second-tactic.yml").unlink()
    model = project / "data/models/first-model.yml"
    model.write_text(model.read_text().replace("  - {rel: see-also, to: tactics/second-tactic}\n", ""))
    assert ", 1 removed" in playbook("pages", "--out", str(out), root=project).stdout
    assert not (out / "tactics/second-tactic.md").exists()


def test_pages_rewrites_only_what_changed(project, tmp_path):
    out = tmp_path / "pages"
    playbook("pages", "--out", str(out), root=project)
    stamps = {p: p.stat().st_mtime_ns for p in out.rglob("*.md")}
    model = project / "data/models/first-model.yml"
    model.write_text(model.read_text().replace("title: ", "title: Renamed ", 1))
    result = playbook("pages", "--out", str(out), root=project)
    changed = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.md") if p.stat().st_mtime_ns != stamps[p])
    # the model's page, its kind's index, and the pages that link to it (their "Referenced by"/"Related" name it)
    assert "models/first-model.md" in changed and "models/index.md" in changed
    assert "tactics/index.md" not in changed
    assert result.stdout.startswith(f"{len(changed)} written, 0 removed")


def test_committed_schemas_are_current():
    result = playbook("schemas", "--check", root=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_data_file_names_its_schema():
    for kind in KINDS:
        for path in (ROOT / "data" / kind.dir).glob("*.yml"):
            first = path.read_text(encoding="utf-8").split("\n", 1)[0]
            assert first == f"# yaml-language-server: $schema=../schemas/{kind.name}.schema.json", path
            assert (ROOT / "data" / "schemas" / f"{kind.name}.schema.json").exists()
