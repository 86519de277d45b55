"""Browser storage (playbook.store in docs/assets/core.js): corrupted values never break a page, URLs read back are
same-site paths only, the schema-1 data of earlier versions is migrated, a refused write is reported;
and the story map's import merges, previews, replaces only when asked, and can be undone."""

from __future__ import annotations

import json
from pathlib import Path

import icalendar
import pytest
from playwright.sync_api import BrowserContext, Page

BAD_VALUES = {"empty-object": "{}", "null": "null", "number": "5", "string": '"x"', "list-of-numbers": "[1, 2]",
              "not-json": "{oops", "object-of-junk": '{"a": 5, "b": null}'}


def seed(context: BrowserContext, values: dict[str, str]) -> None:
    """Write raw localStorage values once, before the first page of the context runs any script."""
    script = "if (!sessionStorage.getItem('pb-test-seeded')) { sessionStorage.setItem('pb-test-seeded', '1');"
    script += "".join(f"localStorage.setItem({json.dumps(k)}, {json.dumps(v)});" for k, v in values.items()) + "}"
    context.add_init_script(script)


def notice(page: Page) -> str:
    box = page.locator(".pb-notice")
    return box.inner_text() if box.count() else ""


@pytest.mark.parametrize("bad", BAD_VALUES, ids=list(BAD_VALUES))
def test_a_corrupted_value_in_every_key_leaves_every_page_working(context: BrowserContext, page: Page, book, bad: str):
    raw = BAD_VALUES[bad]
    checklist = book.of_kind("checklists")[0]
    keys = ["favourites", "tried", f"checklist:{checklist.ref}", "stories", "assessment", "assessment-draft", "review", "plan"]
    seed(context, {"pb:schema": "2", **{f"pb:{k}": raw for k in keys}})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))

    page.goto("my-playbook/")
    lists = page.locator("[data-my-playbook]").inner_text()
    assert "Loading" not in lists and "Nothing saved yet" in lists
    if bad not in ("empty-object",):
        assert "could not be read" in notice(page) or "unreadable" in notice(page)

    page.goto(checklist.url)
    box = page.locator(".pb-checklist__items input").first
    box.check()
    page.goto("interview/story-map/")
    page.get_by_label("Story title").fill("Cut deploy time in half")
    page.get_by_role("button", name="Add the story").click()
    assert "Coverage: 1 story" in page.locator("[data-story-matrix]").inner_text()
    page.goto(checklist.url)
    assert page.locator(".pb-checklist__items input").first.is_checked()
    for path in ("practice/self-assessment/", "practice/review/", "interview/plan/"):
        page.goto(path)
        page.wait_for_selector("[data-tool-ready]")
    assert errors == []


def test_a_javascript_favourite_is_never_a_link(context: BrowserContext, page: Page, book):
    good = book.of_kind("tactics")[0]
    marks = {
        "tactics/evil": {"title": "Evil", "url": "javascript:window.pbPwned=1"},
        "tactics/far": {"title": "Far away", "url": "//evil.example/x/"},
        "tactics/data": {"title": "Data", "url": "data:text/html,<script>window.pbPwned=1</script>"},
        good.ref: {"title": good.title, "url": f"/{good.url}"},
    }
    seed(context, {"pb:favourites": json.dumps(marks)})
    page.goto("my-playbook/")
    links = page.locator("[data-list='favourites'] a")
    assert links.all_inner_texts() == [good.title]
    assert "3 unreadable items were removed from your saved entries" in notice(page)
    hrefs = page.evaluate("[...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))")
    assert not [h for h in hrefs if h.lower().startswith(("javascript:", "data:", "//"))]
    links.first.click()
    page.wait_for_url(f"**/{good.url}")
    assert page.evaluate("window.pbPwned === undefined")


def test_schema_1_data_is_migrated_once(context: BrowserContext, page: Page, book):
    checklist = book.of_kind("checklists")[0]
    tactic = book.of_kind("tactics")[0]
    seed(context, {
        f"pb:checklist:{checklist.ref}": json.dumps({"item-1": True, "item-2": False}),
        "pb:stories": json.dumps(["Rewrote the billing service", {"title": "Led the RFC", "competencies": ["mentorship"]}]),
        "pb:favourites": json.dumps({tactic.ref: {"title": tactic.title, "url": f"/{tactic.url}", "at": "2025-01-02T10:00:00Z"}}),
    })
    page.goto("my-playbook/")
    stored = page.evaluate("Object.fromEntries(Object.keys(localStorage).map(k => [k, localStorage.getItem(k)]))")
    assert stored["pb:schema"] == "3"
    assert json.loads(stored[f"pb:checklist:{checklist.ref}"]) == ["item-1"]
    assert json.loads(stored["pb:stories"]) == [{"title": "Rewrote the billing service", "competencies": []},
                                                {"title": "Led the RFC", "competencies": ["mentorship"]}]
    assert page.locator("[data-list='favourites'] a").all_inner_texts() == [tactic.title]
    assert notice(page) == ""


def test_a_refused_write_is_reported(context: BrowserContext, page: Page, book):
    context.add_init_script("""
      const set = Storage.prototype.setItem;
      Storage.prototype.setItem = function (k, v) {
        if (k === 'pb:favourites') throw new DOMException('full', 'QuotaExceededError');
        return set.call(this, k, v);
      };""")
    page.goto(book.of_kind("tactics")[0].url)
    page.get_by_role("button", name="Save to my playbook").click()
    assert "storage for this site is full" in notice(page)
    assert page.evaluate("localStorage.getItem('pb:favourites')") is None


def _import(page: Page, tmp_path: Path, content: str, name: str = "stories.json") -> None:
    file = tmp_path / name
    file.write_text(content)
    page.locator("[data-story-import]").set_input_files(str(file))


def _stories(page: Page) -> list[dict]:
    return page.evaluate("JSON.parse(localStorage.getItem('pb:stories') || '[]')")


def test_story_import_merges_by_default_replaces_when_asked_and_undoes(context: BrowserContext, page: Page, tmp_path):
    saved = [{"title": "Moved billing off the monolith", "competencies": ["cross-team-alignment"]},
             {"title": "Ran the API review", "competencies": ["influencing-decisions"]}]
    seed(context, {"pb:stories": json.dumps(saved)})
    page.goto("interview/story-map/")
    incoming = {"version": 1, "stories": [{"title": "moved billing off the monolith", "competencies": ["managing-up"]},
                                          {"title": "Mentored a new lead", "competencies": ["mentorship", "bogus"]}]}
    _import(page, tmp_path, json.dumps(incoming))
    preview = page.locator("[data-story-review]")
    preview.filter(has_text="You would have").wait_for()  # the file is read asynchronously
    assert "1 new story added, 1 existing story gains competencies, nothing removed. You would have 3." in preview.inner_text()
    assert _stories(page) == saved  # nothing changes before the reader chooses
    page.keyboard.press("Enter")  # the merge button has the focus: merging is the default
    merged = _stories(page)
    assert [s["title"] for s in merged] == ["Moved billing off the monolith", "Ran the API review", "Mentored a new lead"]
    assert merged[0]["competencies"] == ["cross-team-alignment", "managing-up"] and merged[2]["competencies"] == ["mentorship"]

    _import(page, tmp_path, json.dumps(incoming), "again.json")
    page.get_by_role("button", name="Replace my 3 stories").click()
    assert [s["title"] for s in _stories(page)] == ["moved billing off the monolith", "Mentored a new lead"]
    page.get_by_role("button", name="Undo").click()
    assert _stories(page) == merged

    page.once("dialog", lambda d: d.accept())
    page.get_by_role("button", name="Remove all stories…").click()
    assert _stories(page) == []
    assert "Coverage: 0 stories" in page.locator("[data-story-matrix]").inner_text()
    page.get_by_role("button", name="Undo").click()
    assert _stories(page) == merged
    page.once("dialog", lambda d: d.dismiss())
    page.get_by_role("button", name="Remove all stories…").click()
    assert _stories(page) == merged


@pytest.mark.parametrize("content", ["{oops", "[]", '{"stories": 5}', '{"stories": [{"title": 7}, null, "x"]}', "null",
                                     '{"__proto__": {"polluted": 1}, "stories": [{"competencies": []}]}'])
def test_a_broken_or_hostile_story_file_is_refused_and_changes_nothing(context: BrowserContext, page: Page, tmp_path, content: str):
    saved = [{"title": "Ran the API review", "competencies": ["influencing-decisions"]}]
    seed(context, {"pb:stories": json.dumps(saved)})
    page.goto("interview/story-map/")
    _import(page, tmp_path, content)
    status = page.locator("[data-story-undo]")
    status.filter(has_text="Not imported").wait_for()
    assert "Your saved stories are unchanged" in status.inner_text()
    assert page.locator("[data-story-review]").is_hidden()
    assert _stories(page) == saved
    assert page.evaluate("({}).polluted === undefined")


# ---- Storage never loses, linear work, imports report (issue 22.3-22.5) ----

def test_an_unreadable_key_stays_in_place_when_no_copy_fits(context: BrowserContext, page: Page, book):
    context.add_init_script("""
      const set = Storage.prototype.setItem;
      Storage.prototype.setItem = function (k, v) {
        if (k.startsWith('pb:backup:')) throw new DOMException('full', 'QuotaExceededError');
        return set.call(this, k, v);
      };""")
    seed(context, {"pb:schema": "2", "pb:favourites": "{oops"})
    page.goto("my-playbook/")
    assert "no room in this browser's storage to keep a copy" in notice(page)
    assert page.evaluate("localStorage.getItem('pb:favourites')") == "{oops"
    tactic = book.of_kind("tactics")[0]
    page.goto(tactic.url)
    page.get_by_role("button", name="Save to my playbook").click()
    assert "That change was not saved" in notice(page)
    page.reload()
    assert page.evaluate("localStorage.getItem('pb:favourites')") == "{oops"  # never overwritten


def test_the_last_three_backups_of_a_key_are_kept(page: Page):
    page.goto("interview/story-map/")
    for i in range(5):
        page.evaluate(f"localStorage.setItem('pb:stories', '\"broken {i}\"')")
        page.reload()
        assert "could not be read and were reset" in notice(page)
    backups = page.evaluate("""Object.keys(localStorage).filter(k => k.startsWith('pb:backup:stories:')).sort()
        .map(k => localStorage.getItem(k))""")
    assert backups == ['"broken 2"', '"broken 3"', '"broken 4"']
    assert "key pb:backup:stories:" in notice(page)


def test_a_dot_segment_path_to_another_host_is_not_a_link(context: BrowserContext, page: Page, book):
    good = book.of_kind("tactics")[0]
    seed(context, {"pb:favourites": json.dumps({
        "tactics/dots": {"title": "Dots", "url": "/.//evil.example/a"},
        "tactics/dots2": {"title": "Dots 2", "url": "/x/..//evil.example/b"},
        good.ref: {"title": good.title, "url": f"/{good.url}"}})})
    page.goto("my-playbook/")
    assert page.locator("[data-list='favourites'] a").all_inner_texts() == [good.title]
    assert "2 unreadable items were removed" in notice(page)
    assert page.evaluate("playbook.store.safePath('/.//evil.example/a')") is None
    assert page.evaluate("playbook.store.safePath('/tactics/./x/')") == "/tactics/x/"


def test_too_many_saved_items_are_capped_with_a_notice(context: BrowserContext, page: Page):
    marks = {f"tactics/t{i:04}": {"title": f"T{i:04}", "url": f"/tactics/t{i:04}/"} for i in range(2100)}
    seed(context, {"pb:favourites": json.dumps(marks)})
    page.goto("my-playbook/")
    assert page.locator("[data-list='favourites'] li").count() == 2000
    assert "100 unreadable items were removed from your saved entries" in notice(page)
    page.reload()
    assert page.locator("[data-list='favourites'] li").count() == 2000 and notice(page) == ""


def test_a_huge_path_progress_key_does_not_freeze_the_path_page(context: BrowserContext, page: Page, book):
    path = book.of_kind("paths")[0]
    total = len(path.doc.steps)
    junk = "[" + ",".join(["1", "2"] * 300_000) + "]"  # 1.2 M characters
    assert len(junk) > 1_199_000
    seed(context, {f"pb:path:{path.id}": junk})
    page.goto(path.url)
    took = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
    assert page.locator("[data-path-count]").inner_text() == f"2 of {total} steps done"
    assert took < 8000, f"{took} ms"
    assert page.evaluate(f"localStorage.getItem('pb:path:{path.id}')") == "[1,2]"


def test_a_30000_story_file_is_refused_at_once(page: Page, tmp_path):
    page.goto("interview/story-map/")
    _import(page, tmp_path, json.dumps({"stories": [{"title": f"S{i}"} for i in range(30_000)]}))
    status = page.locator("[data-story-undo]")
    status.filter(has_text="Not imported").wait_for(timeout=5000)
    assert "30000 entries; at most 500 stories" in status.inner_text()
    assert _stories(page) == []


def test_a_full_story_file_merges_quickly(context: BrowserContext, page: Page, tmp_path):
    saved = [{"title": f"Saved {i}", "competencies": ["mentorship"]} for i in range(250)]
    seed(context, {"pb:stories": json.dumps(saved)})
    page.goto("interview/story-map/")
    incoming = [{"title": f"saved {i}", "competencies": ["managing-up"]} for i in range(250)]
    incoming += [{"title": f"New {i}", "competencies": ["mentorship"]} for i in range(250)]
    _import(page, tmp_path, json.dumps({"stories": incoming}))
    preview = page.locator("[data-story-review]")
    preview.filter(has_text="You would have").wait_for(timeout=5000)
    assert "250 new stories added, 250 existing stories gain competencies, nothing removed. You would have 500." in preview.inner_text()
    page.get_by_role("button", name="Merge into my stories").click()
    page.reload()
    assert "Coverage: 500 stories" in page.locator("[data-story-matrix]").inner_text()


def test_an_import_reports_what_was_dropped_and_titles_are_plain_text(page: Page, tmp_path):
    page.goto("interview/story-map/")
    incoming = {"stories": [{"title": "__proto__", "competencies": ["mentorship"]}, {"title": "constructor"},
                            {"title": "toString", "competencies": ["bogus", "mentorship"]}, {"title": "CONSTRUCTOR"},
                            {"title": "  "}, {"competencies": []}]}
    _import(page, tmp_path, json.dumps(incoming))
    preview = page.locator("[data-story-review]")
    preview.filter(has_text="You would have").wait_for()
    text = preview.inner_text()
    assert "Import 3 stories" in text
    assert "2 entries have no title" in text and "1 story appears twice" in text and "1 competency is not in this playbook" in text
    page.get_by_role("button", name="Merge into my stories").click()
    assert "not imported" in page.locator("[data-story-undo]").inner_text()
    page.reload()
    assert [s["title"] for s in _stories(page)] == ["__proto__", "constructor", "toString"]
    head = page.locator("[data-story-matrix] thead").inner_text()
    assert "__proto__" in head and "constructor" in head
    assert page.evaluate("({}).polluted === undefined && typeof ({}).constructor === 'function'")


def test_a_latin_1_file_is_refused_not_imported_as_mojibake(page: Page, tmp_path):
    page.goto("interview/story-map/")
    file = tmp_path / "latin1.json"
    file.write_bytes(json.dumps({"stories": [{"title": "Café migration"}]}, ensure_ascii=False).encode("latin-1"))
    page.locator("[data-story-import]").set_input_files(str(file))
    status = page.locator("[data-story-undo]")
    status.filter(has_text="Not imported").wait_for()
    assert "not UTF-8" in status.inner_text()
    assert _stories(page) == []
    utf8 = tmp_path / "utf8.json"
    utf8.write_text(json.dumps({"stories": [{"title": "Café migration"}]}, ensure_ascii=False), encoding="utf-8")
    page.locator("[data-story-import]").set_input_files(str(utf8))
    page.get_by_role("button", name="Merge into my stories").click()
    assert _stories(page) == [{"title": "Café migration", "competencies": []}]


def test_a_self_assessment_import_says_how_many_snapshots_were_dropped(page: Page, tmp_path):
    page.goto("practice/self-assessment/")
    page.wait_for_selector("[data-tool-ready]")
    snapshots = [{"at": "2026-01-02T10:00:00Z", "ratings": {"mentorship": 2}, "evidence": {}},
                 {"at": "2026-02-02T10:00:00Z", "ratings": {"mentorship": 3}, "evidence": {}},
                 {"at": "not a date", "ratings": {}}, {"ratings": {"mentorship": 1}}]
    file = tmp_path / "assessment.json"
    file.write_text(json.dumps({"version": 1, "kind": "self-assessment", "snapshots": snapshots}))
    page.locator("[data-assess-import]").set_input_files(str(file))
    status = page.locator("[data-assess-status]")
    status.filter(has_text="Imported").wait_for()
    assert "Imported 2 new snapshots" in status.inner_text() and "2 unreadable snapshots were dropped" in status.inner_text()
    page.locator("[data-assess-import]").set_input_files(str(file))
    status.filter(has_text="Imported 0").wait_for()
    assert "2 snapshots were already here" in status.inner_text()
    page.reload()
    assert page.locator("[data-assess-list] li").count() == 2


def test_a_lone_carriage_return_is_escaped_in_the_calendar(context: BrowserContext, page: Page, book, tmp_path):
    """A competency title with a lone CR (data, or a hand-edited payload) stays inside its line in the .ics."""
    context.add_init_script("""document.addEventListener('DOMContentLoaded', () => {
      const node = document.getElementById('pb-plan-data'); if (!node) return;
      const model = JSON.parse(node.dataset.json); model.competencies.forEach(c => { c.title += '\\rX-INJECTED:1'; });
      node.dataset.json = JSON.stringify(model); });""")
    page.goto("interview/plan/")
    first = next(iter(book.competencies))
    page.get_by_label("Interview date").fill("2099-01-01")
    page.locator(f"input[name='competency'][value='{first}']").check()
    page.get_by_role("button", name="Make my plan").click()
    with page.expect_download() as download:
        page.get_by_role("button", name="Add to my calendar (.ics)").click()
    raw = Path(download.value.path()).read_bytes()
    bare = raw.replace(b"\r\n", b"")
    assert b"\r" not in bare and b"\n" not in bare
    calendar = icalendar.Calendar.from_ical(raw)
    assert not any(line.startswith(b"X-INJECTED") for line in raw.split(b"\r\n"))
    assert any("\nX-INJECTED:1" in str(e["SUMMARY"]) for e in calendar.walk("VEVENT"))
