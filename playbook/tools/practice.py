"""The practice tools: data prepared at build time for the self-assessment, the review deck, the
interview countdown and run mode. Each macro renders one template in `macros/templates/`; text
from the data reaches the browser only as HTML made by `present.present` (Markdown, links, escaped).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from playbook.render.jinja import render
from playbook.render.present import present, url_path

if TYPE_CHECKING:
    from .site import SiteMacros
    from .validation import Record

LEVELS = ("senior", "staff", "principal")

# ---- Self-assessment -------------------------------------------------------------------------


@dataclass(frozen=True)
class Grow:
    """What grows one competency: questions that probe it, tactics and models they draw on, paths."""

    prompts: list[Record]
    practices: list[Record]
    paths: list[Record]


def grows(site: SiteMacros, competency: str, limit: int = 3) -> Grow:
    """The prompts probing `competency`, the tactics and models those prompts link to most, and the
    learning paths that step through any of them."""
    book = site.book
    prompts = book.having("competencies", competency)
    counts: Counter[str] = Counter(
        link.to for p in prompts for link in p.doc.related if link.to.startswith(("tactics/", "models/"))
    )
    practices = [book.records[ref] for ref, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]]
    near = {r.ref for r in prompts} | {r.ref for r in practices}
    paths = [p for p in book.of_kind("paths") if any(step.to in near for step in p.doc.steps)]
    return Grow(prompts[:limit], practices, paths[:2])


def self_assessment(site: SiteMacros) -> str:
    """Rate yourself per competency against the level signals in data/competencies.yml; radar chart."""
    competencies = {k: t for k, t in site.book.competencies.items() if getattr(t, "signals", None)}
    grow = {k: grows(site, k) for k in competencies}
    return render("self_assessment.html.j2", **site._context(competencies=competencies, grow=grow, levels=LEVELS))


# ---- Review deck -----------------------------------------------------------------------------

CARD_FACES = {
    # kind dir: (card id suffix, front, field, take the first item only)
    "models": ("when", "When does {title} help, and when does it not?", "when_to_use", False),
    "situations": ("first-move", "{title}: what is your first move?", "moves", True),
    "tactics": ("pitfall", "{title}: what is the main pitfall?", "pitfalls", True),
    "prompts": ("listen-for", "“{question}” What do interviewers listen for?", "listen_for", False),
}
"""One card per entry of these kinds. A card's id is `<kind>/<entry id>#<suffix>`: it names the
entry and the question, never the text, so progress survives edits to the wording."""


def cards(site: SiteMacros) -> list[dict[str, Any]]:
    """Every card of the deck, with its front and back as HTML."""
    book, here = site.book, site.here
    out = []
    for kind_dir, (suffix, front, field, first_only) in CARD_FACES.items():
        for record in book.of_kind(kind_dir):
            items = getattr(record.doc, field)
            items = items[:1] if first_only else items
            question = getattr(record.doc, "question", "")
            back = render("card_back.html.j2", items=[present(book, item, here, inline=True) for item in items])
            out.append({
                "id": f"{record.ref}#{suffix}",
                "kind": record.kind.name,
                "kind_title": record.kind.singular_title,
                "tags": list(record.doc.tags),
                "title": record.title,
                "front": str(present(book, front.format(title=record.title, question=question.strip()), here, inline=True)),
                "back": back,
                "url": url_path(record, here),
            })
    return out


def review_deck(site: SiteMacros) -> str:
    """Spaced repetition over cards made from the data (Leitner boxes, kept in the browser)."""
    deck = cards(site)
    kinds = sorted({(c["kind"], c["kind_title"]) for c in deck})
    tags = sorted({t for c in deck for t in c["tags"]})
    return render("review_deck.html.j2", **site._context(deck=deck, kinds=kinds, used_tags=tags, boxes=BOXES))


BOXES = (1, 2, 4, 8, 16)
"""Leitner boxes: days until a card in box 1..5 is due again."""

# ---- Interview countdown ---------------------------------------------------------------------


def interview_plan(site: SiteMacros) -> str:
    """A day-by-day plan to the interview date, printable and as an .ics calendar file."""
    book, here = site.book, site.here
    data = {
        "competencies": [
            {"id": k, "title": t.title, "prompts": len(book.having("competencies", k))} for k, t in book.competencies.items()
        ],
        "links": {name: url_path(path, here) for name, path in PLAN_LINKS.items()},
        "site": site._site_url(),
    }
    return render("interview_plan.html.j2", **site._context(data=data, levels=LEVELS))


PLAN_LINKS = {
    "story_map": "interview/story-map.md", "prep_sheet": "interview/prep-sheet.md", "star_guide": "interview/star-guide.md",
    "drill": "interview/drill.md", "review": "practice/review.md", "bank": "prompts/index.md",
    "archetypes": "interview/archetypes.md", "assessment": "practice/self-assessment.md",
}
