"""Find your move: answered with the keyboard, the list narrows to what the data says fits; the answers live
in the address, so a copied link and a reload restore them."""

from __future__ import annotations

from playwright.sync_api import BrowserContext, Page

ANSWERS = {"who": "peer", "what": "pushback", "when": "before"}


def expected_titles(book, answers: dict[str, str]) -> set[str]:
    """The entries whose fits match every answer (an empty list in the data means any)."""
    titles = set()
    for kind in ("situations", "tactics", "checklists"):
        for record in book.of_kind(kind):
            fits = record.doc.fits
            if fits and all(not getattr(fits, f) or v in getattr(fits, f) for f, v in answers.items() if v):
                titles.add(record.title)
    return titles


def shown_titles(page: Page) -> set[str]:
    return set(page.locator("[data-find-item]:visible > a").all_inner_texts())


def checked(page: Page) -> dict[str, str]:
    return {f: page.locator(f"input[name='{f}']:checked").get_attribute("value") for f in ANSWERS}


def test_find_your_move_by_keyboard_and_shared_link(context: BrowserContext, page: Page, book, server: str):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.rstrip("/"))
    page.goto("./")
    page.locator("article a").filter(has_text="Find your move").first.click()  # instant navigation
    page.wait_for_url("**/find/")
    page.wait_for_selector("[data-find][data-ready]", state="attached")  # the swapped-in page's script has run
    everything = expected_titles(book, {})
    assert len(everything) >= 20 and shown_titles(page) == everything
    count = page.locator("[data-find-count]")
    assert count.get_attribute("aria-live") == "polite"
    assert page.locator("fieldset legend").all_inner_texts()[:3] == ["1. Who is in the way?", "2. What is happening?", "3. When is it?"]

    # Keyboard only: focus the first question's checked radio, then arrows pick an answer and Tab moves on.
    page.locator("input[name='who']:checked").focus()
    page.keyboard.press("ArrowDown")  # A peer
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")  # Pushback
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")  # Before the meeting
    assert checked(page) == ANSWERS
    want = expected_titles(book, ANSWERS)
    assert 0 < len(want) < len(everything)
    assert shown_titles(page) == want
    assert count.inner_text() == f"{len(want)} moves fit your answers."
    assert page.locator("a").filter(has_text="Seek out your sharpest critic").is_visible()

    page.locator("[data-find-copy]").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == f"{server}find/?who=peer&what=pushback&when=before"

    other = context.new_page()  # the mentee opens the link
    other.goto(copied)
    assert checked(other) == ANSWERS and shown_titles(other) == want
    other.close()

    page.reload()
    assert checked(page) == ANSWERS and shown_titles(page) == want

    page.get_by_role("button", name="Start again").click()
    page.wait_for_function("() => !location.search")
    assert shown_titles(page) == everything


def test_find_your_move_ignores_a_corrupted_address(page: Page, book):
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto("find/?who=%3Cscript%3E&what=pushback&when=tomorrow&when=after")
    assert checked(page) == {"who": "", "what": "pushback", "when": ""}
    assert shown_titles(page) == expected_titles(book, {"what": "pushback"})
    assert errors == []


def test_find_your_move_is_linked_from_home_and_situations(page: Page):
    for start in ("./", "situations/"):
        page.goto(start)
        page.locator("article a").filter(has_text="Find your move").first.click()
        page.wait_for_url("**/find/")
