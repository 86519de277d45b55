"""Data that would make a page quadratic or break the browser's tables is refused by `playbook check` (issue 33,
items 2 and 6): a path repeating an entry, a tag listed twice, an id that is a JavaScript prototype name."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from playbook.pipeline import load_playbook
from playbook.problems import DataError

pytestmark = pytest.mark.unit

PATH = """# yaml-language-server: $schema=../schemas/path.schema.json
title: A path
summary: A path used by the unit tests.
audience: Testers
steps:
  - to: tactics/first-tactic
    discuss: One?
  - to: models/first-model
    discuss: Two?
  - to: tactics/first-tactic
    discuss: One again?
"""


def _problems(project: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_playbook(project)
    return [str(p) for p in caught.value.problems]


def test_a_path_may_not_repeat_an_entry(project: Path):
    (project / "data" / "paths").mkdir()
    (project / "data" / "paths" / "a-path.yml").write_text(PATH, encoding="utf-8")
    assert _problems(project) == [
        "data/paths/a-path.yml:10: steps[2].to: tactics/first-tactic is already step 1: a path visits an entry once"]


def test_a_path_visiting_each_entry_once_is_fine(project: Path):
    (project / "data" / "paths").mkdir()
    text = PATH.replace("  - to: tactics/first-tactic\n    discuss: One again?", "  - to: tactics/second-tactic\n    discuss: Three?")
    (project / "data" / "paths" / "a-path.yml").write_text(text, encoding="utf-8")
    assert "paths/a-path" in load_playbook(project).records


def test_a_tag_listed_twice_is_refused(project: Path):
    tactic = project / "data" / "tactics" / "first-tactic.yml"
    tactic.write_text(tactic.read_text().replace("tags: [persuasion]", "tags: [persuasion, persuasion]"))
    assert _problems(project) == ["data/tactics/first-tactic.yml:4: tags[1]: 'persuasion' is listed twice"]


@pytest.mark.parametrize("name", ["constructor", "prototype"])
def test_a_prototype_name_is_no_vocabulary_id(project: Path, name: str):
    """The browser indexes tables by these ids: `constructor` turned the radar into NaN."""
    with (project / "data" / "competencies.yml").open("a", encoding="utf-8") as out:
        out.write(f"{name}:\n  title: A name\n  definition: A competency whose id is a prototype name.\n")
    problems = _problems(project)
    assert len(problems) == 1 and problems[0].startswith("data/competencies.yml:") and f"{name}: '{name}' is" in problems[0]
    assert "JavaScript" in problems[0]


def test_a_prototype_name_is_no_entry_id(project: Path):
    shutil.copy(project / "data" / "tactics" / "second-tactic.yml", project / "data" / "tactics" / "constructor.yml")
    problems = _problems(project)
    assert len(problems) == 1 and problems[0].startswith("data/tactics/constructor.yml") and "JavaScript" in problems[0]
