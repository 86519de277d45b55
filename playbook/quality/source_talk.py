"""Does a sentence of a reader page talk about sources or authoring instead of to the reader?

Reader pages give advice, tell stories and attribute ideas ("Reilly calls this the treasure map"). They do not
instruct authors ("cite the book"), describe our copies of the sources ("the page has no byline"), report our
research ("we found no primary source"), correct the sources ("the article spells his name ...") or claim parts
as ours ("the steps here are the playbook's"). Those notes belong in docs/contributing.md or SOURCE-NOTES.md.

The classifier is a small scored feature model: each feature is a cue (words about sources, copies, research,
authorship or errors) or a sentence shape (a source as the subject, an imperative authoring verb, first person
plural); a sentence whose score reaches THRESHOLD is source talk. `explain` lists the features that fired.
The weights were set on half of tests/fixtures/source_talk_sentences.yml; the other half is held out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from types import MappingProxyType

THRESHOLD = 2.0

_SOURCE_NOUN = (r"(?:article|post|blog|page|notes|source|seed|book|paper|talk|site|website|copy|copies|quotation|passage"
                r"|byline|author|title|edition|translation|slides|wording|training company|stored|text|citations?|secondary sources?)")


@dataclass(frozen=True)
class Feature:
    name: str
    weight: float
    pattern: re.Pattern[str]


def _f(name: str, weight: float, pattern: str) -> Feature:
    return Feature(name, weight, re.compile(pattern, re.IGNORECASE))


FEATURES: tuple[Feature, ...] = (
    # instructions to authors: an imperative authoring verb opening the sentence
    _f("author-imperative", 1.5, r"^(?:cite|credit|quote|attribute|describe|present|reuse|list|name|treat|spell|call)\b"),
    _f("by-name", 1.0, r"\b(?:credit|cite|name)\s+[A-Z]\w+(?: [A-Z]\w+)? by name\b|\bcredit(?:s|ed)?\s+(?:the\s+)?(?:idea|it|him|her)\b"
                       r"|\bnot to the\b|\bcredit (?:him|her|it) as\b"),
    _f("not-that-source", 1.0, rf"\bnot (?:to )?the (?:\w+ )?{_SOURCE_NOUN}\b"),
    _f("do-not-quote", 1.5, r"\bdo not (?:quote|cite|credit|call|present)\b"),
    # our research and our copies of the sources
    _f("we-research", 2.5, r"\bwe (?:found|have found|could not|couldn't|have not|haven't|did not find|list|credit|read|checked)\b"),
    _f("we-authoring", 2.0, r"\bwe (?:adapt|borrow)\b|\bour (?:concrete |own )?(?:form|advice|version|adaptation|label|"
                            r"addition|reading|shorthand|application|emphasis)\b"),
    _f("unverified", 2.0, r"\b(?:has|have|had) not been (?:identified|confirmed|verified|checked|seen)\b"
                          r"|\bcould not be (?:verified|checked|confirmed|identified)\b|\bcannot be checked\b|\bcould not be traced\b"
                          r"|\b(?:is|are) unchecked\b"),
    _f("search-process", 2.0, r"\bexact-phrase\b|\bsearch found\b|\bstored copy\b|\blive site\b|\binference from\b"),
    _f("our-copy", 2.5, r"\bour (?:stored )?cop(?:y|ies)\b|\bplain text\b|\bpage address\b|\bbyline\b"),
    _f("no-author-date", 2.0, r"\b(?:names|gives|carries|has) no (?:author|byline|date|headline)\b|\bno author or date\b"
                              r"|\bauthor and date are not\b|\bgives none\b|\bcredits no\b|\bcites no\b|\bno author or date given\b"
                              r"|\brests on secondary sources\b|\bwithout attributing\b"),
    _f("machine-made", 1.5, r"\bmachine-generated\b|\bshare the (?:same )?template\b"),
    # nitpicks and corrections of the sources
    _f("source-error", 1.5, r"\bgets? [^.]{0,40}\bwrong\b|\bmistake\b|\bmisattribut\w*|\bnot a recogni[sz]ed\b|\binvented figures\b"
                            r"|\bwithout its comma\b|\bis the (?:article|post|page|source)'s own\b|\b(?:mis)?spells?\b|\bdrops the word\b"
                            r"|\badmits\b|\bfiles [^.]{0,40}\bunder\b"
                            r"|\bwithout (?:credit(?:ing)?|citing|naming|attribution)\b|\bwrongly\b|\bomits\b|\bthe comma\b"
                            r"|\b(?:names|quotes) [^.]{0,60}\bcorrectly\b|\bmisquotes?\b|\bas if it were\b|\bdoes not name\b"
                            r"|\b(?:are|is an?) illustrations?\b|\bnot evidence\b|\bthe inconsistency\b|, loosely,"),
    _f("source-subject", 1.5, rf"^(?:the|its|this|that|our) (?:seed |source |original )?{_SOURCE_NOUN}'?s?\b(?! of (?:a|the|your) )"
                              r"[^.]{0,60}\b(?:is|are|was|has|have|gives|give|calls|call|names|cites|credits|lacks|drops|admits|"
                              r"refers|reads|comes|spells|files|carries|says|uses|shows|places|presents|attributes|misspells|omits)\b"),
    _f("our-seeds", 2.5, r"\b(?:this|the) playbook is built on\b|\barticles? (?:this|the) playbook\b|\bsome citations give\b"),
    _f("the-article", 1.0, r"\bthe (?:seed )?(?:article|post|notes|page)'s\b|\bthe article\b|\bthe seed\b"),
    # "this part is ours"
    _f("ours", 2.5, r"\b(?:is|are) ours\b|\bour (?:own )?addition\b|\bplaybook's own\b|\bare the playbook's\b|\bis the playbook's\b"
                    r"|\bthe playbook's,\s+not\b|\bnot the book's\b|\bours, not\b|\bthe playbook credits\b|\bthis entry paraphrases\b"),
    _f("here-is-ours", 1.0, r"\b(?:the steps|the wording|the exercise|the checklist|the scheme|this framing)\b"),
    # first person plural with a source noun
    _f("we-source", 1.0, rf"\b(?:we|our|us)\b[^.]{{0,60}}\b{_SOURCE_NOUN}\b|\b{_SOURCE_NOUN}\b[^.]{{0,60}}\b(?:we|our|us)\b"),
    # shapes that speak to the reader (negative)
    _f("you", -1.0, r"\byou(?:r|rs|rself)?\b"),
    _f("named-person-attribution", -0.5,
       r"^[A-Z][a-z]+(?: and [A-Z][a-z]+)?(?:'s)? (?:calls?|argues?|describes?|defines?|separates?|says?)\b"),
)


@dataclass(frozen=True)
class Verdict:
    sentence: str
    score: float
    fired: tuple[str, ...]

    @property
    def talk(self) -> bool:
        return self.score >= THRESHOLD


_WEIGHTS = MappingProxyType({f.name: f.weight for f in FEATURES})
_CLAUSE = re.compile(r"(?<=[;:])\s+")


def _score(text: str) -> tuple[float, tuple[str, ...]]:
    fired = tuple(f.name for f in FEATURES if f.pattern.search(text))
    return sum(_WEIGHTS[name] for name in fired), fired


def classify(sentence: str) -> Verdict:
    """Score one sentence (plain text, Markdown marks removed): the sentence as a whole, and each clause after a
    ';' or ':' on its own (an instruction often follows one: "...; cite the book"). The highest score counts."""
    text = sentence.strip()
    units = [text] + [c for c in _CLAUSE.split(text)[1:] if len(c.split()) >= 3]
    score, fired = max((_score(u) for u in units), key=lambda sf: sf[0])
    return Verdict(text, score, fired)


def is_source_talk(sentence: str) -> bool:
    return classify(sentence).talk


_LINK = re.compile(r"\[\[[a-z]+/[a-z0-9-]+\|([^\]]+)\]\]|\[\[[a-z]+/([a-z0-9-]+)\]\]|\[([^\]]+)\]\([^)]*\)")
_MARKS = re.compile(r"\*\*|\*|`|_(?=\w)|(?<=\w)_")
_ITEM = re.compile(r"^(?:[-*+]|\d+\.)\s+")
_SPLIT = re.compile(r"(?<=[.!?])[\"”)]?\s+(?=[\"“(*]*[A-Z0-9])")


def plain(markdown: str) -> str:
    """Markdown to plain text, enough for sentences: links become their text, emphasis marks go."""
    text = _LINK.sub(lambda m: next(g for g in m.groups() if g), markdown)
    return _MARKS.sub("", text)


def sentences(markdown: str) -> Iterator[str]:
    """The sentences of a Markdown text: one per list item or line break block, split after . ! or ?."""
    for block in re.split(r"\n\s*\n|\n(?=\s*(?:[-*+]|\d+\.) )|\||^#+ |\n#+ ", plain(markdown)):
        block = " ".join(_ITEM.sub("", block.strip()).split())
        for sentence in _SPLIT.split(block):
            if len(sentence.split()) >= 3:
                yield sentence.strip()
