"""How the search box reads text (docs/assets/search.js): words split and stemmed alike in pages and queries.
Shared by the check of data/synonyms.yml (schema/search_words.py) and every record's own stems (record.py)."""

from __future__ import annotations

import re
import unicodedata


def words(text: str) -> list[str]:
    """Text -> lower-case words, as the search box splits them (accents dropped, "can't" -> "can not")."""
    t = unicodedata.normalize("NFKD", text)
    t = "".join(c for c in t if not unicodedata.combining(c)).lower().replace("\u2019", "'").replace("\u2018", "'")
    t = re.sub(r"\bcan't\b|\bcannot\b", "can not", t)
    t = re.sub(r"\bwon't\b", "will not", t)
    t = re.sub(r"n't\b", " not", t)
    t = re.sub(r"'(s|re|ve|ll|d|m)\b", "", t)
    return [w for w in re.split(r"[^a-z0-9]+", t) if w]


def stem(w: str) -> str:
    """The search box's light English stemmer (docs/assets/search.js, stem1), without its irregular verbs."""
    if len(w) <= 3 or re.search(r"[0-9]", w):
        return w
    s = w
    if s.endswith("ies") and len(s) > 4:
        s = s[:-3] + "y"
    elif s.endswith("sses") or re.search(r"(ch|sh|x)es$", s):
        s = s[:-2]
    elif re.search(r"[^su]s$", s) and not re.search(r"(is|us|ss)$", s):
        s = s[:-1]
    if s.endswith("ied") and len(s) > 4:
        s = s[:-3] + "y"
    elif s.endswith("ing") and len(s) > 5:
        s = _undouble(s[:-3])
    elif s.endswith("ed") and len(s) > 4 and not s.endswith("eed"):
        s = _undouble(s[:-2])
    if s.endswith("ational"):
        s = s[:-5] + "e"
    elif s.endswith("ation") and len(s) > 6:
        s = s[:-3] + "e"
    elif re.search(r"ments?$", s) and len(s) > 7:
        s = re.sub(r"ments?$", "", s)
    elif s.endswith("ly") and len(s) > 5:
        s = s[:-2]
    if re.search(r"[^e]e$", s) and len(s) > 3:
        s = s[:-1]
    if s.endswith("y") and len(s) > 4:
        s = s[:-1] + "i"
    return s


def _undouble(w: str) -> str:
    return w[:-1] if re.search(r"([bdfgmnprt])\1$", w) else w
