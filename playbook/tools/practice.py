"""The practice tools: data prepared at build time for the self-assessment, the review deck, the
interview countdown and run mode. Each macro renders one template in `playbook/render/templates/`; text
from the data reaches the browser only as HTML made by `present.present` (Markdown, links, escaped).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
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
        return self.templates.render(template, book=self.book, here=self.here, tags=self.book.tags, **extra)

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


def self_assessment(page: PageContext) -> str:
    """Rate yourself per competency against the level signals in data/competencies.yml; radar chart."""
    competencies = {k: t for k, t in page.book.competencies.items() if getattr(t, "signals", None)}
    grow = {k: grows(page.book, k) for k in competencies}
    return page.render("self_assessment.html.j2", competencies=competencies, grow=grow, levels=LEVELS)


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


def interview_plan(page: PageContext) -> str:
    """A day-by-day plan to the interview date, printable and as an .ics calendar file."""
    book, here = page.book, page.here
    data = {
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
