"""The copied-prose checks: a close paraphrase is caught, an independent text on the same topic is not,
and the checks fail loudly, never pass, when the source texts are missing.

The checks of the playbook run from the committed fingerprints of the source texts (tests/fingerprints/sources.json,
playbook/quality/fingerprint.py), never from the texts: the texts are not part of the repository. One test compares
the fingerprints with the texts, and is skipped, saying why, only where the texts are absent ($PLAYBOOK_SOURCES, else
the nearest shared/sources)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from playbook.quality.bar import (
    committed_fingerprints,
    copied,
    entry_prose,
    paraphrased,
    source_fingerprints,
    source_index,
    source_runs,
    source_texts,
)
from playbook.quality.fingerprint import FINGERPRINTS, read_fingerprints
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
    return SourceIndex.of_texts({"s.txt": SOURCE})


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
        SourceIndex.of_texts({})


def test_playbook_quality_with_no_sources_is_an_error(tmp_path):
    done = subprocess.run([sys.executable, "-m", "playbook.cli", "--root", str(ROOT), "quality", "--sources", str(tmp_path)],
                          capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 2 and "no source text" in done.stderr, done.stderr


@pytest.fixture(scope="module")
def fingerprints():
    """The committed fingerprints of the source texts: what every check of the playbook compares with."""
    return committed_fingerprints(ROOT)


def test_the_fingerprints_cover_five_sources_and_hold_only_hashes(fingerprints):
    assert len(set(fingerprints.runs.values())) >= 5 and len({s.source for s in fingerprints.sentences}) >= 5
    assert len(fingerprints.runs) > 5000 and len(fingerprints.sentences) > 300
    assert all(re.fullmatch(r"[0-9a-f]{16}", h) for h in fingerprints.runs)
    assert all(s.text == "" and all(re.fullmatch(r"[0-9a-f]{8}", w) for w in s.words) for s in fingerprints.sentences)


@pytest.mark.parametrize("damage", ["missing", "other format", "no sources"])
def test_missing_or_foreign_fingerprints_are_an_error_not_a_pass(tmp_path, damage):
    path = tmp_path / "sources.json"
    if damage == "other format":
        path.write_text(json.dumps({"format": 0, "run": 12, "sources": {"a.txt": {"runs": ["00"], "sentences": []}}}))
    if damage == "no sources":
        path.write_text(json.dumps({"format": 1, "run": 12, "sources": {}}))
    with pytest.raises(FileNotFoundError if damage == "missing" else ValueError):
        read_fingerprints(path)


def test_the_fingerprints_are_those_of_the_texts_and_find_the_same(book):
    """With the source texts at hand: the committed fingerprints are exactly theirs, and the checks find the same
    runs and paraphrases in the planted texts, the playbook and the hand-written pages either way."""
    try:
        texts = source_fingerprints(SOURCES)
    except FileNotFoundError as err:
        pytest.skip(f"the source texts are not here ({err}); set PLAYBOOK_SOURCES to compare them with {FINGERPRINTS}")
    committed = committed_fingerprints(ROOT)
    assert texts.to_json() == (ROOT / FINGERPRINTS).read_text(encoding="utf-8"), \
        f"stale fingerprints: run `playbook quality --fingerprint {SOURCES}`"
    parts = [[COPIED], [SYNONYM_SWAP], [RETOLD_SECTION], [OWN_OUTLINE], [PARAPHRASE]]
    parts += [entry_prose(r) for r in book.records.values()]
    parts += [[p.read_text(encoding="utf-8")] for p in sorted((ROOT / "docs").rglob("*.md"))]
    with_texts, from_fingerprints = texts.index(), committed.index()
    for part in parts:
        assert [(f.source, f.pairs) for f in paraphrases(part, with_texts)] == \
               [(f.source, f.pairs) for f in paraphrases(part, from_fingerprints)], part
        assert copied(" ".join(part), texts.runs) == copied(" ".join(part), committed.runs), part


# A planted copy: one sentence of the seed text 002 ("Stage 1: Research"), quoted here to prove the check.
COPIED = "In order for any technical project to be successful, it has to be researched up-front."


def test_a_planted_copied_sentence_and_close_paraphrase_are_caught_from_the_fingerprints_alone(fingerprints):
    assert all(not s.text for s in fingerprints.sentences)  # no source text: hashes only
    run = copied(f"As we said: {COPIED}", fingerprints.runs)
    assert [name for _, name in run] == ["002_9773d214aeeacfd7.txt"] * 5, run  # its 16 words hold five 12-word runs
    found = [f for f in paraphrases([SYNONYM_SWAP], fingerprints.index()) if f.message.startswith("close paraphrase")]
    assert [f.source for f in found] == ["002_9773d214aeeacfd7.txt"], found
    assert "sentence " in found[0].message  # the source sentence named by its number: its text is not known


def test_playbook_quality_reads_the_committed_fingerprints(tmp_path):
    """The command needs no source text: the committed fingerprints are its default."""
    done = subprocess.run([sys.executable, "-m", "playbook.cli", "--root", str(ROOT), "quality"],
                          capture_output=True, text=True, cwd=ROOT, env={**os.environ, "PLAYBOOK_SOURCES": str(tmp_path)})
    assert "error" not in done.stderr and "finding(s) in" in done.stderr, done.stderr


def test_no_entry_retells_a_source(book, fingerprints):
    assert [str(f) for f in paraphrased(book, fingerprints.index())] == []


def test_hand_written_pages_retell_no_source(fingerprints):
    index = fingerprints.index()
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
def seeds(fingerprints) -> SourceIndex:
    return fingerprints.index()


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
