"""Text is only text, as a property: every class of character, written as a YAML escape and raw, into a one-line
field (the title, also_called) and a multi-line one (the example). `playbook check` refuses it, naming its code
point, or accepts it; whatever it accepts goes through the presenter into the generated pages and the JSON
export, and no control, format, separator, surrogate or noncharacter reaches either."""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

import pytest

from playbook.cli import main

from .conftest import FIXTURE

TEMPLATE = (FIXTURE / "data/tactics/second-tactic.yml").read_text(encoding="utf-8")

BENIGN = ("é", "中", "\u00a0", "\u0301", "\ue000", "😀", "\u2011", "\u3000")
"""Characters that are text: they must pass, and reach the output (so the check below is not vacuous)."""


def _dangerous(ch: str) -> bool:
    """Control (but tab and newline), format, separator, surrogate and noncharacter: defined here, not by the code."""
    code = ord(ch)
    if ch in "\t\n":
        return False
    return (unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Zl", "Zp")
            or 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE)


def _characters() -> list[str]:
    """Every C0 and C1 control, DEL, every format character, the separators, the noncharacters, and benign text."""
    chosen = [chr(c) for c in (*range(0x20), 0x7F, *range(0x80, 0xA0))]
    chosen += [chr(c) for c in range(0xA0, sys.maxunicode + 1)
               if unicodedata.category(chr(c)) in ("Cf", "Zl", "Zp") or 0xFDD0 <= c <= 0xFDEF or (c & 0xFFFE) == 0xFFFE]
    return chosen + list(BENIGN)


def _escape(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code:02X}" if code <= 0xFF else f"\\u{code:04X}" if code <= 0xFFFF else f"\\U{code:08X}"


def _entry(inside: str) -> str:
    """The fixture tactic with `inside` (text for a double-quoted YAML scalar) in a title, also_called and example."""
    text = TEMPLATE.replace("title: Second tactic", f'title: "Tactic {inside} title"')
    text = text.replace("example: A team does it.", f'example: "Example {inside} text."')
    return text + f'also_called: ["phrase {inside} here"]\n'


@pytest.fixture
def project(project: Path) -> Path:
    """The mini project (conftest.py) with one tactic: every character goes through one file."""
    dest = project
    (dest / "data/tactics/second-tactic.yml").unlink()
    (dest / "data/models/first-model.yml").write_text(
        (dest / "data/models/first-model.yml").read_text(encoding="utf-8").replace("tactics/second-tactic", "tactics/first-tactic"),
        encoding="utf-8")
    return dest


def test_every_character_class_is_refused_by_name_or_reaches_no_output(project, capsys):
    files: dict[str, str] = {}
    for ch in _characters():
        files[f"c-{ord(ch):06x}-escaped"] = ch
        if ch not in "\n\r\"\\" and not 0xD800 <= ord(ch) <= 0xDFFF:
            files[f"c-{ord(ch):06x}-raw"] = ch
    for name, ch in files.items():
        inside = _escape(ch) if name.endswith("escaped") else ch
        (project / f"data/tactics/{name}.yml").write_text(_entry(inside), encoding="utf-8", errors="surrogatepass")
    assert len(files) > 500

    capsys.readouterr()
    main(["--root", str(project), "check"])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    refused: dict[str, list[str]] = {}
    for line in captured.err.splitlines()[1:]:
        match = re.match(r"data/tactics/(c-[0-9a-f]{6}-\w+)\.yml:\d+: ", line)
        assert match, f"a problem outside the probes, or without its line: {line}"
        refused.setdefault(match.group(1), []).append(line)

    unnamed = [f"{lines[0]}" for name, lines in refused.items() if not any(f"U+{ord(files[name]):04X}" in x for x in lines)]
    assert unnamed == []
    assert not [name for name in refused if files[name] in BENIGN], "text that is only text was refused"
    accepted = {name: ch for name, ch in files.items() if name not in refused}
    leaked_through_check = sorted({f"U+{ord(ch):04X}" for ch in accepted.values() if _dangerous(ch)})
    assert leaked_through_check == []

    for name in refused:
        (project / f"data/tactics/{name}.yml").unlink()
    out = project / "pages-out"
    export = project / "export.json"
    assert main(["--root", str(project), "pages", "--out", str(out)]) == 0
    assert main(["--root", str(project), "export", "-o", str(export)]) == 0
    outputs = {p.relative_to(project).as_posix(): p.read_text(encoding="utf-8") for p in out.rglob("*.md")}
    outputs["export.json"] = json.dumps(json.loads(export.read_text(encoding="utf-8")), ensure_ascii=False)
    raw = sorted({f"{where}: U+{ord(ch):04X}" for where, text in outputs.items() for ch in set(text) if _dangerous(ch)})
    assert raw == []
    for ch in BENIGN:
        assert any(ch in text for text in outputs.values()), f"U+{ord(ch):04X} never reached the output: the check is vacuous"
