"""The copied-prose checks: a close paraphrase is caught, an independent text on the same topic is not,
and the checks fail loudly, never pass, when the source texts are missing."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from playbook.quality.bar import entry_prose, paraphrased, source_index, source_runs, source_texts
from playbook.quality.paraphrase import SourceIndex, content_words, lcs, paraphrases, sentences

from .conftest import ROOT, SOURCES

SOURCE = (
    "Budgets drive every architecture review we hold. When the platform group proposes a new queue, finance asks "
    "what the monthly cloud bill will become. Engineers rarely see those invoices, so they optimise for elegance "
    "instead of cost. A shared dashboard of spending per service changes the conversation within weeks. Teams that "
    "can see their own bill start trimming idle clusters without being told."
)
# The same sentences retold in order with light rewording: copying.
PARAPHRASE = (
    "Every architecture review we run is driven by budgets. If the platform team suggests a new queue, finance will ask "
    "what the cloud bill each month becomes. Since engineers seldom see the invoices, they optimise for elegance, not "
    "for cost. Showing a shared dashboard of spend per service shifts the conversation in a few weeks. Once teams can "
    "see their own bill, they trim idle clusters unprompted."
)
# The same topic (engineers, cost, dashboards) in our own outline and words: not copying.
INDEPENDENT = (
    "Put a price next to each design option. Our storage team added a column to every design document: the expected "
    "spend after a year. Two proposals were withdrawn by their own authors once the number was on the page. Nobody "
    "had to argue; the cost was simply visible. Keep the estimate rough and say how you got it."
)


def index() -> SourceIndex:
    return SourceIndex({"s.txt": SOURCE})


def test_a_sentence_by_sentence_paraphrase_is_caught():
    found = list(paraphrases([PARAPHRASE], index()))
    close = [f for f in found if f.message.startswith("close paraphrase")]
    order = [f for f in found if f.message.startswith("follows the order")]
    assert len(close) >= 3 and order, [f.message for f in found]
    assert all(f.source == "s.txt" for f in found)
    assert "“Engineers rarely see those invoices" in " ".join(f.message for f in close)  # the source sentence is shown


def test_an_independent_text_on_the_same_topic_is_not_caught():
    assert list(paraphrases([INDEPENDENT], index())) == []


def test_one_reworded_sentence_is_caught_and_one_shared_phrase_is_not():
    one = "Because engineers seldom see the invoices, they optimise for elegance and not for cost."
    assert [f.source for f in paraphrases([one], index())] == ["s.txt"]
    phrase = "Cloud bills surprise people; we review ours with finance."
    assert list(paraphrases([phrase], index())) == []


def test_quotations_and_names_are_not_paraphrase():
    quoted = "As the author puts it, “Engineers rarely see those invoices, so they optimise for elegance instead of cost.”"
    assert list(paraphrases([quoted], index())) == []
    assert content_words("Read Thinking, Fast and Slow by Daniel Kahneman") == ("read",)


def test_words_are_stemmed_and_order_counts():
    assert content_words("The trade-offs of migrating services") == content_words("tradeoffs of migrated service")
    assert lcs(("a", "b", "c", "d"), ("a", "c", "d", "x")) == 3
    assert lcs(("a", "b", "c"), ("c", "b", "a")) == 1
    assert sentences("One. Two!\n\n- three\n- four") == ["One.", "Two!", "- three", "- four"]


@pytest.mark.parametrize("make", ["missing", "empty", "blank"])
def test_missing_sources_are_an_error_not_a_pass(tmp_path, make):
    folder = tmp_path / "sources"
    if make != "missing":
        folder.mkdir()
    if make == "blank":
        (folder / "000.txt").write_text("  \n", encoding="utf-8")
    with pytest.raises(FileNotFoundError):
        source_texts(folder)
    with pytest.raises(FileNotFoundError):
        source_runs(folder)
    with pytest.raises(FileNotFoundError):
        source_index(folder)
    with pytest.raises(ValueError):
        SourceIndex({})


def test_playbook_quality_with_no_sources_is_an_error(tmp_path):
    done = subprocess.run([sys.executable, "-m", "playbook.cli", "--root", str(ROOT), "quality", "--sources", str(tmp_path)],
                          capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 2 and "no source text" in done.stderr, done.stderr


def test_the_source_texts_are_present():
    """The content tests compare against ../shared/sources: without them they must fail, not skip."""
    assert len(source_texts(SOURCES)) >= 5, SOURCES


def test_no_entry_retells_a_source(book):
    assert [str(f) for f in paraphrased(book, source_index(SOURCES))] == []


def test_the_whole_check_takes_seconds(book):
    start = time.perf_counter()
    index = source_index(SOURCES)
    for record in book.records.values():
        list(paraphrases(entry_prose(record), index))
    assert time.perf_counter() - start < 5


def test_hand_written_pages_retell_no_source():
    index = source_index(SOURCES)
    pages = sorted((ROOT / "docs").rglob("*.md"))
    found = [f"{p.relative_to(ROOT)}: {f.message}" for p in pages for f in paraphrases([p.read_text(encoding="utf-8")], index)]
    assert found == []


# Issue 21: what the first check missed. Both cases are built from the seed texts themselves.

# (a) One seed sentence (002, "Stage 1: Research") with its words swapped for synonyms and words inserted.
SYNONYM_SWAP = ("Should your investigation be too superficial, you face a real risk of a torrent of negative "
                "criticism once the proposal stage arrives.")
# (b) A seed section (000, "Priorities and Interdependencies") retold point by point in other sentences:
# no sentence is close on its own, but each makes the next point of the section, in its order.
RETOLD_SECTION = (
    "Projects that need several teams are a special kind of trouble in a big company. "
    "Engineers are tribal and think in us versus them, identifying with their own team more than the organisation. "
    "Distance in geography, time zone or culture makes this harder. "
    "Each team holds its own view of business priorities, and even clear OKRs get different interpretations and buy-in. "
    "Coupled systems create interdependencies, so your feature cannot ship until a significant number of teams make "
    "changes to their codebase. "
    "So every team agrees the projects are good ideas, assigns different priorities, waits on each other and launches nothing."
)
# Negative: the same topic in our own outline, and a sentence that only names the same things.
OWN_OUTLINE = (
    "Start from one team's planning meeting. Putting its own project first is the obvious, defensible choice, "
    "and the team next door makes the same choice. If each project needs a piece from the other team, both now "
    "wait, and both status pages say on track. Adding people does not help, because nobody is short of hands. "
    "What helps is a single order all the teams follow."
)


@pytest.fixture(scope="module")
def seeds() -> SourceIndex:
    return source_index(SOURCES)


def test_synonyms_compare_as_equal():
    from playbook.quality.paraphrase import canonical
    same = canonical(content_words("superficial investigation invites criticism"))
    assert canonical(content_words("shallow research invites objections")) == same
    assert canonical(content_words("the problem")) != canonical(content_words("the proposal"))


def test_a_seed_sentence_with_synonyms_swapped_is_caught(seeds):
    found = list(paraphrases([SYNONYM_SWAP], seeds))
    assert [f.source for f in found if f.message.startswith("close paraphrase")] == ["002_9773d214aeeacfd7.txt"], found


def test_a_seed_section_retold_point_by_point_is_caught(seeds):
    found = [f for f in paraphrases([RETOLD_SECTION], seeds) if "point by point" in f.message]
    assert found and found[0].source == "000_0017f4a9fb0461db.txt", [f.message for f in paraphrases([RETOLD_SECTION], seeds)]


def test_the_same_topic_in_our_own_outline_is_not_caught(seeds):
    assert list(paraphrases([OWN_OUTLINE], seeds)) == []
    assert list(paraphrases([INDEPENDENT], seeds)) == []


def test_point_by_point_needs_the_sources_order(seeds):
    """The same sentences in reverse order make the same points but do not follow the section."""
    from playbook.quality.paraphrase import sentences as split
    reversed_text = " ".join(reversed(split(RETOLD_SECTION)))
    assert not [f for f in paraphrases([reversed_text], seeds) if "point by point" in f.message]
