"""Typed models of every playbook entry: the single source of truth for the data contract.

Each kind of entry is a pydantic model. The JSON Schemas in `data/schemas/` are generated from
these classes (`playbook schemas`), and templates only ever receive instances of them.
"""

from __future__ import annotations

import datetime as dt
import re
from datetime import date
from enum import StrEnum
from types import MappingProxyType
from typing import Annotated, ClassVar, Literal, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    HttpUrl,
    ValidationInfo,
    field_validator,
    model_validator,
)

from playbook.contract.characters import character_problem
from playbook.contract.names import ID

ID_PATTERN = rf"^{ID}$"
REF_PATTERN = rf"^[a-z]+/{ID}$"
ALIAS_PATTERN = rf"^(?:[a-z]+/)?{ID}$"
"""A former id, bare (same kind) or `<kind dir>/<id>` for an entry merged in from another kind."""
"""`<kind dir>/<id>`; the index checks that the kind and the entry exist (kinds.py is the registry)."""
INLINE_REF = re.compile(rf"\[\[([a-z]+/{ID})(?:\|([^\]]+))?\]\]")
"""An inline reference in Markdown text: [[tactics/pre-mortem]] or [[tactics/pre-mortem|a pre-mortem]]."""

_HTML = re.compile(r"<\s*/?\s*[a-zA-Z!?]")
_ATTR_LIST = re.compile(r"\{\s*(?::|[#.][A-Za-z_]|[A-Za-z_][\w-]*\s*=)")
_LINK_DEST = re.compile(r"\]\(\s*<?([^)\s>]*)")
_REFERENCE_DEFINITION = re.compile(r"^(?:[ \t>]|(?:[-*+]|\d{1,9}[.)])[ \t])*\[[^\[\]]*\]:", re.MULTILINE)
"""`[x]: http://…` at the start of a line, also inside a list item or a quote (Python-Markdown reads one anywhere
in a block): its link would be made far from its text, and the sanitiser leaves an empty element behind."""
_SAFE_DEST = re.compile(r"(?:https?://|mailto:)\S+", re.IGNORECASE)


def _markdown_only(text: str) -> str:
    """Data text is Markdown, never markup: no raw HTML, no attribute lists, no images, and links only to
    http(s) and mailto addresses (entries link to each other with [[kind/id]]). See docs/contributing.md#trust."""
    if _HTML.search(text):
        raise ValueError("raw HTML is not allowed in text (write Markdown; use &lt; for a literal '<')")
    if _ATTR_LIST.search(text):
        raise ValueError("attribute lists ('{: ... }', '{ #id }', '{ .class }') are not allowed in text")
    if "![" in text:
        raise ValueError("images are not allowed in text (they would load from another host)")
    definition = _REFERENCE_DEFINITION.search(text)
    if definition:
        label = definition.group().lstrip(" \t>-*+0123456789.)")
        raise ValueError(f"a reference definition ('{label[:40]} …') is not allowed in text: write the link where it is used,"
                         " [text](https://…), or \\[ for a literal bracket")
    for match in _LINK_DEST.finditer(text):
        dest = match.group(1)
        if not _SAFE_DEST.fullmatch(dest):
            raise ValueError(f"link to '{dest[:60]}': links in text go to http(s) or mailto addresses only; link entries with [[kind/id]]")
    return text


def _text(text: str) -> str:
    """Only text: no control, format or noncharacters (the reader checks every value already; models made
    elsewhere are held to the same). Newline and tab are allowed. See contract/characters.py."""
    problem = character_problem(text)
    if problem:
        raise ValueError(problem)
    return text


def _one_line(text: object) -> object:
    """One line of text, naming the first character that breaks it (a newline, a tab, U+200B ...)."""
    problem = character_problem(text, one_line=True) if isinstance(text, str) else None
    if problem:
        raise ValueError(problem)
    return text


Text = Annotated[str, Field(min_length=1), AfterValidator(_text), AfterValidator(_markdown_only)]
"""Markdown text: one or more paragraphs, no raw HTML."""
Line = Annotated[str, Field(min_length=1, max_length=160), AfterValidator(_one_line), AfterValidator(_markdown_only)]
"""A short single line: a title, a label, a checklist item."""
Summary = Annotated[str, Field(min_length=10, max_length=240), AfterValidator(_one_line), AfterValidator(_markdown_only)]
Id = Annotated[str, Field(pattern=ID_PATTERN, max_length=80), BeforeValidator(_one_line)]
Ref = Annotated[str, Field(pattern=REF_PATTERN, description="`<kind dir>/<id>`, e.g. `models/conger-persuasion`"),
                BeforeValidator(_one_line)]
Alias = Annotated[str, Field(pattern=ALIAS_PATTERN, max_length=120), BeforeValidator(_one_line)]
SourceRef = Annotated[str, Field(pattern=rf"^sources/{ID}$"), BeforeValidator(_one_line)]


class Strict(BaseModel):
    """Base of every model: unknown fields (typos) are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Relation(StrEnum):
    """How one entry relates to another. Each has a label, and an inverse label for backlinks."""

    uses = "uses"
    builds_on = "builds-on"
    complements = "complements"
    contrasts_with = "contrasts-with"
    prepares_for = "prepares-for"
    see_also = "see-also"

    @property
    def label(self) -> str:
        return _RELATION_LABELS[self][0]

    @property
    def inverse_label(self) -> str:
        return _RELATION_LABELS[self][1]


_RELATION_LABELS = MappingProxyType({
    Relation.uses: ("Uses", "Used by"),
    Relation.builds_on: ("Builds on", "Built on by"),
    Relation.complements: ("Works well with", "Works well with"),
    Relation.contrasts_with: ("Contrasts with", "Contrasts with"),
    Relation.prepares_for: ("Prepares for", "Prepared for by"),
    Relation.see_also: ("See also", "Mentioned by"),
})


def _calendar_date(value: object) -> object:
    """A review date: a calendar date written YYYY-MM-DD (YAML reads it as a date), not in the future."""
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date | str):
        raise ValueError("must be a date written YYYY-MM-DD, e.g. 2026-11-20")
    if isinstance(value, str):
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
            raise ValueError(f"'{value}' is not a date written YYYY-MM-DD, e.g. 2026-11-20")
        try:
            value = dt.date.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(f"'{value}' is not a date of the calendar") from None
    if value > dt.datetime.now(dt.UTC).date():
        raise ValueError(f"{value.isoformat()} is in the future: write the day the review was done")
    return value


class Review(Strict):
    """The last review of an entry: when, and by whom (the maintainers' review cycle, `playbook review-due`)."""

    date: Annotated[dt.date, BeforeValidator(_calendar_date)] = Field(description="the day of the review, YYYY-MM-DD")
    by: Line = Field(description="who reviewed it: a person or a team")


Owner = Annotated[str, Field(min_length=2, max_length=60), AfterValidator(_one_line), AfterValidator(_markdown_only)]
"""The team or person who keeps an entry true (listed on /owners/)."""


class Link(Strict):
    """A typed reference to another entry."""

    rel: Relation
    to: Ref
    note: Line | None = None


class Citation(Strict):
    """A source an entry draws on, with where in it to look."""

    source: SourceRef
    locator: Line = Field(description="chapter, page or section, e.g. 'ch. 3' or 'section \"Social Proof\"'")
    quote: Line | None = Field(None, description="an optional short quotation (a few words), shown marked and attributed")
    unverified: bool = Field(False, description="true when no evidence of this locator was found; the page marks it as not checked")


class ShapeItem(Strict):
    label: Annotated[str, Field(min_length=1, max_length=40), AfterValidator(_one_line), AfterValidator(_markdown_only)]
    detail: Annotated[str, Field(max_length=90), AfterValidator(_one_line), AfterValidator(_markdown_only)] | None = None


class Shape(Strict):
    """The picture of a model, drawn at build time as inline SVG from these items."""

    type: Literal["pyramid", "sequence", "cycle", "quadrant", "circles"]
    items: list[ShapeItem] = Field(
        min_length=2, max_length=8,
        description="pyramid: bottom to top; circles: inner to outer; quadrant: top-left, top-right, bottom-left, bottom-right",
    )
    x_axis: Line | None = Field(None, description="quadrant only: what grows from left to right")
    y_axis: Line | None = Field(None, description="quadrant only: what grows from bottom to top")
    caption: Line

    @model_validator(mode="after")
    def _quadrant_needs_axes(self) -> Shape:
        if self.type == "quadrant" and (len(self.items) != 4 or not self.x_axis or not self.y_axis):
            raise ValueError("a quadrant needs exactly 4 items, x_axis and y_axis")
        if self.type != "quadrant" and (self.x_axis or self.y_axis):
            raise ValueError("x_axis and y_axis belong to a quadrant only")
        return self


class Section(BaseModel):
    """One section of an entry page: the field it shows, its heading, and its stable anchor."""

    model_config = ConfigDict(frozen=True)
    field: str
    heading: str
    anchor: str
    style: Literal["prose", "list", "steps", "words"] = "list"


class Who(StrEnum):
    """Who is in the way (the Find your move page asks this first)."""

    peer = "peer"
    owning_team = "owning-team"
    stakeholder = "stakeholder"
    executive = "executive"
    manager = "manager"


class What(StrEnum):
    """What is happening."""

    stalled = "stalled"
    pushback = "pushback"
    deadlock = "deadlock"
    wrong_decision = "wrong-decision"
    conflict = "conflict"
    certainty = "certainty"  # someone above you wants a status, a date or a certainty you cannot give


class When(StrEnum):
    """Where you are relative to the meeting that matters."""

    before = "before"
    during = "during"
    after = "after"


class Fits(Strict):
    """The moments an entry fits, for the Find your move page. An empty list means 'any'."""

    who: list[Who] = Field(default_factory=list, description="who is in the way: " + ", ".join(Who))
    what: list[What] = Field(default_factory=list, description="what is happening: " + ", ".join(What))
    when: list[When] = Field(default_factory=list, description="before, during or after the meeting: " + ", ".join(When))
    primary: list[str] = Field(
        default_factory=list,
        description="the answers the entry is written for, each one listed in who, what or when: they rank it above "
        "entries that list the same answer in passing",
    )

    @model_validator(mode="after")
    def _at_least_one_answer(self) -> Fits:
        if not (self.who or self.what or self.when):
            raise ValueError("give at least one of who, what, when (or leave out fits)")
        for name in ("who", "what", "when", "primary"):
            values = getattr(self, name)
            if len(set(values)) != len(values):
                raise ValueError(f"{name}: a value is listed twice")
        listed = {str(v) for v in (*self.who, *self.what, *self.when)}
        stray = [v for v in self.primary if v not in listed]
        if stray:
            raise ValueError(f"primary: {', '.join(stray)} is not listed in who, what or when")
        return self


AlsoCalled = Annotated[str, Field(min_length=3, max_length=80), AfterValidator(_one_line), AfterValidator(_markdown_only)]


AskedAs = Annotated[str, Field(min_length=3, max_length=120), AfterValidator(_one_line), AfterValidator(_markdown_only)]
"""A query as a reader types it ("why does nobody read my design doc")."""

SearchWords = Annotated[str, Field(min_length=2, max_length=60, pattern=r"^[^\n<>{}\[\]]+$")]
"""A word or phrase as typed into the search box."""


class SynonymRule(Strict):
    """What readers type (`reader`) and the words the playbook uses for it (`site`), e.g. date -> deadline."""

    reader: list[SearchWords] = Field(min_length=1, description="words or phrases readers type")
    site: list[SearchWords] = Field(min_length=1, description="the playbook's words for the same thing, searched as well")


SearchKind = Literal["situation", "tactic", "model", "checklist", "prompt", "path", "source", "page", "index", "about"]
"""The kinds of search document: entry kinds, guides and tools (page), kind indexes, pages about the site."""


class Confusion(Strict):
    """A real word readers write for a site word that sounds like it ("principle engineer" for principal)."""

    heard: list[SearchWords] = Field(min_length=1, description="what readers type: real words, so no typo fix finds them")
    meant: SearchWords = Field(description="the site's word or phrase they mean")


class Audience(Strict):
    """A reader who is not a staff engineer asking for themselves, e.g. the manager of one: the phrases that say so
    ("my staff engineer") lift the pages that carry `tag` (a soft weight, never a filter)."""

    tag: Id = Field(description="a tag of data/tags.yml that the pages written for this reader carry")
    phrases: list[SearchWords] = Field(min_length=1, description="how this reader says whom they ask about, as typed")


class Synonyms(Strict):
    """data/synonyms.yml: applied to every query in the search box (docs/contributing.md#search)."""

    phrases: list[SearchWords] = Field(default_factory=list, description="phrases matched as phrases (say no, one-way door)")
    synonyms: list[SynonymRule] = Field(default_factory=list)
    filler: list[SearchWords] = Field(
        default_factory=list, description="words and phrases dropped from a query (never from pages): they name no problem")
    soft: list[SearchWords] = Field(
        default_factory=list, description="words every page could carry (staff engineer): searched as optional words, "
                                          "which add to a page's score and not to the words it must cover")
    audiences: list[Audience] = Field(default_factory=list)
    confusions: list[Confusion] = Field(default_factory=list)
    interview: list[SearchWords] = Field(
        default_factory=list, description="phrases that make a query an interview query (interview questions rank higher)")
    keep: list[SearchWords] = Field(
        default_factory=list, description="real words the typo fix must leave alone (the nearest site word means something else)")
    kinds: dict[SearchKind, list[SearchWords]] = Field(
        default_factory=dict, description="phrases that name a kind of page (checklist, interview question): they lift "
                                          "that kind and are not searched as words of the problem")

    @model_validator(mode="after")
    def _once(self) -> Synonyms:
        seen = [p.casefold() for p in self.phrases]
        if len(set(seen)) != len(seen):
            raise ValueError("phrases: a phrase is listed twice")
        readers = [w.casefold() for rule in self.synonyms for w in rule.reader]
        if len(set(readers)) != len(readers):
            raise ValueError("synonyms: a reader word is listed in two rules")
        heard = [w.casefold() for c in self.confusions for w in c.heard]
        if len(set(heard)) != len(heard):
            raise ValueError("confusions: a heard word is listed twice")
        for name in ("filler", "soft", "interview", "keep"):
            listed = [w.casefold() for w in getattr(self, name)]
            if len(set(listed)) != len(listed):
                raise ValueError(f"{name}: a word is listed twice")
        if {"no", "not", "never", "without"} & {w.casefold() for w in self.filler}:
            raise ValueError("filler: 'no', 'not', 'never' and 'without' carry meaning and stay in the query")
        return self


Said = Annotated[str, Field(min_length=3, max_length=400), AfterValidator(_one_line), AfterValidator(_markdown_only)]
"""One thing said aloud or written: a sentence or three on one line."""


class Pushback(Strict):
    """An objection you will likely hear, and what to answer."""

    they_say: Said
    you_say: Said


class WordsToSay(Strict):
    """The words for the hard moment: how to open, the pushback you will hear with a reply to each, and the message
    to send afterwards. No part may be empty."""

    opening: list[Said] = Field(min_length=1, max_length=3, description="one to three lines to open the conversation")
    pushback: list[Pushback] = Field(min_length=2, max_length=6, description="two or more: what they will likely say, and your reply")
    follow_up: Annotated[str, Field(min_length=10, max_length=700), AfterValidator(_text), AfterValidator(_markdown_only)] = Field(
        description="the message to send afterwards")



class Entry(Strict):
    """Fields every entry kind shares."""

    title: Line
    summary: Summary = Field(description="one line: what it is and why a reader cares")
    owner: Owner | None = Field(None, description="the team or person who keeps this entry true")
    reviewed: Review | None = Field(None, description="the last review: `{date: YYYY-MM-DD, by: who}`")
    tags: list[Id] = Field(default_factory=list, description="tag ids defined in data/tags.yml")
    related: list[Link] = Field(default_factory=list)
    sources: list[Citation] = Field(default_factory=list)
    aliases: list[Alias] = Field(
        default_factory=list,
        description="former ids of this entry (or `<kind dir>/<id>` of an entry of another kind merged into it): their URLs redirect here",
    )
    also_called: list[AlsoCalled] = Field(
        default_factory=list, max_length=12,
        description="the words readers use for this problem or move (e.g. 'getting buy-in'); shown on the page, ranked in search",
    )
    asked_as: list[AskedAs] = Field(
        default_factory=list, max_length=20,
        description="how readers type it into search: questions, fragments, complaints (five or more for situations and "
                    "tactics); searched, not shown",
    )

    SECTIONS: ClassVar[tuple[Section, ...]] = ()

    @model_validator(mode="after")
    def _also_called_once(self) -> Entry:
        seen = [a.casefold() for a in self.also_called]
        if len(set(seen)) != len(seen):
            raise ValueError("also_called: a phrase is listed twice")
        if self.title.casefold() in seen:
            raise ValueError("also_called: repeats the title")
        asked = [a.casefold() for a in self.asked_as]
        if len(set(asked)) != len(asked):
            raise ValueError("asked_as: a phrasing is listed twice")
        return self


class Practice(Entry):
    """A model or a tactic: what it is, when to use it, how, and where it goes wrong."""

    overview: Text = Field(description="the idea in two or three short paragraphs")
    when_to_use: list[Text] = Field(min_length=1)
    when_not_to_use: list[Text] = Field(min_length=1)
    steps: list[Text] = Field(min_length=1)
    pitfalls: list[Text] = Field(min_length=1)
    ethics: Text | None = Field(None, description="the ethical line: when not to use it even though it would work")
    example: Text = Field(description="a concrete example from engineering work")
    origin: Text | None = Field(None, description="who found or named it, when, and any common misattribution")

    SECTIONS: ClassVar[tuple[Section, ...]] = (
        Section(field="overview", heading="The idea", anchor="idea", style="prose"),
        Section(field="when_to_use", heading="When to use it", anchor="when-to-use"),
        Section(field="when_not_to_use", heading="When not to", anchor="when-not-to-use"),
        Section(field="steps", heading="How to apply it", anchor="steps", style="steps"),
        Section(field="pitfalls", heading="Pitfalls", anchor="pitfalls"),
        Section(field="ethics", heading="Where the line is", anchor="ethics", style="prose"),
        Section(field="example", heading="Example from engineering work", anchor="example", style="prose"),
        Section(field="origin", heading="Origin and attribution", anchor="origin", style="prose"),
    )


Minutes = Annotated[int, Field(ge=1, le=240)]


class Run(Strict):
    """Extras for run mode, which every tactic and checklist has (its steps or items one at a time, full screen):
    a timer for each step, and a checklist for after the meeting. Without this block run mode has neither."""

    minutes: list[Minutes] | None = Field(
        None, description="optional minutes for each step (tactic) or item (checklist), in order: one per step",
    )
    follow_up: Annotated[str, Field(pattern=rf"^checklists/{ID}$"), BeforeValidator(_one_line)] | None = Field(
        None, description="the checklist to work through after the meeting, shown on the end screen",
    )

    def check_count(self, count: int, what: str) -> None:
        if self.minutes is not None and len(self.minutes) != count:
            raise ValueError(f"run.minutes has {len(self.minutes)} values for {count} {what}: give one per {what[:-1]}")


class Model(Practice):
    """A mental model: a way of seeing people and decisions."""

    shape: Shape | None = None


class Tactic(Practice):
    """A tactic: a concrete move you make."""

    run: Run | None = Field(None, description="run mode extras (optional): minutes per step, a follow-up checklist")
    words_to_say: WordsToSay | None = Field(
        None, description="for a tactic that is a conversation: opening lines, pushback with replies, the follow-up message")

    SECTIONS = (
        *Practice.SECTIONS[:4],
        Section(field="words_to_say", heading="Words to say", anchor="words-to-say", style="words"),
        *Practice.SECTIONS[4:],
    )

    @model_validator(mode="after")
    def _minutes_per_step(self) -> Tactic:
        if self.run:
            self.run.check_count(len(self.steps), "steps")
        return self
    fits: Fits | None = Field(None, description="who, what and when it fits (the Find your move page)")


class Situation(Entry):
    """A situation a reader is in ("my proposal stalled"), and the moves that get them out."""

    overview: Text
    signs: list[Text] = Field(min_length=1, description="how you recognise you are in this situation")
    not_this: list[Text] = Field(min_length=1, description="look-alikes: when it is a different situation")
    moves: list[Text] = Field(min_length=1, description="what to do, in order")
    words_to_say: WordsToSay = Field(description="opening lines, the pushback you will hear with a reply to each, the follow-up message")
    pitfalls: list[Text] = Field(min_length=1)
    example: Text
    fits: Fits | None = Field(None, description="who, what and when it fits (the Find your move page)")
    run: Run | None = Field(None, description="run mode extras (optional): minutes per move, a follow-up checklist")

    @model_validator(mode="after")
    def _minutes_per_move(self) -> Situation:
        if self.run:
            self.run.check_count(len(self.moves), "moves")
        return self

    SECTIONS = (
        Section(field="overview", heading="What is going on", anchor="overview", style="prose"),
        Section(field="signs", heading="Signs you are here", anchor="signs"),
        Section(field="not_this", heading="It is something else if", anchor="not-this"),
        Section(field="moves", heading="Moves, in order", anchor="moves", style="steps"),
        Section(field="words_to_say", heading="Words to say", anchor="words-to-say", style="words"),
        Section(field="pitfalls", heading="Traps", anchor="pitfalls"),
        Section(field="example", heading="Example from engineering work", anchor="example", style="prose"),
    )


ChecklistItem = Annotated[str, Field(min_length=3, max_length=110), AfterValidator(_one_line), AfterValidator(_markdown_only)]


class Checklist(Entry):
    """A one-page checklist for a real moment, printable."""

    moment: Line = Field(description="when to pick it up, e.g. 'the day before the design review'")
    why: Annotated[str, Field(min_length=10, max_length=300), AfterValidator(_text), AfterValidator(_markdown_only)]
    items: list[ChecklistItem] = Field(min_length=4, max_length=14)
    run: Run | None = Field(None, description="run mode extras (optional): minutes per item, a follow-up checklist")
    fits: Fits | None = Field(None, description="who, what and when it fits (the Find your move page)")

    SECTIONS = (Section(field="why", heading="Why", anchor="why", style="prose"),)

    PRINT_LIMIT: ClassVar[int] = 1150
    """Characters of `why` and `items` together that print on one page, A4 and Letter (tests/browser/test_print.py:
    the checklists at 1,146 fit; one at 1,250 took two Letter pages)."""

    @model_validator(mode="after")
    def _minutes_per_item(self) -> Checklist:
        if self.run:
            self.run.check_count(len(self.items), "items")
        return self

    @field_validator("items")
    @classmethod
    def _fits_one_page(cls, items: list[str], info: ValidationInfo) -> list[str]:
        size = len(info.data.get("why") or "") + sum(len(item) for item in items)
        if size > cls.PRINT_LIMIT:
            raise ValueError(f"why and the items run to {size} characters, and at most {cls.PRINT_LIMIT} print on one page "
                             "(A4 and Letter): shorten them or split the checklist")
        return items


class Levels(Strict):
    senior: Text
    staff: Text
    principal: Text


Level = Literal["senior", "staff", "principal"]
LEVELS: tuple[Level, ...] = get_args(Level)


class Prompt(Entry):
    """An interview question with the coach's notes."""

    question: Text
    asked_at: list[Level] = Field(
        default_factory=lambda: list(LEVELS), min_length=1,
        description="the levels at which interviewers typically ask it (the bank filters on this)",
    )
    competencies: list[Id] = Field(min_length=1, description="competency ids from data/competencies.yml")
    archetypes: list[Id] = Field(default_factory=list, description="archetype ids from data/archetypes.yml")
    clarifying_questions: list[Text] = Field(min_length=1)
    levels: Levels = Field(description="what a strong answer shows at each level")
    listen_for: list[Text] = Field(min_length=1, description="what the interviewer listens for")
    strong_answer: list[Text] = Field(min_length=1, description="markers of a strong answer")
    red_flags: list[Text] = Field(min_length=1)
    follow_ups: list[Text] = Field(min_length=1)

    SECTIONS = (
        Section(field="question", heading="The question", anchor="question", style="prose"),
        Section(field="clarifying_questions", heading="Clarifying questions to ask", anchor="clarifying-questions"),
        Section(field="listen_for", heading="What the interviewer listens for", anchor="listen-for"),
        Section(field="strong_answer", heading="Markers of a strong answer", anchor="strong-answer"),
        Section(field="red_flags", heading="Red flags", anchor="red-flags"),
        Section(field="follow_ups", heading="Follow-up questions", anchor="follow-ups"),
    )


class PathStep(Strict):
    to: Ref
    discuss: Text = Field(description="a question for the mentee and mentor to discuss at this step")


class Path(Entry):
    """A learning path for mentoring: ordered entries, each with a discussion question."""

    audience: Line
    steps: list[PathStep] = Field(min_length=3)


_WEB_ADDRESS = re.compile(r"https?://[^\s<>\"'\\`{}|^()\[\]]+", re.IGNORECASE)


def _web_address(value: object) -> object:
    """A source's address: a plain http(s) URL with no spaces, quotes, brackets or parentheses."""
    _one_line(value)
    if isinstance(value, str) and not _WEB_ADDRESS.fullmatch(value.strip()):
        raise ValueError("must be a plain http(s) address (no spaces, quotes, brackets or parentheses; percent-encode them)")
    return value


class Evidence(Strict):
    """Where a locator of a source was checked: the address of a table of contents or the passage, and what it shows."""

    locator: Line = Field(description="the locator as citations give it, e.g. 'ch. 2, \"Three Maps\"'; a citation's locator "
                                      "(or each of its '; '-separated parts) must begin with one of these")
    address: Annotated[HttpUrl, BeforeValidator(_web_address)] | None = Field(
        None, description="table of contents, publisher page or the passage; only a source with no address of its own may omit it")
    confirms: Line = Field(description="what the address shows, e.g. 'chapter 2 is titled Three Maps'")
    checked: date = Field(description="the day the address was read, YYYY-MM-DD")


class SourceType(StrEnum):
    book = "book"
    article = "article"
    paper = "paper"
    talk = "talk"
    web = "web"
    letter = "letter"
    notes = "notes"


class Source(Strict):
    """A book, article, paper or talk that entries cite."""

    title: Line
    authors: list[Line] = Field(default_factory=list, description="full names; empty when the author is not identified")
    year: int | None = Field(None, ge=-600, le=2100)
    type: SourceType
    published_in: Line | None = Field(None, description="publisher, journal (volume, issue, pages) or site")
    url: Annotated[HttpUrl, BeforeValidator(_web_address)] | None = None
    summary: Summary
    owner: Owner | None = Field(None, description="the team or person who keeps this entry true")
    reviewed: Review | None = Field(None, description="the last review: `{date: YYYY-MM-DD, by: who}`")
    notes: Text | None = Field(None, description="what the playbook takes from it, for readers (notes on the source: SOURCE-NOTES.md)")
    tags: list[Id] = Field(default_factory=list)
    aliases: list[Id] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list, description="for each locator citations give: where it was checked")

    SECTIONS: ClassVar[tuple[Section, ...]] = ()

    @model_validator(mode="after")
    def _evidence_has_an_address(self) -> Source:
        if self.url is not None and any(e.address is None for e in self.evidence):
            raise ValueError("every evidence record needs an address when the source has one (the source's own `url` will do)")
        return self


class Term(Strict):
    """An entry of a vocabulary file (tags, competencies, archetypes): a title and a definition."""

    title: Line
    definition: Text


Scale = Literal["habit", "event"]
"""How a level statement is answered: a habit by how often (not yet, sometimes, consistently), an event by whether it
happened in the self-assessment's window (no, yes)."""


class Scales(Strict):
    """The scale of each level statement of a competency."""

    senior: Scale = "habit"
    staff: Scale = "habit"
    principal: Scale = "habit"


class Competency(Term):
    """An interview competency, with what it looks like at each level (the self-assessment reads these)."""

    signals: Levels | None = Field(None, description="one statement per level a reader can recognise themselves in: "
                                   "one behaviour of the reader, with no time window of its own (the page gives one)")
    scales: Scales = Field(default_factory=Scales, description="per level: 'habit' (answered by how often) or 'event' "
                           "(answered by whether it happened in the last six months)")


class Archetype(Term):
    """A staff archetype, with what interviewers ask people of that shape about."""

    asked_about: list[Text] = Field(min_length=1)
