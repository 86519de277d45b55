"""The JSON export read by other tools (a chat bot, a wiki import): site/api/playbook.json."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urljoin

from pydantic import BaseModel, ConfigDict, Field

from playbook.index.book import Playbook
from playbook.index.views import View, view_of

EXPORT_VERSION = 1


class _Row(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ExportReference(_Row):
    kind: str = Field(description="kind of the target entry: model, tactic, ...")
    id: str
    rel: str = Field(description="relation: uses, builds-on, complements, contrasts-with, prepares-for, see-also, path-step")


class ExportCitation(_Row):
    id: str = Field(description="id of the source entry")
    title: str
    locator: str = Field(description="chapter, page or section")


class ExportPushback(_Row):
    they_say: str
    you_say: str


class ExportWords(_Row):
    opening: list[str] = Field(description="one to three lines to open the conversation")
    pushback: list[ExportPushback] = Field(description="what they will likely say, and the reply")
    follow_up: str = Field(description="the message to send afterwards (Markdown)")


class ExportEntry(_Row):
    kind: str
    id: str
    title: str
    url: str = Field(description="absolute URL of the entry's page")
    path: str = Field(description="URL path from the site root, e.g. /models/conger-persuasion/")
    summary: str
    owner: str | None = Field(description="the team or person who keeps the entry (null: none named)")
    tags: list[str]
    references: list[ExportReference] = Field(description="outgoing references")
    sources: list[ExportCitation]
    words_to_say: ExportWords | None = Field(
        None, description="situations, and tactics that are a conversation: the words for the moment (Markdown lines)")


class Export(_Row):
    version: int = Field(EXPORT_VERSION, description="bumped when a field changes meaning or disappears")
    site_url: str
    tags: dict[str, str] = Field(description="tag id -> title")
    entries: list[ExportEntry]


ExportRows = dict[tuple[str, str], tuple[View, ExportEntry]]
"""Rows of earlier builds by (ref, site_url), each with its view: `mkdocs serve` rebuilds only the rows whose view
changed (index/views.py)."""


def build_export(book: Playbook, site_url: str, kept: ExportRows | None = None) -> Export:
    rows = []
    for record in sorted(book.records.values(), key=lambda r: (r.kind.dir, r.id)):
        known = kept.get((record.ref, site_url)) if kept is not None else None
        if known is not None and known[0].holds(book):
            rows.append(known[1])
            continue
        with book.recording() as log:
            row = _row(book, record.ref, site_url)
        if kept is not None:
            kept[(record.ref, site_url)] = (view_of(log), row)
        rows.append(row)
    if kept is not None:
        for gone in kept.keys() - {(r.ref, site_url) for r in book.records.values()}:
            del kept[gone]
    return Export(site_url=site_url, tags={k: t.title for k, t in book.tags.items()}, entries=rows)


def _row(book: Playbook, ref: str, site_url: str) -> ExportEntry:
    record = book.get(ref)
    doc = record.doc
    refs = [ExportReference(kind=o.target.kind.name, id=o.target.id, rel=o.rel.value) for o in book.outlinks(record)]
    refs += [
        ExportReference(kind=book.get(step.to).kind.name, id=book.get(step.to).id, rel="path-step")
        for step in getattr(doc, "steps", ()) if hasattr(step, "to")
    ]
    cites = [ExportCitation(id=src.id, title=src.title, locator=c.locator) for src, c in book.citations(record)]
    said = getattr(doc, "words_to_say", None)
    return ExportEntry(
        kind=record.kind.name, id=record.id, title=record.title, summary=record.summary,
        url=urljoin(site_url, record.url), path="/" + record.url, owner=getattr(doc, "owner", None),
        tags=list(doc.tags), references=refs, sources=cites,
        words_to_say=ExportWords.model_validate(said.model_dump()) if said else None,
    )


def write_export(book: Playbook, site_dir: Path, site_url: str) -> Path:
    return write_export_of(build_export(book, site_url), site_dir)


def write_export_of(export: Export, site_dir: Path) -> Path:
    """Write the export (api/playbook.json) and its JSON Schema into the site folder."""
    out = site_dir / "api" / "playbook.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(export.model_dump_json(indent=1), encoding="utf-8")
    (out.parent / "playbook.schema.json").write_text(json.dumps(Export.model_json_schema(), indent=1), encoding="utf-8")
    return out
