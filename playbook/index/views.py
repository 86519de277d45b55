"""Views: what a page read from the index while it rendered, so that `mkdocs serve` can tell, after an edit,
whether the page would render the same (and reuse it) without a hand-kept list of what each page shows.

Every read of the index goes through a *query*: a method of the index (or of an object the index owns, such as
its wayfinding) marked `@query`. While a page renders inside `Playbook.recording()`, each outermost query call is
noted with its arguments and its result; queries called by other queries are not (their result is part of the
outer one). To check a view against a new index, each noted query is asked again of the new index and its result
compared with the old one (`same`): records by identity (a file that did not change keeps its `Record` object
from build to build), everything else by value. A page is reused only when every answer is the same, so what it
shows cannot go stale whatever the templates, macros or presenter read: the recording cannot drift from the code
the way a list of dependencies written by hand does.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import wraps
from typing import TYPE_CHECKING, Any, ParamSpec, Protocol, TypeVar

from playbook.contract.record import Record

if TYPE_CHECKING:
    from playbook.index.book import Playbook

P = ParamSpec("P")
R = TypeVar("R")

Key = tuple[str, str, tuple[object, ...]]
"""A query as it was asked: who answers it ("book", "way"), the method's name and its arguments (records by ref)."""


@dataclass
class ReadLog:
    """The queries one page asked while it rendered, with their answers."""

    reads: dict[Key, object] = field(default_factory=dict)
    depth: int = 0  # > 0 inside a query: inner queries are part of the outer answer

    def note(self, key: Key, result: object) -> None:
        self.reads.setdefault(key, result)


@dataclass(frozen=True)
class View:
    """What a page showed: each query it asked and the answer it got. Empty for a page that reads no data."""

    reads: tuple[tuple[Key, object], ...]

    def holds(self, book: Playbook) -> bool:
        """True when `book` answers every query as before: the page would render the same from it."""
        return all(same(book.ask(key), result) for key, result in self.reads)


class Answers(Protocol):
    """An object whose methods are queries of one index (the index itself, its wayfinding, its tables): `owner`
    names it in a view, `log` is the index's recording (None when nothing is being recorded)."""

    owner: str

    @property
    def log(self) -> ReadLog | None: ...


OWNER = "book"


def query() -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Mark a method of an `Answers` object as a query of the index: its calls are noted while a page is being
    recorded. Its arguments must be records, strings or other hashable values."""

    def mark(method: Callable[P, R]) -> Callable[P, R]:
        name = method.__name__

        @wraps(method)
        def asked(*args: P.args, **kwargs: P.kwargs) -> R:
            this: Answers = args[0]  # type: ignore[assignment]
            log = this.log
            if log is None or log.depth:
                return method(*args, **kwargs)
            log.depth += 1
            try:
                result = method(*args, **kwargs)
            finally:
                log.depth -= 1
            log.note((this.owner, name, tuple(_arg(a) for a in args[1:])), result)
            return result

        return asked

    return mark


def _arg(value: object) -> object:
    return value.ref if isinstance(value, Record) else value


def same(a: object, b: object) -> bool:
    """Whether two answers would render alike: records by identity, containers item by item, the rest by value."""
    if a is b:
        return True
    if isinstance(a, Record) or isinstance(b, Record):
        return False
    if type(a) is not type(b):
        return False
    if isinstance(a, list | tuple):
        assert isinstance(b, list | tuple)
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, Mapping):
        assert isinstance(b, Mapping)
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if dataclasses.is_dataclass(a) and not isinstance(a, type):
        return all(same(getattr(a, f.name), getattr(b, f.name)) for f in dataclasses.fields(a) if f.compare)
    return bool(a == b)


@contextmanager
def recording(holder: Any) -> Iterator[ReadLog]:
    """Note every query asked of `holder` (an index) until the block ends."""
    log = ReadLog()
    outer, holder.log = holder.log, log
    try:
        yield log
    finally:
        holder.log = outer


def view_of(log: ReadLog) -> View:
    return View(tuple(log.reads.items()))
