"""Find your move: answered with the keyboard, the list narrows to what the data says fits; the answers live
in the address, so a copied link and a reload restore them."""

from __future__ import annotations

from playwright.sync_api import BrowserContext, Page

from playbook.tools.find import fit, sort_key

ANSWERS = {"who": "peer", "what": "pushback", "when": "before"}


KIND_ORDER = ("situations", "tactics", "checklists")


def ranked(book, answers: dict[str, str]) -> list[tuple[str, int]]:
    """(title, answers matched) of every entry that lists at least one answer (every entry when none is given), best
    fit first, by the ranking of playbook/tools/find.py that find.js mirrors."""
    rows = []
    asked = any(answers.values())
    for order, kind in enumerate(KIND_ORDER):
        for record in book.of_kind(kind):
            if not record.doc.fits:
                continue
            f = fit(record.doc.fits, answers)
            if f.shown or not asked:
                rows.append((sort_key(f, order, record.title), record.title, f.matched))
    return [(title, matched) for _, title, matched in sorted(rows)]


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
    assert page.locator("[data-find-item] > a").filter(has_text="Seek out your sharpest critic").is_visible()

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


def uncovered(page: Page, locator) -> bool:
    """The centre of the control's first line box is the control itself (or inside it, or its label): nothing is
    painted over it."""
    return page.evaluate("""el => { const r = el.getClientRects()[0];
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return !!hit && (hit === el || el.contains(hit) || hit.contains(el) && hit.tagName === 'LABEL'); }""",
                         locator.element_handle())


def test_count_and_first_three_stay_in_view_after_every_answer(browser, server: str, book):
    """After each of three answers, at 1280x800 and 390x844, the count and the first three results are on screen
    without scrolling, and they are the first three of the ranking."""
    picks = (("who", "A team that owns what you need"), ("what", "It has stalled"), ("when", "Before the meeting"))
    for viewport, mobile in (({"width": 1280, "height": 800}, False), ({"width": 390, "height": 844}, True)):
        context = browser.new_context(base_url=server, viewport=viewport, is_mobile=mobile, has_touch=mobile)
        page = context.new_page()
        page.goto("find/")
        page.wait_for_selector("[data-find][data-ready]", state="attached")
        answers = {"who": "", "what": "", "when": ""}
        values = {"who": "owning-team", "what": "stalled", "when": "before"}
        for field, label in picks:
            page.locator("label").filter(has_text=label).click()
            answers[field] = values[field]
            want = [title for title, _ in ranked(book, answers)[:3]]
            assert in_view(page, page.locator("[data-find-count]")), f"{viewport} after {field}: the count"
            first = page.locator("[data-find-best] a")
            for i in range(3):
                assert in_view(page, first.nth(i)), f"{viewport} after {field}: result {i + 1} is off screen"
                assert uncovered(page, first.nth(i)), f"{viewport} after {field}: result {i + 1} is covered"
            assert [first.nth(i).inner_text() for i in range(3)] == want
        context.close()


def test_the_sticky_results_never_cover_a_control_on_a_phone(browser, server: str):
    """On a 390 px phone every control of the form, reached with Tab, is on screen and not under the sticky panel."""
    context = browser.new_context(base_url=server, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto("find/?who=peer&what=stalled")
    page.wait_for_selector("[data-find][data-ready]", state="attached")
    for name in ("Start again", "Copy a link to these answers"):
        button = page.get_by_role("button", name=name)
        button.focus()
        assert in_view(page, button) and uncovered(page, button), f"{name} is hidden when it has focus"
    page.get_by_role("button", name="Copy a link to these answers").click(trial=True, timeout=2000)
    radios = page.locator("[data-find-form] input[type=radio]")
    for i in range(radios.count()):
        radios.nth(i).focus()
        label = radios.nth(i).locator("xpath=..")
        assert in_view(page, label) and uncovered(page, radios.nth(i)), f"radio {i} is hidden when it has focus"
    context.close()
