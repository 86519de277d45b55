"""Shareable question-bank views: competency, level and archetype filters live in the address, survive a
reload and a shared link, and a level shows what a strong answer at that level shows on each card."""

from __future__ import annotations

from playwright.sync_api import BrowserContext, Page

VISIBLE_TITLES = (
    "() => [...document.querySelectorAll('[data-filter-list] .pb-card:not([hidden]) .pb-card__title')]"
    ".map(a => a.textContent.trim())"
)


def pressed(page: Page) -> dict[str, str]:
    return page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('.pb-filter__button[aria-pressed="true"]')]
        .map(b => [b.dataset.facet, b.dataset.tag]))""")


def expected(book, competency: str, level: str, archetype: str) -> set[str]:
    return {
        r.title for r in book.of_kind("prompts")
        if competency in r.doc.competencies and level in r.doc.asked_at and archetype in r.doc.archetypes
    }


def test_question_bank_filters_live_in_the_address(context: BrowserContext, page: Page, book):
    prompt = next(r for r in book.of_kind("prompts") if r.doc.archetypes and "staff" in r.doc.asked_at)
    competency, archetype, level = prompt.doc.competencies[0], prompt.doc.archetypes[0], "staff"
    want = expected(book, competency, level, archetype)
    page.goto("./")
    page.locator(".md-tabs a").filter(has_text="Interview prep").first.click()  # instant navigation
    page.wait_for_url("**/interview/")
    page.locator(".md-nav a").filter(has_text="Question bank").first.click()
    page.wait_for_url("**/prompts/")
    for facet, value in (("competencies", competency), ("levels", level), ("archetypes", archetype)):
        page.locator(f".pb-filter__button[data-facet='{facet}'][data-tag='{value}']").click()
    address = page.url
    assert address.endswith(f"prompts/?competency={competency}&level={level}&archetype={archetype}"), address
    state = {"competencies": competency, "levels": level, "archetypes": archetype}

    def check(p: Page, where: str) -> None:
        assert pressed(p) == state, where
        assert set(p.evaluate(VISIBLE_TITLES)) == want, where
        signals = p.locator(".pb-card:not([hidden]) .pb-card__signal:visible")
        assert signals.count() == len(want), where
        assert all(t.startswith("What a strong staff answer shows:") for t in signals.all_inner_texts()), where
        assert p.locator(".pb-card__signal[data-level='senior']:visible").count() == 0, where

    check(page, "after choosing")
    page.reload()
    check(page, "after a reload")
    other = context.new_page()
    other.goto(address)
    check(other, "opened from a shared link")
    other.locator(".pb-filter__button[data-facet='levels'][data-tag='']").click()
    assert "level=" not in other.url and other.locator(".pb-card__signal:visible").count() == 0
    other.close()


def test_question_bank_ignores_unknown_filters(page: Page, book):
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto("prompts/?competency=%3Cimg%3E&level=intern&archetype=")
    assert pressed(page) == {"competencies": "", "levels": "", "archetypes": ""}
    assert len(page.evaluate(VISIBLE_TITLES)) == len(book.of_kind("prompts"))
    assert errors == []
