"""The strict YAML reader: lines, duplicate keys, YAML 1.1 booleans, encoding, emptiness."""

from pathlib import Path

from playbook.load.yaml_source import read_yaml


def _read(tmp_path: Path, text: str | bytes):
    path = tmp_path / "entry.yml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    return read_yaml(path, "data/models/entry.yml")


def test_lines_of_keys_and_items(tmp_path):
    doc = _read(tmp_path, "title: A\nsteps:\n  - one\n  - two\n")
    assert doc.problems == []
    assert doc.lines[("title",)] == 1
    assert doc.lines[("steps", 1)] == 4


def test_duplicate_key_names_both_lines(tmp_path):
    doc = _read(tmp_path, "title: A\nsummary: x\ntitle: B\n")
    [problem] = doc.problems
    assert str(problem).startswith("data/models/entry.yml:3: title:")
    assert "duplicate key (first set on line 1)" in problem.message


def test_unquoted_yaml11_boolean_is_caught(tmp_path):
    doc = _read(tmp_path, "title: A\nanswer: no\nquoted: 'no'\nflag: true\n")
    [problem] = doc.problems
    assert (problem.line, problem.field) == (2, "answer")
    assert "read as a boolean" in problem.message
    assert doc.data["quoted"] == "no" and doc.data["flag"] is True


def test_not_utf8(tmp_path):
    doc = _read(tmp_path, b"title: A\nsummary: caf\xe9\n")
    [problem] = doc.problems
    assert problem.line == 2 and "not UTF-8" in problem.message


def test_empty_file(tmp_path):
    doc = _read(tmp_path, "# only a comment\n")
    [problem] = doc.problems
    assert "empty" in problem.message


def test_syntax_error_has_its_line(tmp_path):
    doc = _read(tmp_path, "title: A\nsteps: [one, two\nsummary: x\n")
    [problem] = doc.problems
    assert problem.line >= 2 and "not valid YAML" in problem.message
