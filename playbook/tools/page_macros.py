"""The macros that hand-written pages call. Each returns Markdown or HTML rendered from a template.

Pages hold one call, e.g. `{{ home() }}` or `{{ term_index("tags") }}`. The macros read the index of the build
(`playbook.pipeline`) and render through its templates; `env` is mkdocs-macros' plugin object (or the tree's
`MacroEnv`), which says which page is being rendered. Every read of the index is a query (index/views.py): the
MkDocs plugin records what each hand-written page read, and `serve` rebuilds the page when an answer changes.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from playbook.contract.docs import fields_of, kind_docs
from playbook.contract.kinds import FIND_KINDS
from playbook.contract.models import LEVELS
from playbook.index.book import Playbook
from playbook.render.export import Export, ExportCitation, ExportEntry, ExportReference
from playbook.render.jinja import Templates, url_path
from playbook.render.living import owners_of
from playbook.render.present import plain, present
from playbook.tools import practice
from playbook.tools.find import QUESTIONS


class SiteMacros:
    """Binds the index of one build to the page being rendered."""

    def __init__(self, book: Playbook, templates: Templates, env: Any):
        self.book = book
        self.templates = templates
        self.env = env

    @property
    def here(self) -> str:
        """The docs-relative path of the page being rendered (MkDocs: page.file.src_uri; Zensical: page.path)."""
        page = self.env.page
        return page.file.src_uri if hasattr(page, "file") else page.path

    @property
    def page(self) -> practice.PageContext:
        return practice.PageContext(self.book, self.templates, self.here, self._site_url())

    def _render(self, template: str, **extra: Any) -> str:
        return self.page.render(template, **extra)

    def term_index(self, name: str) -> str:
        """Every term of a vocabulary (tags, competencies, archetypes), its definition and its entries."""
        return self._render("terms.md.j2", name=name, terms=self.book.vocabulary(name))

    def home(self) -> str:
        """The home page: counts, situations to start from, checklists to print."""
        counts = Counter(self.book.count_by_kind())
        return self._render(
            "home.md.j2", counts=counts, situations=self.book.of_kind("situations"), checklists=self.book.of_kind("checklists"),
        )

    def find_move(self) -> str:
        """Find your move: three questions that narrow the situations, tactics and checklists to those that fit."""
        fitting = {kind: [r for r in self.book.of_kind(kind) if getattr(r.doc, "fits", None)] for kind in FIND_KINDS}
        groups = [{"kind": kind, "records": records} for kind, records in fitting.items()]
        total = sum(len(records) for records in fitting.values())
        return self._render("find.html.j2", questions=QUESTIONS, groups=groups, total=total)

    def drill(self) -> str:
        """The practice drill: a random question, a timer, then the coach notes."""
        here = self.here
        html = lambda text: str(present(self.book, text, here, inline=True))  # noqa: E731
        prompts = [
            {
                "id": r.id, "title": r.title, "url": url_path(r, here), "question": html(r.doc.question),
                "competencies": list(r.doc.competencies),
                "competency_titles": [self.book.competencies[c].title for c in r.doc.competencies],
                "levels": [{"label": label.capitalize(), "html": html(getattr(r.doc.levels, label))} for label in LEVELS],
                "listen_for": [html(t) for t in r.doc.listen_for],
                "strong_answer": [html(t) for t in r.doc.strong_answer],
                "follow_ups": [html(t) for t in r.doc.follow_ups],
            }
            for r in self.book.of_kind("prompts")
        ]
        return self._render("drill.html.j2", prompts=prompts)

    def story_map(self) -> str:
        """The story-coverage map: the reader's stories against the competencies (kept in the browser)."""
        data = {
            "competencies": [{"id": k, "title": t.title} for k, t in self.book.competencies.items()],
            "prompts": {
                k: [{"title": r.title, "url": url_path(r, self.here)} for r in self.book.having("competencies", k)]
                for k in self.book.competencies
            },
        }
        return self._render("story_map.html.j2", data=data)

    def prep_sheet(self) -> str:
        """The one-page STAR+ interview prep sheet."""
        return self._render("prep_sheet.html.j2", parts=STAR_PARTS, url=self._page_url())

    def print_pack(self) -> str:
        """Every checklist, one per printed sheet."""
        return self._render("print_pack.html.j2", records=self.book.of_kind("checklists"), base_url=self._site_url())

    def my_playbook(self) -> str:
        """The reader's saved entries and tried tactics (from localStorage)."""
        return self._render("my_playbook.html.j2")

    def mentor_list(self) -> str:
        """A mentor's list in one link: pick entries, add a note to each, copy the link that opens the list for
        the mentee as a path (docs/assets/mentor.js). The page carries every entry's id, title and summary (plain
        text): ids in a link are checked against it."""
        records = sorted(self.book.records.values(), key=lambda r: (r.kind.dir, r.title.lower()))
        entries = [[r.ref, r.title, plain(self.book, r.summary), r.kind.singular_title, list(getattr(r.doc, "tags", []))] for r in records]
        return self._render("mentor.html.j2", entries=entries)

    def data_contract(self) -> str:
        """The fields of every kind, from the models, each with a complete example file: the entry named in
        contract/kinds.py, or the entry it was renamed to (its `aliases:`); a kind whose example is gone gets a
        sentence instead of the file."""
        examples = {}
        for d in kind_docs():
            record = self.book.records.get(d.kind.example) or self.book.redirects.get(d.kind.example)
            if record is not None:
                examples[d.kind.name] = (record.ref, record.path.read_text(encoding="utf-8"))
        return self._render("contract.md.j2", kinds=kind_docs(), examples=examples)

    def export_fields(self) -> str:
        """The fields of the JSON export, from its models."""
        tables = {m.__name__: fields_of(m) for m in (Export, ExportEntry, ExportReference, ExportCitation)}
        return self._render("fields.md.j2", tables=tables)

    def _site_url(self) -> str:
        return self.env.conf.get("site_url") or "/"

    def _page_url(self) -> str:
        return self._site_url() + self.env.page.url.lstrip("/")

    def self_assessment(self) -> str:
        return practice.self_assessment(self.page)

    def review_deck(self) -> str:
        return practice.review_deck(self.page)

    def interview_plan(self) -> str:
        return practice.interview_plan(self.page)

    def prep_advice(self, name: str) -> str:
        """A number of the interview-prep advice (playbook/tools/practice.py PrepAdvice), in words."""
        return practice.prep_advice(name)

    def whats_new(self) -> str:
        """Entries added and updated in the last six months, by month (playbook/render/living.py)."""
        living = self.templates.living
        return self._render("whats_new.html.j2", months=living.by_month(living.all_news()))

    def owners(self) -> str:
        """Every owner and the entries they keep."""
        return self._render("owners.html.j2", owners=owners_of(self.book))

    def macros(self) -> dict[str, Any]:
        """Every macro by the name pages call it."""
        names = ("term_index", "home", "drill", "story_map", "prep_sheet", "print_pack", "my_playbook",
                 "data_contract", "export_fields", "find_move", "self_assessment", "review_deck", "interview_plan",
                 "prep_advice", "mentor_list", "whats_new", "owners")
        return {name: getattr(self, name) for name in names}


@dataclass(frozen=True)
class StarPart:
    name: str
    prompt: str


STAR_PARTS = (
    StarPart("Situation", "the context in two sentences: the team, the stakes, why it mattered"),
    StarPart("Task", "your responsibility and goal, and what was not yours to decide"),
    StarPart("Action", "what you did, in the first person: how you persuaded, aligned and built consensus"),
    StarPart("Result", "what changed, with numbers: time, cost, incidents, adoption; and the relationship"),
    StarPart("+ Learning", "what you would do differently, and what you now do by default"),
)
