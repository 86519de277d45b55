"""Hostile data, as a careless or malicious pull request would bring it: every case is refused by name.

Each case writes files into a copy of the mini project and runs `playbook check` in-process under a
memory ceiling and an alarm, so a regression (an alias bomb, a FIFO) fails the test instead of
eating the machine or hanging the suite. The cases that could crash a build also run through one
`mkdocs build` of a small copied project.
"""

from __future__ import annotations

import contextlib
import os
import resource
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from playbook.cli import main
from playbook.contract.names import MAX_ID, SITE_NAMES, WINDOWS_NAMES
from playbook.load.files import MAX_FILE_BYTES
from playbook.load.yaml_source import MAX_DEPTH, MAX_TEXT
from playbook.schema.text_budget import MAX_BRACKET_DEPTH, MAX_BRACKETS, MAX_INDENT, MAX_LINES, MAX_MARKERS

from .conftest import FIXTURE, ROOT

HEAD = "# yaml-language-server: $schema=../schemas/tactic.schema.json\n"
VALID = (FIXTURE / "data/tactics/second-tactic.yml").read_text(encoding="utf-8")
SOURCE = (FIXTURE / "data/sources/a-book.yml").read_text(encoding="utf-8")
HEADROOM = 64 * 1024 * 1024
SECONDS = 5


def _vm_size() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmSize:"):
            return int(line.split()[1]) * 1024
    raise AssertionError("no VmSize in /proc/self/status")


@contextlib.contextmanager
def bounded() -> Iterator[None]:
    """At most HEADROOM more memory and SECONDS of time; both limits are lifted afterwards."""
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)

    def timeout(*_: object) -> None:
        raise TimeoutError(f"took more than {SECONDS} s")

    previous = signal.signal(signal.SIGALRM, timeout)
    resource.setrlimit(resource.RLIMIT_AS, (_vm_size() + HEADROOM, hard))
    signal.alarm(SECONDS)
    try:
        yield
    finally:
        signal.alarm(0)
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
        signal.signal(signal.SIGALRM, previous)


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str
    seconds: float

    @property
    def lines(self) -> list[str]:
        return self.err.strip().splitlines()


def playbook(capsys: pytest.CaptureFixture[str], *args: str) -> Run:
    """`playbook ARGS` in this process, bounded in memory and time."""
    capsys.readouterr()
    start = time.perf_counter()
    with bounded():
        code = main(list(args))
    seconds = time.perf_counter() - start
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    return Run(code, captured.out, captured.err, seconds)


@pytest.fixture
def project(project: Path) -> Path:
    """The mini project (conftest.py) with the hand-written pages the plugin expects."""
    dest = project
    for page in ("index.md", "checklists/print.md", "tags.md", "my-playbook.md", "interview/drill.md"):
        (dest / "docs" / page).parent.mkdir(parents=True, exist_ok=True)
        (dest / "docs" / page).write_text("# A hand-written page\n", encoding="utf-8")
    return dest


Setup = Callable[[Path, str], None]
"""Writes a hostile case into the project at `root`; `rel` is the entry file the case may use."""


def write(text: str | bytes, rel: str | None = None) -> Setup:
    def setup(root: Path, own: str) -> None:
        path = root / (rel or own)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text if isinstance(text, bytes) else text.encode())
    return setup


def link(target: str, rel: str | None = None) -> Setup:
    def setup(root: Path, own: str) -> None:
        os.symlink(Path(own).name if target == "itself" else target, root / (rel or own))
    return setup


def fifo(rel: str | None = None) -> Setup:
    def setup(root: Path, own: str) -> None:
        os.mkfifo(root / (rel or own))
    return setup


def unlink(rel: str) -> Setup:
    def setup(root: Path, own: str) -> None:
        (root / rel).unlink()
    return setup


def _touch(path: Path) -> Path:
    path.touch()
    return path


def both(*setups: Setup) -> Setup:
    def setup(root: Path, own: str) -> None:
        for one in setups:
            one(root, own)
    return setup


def example(yaml_value: str) -> str:
    """The valid tactic with its `example:` (line 10) set to `yaml_value`, written as YAML."""
    return VALID.replace("example: A team does it.", "example: " + yaml_value)


def nested_flow(depth: int) -> str:
    return HEAD + "title: " + "[" * depth + "x" + "]" * depth + "\n"


def nested_block(depth: int) -> str:
    return HEAD + "title:\n" + "".join("  " * i + "- \n" for i in range(depth - 1)) + "  " * (depth - 1) + "- x\n"


def laughs(levels: int) -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, levels)]
    return HEAD + "\n".join(lines) + "\n"


T = "data/tactics/hostile.yml"
ALIASES = "YAML anchors and aliases (&name, *name) are not allowed: write each value out in full"
NO_DATA = "the file holds no data (only `---`, `~` or `null`): an entry is a mapping of fields"
DEEP = f"nested more than {MAX_DEPTH} levels deep: entries need a few levels at most"
LONG = f"characters is over the limit of {MAX_TEXT:,}: shorten it or split the entry"
NAME = "the file name is the entry's id and URL:"
PATTERN = "use lowercase letters, digits and single hyphens"
CONTROL = "a control character is not text; delete it (or the YAML escape, such as \\e or \\x80, that writes it)"
PLAIN = "data is plain text, numbers, lists and mappings"
FIFO = "is a named pipe (FIFO), not a file: data files must be regular files"
LOOSE = "delete the link or point it at a real file"
FORMAT = "an invisible formatting character makes the text read differently from what reviewers see; delete it"
NONCHAR_WHY = "not a character text may hold; delete it"
NONCHAR = f"a noncharacter at character 2: {NONCHAR_WHY}"
SEPARATOR = "write a plain newline, in a multi-line field"
SINGLE = "this field is a single line"
MERGE = "the merge key `<<` is not allowed: write each field out in full (each entry stands alone)"
STRAY = "not an entry or a vocabulary"
KIND_FOLDERS = "checklists/, models/, paths/, prompts/, situations/, sources/, tactics/"
IN_DATA = (f"entries are files in a kind folder ({KIND_FOLDERS}) and the vocabularies are archetypes.yml, competencies.yml, tags.yml"
           " (and synonyms.yml, the search box's synonyms)")
NOT_KIND = f"a folder that is not a kind folder ({KIND_FOLDERS})"
HIDDEN = "a hidden file (its name starts with '.'); rename it to <id>.yml or delete it"
REFDEF = ("a reference definition ('{} …') is not allowed in text: write the link where it is used, [text](https://…), "
          "or \\[ for a literal bracket")
LINKS = "links in text go to http(s) or mailto addresses only; link entries with [[kind/id]]"
WINDOWS = "'{}' is a device name on Windows (with or without an extension): such a file cannot exist there; choose another name"
BACKUP = "a backup file, not an entry: delete it (or keep it out of data/)"


def tag(name: str) -> str:
    return f"the YAML tag '{name}' is not allowed: {PLAIN}"


def leaving(target: str) -> str:
    return f"a symlink leaving data/ (to '{target}'): data files must be real files inside data/"


def site(name: str) -> str:
    return f"'{name}' is reserved for the site's own pages and folders: choose another name"


def page(name: str, path: str) -> str:
    return f"'{name}' is the name of the hand-written page {path}: choose another name"


CASES: dict[str, tuple[Setup, str]] = {
    # parser bombs: aliases, tags, depth, size, length, values Python cannot build
    "billion laughs": (write(laughs(10)), f"{T}:2: a0: {ALIASES}"),
    "recursive alias": (write(HEAD + "title: &a [*a]\n"), f"{T}:2: title: {ALIASES}"),
    "merge key": (write(HEAD + "base: &b {x: 1}\nmore:\n  <<: *b\n"), f"{T}:2: base: {ALIASES}"),
    "alias only": (write(HEAD + "title: *nowhere\n"), f"{T}:2: title: {ALIASES}"),
    "anchor in a list": (write(VALID.replace("steps: [", "steps: [&s ")), f"{T}:8: steps[0]: {ALIASES}"),
    "1,200 deep": (write(nested_flow(1200)), f"{T}:2: title{'[0]' * (MAX_DEPTH - 1)}: {DEEP}"),
    "30,000 deep": (write(nested_flow(30_000)), f"{T}:2: title{'[0]' * (MAX_DEPTH - 1)}: {DEEP}"),
    "deep block lists": (write(nested_block(40)), f"{T}:{MAX_DEPTH + 2}: title{'[0]' * (MAX_DEPTH - 1)}: {DEEP}"),
    "deep mappings": (write(HEAD + "title: " + "{a: " * 200 + "x" + "}" * 200 + "\n"), f"{T}:2: title{'.a' * (MAX_DEPTH - 1)}: {DEEP}"),
    "long text": (write(example("A" * (MAX_TEXT + 1))),
                  f"{T}:10: example: text of {MAX_TEXT + 1:,} {LONG}"),
    "long key": (write(HEAD + "k" * (MAX_TEXT + 1) + ": x\n"), f"{T}:2: text of {MAX_TEXT + 1:,} {LONG}"),
    "big file": (write(HEAD + "# padding\n" * 7000),
                 f"{T}:1: the file is over 64 KiB, the limit for a data file: split the entry or shorten it"),
    "huge integer": (write(VALID.replace("title: Second tactic", "title: " + "9" * 5000)),
                     f"{T}:2: title: cannot read this value (Exceeds the limit (4300 digits) for integer string conversion: "
                     "value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit); quote it to keep it as text"),
    "impossible date": (write(VALID.replace("title: Second tactic", "title: 2026-13-45")),
                        f"{T}:2: title: cannot read this value (month must be in 1..12); quote it to keep it as text"),
    "control character": (write(HEAD + "title: a\x07b\n"), f"{T}:2: title: U+0007 BELL at column 9: {CONTROL}"),
    "python tag": (write(HEAD + "title: !!python/object/apply:os.system [true]\n"),
                   f"{T}:2: title: {tag('tag:yaml.org,2002:python/object/apply:os.system')}"),
    "custom tag": (write(VALID.replace("related:", "related: !include")), f"{T}:11: related: {tag('!include')}"),
    "%TAG directive": (write("%TAG !e! tag:example.com,2000:\n---\ntitle: !e!x y\n"), f"{T}:3: title: {tag('tag:example.com,2000:x')}"),
    "NUL byte": (write(HEAD + "title: a\x00b\n"), f"{T}:2: title: U+0000 NULL at column 9: {CONTROL}"),
    "UTF-16": (write(VALID.encode("utf-16")), f"{T}:1: the file is not UTF-8 (byte 0); save it as UTF-8"),
    "two documents": (write(VALID + "---\ntitle: Another\n"),
                      f"{T}:15: not valid YAML: but found another document; a data file holds one entry: remove the second `---`"),
    "tab indent": (write(VALID.replace("sources:\n  -", "sources:\n\t-")),
                   f"{T}:14: not valid YAML: found character that cannot start any token; indent with spaces, not tabs"),
    "sparse 10 GB file": (lambda root, own: os.truncate(_touch(root / own), 10 * 1024 ** 3),
                          f"{T}:1: the file is over 64 KiB, the limit for a data file: split the entry or shorten it"),
    # text is only text: characters written by YAML escapes are refused after decoding (contract/characters.py)
    "escape \\0": (write(example(r'"a\0b"')), f"{T}:10: example: U+0000 NULL at character 2: {CONTROL}"),
    "escape \\a": (write(example(r'"a\ab"')), f"{T}:10: example: U+0007 BELL at character 2: {CONTROL}"),
    "escape \\e": (write(example(r'"\e[31mred"')), f"{T}:10: example: U+001B ESCAPE at character 1: {CONTROL}"),
    "escape \\r": (write(example(r'"one\rtwo"')), f"{T}:10: example: U+000D CARRIAGE RETURN at character 4: {CONTROL}"),
    "escape \\r\\n": (write(example(r'"one\r\ntwo"')), f"{T}:10: example: U+000D CARRIAGE RETURN at character 4: {CONTROL}"),
    "escape \\x80": (write(example(r'"a\x80"')), f"{T}:10: example: U+0080 a C1 control character at character 2: {CONTROL}"),
    "escape \\N": (write(example(r'"a\Nb"')), f"{T}:10: example: U+0085 NEXT LINE at character 2: {CONTROL}"),
    "escape \\x7f": (write(example(r'"a\x7f"')), f"{T}:10: example: U+007F DELETE at character 2: {CONTROL}"),
    "Markdown's STX/ETX in a title": (write(VALID.replace("title: Second tactic", r'title: "\x02wzxhzdk:0\x03"')),
                                      f"{T}:2: title: U+0002 START OF TEXT at character 1: {CONTROL}"),
    "escape \\uFFFE": (write(example(r'"a\uFFFE"')), f"{T}:10: example: U+FFFE {NONCHAR}"),
    "escape \\uFDD0": (write(example(r'"\uFDD0"')), f"{T}:10: example: U+FDD0 a noncharacter at character 1: {NONCHAR_WHY}"),
    "escape \\U0010FFFF": (write(example(r'"a\U0010FFFF"')), f"{T}:10: example: U+10FFFF {NONCHAR}"),
    "escape \\L": (write(example(r'"a\Lb"')), f"{T}:10: example: U+2028 LINE SEPARATOR at character 2: {SEPARATOR}"),
    "escape \\P": (write(example(r'"a\Pb"')), f"{T}:10: example: U+2029 PARAGRAPH SEPARATOR at character 2: {SEPARATOR}"),
    "escape \\uD800": (write(example(r'"a\uD800"')),
                       f"{T}:10: not valid YAML: found invalid Unicode character escape code"),
    "RLO in a title": (write(VALID.replace("title: Second tactic", r'title: "Safe \u202Eetirw"')),
                       f"{T}:2: title: U+202E RIGHT-TO-LEFT OVERRIDE at character 6: {FORMAT}"),
    "raw RLO in a text": (write(example("Safe \u202eetirw")), f"{T}:10: example: U+202E RIGHT-TO-LEFT OVERRIDE at character 6: {FORMAT}"),
    "isolate in a summary": (write(VALID.replace("summary: A tactic", 'summary: \u2066A tactic')),
                             f"{T}:3: summary: U+2066 LEFT-TO-RIGHT ISOLATE at character 1: {FORMAT}"),
    "RLM in also_called": (write(VALID + 'also_called: ["ok phrase", "bad\\u200Fphrase"]\n'),
                           f"{T}:15: also_called[1]: U+200F RIGHT-TO-LEFT MARK at character 4: {FORMAT}"),
    "ALM in a step": (write(VALID.replace("steps: [Step one.]", r'steps: ["Step\u061Cone."]')),
                      f"{T}:8: steps[0]: U+061C ARABIC LETTER MARK at character 5: {FORMAT}"),
    "zero width space in a tag id": (write(VALID.replace("tags: [persuasion]", r'tags: ["persu\u200Basion"]')),
                                     f"{T}:4: tags[0]: U+200B ZERO WIDTH SPACE at character 6: {FORMAT}"),
    "zero width joiner in a text": (write(example(r'"a\u200Db"')), f"{T}:10: example: U+200D ZERO WIDTH JOINER at character 2: {FORMAT}"),
    "word joiner in a label": (write(VALID.replace("locator: p. 12", r'locator: "p.\u2060 12"')),
                               f"{T}:14: sources[0].locator: U+2060 WORD JOINER at character 3: {FORMAT}"),
    "BOM inside a value": (write(example(r'"\uFEFFtext"')), f"{T}:10: example: U+FEFF ZERO WIDTH NO-BREAK SPACE at character 1: {FORMAT}"),
    "soft hyphen": (write(VALID.replace("title: Second tactic", r'title: "Sec\u00ADond"')),
                    f"{T}:2: title: U+00AD SOFT HYPHEN at character 4: {FORMAT}"),
    "tab in a title": (write(VALID.replace("title: Second tactic", r'title: "Second\ttactic"')),
                       f"{T}:2: title: U+0009 CHARACTER TABULATION at character 7: {SINGLE}"),
    "newline in a title": (write(VALID.replace("title: Second tactic", r'title: "Second\ntactic"')),
                           f"{T}:2: title: U+000A LINE FEED at character 7: {SINGLE}"),
    "tab in a tag id": (write(VALID.replace("tags: [persuasion]", r'tags: ["persu\tasion"]')),
                        f"{T}:4: tags[0]: U+0009 CHARACTER TABULATION at character 6: {SINGLE}"),
    "newline in a reference": (write(VALID.replace("to: models/first-model", r'to: "models/first-model\n"')),
                               f"{T}:12: related[0].to: U+000A LINE FEED at character 19: {SINGLE}"),
    "tab in a source address": (write(SOURCE.replace("title: A Book", 'title: A Book\nurl: "https://example.com/a\\tb"'),
                                      "data/sources/a-book.yml"),
                                f"data/sources/a-book.yml:3: url: U+0009 CHARACTER TABULATION at character 22: {SINGLE}"),
    "raw NEL": (write(VALID.replace("title: Second tactic", "title: Second\x85tactic")),
                f"{T}:2: title: U+0085 NEXT LINE at column 14: {CONTROL}"),
    "raw line separator": (write(example("one\u2028two")), f"{T}:10: example: U+2028 LINE SEPARATOR at column 13: {SEPARATOR}"),
    "raw lone CR": (write(VALID.replace("pitfalls: [Too much.]\n", "pitfalls: [Too much.]\r")),
                    f"{T}:9: pitfalls[0]: U+000D CARRIAGE RETURN at column 22: {CONTROL}"),
    "C1 in a vocabulary title": (write('persuasion:\n  title: "P\\x9Bx"\n  definition: Changing minds.\n', "data/tags.yml"),
                                 f"data/tags.yml:2: persuasion.title: U+009B a C1 control character at character 2: {CONTROL}"),
    "bidi in a vocabulary id": (write('"per\\u202Esuasion":\n  title: P\n  definition: Changing minds.\n', "data/tags.yml"),
                                f"data/tags.yml:1: per\\u202esuasion: U+202E RIGHT-TO-LEFT OVERRIDE at character 4: {FORMAT}"),
    "escape in a competency definition": (write('x:\n  title: X\n  definition: "a\\eb"\n', "data/competencies.yml"),
                                          f"data/competencies.yml:3: x.definition: U+001B ESCAPE at character 2: {CONTROL}"),
    "escape in an archetype": (write('x:\n  title: X\n  definition: D.\n  asked_about: ["a\\u202Db"]\n', "data/archetypes.yml"),
                               f"data/archetypes.yml:4: x.asked_about[0]: U+202D LEFT-TO-RIGHT OVERRIDE at character 2: {FORMAT}"),
    "bare merge key": (write(VALID + "<<: {title: Other}\n"), f"{T}:15: <<: {MERGE}"),
    "nested merge key": (write(VALID.replace("  - {rel: contrasts-with,", "  - {<<: {x: 1}, rel: contrasts-with,")),
                         f"{T}:12: related[0].<<: {MERGE}"),
    "bare =": (write(example("=")), f"{T}:10: example: a bare `=` is a special value in YAML 1.1: write \"=\" for text"),
    # Markdown that costs the renderer seconds or its stack (text_budget.py)
    "unclosed brackets": (write(example("'" + "[a " * 3000 + "'")),
                          f"{T}:10: example: square brackets do not pair up: close each '[' with ']', or write \\[ for a literal bracket"),
    "open link targets": (write(example("'" + "[a](" * 2000 + "'")),
                          f"{T}:10: example: a link target '](' is not closed with ')' on its line"),
    "open image targets": (write(VALID.replace("steps: [Step one.]", "steps: ['Look ![a](x' ]")),
                           f"{T}:8: steps[0]: a link target '](' is not closed with ')' on its line"),
    "lists on one line": (write(VALID.replace("pitfalls: [Too much.]", "pitfalls: ['" + "1. " * 3000 + "']")),
                          f"{T}:9: pitfalls[0]: more than {MAX_MARKERS} list or quote markers at the start of a line"),
    "quotes on one line": (write(example("'" + ">" * 9000 + "x'")),
                           f"{T}:10: example: more than {MAX_MARKERS} list or quote markers at the start of a line"),
    "too many lines": (write(example("|\n" + "  a\n  =\n" * 2500)),
                       f"{T}:10: example: more than {MAX_LINES} lines in one field: split it"),
    "too many brackets": (write(example("'" + "[a] " * 2000 + "'")),
                          f"{T}:10: example: more than {MAX_BRACKETS} '[' in one field: split it"),
    "brackets too deep": (write(example("'[[[[a]]]]'")),
                          f"{T}:10: example: square brackets nested more than {MAX_BRACKET_DEPTH} deep"),
    "indented too deep": (write(example("|\n" + "".join(f"  {'    ' * i}- x\n" for i in range(60)))),
                          f"{T}:10: example: a line indented by more than {MAX_INDENT} spaces: lists nest a few levels at most"),
    "bad term definition": (write("persuasion:\n  title: P\n  definition: '" + "[x " * 50 + "'\n", "data/tags.yml"),
                            "data/tags.yml:3: persuasion.definition: square brackets do not pair up: close each '[' with ']', "
                            "or write \\[ for a literal bracket"),
    # Markdown corners: reference definitions anywhere, relative links (the trust model: http(s) and mailto only)
    "reference definition": (write(example("'[x]: https://example.com'")), f"{T}:10: example: {REFDEF.format('[x]:')}"),
    "reference definition in a list item": (write(VALID.replace("steps: [Step one.]", "steps: ['- [x]: https://example.com']")),
                                            f"{T}:8: steps[0]: {REFDEF.format('[x]:')}"),
    "reference definition in a quote": (write(example("'> > [evil]: https://example.com'")),
                                        f"{T}:10: example: {REFDEF.format('[evil]:')}"),
    "reference definition in a nested item": (write(example("|\n  1. item\n\n      - [x]:\n        https://example.com\n")),
                                              f"{T}:10: example: {REFDEF.format('[x]:')}"),
    "reference definition inside a paragraph": (write(example("|\n  Text.\n  [x]: mailto:a@example.com\n")),
                                                f"{T}:10: example: {REFDEF.format('[x]:')}"),
    "relative link": (write(example("'[a pre-mortem](../pre-mortem/)'")),
                      f"{T}:10: example: link to '../pre-mortem/': {LINKS}"),
    "root-relative link": (write(example("'[home](/)'")), f"{T}:10: example: link to '/': {LINKS}"),
    # files that are not files, or not ours
    "fifo": (fifo(), f"{T}:1: {FIFO}"),
    "symlink to a fifo in data/": (both(fifo("data/tactics/.pipe"), link(".pipe")), f"{T}:1: {FIFO}"),
    "symlink to /dev/zero": (link("/dev/zero"), f"{T}:1: {leaving('/dev/zero')}"),
    "symlink to /etc/passwd": (link("/etc/passwd"), f"{T}:1: {leaving('/etc/passwd')}"),
    "relative symlink out": (link("../../docs/index.md"), f"{T}:1: {leaving('../../docs/index.md')}"),
    "dangling symlink": (link("gone.yml"), f"{T}:1: a symlink to 'gone.yml', which does not exist: {LOOSE}"),
    "symlink loop": (link("itself"), f"{T}:1: a symlink to '{Path(T).name}', a loop of symlinks: {LOOSE}"),
    "symlinked vocabulary": (both(unlink("data/tags.yml"), link("/etc/hostname", "data/tags.yml")),
                             f"data/tags.yml:1: {leaving('/etc/hostname')}"),
    "symlinked kind folder": (both(lambda root, own: (root / "data/models").rename(root / "models-elsewhere"),
                                   link("../models-elsewhere", "data/models")),
                              "data/models/first-model.yml:1: outside data/ (through a symlinked folder): "
                              "data files must be real files inside data/"),
    "vocabulary is a fifo": (both(unlink("data/tags.yml"), fifo("data/tags.yml")), f"data/tags.yml:1: {FIFO}"),
    # entries that vanish
    "only ---": (write("---\n"), f"{T}:1: {NO_DATA}"),
    "only ~": (write(HEAD + "~\n"), f"{T}:1: {NO_DATA}"),
    "only null": (write("null\n"), f"{T}:1: {NO_DATA}"),
    "--- null": (write("--- null\n...\n"), f"{T}:1: {NO_DATA}"),
    "null term": (write("persuasion:\n", "data/tags.yml"), "data/tags.yml:1: persuasion: expected a mapping of fields"),
    "null referenced by another entry": (write("~\n", "data/models/first-model.yml"), f"data/models/first-model.yml:1: {NO_DATA}"),
    # names: reserved pages, patterns, lengths
    "id index": (write(VALID, "data/tactics/index.yml"), f"data/tactics/index.yml:1: {NAME} {site('index')}"),
    "id print": (write("x: 1\n", "data/checklists/print.yml"), f"data/checklists/print.yml:1: {NAME} {site('print')}"),
    "id tags": (write(VALID, "data/tactics/tags.yml"), f"data/tactics/tags.yml:1: {NAME} {site('tags')}"),
    "id search": (write(VALID, "data/tactics/search.yml"), f"data/tactics/search.yml:1: {NAME} {site('search')}"),
    "id of a tool page": (write(VALID, "data/tactics/drill.yml"),
                          f"data/tactics/drill.yml:1: {NAME} {page('drill', 'docs/interview/drill.md')}"),
    "id of a docs folder": (write(VALID, "data/tactics/interview.yml"),
                            f"data/tactics/interview.yml:1: {NAME} {page('interview', 'docs/interview/')}"),
    "alias index": (write(VALID + "aliases: [index]\n"), f"{T}:15: aliases[0]: {site('index')}"),
    "alias my-playbook": (write(VALID + "aliases: [ok-name, my-playbook]\n"),
                          f"{T}:15: aliases[1]: {page('my-playbook', 'docs/my-playbook.md')}"),
    "name with a newline": (write(VALID, "data/tactics/bad\n.yml"),
                            f"data/tactics/bad\\n.yml:1: {NAME} U+000A LINE FEED at character 4: {PATTERN}"),
    "name too long": (write(VALID, f"data/tactics/{'a' * 81}.yml"),
                      f"data/tactics/{'a' * 81}.yml:1: {NAME} an id is at most 80 characters (this one has 81)"),
    "upper-case name": (write(VALID, "data/tactics/Bad.yml"), f"data/tactics/Bad.yml:1: {NAME} {PATTERN}"),
    "id con": (write(VALID, "data/tactics/con.yml"), f"data/tactics/con.yml:1: {NAME} {WINDOWS.format('con')}"),
    "id com1": (write(VALID, "data/tactics/com1.yml"), f"data/tactics/com1.yml:1: {NAME} {WINDOWS.format('com1')}"),
    "id nul with extra dots": (write(VALID, "data/tactics/nul.txt.yml"), f"data/tactics/nul.txt.yml:1: {NAME} {WINDOWS.format('nul')}"),
    "id lpt9.": (write(VALID, "data/tactics/lpt9..yml"), f"data/tactics/lpt9..yml:1: {NAME} {WINDOWS.format('lpt9')}"),
    "alias aux": (write(VALID + "aliases: [aux]\n"), f"{T}:15: aliases[0]: {WINDOWS.format('aux')}"),
    "vocabulary id prn": (write("prn:\n  title: P\n  definition: Printing.\n", "data/tags.yml"),
                          f"data/tags.yml:1: prn: {WINDOWS.format('prn')}"),
    # strays: every file or folder in data/ is an entry, a vocabulary or data/schemas/; nothing is silently skipped
    "stray file in data/": (write(VALID, "data/stray.yml"), f"data/stray.yml: {STRAY}: {IN_DATA}; move it or delete it"),
    "misspelt vocabulary": (write(VALID, "data/tag.yml"),
                            f"data/tag.yml: {STRAY}: {IN_DATA} (did you mean 'tags.yml'?); move it or delete it"),
    "stray folder in data/": (write(VALID, "data/notes/n.yml"), f"data/notes/: {STRAY}: {NOT_KIND}; move it or delete it"),
    "misspelt kind folder": (write(VALID, "data/tactic/x.yml"),
                             f"data/tactic/: {STRAY}: {NOT_KIND} (did you mean 'tactics/'?); move it or delete it"),
    "folder in a kind folder": (write(VALID, "data/tactics/more/x.yml"),
                                f"data/tactics/more/: {STRAY}: entries are files directly in data/tactics/, never in a folder inside it; "
                                "move its files up or delete it"),
    "hidden entry": (write(VALID, "data/tactics/.hidden.yml"), f"data/tactics/.hidden.yml: {STRAY}: {HIDDEN}"),
    "dots only": (write(VALID, "data/tactics/...yml"), f"data/tactics/...yml: {STRAY}: {HIDDEN}"),
    "hidden fifo is never opened": (fifo("data/tactics/.pipe"), f"data/tactics/.pipe: {STRAY}: {HIDDEN}"),
    "kind folder is a file": (write("x\n", "data/paths"), f"data/paths: {STRAY}: {IN_DATA}; move it or delete it"),
    "vocabulary is a folder": (both(unlink("data/tags.yml"), write(VALID, "data/tags.yml/x.yml")),
                               f"data/tags.yml/: {STRAY}: {NOT_KIND}; move it or delete it"),
    # messages
    "byte-order mark": (write(b"\xef\xbb\xbf" + VALID.encode()),
                        f"{T}:1: the file starts with a byte-order mark (BOM): save it as UTF-8 without BOM"),
    "alias is own id": (write(VALID + "aliases: [hostile]\n"),
                        f"{T}:15: aliases[0]: 'hostile' is this entry's own id: an alias is a former id; remove it"),
    "alias twice": (write(VALID + "aliases: [old-name, old-name]\n"), f"{T}:15: aliases[1]: 'old-name' is listed twice"),
    "alias of another": (write(VALID + "aliases: [first-tactic]\n"),
                         f"{T}:15: aliases[0]: 'first-tactic' is already the id or alias of another tactic "
                         "(data/tactics/first-tactic.yml)"),
    "backup ~": (write(VALID, "data/tactics/first-tactic.yml~"), f"data/tactics/first-tactic.yml~:1: {BACKUP}"),
    "backup .bak": (write(VALID, "data/tactics/first-tactic.yml.bak"), f"data/tactics/first-tactic.yml.bak:1: {BACKUP}"),
    "emacs autosave": (write(VALID, "data/tactics/#first-tactic.yml#"), f"data/tactics/#first-tactic.yml#:1: {BACKUP}"),
    ".yaml beside .yml": (write(VALID, "data/tactics/first-tactic.yaml"),
                          "data/tactics/first-tactic.yaml:1: entry files end in .yml and first-tactic.yml exists already: "
                          "delete this file or merge it into that one"),
    ".yaml alone": (write(VALID, "data/tactics/fresh.yaml"), "data/tactics/fresh.yaml:1: entry files end in .yml; rename it to fresh.yml"),
    # issue 33: lists that repeat, names the browser's tables answer to, search words that capture every query
    "tag twice": (write(VALID.replace("tags: [persuasion]", "tags: [persuasion, persuasion]")),
                  f"{T}:4: tags[1]: 'persuasion' is listed twice"),
    "prototype id": (write(VALID, "data/tactics/constructor.yml"),
                     "data/tactics/constructor.yml:1: the file name is the entry's id and URL: 'constructor' is a name every JavaScript "
                     "object already has: "
                     "the site's browser code would read it wrongly; choose another name"),
    "function-word synonym": (write("synonyms:\n  - reader: [how]\n    site: [tactic]\n", "data/synonyms.yml"),
                              "data/synonyms.yml:2: synonyms[0].reader[0]: 'how' is made of function words the search box drops: "
                              "a rule for it would match almost every query; write the reader's content words"),
    "unknown site word": (write("synonyms:\n  - reader: [plan]\n    site: [zorblax]\n", "data/synonyms.yml"),
                          "data/synonyms.yml:3: synonyms[0].site[0]: 'zorblax' is used by no entry: a site word must be one the pages use"),
}


@pytest.mark.parametrize("name", CASES)
def test_hostile_file_is_refused_by_name(project, capsys, name):
    setup, expected = CASES[name]
    setup(project, T)
    run = playbook(capsys, "--root", str(project), "check")
    assert run.code == 1, run.out
    assert expected in run.lines, "\n".join(run.lines)
    assert run.seconds < 2, f"{name} took {run.seconds:.1f} s"


def test_dropping_the_hostile_file_restores_the_project(project, capsys):
    """The cache of valid records never keeps a refused file's entry, nor loses a good one."""
    for setup, _ in (CASES["fifo"], CASES["alias index"]):
        assert playbook(capsys, "--root", str(project), "check").code == 0
        setup(project, T)
        assert playbook(capsys, "--root", str(project), "check").code == 1
        (project / T).unlink()
    assert playbook(capsys, "--root", str(project), "check").out.startswith("ok: 4 entries")


def test_new_never_overwrites_a_hand_written_page(project, capsys):
    pages = {p: p.read_bytes() for p in (project / "docs").rglob("*.md")}
    for kind, name, message in (
        ("tactic", "index", site("index")),
        ("checklist", "print", site("print")),
        ("model", "tags", site("tags")),
        ("prompt", "drill", page("drill", "docs/interview/drill.md")),
        ("model", "my-playbook", page("my-playbook", "docs/my-playbook.md")),
        ("tactic", "fresh\n", "U+000A LINE FEED at character 6: use lowercase letters, digits and single hyphens"),
        ("tactic", "con", WINDOWS.format("con")),
        ("tactic", "lpt1", WINDOWS.format("lpt1")),
        ("tactic", "a" * 300, "an id is at most 80 characters (this one has 300)"),
    ):
        run = playbook(capsys, "--root", str(project), "new", kind, name)
        assert run.code == 2
        assert run.lines == [f"error: {name!r} is not a valid id: {message}"]
    assert {p: p.read_bytes() for p in (project / "docs").rglob("*.md")} == pages
    assert sorted(p.name for p in (project / "data/tactics").iterdir()) == ["first-tactic.yml", "second-tactic.yml"]


def test_pages_never_writes_into_docs(project, capsys):
    """`playbook pages --out` makes its folder hold exactly the generated pages: never docs/ or a folder above it."""
    pages = {p: p.read_bytes() for p in (project / "docs").rglob("*.md")}
    for out in (project / "docs", project / "docs" / "checklists", project):
        run = playbook(capsys, "--root", str(project), "pages", "--out", str(out))
        message = f"error: {out} holds hand-written pages (docs/): write the generated pages to a folder of their own"
        assert (run.code, run.lines) == (2, [message])
    assert playbook(capsys, "--root", str(project), "pages").code == 0
    assert (project / ".cache/pages/tactics/first-tactic.md").exists()
    assert {p: p.read_bytes() for p in (project / "docs").rglob("*.md")} == pages


def test_cli_file_errors_are_messages(project, tmp_path, capsys):
    run = playbook(capsys, "--root", str(project), "export", "-o", str(tmp_path / "missing" / "x.json"))
    assert (run.code, run.lines) == (1, [f"error: {tmp_path / 'missing' / 'x.json'}: No such file or directory"])
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    run = playbook(capsys, "--root", str(outside), "check")
    assert run.code == 1
    assert run.lines[1] == (
        f"data: no playbook project in {outside}: a project has data/ holding the folders situations/, models/, tactics/, "
        "checklists/, prompts/, paths/, sources/ and the vocabulary files tags.yml, competencies.yml, archetypes.yml; "
        "run the command in the project folder or pass --root"
    )
    (project / "data/archetypes.yml").unlink()
    run = playbook(capsys, "--root", str(project), "check")
    assert "data/archetypes.yml: missing vocabulary file: a mapping of id to {title, definition}" in run.lines


BUILD_CASES = ("billion laughs", "30,000 deep", "unclosed brackets", "lists on one line",
                "big file", "fifo", "symlink to /dev/zero", "dangling symlink",
               "null referenced by another entry", "alias index", "huge integer", "byte-order mark",
               "escape \\e", "Markdown's STX/ETX in a title", "RLO in a title", "bare merge key", "reference definition in a list item",
               "stray file in data/", "id con", "hidden entry")


@pytest.mark.build
def test_mkdocs_build_refuses_hostile_data_quickly(tmp_path):
    """One strict build of a small project holding several hostile files: every one named, no traceback,
    in bounded time and memory (a regression fails here instead of hanging or swapping)."""
    project = tmp_path / "site-project"
    shutil.copytree(FIXTURE, project)
    for name in ("mkdocs.yml", "overrides", "macros", "playbook", "docs"):
        source = ROOT / name
        copy = shutil.copytree if source.is_dir() else shutil.copy
        copy(source, project / name, ignore=shutil.ignore_patterns("__pycache__")) if source.is_dir() else copy(source, project / name)
    expected = []
    for number, name in enumerate(BUILD_CASES):
        setup, line = CASES[name]
        own = f"data/tactics/hostile-{number}.yml"
        setup(project, own)
        expected.append(line.replace(T, own))

    def limits() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1536 * 1024 * 1024, resource.RLIM_INFINITY))

    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
        cwd=project, capture_output=True, text=True, timeout=120, preexec_fn=limits,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    seconds = time.perf_counter() - start
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    for line in expected:
        assert line in result.stderr, line
    assert seconds < 60


def test_the_trust_model_states_the_limits_the_code_applies():
    """docs/contributing.md#trust names the same limits and reserved names as the code."""
    text = (ROOT / "docs/contributing.md").read_text(encoding="utf-8")
    section = text[text.index("{ #trust }"):]
    section = section[: section.index("\n## ")]
    for fact in (f"{MAX_FILE_BYTES // 1024} KiB", f"{MAX_TEXT:,} characters", f"{MAX_DEPTH} levels", f"at most {MAX_ID} characters",
                 f"over {MAX_BRACKET_DEPTH} deep", f"more than {MAX_MARKERS} list or quote markers", f"over {MAX_INDENT} spaces",
                 f"more than {MAX_LINES} lines or {MAX_BRACKETS} `[`",
                 *(f"`{name}`" for name in SITE_NAMES), "`x.yml~`", "`x.yml.bak`",
                 *(f"`{name}`" for name in sorted(WINDOWS_NAMES) if name[-1] not in "123456789"), "`com0`–`com9`", "`lpt0`–`lpt9`",
                 "a relative link is refused", "no reference definitions", "U+202E RIGHT-TO-LEFT OVERRIDE", "U+FEFF",
                 "`data/schemas/`"):
        assert fact in section, fact
    assert "relative addresses" not in section  # validation refuses them (the "relative link" case above)
    assert {"con", "prn", "aux", "nul", *(f"{p}{n}" for p in ("com", "lpt") for n in range(10))} == WINDOWS_NAMES
