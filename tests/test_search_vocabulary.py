"""Search data cannot capture the site (issue 33, item 3): `playbook check` refuses reader words that are function
words or too short and site words no page uses; `playbook quality` reports a rule that would match more than a
set share of the reader queries in tests/search_queries.yml."""

from __future__ import annotations

import contextlib
import io
import shutil
from pathlib import Path

import pytest
import yaml

from playbook.cli import main
from playbook.pipeline import load_playbook

from .conftest import ROOT
from .test_search_index import _problems

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("word", ["how", "the", "my", "how to"])
def test_a_function_word_is_no_reader_word(project: Path, word: str):
    problems = _problems(project, f"synonyms:\n  - reader: [tactic, {word}]\n    site: [tactic]\n")
    assert len(problems) == 1 and problems[0].startswith("data/synonyms.yml:2: synonyms[0].reader[1]: ")
    assert "function words" in problems[0]


@pytest.mark.parametrize("word", ["ok", "wc"])
def test_a_reader_word_shorter_than_three_letters_is_refused(project: Path, word: str):
    problems = _problems(project, f"synonyms:\n  - reader: [{word}]\n    site: [tactic]\n")
    assert len(problems) == 1 and "synonyms[0].reader[0]" in problems[0] and "shorter than 3 letters" in problems[0]


def test_a_site_word_no_page_uses_is_refused(project: Path):
    problems = _problems(project, "synonyms:\n  - reader: [plan]\n    site: [tactic, zorblax]\n")
    assert problems == ["data/synonyms.yml:3: synonyms[0].site[1]: 'zorblax' is used by no entry: "
                        "a site word must be one the pages use"]


def test_site_words_are_known_in_any_form(project: Path):
    """'tactics' and 'persuading' on the pages know the site words 'tactic' and 'persuade'; 'vp' is an abbreviation."""
    (project / "data" / "synonyms.yml").write_text(
        "synonyms:\n  - reader: [vp, convince]\n    site: [tactics, persuasion]\n", encoding="utf-8")
    assert load_playbook(project).synonyms.synonyms[0].reader == ["vp", "convince"]


def _quality(root: Path) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--root", str(root), "quality", "--sources", str(root / "sources")])
    return code, out.getvalue()


def test_quality_reports_a_rule_that_captures_the_query_corpus(tmp_path: Path):
    """A rule whose reader word is in a large share of readers' queries ('manager', 'team') passes `check` but
    would send them all to its site words: `quality` names it and the share."""
    from scripts.project_copy import copy_project

    project = copy_project(tmp_path / "project")
    (project / "sources").mkdir()
    (project / "sources" / "unrelated.txt").write_text("A short text about gardens, tides and the weather.\n", encoding="utf-8")
    (project / "tests").mkdir(exist_ok=True)
    shutil.copy(ROOT / "tests" / "search_queries.yml", project / "tests" / "search_queries.yml")
    queries = [q["q"] for q in yaml.safe_load((ROOT / "tests" / "search_queries.yml").read_text())["queries"]]
    common = {"manager", "team", "stakeholder", "peer", "decision"}
    with (project / "data" / "synonyms.yml").open("a", encoding="utf-8") as out:
        out.write(f"  - reader: [{', '.join(sorted(common))}]\n    site: [tactic]\n")
    load_playbook(project)  # check passes: each word is a real word
    code, printed = _quality(project)
    share = sum(any(w in q.lower().split() for w in common) for q in queries) / len(queries)
    assert share > 0.15
    line = next(line for line in printed.splitlines() if "data/synonyms.yml" in line)
    assert code == 1 and "captures" in line and "decision" in line


def test_quality_passes_the_real_synonyms():
    from playbook.quality.search_capture import captured

    queries = [q["q"] for q in yaml.safe_load((ROOT / "tests" / "search_queries.yml").read_text())["queries"]]
    assert captured(load_playbook(ROOT), queries) == []
