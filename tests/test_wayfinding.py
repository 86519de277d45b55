"""The left column of entry pages and the learning-path steps (playbook/index/wayfinding.py)."""

from __future__ import annotations

from playbook.index.wayfinding import NEIGHBOURS, RELATED, Wayfinding


def test_sidebar_is_bounded_and_centred_on_the_entry(book):
    way = Wayfinding(book)
    for record in book.records.values():
        side = way.sidebar(record)
        assert len(side["nearby"]) <= 2 * NEIGHBOURS + 1 and len(side["related"]) <= RELATED
        assert [n["title"] for n in side["nearby"] if n["current"]] == [record.title]
        assert record.url not in {r["url"] for r in side["related"]}
        assert side["count"] == len(book.of_kind(record.kind.dir))


def test_path_steps_number_every_step_with_its_neighbours(book):
    way = Wayfinding(book)
    for path in book.of_kind("paths"):
        targets = [book.get(s.to) for s in path.doc.steps]
        for n, target in enumerate(targets, start=1):
            [step] = [s for s in way.path_steps(target) if s.path is path and s.number == n]
            assert step.total == len(targets)
            assert step.previous is (targets[n - 2] if n > 1 else None)
            assert step.next is (targets[n] if n < len(targets) else None)
