"""The living playbook with a real git history: a temporary repository whose commits have fixed dates (an entry added,
changed, renamed with an alias, one added then deleted, a typo fix that opts out of the news), built with MkDocs, and
checked as a reader and a feed reader get it: the dates on each page, the What's new page, the Atom feed (parsed with
feedparser), the New badge, and the Suggest a change / Report a problem links with a GitHub, a GitLab and no repository.

The unit tests below read the history itself: renames, deletions, a shallow clone, a file git does not track, a
folder outside any repository, and `review-due`.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import feedparser
import pytest

from playbook.cli import main as playbook_main
from playbook.index.history import months_before, parse_log, read_history
from playbook.pipeline import load_playbook
from playbook.problems import DataError

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "fixtures" / "mini"
NOW = dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.UTC)
"""The build's "now" (SOURCE_DATE_EPOCH): the six months of news start on 1 June 2026, "New" on 1 November 2026."""
SITE_URL = "https://playbook.example.org/team/"

THIRD = """# yaml-language-server: $schema=../schemas/tactic.schema.json
title: Third tactic
summary: A tactic added a week before the build, so it carries the New badge.
owner: Platform team
reviewed: {date: 2026-11-26, by: Dana Smith}
tags: [persuasion]
overview: Do the third thing.
when_to_use: [In tests.]
when_not_to_use: [Elsewhere.]
steps: [Step one.]
pitfalls: [Too much.]
example: A team does it.
"""


def git(project: Path, *args: str, when: str | None = None) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Ana", "GIT_AUTHOR_EMAIL": "ana@example.org", "GIT_COMMITTER_NAME": "Ana",
           "GIT_COMMITTER_EMAIL": "ana@example.org", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    if when:
        env |= {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    done = subprocess.run(["git", "-C", str(project), *args], env=env, capture_output=True, text=True, check=True)
    return done.stdout


def commit(project: Path, subject: str, when: str, body: str = "") -> None:
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", subject, *(["-m", body] if body else []), when=when)


def make_history(project: Path) -> None:
    """The mini playbook, committed over nine months (dates in UTC)."""
    data = project / "data"
    shutil.copytree(MINI / "data", data)
    second = (data / "tactics" / "second-tactic.yml").read_text(encoding="utf-8")
    (data / "tactics" / "second-tactic.yml").unlink()
    git(project, "init", "-q", "-b", "main")
    commit(project, "Start the playbook", "2026-03-02T10:00:00Z")
    (data / "tactics" / "draft-tactic.yml").write_text(second, encoding="utf-8")
    commit(project, "Add a tactic for stalled proposals", "2026-06-15T09:30:00Z")
    git(project, "mv", "data/tactics/draft-tactic.yml", "data/tactics/second-tactic.yml")
    renamed = data / "tactics" / "second-tactic.yml"
    renamed.write_text(renamed.read_text(encoding="utf-8") + "aliases: [draft-tactic]\n", encoding="utf-8")
    commit(project, "Rename the draft tactic, keeping its old address", "2026-09-20T16:00:00Z")
    (data / "tactics" / "scratch.yml").write_text(THIRD.replace("Third", "Scratch"), encoding="utf-8")
    commit(project, "Add a scratch tactic", "2026-10-05T08:00:00Z")
    (data / "tactics" / "scratch.yml").unlink()
    commit(project, "Remove the scratch tactic", "2026-10-06T08:00:00Z")
    model = data / "models" / "first-model.yml"
    model.write_text(model.read_text(encoding="utf-8").replace("overview: The idea.", "overview: The idea, sharpened."), encoding="utf-8")
    commit(project, "Sharpen the model's overview", "2026-11-03T11:00:00Z")
    tactic = data / "tactics" / "first-tactic.yml"
    tactic.write_text(tactic.read_text(encoding="utf-8").replace("Too much.", "Too much of it."), encoding="utf-8")
    commit(project, "Fix a typo", "2026-11-20T12:00:00Z", body="Playbook-News: skip")
    (data / "tactics" / "third-tactic.yml").write_text(THIRD, encoding="utf-8")
    commit(project, "Add a third tactic", "2026-11-25T15:45:00Z")


# ---- The history itself (unit) ------------------------------------------------------------------------------


@pytest.fixture
def history_repo(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    project.mkdir()
    make_history(project)
    return project


def test_one_pass_follows_renames_and_forgets_deleted_files(history_repo: Path):
    history = read_history(history_repo, now=NOW)
    second = history.of_file("data/tactics/second-tactic.yml")
    assert [c.subject for c in second] == ["Rename the draft tactic, keeping its old address", "Add a tactic for stalled proposals"]
    assert history.added("data/tactics/second-tactic.yml") == dt.datetime(2026, 6, 15, 9, 30, tzinfo=dt.UTC)
    assert history.updated("data/tactics/second-tactic.yml") == dt.datetime(2026, 9, 20, 16, 0, tzinfo=dt.UTC)
    assert history.of_file("data/tactics/draft-tactic.yml") == () and history.of_file("data/tactics/scratch.yml") == ()
    typo = history.of_file("data/tactics/first-tactic.yml")[0]
    assert typo.subject == "Fix a typo" and not typo.news  # the trailer keeps it out of the news, not out of "Updated"
    assert history.updated("data/tactics/first-tactic.yml") == dt.datetime(2026, 11, 20, 12, 0, tzinfo=dt.UTC)


def test_a_file_git_does_not_track_and_a_folder_outside_git_have_no_date(history_repo: Path, tmp_path: Path):
    (history_repo / "data" / "tactics" / "untracked.yml").write_text(THIRD, encoding="utf-8")
    assert read_history(history_repo, now=NOW).updated("data/tactics/untracked.yml") is None
    bare = tmp_path / "no-git"
    shutil.copytree(MINI, bare)
    history = read_history(bare, now=NOW)
    assert history.changes == () and history.updated("data/tactics/first-tactic.yml") is None


def test_a_shallow_clone_dates_only_what_its_commits_show(history_repo: Path, tmp_path: Path):
    """A clone of depth 2 holds the last two commits; its oldest one shows every file as added on its day, which is
    not when they were added: those files get no date, the third tactic (changed in the newer commit) gets its own."""
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "2", f"file://{history_repo}", str(clone)], check=True, capture_output=True)
    history = read_history(clone, now=NOW)
    assert history.updated("data/tactics/third-tactic.yml") == dt.datetime(2026, 11, 25, 15, 45, tzinfo=dt.UTC)
    assert history.updated("data/models/first-model.yml") is None
    assert history.updated("data/tactics/first-tactic.yml") is None


def test_the_project_may_sit_in_a_subfolder_of_its_repository(tmp_path: Path):
    repo = tmp_path / "repo"
    (repo / "handbook").mkdir(parents=True)
    shutil.copytree(MINI / "data", repo / "handbook" / "data")
    git(repo, "init", "-q", "-b", "main")
    commit(repo, "Start", "2026-05-01T10:00:00Z")
    history = read_history(repo / "handbook", now=NOW)
    assert history.updated("data/tactics/first-tactic.yml") == dt.datetime(2026, 5, 1, 10, 0, tzinfo=dt.UTC)


def test_parse_log_reads_renames_copies_and_a_re_added_path():
    log = ("\x1ec3\x1fc2\x1f2026-11-01T00:00:00+00:00\x1fRe-add\x1f\0\nA\0data/a.yml\0"
           "\x1ec2\x1fc1\x1f2026-10-01T00:00:00+00:00\x1fRename\x1f\0\nR100\0data/a.yml\0data/b.yml\0"
           "\x1ec1\x1f\x1f2026-09-01T00:00:00+00:00\x1fStart\x1fskip\0\nA\0data/a.yml\0")
    changes = list(parse_log(log))
    assert [(c.path, c.subject, c.added, c.news) for c in changes] == [
        ("data/a.yml", "Re-add", True, True), ("data/b.yml", "Rename", False, True), ("data/b.yml", "Start", True, False)]


def test_a_subject_keeps_only_text():
    log = "\x1ec1\x1f\x1f2026-09-01T00:00:00+00:00\x1fFix \x01the\u202e list\x7f\x1f\0\nM\0data/a.yml\0"
    assert [c.subject for c in parse_log(log)] == ["Fix the list"]


def test_months_before_keeps_the_day_or_takes_the_last_of_a_short_month():
    assert months_before(dt.datetime(2026, 12, 1, tzinfo=dt.UTC), 6) == dt.datetime(2026, 6, 1, tzinfo=dt.UTC)
    assert months_before(dt.datetime(2026, 8, 31, tzinfo=dt.UTC), 6) == dt.datetime(2026, 2, 28, tzinfo=dt.UTC)
    assert months_before(dt.datetime(2026, 3, 15, tzinfo=dt.UTC), 12) == dt.datetime(2025, 3, 15, tzinfo=dt.UTC)


# ---- owner and reviewed (contract) ---------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "message"), [
    ("{date: 2099-01-01, by: Ana}", "2099-01-01 is in the future"),
    ("{date: 01/02/2026, by: Ana}", "'01/02/2026' is not a date written YYYY-MM-DD"),
    ("{date: 2026-02-30, by: Ana}", "day is out of range for month"),  # YAML reads the date
    ("{date: '2026-02-30', by: Ana}", "'2026-02-30' is not a date of the calendar"),
    ("{date: 2026-02-01}", "reviewed.by: required field is missing"),
])
def test_a_bad_review_is_an_error_with_its_line(tmp_path: Path, value: str, message: str):
    project = tmp_path / "mini"
    shutil.copytree(MINI, project)
    path = project / "data" / "tactics" / "first-tactic.yml"
    lines = path.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("summary:")) + 1
    lines.insert(at, f"reviewed: {value}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_playbook(project)
    text = str(err.value)
    assert f"data/tactics/first-tactic.yml:{at + 1}: reviewed" in text and message in text, text
    assert "Traceback" not in text


def test_review_due_lists_the_oldest_first_and_exits_non_zero(history_repo: Path, capsys: pytest.CaptureFixture[str],
                                                              monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(NOW.timestamp())))
    model = history_repo / "data" / "models" / "first-model.yml"
    lines = model.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("summary:")) + 1
    lines[at:at] = ["owner: Platform team", "reviewed: {date: 2025-06-01, by: Ben Ode}"]
    model.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert playbook_main(["--root", str(history_repo), "review-due"]) == 1
    out = capsys.readouterr()
    listed = out.out.splitlines()
    assert listed, out.err
    # never reviewed first (by last update, oldest first), then the review of June 2025; the third tactic's is recent
    assert [line.split(":")[0] for line in listed] == [
        "data/sources/a-book.yml", "data/tactics/second-tactic.yml", "data/tactics/first-tactic.yml", "data/models/first-model.yml"]
    assert listed[-1] == ("data/models/first-model.yml: reviewed 2025-06-01 by Ben Ode; owner: Platform team; "
                          "updated 2026-11-03")
    assert "4 entries due for review" in out.err
    assert playbook_main(["--root", str(history_repo), "review-due", "--owner", "platform TEAM"]) == 1
    assert [line.split(":")[0] for line in capsys.readouterr().out.splitlines()] == ["data/models/first-model.yml"]
    assert playbook_main(["--root", str(history_repo), "review-due", "--owner", "platform team", "--months", "24"]) == 0
    assert "no entry owned by platform team is due" in capsys.readouterr().err


# ---- The built site (build tier) -----------------------------------------------------------------------------

CONFIG = """site_name: Test playbook
site_url: {site_url}
docs_dir: docs
theme:
  name: material
  custom_dir: overrides
  font: false
plugins:
  - playbook
  - macros:
      module_name: macros
      render_by_default: false
      on_undefined: strict
extra_css: [assets/playbook.css, assets/print.css, assets/reader.css, assets/search.css]
extra_javascript: [assets/core.js, assets/playbook.js, assets/search-box.js]
"""
REPOS = {
    "none": "",
    "github": "repo_url: https://github.com/acme/playbook\nedit_uri: edit/main/docs/\n",
    "gitlab": "repo_url: https://gitlab.example.org/acme/playbook\nedit_uri: -/edit/main/docs/\n",
}


def build_living(project: Path, repo: str, out: Path, site_url: str = SITE_URL) -> Path:
    """`mkdocs build --strict` of the project with a GitHub, a GitLab or no repository, at the build time NOW."""
    (project / "mkdocs.yml").write_text(CONFIG.format(site_url=site_url) + REPOS[repo], encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": str(int(NOW.timestamp()))}
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)], cwd=project, env=env,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    return out


def make_living_project(project: Path) -> Path:
    """A MkDocs project of the mini playbook with its history, the site's overrides, assets and two pages."""
    project.mkdir()
    for part in ("overrides", "macros"):
        shutil.copytree(ROOT / part, project / part, ignore=shutil.ignore_patterns("__pycache__"))
    (project / "docs").mkdir()
    (project / "docs" / "index.md").write_text("# Test playbook\n\nThe home page.\n", encoding="utf-8")
    for page in ("whats-new.md", "owners.md"):
        shutil.copy(ROOT / "docs" / page, project / "docs" / page)
    shutil.copytree(ROOT / "docs" / "assets", project / "docs" / "assets")
    make_history(project)
    return project


@pytest.fixture(scope="module")
def living_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_living_project(tmp_path_factory.mktemp("living") / "project")


@pytest.fixture(scope="module")
def sites(living_project: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("living-sites")
    return {repo: build_living(living_project, repo, out / repo) for repo in REPOS}


def _page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def _article(html: str) -> str:
    return re.search(r"<article\b.*?</article>", html, re.S).group(0)  # type: ignore[union-attr]


@pytest.mark.build
def test_each_entry_shows_when_it_was_updated_and_reviewed_and_who_keeps_it(sites: dict[str, Path]):
    site = sites["none"]
    model = _page(site, "models/first-model")
    assert 'Updated <time datetime="2026-11-03">3 November 2026</time>' in model
    second = _page(site, "tactics/second-tactic")
    assert 'Updated <time datetime="2026-09-20">20 September 2026</time>' in second  # the rename, its last change
    typo = _page(site, "tactics/first-tactic")
    assert 'Updated <time datetime="2026-11-20">20 November 2026</time>' in typo  # a skipped change still updates
    third = _page(site, "tactics/third-tactic")
    assert 'Reviewed <time datetime="2026-11-26">26 November 2026</time> by Dana Smith' in third
    assert 'Kept by <a href="../../owners/#platform-team">Platform team</a>' in third
    assert "data-pb-new" in third and 'Added <time datetime="2026-11-25">25 November 2026</time>' in third
    assert "data-pb-new" not in second
    owners = _article(_page(site, "owners"))
    assert '<h2 id="platform-team">Platform team' in owners and '<a href="../tactics/third-tactic/">Third tactic</a>' in owners
    export = json.loads((site / "api" / "playbook.json").read_text(encoding="utf-8"))
    assert {e["id"]: e["owner"] for e in export["entries"]}["third-tactic"] == "Platform team"
    assert {e["id"]: e["owner"] for e in export["entries"]}["first-tactic"] is None


@pytest.mark.build
def test_the_new_badge_marks_entries_added_in_the_last_30_days(sites: dict[str, Path]):
    site = sites["none"]
    cards = _article(_page(site, "tactics"))
    badged = re.findall(r'class="pb-card__title" href="([^"]+)">[^<]*</a>( <span class="pb-new">New</span>)?', cards)
    assert dict(badged) == {"first-tactic/": "", "second-tactic/": "", "third-tactic/": ' <span class="pb-new">New</span>'}
    docs = json.loads((site / "search" / "index.json").read_text(encoding="utf-8"))["docs"]
    assert sorted(d["url"] for d in docs if d.get("new")) == ["tactics/third-tactic/"]


@pytest.mark.build
def test_whats_new_lists_six_months_by_month_with_the_commit_subject(sites: dict[str, Path]):
    article = _article(_page(sites["none"], "whats-new"))
    months = re.findall(r'<h2 id="([\d-]+)">([^<]+)', article)
    assert months == [("2026-11", "November 2026"), ("2026-09", "September 2026"), ("2026-06", "June 2026")]
    lis = re.findall(r'<li class="pb-news__item">(.*?)</li>', article, re.S)
    items = [" ".join(html.unescape(re.sub(r"<[^>]+>", " ", li)).split()) for li in lis]
    assert items == [
        "New Third tactic Tactic , 25 November 2026 : Add a third tactic",
        "Updated First model Mental model , 3 November 2026 : Sharpen the model's overview",
        "Updated Second tactic Tactic , 20 September 2026 : Rename the draft tactic, keeping its old address",
        "New Second tactic Tactic , 15 June 2026 : Add a tactic for stalled proposals",
    ]
    assert "Fix a typo" not in article and "scratch" not in article.lower() and "Start the playbook" not in article


@pytest.mark.build
def test_the_feed_parses_and_links_to_the_changed_entries_absolutely(sites: dict[str, Path]):
    site = sites["none"]
    feed = feedparser.parse((site / "feed.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    assert feed.feed.title == "Test playbook: what's new"
    assert feed.feed.id == SITE_URL + "feed.xml"
    assert [(e.title, e.link, e.updated_parsed[:3]) for e in feed.entries] == [
        ("New: Third tactic", SITE_URL + "tactics/third-tactic/", (2026, 11, 25)),
        ("Updated: First model", SITE_URL + "models/first-model/", (2026, 11, 3)),
        ("Updated: Second tactic", SITE_URL + "tactics/second-tactic/", (2026, 9, 20)),
        ("New: Second tactic", SITE_URL + "tactics/second-tactic/", (2026, 6, 15)),
    ]
    assert len({e.id for e in feed.entries}) == 4
    assert feed.entries[0].summary.startswith("Add a third tactic. A tactic added a week before the build")
    for entry in feed.entries:  # every link names a page of the built site
        assert (site / entry.link.removeprefix(SITE_URL) / "index.html").is_file(), entry.link
    link = re.compile(r'<link rel="alternate" type="application/atom\+xml" title="Test playbook: what\'s new" href="[./]*feed\.xml">')
    for page in (site / "index.html", site / "tactics/second-tactic/index.html", site / "owners/index.html"):
        assert link.search(page.read_text(encoding="utf-8").split("</head>")[0]), page  # every page names the feed


@pytest.mark.build
def test_without_a_repository_no_page_has_a_suggestion_control(sites: dict[str, Path]):
    site = sites["none"]
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "pb-suggest" not in text and "Suggest a change" not in text and "Report a problem" not in text, page


def _links(html: str) -> dict[str, str]:
    return dict(re.findall(r'<a class="pb-suggest__(edit|report)" href="([^"]+)"', html))


@pytest.mark.build
def test_with_github_each_entry_edits_its_data_file_and_reports_a_prefilled_issue(sites: dict[str, Path]):
    site = sites["github"]
    links = _links(_page(site, "tactics/second-tactic"))
    assert links["edit"] == "https://github.com/acme/playbook/edit/main/data/tactics/second-tactic.yml"
    report = urlsplit(links["report"].replace("&amp;", "&"))
    assert (report.netloc, report.path) == ("github.com", "/acme/playbook/issues/new")
    query = parse_qs(report.query)
    assert query["title"] == ["Problem on “Second tactic”"]
    body = query["body"][0]
    assert "Page: Second tactic" in body and f"Address: {SITE_URL}tactics/second-tactic/" in body and "Section: " in body
    hand = _links(_page(site, "owners"))  # a hand-written page edits its Markdown source
    assert hand["edit"] == "https://github.com/acme/playbook/edit/main/docs/owners.md"
    assert "pb-suggest__edit" not in _page(site, "tactics")  # an index page has no file of its own to edit
    assert "data-md-component=\"source\"" not in _page(site, "owners")  # no request to the host for stars and forks


@pytest.mark.build
def test_with_gitlab_the_links_follow_gitlab_addresses(sites: dict[str, Path]):
    links = _links(_page(sites["gitlab"], "models/first-model"))
    assert links["edit"] == "https://gitlab.example.org/acme/playbook/-/edit/main/data/models/first-model.yml"
    report = urlsplit(links["report"].replace("&amp;", "&"))
    assert report.path == "/acme/playbook/-/issues/new"
    query = parse_qs(report.query)
    assert query["issue[title]"] == ["Problem on “First model”"]
    assert f"Address: {SITE_URL}models/first-model/" in query["issue[description]"][0]


@pytest.mark.build
def test_a_checkout_without_history_shows_no_date_and_an_empty_valid_feed(living_project: Path, tmp_path: Path):
    bare = tmp_path / "bare"
    shutil.copytree(living_project, bare, ignore=shutil.ignore_patterns(".git", "site"))
    site = build_living(bare, "none", tmp_path / "site")
    assert "pb-fresh__updated" not in _page(site, "models/first-model")
    assert "Reviewed <time" in _page(site, "tactics/third-tactic")  # what the data says still shows
    assert "built without the repository's history" in _page(site, "whats-new")
    feed = feedparser.parse((site / "feed.xml").read_bytes())
    assert not feed.bozo and feed.entries == []


# ---- Deploying (the pipeline files) ---------------------------------------------------------------------------


def _readme_test_command() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.search(r"^(python3 scripts/dev\.py test)\b", readme, re.M).group(1)  # type: ignore[union-attr]


def test_the_gitlab_pipeline_tests_publishes_site_and_checks_reviews_on_a_schedule():
    import yaml

    ci = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    assert ci["variables"]["GIT_DEPTH"] == "0"  # a shallow clone would date nothing
    assert ci["test"]["script"] == [_readme_test_command()]
    pages = ci["pages"]
    assert pages["script"][0].startswith("python3 scripts/dev.py build --site-url ") and "mv site public" in pages["script"][1]
    assert pages["artifacts"]["paths"] == ["public"]
    assert ci["review-due"]["script"] == ["python3 scripts/dev.py review-due"]
    assert ci["review-due"]["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "schedule"'}]
    assert all(rule["if"].startswith('$CI_PIPELINE_SOURCE != "schedule"') for job in ("test", "pages") for rule in ci[job]["rules"])


def test_the_github_workflow_tests_publishes_site_and_checks_reviews_on_a_schedule():
    import yaml

    flow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    triggers = flow[True]  # YAML 1.1 reads the key `on` as true
    assert triggers["schedule"] and "push" in triggers
    jobs = flow["jobs"]

    def runs(job: str) -> list[str]:
        return [step["run"] for step in jobs[job]["steps"] if "run" in step]

    def checkout(job: str) -> dict[str, object]:
        return next(step for step in jobs[job]["steps"] if str(step.get("uses", "")).startswith("actions/checkout"))

    assert _readme_test_command() in runs("test")
    assert any(r.startswith("python3 scripts/dev.py build --site-url ") for r in runs("deploy"))
    upload = next(step for step in jobs["deploy"]["steps"] if str(step.get("uses", "")).startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == "site" and jobs["deploy"]["needs"] == "test"
    assert "python3 scripts/dev.py review-due" in runs("review-due") and "schedule" in jobs["review-due"]["if"]
    assert all(checkout(job)["with"]["fetch-depth"] == 0 for job in ("test", "deploy", "review-due"))


def test_dev_build_refuses_a_missing_address():
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "dev.py"), "build"], capture_output=True, text=True,
                          env={k: v for k, v in os.environ.items() if k != "PLAYBOOK_SITE_URL"})
    assert done.returncode == 2 and "--site-url" in done.stderr


def test_a_commit_of_many_entries_is_one_line_and_the_feed_keeps_the_latest_fifty():
    from playbook.index.history import Change, History
    from playbook.render.feed import render_feed
    from playbook.render.jinja import Templates
    from playbook.render.living import FEED_ITEMS, Living

    book = load_playbook(MINI)
    files = [f"data/{r.kind.dir}/{r.id}.yml" for r in book.records.values()]
    bulk = [Change(f, "b" * 40, dt.datetime(2026, 11, 10, tzinfo=dt.UTC), "Reword every summary", False, True) for f in files]
    small = [Change(files[0], f"{i:040d}", dt.datetime(2026, 11, 9, tzinfo=dt.UTC) - dt.timedelta(hours=i), f"Edit {i}", False, True)
             for i in range(60)]
    living = Living(History.of(bulk + small, "head", NOW), book)
    [november] = living.by_month(living.news(book.records.values()))
    assert november.commits[0].folded and len(november.commits[0].items) == len(files) > 3
    assert not november.commits[1].folded and november.commits[1].subject == "Edit 0"
    templates = Templates()
    templates.living = living
    feed = feedparser.parse(render_feed(book, templates, SITE_URL, "Test").encode())
    assert not feed.bozo and len(feed.entries) == FEED_ITEMS == 50
    assert feed.entries[0].summary.startswith("Reword every summary.")
    assert feed.entries[-1].summary.startswith(f"Edit {FEED_ITEMS - len(files) - 1}.")


def test_a_new_commit_shows_on_the_next_build_of_a_long_lived_process(history_repo: Path, monkeypatch: pytest.MonkeyPatch):
    """`mkdocs serve` keeps rendered pages between builds (a Memo): a commit changes what the history answers, so the
    pages whose view asked for a date are rendered again, with the new date."""
    from playbook.pipeline import Memo, run

    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(NOW.timestamp())))
    memo = Memo()
    before = run(history_repo, history_repo / "docs", memo).pages["tactics/second-tactic.md"].html
    assert 'Updated <time datetime="2026-09-20">' in before
    kept = memo.templates.living.history
    assert read_history(history_repo, last=kept).changes is kept.changes  # HEAD has not moved: no second `git log`
    path = history_repo / "data" / "tactics" / "second-tactic.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("Step one.", "Step one, first."), encoding="utf-8")
    commit(history_repo, "Clarify the first step", "2026-11-28T10:00:00Z")
    after = run(history_repo, history_repo / "docs", memo).pages["tactics/second-tactic.md"].html
    assert 'Updated <time datetime="2026-11-28">28 November 2026</time>' in after
