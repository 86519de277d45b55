"""The practice tools: data prepared at build time for the self-assessment, the review deck, the
interview countdown and run mode. Each macro renders one template in `playbook/render/templates/`; text
from the data reaches the browser only as HTML made by `present.present` (Markdown, links, escaped).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from playbook.contract.kinds import KINDS
from playbook.contract.models import LEVELS
from playbook.render.present import present, url_path

if TYPE_CHECKING:
    from playbook.contract.record import Record
    from playbook.index.book import Playbook
    from playbook.render.jinja import Templates


@dataclass(frozen=True)
class PageContext:
    """The page a tool is rendered on: the build's index and templates, the page's docs path and the site's address."""

    book: Playbook
    templates: Templates
    here: str
    site_url: str

    def render(self, template: str, **extra: Any) -> str:
        """The template's output; an HTML template's is one block of finished HTML (`Templates.block`)."""
        out = self.templates.render(template, book=self.book, here=self.here, tags=self.book.tags, **extra)
        return self.templates.block(out) if template.endswith(".html.j2") else out

# ---- Self-assessment -------------------------------------------------------------------------


@dataclass(frozen=True)
class Grow:
    """What grows one competency: questions that probe it, tactics and models they draw on, paths."""

    prompts: list[Record]
    practices: list[Record]
    paths: list[Record]


def grows(book: Playbook, competency: str, limit: int = 3) -> Grow:
    """The prompts probing `competency`, the tactics and models those prompts link to most, and the
    learning paths that step through any of them."""
    prompts = book.having("competencies", competency)
    counts: Counter[str] = Counter(
        link.to for p in prompts for link in p.doc.related if link.to.startswith(("tactics/", "models/"))
    )
    practices = [book.records[ref] for ref, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]]
    near = {r.ref for r in prompts} | {r.ref for r in practices}
    paths = [p for p in book.of_kind("paths") if any(step.to in near for step in p.doc.steps)]
    return Grow(prompts[:limit], practices, paths[:2])


SCALE_ANSWERS = MappingProxyType({
    "habit": ((1, "Not yet"), (2, "Sometimes"), (3, "Consistently")),
    "event": ((1, "No"), (3, "Yes")),
})
"""The answers of each scale and the value each stores: 3 meets the statement, 2 (a habit kept sometimes) half meets it."""

DID_NOT_COME_UP = (0, "Did not come up")
"""The extra answer of a habit that only applies when something happens ("When you pair…"): it counts neither way."""


def answers_for(scale: str, statement: str) -> tuple[tuple[int, str], ...]:
    """The answers offered for one statement: its scale's, and "did not come up" for a habit that starts "When"."""
    answers = SCALE_ANSWERS[scale]
    return (*answers, DID_NOT_COME_UP) if scale == "habit" and statement.startswith("When ") else answers


def self_assessment(page: PageContext) -> str:
    """Rate yourself per competency against the level signals in data/competencies.yml; radar chart."""
    competencies: dict[str, Any] = {k: t for k, t in page.book.competencies.items() if getattr(t, "signals", None)}
    grow = {k: grows(page.book, k) for k in competencies}
    offered = {(k, level): answers_for(getattr(t.scales, level), getattr(t.signals, level))
               for k, t in competencies.items() for level in LEVELS}
    return page.render("self_assessment.html.j2", competencies=competencies, grow=grow, levels=LEVELS, offered=offered)


# ---- Review deck -----------------------------------------------------------------------------

def cards(page: PageContext) -> list[dict[str, Any]]:
    """Every card of the deck (one per entry of each kind that has a card face), front and back as HTML."""
    book, here = page.book, page.here
    out = []
    for kind in KINDS:
        face = kind.card
        if face is None:
            continue
        for record in book.of_kind(kind):
            items = getattr(record.doc, face.field)
            items = items[:1] if face.first_only else items
            question = getattr(record.doc, "question", "")
            back = page.templates.render("card_back.html.j2", items=[present(book, item, here, inline=True) for item in items])
            out.append({
                "id": f"{record.ref}#{face.suffix}",
                "kind": record.kind.name,
                "kind_title": record.kind.singular_title,
                "tags": list(record.doc.tags),
                "title": record.title,
                "front": str(present(book, face.front.format(title=record.title, question=question.strip()), here, inline=True)),
                "back": back,
                "url": url_path(record, here),
            })
    return out


def review_deck(page: PageContext) -> str:
    """Spaced repetition over cards made from the data (Leitner boxes, kept in the browser)."""
    deck = cards(page)
    kinds = sorted({(c["kind"], c["kind_title"]) for c in deck})
    tags = sorted({t for c in deck for t in c["tags"]})
    return page.render("review_deck.html.j2", deck=deck, kinds=kinds, used_tags=tags, boxes=BOXES)


BOXES = (1, 2, 4, 8, 16)
"""Leitner boxes: days until a card in box 1..5 is due again."""

# ---- Interview countdown ---------------------------------------------------------------------


@dataclass(frozen=True)
class PrepAdvice:
    """The interview-prep advice, in one place: /interview/ prints it (macro `prep_advice`) and the countdown
    plan (docs/assets/plan.js) is made from it (passed as JSON); tests/browser/test_practice.py checks the plan
    against it for several lengths."""

    stories_min: int = 6  # stories to have written out in full
    stories_max: int = 8
    stories_max_from: int = 10  # working days from which the plan asks for stories_max rather than stories_min
    mocks: int = 2  # mock interviews, at least
    mocks_from: int = 4  # working days needed for that many; fewer days: one mock (two days or more) or none
    mock_minutes: int = 45
    rest_weekday: int = 0  # one rest day a week, on this day (0 Sunday, as JavaScript's getDay)
    rest_from: int = 7  # plans shorter than this many days have no rest day
    weeks: int = 3  # an hour most days for the last `weeks` weeks; before that, sessions on `early_weekdays` only
    early_weekdays: tuple[int, ...] = (1, 3, 5)  # Monday, Wednesday, Friday
    stop_new: int = 2  # add no new material in the last `stop_new` days: the last of them is light
    max_days: int = 56  # plans start at most eight weeks before the interview

    def words(self, name: str) -> str:
        """A number of the advice as the prose on /interview/ says it."""
        said = {
            "stories": f"{_WORDS[self.stories_min]} to {_WORDS[self.stories_max]}",
            "mocks": _WORDS[self.mocks],
            "mock_minutes": str(self.mock_minutes),
            "weeks": f"{_WORDS[self.weeks - 1]} or {_WORDS[self.weeks]}",
            "stop_new": _WORDS[self.stop_new],
            "rest_day": ("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")[self.rest_weekday],
            "max_weeks": _WORDS[self.max_days // 7],
        }
        if name not in said:
            raise KeyError(f"prep_advice: no '{name}' (one of {', '.join(said)})")
        return said[name]


_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")

PREP_ADVICE = PrepAdvice()


def prep_advice(name: str) -> str:
    return PREP_ADVICE.words(name)


def interview_plan(page: PageContext) -> str:
    """A day-by-day plan to the interview date, printable and as an .ics calendar file."""
    book, here = page.book, page.here
    data = {
        "advice": asdict(PREP_ADVICE),
        "competencies": [
            {"id": k, "title": t.title, "prompts": len(book.having("competencies", k))} for k, t in book.competencies.items()
        ],
        "links": {name: url_path(path, here) for name, path in PLAN_LINKS.items()},
        "site": page.site_url,
    }
    return page.render("interview_plan.html.j2", data=data, levels=LEVELS)


PLAN_LINKS = MappingProxyType({
    "story_map": "interview/story-map.md", "prep_sheet": "interview/prep-sheet.md", "star_guide": "interview/star-guide.md",
    "drill": "interview/drill.md", "review": "practice/review.md", "bank": "prompts/index.md",
    "archetypes": "interview/archetypes.md", "assessment": "practice/self-assessment.md",
})
