"""The registry of kinds: the one place a kind of entry is declared.

Everything else reads it: validation (folder and model), the index (references), the generated pages
(entry template, index page), the CLI (`new` skeleton), the data contract page (example), the schemas
and the export. Adding a kind means a model in `models.py`, a page template, and one line here.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

from pydantic import BaseModel

from playbook.contract.models import Archetype, Checklist, Competency, Model, Path, Prompt, Situation, Source, Tactic, Term


@dataclass(frozen=True)
class CardFace:
    """The review-deck card made from each entry of a kind. A card's id is `<kind>/<entry id>#<suffix>`: it names
    the entry and the question, never the text, so progress survives edits to the wording."""

    suffix: str
    front: str  # formatted with the entry's title and question
    field: str  # the list field whose items make the back
    first_only: bool = False  # the first item only


@dataclass(frozen=True)
class Kind:
    name: str  # singular, used by the CLI: `playbook new model <id>`
    dir: str  # data/<dir>/ and the URL /<dir>/<id>/
    title: str  # heading of the index page
    singular_title: str
    schema: type[BaseModel]
    blurb: str  # one line on the index page
    example: str  # the entry shown as a complete example on the contributing page
    skeleton: str = ""  # skeleton template for `playbook new` (default: the kind's name)
    index_template: str = "kind_index.html.j2"
    content_bar: bool = False  # held to the content bar of `playbook quality`
    search_boost: float = 1.0  # multiplies an entry's search score: moves a reader can act on first, records behind them
    # last (search.js lifts interview questions when a query is phrased as one; docs/contributing.md#search)
    card: CardFace | None = None  # the review-deck card of each entry
    find: bool = False  # narrowed by Find your move (listed in registry order)
    find_cta: bool = False  # its index page invites the reader to Find your move
    triable: bool = False  # a reader can mark an entry "I used this" (My playbook lists them)
    run_field: str | None = None  # the list field run mode walks through, one item at a time: every entry of the kind
    # can be run (the entry's optional `run:` block adds a timer and a follow-up checklist)
    run_unit: str = "step"  # what one item of run_field is called

    @property
    def run_units(self) -> str:
        return f"{self.run_unit}s"

    @property
    def page_template(self) -> str:
        return f"{self.name}.html.j2"

    @property
    def skeleton_template(self) -> str:
        return f"{self.skeleton or self.name}.yml.j2"


KINDS: tuple[Kind, ...] = (
    Kind("situation", "situations", "Situations", "Situation", Situation,
         "Start from where you are stuck: each situation lists the signs and the moves, in order.",
         "situations/proposal-stalled", content_bar=True, search_boost=1.0, find=True, find_cta=True,
         run_field="moves", run_unit="move",
         card=CardFace("first-move", "{title}: what is your first move?", "moves", first_only=True)),
    Kind("model", "models", "Mental models", "Mental model", Model,
         "Ways of seeing people and decisions that explain why influence works or fails.",
         "models/conger-persuasion", skeleton="practice", content_bar=True, search_boost=0.95,
         card=CardFace("when", "When does {title} help, and when does it not?", "when_to_use")),
    Kind("tactic", "tactics", "Tactics", "Tactic", Tactic,
         "Concrete moves to make, with when to use them, when not to, and where the ethical line is.",
         "tactics/straw-man-design", skeleton="practice", content_bar=True, search_boost=1.0, find=True,
         triable=True, run_field="steps",
         card=CardFace("pitfall", "{title}: what is the main pitfall?", "pitfalls", first_only=True)),
    Kind("checklist", "checklists", "Checklists", "Checklist", Checklist,
         "One-page checklists to print and take into the room.",
         "checklists/before-a-design-review", content_bar=True, search_boost=0.95, find=True,
         run_field="items", run_unit="item"),
    Kind("prompt", "prompts", "Interview question bank", "Interview question", Prompt,
         "Staff-level behavioural questions with level signals and coach notes.",
         "prompts/pushback-on-a-proposal", index_template="prompt_bank.html.j2", search_boost=0.75,
         card=CardFace("listen-for", "“{question}” What do interviewers listen for?", "listen_for")),
    Kind("path", "paths", "Learning paths", "Learning path", Path,
         "Ordered reading for mentoring, with a question to discuss at each step.",
         "paths/getting-a-proposal-adopted", search_boost=0.6),
    Kind("source", "sources", "Sources", "Source", Source,
         "The books, articles and papers behind the playbook, and what cites each.",
         "sources/conger-necessary-art-of-persuasion", index_template="bibliography.html.j2", search_boost=0.3),
)
KINDS_BY_NAME = MappingProxyType({k.name: k for k in KINDS})
FIND_KINDS = tuple(k for k in KINDS if k.find)
"""The kinds Find your move narrows, in the order it lists them."""
KINDS_BY_DIR = MappingProxyType({k.dir: k for k in KINDS})

VOCABULARIES: MappingProxyType[str, type[BaseModel]] = MappingProxyType({
    "tags": Term,
    "competencies": Competency,
    "archetypes": Archetype,
})
"""Single-file vocabularies in data/<name>.yml: a mapping of id to a Term."""
