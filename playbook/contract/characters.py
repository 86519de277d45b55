"""Text is only text: the characters no data value may hold, and their names for messages.

YAML escapes (`"\\0"`, `"\\e"`, `"\\x80"`, `"\\u202E"`) write characters the raw file may not hold, so this
check reads *decoded* values. Refused in every value: control characters other than tab and newline (C0,
DEL, C1, a carriage return), format characters (bidi controls such as U+202E, zero-width characters,
U+FEFF, the soft hyphen: invisible, they make text read differently from what a reviewer sees), line and
paragraph separators, surrogates and noncharacters. A one-line field (an id, a title, a label, an
address) refuses tab and newline too. Python-Markdown's own placeholders are STX/ETX (U+0002/U+0003):
refusing C0 keeps them out of the data.
"""

from __future__ import annotations

import unicodedata

_C0 = (
    "NULL", "START OF HEADING", "START OF TEXT", "END OF TEXT", "END OF TRANSMISSION", "ENQUIRY", "ACKNOWLEDGE",
    "BELL", "BACKSPACE", "CHARACTER TABULATION", "LINE FEED", "LINE TABULATION", "FORM FEED", "CARRIAGE RETURN",
    "SHIFT OUT", "SHIFT IN", "DATA LINK ESCAPE", "DEVICE CONTROL ONE", "DEVICE CONTROL TWO", "DEVICE CONTROL THREE",
    "DEVICE CONTROL FOUR", "NEGATIVE ACKNOWLEDGE", "SYNCHRONOUS IDLE", "END OF TRANSMISSION BLOCK", "CANCEL",
    "END OF MEDIUM", "SUBSTITUTE", "ESCAPE", "INFORMATION SEPARATOR FOUR", "INFORMATION SEPARATOR THREE",
    "INFORMATION SEPARATOR TWO", "INFORMATION SEPARATOR ONE",
)
"""The names of U+0000 to U+001F (unicodedata has none for control characters)."""

_REFUSED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
_MULTI_LINE = frozenset("\t\n")


def is_noncharacter(ch: str) -> bool:
    code = ord(ch)
    return 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE


def describe(ch: str) -> str:
    """`U+202E RIGHT-TO-LEFT OVERRIDE`: the code point and its name (or what it is, when it has none)."""
    code = ord(ch)
    if code < 0x20:
        name = _C0[code]
    elif code == 0x7F:
        name = "DELETE"
    elif 0x80 <= code <= 0x9F:
        name = "NEXT LINE" if code == 0x85 else "a C1 control character"
    elif 0xD800 <= code <= 0xDFFF:
        name = "a lone surrogate"
    elif is_noncharacter(ch):
        name = "a noncharacter"
    else:
        name = unicodedata.name(ch, "an unnamed character")
    return f"U+{code:04X} {name}"


def refused(ch: str, one_line: bool = False) -> bool:
    """True when `ch` may not appear in a data value (in a one-line value when `one_line`)."""
    if ch.isprintable():
        return False
    if ch in _MULTI_LINE:
        return one_line
    return unicodedata.category(ch) in _REFUSED_CATEGORIES or is_noncharacter(ch)


def character_problem(text: str, one_line: bool = False) -> str | None:
    """Why `text` may not be a data value because of a character it holds, naming the first such character."""
    if text.isprintable() or (not one_line and text.replace("\n", "").replace("\t", "").isprintable()):
        return None  # the common case, in C (a noncharacter is not printable)
    for index, ch in enumerate(text):
        if refused(ch, one_line):
            return character_message(ch, f"at character {index + 1}")
    return None


def character_message(ch: str, place: str) -> str:
    """What to do about the refused character `ch`, found at `place` ("at character 3")."""
    where = f"{describe(ch)} {place}"
    if ch in _MULTI_LINE:
        return f"{where}: this field is a single line"
    why = {
        "Cc": "a control character is not text; delete it (or the YAML escape, such as \\e or \\x80, that writes it)",
        "Cf": "an invisible formatting character makes the text read differently from what reviewers see; delete it",
        "Zl": "write a plain newline, in a multi-line field",
        "Zp": "write a plain newline, in a multi-line field",
    }.get(unicodedata.category(ch), "not a character text may hold; delete it")
    return f"{where}: {why}"
