"""A mentor's list in one link (issue 23.6): entries picked from their pages ("Add to a mentee list"), from the
picker and from the saved entries, with a note each, kept over reloads; the copied link (read back from the
clipboard) opens the list for the mentee as a path: titles, summaries, notes as text, done marks, Previous and
Next on each entry with the way back; hostile link values are inert and reported; the list prints on one page."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import quote

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from .conftest import pdf_pages
from .instant import arrive, click_through, go

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
HOSTILE_NOTE = "<img src=x onerror=\"window.pwned=1\"><script>window.pwned=2</script> & ~ ! # ?"


@pytest.fixture(params=["desktop", "phone"])
def clip(request, browser: Browser, server: str) -> Iterator[BrowserContext]:
    phone = request.param == "phone"
    context = browser.new_context(base_url=server, viewport=PHONE if phone else DESKTOP, is_mobile=phone, has_touch=phone,
                                  permissions=["clipboard-read", "clipboard-write"])
    yield context
    context.close()


def watch(page: Page) -> list[str]:
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    return errors


def reload(page: Page) -> None:
    page.reload()
    page.wait_for_load_state("networkidle")
    page.evaluate("window.pbSamePage = true")


def listed(page: Page) -> list[str]:
    return [t.strip() for t in page.locator("[data-mentor-steps] .pb-mentor__head a").all_inner_texts()]


def mentee_titles(page: Page) -> list[str]:
    return [t.strip() for t in page.locator("[data-mentee-steps] .pb-mentee__head a").all_inner_texts()]


@pytest.mark.parametrize("arrival", ["full", "instant"])
def test_a_mentor_builds_a_list_and_the_mentee_follows_the_copied_link(clip: BrowserContext, server: str, book, arrival: str):
    page = clip.new_page()
    errors = watch(page)
    first, second = book.of_kind("models")[0], book.of_kind("tactics")[1]
    third, saved = book.of_kind("situations")[2], book.of_kind("checklists")[0]
    if arrival == "full":
        page.goto(first.url)
        page.wait_for_load_state("networkidle")
        href = page.get_by_role("link", name="Add to a mentee list").evaluate("a => a.href")
        arrive(page, href)  # the link opened in a new tab: a full load of the mentor's page
    else:
        arrive(page, "tactics/")
        go(page, first.url)
        click_through(page, page.get_by_role("link", name="Add to a mentee list"), "**/mentor/*")
    assert listed(page) == [first.title]
    assert "?add" not in page.url  # a reload does not add it again
    click_through(page, page.get_by_role("link", name=f"Back to {first.title}"), f"**/{first.url}")
    page.get_by_role("button", name="Save to my playbook").click()  # for the saved-entries list below
    go(page, second.url)
    click_through(page, page.get_by_role("link", name="Add to a mentee list"), "**/mentor/*")
    reload(page)
    assert listed(page) == [first.title, second.title]

    # A note (hostile on purpose), the picker, the saved entries, the order, the title: each kept over a reload.
    page.get_by_label("Note for step 1").fill(HOSTILE_NOTE)
    page.get_by_label("Find an entry by its words").fill(third.title)
    page.locator("[data-mentor-results]").get_by_role("button", name=f"Add {third.title}").click()
    reload(page)
    assert listed(page) == [first.title, second.title, third.title]
    assert page.get_by_label("Note for step 1").input_value() == HOSTILE_NOTE
    assert page.get_by_role("button", name=f"In the list: {first.title}").is_disabled()
    page.get_by_role("button", name=f"Move {first.title} down").click()
    page.get_by_label("A title for your mentee").fill("For Sam: first month")
    reload(page)
    assert listed(page) == [second.title, first.title, third.title]
    assert page.get_by_label("Note for step 2").input_value() == HOSTILE_NOTE
    assert page.get_by_label("A title for your mentee").input_value() == "For Sam: first month"
    page.get_by_role("button", name=f"Remove {third.title}").click()
    reload(page)
    assert listed(page) == [second.title, first.title]
    go(page, saved.url)
    page.get_by_role("button", name="Save to my playbook").click()
    go(page, "my-playbook/")
    click_through(page, page.get_by_role("link", name="Make a mentee list from these"), "**/mentor/*")
    page.get_by_role("button", name=f"Add {saved.title}").click()
    reload(page)
    assert listed(page) == [second.title, first.title, saved.title]

    # Copy, read the clipboard, open it in a fresh tab as the mentee.
    page.evaluate("navigator.clipboard.writeText('')")
    page.get_by_role("button", name="Copy the link for your mentee").click()
    page.wait_for_function("navigator.clipboard.readText().then(t => t.length > 0)")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith(f"{server}mentor/#l=") and len(copied) < 600, copied
    mentee = clip.new_page()
    errors += watch(mentee)
    mentee.goto(copied)
    mentee.wait_for_load_state("networkidle")
    assert mentee.locator("[data-mentee-title]").inner_text() == "For Sam: first month"
    assert mentee_titles(mentee) == [second.title, first.title, saved.title]
    assert second.summary.split()[0] in mentee.locator("[data-mentee-steps] li").first.inner_text()
    note = mentee.locator("[data-mentee-steps] li").nth(1).locator(".pb-mentee__note")
    assert note.inner_text() == "Your mentor's note: " + HOSTILE_NOTE  # shown as text
    assert mentee.locator("[data-mentee-steps] img, [data-mentee-steps] script").count() == 0
    assert mentee.evaluate("window.pwned === undefined")
    assert mentee.locator("[data-mentee-count]").inner_text() == "0 of 3 steps done"
    assert mentee.locator(".pb-mentor__notice").count() == 0

    # Done marks, kept over a reload; Start / Continue; each entry shows Step n of N, Next, Previous, the way back.
    mentee.get_by_role("button", name="Mark step 2 done").click()
    reload(mentee)
    assert mentee.locator("[data-mentee-count]").inner_text() == "1 of 3 steps done"
    assert mentee.get_by_role("button", name="Step 2 done").get_attribute("aria-pressed") == "true"
    click_through(mentee, mentee.get_by_role("link", name="Continue where you left off: step 1"), f"**/{second.url}?mentee=1")
    bar = mentee.locator(".pb-pathnav--mentee")
    assert bar.locator("strong").inner_text() == "Step 1 of 3"
    assert bar.get_by_role("link", name="Previous", exact=False).count() == 0
    click_through(mentee, bar.get_by_role("link", name=f"Next: {first.title}"), f"**/{first.url}?mentee=2")
    assert bar.locator("strong").inner_text() == "Step 2 of 3"
    assert bar.get_by_role("button", name="Step 2 done").get_attribute("aria-pressed") == "true"
    click_through(mentee, bar.get_by_role("link", name=f"Next: {saved.title}"), f"**/{saved.url}?mentee=3")
    bar.get_by_role("button", name="Mark step 3 done").click()
    reload(mentee)
    assert bar.get_by_role("button", name="Step 3 done").get_attribute("aria-pressed") == "true"
    click_through(mentee, bar.get_by_role("link", name="Last step: back to the list"), "**/mentor/")
    assert mentee.locator("[data-mentee-count]").inner_text() == "2 of 3 steps done"
    assert mentee_titles(mentee) == [second.title, first.title, saved.title]
    assert mentee.locator("[data-mentee-steps] li").nth(1).locator(".pb-mentee__note").inner_text().endswith(HOSTILE_NOTE)
    # Without ?mentee= an entry is a plain entry.
    go(mentee, first.url)
    assert mentee.locator(".pb-pathnav--mentee").count() == 0
    assert errors == []


def hostile(page: Page, l_value: str) -> None:
    page.goto(f"mentor/?l={l_value}")
    page.wait_for_load_state("networkidle")


def test_hostile_links_are_inert_and_reported(page: Page, book):
    errors = watch(page)
    good = [r.ref for r in book.of_kind("models")[:2]]
    # A script in a note, an HTML title.
    hostile(page, f"{good[0]}!{quote('<script>window.pwned=1</script><img src=x onerror=window.pwned=2>', safe='')}"
            f"&t={quote('<b onmouseover=window.pwned=3>Hi</b>', safe='')}")
    assert page.locator("[data-mentee-title]").inner_text() == "<b onmouseover=window.pwned=3>Hi</b>"
    assert page.locator(".pb-mentor img, .pb-mentor script:not([type]), .pb-mentor b").count() == 0
    assert page.evaluate("window.pwned === undefined")
    assert "<script>" in page.locator(".pb-mentee__note").inner_text()

    # 10,000 ids: at most 30 steps, reported.
    real = [r.ref for r in book.records.values()][:40]
    hostile(page, "~".join(real + ["a/b"] * (10000 - len(real))))  # 10,000 ids, within a server's 64 KB request line
    assert len(mentee_titles(page)) <= 30
    report = page.locator("[data-mentee-cut]").inner_text()
    assert "10000 steps" in report and "30 at most" in report

    # Unknown, stale and prototype-polluting ids: left out and named.
    hostile(page, f"__proto__~models/no-such-entry~{good[0]}~constructor~models/__proto__~javascript:alert(1)~{good[1]}~{good[0]}")
    assert mentee_titles(page) == [book.get(good[0]).title, book.get(good[1]).title]
    report = page.locator(".pb-mentor__notice").inner_text()
    assert "5 steps named no entry" in report and "models/no-such-entry" in report and "__proto__" in report
    assert "1 repeated step" in report
    assert page.evaluate("({}).polluted === undefined && Object.getPrototypeOf({}) === Object.prototype")

    # A note too long, a note that cannot be decoded, nothing usable at all.
    hostile(page, f"{good[0]}!{'a' * 400}~{good[1]}!%E0%A4%A")
    assert len(page.locator(".pb-mentee__note").inner_text()) == len("Your mentor's note: ") + 280
    report = page.locator(".pb-mentor__notice").inner_text()
    assert "shortened" in report and "could not be read" in report
    hostile(page, "%00~%3Cscript%3E~..%2F..%2Fetc")
    assert "no step that can be shown" in page.locator("[data-mentor-view]").inner_text()
    assert errors == []


def test_a_stored_list_of_the_wrong_shape_is_ignored(page: Page, book):
    errors = watch(page)
    page.goto("mentor/")
    first = book.of_kind("models")[0]
    for junk in ('"x"', "[1]", '{"steps": "all"}', '{"steps": [{"id": "__proto__"}, {"id": 5}, {"id": "models/nope"}]}',
                 f'{{"t": 5, "steps": [{{"id": "{first.ref}", "note": {{"a": 1}}}}]}}'):
        page.evaluate(f"localStorage.setItem('pb:mentor-list', {junk!r})")
        page.reload()
        page.wait_for_load_state("networkidle")
        expected = [first.title] if first.ref in junk else []
        assert listed(page) == expected, junk
    # A stored "last list" that points elsewhere does not make a way back off the site.
    page.evaluate("""localStorage.setItem('pb:mentee-last', JSON.stringify({l: 'x&evil=1', t: 'x', key: 'abc',
        urls: ['//evil.example/'], titles: ['x']}))""")
    page.goto(f"{first.url}?mentee=1")
    page.wait_for_load_state("networkidle")
    assert page.locator(".pb-pathnav--mentee").count() == 0
    assert errors == []


@pytest.mark.parametrize("fmt", ["A4", "Letter"])
@pytest.mark.parametrize("size", [8, 30])
def test_the_mentee_list_prints_on_one_page(page: Page, book, fmt: str, size: int):
    records = sorted(book.records.values(), key=lambda r: -len(r.title) - len(r.summary))[:size]  # the longest
    note = quote(("Why this one: " + "read it twice and bring one example from this week. " * 6)[:280], safe="")  # the longest
    hostile(page, "~".join(f"{r.ref}!{note}" for r in records) + "&t=" + quote("For Sam: the first month as staff"))
    assert len(mentee_titles(page)) == size and page.locator(".pb-mentor__notice").count() == 0
    page.get_by_role("button", name="Mark step 1 done").click()
    assert pdf_pages(page, fmt) == 1


def test_the_new_views_are_valid_accessible_and_stay_offline(page: Page, server: str, book, tmp_path):
    """The markup our scripts write for paths and mentor's lists: Nu HTML Checker, axe (WCAG 2.1 AA), no outside request."""
    from urllib.parse import urlparse

    from axe_playwright_python.sync_playwright import Axe

    from .. import htmlcheck
    from .test_html_after_scripts import snapshot
    from .test_pages import WCAG

    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if urlparse(r.url).hostname not in ("127.0.0.1", None) else None)
    errors = watch(page)
    axe, folder, report = Axe(), tmp_path / "dom", {}
    path = book.of_kind("paths")[0]
    steps = [book.get(s.to) for s in path.doc.steps]
    models = book.of_kind("models")[:2]
    views = [
        ("path", path.url, None),
        ("paths-index", "paths/", None),
        ("step-in-progress", steps[1].url, None),  # after the path page's Start: breadcrumb and left column of the path
        ("mentor", f"mentor/?add={models[0].ref}", None),
        ("mentee", f"mentor/?l={models[0].ref}!A%20note~{models[1].ref}~models/unknown&t=For%20Sam", None),
        ("mentee-entry", f"{models[1].url}?mentee=2", None),
    ]
    for name, url, _ in views:
        if name == "step-in-progress":
            page.goto(path.url)
            page.locator(".pb-path-go [data-path-go]").click()
            page.wait_for_url(f"**/{steps[0].url}?path={path.id}")
        page.goto(url)
        page.wait_for_load_state("networkidle")
        if name == "step-in-progress":
            assert page.locator(".pb-sidenav--path").count() == 1
        if name == "mentee-entry":
            assert page.locator(".pb-pathnav--mentee").count() == 1
        snapshot(page, folder, name)
        violations = axe.run(page, options=WCAG).response["violations"]
        if violations:
            report[name] = [f"{v['id']} ({len(v['nodes'])}): {v['nodes'][0]['target']}" for v in violations]
    result = htmlcheck.result(folder)
    assert result.pages == len(views)
    assert result.own == [], "\n".join(map(str, result.own[:40]))
    assert report == {}
    assert outside == [] and errors == []


def test_phone_touch_targets_and_no_sideways_scroll(browser: Browser, server: str, book):
    from .test_phone import SMALL_TARGETS

    context = browser.new_context(base_url=server, viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    models = book.of_kind("models")[:2]
    path = book.of_kind("paths")[0]
    step = book.get(path.doc.steps[0].to)
    problems = {}
    for url in (f"mentor/?add={models[0].ref}", f"mentor/?l={models[0].ref}!A%20note~{models[1].ref}", f"{models[1].url}?mentee=2",
                "paths/", path.url, f"{step.url}?path={path.id}"):
        page.goto(url)
        page.wait_for_load_state("networkidle")
        small = page.evaluate(SMALL_TARGETS)
        width = page.evaluate("document.documentElement.scrollWidth")
        if small or width > PHONE["width"]:
            problems[url] = (small[:5], width)
    context.close()
    assert problems == {}
