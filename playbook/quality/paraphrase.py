"""Close paraphrase: a text that retells a source sentence by sentence, keeping its words and order.

Each sentence is reduced to its content words (stop words dropped, words lightly stemmed). A sentence
of ours that keeps a long enough run of a source sentence's content words *in order* (their longest
common subsequence) is a close paraphrase of it; a file that keeps several weaker matches in the
source's own order follows that source's structure. Both are reported with the source sentence.

Words a paraphrase swaps for synonyms compare as equal (a small table of synonym groups), so "too
shallow invites a storm of objections" still keeps the order of "too shallow ... negative feedback".
And a passage that makes a source section's points one after another, in its order, is reported even
when no single sentence is close: each of our sentences shares a few of the rarer words of a next
sentence of the section (see POINT_*).
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

# A sentence pair is a paraphrase when it shares, in order, at least n content words covering this
# share of the shorter sentence, for any (n, share) below (calibrated on the playbook and the five
# source texts: a retold sentence keeps five or more of its content words in order; sentences that
# only name the same things keep three or four).
CLOSE = ((5, 0.6), (6, 0.45))
# A file follows a source's order when this many of its sentences echo source sentences (weaker
# pairs: ORDER_SHARED words, ORDER_SHARE of the shorter sentence) in the source's own order.
ORDER_SHARED = 3
ORDER_SHARE = 0.3
ORDER_CHAIN = 3
ORDER_GAP = 8  # ...within one passage: at most this many source sentences between two links
# A passage follows a source section point by point when POINT_CHAIN of its sentences each make the
# point of a next sentence of one source passage, in order (b). A point is made with POINT_SHARED
# content words in common (synonyms joined, words as common as POINT_RARE ignored) weighing POINT_WEIGHT
# (each word weighs log(source sentences / source sentences holding it)). Calibrated on the playbook:
# a section retold with other words chains 5 to 8 points; entries that only share a topic chain at most 4.
POINT_SHARED = 2
POINT_WEIGHT = 6.0
POINT_GAP = 4
POINT_OUR_GAP = 8
POINT_RARE = 2.0
POINT_CHAIN = 5
POINT_TOTAL = 50.0  # ...and their weights add up to this: five points of a section, each made with its rarer words
ORDER_STRONG = (4, 0.4)  # ...and at least one link this strong: three bare three-word echoes are one topic, not a retelling

_STOP_WORDS = """
a about above after again against all also am an and any are aren't as at be because been before being
below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down
during each either else even ever every few for from further get gets got had hadn't has hasn't have
haven't having he her here hers herself him himself his how i if in into is isn't it it's its itself
just let let's like may me might more most much must my myself never no nor not now of off often on
once one only or other others our ours ourselves out over own per quite rather really same say says
she should shouldn't so some such than that that's the their theirs them themselves then there
there's these they they're this those though through thus to too under until up upon us very was
wasn't we were weren't what what's when where which while who whom whose why will with within without
won't would wouldn't yet you you'd you'll you're you've your yours yourself yourselves
"""
STOP = frozenset(_STOP_WORDS.split())

# Words a paraphrase swaps for each other. Each group is one meaning; its words compare as equal, so
# "too shallow invites a storm of objections" keeps the order of "too shallow ... negative feedback".
# Kept to plain synonyms in the vocabulary of the source texts; a group never joins two ideas.
_SYNONYM_GROUPS = """
problem issue challenge trouble difficulty trap pitfall snag
feedback objection criticism critique pushback comment concern complaint
propose proposal suggest suggestion recommend recommendation
shallow superficial skimp skimpy cursory
deep depth thorough thoroughly detail detailed dig indepth
breadth broad wide widely cover coverage sweep survey landscape
research investigate investigation study explore exploration homework
risk danger hazard threat exposure
mistake error failure fault blunder
people colleague coworker peer stakeholder person folk
opinion view perspective position viewpoint stance
agree agreement consensus align alignment buyin
accept assimilate absorb incorporate
cost price expense
benefit improvement gain advantage upside
show reveal expose surface display demonstrate visible
hide conceal bury obscure
reason reasoning rationale logic
decision choice call verdict
defer postpone delay shelve deprioritise
cancel drop abandon scrap
escalate escalation
trade exchange swap barter bargain
ask request
help assist support aid
engage participate involve involvement join
quick fast rapid quickly swift
important vital essential crucial key critical
hard difficult tough challenging
goal objective okr target aim
priority prioritise prioritize ranking rank
ship launch release deliver rollout
start begin kickoff
concede concession compromise yield
empathy empathetic empathise empathize sympathy
evidence data proof fact facts numbers
upset disturb bother distress
outcome result effect consequence impact
story anecdote example experience
skill competency capability ability
clear clearly plain plainly
write writing written document draft
senior experienced seasoned
"""

_WORD = re.compile(r"[A-Za-z0-9]+(?:'[A-Za-z]+)?")
# Marked quotations, titles in italics, links to entries (named by their titles), link targets and URLs
# are not prose of ours to compare.
_NOT_PROSE = re.compile(r"“[^”]*”|\"[^\"\n]*\"|(?<![*\w])\*[^*\n]+\*(?![*\w])|\]\([^)]*\)|https?://\S+|\[\[[^\]]*\]\]")
_SENTENCE_END = re.compile(r"(?<=[.!?:;])[\"”’)]*\s+|\n\s*\n|\n(?=\s*(?:[-*•]|\d+[.)])\s)")
_SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "ness", "ers", "er", "ed", "es", "ly", "s")


def stem(word: str) -> str:
    """A light stem: drop one common suffix, keep at most six letters."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word[:6]


def _synonyms() -> MappingProxyType[str, str]:
    """Each stem of a synonym group -> the stem of the group's first word."""
    table: dict[str, str] = {}
    for line in _SYNONYM_GROUPS.strip().splitlines():
        group = line.split()
        head = stem(group[0])
        for word in group:
            table.setdefault(stem(word), head)
    return MappingProxyType(table)


_SYNONYMS = _synonyms()


def canonical(words: Iterable[str]) -> tuple[str, ...]:
    """Stems with each synonym replaced by its group's first word: the words a paraphrase keeps."""
    return tuple(_SYNONYMS.get(w, w) for w in words)


def content_words(text: str) -> tuple[str, ...]:
    """The stemmed content words of `text`, in order.

    Hyphenated words are joined (trade-offs = tradeoffs); capitalised words after the first are names
    (of people, books, roles) and are dropped: sharing a name is attribution, not paraphrase.
    """
    text = text.replace("’", "'").replace("‘", "'")
    text = re.sub(r"(?<=[A-Za-z])-(?=[A-Za-z])", "", text)
    out = []
    for k, w in enumerate(_WORD.findall(text)):
        lower = w.lower()
        if lower in STOP or len(w) < 2 or (k and w[0].isupper()):
            continue
        out.append(stem(lower.removesuffix("'s")))
    return tuple(out)



def sentence_words(sentence: str) -> tuple[str, ...]:
    """The canonical content words of one sentence, quotations left out."""
    return canonical(content_words(unquoted(sentence)))


def token(word: str) -> str:
    """A canonical content word as the index compares it: hashed (32 bits), so the committed fingerprints of the
    source texts (playbook/quality/fingerprint.py) hold no word of them. Our words are hashed the same way."""
    return hashlib.blake2b(word.encode(), digest_size=4, person=b"playbook-word").hexdigest()


def sentence_tokens(sentence: str) -> tuple[str, ...]:
    """The hashed canonical content words of one sentence, in order."""
    return tuple(token(w) for w in sentence_words(sentence))


def unquoted(text: str) -> str:
    """`text` without marked quotations, italic titles, URLs and link targets."""
    return _NOT_PROSE.sub(" ", text)


def sentences(text: str, lines: bool = False) -> list[str]:
    """Sentences and list items of a text, stripped, empty ones dropped.

    With `lines`, every line ends a sentence (plain-text sources put a heading or a paragraph on each
    line); otherwise a single line break is wrapping within a paragraph, as in Markdown.
    """
    parts = [s for line in text.splitlines() for s in _SENTENCE_END.split(line)] if lines else _SENTENCE_END.split(text)
    return [" ".join(p.split()) for p in parts if p and p.strip()]


def lcs(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    """Length of the longest common subsequence of two word sequences."""
    if len(a) < len(b):
        a, b = b, a
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


@dataclass(frozen=True)
class Sentence:
    """One sentence of a source text: where it is and its hashed content words (`token`), in order; its text
    when the index was made from the texts, "" when it was read from fingerprints."""

    source: str
    index: int
    text: str
    words: tuple[str, ...]



def source_sentences(texts: Mapping[str, str]) -> list[Sentence]:
    """The sentences of the source texts with at least POINT_SHARED content words, in file and text order."""
    out = []
    for name, text in sorted(texts.items()):
        for i, sentence in enumerate(sentences(text, lines=True)):
            ws = sentence_tokens(sentence)
            if len(ws) >= POINT_SHARED:
                out.append(Sentence(name, i, sentence, ws))
    return out


@dataclass(frozen=True)
class Echo:
    """A sentence of ours that keeps `shared` content words of a source sentence in order."""

    ours: str
    ours_index: int
    source: Sentence
    shared: int

    @property
    def share(self) -> float:
        return self.shared / min(len(content_words(unquoted(self.ours))), len(self.source.words))


class SourceIndex:
    """The sentences of the source texts, indexed by content word for fast candidate lookup. Made from the texts
    (`of_texts`) or from their committed fingerprints (fingerprint.py): the words are hashed either way."""

    def __init__(self, source: Sequence[Sentence]) -> None:
        if not source:
            raise ValueError("no source texts to compare against: the paraphrase check cannot run")
        self.sentences: list[Sentence] = list(source)
        self._by_word: dict[str, set[int]] = defaultdict(set)
        df: dict[str, int] = defaultdict(int)
        for k, s in enumerate(self.sentences):
            for w in set(s.words):
                self._by_word[w].add(k)
                df[w] += 1
        n = max(1, len(self.sentences))
        self.weight = {w: math.log(n / k) for w, k in df.items()}
        self._tokens: dict[str, str] = {}

    def tokens(self, sentence: str) -> tuple[str, ...]:
        """`sentence_tokens(sentence)`, each word hashed once per index."""
        cache = self._tokens
        return tuple(cache.get(w) or cache.setdefault(w, token(w)) for w in sentence_words(sentence))

    @classmethod
    def of_texts(cls, texts: Mapping[str, str]) -> SourceIndex:
        return cls(source_sentences(texts))

    def echoes(self, ours: list[str]) -> Iterator[Echo]:
        """Every pair (our sentence, source sentence) sharing at least ORDER_SHARED content words in order."""
        for i, sentence in enumerate(ours):
            ws = self.tokens(sentence)
            if len(ws) < ORDER_SHARED:
                continue
            counts: dict[int, int] = defaultdict(int)
            for w in set(ws):
                for j in self._by_word.get(w, ()):
                    counts[j] += 1
            for j, n in counts.items():
                if n < ORDER_SHARED:
                    continue
                src = self.sentences[j]
                if len(src.words) < ORDER_SHARED:
                    continue
                shared = lcs(ws, src.words)
                if shared >= ORDER_SHARED and shared / min(len(ws), len(src.words)) >= ORDER_SHARE:
                    yield Echo(sentence, i, src, shared)


def close(echo: Echo) -> bool:
    """A sentence-level close paraphrase."""
    return any(echo.shared >= n and echo.share >= share for n, share in CLOSE)


def ordered_chain(echoes: Iterable[Echo]) -> list[Echo]:
    """The longest run of echoes of one source whose sentences come in the source's order (ours too),
    each link within ORDER_GAP sentences of the last: one passage retold, not words met across a long text."""
    items = sorted(echoes, key=lambda e: (e.ours_index, e.source.index))
    best: list[list[Echo]] = []
    for k, e in enumerate(items):
        chain = [e]
        for j in range(k):
            prev = best[j]
            last = prev[-1]
            if last.ours_index < e.ours_index and 0 < e.source.index - last.source.index <= ORDER_GAP and len(prev) + 1 > len(chain):
                chain = [*prev, e]
        best.append(chain)
    return max(best, key=len, default=[])


def points(ours: list[str], index: SourceIndex) -> list[tuple[int, Sentence, float]]:
    """Every pair (our sentence, source sentence) making the same point: at least POINT_SHARED content
    words in common (synonyms joined), weighing at least POINT_WEIGHT by how rare they are in the sources."""
    out: list[tuple[int, Sentence, float]] = []
    for i, sentence in enumerate(ours):
        ws = set(index.tokens(sentence))
        if len(ws) < POINT_SHARED:
            continue
        counts: dict[int, int] = defaultdict(int)
        weights: dict[int, float] = defaultdict(float)
        for w in ws:
            weight = index.weight.get(w, 0.0)
            if weight < POINT_RARE:  # a word in one source sentence of seven or more says nothing about the point
                continue
            for j in index._by_word.get(w, ()):
                counts[j] += 1
                weights[j] += weight
        out.extend((i, index.sentences[j], weights[j]) for j, n in counts.items()
                   if n >= POINT_SHARED and weights[j] >= POINT_WEIGHT)
    return out


def point_by_point(ours: list[str], index: SourceIndex) -> list[tuple[int, Sentence, float]]:
    """The heaviest run of our sentences that makes the points of one source passage in its order: each
    next link is a later sentence of ours (within POINT_OUR_GAP) matching a later sentence of the same
    source (within POINT_GAP): a section retold point by point, whatever words it uses."""
    pairs = sorted(points(ours, index), key=lambda p: (p[0], p[1].source, p[1].index))
    best: list[tuple[float, list[tuple[int, Sentence, float]]]] = []
    for k, (i, src, w) in enumerate(pairs):
        score, chain = w, [(i, src, w)]
        for m in range(k):
            prev_score, prev = best[m]
            pi, ps, _ = prev[-1]
            if (ps.source == src.source and 0 < i - pi <= POINT_OUR_GAP and 0 < src.index - ps.index <= POINT_GAP
                    and prev_score + w > score):
                score, chain = prev_score + w, [*prev, (i, src, w)]
        best.append((score, chain))
    return max(best, key=lambda b: b[0], default=(0.0, []))[1]


@dataclass(frozen=True)
class Paraphrase:
    """A finding: a close sentence, or a file that follows a source's order. `pairs` names what was matched
    ((our sentence, source sentence) numbers): the same whether the index came from the texts or their fingerprints,
    while the message quotes the source sentence only when its text is known."""

    message: str
    source: str
    pairs: tuple[tuple[int, int], ...] = ()


def paraphrases(text_parts: list[str], index: SourceIndex) -> Iterator[Paraphrase]:
    """Close paraphrases in one file's text parts, and whether the file follows a source's order."""
    ours = [s for part in text_parts for s in sentences(part)]
    echoes = list(index.echoes(ours))
    for e in echoes:
        if close(e):
            yield Paraphrase(
                f"close paraphrase of {e.source.source} ({e.shared} content words in order): "
                f"“{_clip(e.ours)}” ~ {_quote(e.source)}", e.source.source, ((e.ours_index, e.source.index),))
    by_source: dict[str, list[Echo]] = defaultdict(list)
    for e in echoes:
        by_source[e.source.source].append(e)
    for name, group in sorted(by_source.items()):
        chain = ordered_chain(group)
        if len(chain) >= ORDER_CHAIN and any(e.shared >= ORDER_STRONG[0] and e.share >= ORDER_STRONG[1] for e in chain):
            pairs = "; ".join(f"“{_clip(e.ours, 60)}” ~ {_quote(e.source, 60)}" for e in chain)
            yield Paraphrase(f"follows the order of {name} over {len(chain)} sentences: {pairs}", name,
                             tuple((e.ours_index, e.source.index) for e in chain))
    points_chain = point_by_point(ours, index)
    if len(points_chain) >= POINT_CHAIN and sum(w for _, _, w in points_chain) >= POINT_TOTAL:
        name = points_chain[0][1].source
        pairs = "; ".join(f"“{_clip(ours[i], 50)}” ~ {_quote(src, 50)}" for i, src, _ in points_chain)
        yield Paraphrase(f"follows {name} point by point over {len(points_chain)} sentences: {pairs}", name,
                         tuple((i, src.index) for i, src, _ in points_chain))


def _quote(sentence: Sentence, n: int = 120) -> str:
    """A source sentence in a message: quoted when its text is known, else by its number."""
    return f"“{_clip(sentence.text, n)}”" if sentence.text else f"sentence {sentence.index + 1}"


def _clip(text: str, n: int = 120) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


NOT_PROSE_FIELDS = frozenset({"label", "source", "locator", "quote", "to", "rel", "tags", "aliases", "url", "authors", "published_in",
                              "evidence"})


def prose_of(value: object, skip: frozenset[str] = NOT_PROSE_FIELDS) -> list[str]:
    """Every reader-facing string of a dumped entry, except citation quotes, locators, ids and bibliography."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() if k not in skip for s in prose_of(v, skip)]
    if isinstance(value, (list, tuple)):
        return [s for v in value for s in prose_of(v, skip)]
    return []
