"""The author's command line: `playbook check`, `new`, `sync`, `schemas`, `quality`."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from macros.kinds import KINDS
from macros.pipeline import load_playbook

from .conftest import ROOT

FIXTURE = Path(__file__).parent / "fixtures" / "mini"


def playbook(*args: str, root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "macros.cli", "--root", str(root), *args], capture_output=True, text=True, cwd=ROOT)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    dest = tmp_path / "mini"
    shutil.copytree(FIXTURE, dest)
    return dest


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
def test_new_writes_a_valid_skeleton_and_its_page(project, kind):
    result = playbook("new", kind, "fresh-entry", root=project)
    assert result.returncode == 0, result.stderr
    kind_dir = next(k.dir for k in KINDS if k.name == kind)
    assert (project / "docs" / kind_dir / "fresh-entry.md").exists()
    book = load_playbook(project)
    assert f"{kind_dir}/fresh-entry" in book.records
    assert playbook("new", kind, "fresh-entry", root=project).returncode == 2  # never overwrites


def test_new_rejects_a_bad_id(project):
    result = playbook("new", "model", "Bad_Id", root=project)
    assert result.returncode == 2 and "not a valid id" in result.stderr


def test_sync_writes_stubs_and_removes_orphans(project):
    assert playbook("sync", "--check", root=project).returncode == 1
    assert playbook("sync", root=project).returncode == 0
    assert playbook("sync", "--check", root=project).returncode == 0
    (project / "data/tactics/second-tactic.yml").unlink()
    model = project / "data/models/first-model.yml"
    model.write_text(model.read_text().replace("  - {rel: see-also, to: tactics/second-tactic}\n", ""))
    result = playbook("sync", root=project)
    assert "removed: docs/tactics/second-tactic.md" in result.stdout
    assert not (project / "docs/tactics/second-tactic.md").exists()


def test_alias_writes_a_redirect_stub(project):
    tactic = project / "data/tactics/first-tactic.yml"
    tactic.write_text(tactic.read_text().replace("tags: [persuasion]", "tags: [persuasion]\naliases: [old-name]"))
    assert playbook("sync", root=project).returncode == 0
    stub = (project / "docs/tactics/old-name.md").read_text()
    assert "template: redirect.html" in stub and "redirect: ../first-tactic/" in stub


def test_committed_stubs_match_the_data():
    result = playbook("sync", "--check", root=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_committed_schemas_are_current():
    result = playbook("schemas", "--check", root=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_data_file_names_its_schema():
    for kind in KINDS:
        for path in (ROOT / "data" / kind.dir).glob("*.yml"):
            first = path.read_text(encoding="utf-8").split("\n", 1)[0]
            assert first == f"# yaml-language-server: $schema=../schemas/{kind.name}.schema.json", path
            assert (ROOT / "data" / "schemas" / f"{kind.name}.schema.json").exists()
