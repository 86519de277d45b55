"""Words to say (situations, and tactics that are a conversation): validated part by part, rendered as their own
section with a permalink, shown in run mode, and carried in the JSON export."""

from __future__ import annotations

from pathlib import Path

import pytest

from playbook.contract.models import Situation, Tactic
from playbook.pipeline import load_playbook
from playbook.problems import DataError
from playbook.render.export import build_export

TACTIC = "tactics/first-tactic.yml"
WORDS = """words_to_say:
  opening: ["Can we look at the numbers together?"]
  pushback:
    - {they_say: "We have no time.", you_say: "Then let me draft it and you mark it up."}
    - {they_say: "Raise a ticket.", you_say: "I have; I am asking for an agreed target instead."}
  follow_up: "Thanks: target agreed, dashboard by Friday."
"""


def with_words(project: Path, words: str) -> None:
    path = project / "data" / TACTIC
    path.write_text(path.read_text().replace("pitfalls:", words + "pitfalls:", 1))


def problems(project: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_playbook(project)
    return [str(p) for p in caught.value.problems]


def test_words_load_and_are_exported(project):
    with_words(project, WORDS)
    book = load_playbook(project)
    words = book.records["tactics/first-tactic"].doc.words_to_say
    assert words.opening == ["Can we look at the numbers together?"]
    assert [p.they_say for p in words.pushback] == ["We have no time.", "Raise a ticket."]
    row = next(e for e in build_export(book, "https://example.org/").entries if e.id == "first-tactic")
    assert row.words_to_say is not None and row.words_to_say.follow_up.startswith("Thanks")
    assert next(e for e in build_export(book, "https://example.org/").entries if e.id == "second-tactic").words_to_say is None


@pytest.mark.parametrize(("old", "new", "message"), [
    ('opening: ["Can we look at the numbers together?"]', "opening: []", "words_to_say.opening: List should have at least 1 item"),
    ('    - {they_say: "Raise a ticket.", you_say: "I have; I am asking for an agreed target instead."}\n', "",
     "words_to_say.pushback: List should have at least 2 items"),
    ('you_say: "Then let me draft it and you mark it up."', 'you_say: ""',
     "words_to_say.pushback[0].you_say: String should have at least 3"),
    ('  follow_up: "Thanks: target agreed, dashboard by Friday."\n', "", "words_to_say.follow_up: required field is missing"),
])
def test_an_empty_or_missing_part_is_a_data_error_with_its_line(project, old, new, message):
    assert old in WORDS
    with_words(project, WORDS.replace(old, new))
    found = problems(project)
    assert any(p.startswith(f"data/{TACTIC}:") and message in p for p in found), found


def test_words_sit_between_the_moves_and_the_traps():
    for model, before in ((Situation, "moves"), (Tactic, "steps")):
        fields = [s.field for s in model.SECTIONS]
        assert fields.index("words_to_say") == fields.index(before) + 1
        assert fields[fields.index("words_to_say") + 1] == "pitfalls"
    assert Situation.model_fields["words_to_say"].is_required()
    assert not Tactic.model_fields["words_to_say"].is_required()


def test_every_situation_page_shows_its_words_with_a_permalink_in_run_mode_and_export(built_site, book):
    import json
    exported = {(e["kind"], e["id"]): e for e in json.loads((built_site.site / "api" / "playbook.json").read_text())["entries"]}
    for record in book.of_kind("situations"):
        html = (built_site.site / record.url / "index.html").read_text(encoding="utf-8")
        words = record.doc.words_to_say
        assert '<h2 id="words-to-say">Words to say<a class="headerlink" href="#words-to-say"' in html, record.ref
        assert html.index('id="moves"') < html.index('id="words-to-say"') < html.index('id="pitfalls"'), record.ref
        assert 'data-run-words' in html, f"{record.ref}: no words screen in run mode"
        assert len(words.pushback) >= 2
        assert exported[("situation", record.id)]["words_to_say"]["follow_up"] == words.follow_up
