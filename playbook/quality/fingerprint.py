"""Fingerprints of the source texts: what the copied-prose checks need, without the texts.

The source texts are not part of the repository. `playbook quality --fingerprint DIR` reads the texts of DIR
and writes, per file, the hashes of every RUN-word run (sorted: the file keeps no order of them) and, per
sentence, its content words as `paraphrase.token` hashes, in order. Stop words, word endings, names and quoted
words are gone before hashing, so the fingerprints hold no sentence of a source. Both checks hash our text the
same way and compare hashes, so they find exactly what they find with the texts at hand (tests/test_quality_paraphrase.py
proves it whenever the texts are present).

What a hash does not hide: a reader who guesses a word can test it against the word hashes, and one who already
holds RUN consecutive words of a source can test guesses of the next word against the run hashes.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from playbook.quality.paraphrase import Sentence, SourceIndex, source_sentences

RUN = 12  # a shared run of this many words counts as copied
FORMAT = 1
FINGERPRINTS = Path("tests") / "fingerprints" / "sources.json"
"""Where the committed fingerprints are, from the project's root."""
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("’", "'"))


def runs(text: str, n: int = RUN) -> set[tuple[str, ...]]:
    w = words(text)
    return {tuple(w[i : i + n]) for i in range(len(w) - n + 1)}


def run_hash(run: tuple[str, ...]) -> str:
    """A run of words as the copy check compares it (64 bits)."""
    return hashlib.blake2b(" ".join(run).encode(), digest_size=8, person=b"playbook-run").hexdigest()


@dataclass(frozen=True)
class Fingerprints:
    """The hashed runs (run hash -> the file it is in) and the hashed sentences of the source texts."""

    runs: Mapping[str, str]
    sentences: tuple[Sentence, ...]

    def index(self) -> SourceIndex:
        return SourceIndex(self.sentences)

    def to_json(self) -> str:
        files: dict[str, dict[str, list]] = {}
        for run, name in self.runs.items():
            files.setdefault(name, {"runs": [], "sentences": []})["runs"].append(run)
        for s in self.sentences:
            files.setdefault(s.source, {"runs": [], "sentences": []})["sentences"].append([s.index, " ".join(s.words)])
        for entry in files.values():
            entry["runs"].sort()
        doc = {"format": FORMAT, "run": RUN, "made_by": "playbook quality --fingerprint DIR (playbook/quality/fingerprint.py)",
               "sources": dict(sorted(files.items()))}
        return json.dumps(doc, indent=0, sort_keys=False) + "\n"


def fingerprint(texts: Mapping[str, str]) -> Fingerprints:
    """The fingerprints of `texts` (file name -> text); the sentences keep their text (for messages) until written."""
    hashed: dict[str, str] = {}
    for name, text in sorted(texts.items()):
        for run in runs(text):
            hashed.setdefault(run_hash(run), name)
    return Fingerprints(hashed, tuple(source_sentences(texts)))


def read_fingerprints(path: Path) -> Fingerprints:
    """The committed fingerprints; a missing, empty or foreign file is an error, never a silent pass."""
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no fingerprints of the source texts (playbook quality --fingerprint DIR writes them)")
    doc = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(doc, dict) or doc.get("format") != FORMAT or doc.get("run") != RUN or not doc.get("sources"):
        raise ValueError(f"{path}: not fingerprints of format {FORMAT} with runs of {RUN} words: write them again")
    hashed: dict[str, str] = {}
    sentences: list[Sentence] = []
    for name, entry in doc["sources"].items():
        for run in entry["runs"]:
            hashed.setdefault(run, name)
        sentences.extend(Sentence(name, index, "", tuple(tokens.split())) for index, tokens in entry["sentences"])
    if not hashed or not sentences:
        raise ValueError(f"{path}: the fingerprints hold no run or no sentence: write them again")
    return Fingerprints(hashed, tuple(sentences))
