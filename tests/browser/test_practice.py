"""The practice tools end to end, as a reader uses them: self-assessment, review deck, interview
countdown and run mode; each on a 390 px phone (no sideways scroll) and, where promised, on one page."""

from __future__ import annotations

import csv
import io
import json
import math
from datetime import date, datetime, time, timedelta
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import icalendar
import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from .conftest import pdf_pages, pdf_texts
from .instant import arrive, go

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(browser: Browser, server: str):
    context = browser.new_context(base_url=server, viewport=PHONE, has_touch=True, accept_downloads=True)
    yield context.new_page()
    context.close()


def no_sideways_scroll(page: Page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def radius(page: Page, series: str) -> dict[str, float]:
    """Each point's distance from the chart's centre, by competency, as a fraction of the outer ring (principal)."""
    return page.evaluate("""s => {
      const ring = [...document.querySelectorAll('.pb-radar__ring')].pop().points;
      const pts = [...ring].map(p => [p.x, p.y]);
      const cx = pts.reduce((t, p) => t + p[0], 0) / pts.length, cy = pts.reduce((t, p) => t + p[1], 0) / pts.length;
      const outer = Math.hypot(pts[0][0] - cx, pts[0][1] - cy);
      const out = {};
      for (const p of document.querySelectorAll(`.pb-radar__point--${s}`)) {
        out[p.dataset.competency] = Math.round(1000 * Math.hypot(p.cx.baseVal.value - cx, p.cy.baseVal.value - cy) / outer) / 1000;
      }
      return out;
    }""", series)


ANSWERS = {"not yet": "1", "sometimes": "2", "consistently": "3", "no": "1", "yes": "3", "did not come up": "0"}


def answer(page: Page, competency: str, level: str, value: str) -> None:
    page.locator(f"input[name='rate-{competency}-{level}'][value='{ANSWERS[value]}']").check()


def test_self_assessment_rates_draws_keeps_and_compares(phone: Page, book):
    page = phone
    signalled = [k for k, t in book.competencies.items() if t.signals]
    assert len(signalled) == len(book.competencies) >= 5
    page.goto("practice/self-assessment/")
    first, second, third = signalled[0], signalled[1], signalled[2]
    scales = book.competencies[second].scales
    assert (scales.senior, scales.staff) == ("habit", "event")
    assert book.competencies[second].signals.senior.startswith("When ") and book.competencies[third].signals.senior.startswith("When ")
    gated = next(k for k in signalled if book.competencies[k].scales.senior == "event")  # a senior statement that is an event
    habit = page.locator(f"[data-competency='{second}'] [data-level='senior'] input")
    event = page.locator(f"[data-competency='{second}'] [data-level='staff'] input")
    assert [habit.nth(i).get_attribute("value") for i in range(habit.count())] == ["1", "2", "3", "0"]  # "When…": did not come up
    assert [event.nth(i).get_attribute("value") for i in range(event.count())] == ["1", "3"]  # no, yes: no "sometimes"
    for level in ("senior", "staff", "principal"):
        answer(page, first, level, "consistently")
    answer(page, second, "senior", "sometimes")
    assert math.isclose(radius(page, "a")[second], 1 / 6, abs_tol=0.002)  # a habit kept sometimes: half a level
    answer(page, second, "staff", "yes")  # a staff event met counts, whatever is answered below it
    answer(page, third, "senior", "did not come up")  # counts neither way: still not rated
    answer(page, gated, "senior", "no")  # the senior event did not happen in the window ...
    answer(page, gated, "staff", "yes")
    answer(page, gated, "principal", "yes")  # ... and does not cancel the principal statement met
    page.locator(f"input[name='evidence-{first}']").fill("Led the queue migration across four teams")
    points = page.locator(".pb-radar__point--a")
    assert points.count() == len(signalled)
    r = radius(page, "a")
    assert r[first] == 1 and math.isclose(r[second], 2 / 3, abs_tol=0.002) and r[gated] == 1
    assert r[third] == 0  # only "did not come up": at the centre
    row = page.locator("[data-assess-table] tbody tr").filter(has_text=book.competencies[third].title)
    assert row.locator("td").first.inner_text() == "Not rated"
    assert page.locator("svg.pb-radar__svg[role='img'] title").text_content().startswith("Radar chart")
    weak = page.locator("[data-assess-weak]")
    assert book.competencies[second].title in weak.inner_text() and weak.locator("a").count() >= 1
    page.get_by_role("button", name="Save a snapshot").click()

    page.reload()
    assert page.locator(f"input[name='rate-{first}-principal'][value='3']").is_checked()
    assert page.locator(f"input[name='rate-{second}-senior'][value='2']").is_checked()
    assert page.locator(f"input[name='rate-{third}-senior'][value='0']").is_checked()
    assert page.locator(f"input[name='evidence-{first}']").input_value() == "Led the queue migration across four teams"
    assert radius(page, "a") == r
    answer(page, second, "senior", "consistently")
    answer(page, second, "staff", "no")
    page.get_by_role("button", name="Save a snapshot").click()
    compare = page.locator("[data-assess-b] option").all_inner_texts()
    assert [o.startswith("Snapshot of") for o in compare].count(True) == 2
    assert "Your answers now" not in compare  # the chart already shows them: never compared with themselves
    page.locator("[data-assess-a]").select_option(index=2)  # "now", then the snapshots: the later one
    compare = page.locator("[data-assess-b] option").all_inner_texts()
    assert compare[:2] == ["Nothing", "Your answers now"] and len(compare) == 3  # the charted snapshot is not offered
    page.locator("[data-assess-b]").select_option(index=2)  # the first snapshot
    assert page.locator(".pb-radar__point--b").count() == len(signalled)
    assert radius(page, "a")[second] < radius(page, "b")[second]  # senior now, staff then
    rows = page.locator("[data-assess-table] tbody tr")
    assert rows.count() == len(signalled)
    assert rows.filter(has_text=book.competencies[second].title).locator("td").all_inner_texts() == [
        "Senior", "Staff"]
    no_sideways_scroll(page)
    assert pdf_pages(page, "A4") == 1
    printed = " ".join(pdf_texts(page, "A4"))
    assert "Rating yourself is a noisy measure" in printed and "Heidemeier and Moser" in printed  # the caveat prints

    page.emulate_media(media="screen")
    page.locator("[data-assess-a]").select_option("now")
    page.get_by_role("button", name=f"Clear the answers for {book.competencies[first].title}").click()
    assert rows.filter(has_text=book.competencies[first].title).locator("td").first.inner_text() == "Not rated"
    page.reload()
    assert page.locator(f"input[name^='rate-{first}-']:checked").count() == 0
    assert page.locator(f"input[name='rate-{second}-staff'][value='1']").is_checked()


def test_schema_2_self_assessment_ratings_are_migrated(context: BrowserContext, page: Page, book):
    """One rating per competency (schema 2) becomes "consistently" up to that level: the same chart."""
    first, second = list(book.competencies)[:2]
    snapshot = {"at": "2026-01-02T10:00:00Z", "ratings": {first: 2, second: 1}, "evidence": {first: "Ran the RFC"}}
    context.add_init_script("if (!sessionStorage.getItem('seeded')) { sessionStorage.setItem('seeded', '1');"
                            "localStorage.setItem('pb:schema', '2');"
                            f"localStorage.setItem('pb:assessment', {json.dumps(json.dumps([snapshot]))});"
                            f"localStorage.setItem('pb:assessment-draft', {json.dumps(json.dumps(snapshot))}); }}")
    page.goto("practice/self-assessment/")
    assert page.locator(f"input[name='rate-{first}-senior'][value='3']").is_checked()
    assert page.locator(f"input[name='rate-{first}-staff'][value='3']").is_checked()
    assert page.locator(f"input[name='rate-{first}-principal']:checked").count() == 0
    r = radius(page, "a")
    assert math.isclose(r[first], 2 / 3, abs_tol=0.002) and math.isclose(r[second], 1 / 3, abs_tol=0.002)
    stored = page.evaluate("[localStorage.getItem('pb:schema'), JSON.parse(localStorage.getItem('pb:assessment'))]")
    assert stored[0] == "3"
    assert stored[1][0]["answers"] == {first: {"senior": 3, "staff": 3}, second: {"senior": 3}}
    assert page.locator(".pb-notice").count() == 0


def luminance(rgb: str) -> float:
    parts = [float(x) for x in rgb[rgb.index("(") + 1:rgb.index(")")].split(",")[:3]]
    lin = [(c / 255 / 12.92) if c / 255 <= 0.03928 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in parts]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_radar_series_contrast_and_emphasis(phone: Page, book, scheme: str):
    """Both series at least 3:1 on the page; the current one stronger than the compared one; labels >= 12 px at 390 px."""
    page = phone
    first = next(iter(book.competencies))
    page.goto("practice/self-assessment/")
    page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
    answer(page, first, "senior", "consistently")
    page.get_by_role("button", name="Save a snapshot").click()
    answer(page, first, "staff", "consistently")
    page.locator("[data-assess-b]").select_option(index=1)
    colours = page.evaluate("""() => {
      const css = e => getComputedStyle(document.querySelector(e));
      let bg = getComputedStyle(document.body).backgroundColor;
      return { bg, a: css('.pb-radar__area--a').stroke, b: css('.pb-radar__area--b').stroke,
               pa: css('.pb-radar__point--a').fill, pb: css('.pb-radar__point--b').fill,
               wa: parseFloat(css('.pb-radar__area--a').strokeWidth), wb: parseFloat(css('.pb-radar__area--b').strokeWidth),
               dash: css('.pb-radar__area--b').strokeDasharray };
    }""")
    bg = colours["bg"]
    for key in ("a", "b", "pa", "pb"):
        assert contrast(colours[key], bg) >= 3, (scheme, key, colours)
    assert contrast(colours["a"], bg) > contrast(colours["b"], bg)  # the older line is never the brighter one
    assert colours["wa"] > colours["wb"] and colours["dash"] != "none"
    sizes = page.evaluate("""() => [...document.querySelectorAll('.pb-radar__label tspan, .pb-radar__level')].map(t => {
      const r = t.getBoundingClientRect(); return [r.height, r.left, r.right]; })""")
    box = page.locator(".pb-radar__svg").bounding_box()
    assert box["width"] <= 390
    for height, left, right in sizes:
        assert height >= 12, sizes  # legible as drawn on a 390 px phone
        assert left >= box["x"] - 0.5 and right <= box["x"] + box["width"] + 0.5  # not cut off


def test_review_deck_grades_cards_by_keyboard_and_exports_for_anki(phone: Page, book):
    page = phone
    kinds = {"models": "model", "situations": "situation", "tactics": "tactic", "prompts": "prompt"}
    total = sum(len(book.of_kind(k)) for k in kinds)
    page.goto("practice/review/")
    due = page.locator("[data-review-due]")
    assert due.inner_text() == str(total)
    first = page.locator("[data-review-card]").get_attribute("data-card")
    page.keyboard.press("Space")
    assert page.locator("[data-review-back]").is_visible()
    page.keyboard.press("3")  # Good: the card leaves today's queue
    assert due.inner_text() == str(total - 1)
    page.keyboard.press("Space")
    page.keyboard.press("1")  # Again: it stays due today
    assert due.inner_text() == str(total - 1)
    page.reload()
    assert due.inner_text() == str(total - 1)
    progress = page.evaluate("JSON.parse(localStorage.getItem('pb:review'))")
    assert progress[first]["reps"] == 1 and progress[first]["state"] == 2 and progress[first]["scheduled_days"] == 2  # FSRS
    assert first.split("#")[0] in book.records  # card ids name the entry, not its wording

    page.get_by_text("Choose cards by kind and tag").click()
    for kind in ("model", "situation", "prompt"):
        page.locator(f"[data-review-kind][value='{kind}']").uncheck()
    assert page.locator("[data-review-shown]").inner_text() == str(len(book.of_kind("tactics")))
    tag = book.of_kind("tactics")[0].doc.tags[0]
    page.locator("[data-review-tag]").select_option(tag)
    tagged = [r for r in book.of_kind("tactics") if tag in r.doc.tags]
    assert page.locator("[data-review-shown]").inner_text() == str(len(tagged))
    no_sideways_scroll(page)

    with page.expect_download() as download:
        page.get_by_role("button", name="Export for Anki (.tsv)").click()
    text = Path(download.value.path()).read_text(encoding="utf-8")
    assert text.startswith("#separator:tab\n#html:true\n")
    lines = text.split("\n")
    while lines[0].startswith("#"):  # Anki's file headers come first
        lines.pop(0)
    assert len([line for line in lines if line]) == len(tagged)  # one physical line per note
    rows = [r for r in csv.reader(io.StringIO("\n".join(lines)), delimiter="\t") if r]
    assert len(rows) == len(tagged) and all(len(r) == 4 for r in rows)
    assert not any("\n" in f or "\r" in f for r in rows for f in r)
    by_guid = {r[3]: r for r in rows}
    card = by_guid[f"influence-playbook:{tagged[0].ref}#pitfall"]
    assert tagged[0].title in card[0] and card[1].startswith("<ul><li>")
    assert f"influence-playbook::tag::{tag}" in card[2].split() and "influence-playbook::tactic" in card[2].split()
    assert "href=\"http" in card[1]  # links made absolute for Anki


def test_review_deck_converts_leitner_progress(context: BrowserContext, page: Page, book):
    kinds = ("models", "situations", "tactics", "prompts")
    total = sum(len(book.of_kind(k)) for k in kinds)
    page.goto("practice/review/")
    ids = page.evaluate("JSON.parse(document.getElementById('pb-review-data').dataset.json).cards.map(c => c.id)")
    later_day = (date.today() + timedelta(days=5)).isoformat()
    page.evaluate(f"""localStorage.setItem('pb:review', JSON.stringify({{
        {json.dumps(ids[0])}: {{box: 3, due: '{later_day}', seen: 4}},
        {json.dumps(ids[1])}: {{box: 1, due: '{date.today().isoformat()}', seen: 1}} }}))""")
    page.reload()
    status = page.locator("[data-review-status]")
    assert "progress on 2 cards moved to the FSRS scheduler" in status.inner_text()
    stored = page.evaluate("JSON.parse(localStorage.getItem('pb:review'))")
    assert stored[ids[0]]["stability"] == 4 and stored[ids[0]]["state"] == 2 and stored[ids[0]]["reps"] == 4
    assert page.locator("[data-review-due]").inner_text() == str(total - 1)  # the box-3 card waits five days
    page.reload()
    assert page.locator("[data-review-due]").inner_text() == str(total - 1) and status.inner_text() == ""


def test_review_progress_exports_and_imports_with_a_report(browser: Browser, server: str, tmp_path: Path, book):
    total = sum(len(book.of_kind(k)) for k in ("models", "situations", "tactics", "prompts"))
    one = browser.new_context(base_url=server, accept_downloads=True)
    page = one.new_page()
    page.goto("practice/review/")
    first = page.locator("[data-review-card]").get_attribute("data-card")
    page.keyboard.press("Space")
    page.keyboard.press("4")  # Easy
    assert "next in" in page.locator("[data-review-status]").inner_text()
    with page.expect_download() as download:
        page.get_by_role("button", name="Export progress (JSON)").click()
    exported = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    one.close()
    assert exported["version"] == 2 and exported["scheduler"] == "fsrs" and list(exported["cards"]) == [first]
    exported["cards"]["tactics/no-such-entry#pitfall"] = exported["cards"][first]
    exported["cards"]["junk"] = {"due": "soon"}
    file = tmp_path / "progress.json"
    file.write_text(json.dumps(exported), encoding="utf-8")

    two = browser.new_context(base_url=server)
    page = two.new_page()
    page.goto("practice/review/")
    assert page.locator("[data-review-due]").inner_text() == str(total)
    page.locator("[data-review-import]").set_input_files(str(file))
    status = page.locator("[data-review-status]")
    status.filter(has_text="Imported progress").wait_for()
    text = status.inner_text()
    assert "1 new card" in text and "1 unreadable entry was dropped" in text and "1 card is not in this deck and was dropped" in text
    page.reload()
    assert page.locator("[data-review-due]").inner_text() == str(total - 1)
    two.close()


def test_countdown_plans_prints_and_exports_a_calendar(phone: Page, book):
    page = phone
    page.goto("interview/plan/")
    interview = date.today() + timedelta(days=20)
    page.get_by_label("Interview date").fill(interview.isoformat())
    page.get_by_label("Level").select_option("principal")
    chosen = list(book.competencies)[:2]
    for c in chosen:
        page.locator(f"input[name='competency'][value='{c}']").check()
    page.get_by_role("button", name="Make my plan").click()
    sessions = page.locator(".pb-plan__day")
    n = sessions.count()
    assert n == 21  # every day from today, rest days and the interview day included
    text = page.locator("[data-plan-days]").inner_text()
    assert "Mock interview" in text and "principal" in text
    assert all(book.competencies[c].title in text for c in chosen)

    with page.expect_download() as download:
        page.get_by_role("button", name="Add to my calendar (.ics)").click()
    raw = Path(download.value.path()).read_bytes()
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    assert max(len(line) for line in raw.split(b"\r\n")) <= 75
    calendar = icalendar.Calendar.from_ical(raw)
    events = calendar.walk("VEVENT")
    assert len(events) == n
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == n
    days = [e.decoded("DTSTART") for e in events]
    assert all(type(d) is date for d in days)  # all-day events
    assert days == sorted(days) and days[0] == date.today() and days[-1] == interview
    assert str(events[-1]["SUMMARY"]) == "Interview day"
    assert b"\\," in raw and any(", with numbers" in str(e["DESCRIPTION"]) for e in events)  # escaped, parsed back
    no_sideways_scroll(page)

    page.reload()  # the plan is kept
    assert page.locator(".pb-plan__day").count() == n
    assert pdf_pages(page, "A4") == 1


def plan_days(page: Page) -> list[dict]:
    """The plan as the reader sees it: each day's date, type and tasks (kind, stories written)."""
    return page.evaluate("""[...document.querySelectorAll('.pb-plan__day')].map(li => ({
      date: li.dataset.date, type: li.dataset.type, text: li.innerText,
      tasks: [...li.querySelectorAll('li')].map(t => ({kind: t.dataset.task, stories: Number(t.dataset.stories || 0)}))}))""")


A_MONDAY = date(2027, 3, 1)


def first_planned_day(start: date, interview: date, advice) -> date:
    """The advice's first day of a plan from `start`: more than `weeks` weeks out, only the early weekdays (and
    the weekly rest day) are in the plan."""
    span = (interview - start).days
    day = start
    while True:
        weekday = (day.weekday() + 1) % 7  # JavaScript's getDay: 0 is Sunday
        if ((interview - day).days <= advice.weeks * 7 or weekday in advice.early_weekdays
                or (span >= advice.rest_from and weekday == advice.rest_weekday)):
            return day
        day += timedelta(days=1)


@pytest.mark.parametrize(("days", "weekday"), [(1, 0), (5, 5), (21, 6), (35, 2), (56, 3), (56, 0), (70, 1), (70, 4)])
def test_the_countdown_plan_follows_the_advice(page: Page, days: int, weekday: int):
    """docs/interview/index.md prints the advice (PrepAdvice); the countdown is made from the same numbers.
    The browser's clock is set to a fixed day of the week (Monday + `weekday`): the early weeks depend on it."""
    from playbook.tools.practice import PREP_ADVICE as A

    today = A_MONDAY + timedelta(days=weekday)
    page.clock.set_fixed_time(datetime.combine(today, time(9)))
    interview = today + timedelta(days=days)
    page.goto("interview/plan/")
    page.get_by_label("Interview date").fill(interview.isoformat())
    page.get_by_role("button", name="Make my plan").click()
    page.reload()  # what the reader comes back to
    plan = plan_days(page)
    dates = [date.fromisoformat(d["date"]) for d in plan]
    assert dates == sorted(set(dates))
    assert dates[0] == first_planned_day(max(today, interview - timedelta(days=A.max_days)), interview, A)
    assert plan[-1]["type"] == "interview" and dates[-1] == interview  # the day itself
    assert plan[-2]["type"] == "light" and dates[-2] == interview - timedelta(days=1)  # a light last day
    assert {t["kind"] for t in plan[-2]["tasks"]} <= {"light", "story"}  # nothing new (an outline only when it is all there is)
    kinds = [t["kind"] for d in plan for t in d["tasks"]]
    stories = sum(t["stories"] for d in plan for t in d["tasks"])
    assert A.stories_min <= stories <= A.stories_max
    working = [d for d in plan if d["type"] == "work"]
    if len(working) >= A.mocks_from:
        assert kinds.count("mock") >= A.mocks
        last_mock = max(dates[i] for i, d in enumerate(plan) if any(t["kind"] == "mock" for t in d["tasks"]))
        assert last_mock == interview - timedelta(days=A.stop_new)
    if days >= 5:
        assert len(working) >= A.mocks_from, "a five-day plan has room for the mocks"
    rests = [dates[i] for i, d in enumerate(plan) if d["type"] == "rest"]
    moved = interview - timedelta(days=A.stop_new + 1)  # the rest day of a week whose rest day is in the last days
    assert all((r.weekday() + 1) % 7 == A.rest_weekday or r == moved for r in rests)  # JavaScript's getDay: 0 is Sunday
    if days >= A.rest_from:
        span = [d for d in dates[:-1]]
        assert all(any(s <= r < s + timedelta(days=7) for r in rests) for s in span if s + timedelta(days=6) <= span[-1])
    else:
        assert not rests
    if "sharpen" in kinds:  # a story is sharpened only once written
        assert kinds.index("story") < kinds.index("sharpen")
    for d in working:  # a working day always has real work, never only the review deck
        assert {t["kind"] for t in d["tasks"]} & {"find", "story", "map", "drill", "mock", "sharpen", "collect"}, d
    if days > A.weeks * 7:  # early weeks are lighter: only the early weekdays
        early = [dates[i] for i, d in enumerate(plan) if d["type"] == "work" and dates[i] < interview - timedelta(days=A.weeks * 7)]
        assert early and all((e.weekday() + 1) % 7 in A.early_weekdays for e in early)


def test_the_prep_page_prints_the_advice_the_plan_follows(page: Page):
    from playbook.tools.practice import PREP_ADVICE as A

    page.goto("interview/")
    text = page.locator("#plan ~ *").all_inner_texts()
    text = " ".join(text)
    assert f"Aim for {A.words('stories')} stories" in text
    assert f"at least {A.words('mocks')} mock interviews" in text
    assert f"{A.words('weeks')} weeks" in text and A.words("rest_day") in text


def run_button(record) -> str:
    return f"Run it {record.kind.run_unit} by {record.kind.run_unit}"


def run_js_requested(page: Page) -> bool:
    return page.evaluate("performance.getEntriesByType('resource').some(e => e.name.endsWith('/assets/run.js'))")


def tabs_to_run_mode(page: Page) -> int:
    """Tab presses from the top of a freshly loaded page to the run-mode button: the first Tab reaches "Skip to
    content", Enter follows it to the title, then Tab on until the button has the focus."""
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('md-skip')")
    page.keyboard.press("Enter")
    page.wait_for_function("location.hash === '#' + document.querySelector('article h1').id"
                           " && !document.activeElement.classList.contains('md-skip')")  # Material scrolls, then moves the focus
    presses = 1
    while not page.evaluate("document.activeElement.hasAttribute('data-run-open')"):
        assert presses < 60, "run mode was never reached by Tab"
        page.keyboard.press("Tab")
        presses += 1
    return presses


def test_run_mode_of_a_tactic_without_a_run_block_opens_by_keyboard_near_the_top(page: Page, book):
    record = next(r for r in book.of_kind("tactics") if r.doc.run is None and len(r.doc.steps) >= 3)
    steps = len(record.doc.steps)
    page.goto(record.url)
    page.wait_for_load_state("networkidle")
    assert page.get_by_role("button", name=run_button(record)).is_visible()
    assert not run_js_requested(page)  # loaded only when opened (docs/assets/core.js)
    presses = tabs_to_run_mode(page)
    assert presses <= 5, f"{presses} Tab presses to reach run mode"
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name=record.title)
    dialog.wait_for()
    assert run_js_requested(page)
    progress = page.locator("[data-run-progress]")
    assert progress.inner_text() == f"Step 1 of {steps}"
    shown = [page.locator("[data-run-step]:not([hidden]) .pb-run__text").inner_text().strip()]
    assert page.locator("[data-run-timer-wrap]").is_hidden()  # no minutes in the data: no timer
    for n in range(2, steps + 1):
        page.keyboard.press("ArrowRight")
        assert progress.inner_text() == f"Step {n} of {steps}"
        shown.append(page.locator("[data-run-step]:not([hidden]) .pb-run__text").inner_text().strip())
    assert shown == [li.strip() for li in page.locator("#steps + ol > li").all_inner_texts()]  # the page's steps, in order
    assert parse_qs(urlparse(page.url).query)["run"] == [str(steps)]
    page.reload()  # the address carries the step
    assert page.locator("[data-run-progress]").inner_text() == f"Step {steps} of {steps}"
    page.locator("[data-run-body]").focus()
    page.keyboard.press("Tab")  # Tab stays inside the dialog, and reaches Finish
    while page.evaluate("document.activeElement.textContent.trim()") != "Finish":
        page.keyboard.press("Tab")
        assert dialog.locator(":focus").count() == 1
    page.keyboard.press("Enter")
    end = page.locator("[data-run-end]")
    assert end.is_visible() and f"all {steps} steps of {record.title}" in end.inner_text()
    assert parse_qs(urlparse(page.url).query)["run"] == ["end"]
    page.keyboard.press("Escape")
    assert dialog.count() == 0 and "run=" not in page.url
    assert page.evaluate("document.activeElement.dataset.runOpen !== undefined")


def test_run_mode_of_a_checklist_is_near_the_top_too(page: Page, book):
    record = next(r for r in book.of_kind("checklists") if not (r.doc.run and r.doc.run.follow_up))
    page.goto(record.url)
    page.wait_for_load_state("networkidle")
    assert tabs_to_run_mode(page) <= 5
    page.keyboard.press("Enter")
    assert page.locator("[data-run-progress]").inner_text() == f"Item 1 of {len(record.doc.items)}"


def test_run_mode_with_a_timer_steps_through_and_finishes_on_a_phone(phone: Page, book):
    page = phone
    record = next(r for r in book.of_kind("tactics") if r.doc.run and r.doc.run.minutes and r.doc.run.follow_up)
    steps = len(record.doc.steps)
    page.goto(record.url)
    button = page.get_by_role("button", name=run_button(record))
    box = button.bounding_box()
    assert box and box["y"] + box["height"] <= PHONE["height"]  # in the first screenful, without scrolling
    no_sideways_scroll(page)
    button.click()
    dialog = page.get_by_role("dialog", name=record.title)
    dialog.wait_for()  # run.js is fetched on this first click (docs/assets/core.js)
    assert dialog.is_visible()
    progress = page.locator("[data-run-progress]")
    assert progress.inner_text() == f"Step 1 of {steps}"
    assert page.locator("[data-run-timer]").inner_text() == f"{record.doc.run.minutes[0]}:00"
    no_sideways_scroll(page)
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowLeft")
    assert progress.inner_text() == f"Step 2 of {steps}"
    assert page.url.endswith("?run=2")
    page.get_by_role("button", name="Start the timer").click()
    page.wait_for_function(f"document.querySelector('[data-run-timer]').textContent !== '{record.doc.run.minutes[1]}:00'", timeout=3000)

    shared = page.url  # the address carries the step: a colleague opens the same view
    page.goto(shared)
    assert page.locator("[data-run-progress]").inner_text() == f"Step 2 of {steps}"
    for _ in range(steps - 2):
        page.get_by_role("button", name="Next").click()
    page.get_by_role("button", name="Finish").click()
    follow = book.get(record.doc.run.follow_up)
    end = page.locator("[data-run-end]")
    assert end.is_visible() and follow.title in end.inner_text()
    assert end.locator(".pb-checklist__items input").count() == len(follow.doc.items)
    assert page.url.endswith("?run=end")
    no_sideways_scroll(page)
    page.get_by_role("button", name="Close").click()
    assert dialog.count() == 0
    assert "run=" not in page.url


def test_run_mode_swipes_on_a_touch_screen(phone: Page, book):
    page = phone
    record = next(r for r in book.of_kind("checklists") if r.doc.run)
    page.goto(record.url + "?run=1")
    swipe = """dx => {
      const el = document.querySelector('[data-run-screen]');
      const t = (x) => new Touch({identifier: 1, target: el, clientX: x, clientY: 400});
      el.dispatchEvent(new TouchEvent('touchstart', {changedTouches: [t(300)], bubbles: true}));
      el.dispatchEvent(new TouchEvent('touchend', {changedTouches: [t(300 + dx)], bubbles: true}));
    }"""
    page.evaluate(swipe, -150)
    page.evaluate(swipe, -150)
    page.evaluate(swipe, 150)
    assert page.locator("[data-run-progress]").inner_text() == f"Item 2 of {len(record.doc.items)}"
    # every checklist has a suggested total: item 2's own minutes, waiting for the reader to start the timer
    assert page.locator("[data-run-timer]").inner_text() == f"{record.doc.run.minutes[1]}:00"


def test_run_mode_is_entered_after_an_instant_navigation(page: Page, book):
    record = next(r for r in book.of_kind("tactics") if r.doc.run is None)
    arrive(page, "tactics/")
    assert not run_js_requested(page)
    page.evaluate("window.pbReady = false; document.addEventListener('pb:ready', () => { window.pbReady = true; }, { once: true })")
    page.locator(f".pb-card a[href$='{record.id}/']").first.focus()
    page.keyboard.press("Enter")  # by keyboard, as the rest
    page.wait_for_url(f"**/{record.url}")
    page.wait_for_function("window.pbReady === true")
    assert page.evaluate("window.pbSamePage === true"), "a full page load, not instant navigation"
    assert not run_js_requested(page)
    assert tabs_to_run_mode(page) <= 5
    page.keyboard.press("Enter")
    page.locator("[data-run-screen]").wait_for()  # run.js is fetched on this first press (docs/assets/core.js)
    steps = len(record.doc.steps)
    for _ in range(steps):
        page.keyboard.press("ArrowRight")
    assert page.locator("[data-run-progress]").inner_text() == "Finished"
    page.keyboard.press("Escape")
    assert page.locator("[data-run-screen]").is_hidden()
    assert page.evaluate("window.pbSamePage === true")


def test_the_index_pages_say_which_entries_can_be_run(page: Page, book):
    for kind, unit in (("tactics", "step"), ("checklists", "item")):
        records = book.of_kind(kind)
        timed = [r for r in records if r.doc.run and r.doc.run.minutes]
        page.goto(f"{kind}/")
        hint = page.locator(".pb-run-hint")
        assert hint.is_visible()
        assert f"can be run {unit} by {unit}" in hint.inner_text()
        assert page.locator(".pb-card .pb-timed").count() == len(timed)
        for r in timed:
            card = page.locator(".pb-card", has=page.locator(f"a[href$='{r.id}/']"))
            assert f"{sum(r.doc.run.minutes)} min" in card.locator(".pb-timed").inner_text()


@pytest.mark.parametrize(("path", "act", "ready"), [
    ("practice/review/", "", "document.querySelector('[data-review-due]').textContent.trim() !== '0'"),
    ("interview/plan/", "plan", "document.querySelectorAll('.pb-plan__day').length > 0"),
    ("interview/drill/", "drill", "document.querySelector('[data-drill-question]').textContent.trim().length > 10"),
    ("interview/story-map/", "", "document.querySelector('[data-story-gaps]').textContent.trim().length > 0"),
])
def test_tools_work_when_reached_by_instant_navigation(page: Page, path: str, act: str, ready: str):
    """Material's instant navigation swaps the page in place; each tool must still find its data and start."""
    arrive(page, "./")
    go(page, path)
    if act == "plan":
        page.get_by_label("Interview date").fill((date.today() + timedelta(days=10)).isoformat())
        page.get_by_role("button", name="Make my plan").click()
    elif act == "drill":
        page.locator("[data-drill-next]").click()
    page.wait_for_function(ready, timeout=5000)


def test_run_mode_of_a_situation_ends_on_its_words_to_say(page: Page, book):
    record = book.of_kind("situations")[0]
    moves = len(record.doc.moves)
    page.goto(record.url + f"?run={moves}")
    progress = page.locator("[data-run-progress]")
    progress.wait_for()
    assert progress.inner_text() == f"Move {moves} of {moves}"
    assert page.locator("[data-run-next]").inner_text() == "Next"
    page.keyboard.press("ArrowRight")
    assert progress.inner_text() == "Words to say"
    screen = page.locator("[data-run-step]:not([hidden])")
    assert record.doc.words_to_say.pushback[0].they_say.split()[0] in screen.inner_text()
    assert page.locator("[data-run-next]").inner_text() == "Finish"
    page.keyboard.press("ArrowRight")
    assert progress.inner_text() == "Finished"
