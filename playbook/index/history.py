"""When each data file changed, from git, read in one pass for every file.

One `git log --name-status` over `data/` (and one `git rev-parse` to know whether there is a repository at all and
whether it is shallow) gives every change of every entry, newest first, following renames: an entry renamed with an
alias keeps its history. A checkout without a repository, a shallow clone's boundary commit (its files look added
on the day of the clone's oldest commit) and a file git does not track give no date rather than a wrong one.

A commit opts out of the news (the What's new page and the feed) with the trailer `Playbook-News: skip`: its change
still counts as the file's last update.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

NEWS_TRAILER = "Playbook-News"
"""The commit trailer that keeps a change out of the news (`Playbook-News: skip`, e.g. for a typo fix)."""

_NOT_TEXT = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2064\ufeff]")
"""What a commit subject may not carry to a page or the feed (control, invisible and noncharacter code points): a
subject is text anyone with push rights wrote, and XML 1.0 refuses C0 controls outright."""

_FORMAT = f"%x1e%H%x1f%P%x1f%cI%x1f%s%x1f%(trailers:key={NEWS_TRAILER},valueonly,separator=%x2C)"


@dataclass(frozen=True)
class Change:
    """One commit's change to one entry file, under the file's current path."""

    path: str  # the file's path now, relative to the project folder: data/tactics/pre-mortem.yml
    commit: str
    when: datetime
    subject: str
    added: bool  # the commit created the file (a rename keeps the first creation)
    news: bool  # False when the commit opts out with `Playbook-News: skip`


@dataclass(frozen=True)
class History:
    """Every change of every data file, newest first; empty without a repository."""

    changes: tuple[Change, ...] = ()
    head: str = ""
    now: datetime = field(default_factory=lambda: datetime.now(UTC))
    by_path: dict[str, tuple[Change, ...]] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(cls, changes: Iterable[Change], head: str = "", now: datetime | None = None) -> History:
        changes = tuple(changes)
        by_path: dict[str, list[Change]] = {}
        for change in changes:
            by_path.setdefault(change.path, []).append(change)
        return cls(changes, head, now or build_time(), {p: tuple(c) for p, c in by_path.items()})

    def of_file(self, path: str) -> tuple[Change, ...]:
        """The changes of one file (project-relative path), newest first."""
        return self.by_path.get(path, ())

    def updated(self, path: str) -> datetime | None:
        changes = self.of_file(path)
        return changes[0].when if changes else None

    def added(self, path: str) -> datetime | None:
        changes = self.of_file(path)
        return changes[-1].when if changes and changes[-1].added else None


def build_time() -> datetime:
    """Now, or the moment `SOURCE_DATE_EPOCH` names (the reproducible-builds convention; tests fix it)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return datetime.fromtimestamp(int(epoch), UTC) if epoch.isdigit() else datetime.now(UTC)


def months_before(when: datetime, months: int) -> datetime:
    """The same day `months` calendar months earlier (the last day of a shorter month)."""
    year, month = divmod(when.year * 12 + when.month - 1 - months, 12)
    month += 1
    for day in (when.day, 30, 29, 28):
        try:
            return when.replace(year=year, month=month, day=day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _git(root: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=False,
                              env={**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"})
    except OSError:  # no git on this machine
        return None
    return done.stdout if done.returncode == 0 else None


def read_history(root: Path, folder: str = "data", now: datetime | None = None, last: History | None = None) -> History:
    """The history of every file under `root/folder`, in one `git log`; empty outside a repository. `last` (the
    history a long-lived process read before, e.g. `mkdocs serve`) is kept when HEAD has not moved since."""
    facts = _git(root, "rev-parse", "--is-shallow-repository", "--git-path", "shallow", "HEAD")
    if facts is None:
        return History(now=now or build_time())
    shallow, shallow_file, head = [*facts.splitlines(), "", "", ""][:3]
    if last is not None and last.head and last.head == head:
        return replace(last, now=now or build_time())
    boundary: set[str] = set()
    if shallow == "true":
        path = Path(shallow_file) if Path(shallow_file).is_absolute() else root / shallow_file
        boundary = set(path.read_text(encoding="utf-8").split()) if path.is_file() else set()
    log = _git(root, "log", "--date-order", "-M", "--name-status", "-z", "--relative", f"--format={_FORMAT}", "--", f"{folder}/")
    return History.of(parse_log(log or "", boundary), head, now)


def parse_log(log: str, boundary: set[str] = frozenset()) -> Iterator[Change]:  # type: ignore[assignment]
    """Changes from `git log -M --name-status -z` output in `_FORMAT`, newest first, each under its file's current path.
    Reading newest first, `current` maps a path as it was to the path it has now (None: not a file of today)."""
    current: dict[str, str | None] = {}
    for record in log.split("\x1e")[1:]:
        header, _, files = record.partition("\0")
        commit, _parents, date, subject, trailer = (header.split("\x1f") + [""] * 5)[:5]
        if commit in boundary:  # a shallow clone's oldest commit: it shows every file as added that day
            continue
        when = datetime.fromisoformat(date)
        news = trailer.strip().lower() != "skip"
        subject = _NOT_TEXT.sub("", subject).strip()
        fields = files.lstrip("\n").split("\0")
        i = 0
        while i < len(fields) and fields[i]:
            status = fields[i]
            if status[0] in "RC":
                old, new, i = fields[i + 1], fields[i + 2], i + 3
            else:
                old = new = fields[i + 1]
                i += 2
            now_path = current.get(new, new)
            kind = "A" if status[0] == "C" else status[0]  # a copy is a new file
            if kind == "D":
                current[new] = None  # gone: older changes at this path belong to a file that no longer exists
                continue
            if now_path is not None:
                yield Change(now_path, commit, when, subject, kind == "A", news)
            if kind in "AR":
                current[new] = None  # older changes at this path were to an earlier file of the same name
            if kind == "R":
                current[old] = now_path  # older changes at the old path are this file's
