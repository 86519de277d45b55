"""The mentor's words travel with the mentee (issue 32.3): on a step page reached from a mentor's list the note for
that step shows under the title with the list's progress; a list cut to 30 steps says so on screen, on the step
pages and in print; the builder finds entries by typing (the site's search), by kind and by tag."""

from __future__ import annotations

from urllib.parse import quote

from playwright.sync_api import Page

from .conftest import pdf_texts
from .instant import arrive, click_through


def open_list(page: Page, value: str) -> None:
    arrive(page, f"mentor/?l={value}")


def test_each_step_page_shows_the_mentors_note_and_the_progress(page: Page, book):
    first, second, third = book.of_kind("tactics")[0], book.of_kind("models")[3], book.of_kind("situations")[1]
    notes = {1: "Read the example twice & try it on Tuesday.", 3: "Bring this one to our next talk."}
    value = "~".join(r.ref + (f"!{quote(notes[i], safe='')}" if i in notes else "") for i, r in enumerate((first, second, third), 1))
    open_list(page, value + "&t=" + quote("For Sam"))
    click_through(page, page.get_by_role("link", name="Start with step 1"), f"**/{first.url}?mentee=1")
    h1 = page.locator("article h1")
    note = page.locator("[data-mentee-note]")
    assert note.inner_text() == "Your mentor's note: " + notes[1]
    bar = page.locator(".pb-pathnav--mentee")
    assert "(0 of 3 done)" in bar.inner_text()
    assert h1.evaluate("h => h.nextElementSibling.classList.contains('pb-pathnav--mentee')")
    assert bar.evaluate("b => b.nextElementSibling.hasAttribute('data-mentee-note')"), "the note is right under the bar"
    assert note.bounding_box()["y"] < 844, "the note is above the fold"
    bar.get_by_role("button", name="Mark step 1 done").click()
    assert "(1 of 3 done)" in bar.inner_text()
    assert "For Sam" in page.title() and "Step 1 of 3" in page.title()
    click_through(page, bar.get_by_role("link", name=f"Next: {second.title}"), f"**/{second.url}?mentee=2")
    assert page.locator("[data-mentee-note]").count() == 0, "no note for step 2"
    click_through(page, page.locator(".pb-pathnav--mentee").get_by_role("link", name=f"Next: {third.title}"), f"**/{third.url}?mentee=3")
    assert page.locator("[data-mentee-note]").inner_text() == "Your mentor's note: " + notes[3]
    page.reload()
    assert page.locator("[data-mentee-note]").inner_text() == "Your mentor's note: " + notes[3]


def test_a_cut_list_says_so_on_screen_on_its_steps_and_in_print(page: Page, book):
    refs = [r.ref for r in book.records.values() if r.kind.dir in ("tactics", "models")][:40]
    open_list(page, "~".join(refs))
    cut = page.locator("[data-mentee-cut]")
    assert cut.is_visible() and "40 steps" in cut.inner_text() and "31 to 40" in cut.inner_text()
    for fmt in ("A4", "Letter"):
        text = " ".join(pdf_texts(page, fmt))
        assert "This list was cut" in " ".join(text.split()), fmt
    page.emulate_media(media="screen")
    click_through(page, page.get_by_role("link", name="Start with step 1"), "**/?mentee=1")
    assert "cut from 40 steps to 30" in page.locator(".pb-pathnav--mentee").inner_text()


def test_the_builder_finds_entries_by_words_kind_and_tag(page: Page, book):
    arrive(page, "mentor/")
    assert page.locator("select[data-mentor-pick]").count() == 0, "no select of every entry"
    target = next(r for r in book.of_kind("situations") if r.id == "vp-keeps-asking-for-a-forecast")
    page.get_by_label("Find an entry by its words").fill("forecast")
    results = page.locator("[data-mentor-results]")
    results.get_by_role("link", name=target.title).wait_for()
    assert results.locator("li").count() <= 12
    page.locator("[data-mentor-kind]").select_option("Checklist")
    assert results.get_by_role("link", name=target.title).count() == 0
    page.locator("[data-mentor-kind]").select_option("Situation")
    results.get_by_role("button", name=f"Add {target.title}").click()
    assert page.locator("[data-mentor-steps] .pb-mentor__head a").all_inner_texts() == [target.title]
    assert results.get_by_role("button", name=f"In the list: {target.title}").is_disabled()

    # By tag alone: every entry shown carries the tag.
    page.get_by_label("Find an entry by its words").fill("")
    page.locator("[data-mentor-kind]").select_option("")
    tag = target.doc.tags[0]
    page.locator("[data-mentor-tag]").select_option(tag)
    shown = results.locator("li > a").all_inner_texts()
    tagged = {r.title for r in book.records.values() if tag in getattr(r.doc, "tags", [])}
    assert shown and set(shown) <= tagged
    assert str(len(tagged)) in page.locator("[data-mentor-found]").inner_text()
