"""Search: typing an entry's title lists that entry among the first three results."""

from __future__ import annotations

from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

FIRST_THREE = (
    "() => [...document.querySelectorAll('.md-search-result__item > .md-search-result__link')]"
    ".slice(0, 3).map(a => new URL(a.href).pathname)"
)


def test_every_title_finds_its_entry(page: Page, book):
    page.goto("./")
    page.keyboard.press("/")
    box = page.locator("input.md-search__input")
    misses = []
    for record in sorted(book.records.values(), key=lambda r: r.ref):
        box.fill(record.title)
        box.press("End")  # Material searches on keyup, as when a person types
        expected = "/" + record.url
        try:
            page.wait_for_function(f"(expected) => ({FIRST_THREE})().includes(expected)", arg=expected, timeout=4000)
        except PlaywrightTimeout:
            misses.append(f"{record.title!r} -> {page.evaluate(FIRST_THREE)}")
    assert misses == [], f"{len(misses)} titles not in the first three results"


def test_search_with_the_keyboard(page: Page):
    page.goto("./")
    start = page.url
    page.keyboard.press("/")
    page.keyboard.type("escalation")
    page.wait_for_selector(".md-search-result__item")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: url != start)
    assert "escalat" in page.locator("article.md-content__inner").inner_text().lower()


# Plain-language problems as a reader types them, each with the entries that answer it (URL prefixes).
# None of them is an index page, a source record or a maintainer page.
PROBLEMS: list[tuple[str, tuple[str, ...]]] = [
    (
        "getting buy-in for a migration",
        (
            "situations/proposal-stalled",
            "tactics/vision-teams",
            "tactics/let-teams",
            "tactics/map-the",
            "paths/getting-a-proposal",
            "models/alignment",
            "tactics/pre-wire",
            "situations/migration-stuck",
            "tactics/finish-the-migration",
            "paths/leading-a-migration",
        ),
    ),
    (
        "disagree with my manager",
        (
            "tactics/disagree-and-commit",
            "situations/decision-went",
            "tactics/show-your-work",
            "checklists/before-you-disagree",
            "situations/manager-disagrees",
        ),
    ),
    (
        "presenting to executives",
        (
            "tactics/frame-by-risk",
            "tactics/pre-wire",
            "tactics/write-options",
            "situations/executive-wants",
            "tactics/bottom-line",
            "checklists/before-presenting",
        ),
    ),
    ("reversible decisions", ("models/one-way",)),
    (
        "migration",
        (
            "situations/proposal-stalled",
            "tactics/let-teams",
            "tactics/vision-teams",
            "tactics/phased",
            "models/diffusion",
            "situations/migration-stuck",
            "tactics/finish-the-migration",
            "paths/leading-a-migration",
        ),
    ),
    ("stakeholder won't respond", ("situations/owners-will-not", "tactics/straw-man")),
    (
        "how to say no",
        (
            "situations/stakeholder-wants",
            "tactics/say-no",
        ),
    ),
    (
        "promotion",
        (
            "situations/new-staff",
            "models/staff-archetypes",
            "paths/first-90",
            "situations/work-invisible",
            "checklists/writing-your-promotion",
            "paths/from-senior",
            "tactics/keep-a-brag",
        ),
    ),
    ("my proposal is stuck", ("situations/proposal-stalled",)),
    (
        "nobody replies to my design doc",
        (
            "situations/owners-will-not",
            "situations/proposal-stalled",
            "tactics/straw-man",
            "situations/design-review-drags-on",
            "tactics/run-a-design-doc-review",
        ),
    ),
    ("the other team keeps ignoring me", ("situations/owners-will-not", "tactics/straw-man", "checklists/kicking-off")),
    ("two teams blocking each other", ("situations/teams-deadlocked", "tactics/surface-the", "models/priority-inversion")),
    ("my boss overruled me", ("situations/decision-went", "tactics/disagree-and-commit", "checklists/before-you-disagree")),
    ("lost an argument about architecture", ("situations/decision-went", "tactics/disagree-and-commit", "checklists/before-you-disagree")),
    ("colleague criticised my design in the review", ("situations/peer-pushes", "checklists/handling-pushback", "tactics/listen-and")),
    ("when should I escalate", ("situations/you-need-to-escalate", "tactics/escalate-as", "checklists/escalation-readiness")),
    ("convince leadership about technical risk", ("tactics/frame-by-risk",)),
    ("product manager wants a different fix", ("situations/stakeholder-wants",)),
    ("new to a staff role and nobody listens", ("situations/new-staff", "paths/first-90")),
    ("prepare for a design review", ("checklists/before-a-design-review", "tactics/pre-wire", "tactics/seek-your")),
    ("negotiate a deadline with another team", ("checklists/before-a-negotiation", "tactics/phased", "models/principled")),
    ("unclear who owns the decision", ("tactics/daci",)),
    ("write an architecture decision record", ("tactics/decision-records", "checklists/writing-a-decision")),
    ("run a meeting where quiet people speak up", ("tactics/one-two-four", "models/psychological")),
    ("give feedback to a colleague", ("tactics/situation-behaviour",)),
    ("what could go wrong with the project", ("tactics/pre-mortem",)),
    ("prove my idea with a prototype", ("tactics/low-stakes",)),
    ("conflicting priorities between teams", ("situations/teams-deadlocked", "tactics/surface-the", "models/priority-inversion")),
    ("trade favours with another team", ("tactics/ethical-horse", "models/currencies")),
    ("they will not adopt my tool", ("tactics/let-teams", "models/diffusion", "models/social-proof")),
    ("persuade people", ("models/conger", "models/cialdini", "tactics/show-your-work")),
    ("frustrated with things I cannot control", ("models/dichotomy", "models/judgements")),
    ("ship fast or build it right", ("tactics/phased", "models/one-way")),
    ("interview for a staff engineer role", ("paths/preparing-for-a-staff", "checklists/preparing-interview")),
    ("build trust with another team", ("tactics/build-relationships", "models/trust-equation")),
    (
        "getting people to agree on a design",
        (
            "situations/proposal-stalled",
            "tactics/pre-wire",
            "paths/getting-a-proposal",
            "checklists/before-a-design-review",
            "models/conger",
            "tactics/treat-the-first",
            "tactics/write-options",
        ),
    ),
    (
        "my manager and I disagree about priorities",
        (
            "tactics/disagree-and-commit",
            "situations/decision-went",
            "tactics/show-your-work",
            "situations/teams-deadlocked",
            "situations/manager-disagrees",
        ),
    ),
    (
        "executive wants a different solution",
        (
            "situations/stakeholder-wants",
            "situations/executive-wants",
        ),
    ),
    ("team won't prioritise my request", ("situations/owners-will-not", "tactics/map-the", "situations/teams-deadlocked")),
    ("decision was made without me", ("situations/decision-went", "tactics/decision-records", "tactics/disagree-and-commit")),
    ("how to handle pushback", ("checklists/handling-pushback", "situations/peer-pushes", "tactics/listen-and", "tactics/ask-what")),
    ("stakeholder keeps changing requirements", ("situations/stakeholder-wants",)),
    ("explain tech debt to the business", ("tactics/make-the-business", "tactics/frame-by-risk", "tactics/phased")),
    (
        "say no to my manager",
        (
            "situations/stakeholder-wants",
            "tactics/disagree-and-commit",
            "tactics/show-your-work",
            "tactics/say-no",
            "situations/manager-disagrees",
            "tactics/manage-up",
        ),
    ),
]

FIRST_THREE_PAGES = (
    "() => [...document.querySelectorAll('.md-search-result__item')].slice(0, 3)"
    ".map(item => new URL(item.querySelector('.md-search-result__link').href).pathname)"
)


def test_problem_phrasings_find_a_right_entry(page: Page):
    """A reader types the problem, not the title: a right entry is among the first three pages listed."""
    assert len(PROBLEMS) >= 25
    for _, answers in PROBLEMS:
        assert all(a.split("/")[0] in ("situations", "tactics", "models", "checklists", "paths") for a in answers)
    page.goto("./")
    page.locator(".md-tabs a").filter(has_text="Situations").first.click()  # search after an instant navigation
    page.wait_for_url("**/situations/")
    page.keyboard.press("/")
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("trust")  # the index loads when the reader reaches for search: wait for it once
    box.press("End")
    page.wait_for_selector(".md-search-result__item", state="attached", timeout=30000)
    misses = []
    for query, answers in PROBLEMS:
        box.fill(query)
        box.press("End")
        wanted = ["/" + a for a in answers]
        try:
            page.wait_for_function(
                f"(wanted) => ({FIRST_THREE_PAGES})().some(p => wanted.some(w => p.startsWith(w)))",
                arg=wanted,
                timeout=4000,
            )
        except PlaywrightTimeout:
            misses.append(f"{query!r} -> {page.evaluate(FIRST_THREE_PAGES)}")
    assert misses == [], f"{len(misses)} of {len(PROBLEMS)} problems without a right entry in the first three"


def test_short_words_do_not_flood_the_results(page: Page):
    """'in', 'for' and 'a' are not searched as prefixes of every word: the query means its content words."""
    page.goto("./")
    page.keyboard.press("/")
    box = page.locator("input.md-search__input")
    counts = {}
    for query in ("escalation", "escalation in a", "escalation for"):
        box.fill(query)
        box.press("End")
        page.wait_for_selector(".md-search-result__item")
        page.wait_for_timeout(400)
        counts[query] = page.locator(".md-search-result__item").count()
    assert counts["escalation in a"] == counts["escalation"] == counts["escalation for"], counts
    assert page.evaluate("window.pbSearchQuery('getting buy-in for a migration')") == "buy migr"
    assert page.evaluate("window.pbSearchQuery('how to say no')") == "how say"
    assert page.evaluate("window.pbSearchQuery('+pre -mortem')") == "+pre -mortem"  # lunr syntax kept as typed
