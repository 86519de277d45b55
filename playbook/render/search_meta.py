"""How pages rank in the site search (Material's lunr index), set from the data at render time.

Readers type their problem ("disagree with my manager"), not our titles. Each entry page carries its
`also_called` phrases as the page's search `tags` (a field Material indexes on every section of the page,
weighted like a title: `plugins: search: fields` in mkdocs.yml), and a per-kind boost (the registry's `search_boost`) ranks the playbook's
entries above source records and index pages. The Material tags plugin is not used: page `tags` serve
search only.
"""

from __future__ import annotations

from typing import Any

from playbook.contract.record import Record

INDEX_BOOST = 0.3
"""Index pages list every title and summary of their kind; the entries themselves should win."""


def entry_meta(record: Record) -> dict[str, Any]:
    """Front-matter values for an entry page: its search boost and the words readers use for it."""
    meta: dict[str, Any] = {"search": {"boost": record.kind.search_boost}}
    also_called = getattr(record.doc, "also_called", None)
    if also_called:
        meta["tags"] = list(also_called)
    return meta


def index_meta() -> dict[str, Any]:
    """Front-matter values for an index page."""
    return {"search": {"boost": INDEX_BOOST}}
