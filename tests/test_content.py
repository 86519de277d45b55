"""The playbook's content: every idea of the sources has its entries, every entry meets the bar,
no prose is copied from the sources, the counts are met, and shaped models draw their diagram."""

from __future__ import annotations

import itertools
import re
from collections import Counter

import pytest

from playbook.quality.bar import below_bar, committed_fingerprints, copied, copied_runs
from playbook.quality.fingerprint import RUN, fingerprint, words

from .conftest import ROOT

# Each idea of the source texts (and the "beyond the sources" list) -> the entries that cover it.
IDEAS: dict[str, list[str]] = {
    # 000 "Influencing as a Technical Leader": models
    "Conger's four steps of persuasion (HBR 1998)": ["models/conger-persuasion"],
    "mutual benefit, win-win (Covey habit 4)": ["models/think-win-win"],
    "seek first to understand (Covey habit 5)": ["models/seek-first-to-understand"],
    "Maslow's hierarchy applied to colleagues (1943)": ["models/maslow-hierarchy-at-work"],
    "data, emotion and decisions: System 1 and System 2, rationalization": ["models/system-1-and-system-2"],
    "start with why (Sinek)": ["models/start-with-why"],
    "actively disconfirm your beliefs": ["models/actively-disconfirm-your-beliefs", "tactics/seek-your-sharpest-critic"],
    "Ben Franklin effect; kind or harsh to another on liking (Schopler & Compere 1971)": ["models/ben-franklin-effect"],
    "social proof: experts, users, friends": ["models/social-proof"],
    "Stoic dichotomy of control (Epictetus, Enchiridion)": ["models/dichotomy-of-control"],
    "meaning and resilience (Frankl)": ["models/meaning-and-resilience"],
    "judgements, not events, upset us": ["models/judgements-not-events"],
    # 000: tactics
    "priorities and interdependencies: the cross-team priority-inversion deadlock": [
        "models/priority-inversion-deadlock", "situations/teams-deadlocked-on-priorities"],
    "opportunity cost of what you ask": ["tactics/map-the-opportunity-cost"],
    "horse trading, ethically": ["tactics/ethical-horse-trading", "tactics/ask-what-would-change-their-mind"],
    "escalation as a tool, not a failure": [
        "tactics/escalate-as-a-tool", "checklists/escalation-readiness", "situations/you-need-to-escalate"],
    "the straw-man design that draws absent owners in": [
        "tactics/straw-man-design", "checklists/before-publishing-a-straw-man", "situations/owners-will-not-engage"],
    "clear writing of options and trade-offs": ["tactics/write-options-and-trade-offs", "checklists/writing-a-decision-document"],
    "relationship building": ["tactics/build-relationships-early"],
    "the article's three takeaways": ["models/deliberate-influence"],
    # 001: six alignment patterns
    "make the business model legible to engineers": ["tactics/make-the-business-model-legible"],
    "architectural vision teams see themselves in": ["tactics/vision-teams-see-themselves-in"],
    "principles, not micromanagement": ["tactics/principles-not-micromanagement"],
    "expose trade-offs": ["tactics/expose-the-trade-offs"],
    "show your work in disagreements": ["tactics/show-your-work-in-disagreements"],
    "let teams feel the benefits": ["tactics/let-teams-feel-the-benefits"],
    "alignment, not architecture alone, creates influence": ["models/alignment-over-architecture"],
    # 002: three stages
    "research, propose, negotiate": ["models/research-propose-negotiate"],
    "research: breadth with just enough depth": ["tactics/research-breadth-first"],
    "propose: write the problems down first": ["tactics/write-the-problems-down-first"],
    "the first proposal is not the last; negotiate, assimilate feedback, concede": ["tactics/treat-the-first-proposal-as-a-draft"],
    # 003: interview prep
    "staff archetypes (tech lead, architect, solver, right hand)": ["models/staff-archetypes"],
    "exercise: technical initiative": ["prompts/drove-a-migration-nobody-asked-for"],
    "exercise: influencing technical decisions": ["prompts/build-versus-buy-recommendation"],
    "exercise: mentorship and knowledge sharing": ["prompts/onboarded-an-engineer-to-independence"],
    "exercise: cross-team alignment": ["prompts/defined-a-shared-data-contract"],
    "mapping stories to competencies": ["checklists/preparing-interview-stories", "paths/preparing-for-a-staff-interview"],
    # 004: the pushback question
    "the pushback question": [
        "prompts/pushback-on-a-proposal", "situations/peer-pushes-back-in-review", "checklists/handling-pushback-in-a-review"],
    "the steel thread: show you listened first": ["models/seek-first-to-understand"],
    "working backwards from the customer": ["tactics/working-backwards"],
    "disagree and commit": ["tactics/disagree-and-commit", "checklists/before-you-disagree-and-commit"],
    "low-stakes prototype": ["tactics/low-stakes-prototype"],
    "phased compromise": ["tactics/phased-compromise"],
    "framing by risk; disagreements are often anxiety about risk": ["tactics/frame-by-risk"],
    # Beyond the sources
    "Cialdini's principles of influence": ["models/cialdini-principles"],
    "Cohen and Bradford's currencies of exchange": ["models/currencies-of-exchange"],
    "Fisher and Ury: interests, options, objective criteria, BATNA": ["models/principled-negotiation"],
    "steel-manning": ["tactics/steel-manning"],
    "the pre-mortem (Klein)": ["tactics/pre-mortem"],
    "writing an RFC or design doc and running its review to a decision": [
        "tactics/run-a-design-doc-review", "situations/design-review-drags-on"],
    "leading an incident as its commander (SRE book, ch. 14)": ["tactics/lead-an-incident"],
    "blameless incident reviews (Allspaw 2012; SRE book, ch. 15)": [
        "tactics/run-a-blameless-review", "situations/incident-review-turns-to-blame",
        "checklists/running-a-blameless-incident-review"],
    "running a migration to the end: default, then only path (Larson)": [
        "tactics/finish-the-migration", "situations/migration-stuck-at-80-percent",
        "checklists/before-switching-off-an-old-system", "paths/leading-a-migration"],
    "candid feedback to peers (Scott, Radical Candor)": ["tactics/candid-feedback-to-a-peer"],
    "choosing a conflict mode (Thomas-Kilmann)": ["models/thomas-kilmann-conflict-modes"],
    "change management: Kotter's eight steps": ["models/kotter-eight-steps"],
    "Chesterton's fence": ["models/chestertons-fence"],
    "building a peer network": ["tactics/build-a-peer-network"],
    "coaching by asking: the GROW model (Whitmore)": ["tactics/coach-by-asking"],
    "remote and asynchronous influence: writing first, decision logs": [
        "tactics/influence-across-time-zones", "situations/decisions-keep-getting-reopened"],
    "cognitive dissonance and defending a championed decision (Festinger)": ["models/cognitive-dissonance"],
    "decision records and RFCs": ["tactics/decision-records"],
    "DACI / RACI": ["tactics/daci-decision-roles"],
    "psychological safety (Edmondson)": ["models/psychological-safety"],
    "the trust equation (Maister)": ["models/trust-equation"],
    "situation-behaviour-impact feedback": ["tactics/situation-behaviour-impact-feedback"],
    "staying aligned with authority (Larson)": ["sources/larson-staying-aligned-with-authority"],
    "The Staff Engineer's Path (Reilly)": ["sources/reilly-staff-engineers-path"],
    # Beyond the sources: the staff engineer's own career
    "writing a technical strategy from design documents (Larson; Reilly)": ["tactics/write-a-technical-strategy"],
    "choosing what to work on, and saying no": [
        "models/work-on-what-matters", "tactics/say-no-with-the-trade-off", "checklists/before-taking-on-new-work"],
    "managing up, staying aligned with your manager": [
        "tactics/manage-up-with-no-surprises", "situations/manager-disagrees-on-priorities"],
    "stakeholder and power mapping (Eden & Ackermann)": ["models/stakeholder-power-interest-grid"],
    "sponsorship versus mentorship, delegating, making room for others (Hewlett; Larson)": [
        "models/sponsorship-versus-mentorship", "tactics/delegate-to-grow-others"],
    "glue work, the brag document and the promotion case (Reilly; Evans)": [
        "models/glue-work", "tactics/keep-a-brag-document", "checklists/writing-your-promotion-case",
        "situations/work-invisible-at-promotion-time"],
    "presenting to executives, bottom line first (Minto)": [
        "tactics/bottom-line-first", "checklists/before-presenting-to-executives",
        "situations/executive-wants-a-one-slide-answer"],
    "from senior to staff": ["paths/from-senior-to-staff"],
    # Interview staples (issue 11)
    "the project deep dive or retrospective": ["prompts/walked-through-a-project-in-depth"],
    "career narrative and biggest impact": ["prompts/career-story-and-biggest-impact"],
    "choosing and prioritising your own work": ["prompts/chose-what-to-work-on"],
    "disagreeing with your own manager": ["prompts/disagreed-with-your-manager"],
    "helping a struggling peer": ["prompts/helped-a-struggling-peer"],
    "customer focus": ["prompts/changed-a-plan-for-the-customer"],
    "inclusion: making room for quieter voices": ["prompts/made-room-for-quieter-voices"],
}

SHAPED = {
    "models/conger-persuasion": "sequence", "models/maslow-hierarchy-at-work": "pyramid",
    "models/research-propose-negotiate": "cycle", "models/dichotomy-of-control": "circles",
    "models/think-win-win": "quadrant", "models/psychological-safety": "quadrant",
    "models/principled-negotiation": "sequence", "models/ladder-of-inference": "sequence",
    "models/deliberate-influence": "sequence", "models/priority-inversion-deadlock": "cycle",
    "models/diffusion-of-innovations": "sequence", "models/stakeholder-power-interest-grid": "quadrant",
    "models/work-on-what-matters": "quadrant",
    "models/thomas-kilmann-conflict-modes": "quadrant", "models/kotter-eight-steps": "sequence",
    "models/chestertons-fence": "sequence",
}


@pytest.mark.parametrize("idea", IDEAS)
def test_every_idea_has_its_entries(book, idea):
    missing = [ref for ref in IDEAS[idea] if ref not in book.records]
    assert missing == [], f"{idea}: missing {missing}"


def test_every_entry_meets_the_bar(book):
    assert [str(f) for f in below_bar(book)] == []


def test_no_run_of_twelve_words_is_copied_from_the_sources(book):
    """From the committed fingerprints of the source texts (tests/fingerprints/sources.json), not the texts."""
    assert [str(f) for f in copied_runs(book, committed_fingerprints(ROOT).runs)] == []


def test_hand_written_pages_copy_no_prose_either():
    sources = committed_fingerprints(ROOT).runs
    found = [f"{p.relative_to(ROOT)}: {' '.join(r)}" for p in (ROOT / "docs").rglob("*.md") for r, _ in copied(p.read_text(), sources)]
    assert found == []


def test_counts(book):
    counts = Counter(r.kind.name for r in book.records.values())
    assert counts["model"] >= 33 and counts["tactic"] >= 45 and counts["checklist"] >= 18 and counts["situation"] >= 22
    assert counts["prompt"] >= 55 and counts["path"] >= 8
    cited = {c.source for r in book.records.values() for c in getattr(r.doc, "sources", ())}
    assert all(r.doc.sources for r in book.records.values() if r.kind.name in ("model", "tactic", "checklist", "situation"))
    assert len(cited) >= 30


def test_models_with_a_shape_draw_it(book, built_site):
    for ref, shape in SHAPED.items():
        assert book.get(ref).doc.shape is not None and book.get(ref).doc.shape.type == shape, ref
    for record in book.of_kind("models"):
        html = (built_site.site / record.url / "index.html").read_text(encoding="utf-8")
        if record.doc.shape:
            svg = re.search(r"<svg[^>]*role=\"img\".*?</svg>", html, re.S)
            assert svg, f"{record.ref}: no diagram"
            assert "<title" in svg.group(0) and "<desc" in svg.group(0)
            for item in record.doc.shape.items:
                assert item.label.replace("&", "&amp;").replace("'", "&#39;") in svg.group(0), (record.ref, item.label)


def test_source_attributions_are_right(book):
    """Facts the sources get loose, pinned where our entries state them."""
    text = {r.ref: r.path.read_text(encoding="utf-8") for r in book.records.values()}
    covey = text["sources/covey-seven-habits"]
    assert "Stephen R. Covey" in covey
    assert "Viktor" in text["models/meaning-and-resilience"] and "Victor Frankl" not in " ".join(text.values()).replace("not Victor", "")
    assert "why you do it" in text["models/start-with-why"]
    assert "Jecker" in text["models/ben-franklin-effect"] and "foot-in-the-door" in text["models/ben-franklin-effect"].lower()
    assert "1971" in text["models/ben-franklin-effect"] and "Schopler" in text["models/ben-franklin-effect"]
    assert "Epictetus" in text["models/judgements-not-events"]
    assert book.get("sources/conger-necessary-art-of-persuasion").doc.year == 1998
    assert book.get("sources/larson-staff-engineer").doc.authors == ["Will Larson"]


def test_career_sources_are_attributed_and_cited(book):
    """The sources behind the career entries: right authors and years, and each cited by at least one entry."""
    expected = {
        "sources/reilly-being-glue": (["Tanya Reilly"], 2019),
        "sources/reilly-staff-engineers-path": (["Tanya Reilly"], 2022),
        "sources/larson-staff-engineer": (["Will Larson"], 2021),
        "sources/evans-brag-documents": (["Julia Evans"], 2019),
        "sources/minto-pyramid-principle": (["Barbara Minto"], 1987),
        "sources/eden-ackermann-making-strategy": (["Colin Eden", "Fran Ackermann"], 1998),
        "sources/hewlett-forget-a-mentor-find-a-sponsor": (["Sylvia Ann Hewlett"], 2013),
    }
    cited = {c.source for r in book.records.values() for c in getattr(r.doc, "sources", ())}
    for ref, (authors, year) in expected.items():
        doc = book.get(ref).doc
        assert (doc.authors, doc.year) == (authors, year), ref
        assert ref in cited, f"{ref} is cited by no entry"
    grid = book.get("models/stakeholder-power-interest-grid").doc
    assert "Mendelow" in grid.origin and "Eden" in grid.origin, "the grid's attribution is hedged and names both"


def _similar(a: str, b: str) -> float:
    stop = {"a", "an", "the", "you", "your", "of", "to", "and", "in", "on", "for", "that", "it", "how", "what", "did", "me",
            "tell", "about", "time", "when", "with", "was", "were", "is", "or", "who", "had", "have", "do"}
    wa, wb = set(words(a)) - stop, set(words(b)) - stop
    return len(wa & wb) / max(1, len(wa | wb))


def test_no_two_prompts_ask_the_same_thing(book):
    prompts = book.of_kind("prompts")
    close = [(a.id, b.id, round(_similar(a.doc.question, b.doc.question), 2))
             for a, b in itertools.combinations(prompts, 2) if _similar(a.doc.question, b.doc.question) >= 0.4]
    assert close == []


def test_question_bank_covers_competencies_and_archetypes(book):
    prompts = book.of_kind("prompts")
    per_competency = Counter(c for r in prompts for c in r.doc.competencies)
    assert len(per_competency) >= 8 and min(per_competency.values()) >= 4
    per_archetype = Counter(a for r in prompts for a in r.doc.archetypes)
    assert set(per_archetype) == set(book.archetypes) and min(per_archetype.values()) >= 3
    assert all(len(r.doc.related) >= 2 for r in prompts)
    assert {lvl for r in prompts for lvl in r.doc.asked_at} == {"senior", "staff", "principal"}


def test_prompt_pages_show_levels_notes_and_links(book, built_site):
    for record in book.of_kind("prompts"):
        html = (built_site.site / record.url / "index.html").read_text(encoding="utf-8")
        for anchor in ("levels", "listen-for", "strong-answer", "red-flags", "follow-ups", "related"):
            assert f'id="{anchor}"' in html, (record.ref, anchor)
        assert re.search(r'href="\.\./\.\./(models|tactics)/', html), record.ref


def test_a_run_of_twelve_words_is_copying_and_eleven_are_not():
    source = " ".join(f"w{i}" for i in range(40))
    sources = fingerprint({"s.txt": source}).runs
    twelve, eleven = " ".join(f"w{i}" for i in range(5, 5 + RUN)), " ".join(f"w{i}" for i in range(5, 5 + RUN - 1))
    assert RUN == 12 and copied(f"Ours: {twelve}, and more.", sources) == [(tuple(words(twelve)), "s.txt")]
    assert copied(f"Ours: {eleven} x {eleven}", sources) == []
    assert copied(twelve.upper().replace(" ", ", "), sources) != []  # case and punctuation do not hide a copy


def test_attributions_of_the_leadership_topics(book):
    """Names, years and titles the new topic entries state, pinned so a rewrite cannot loosen them."""
    text = {r.ref: r.path.read_text(encoding="utf-8") for r in book.records.values()}
    dissonance = text["models/cognitive-dissonance"] + text["sources/festinger-cognitive-dissonance"]
    assert "Riecken" in dissonance and "Schachter" in dissonance and "1957" in dissonance
    grow = text["tactics/coach-by-asking"] + text["sources/whitmore-coaching-for-performance"]
    coach = text["tactics/coach-by-asking"]
    assert "Graham Alexander" in grow and "Alan Fine" in grow and "Alan Fine" in coach and "popularised" in coach
    assert book.get("sources/whitmore-coaching-for-performance").doc.year == 1992
    assert book.get("sources/allspaw-blameless-postmortems").doc.year == 2012
    assert book.get("sources/kotter-leading-change-hbr").doc.year == 1995 and "1996" in text["models/kotter-eight-steps"]
    assert book.get("sources/thomas-kilmann-tki").doc.authors == ["Kenneth W. Thomas", "Ralph H. Kilmann"]
    assert "Drift from Domesticity" in text["models/chestertons-fence"]
    assert "ch. 15" in text["tactics/run-a-blameless-review"] and "Postmortem Culture" in text["tactics/run-a-blameless-review"]
    modes = [i.label for i in book.get("models/thomas-kilmann-conflict-modes").doc.shape.items]
    assert modes == ["Competing", "Collaborating", "Avoiding", "Accommodating"]
    assert "compromising" in book.get("models/thomas-kilmann-conflict-modes").doc.shape.caption.lower()


# Prompts merged into one survivor: the removed id must live on as an alias, so its URL redirects.
MERGED_PROMPTS = {
    "stopped-your-own-initiative": "reversed-a-decision-you-championed",
    "deprecated-a-system-others-relied-on": "drove-a-migration-nobody-asked-for",
    "changed-a-team-testing-strategy": "changed-a-team-engineering-practice",
    "changed-code-review-culture": "changed-a-team-engineering-practice",
    "cut-ci-build-times-without-a-mandate": "secured-time-for-tech-debt",
    "integrated-with-a-system-another-team-owns": "dependency-team-would-not-engage",
    "challenged-by-a-more-senior-engineer": "pushback-on-a-proposal",
}

# What principal work is: choosing the problem, bets over years tied to the business, influence with
# executives and beyond the company. Every principal signal must name at least one of these.
PRINCIPAL_SCOPE = re.compile(
    r"executive|business|compan|years|industry|open-source|standard|outside|market|customer|director", re.I)


def test_merged_prompts_redirect_to_their_survivor(book):
    for old, survivor in MERGED_PROMPTS.items():
        assert f"prompts/{old}" not in book.records, old
        assert old in book.get(f"prompts/{survivor}").doc.aliases, (old, survivor)


def test_level_signals_are_specific_to_each_prompt(book):
    for record in book.of_kind("prompts"):
        levels = record.doc.levels
        assert PRINCIPAL_SCOPE.search(levels.principal), f"{record.id}: principal signal names no principal-level scope"
        for a, b in itertools.combinations((levels.senior, levels.staff, levels.principal), 2):
            assert _similar(a, b) < 0.3, f"{record.id}: two level signals say nearly the same thing"
        assert len(record.doc.follow_ups) >= 4, f"{record.id}: fewer than four follow-ups"


def test_interview_index_lists_questions_to_ask(built_site):
    html = (built_site.site / "interview" / "index.html").read_text(encoding="utf-8")
    assert 'id="questions-to-ask"' in html


# Errors an editor found, pinned where our entries state them (issue 11).

READER_DATA = ("models", "tactics", "situations", "checklists", "paths", "sources")


def _text(book, ref: str) -> str:
    return " ".join(book.get(ref).path.read_text(encoding="utf-8").split())


def test_franklin_was_the_assemblys_clerk_and_his_opponent_a_new_member(book):
    for ref in ("models/ben-franklin-effect", "sources/franklin-autobiography"):
        text = _text(book, ref)
        assert "clerk" in text and "new member" in text, ref
        assert "fellow member" not in text and "fellow legislator" not in text, ref


def test_psychological_safety_predates_edmondson_whose_paper_is_about_teams(book):
    text = _text(book, "models/psychological-safety")
    assert "Schein" in text and "Bennis" in text and "1965" in text and "Kahn" in text and "1990" in text
    cited = {c.source for c in book.get("models/psychological-safety").doc.sources}
    assert {"sources/schein-bennis-group-methods", "sources/kahn-psychological-conditions-of-engagement"} <= cited
    assert book.get("sources/schein-bennis-group-methods").doc.year == 1965
    assert book.get("sources/kahn-psychological-conditions-of-engagement").doc.year == 1990
    wrong = re.compile(r"(workplace|at work)[^.]{0,40}(is|was) Edmondson's"
                       r"|origin of psychological safety|Edmondson's[^.]{0,20}concept \(1999\)")
    for record in book.records.values():
        assert not wrong.search(" ".join(record.path.read_text(encoding="utf-8").split())), record.ref


def test_festinger_books_are_told_apart(book):
    dissonance = book.get("sources/festinger-cognitive-dissonance").doc
    assert dissonance.year == 1957 and dissonance.authors == ["Leon Festinger"]
    for record in book.records.values():
        text = " ".join(record.path.read_text(encoding="utf-8").split())
        if "When Prophecy Fails" in text:
            assert "Riecken" in text and "Schachter" in text and "1956" in text, record.ref
        assert "introduced the idea in *When Prophecy Fails*" not in text, record.ref


def test_the_straw_man_never_relies_on_a_plan_going_ahead_without_the_owners(book):
    for ref in ("tactics/straw-man-design", "checklists/before-publishing-a-straw-man", "situations/owners-will-not-engage"):
        text = _text(book, ref).lower()
        assert not re.search(r"(go|goes|going) ahead without them|proceed without (them|their)", text), ref
    assert "never state or imply" in _text(book, "tactics/straw-man-design")


def test_example_arithmetic(book):
    stalled = _text(book, "situations/proposal-stalled")
    assert re.search(r"from \d+ to \d+ minutes, \d+ minutes saved", stalled) and "twenty minutes" not in stalled
    kafka = _text(book, "tactics/show-your-work-in-disagreements")
    assert "18% of all events" in kafka and "24 partitions" in kafka and 18 / (100 / 24) > 4
    assert "more than four times the average" in kafka and "about four times" not in kafka
    for record in book.records.values():  # every "from X to Y minutes, Z minutes saved" adds up
        for x, y, z in re.findall(r"from (\d+) to (\d+) minutes, (\d+) minutes saved", _text(book, record.ref)):
            assert int(x) - int(y) == int(z), record.ref


def test_the_review_example_agrees_the_test_before_building_it(book):
    """The situation's moves say to share a prototype's method before its results; its example must do so."""
    record = book.get("situations/peer-pushes-back-in-review")
    assert any("method before the results" in move for move in record.doc.moves)
    example = " ".join(record.doc.example.split())
    assert example.index("agree the test before it starts") < example.index("shadow logs show")


def _examples(book) -> dict[str, str]:
    return {r.ref: r.doc.example for r in book.records.values() if r.kind.name in ("model", "tactic", "situation")}


COST = re.compile(r"\bcosts?\b|\bslip(ped)?\b|\blost\b|\bprice\b|took longer|\blate\b|\bdelay|\bdamag|trade-?off|gave up"
                  r"|\bfailed\b|\bbroke\b|\bmissed\b|\bwasted\b|\bexpense\b|\bresent|\bhurt|did not (?:work|get|help|land)"
                  r"|fell short|\bwrong\b|backfired|\bpaid\b|gave away|\bgive up\b|\bweak spot"
                 # a price told as what happened: a date moved, work dropped, people gone, something still unfinished
                 r"|\bslips\b|\bmove[sd]? (back|by)\b|moved (in)?to the next|later than|\bbehind\b|instead of the"
                 r"|\bstill (running|waiting|patching|reading|needs|take|deploy|in production|unexplained|runs)"
                 r"|\bresign|\btransfers?\b|stopped (coming|bringing|attending)|\bdropped\b|\bcut to\b|\bbypassed\b"
                 r"|\bambushed\b|\bthrottle|\bfails?\b|\bstale\b|\boutages?\b|\bpassed on\b|harder to reach|one engineer short"
                 r"|\bwaits?\b|\bwaited\b|\bapologis|\bdid not (mention|comment)|\bdo not schedule|not the platform role", re.I)


def test_two_thirds_of_examples_show_a_cost_or_a_partial_failure(book):
    """Issue 21: an example that only succeeds teaches little; two in three say what the move cost or where it fell short."""
    examples = {ref: " ".join(text.split()) for ref, text in _examples(book).items()}
    costly = [ref for ref, text in examples.items() if COST.search(text)]
    assert len(costly) * 3 >= len(examples) * 2, (len(costly), len(examples), sorted(set(examples) - set(costly)))


def test_examples_end_on_what_happened_not_on_a_lesson(book):
    """Issue 28: at most one example in ten ends on a lesson or habit sentence (the classifier of
    playbook.quality.stories, unit-tested in tests/test_story_shape.py)."""
    from playbook.quality.stories import closing_lesson

    endings = {ref: closing_lesson(text) for ref, text in _examples(book).items()}
    lessons = {ref: reasons for ref, reasons in endings.items() if reasons}
    assert len(lessons) * 10 <= len(endings), lessons


def test_no_example_announces_a_cost_without_telling_it(book):
    """Issue 28: no stock cost pivot ("The hour was not free.", "It cost her something."): the price is part of the story."""
    from playbook.quality.stories import stock_pivots

    assert {ref: found for ref, text in _examples(book).items() if (found := stock_pivots(text))} == {}


def test_no_two_examples_share_a_figure(book):
    """Figures of 10 or more, and percentages, are each used by one example only: no recycled stories."""
    seen: dict[str, set[str]] = {}
    for ref, text in _examples(book).items():
        for n in re.findall(r"(?<![\w.:])(\d[\d,]*(?:\.\d+)?%?)(?!:\d)", " ".join(text.split())):  # not clock times
            if n.endswith("%") or int(n.replace(",", "").split(".")[0]) >= 10:
                seen.setdefault(n, set()).add(ref)
    assert {n: sorted(refs) for n, refs in seen.items() if len(refs) > 1} == {}


def test_reader_text_names_articles_not_source_numbers(book):
    banned = re.compile(r"\bsources? 00\d\b|\bour (stored |text )?copy\b|\bstored copy\b|\bsource articles\b", re.I)
    found = [r.ref for r in book.records.values() if r.kind.dir in READER_DATA and banned.search(r.path.read_text(encoding="utf-8"))]
    pages = [p for p in (ROOT / "docs").rglob("*.md") if not {"interview", "about"} & set(p.relative_to(ROOT / "docs").parts)]
    found += [str(p.relative_to(ROOT)) for p in pages if banned.search(p.read_text(encoding="utf-8"))]
    assert found == []


def test_every_inline_link_in_the_data_is_well_formed(book):
    """A `[[kind/id|text]]` split by line wrapping (say at a hyphen) is no link at all: it shows as raw brackets."""
    from playbook.contract.models import INLINE_REF
    from playbook.quality.paraphrase import prose_of

    broken = []
    for record in book.records.values():
        for text in prose_of(record.doc.model_dump()):
            if text.count("[[") != len(INLINE_REF.findall(text)):
                broken.append(f"{record.ref}: {text[:80]}")
    assert broken == []
