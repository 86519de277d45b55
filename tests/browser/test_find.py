"""Find your move: answered with the keyboard, the list narrows to what the data says fits; the answers live
in the address, so a copied link and a reload restore them."""

from __future__ import annotations

from playwright.sync_api import BrowserContext, Page

ANSWERS = {"who": "peer", "what": "pushback", "when": "before"}


KIND_ORDER = ("situations", "tactics", "checklists")


def ranked(book, answers: dict[str, str]) -> list[tuple[str, int]]:
    """(title, answers matched) of every entry that fits at least one answer, best fit first: an answer the entry
    lists counts, a question it leaves open counts below that; situations, tactics, checklists on a tie."""
    rows = []
    for order, kind in enumerate(KIND_ORDER):
        for record in book.of_kind(kind):
            fits = record.doc.fits
            if not fits:
                continue
            asked = [(f, v) for f, v in answers.items() if v]
            explicit = sum(1 for f, v in asked if v in getattr(fits, f))
            matched = explicit + sum(1 for f, v in asked if not getattr(fits, f))
            if matched or not asked:
                rows.append((-matched, -explicit, order, record.title.lower(), record.title, matched))
    return [(r[4], r[5]) for r in sorted(rows)]


def expected_titles(book, answers: dict[str, str]) -> set[str]:
    """The entries whose fits match every answer (an empty list in the data means any)."""
    asked = sum(1 for v in answers.values() if v)
    return {title for title, matched in ranked(book, answers) if matched == asked}


def shown_titles(page: Page) -> set[str]:
    return set(page.locator("[data-find-item]:visible > a").all_inner_texts())


def shown_in_order(page: Page) -> list[str]:
    return page.locator("[data-find-item]:visible > a").all_inner_texts()


def checked(page: Page) -> dict[str, str]:
    return {f: page.locator(f"input[name='{f}']:checked").get_attribute("value") for f in ANSWERS}


def in_view(page: Page, locator) -> bool:
    box = locator.bounding_box()
    size = page.viewport_size
    return bool(box and size and box["y"] >= 0 and box["y"] + box["height"] <= size["height"] and box["x"] >= 0
                and box["x"] + box["width"] <= size["width"])


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
    order = ranked(book, ANSWERS)
    assert 0 < len(want) < len(order) <= len(everything)
    assert shown_in_order(page) == [title for title, _ in order], "best fit first, situations first on a tie"
    assert set(shown_in_order(page)[:len(want)]) == want
    more = len(order) - len(want)
    assert count.inner_text() == f"{len(want)} moves fit your answers; {more} more fit some of them."
    assert page.locator("[data-find-item]:visible [data-find-fit]").first.inner_text() == "fits all 3 answers"
    assert page.locator("a").filter(has_text="Seek out your sharpest critic").is_visible()

    page.locator("[data-find-copy]").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == f"{server}find/?who=peer&what=pushback&when=before"

    other = context.new_page()  # the mentee opens the link
    other.goto(copied)
    assert checked(other) == ANSWERS and shown_in_order(other) == [title for title, _ in order]
    other.close()

    page.reload()
    assert checked(page) == ANSWERS and shown_in_order(page) == [title for title, _ in order]

    page.get_by_role("button", name="Start again").click()
    page.wait_for_function("() => !location.search")
    assert shown_titles(page) == everything


def test_find_your_move_ignores_a_corrupted_address(page: Page, book):
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto("find/?who=%3Cscript%3E&what=pushback&when=tomorrow&when=after")
    assert checked(page) == {"who": "", "what": "pushback", "when": ""}
    assert shown_titles(page) == expected_titles(book, {"what": "pushback"})
    assert shown_in_order(page) == [title for title, _ in ranked(book, {"what": "pushback"})]
    assert errors == []


def test_find_your_move_is_linked_from_home_and_situations(page: Page):
    for start in ("./", "situations/"):
        page.goto(start)
        page.locator("article a").filter(has_text="Find your move").first.click()
        page.wait_for_url("**/find/")


CERTAINTY = "Someone above you wants a status, a date or a certainty you cannot give"


def test_count_and_best_fits_are_in_view_after_an_answer(browser, server: str, book):
    """At 1280x800 and on a 390 px phone, a click on an answer shows the count and the best fits without scrolling;
    'someone above me wants a status, a date or a certainty' is an answer, and Manage up with no surprises fits it."""
    for viewport, mobile in (({"width": 1280, "height": 800}, False), ({"width": 390, "height": 844}, True)):
        context = browser.new_context(base_url=server, viewport=viewport, is_mobile=mobile, has_touch=mobile)
        page = context.new_page()
        page.goto("find/")
        page.wait_for_selector("[data-find][data-ready]", state="attached")
        first = page.locator("label").filter(has_text="A peer") if mobile else page.locator("label").filter(has_text="An executive")
        assert in_view(page, first), f"{viewport}: the first question is in view on arrival"
        first.click()
        count = page.locator("[data-find-count]")
        assert page.evaluate("window.scrollY") == 0, "answering does not scroll the page"
        assert in_view(page, count), f"{viewport}: the count is in view after an answer"
        best = page.locator("[data-find-best] a:visible").first if mobile else page.locator("[data-find-item]:visible > a").first
        assert in_view(page, best), f"{viewport}: the best fit is in view after an answer"
        answers = {"who": "peer" if mobile else "executive", "what": "", "when": ""}
        assert best.inner_text() == ranked(book, answers)[0][0]
        context.close()
    page = browser.new_page(base_url=server, viewport={"width": 1280, "height": 800})
    page.goto("find/")
    page.wait_for_selector("[data-find][data-ready]", state="attached")
    page.locator("label").filter(has_text=CERTAINTY).click()
    page.locator("label").filter(has_text="Your own manager").click()
    titles = shown_in_order(page)
    fit_all = expected_titles(book, {"who": "manager", "what": "certainty"})
    assert "Manage up with no surprises" in fit_all and set(titles[:len(fit_all)]) == fit_all
    assert titles.index("Manage up with no surprises") < 3
    page.close()
