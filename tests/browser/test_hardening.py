"""Issue 33 in the browser: imports checked as the scheduler and the storage read them, search addresses that never
throw, a mentor's list that fits any server, and marks under any site path."""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from ..conftest import Built


def _errors(page: Page) -> list[str]:
    found: list[str] = []
    page.on("pageerror", lambda e: found.append(str(e)))
    page.on("console", lambda m: found.append(m.text) if m.type == "error" else None)
    return found


def _iso(days: float) -> str:
    return (datetime.now(UTC) + timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def _card(**changes: object) -> dict:
    card = {"due": _iso(-1), "stability": 4.5, "difficulty": 5.0, "elapsed_days": 3, "scheduled_days": 4, "reps": 2,
            "lapses": 0, "learning_steps": 0, "state": 2, "last_review": _iso(-5)}
    card.update(changes)
    return card


def _deck_ids(page: Page) -> list[str]:
    return page.evaluate("JSON.parse(document.getElementById('pb-review-data').dataset.json).cards.map(c => c.id)")


def _grade_first(page: Page) -> str:
    """Reveal the first card of the queue and grade it Good: the status line afterwards."""
    page.locator("[data-review-reveal]").click()
    page.locator("[data-grade='3']").click()
    return page.locator("[data-review-status]").inner_text()


REFUSED = {  # what ts-fsrs refuses, or what makes it throw on the next grade
    "stability zero": {"stability": 0},
    "stability vanishing": {"stability": 1e-300},
    "difficulty below one": {"difficulty": 0.5},
    "difficulty over ten": {"difficulty": 11},
    "last review in the future": {"last_review": _iso(30), "due": _iso(40)},
    "due before last review": {"due": _iso(-20), "last_review": _iso(-5)},
    "stability a string": {"stability": "5"},
    "stability beyond the scheduler": {"stability": 1e6},
}


def test_review_import_drops_cards_the_scheduler_refuses(page: Page, tmp_path: Path):
    errors = _errors(page)
    page.goto("practice/review/")
    page.wait_for_selector("[data-review][data-tool-ready]")
    ids = _deck_ids(page)
    cards = {ids[i]: _card(**change) for i, change in enumerate(REFUSED.values())}
    good = ids[len(REFUSED)]
    cards[good] = _card()
    file = tmp_path / "progress.json"
    file.write_text(json.dumps({"version": 2, "kind": "review-progress", "scheduler": "fsrs", "cards": cards}))
    page.locator("[data-review-import]").set_input_files(str(file))
    status = page.locator("[data-review-status]")
    status.filter(has_text="Imported").wait_for()
    assert "1 new card" in status.inner_text() and f"{len(REFUSED)} unreadable entries were dropped" in status.inner_text()
    stored = page.evaluate("JSON.parse(localStorage.getItem('pb:review'))")
    assert list(stored) == [good]
    assert _grade_first(page).startswith("Graded Good") and not errors


@pytest.mark.parametrize("change", list(REFUSED.values()), ids=list(REFUSED))
def test_a_stored_card_the_scheduler_refuses_is_reset_to_new(context: BrowserContext, page: Page, change: dict):
    errors = _errors(page)
    page.goto("practice/review/")
    first = _deck_ids(page)[0]
    page.evaluate("([id, card]) => localStorage.setItem('pb:review', JSON.stringify({[id]: card}))", [first, _card(**change)])
    page.reload()
    page.wait_for_selector("[data-review][data-tool-ready]")
    assert "removed from your review-deck progress" in page.locator(".pb-notice").inner_text()
    assert page.locator("[data-review-meta]").inner_text().endswith("new card")
    assert _grade_first(page).startswith("Graded Good") and not errors
    assert page.evaluate("JSON.parse(localStorage.getItem('pb:review'))")[first]["reps"] == 1


def test_a_card_the_scheduler_still_refuses_is_reset_to_new_with_a_notice(context: BrowserContext, page: Page):
    """Whatever else ts-fsrs may refuse one day: a grade it throws on resets that card to new, says so, and the
    queue moves on (simulated: this scheduler refuses cards of stability 4.25)."""
    context.add_init_script("""(() => {
      let real;
      Object.defineProperty(window, 'FSRS', { configurable: true, set(v) { real = v; }, get() {
        if (real && real.fsrs && !real.__refusing) {
          const make = real.fsrs;
          real.fsrs = (...a) => { const s = make(...a), next = s.next.bind(s);
            s.next = (card, now, grade) => {
              if (card.stability === 4.25) throw new Error('Invalid memory state');
              return next(card, now, grade);
            };
            return s; };
          real.__refusing = true;
        }
        return real;
      } });
    })();""")
    page.goto("practice/review/")
    first = _deck_ids(page)[0]
    page.evaluate("([id, card]) => localStorage.setItem('pb:review', JSON.stringify({[id]: card}))", [first, _card(stability=4.25)])
    page.reload()
    page.wait_for_selector("[data-review][data-tool-ready]")
    assert page.locator("[data-review-card]").get_attribute("data-card") == first
    status = _grade_first(page)
    assert "reset to new" in status and "Graded Good" in status
    stored = page.evaluate("JSON.parse(localStorage.getItem('pb:review'))")[first]
    assert stored["reps"] == 1 and stored["stability"] != 4.25
    assert page.locator("[data-review-card]").get_attribute("data-card") != first, "the queue moved on"


def _assessment_file(tmp_path: Path, snapshots: list[dict]) -> Path:
    file = tmp_path / "assessment.json"
    file.write_text(json.dumps({"version": 1, "kind": "self-assessment", "snapshots": snapshots}))
    return file


def test_a_snapshot_date_of_900_kb_is_not_stored(page: Page, tmp_path: Path):
    page.goto("practice/self-assessment/")
    page.wait_for_selector("[data-assess][data-tool-ready]")
    good = {"at": "2026-01-02T10:00:00Z", "ratings": {"mentorship": 2}, "evidence": {}}
    page.locator("[data-assess-import]").set_input_files(str(_assessment_file(tmp_path, [good])))
    page.locator("[data-assess-status]").filter(has_text="Imported").wait_for()
    for n in range(3):
        huge = {"at": f"2026-0{n + 3}-01" + " " * 900_000, "ratings": {"mentorship": 3}, "evidence": {}}  # Date.parse reads it
        page.locator("[data-assess-import]").set_input_files(str(_assessment_file(tmp_path, [huge])))
        page.wait_for_function("n => document.querySelector('[data-assess-status]').textContent.includes('dropped')"
                               " || document.querySelector('[data-assess-status]').textContent.startsWith('Not imported')", arg=n,
                               timeout=5000)
    assert len(page.evaluate("localStorage.getItem('pb:assessment')")) < 10_000
    page.reload()
    page.wait_for_selector("[data-assess][data-tool-ready]")
    assert page.locator("[data-assess-list] li").count() == 1


def test_an_import_over_the_key_budget_is_refused_before_anything_changes(page: Page, tmp_path: Path):
    """Three files under 1 MB each: the third would take the snapshots past what the key may hold (2,000,000
    characters, beyond which it is unreadable): it is refused, and the snapshots stay readable."""
    page.goto("practice/self-assessment/")
    page.wait_for_selector("[data-assess][data-tool-ready]")
    status = page.locator("[data-assess-status]")
    evidence = {f"c{i}": "e" * 299 for i in range(100)}
    for n in range(3):
        batch = [{"at": f"202{n}-{1 + i // 28:02d}-{1 + i % 28:02d}T10:00:00Z", "ratings": {"mentorship": 2}, "evidence": evidence}
                 for i in range(29)]
        status.evaluate("node => { node.textContent = ''; }")  # the first and second imports say the same words
        page.locator("[data-assess-import]").set_input_files(str(_assessment_file(tmp_path, batch)))
        if n < 2:
            status.filter(has_text="Imported 29 new snapshots").wait_for()
            before = page.evaluate("localStorage.getItem('pb:assessment')")
    status.filter(has_text="Not imported").wait_for(timeout=5000)
    assert page.evaluate("localStorage.getItem('pb:assessment')") == before
    page.reload()
    page.wait_for_selector("[data-assess][data-tool-ready]")
    assert page.locator("[data-assess-list] li").count() == 58 and not page.locator(".pb-notice").count()


def test_a_broken_search_address_still_opens_the_search(page: Page):
    errors = _errors(page)
    page.goto("?q=%E0%A4%A")
    page.wait_for_selector("dialog.pb-search[open]")
    assert page.locator("#pb-search-input").input_value() == "%E0%A4%A" and not errors


def test_a_long_pasted_query_is_capped(page: Page):
    page.goto("")
    page.wait_for_selector("[data-pb-search-open]")
    found = page.evaluate("""async () => {
      const words = []; for (let i = 0; words.join(' ').length < 10000; i += 1) words.push('qzvx' + i.toString(36) + 'wyb');
      await window.pbSearch.search('warmup');
      const t0 = performance.now(); const r = await window.pbSearch.search(words.join(' '));
      return { ms: performance.now() - t0, shown: r.searchedFor.length, words: r.groups };
    }""")
    assert found["shown"] <= 210 and found["words"] <= 40, found
    assert found["ms"] < 250, found


def _mentor_link(page: Page, book, notes: int) -> tuple[list, str]:
    """A mentor's list of 30 entries, the first `notes` with a 280-character note in Cyrillic: its entries and the
    link the builder offers."""
    page.goto("mentor/")
    entries = sorted(book.records.values(), key=lambda r: r.ref)[:30]
    steps = [{"id": r.ref, "note": ("Обсудите это " * 40)[:280] if i < notes else ""} for i, r in enumerate(entries)]
    page.evaluate("d => localStorage.setItem('pb:mentor-list', JSON.stringify(d))", {"t": "Для Саши", "steps": steps})
    page.reload()
    page.wait_for_selector("[data-mentor][data-tool-ready]")
    return entries, page.locator("[data-mentor-link]").input_value()


def test_the_mentor_list_travels_in_the_fragment_and_every_step_keeps_its_bar(page: Page, book, server: str):
    entries, link = _mentor_link(page, book, notes=30)
    assert link.startswith(f"{server}mentor/#l=") and "?" not in link, link[:80]
    assert len(link.encode()) > 8000 and "KB" in page.locator("[data-mentor-long]").inner_text()
    page.goto(link)
    page.wait_for_selector("[data-mentor-view]:not([hidden])")
    assert page.locator("[data-mentee-steps] li").count() == 30
    for n in (16, 30):
        page.goto(f"{entries[n - 1].url.lstrip('/')}?mentee={n}")
        bar = page.locator(".pb-pathnav--mentee")
        bar.wait_for()
        assert f"Step {n} of 30" in bar.inner_text()
    back = page.get_by_role("link", name="Last step: back to the list").get_attribute("href")
    assert "#l=" in back and "?" not in back


def test_a_short_mentor_list_gives_no_warning_and_old_query_links_still_work(page: Page, book, server: str):
    entries, link = _mentor_link(page, book, notes=0)
    assert link.startswith(f"{server}mentor/#l=") and page.locator("[data-mentor-long]").is_hidden()
    page.goto("mentor/?l=" + "~".join(r.ref for r in entries[:3]))
    page.wait_for_selector("[data-mentor-view]:not([hidden])")
    assert page.locator("[data-mentee-steps] li").count() == 3


class _Prefixed(http.server.SimpleHTTPRequestHandler):
    """The built site served under a folder whose name holds an apostrophe."""

    prefix = "/o'brien's playbook/"

    def translate_path(self, path: str) -> str:
        from urllib.parse import unquote
        plain = unquote(path.split("?", 1)[0].split("#", 1)[0])
        return super().translate_path("/" + plain[len(self.prefix):] if plain.startswith(self.prefix) else "/__missing__")

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def prefixed(built_site: Built) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(_Prefixed, directory=str(built_site.site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/o'brien's%20playbook/"
    server.shutdown()


def test_marks_work_under_a_site_path_with_an_apostrophe(browser: Browser, prefixed: str, book):
    context = browser.new_context()
    page = context.new_page()
    tactic = next(r for r in book.records.values() if r.kind.name == "tactic")
    page.goto(prefixed + tactic.url.lstrip("/"))
    page.get_by_role("button", name="Save to my playbook").click()
    page.get_by_role("button", name="I used this").click()
    assert page.get_by_role("button", name="Saved to my playbook").is_visible()
    for key in ("favourites", "tried"):
        stored = page.evaluate(f"JSON.parse(localStorage.getItem('pb:{key}'))")
        assert tactic.ref in stored, key
    page.reload()
    assert page.get_by_role("button", name="Saved to my playbook").is_visible()
    page.goto(prefixed + "my-playbook/")
    link = page.locator("[data-list='favourites'] a", has_text=tactic.doc.title)
    link.click()
    page.wait_for_url("**" + tactic.url)
    context.close()
