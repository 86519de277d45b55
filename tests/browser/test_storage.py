"""Browser storage (playbook.store in docs/assets/core.js): corrupted values never break a page, URLs read back are
same-site paths only, the schema-1 data of earlier versions is migrated, a refused write is reported;
and the story map's import merges, previews, replaces only when asked, and can be undone."""

from __future__ import annotations

import json
from pathlib import Path

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
    assert stored["pb:schema"] == "2"
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
