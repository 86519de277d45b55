"""The Nu HTML Checker on the markup our scripts write: the DOM of the interactive pages after use
(a drawn drill question with its notes, a story in the coverage map, saved entries on My playbook)."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page

from .. import htmlcheck


def snapshot(page: Page, folder: Path, name: str) -> None:
    page.wait_for_load_state("load")
    html = page.evaluate("'<!DOCTYPE html>\\n' + document.documentElement.outerHTML")
    (folder / name).mkdir(parents=True)
    (folder / name / "index.html").write_text(html, encoding="utf-8")


def test_markup_written_by_our_scripts_is_valid(page: Page, book, tmp_path: Path):
    folder = tmp_path / "dom"
    tactic = book.of_kind("tactics")[0]
    page.goto(tactic.url)
    page.get_by_role("button", name="Save to my playbook").click()
    page.get_by_role("button", name="I used this").click()
    snapshot(page, folder, "tactic")
    page.goto("my-playbook/")
    page.locator("[data-list='favourites'] a").first.wait_for()
    snapshot(page, folder, "my-playbook")
    page.goto("interview/drill/")
    page.get_by_role("button", name="Draw a question").click()
    page.get_by_role("button", name="Reveal the coach notes").click()
    page.locator("[data-drill-notes] li").first.wait_for()
    snapshot(page, folder, "drill")
    page.goto("interview/story-map/")
    page.get_by_label("Story title").fill("Moved billing off the monolith")
    page.locator("input[name='competency'][value='cross-team-alignment']").check()
    page.get_by_role("button", name="Add the story").click()
    page.locator("[data-story-gaps] .pb-gap-line").first.wait_for()
    snapshot(page, folder, "story-map")
    report = htmlcheck.result(folder)
    assert report.pages == 4
    assert report.own == [], "\n".join(map(str, report.own[:40]))
