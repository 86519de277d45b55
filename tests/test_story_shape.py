"""The story-shape checks of playbook.quality.stories, on sentences written for these tests (none taken
from data/): a last sentence that states a lesson or a habit, and a short sentence that announces a cost
without saying what it was."""

from __future__ import annotations

import pytest

from playbook.quality.stories import closing_lesson, stock_pivots

LESSONS = [
    "He would now check the replica lag before any failover.",           # modal habit
    "From then on, the team will now freeze schema changes in December.",
    "She now pairs with the on-call engineer before every release.",     # "now" + present habit
    "These days he asks the database team before any index change.",
    "Next time she would send the draft to legal first.",
    "Her lesson: a queue without an owner is a queue nobody drains.",    # named lesson
    "What he learned was that the dashboard lied during failovers.",
    "Looking back, the rollout plan was the weak point.",
    "With hindsight, the vendor call should have come first.",
    "In retrospect the migration needed a second owner.",
    "The retrospective's verdict was that the pilot ran too short.",
    "A review that nobody reads is a review that never happened.",       # generic present-tense advice
    "An estimate without its risks is a promise someone else keeps.",
    "Every freeze needs an end date and a name beside it.",
    "Asking first costs less than apologising later.",
    "Numbers that shame a team win the vote and lose the team.",
    "Always tell the owner before you touch their config.",              # imperative advice
    "Agree the rollback plan before the cut-over, not during it.",
    "You cannot sponsor someone whose work you have never read.",       # second person
    "If your pager is quiet, ask why before you celebrate.",
    "Collaborating early would have saved the month they lost.",         # counterfactual hindsight
    "He should have called the vendor on the first day.",
    "She has run a pre-mortem before every launch ever since.",          # habit since
    "He has booked a rehearsal before every demo since, asked or not.",
    "Her load tests since run at twice the forecast, whatever the deadline.",
    "The rollback is fine, and she says so whenever anyone asks.",
    "She still thinks the freeze was the right call.",                   # a verdict in the narrator's voice
    "The phone call was the cheapest move of the whole migration.",
    "The episode shows the gap between advice and sponsorship.",
    "The fix was simple: write the owner's name beside every alert.",   # advice after a colon
    "His note to the VP said it best: estimates without ranges are guesses.",
    "The outage cost a night; he now pages the owner first.",           # a habit in the second clause
    "The runbook now says to drain traffic before any restart.",        # a standing rule, "now" + every/any
    "The reviewer now tags blocking comments first and rarely adds more.",
    "The vendor lead would call every customer by name before a price change.",
    "On his next project the risk register came before the plan.",
    "A deadline moved in the week it slips costs less than one moved at the end.",  # generic despite "week"
]

FACTS = [
    "The cluster was switched off on 14 March, two days before the contract ended.",
    "Both teams started the new schema the following Monday.",
    "Passkeys ship in week eleven and refunds in week fourteen.",
    "The dashboard now shows each team's error budget.",                 # a state, in the past frame of a story
    "She has not been paged for the service since.",
    "Nobody had asked the mobile team, and its launch moved to June.",
    "The fix held for nine months; then the vendor changed its API again.",
    "The third team never signed, and its reports still run on the old warehouse.",
    "Two weeks later the director read the page and chose the second option.",
    "The migration is still at 92 per cent, with the last four services unowned.",
    "He was promoted in the autumn cycle, a year later than his manager had hoped.",
    "The vote went against her, four to two.",
    "The review ended without a decision.",
    "The quote said: two engineers for two quarters.",
    "She asked what a second region would cost; nobody knew.",
    "A week later the director chose the cheaper option.",
    "The index was missing; adding it takes the plan to nine weeks.",   # a gerund subject, not an imperative
    "The next review found the same leak in a second service.",
]

PIVOTS = [
    "The change was not free.",
    "That had a price.",
    "It cost her something.",
    "The rewrite came at a cost.",
    "The hour had its price all the same.",
    "This was not cheap.",
    "The cost was real.",
    "There was a price, though.",
    "The decision carried a toll.",
    "It cost something all the same.",
]

NOT_PIVOTS = [
    "It cost a week.",
    "The delay cost the fraud team two sprints and a launch date.",
    "The cost was three engineers for a quarter.",
    "The vendor's price was £4,000 a month higher than the quote.",
    "Nobody paid for the extra cluster until March.",
    "The free tier ran out in the second week.",
    "Retries cost them nine minutes of scoring during the peak.",
    "She spent two days rebuilding the dashboards.",
    "She asked what switching would cost later: nobody had measured it.",
    'The slide read "Cost: two engineers" and nothing else.',
]


@pytest.mark.parametrize("sentence", LESSONS)
def test_lesson_and_habit_sentences_are_caught(sentence: str) -> None:
    assert closing_lesson(f"The service fell over. {sentence}"), sentence


@pytest.mark.parametrize("sentence", FACTS)
def test_facts_in_order_pass(sentence: str) -> None:
    assert not closing_lesson(f"The service fell over. {sentence}"), sentence


@pytest.mark.parametrize("sentence", PIVOTS)
def test_stock_cost_pivots_are_caught(sentence: str) -> None:
    assert stock_pivots(f"The team shipped on Friday. {sentence} The pager went off twice.") == [sentence], sentence


@pytest.mark.parametrize("sentence", NOT_PIVOTS)
def test_a_cost_that_says_what_it_was_is_no_pivot(sentence: str) -> None:
    assert stock_pivots(f"The team shipped on Friday. {sentence}") == [], sentence


def test_only_the_last_sentence_is_classified() -> None:
    assert not closing_lesson("Her lesson came late. The team shipped the fix on Tuesday.")
    assert closing_lesson("The team shipped the fix on Tuesday. Her lesson: ship on Mondays.")
