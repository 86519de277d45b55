"""The shape of an entry's example: a story that ends on what happened, not on what to learn from it.

Two checks, each a small classifier rather than a list of phrases seen in the data:

- `closing_lesson` reads an example's last sentence and says whether it states a lesson or a habit
  instead of a fact: a named lesson ("learned", "lesson", "hindsight", "verdict"), a habit or a
  resolution in the present or with a modal ("would now", "now asks", "next time", "ever since"),
  a counterfactual ("should have", "would have"), advice to the reader (second person, an imperative),
  or a generic truth in the present tense ("A review nobody reads is ...").
- `stock_pivots` finds the short sentences that announce a cost without saying what it was ("The hour
  was not free.", "It cost her something.", "The cost:"): a clause of a few words whose predicate is
  about cost and which, after its cost word, names no quantity, no time and no amount.
"""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“(]?[A-Z0-9])")
_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”")
_WORD = re.compile(r"[A-Za-z']+")

# The grammar the classifier leans on: closed word classes, not phrases from the data.
_PRONOUN = frozenset({"she", "he", "they", "we", "i"})
_SECOND_PERSON = re.compile(r"\b(you|your|you're|you've|you'd|you'll|yours|yourself)\b", re.I)
_FUNCTION_WORDS = """
a an the this that these those her his their its our my both all each every neither either nobody none
no any after before at in on by for with when while once if as then so but and within during until over
under since from to of through without about across two three four five six seven eight nine ten there
it she he they we i one some most many few what who which where why how nothing everyone someone
"""
_FUNCTION = frozenset(_FUNCTION_WORDS.split())
_IMPERATIVE_NEXT = frozenset({"the", "a", "an", "your", "what", "whether", "how", "with", "who", "every", "each", "to", "them", "it"})
_GENERIC_DETERMINER = frozenset({"a", "an", "every", "any", "no", "whoever", "anyone", "nobody", "whatever"})
_GENERIC_VERB = re.compile(r"\b(is|are|isn't|aren't|can|cannot|can't|must|needs|costs|wins|loses|beats|means|keeps|makes"
                           r"|takes|buys|saves|pays|reads|turns|becomes|tells|works|fails|holds|goes)\b", re.I)
_ADVERB_OF_HABIT = frozenset({"always", "never", "just", "only"})
_PAST = re.compile(r"\b[a-z]+ed\b|\b(was|were|had|did|took|made|went|came|got|gave|left|found|felt|kept|lost|paid|ran|said"
                   r"|saw|sent|spent|told|thought|wrote|knew|held|brought|built|began|chose|fell|heard|met|meant|led|sat"
                   r"|stood|won|broke|caught|drew|grew|rose|sold|spoke|stuck|taught|understood|became|shut|struck|hit)\b", re.I)
_TIME = re.compile(r"\d|\b(minutes?|hours?|days?|nights?|weeks?|weekends?|months?|quarters?|years?|sprints?|half|"
                   r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|"
                   r"july|august|september|october|november|december|q[1-4]|two|three|four|five|six|seven|eight|nine|"
                   r"ten|eleven|twelve|twenty|thirty|dozen|hundred|thousand|several|cents?|pounds?|dollars?|euros?)\b|[£$€%]",
                   re.I)
# A story's anchor in time: a date, a count of days or weeks, "later", "ago".
_NUMBER = r"(a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty)"
_UNIT = r"(minutes?|hours?|days?|weeks?|months?|quarters?|years?|sprints?)"
_ANCHOR = re.compile(r"\d|\b(ago|yesterday|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january"
                     r"|february|march|april|june|july|august|september|october|november|december)\b"
                     rf"|\b{_NUMBER} {_UNIT}\b|\b{_UNIT} {_NUMBER}\b", re.I)
_QUANTIFIER = r"\b(every|any|always|rarely|never|usually|whenever|before|first)\b"
_NAMED_LESSON = re.compile(r"\b(lessons?|learn(ed|t|s|ing)?|takeaways?|moral|verdict|hindsight|looking back|in retrospect"
                           r"|took from it|realis(ed|es)|realiz(ed|es)|the point (is|was))\b", re.I)
_HABIT = re.compile(r"\b(would|will|'ll) now\b|\bnext time\b|\bthese days\b|\bfrom (then|now) on\b|\bever since\b"
                    r"|\bevery\b.*\bsince\b|\bwhenever\b|\bwhen(ever)? (anyone|someone|somebody)\b"
                    r"|\b(she|he|they|we)( still)? (thinks|believes|says|calls|considers|argues|insists)\b"
                    r"|\bwould (?!have\b)[a-z]+\b.*" + _QUANTIFIER + r"|\bnext (role|job|project|company|time)\b"
                    r"|\b(is|are|[a-z]+s) now\b.*" + _QUANTIFIER + r"|\bnow [a-z]+s\b.*" + _QUANTIFIER, re.I)
# A verdict on the story in the narrator's voice: "the cheapest move she made", "the real mistake", "the episode shows".
_JUDGEMENT = re.compile(r"\b(cheapest|best|worst|wisest|the (real )?mistake|useful part|worth it|mattered (more|most)"
                        r"|(the|this) (episode|story|example|model|tactic) (shows|teaches|draws|proves))\b", re.I)
_COUNTERFACTUAL = re.compile(r"\b(would|should|could|might|must)(n't| not)? have\b", re.I)
_COST = re.compile(r"\b(costs?|costly|price[ds]?|free|cheap|toll|expense|expensive|paid|pay|fee)\b", re.I)
_PIVOT_WORDS = 9


def sentences(text: str) -> list[str]:
    """The sentences of a prose text (a colon or semicolon does not end one)."""
    return [part.strip() for part in _SENTENCE_END.split(" ".join(text.split())) if part.strip()]


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _since_habit(sentence: str) -> bool:
    """"since" followed straight by a present verb: "her load tests since run at twice the forecast"."""
    for after in re.findall(r"\bsince,? ([a-z]+)\b", sentence):
        if after not in _FUNCTION | {"last", "early", "late", "then"} and not after.endswith(("ed", "ing")) and not _TIME.search(after):
            return True
    return False


def _now_habit(sentence: str) -> bool:
    """A person doing something "now", in the present: "She now pairs ...", "Dmitri now sends ..."."""
    if not re.search(r"\bnow\b", sentence) or _PAST.search(sentence.split(" now ")[0] + " now"):
        return False
    before = _words(sentence.split(" now ")[0]) if " now " in sentence else []
    return bool(before) and (before[-1].lower() in _PRONOUN or (before[-1][0].isupper() and before[-1].lower() not in _FUNCTION))


def _pronoun_habit(sentence: str) -> bool:
    """A present-tense habit of a person: "She keeps a count every month", "he asks before any change"."""
    words = [w.lower() for w in _words(sentence)]
    if len(words) < 2 or words[0] not in _PRONOUN | {"the"} or _PAST.search(sentence):
        return False
    return bool(re.search(r"\b(every|any|always|whenever|each time)\b", sentence, re.I)) and not _TIME.search(sentence)


def _generic(sentence: str) -> bool:
    """A truth stated for everyone, in the present: "An estimate without its risks is a promise"."""
    words = _words(sentence)
    if not words or _ANCHOR.search(sentence):
        return False
    first = words[0].lower()
    if first in _GENERIC_DETERMINER or first.endswith("ing"):
        return bool(_GENERIC_VERB.search(sentence))
    bare_plural = words[0][0].isupper() and first.endswith("s") and first not in _FUNCTION | {"its", "his", "this", "thus", "was"}
    return bare_plural and len(words) > 3 and not _PAST.search(sentence)


def _imperative(sentence: str) -> bool:
    """Advice in the imperative: "Agree the plan first", "Always tell the owner"."""
    words = [w.lower() for w in _words(sentence)]
    if len(words) < 3:
        return False
    if words[0] in _ADVERB_OF_HABIT:
        return True
    if re.match(r"^[A-Za-z']+[,:;]", sentence) or words[0] in _FUNCTION or words[0] in _PRONOUN:
        return False
    return words[1] in _IMPERATIVE_NEXT and not words[0].endswith(("ed", "s", "ing")) and not _PAST.search(sentence)


def lesson_reasons(sentence: str) -> list[str]:
    """Why a sentence reads as a lesson or a habit rather than a fact (empty: it reads as a fact).

    Each clause (split at a colon or semicolon) is read on its own: "It cost a month; she now asks first"."""
    text = " ".join(_QUOTED.sub("", sentence).split())
    clauses = [c.strip() for c in re.split(r"[:;]", text) if c.strip()]
    found = [reason for clause in [text, *clauses] for reason in _clause_reasons(clause)]
    return list(dict.fromkeys(found))


def _clause_reasons(text: str) -> list[str]:
    checks = {
        "named lesson": bool(_NAMED_LESSON.search(text)),
        "habit": bool(_HABIT.search(text)) or _now_habit(text) or _pronoun_habit(text) or _since_habit(text),
        "counterfactual": bool(_COUNTERFACTUAL.search(text)),
        "judgement": bool(_JUDGEMENT.search(text)),
        "second person": bool(_SECOND_PERSON.search(text)),
        "imperative": _imperative(text),
        "generic present": _generic(text),
    }
    return [name for name, hit in checks.items() if hit]


def closing_lesson(example: str) -> list[str]:
    """The reasons an example's last sentence states a lesson or habit (empty when it ends on a fact)."""
    found = sentences(" ".join(example.split()))
    return lesson_reasons(found[-1]) if found else []


def stock_pivots(example: str) -> list[str]:
    """The sentences of an example that announce a cost without saying what it was."""
    pivots = []
    for sentence in sentences(" ".join(example.split())):
        clause = re.split(r"[:;]", _QUOTED.sub("", sentence))[0]
        words = _words(clause)
        cost = _COST.search(clause)
        hypothetical = re.search(r"\b(would|could|will|might)\s+$", clause[:cost.start()]) if cost else None
        if len(words) <= _PIVOT_WORDS and cost and not hypothetical and not _TIME.search(clause[cost.end():]):
            pivots.append(sentence)  # a cost announced, and what it was left unsaid
    return pivots
