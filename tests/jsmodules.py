"""The module pattern of the browser code (docs/assets/*.js, not vendor/), as core.js's header states it, checked
from the source text: a small JavaScript tokenizer (comments, strings, template and regex literals) and the
functions it finds, with their lengths in lines. Used by tests/test_js_modules.py."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

MAX_FUNCTION_LINES = 60
"""No function of ours is longer than this: a long setup is split into named functions."""

LONG_ALLOWED = {"search.js": "the engine's ranking (Engine, parse, search), which the search work is changing now"}
"""Files whose functions may still be longer, and why: the test fails once such a file has no long function left,
so the list only shrinks."""

CORE = "core.js"
"""The file that defines window.playbook and alone follows Material's page views (document$)."""

KEYWORDS_BEFORE_REGEX = {"return", "typeof", "case", "do", "else", "in", "instanceof", "new", "void", "delete", "throw"}


@dataclass(frozen=True)
class Token:
    """One token: its text and the line (from 1) it starts on."""

    text: str
    line: int


@dataclass(frozen=True)
class Function:
    """A function literal or declaration: its name (or "" when anonymous) and the lines of its body."""

    name: str
    first: int
    last: int

    @property
    def lines(self) -> int:
        """The lines from `function` to the closing brace, both counted."""
        return self.last - self.first + 1


_PUNCT = re.compile(r"=>|===|!==|==|!=|<=|>=|&&|\|\||\+\+|--|[-+*/%=<>!&|^~?:;,.(){}\[\]]")
_WORD = re.compile(r"[A-Za-z_$][\w$]*|\d[\w.]*")


def _regex_allowed(prev: Token | None) -> bool:
    """Whether a slash after `prev` starts a regular expression literal (not a division)."""
    if prev is None:
        return True
    if prev.text in KEYWORDS_BEFORE_REGEX:
        return True
    return not (_WORD.fullmatch(prev.text) or prev.text in (")", "]", "}") or prev.text[0] in "\"'`/")


def _skip_string(src: str, i: int) -> int:
    """The index after the string or template literal starting at i (a template's ${} holds no backquote here)."""
    quote, i = src[i], i + 1
    while i < len(src) and src[i] != quote:
        i += 2 if src[i] == "\\" else 1
    return i + 1


def _skip_regex(src: str, i: int) -> int:
    """The index after the regular expression literal starting at i, flags included."""
    i, in_class = i + 1, False
    while i < len(src):
        c = src[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            in_class = True
        elif c == "]":
            in_class = False
        elif c == "/" and not in_class:
            break
        elif c == "\n":
            raise ValueError("unterminated regular expression")
        i += 1
    i += 1
    while i < len(src) and (src[i].isalnum() or src[i] == "_"):
        i += 1
    return i


def tokens(src: str) -> list[Token]:
    """The tokens of a script, comments and white space left out."""
    out: list[Token] = []
    i, line = 0, 1
    while i < len(src):
        c = src[i]
        start = i
        if c in " \t\r\n":
            i += 1
        elif src.startswith("//", i):
            i = src.find("\n", i)
            i = len(src) if i == -1 else i
        elif src.startswith("/*", i):
            end = src.find("*/", i + 2)
            if end == -1:
                raise ValueError(f"line {line}: unterminated comment")
            i = end + 2
        elif c in "\"'`":
            i = _skip_string(src, i)
            out.append(Token(src[start:i], line))
        elif c == "/" and _regex_allowed(out[-1] if out else None):
            i = _skip_regex(src, i)
            out.append(Token(src[start:i], line))
        else:
            m = _WORD.match(src, i) or _PUNCT.match(src, i)
            i = m.end() if m else i + 1
            out.append(Token(src[start:i], line))
        line += src.count("\n", start, i)
    return out


def functions(toks: list[Token]) -> list[Function]:
    """Every function in the token list: named by its declaration, or by `name =`, `name:` or the string before it
    (`playbook.tool("drill", {... setup: function ...})` names the setup "setup")."""
    found: list[Function] = []
    for k, tok in enumerate(toks):
        if tok.text != "function":
            continue
        name = toks[k + 1].text if _WORD.fullmatch(toks[k + 1].text) else ""
        if not name and k >= 2 and toks[k - 1].text in ("=", ":"):
            name = toks[k - 2].text
        j = k + 1
        while toks[j].text != "{":
            j += 1
        depth, end = 0, j
        for end in range(j, len(toks)):
            depth += {"{": 1, "}": -1}.get(toks[end].text, 0)
            if depth == 0:
                break
        found.append(Function(name, tok.line, toks[end].line))
    return found


def long_functions(path: Path) -> list[Function]:
    """The functions of a file longer than MAX_FUNCTION_LINES, the module's own function left out."""
    toks = tokens(path.read_text(encoding="utf-8"))
    inner = functions(toks)[1 if [t.text for t in toks[:2]] == ["(", "function"] else 0 :]
    return [f for f in inner if f.lines > MAX_FUNCTION_LINES]


def problems(path: Path) -> list[str]:
    """What in one file breaks the pattern, each as `file:line: message`; empty when it follows it."""
    src = path.read_text(encoding="utf-8")
    toks = tokens(src)
    text = [t.text for t in toks]
    where = path.name
    out: list[str] = []
    if text[:6] != ["(", "function", "(", ")", "{", '"use strict"'] or text[-5:] != ["}", ")", "(", ")", ";"]:
        out.append(f'{where}:1: not one module: (function () {{ "use strict"; ... }})(); around the whole file')
    core = path.name == CORE
    bound = 0
    for k, tok in enumerate(toks):
        window_playbook = tok.text == "window" and text[k + 1 : k + 3] == [".", "playbook"]
        if window_playbook and not core:
            if text[k - 3 : k] == ["var", "playbook", "="] and text[k + 3] in (";", ","):
                bound += 1
            else:
                out.append(f"{where}:{tok.line}: window.playbook read other than as `var playbook = window.playbook;`")
        if tok.text == "=" and text[k + 1] == "playbook" and text[k + 2] in (";", ",") and not core:
            out.append(f"{where}:{tok.line}: {text[k - 1]} is an alias of playbook: use the one name")
        if tok.text == "document$" and not core:
            out.append(f"{where}:{tok.line}: document$ is followed by core.js alone: register with playbook.tool")
        if tok.text in ('"DOMContentLoaded"', "'DOMContentLoaded'") and not core:
            out.append(f"{where}:{tok.line}: DOMContentLoaded is waited for by core.js alone: register with playbook.tool")
    if not core:
        if bound != 1:
            out.append(f"{where}:1: `var playbook = window.playbook;` once at the top of the module, found {bound} times")
        registers = any(
            t.text == "playbook" and text[k + 1 : k + 3] in ([".", "tool"], [".", "provide"]) for k, t in enumerate(toks)
        )
        if not registers:
            out.append(f"{where}:1: registers with neither playbook.tool nor playbook.provide")
    for f in [] if path.name in LONG_ALLOWED else long_functions(path):
        out.append(f"{where}:{f.first}: function {f.name or '(anonymous)'} is {f.lines} lines, more than {MAX_FUNCTION_LINES}")
    return out
