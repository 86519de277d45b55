"""Every class of bad input gives `path:line: field: message`, all of them in one run."""

from __future__ import annotations

from pathlib import Path

import pytest

from playbook.pipeline import load_playbook
from playbook.problems import DataError


def write(project: Path, rel: str, text: str | bytes) -> None:
    path = project / "data" / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text if isinstance(text, bytes) else text.encode())


def problems(project: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_playbook(project)
    return [str(p) for p in caught.value.problems]


def edit(project: Path, rel: str, old: str, new: str) -> None:
    path = project / "data" / rel
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


def test_fixture_is_valid(project):
    book = load_playbook(project)
    assert sorted(book.records) == ["models/first-model", "sources/a-book", "tactics/first-tactic", "tactics/second-tactic"]


def test_unknown_field_suggests_the_right_one(project):
    edit(project, "models/first-model.yml", "when_to_use:", "when_to_us:")
    found = problems(project)
    assert "data/models/first-model.yml:6: when_to_us: unknown field 'when_to_us' (did you mean 'when_to_use'?)" in found
    assert "data/models/first-model.yml:2: when_to_use: required field is missing" in found


def test_wrong_type_names_line_and_field(project):
    edit(project, "models/first-model.yml", "steps: [Read it., Apply it.]", "steps:\n  - Read it.\n  - {a: b}")
    assert problems(project) == [
        "data/models/first-model.yml:10: steps[1]: expected text but found a mapping: quote the text (YAML reads ': ' inside it as a key)"
    ]


def test_text_with_colon_is_explained(project):
    edit(project, "models/first-model.yml", "example: A team uses it.", "example: Result: a team uses it.")
    assert problems(project) == [
        "data/models/first-model.yml:11: not valid YAML: mapping values are not allowed in this context; "
        "quote text that contains ': ' or starts with a special character"
    ]


def test_duplicate_key(project):
    edit(project, "models/first-model.yml", "ethics: Be fair.", "ethics: Be fair.\nethics: Be kind.")
    [message] = problems(project)
    assert message.startswith("data/models/first-model.yml:11: ethics: duplicate key (first set on line 10)")


def test_yaml11_boolean(project):
    edit(project, "models/first-model.yml", "ethics: Be fair.", "ethics: no")
    [message] = problems(project)
    assert message.startswith("data/models/first-model.yml:10: ethics: unquoted 'no' is read as a boolean")


def test_missing_reference_says_did_you_mean(project):
    edit(project, "models/first-model.yml", "to: tactics/first-tactic", "to: tactics/frist-tactic")
    [message] = problems(project)
    assert message == (
        "data/models/first-model.yml:13: related[0].to: no tactic 'tactics/frist-tactic' exists "
        "(data/tactics/frist-tactic.yml) (did you mean 'tactics/first-tactic'?)"
    )


def test_unknown_tag_and_source(project):
    edit(project, "models/first-model.yml", "tags: [persuasion]", "tags: [persuasio]")
    edit(project, "models/first-model.yml", "source: sources/a-book", "source: sources/b-book")
    found = problems(project)
    assert "data/models/first-model.yml:4: tags[0]: 'persuasio' is not defined in data/tags.yml (did you mean 'persuasion'?)" in found
    assert any(m.startswith("data/models/first-model.yml:16: sources[0].source: no source 'sources/b-book'") for m in found)


def test_empty_and_non_utf8_files(project):
    write(project, "models/empty.yml", "")
    write(project, "models/latin.yml", b"# yaml-language-server: $schema=../schemas/model.schema.json\ntitle: caf\xe9\n")
    found = problems(project)
    assert any(m.startswith("data/models/empty.yml:1: the file is empty") for m in found)
    assert any(m.startswith("data/models/latin.yml:2: the file is not UTF-8") for m in found)


@pytest.mark.parametrize("text", ["<script>alert(1)</script>", "see <b>this</b>", "<!-- hidden -->"])
def test_raw_html_rejected(project, text):
    edit(project, "models/first-model.yml", "overview: The idea.", f"overview: '{text}'")
    [message] = problems(project)
    assert message.startswith("data/models/first-model.yml:5: overview: raw HTML is not allowed")


def test_schema_line_and_file_name(project):
    edit(project, "models/first-model.yml", "# yaml-language-server: $schema=../schemas/model.schema.json\n", "")
    (project / "data/tactics/second-tactic.yml").rename(project / "data/tactics/Second_Tactic.yml")
    found = problems(project)
    assert any(m.startswith("data/models/first-model.yml:1: the first line must name the schema") for m in found)
    assert any(m.startswith("data/tactics/Second_Tactic.yml:1: the file name is the entry's id") for m in found)


def test_every_problem_in_one_run_sorted_by_file(project):
    edit(project, "models/first-model.yml", "ethics: Be fair.", "ethics: no")
    edit(project, "tactics/first-tactic.yml", "example: A team does it.", "exampel: A team does it.")
    write(project, "sources/empty.yml", "")
    found = problems(project)
    assert [m.split(":", 1)[0] for m in found] == [
        "data/models/first-model.yml", "data/sources/empty.yml", "data/tactics/first-tactic.yml", "data/tactics/first-tactic.yml",
    ]


def test_alias_clash(project):
    edit(project, "tactics/second-tactic.yml", "tags: [persuasion]", "tags: [persuasion]\naliases: [first-tactic]")
    [message] = problems(project)
    assert "'first-tactic' is already the id or alias of another tactic" in message


def test_an_entry_merged_from_another_kind_keeps_its_url_as_an_alias(project):
    """A tactic merged into a model: `aliases: [tactics/<old id>]` frees the old id and redirects its URL."""
    from playbook.contract.names import redirect_target
    from playbook.pipeline import load_playbook

    (project / "data/tactics/second-tactic.yml").unlink()
    edit(project, "models/first-model.yml", "  - {rel: see-also, to: tactics/second-tactic}\n", "")
    edit(project, "models/first-model.yml", "overview: The idea.", "aliases: [tactics/second-tactic]\noverview: The idea.")
    book = load_playbook(project)  # no DataError
    assert book.redirects["tactics/second-tactic"].ref == "models/first-model"
    assert redirect_target("tactics/second-tactic", "models", "first-model") == "../../models/first-model/"
    assert redirect_target("models/old-model", "models", "first-model") == "../first-model/"


def test_a_cross_kind_alias_must_name_a_kind_and_a_free_id(project):
    edit(project, "models/first-model.yml", "overview: The idea.", "aliases: [tactics/first-tactic, tricks/old]\noverview: The idea.")
    found = problems(project)
    assert any("aliases[0]: 'tactics/first-tactic' is already the id or alias of another" in p for p in found), found
    assert any("aliases[1]: 'tricks/old' names no kind of entry" in p for p in found), found


def test_inline_reference_in_text_is_checked(project):
    text = "overview: See [[tactics/first-tactic]] and [[tactics/frist-tactic|this]]."
    edit(project, "models/first-model.yml", "overview: The idea.", text)
    [message] = problems(project)
    assert message.startswith("data/models/first-model.yml:5: overview: no tactic 'tactics/frist-tactic' exists")


def test_a_reference_to_a_former_id_names_the_new_one(project):
    edit(project, "tactics/second-tactic.yml", "tags: [", "aliases: [old-second]\ntags: [")
    edit(project, "models/first-model.yml", "to: tactics/second-tactic}", "to: tactics/old-second}")
    found = problems(project)
    assert any(p.endswith("related[1].to: 'tactics/old-second' is a former id of 'tactics/second-tactic': link to "
                          "'tactics/second-tactic'") for p in found), found


@pytest.mark.parametrize(("text", "message"), [
    ("a [x](javascript:alert(1))", "links in text go to http(s) or mailto addresses only"),
    ("[r]: vbscript:msgbox", "a reference definition ('[r]: …') is not allowed in text"),
    ("- [r]: https://example.com", "a reference definition ('[r]: …') is not allowed in text"),
    ("see [a](../relative/)", "link to '../relative/': links in text go to http(s) or mailto addresses only"),
    ("see [x](data:text/html,hi)", "links in text go to http(s) or mailto addresses only"),
    ("Do it{: onclick=alert(1) }", "attribute lists"),
    ("*x*{: onmouseover=\"a\" }", "attribute lists"),
    ("An item { #__search }", "attribute lists"),
    ("![p](https://host/t.png)", "images are not allowed"),
    ("<img src=x onerror=alert(1)>", "raw HTML is not allowed"),
])
def test_markup_in_text_is_refused_with_file_line_and_field(project, text, message):
    edit(project, "tactics/first-tactic.yml", "pitfalls: [Too much.]", f"pitfalls: ['{text}']")
    found = problems(project)
    assert any(p.startswith("data/tactics/first-tactic.yml:9: pitfalls[0]: ") and message in p for p in found), found


def test_a_source_address_must_be_a_plain_web_address(project):
    edit(project, "sources/a-book.yml", "type: book", "type: book\nurl: 'https://example.com/a) [j](javascript:alert(1))'")
    found = problems(project)
    assert any(": url: must be a plain http(s) address" in p for p in found), found


def test_run_mode_is_optional_and_validated(project):
    rel = "tactics/first-tactic.yml"
    edit(project, rel, "steps: [Step one.]", "steps: [Step one., Step two.]\nrun:\n  minutes: [5, 10]")
    assert load_playbook(project).get("tactics/first-tactic").doc.run.minutes == [5, 10]
    edit(project, rel, "  minutes: [5, 10]", "  minutes: [5]\n  follow_up: checklists/missing")
    found = problems(project)
    assert any(p.startswith("data/tactics/first-tactic.yml:") and "run.minutes has 1 values for 2 steps" in p for p in found)
    edit(project, rel, "  minutes: [5]\n", "  minutes: [5, 0]\n")
    found = problems(project)
    assert any("run.minutes[1]: Input should be greater than or equal to 1" in p for p in found)
    edit(project, rel, "  minutes: [5, 0]\n", "")
    assert any("run.follow_up" in p and "checklists/missing" in p for p in problems(project))


def test_a_checklist_too_long_for_one_printed_page_is_refused_at_its_items(project):
    """The print test (tests/browser/test_print.py) found a checklist of 1,250 characters on two Letter pages: the
    data says so first, at the items' line, with the size."""
    item = "Checked the one thing this line is about, with the name of who does it and by when it is due, in full"
    why = "Why this checklist exists, in a sentence that a reader can take in at a glance before the meeting."
    body = ("# yaml-language-server: $schema=../schemas/checklist.schema.json\n"
            "title: A long list\nsummary: A list that is too long to print.\nmoment: Before the meeting\n"
            f"why: {why}\nitems:\n" + "".join(f"  - {item} {n}\n" for n in range(11)))
    write(project, "checklists/a-long-list.yml", body)
    size = len(why) + sum(len(f"{item} {n}") for n in range(11))
    assert size > 1150
    assert problems(project) == [f"data/checklists/a-long-list.yml:6: items: why and the items run to {size} characters, and at "
                                 "most 1150 print on one page (A4 and Letter): shorten them or split the checklist"]
    write(project, "checklists/a-long-list.yml", body.replace("".join(f"  - {item} {n}\n" for n in range(4, 11)), ""))
    assert "checklists/a-long-list" in load_playbook(project).records
