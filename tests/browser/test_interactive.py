"""Interactive pages: checklist state, favourites, filters, the drill, the story map, redirects."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from playbook.render.present import plain


def test_checklist_state_survives_a_reload_and_resets(page: Page, book):
    record = book.of_kind("checklists")[0]
    page.goto(record.url)
    boxes = page.locator(".pb-checklist__items input")
    boxes.nth(0).check()
    boxes.nth(2).focus()
    page.keyboard.press("Space")  # keyboard alone
    page.reload()
    assert [boxes.nth(i).is_checked() for i in range(3)] == [True, False, True]
    page.get_by_role("button", name="Clear all boxes").click()
    page.reload()
    assert boxes.nth(0).is_checked() is False and boxes.nth(2).is_checked() is False


def test_favourites_and_tried_tactics_persist_and_list_on_my_playbook(page: Page, book):
    tactic = book.of_kind("tactics")[0]
    model = book.of_kind("models")[0]
    page.goto(tactic.url)
    page.get_by_role("button", name="Save to my playbook").click()
    page.get_by_role("button", name="I used this").click()
    page.goto(model.url)
    page.get_by_role("button", name="Save to my playbook").click()
    page.reload()
    assert page.get_by_role("button", name="Saved to my playbook").get_attribute("aria-pressed") == "true"
    page.goto("my-playbook/")
    saved = page.locator("[data-list='favourites'] a").all_inner_texts()
    assert sorted(saved) == sorted([tactic.title, model.title])
    assert page.locator("[data-list='tried'] a").all_inner_texts() == [tactic.title]


def test_tag_filter_narrows_an_index(page: Page, book):
    page.goto("tactics/")
    cards = page.locator(".pb-card")
    total = cards.count()
    tag = book.of_kind("tactics")[0].doc.tags[0]
    page.locator(f".pb-filter__button[data-tag='{tag}']").focus()
    page.keyboard.press("Enter")  # keyboard alone
    shown = page.locator(".pb-card:visible").count()
    expected = sum(1 for r in book.of_kind("tactics") if tag in r.doc.tags)
    assert 0 < shown == expected < total


def test_question_bank_filters_by_competency_and_level(page: Page, book):
    page.goto("prompts/")
    total = page.locator(".pb-card").count()
    page.locator(".pb-filter__button[data-facet='competencies'][data-tag='mentorship']").click()
    by_competency = page.locator(".pb-card:visible").count()
    assert by_competency == sum(1 for r in book.of_kind("prompts") if "mentorship" in r.doc.competencies) < total
    page.locator(".pb-filter__button[data-facet='levels'][data-tag='principal']").click()
    both = page.locator(".pb-card:visible").count()
    expected = sum(1 for r in book.of_kind("prompts") if "mentorship" in r.doc.competencies and "principal" in r.doc.asked_at)
    assert both == expected
    assert "of" in page.locator(".pb-filter__count").inner_text()


def test_drill_draws_a_prompt_from_chosen_competencies_and_reveals_notes(page: Page, book):
    page.goto("interview/drill/")
    page.locator("[data-drill-competency][value='managing-up']").check()
    page.locator("[data-drill-minutes]").fill("1")
    page.get_by_role("button", name="Draw a question").focus()
    page.keyboard.press("Enter")
    drawn = page.locator("[data-drill-card]").get_attribute("data-prompt")
    record = book.get(f"prompts/{drawn}")
    assert "managing-up" in record.doc.competencies
    assert page.locator("[data-drill-question]").inner_text() == plain(book, record.doc.question)  # rendered, not raw
    assert page.locator("[data-drill-timer]").inner_text() in ("1:00", "0:59")  # running from the draw
    page.wait_for_function("document.querySelector('[data-drill-timer]').textContent !== '1:00'", timeout=3000)
    page.get_by_role("button", name="Reveal the coach notes").click()
    notes = page.locator("[data-drill-notes]")
    assert notes.is_visible()
    assert plain(book, record.doc.strong_answer[0])[:40] in notes.inner_text()
    assert "[[" not in notes.inner_text(), "references are links in the notes, never raw [[kind/id]] text"


def test_story_map_keeps_stories_across_reload_and_exports(page: Page):
    page.goto("interview/story-map/")
    page.get_by_label("Story title").fill("Moved billing off the monolith")
    page.locator("input[name='competency'][value='cross-team-alignment']").check()
    page.locator("input[name='competency'][value='influencing-decisions']").check()
    page.get_by_role("button", name="Add the story").click()
    page.reload()
    matrix = page.locator("[data-story-matrix]")
    assert "Moved billing off the monolith" in matrix.inner_text()
    assert "gap" in matrix.inner_text()
    assert page.locator("[data-story-gaps] .pb-gap-line").count() == 7  # nine competencies, two covered
    with page.expect_download() as download:
        page.get_by_role("button", name="Export as JSON").click()
    exported = json.loads(Path(download.value.path()).read_text())
    story = {"title": "Moved billing off the monolith", "competencies": ["influencing-decisions", "cross-team-alignment"]}
    assert exported["stories"] == [story]
    with page.expect_download() as download:
        page.get_by_role("button", name="Export as Markdown").click()
    assert "- **Moved billing off the monolith**" in Path(download.value.path()).read_text()


def test_story_map_imports_json(page: Page, tmp_path):
    file = tmp_path / "stories.json"
    file.write_text(json.dumps({"version": 1, "stories": [{"title": "Mentored a new lead", "competencies": ["mentorship", "bogus"]}]}))
    page.goto("interview/story-map/")
    page.locator("[data-story-import]").set_input_files(str(file))
    page.get_by_role("button", name="Merge into my stories").click()
    page.wait_for_function("document.querySelector('[data-story-matrix]').textContent.includes('Mentored a new lead')")
    stored = page.evaluate("JSON.parse(localStorage.getItem('pb:stories'))")
    assert stored == [{"title": "Mentored a new lead", "competencies": ["mentorship"]}]


def test_old_url_redirects_with_its_anchor(page: Page, book):
    old, record = next(iter(book.redirects.items()))
    page.goto(f"{old}/#pitfalls")
    page.wait_for_url(f"**/{record.url}#pitfalls")
    assert page.locator("h1").inner_text().startswith(record.title)


def test_copy_link_shows_on_hover_and_focus_only(page: Page, book):
    """As Material does: the ¶ beside a heading is hidden until the heading is hovered or the link focused."""
    page.goto(book.of_kind("models")[0].url)
    link = page.locator("h2#pitfalls a.headerlink")
    assert link.get_attribute("href").endswith(f"/{book.of_kind('models')[0].url}#pitfalls")
    opacity = "getComputedStyle(document.querySelector('h2#pitfalls a.headerlink')).opacity"
    page.mouse.move(0, 0)
    page.wait_for_function(f"{opacity} === '0'")
    page.locator("h2#pitfalls").hover()
    page.wait_for_function(f"{opacity} === '1'", timeout=3000)
    page.mouse.move(0, 0)
    page.wait_for_function(f"{opacity} === '0'", timeout=3000)
    link.focus()
    page.wait_for_function(f"{opacity} === '1'", timeout=3000)


def test_browser_titles_name_the_site_once(page: Page, book):
    from .instant import arrive, go

    arrive(page, "./")
    assert page.title() == "Influence Playbook"
    entry = book.of_kind("tactics")[0]
    go(page, entry.url)
    assert page.title() == f"{entry.title} - Influence Playbook"
    page.goto(entry.url)
    assert page.title() == f"{entry.title} - Influence Playbook"
    page.locator("a.md-logo").first.click()
    page.wait_for_function("document.title === 'Influence Playbook'", timeout=5000)


def seconds(text: str) -> int:
    minutes, secs = text.split(":")
    return int(minutes) * 60 + int(secs)


@pytest.mark.parametrize("width", [1280, 390])
def test_drill_timer_runs_from_the_draw_and_its_button_says_what_it_does(browser: Browser, server: str, width: int):
    context = browser.new_context(base_url=server, viewport={"width": width, "height": 844})
    page = context.new_page()
    try:
        page.goto("interview/drill/")
        page.get_by_role("button", name="Start: draw a question").click()
        timer, toggle = page.locator("[data-drill-timer]"), page.locator("[data-drill-timer-toggle]")
        assert timer.is_visible() and toggle.is_visible()
        assert toggle.inner_text() == "Pause the timer"
        page.wait_for_function("document.querySelector('[data-drill-timer]').textContent === '1:58'", timeout=4000)
        toggle.click()  # pause: the time stands still
        assert toggle.inner_text() == "Resume the timer"
        held = timer.inner_text()
        page.wait_for_timeout(1300)
        assert timer.inner_text() == held
        toggle.click()
        assert toggle.inner_text() == "Pause the timer"
        page.wait_for_function(f"document.querySelector('[data-drill-timer]').textContent !== '{held}'", timeout=3000)
        assert seconds(timer.inner_text()) < seconds(held)
        page.get_by_role("button", name="Next question").click()  # a new question: a new full time, running
        assert seconds(timer.inner_text()) >= 119 and toggle.inner_text() == "Pause the timer"
        page.wait_for_function("document.querySelector('[data-drill-timer]').textContent === '1:59'", timeout=3000)
    finally:
        context.close()
