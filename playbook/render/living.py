"""The living playbook for the templates: how fresh each entry is, what is new, who keeps what.

`Living` wraps the git history of the data files (playbook/index/history.py) and is handed to every template as the
global `living` (playbook/render/jinja.py). Entry pages show when they were updated and reviewed and who owns them;
index cards and search results mark entries added in the last 30 days; the What's new page and the Atom feed
(playbook/render/feed.py) list the changes of the last six months.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from playbook.contract.record import Record
from playbook.index.book import Playbook
from playbook.index.history import Change, History, months_before
from playbook.index.views import ReadLog, query

NEW_DAYS = 30
"""An entry added this many days ago or less carries the "New" badge."""
NEWS_MONTHS = 6
"""The What's new page and the feed cover this many months."""
FEED_ITEMS = 50
"""The feed holds the latest changes only: a feed reader polls it, and 50 changes outlast any polling interval."""
LISTED = 3
"""A commit that changed more entries than this is one line of the What's new page, its entries folded under it."""


def data_file(record: Record | str) -> str:
    """The entry's data file (of a record or a ref), relative to the project folder (the key of the history)."""
    return f"data/{record if isinstance(record, str) else record.ref}.yml"


def long_date(when: dt.date) -> str:
    """A date in the reader's words: 7 December 2026."""
    return f"{when.day} {when:%B %Y}"


@dataclass(frozen=True)
class NewsItem:
    """One change of one entry for the What's new page and the feed."""

    record: Record
    change: Change

    @property
    def label(self) -> str:
        return "new" if self.change.added else "updated"


@dataclass(frozen=True)
class CommitNews:
    """The entries one commit changed, for one line of the What's new page (or one per entry when few)."""

    commit: str
    subject: str
    when: dt.datetime
    items: tuple[NewsItem, ...]

    @property
    def added(self) -> int:
        return sum(1 for item in self.items if item.change.added)

    @property
    def folded(self) -> bool:
        return len(self.items) > LISTED


@dataclass(frozen=True)
class Month:
    """The changes of one calendar month, newest first, by commit."""

    title: str  # December 2026
    key: str  # 2026-12
    commits: tuple[CommitNews, ...]


@dataclass(frozen=True)
class Living:
    """What the templates ask about freshness and news. Without history (no repository) every answer is empty.

    Its answers are queries of the index it is attached to (index/views.py, `Playbook.attach_living`): a page showing a
    date or the news is rendered again under `serve` when a commit changes what it showed."""

    history: History = field(default_factory=History)
    book: Playbook | None = field(default=None, compare=False, repr=False)
    owner = "living"

    @property
    def log(self) -> ReadLog | None:
        return self.book.log if self.book is not None else None

    @property
    def now(self) -> dt.datetime:
        return self.history.now

    @query()
    def updated(self, record: Record | str) -> dt.datetime | None:
        return self.history.updated(data_file(record))

    @query()
    def added(self, record: Record | str) -> dt.datetime | None:
        return self.history.added(data_file(record))

    @query()
    def is_new(self, record: Record | str) -> bool:
        added = self.added(record)
        return added is not None and dt.timedelta(0) <= self.now - added <= dt.timedelta(days=NEW_DAYS)

    def news(self, records: Iterable[Record], months: int = NEWS_MONTHS) -> list[NewsItem]:
        """Every change worth news of the given entries in the last `months` months, newest first: one item per
        commit and entry (a commit that opted out with `Playbook-News: skip` is left out)."""
        since = months_before(self.now, months)
        by_file = {data_file(r): r for r in records}
        return [NewsItem(by_file[c.path], c) for c in self.history.changes
                if c.news and c.path in by_file and since <= c.when <= self.now]

    @query()
    def all_news(self) -> list[NewsItem]:
        """`news` of every entry of the index (the What's new page, the feed)."""
        assert self.book is not None
        return self.news(self.book.records.values())

    def by_month(self, items: list[NewsItem]) -> list[Month]:
        """`items` (newest first) by calendar month, and within a month by commit."""
        months: dict[str, dict[str, list[NewsItem]]] = {}
        for item in items:
            months.setdefault(f"{item.change.when:%Y-%m}", {}).setdefault(item.change.commit, []).append(item)
        return [
            Month(f"{next(iter(commits.values()))[0].change.when:%B %Y}", key, tuple(
                CommitNews(sha, group[0].change.subject, group[0].change.when, tuple(group)) for sha, group in commits.items()))
            for key, commits in months.items()
        ]


def edit_source(book: Playbook, src_uri: str, docs_dir: Path) -> str | None:
    """What "Suggest a change" edits for a generated page, relative to the docs folder as MkDocs' `File.edit_uri`
    is: an entry's data file (`../data/tactics/pre-mortem.yml`); None for an index or redirect page."""
    record = book.records.get(src_uri.removesuffix(".md"))
    if record is None or record.src_uri != src_uri:
        return None
    return Path(os.path.relpath(record.path, docs_dir.resolve())).as_posix()


@dataclass(frozen=True)
class Owner:
    """A team or person who keeps entries, with its entries (the owners page)."""

    name: str
    records: tuple[Record, ...]


def owners_of(book: Playbook) -> list[Owner]:
    """Every owner named in the data, A to Z, each with its entries by title."""
    found: dict[str, list[Record]] = {}
    for record in book.records.values():
        if getattr(record.doc, "owner", None):
            found.setdefault(record.doc.owner, []).append(record)
    ordered = sorted(found.items(), key=lambda kv: kv[0].lower())
    return [Owner(name, tuple(sorted(rs, key=lambda r: r.title.lower()))) for name, rs in ordered]
