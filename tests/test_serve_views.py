"""Serve is right by construction: random sequences of edits under `mkdocs serve --dirty` (titles, summaries, tags,
references, path steps, vocabularies, synonyms, entries added, deleted and renamed with an alias, a hand-written
page's title), and after each one
every page the served folder holds equals the page of a clean full build, byte for byte, with the search index and
its body text, the JSON export, the sitemap and the feed (its own <updated> aside while it has no entry: the clock);
a deleted entry's page is gone. The default seeds 1, 2 and 3 make every kind of edit (`kinds_of_edit`).

The served side runs in its own process (tests/served.py) as MkDocs' serve runs its rebuilds; the clean side is
`mkdocs build` of the same files. A failure names the seed and the edits: `PLAYBOOK_SERVE_SEEDS=7,8` replays them.
"""

from __future__ import annotations

import os
import random
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from scripts.project_copy import copy_project

pytestmark = pytest.mark.build

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PLAYBOOK_SITE_URL": "http://127.0.0.1:8000/"}
SEEDS = [int(s) for s in os.environ.get("PLAYBOOK_SERVE_SEEDS", "1,2,3").split(",")]
STEPS = int(os.environ.get("PLAYBOOK_SERVE_STEPS", "6"))
COMPARED = ("*.html", "search/index.json", "search/body.json", "api/playbook.json", "sitemap.xml", "feed.xml")
FEED_UPDATED = re.compile(rb"(<feed\b.*?<updated>)[^<]*(</updated>)", re.S)
"""The feed's own <updated>: with no entry in the history it is the build's clock, different in any two builds."""


class Served:
    """The served side: tests/served.py in a process of its own."""

    def __init__(self, project: Path, site: Path) -> None:
        self.process = subprocess.Popen([sys.executable, "-m", "tests.served", str(project), str(site)], cwd=ROOT, env=ENV,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)

    def build(self) -> str:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write("build\n")
        self.process.stdin.flush()
        return self.process.stdout.readline().strip()

    def close(self) -> None:
        if self.process.stdin:
            self.process.stdin.close()
        self.process.wait(timeout=60)


def clean_build(project: Path, out: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-d", str(out)], cwd=project,
                          env=ENV, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-3000:]


def site_files(site: Path) -> dict[str, bytes]:
    files = {p.relative_to(site).as_posix(): p.read_bytes() for pattern in COMPARED for p in site.rglob(pattern)}
    if "feed.xml" in files and b"<entry>" not in files["feed.xml"]:
        files["feed.xml"] = FEED_UPDATED.sub(rb"\1(the clock)\2", files["feed.xml"], count=1)
    return files


# ---- The edits: each changes the data as an author would, and keeps it valid -------------------------------------


class Data:
    def __init__(self, project: Path, rng: random.Random) -> None:
        self.dir = project / "data"
        self.rng = rng
        self.count = 0

    def entries(self, kind: str = "*") -> list[Path]:
        return sorted(p for p in self.dir.glob(f"{kind}/*.yml"))

    def pick(self, kind: str = "*") -> Path:
        return self.rng.choice([p for p in self.entries(kind) if p.parent.name != "schemas"])

    def ref(self, path: Path) -> str:
        return f"{path.parent.name}/{path.stem}"

    def load(self, path: Path) -> dict:
        return yaml.safe_load(path.read_text(encoding="utf-8"))

    def save(self, path: Path, doc: dict, like: Path | None = None) -> None:
        """Write `doc` with the schema line of the file (or of `like`) the entry has."""
        first = (like or path).read_text(encoding="utf-8").split("\n", 1)[0] if (like or path).exists() else ""
        head = first + "\n" if first.startswith("# yaml-language-server") else ""
        path.write_text(head + yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")

    def mentions(self, ref: str) -> list[Path]:
        pattern = re.compile(rf"(?<![\w/-]){re.escape(ref)}(?![\w-])")
        return [p for p in self.entries() if p.parent.name != "schemas" and pattern.search(p.read_text(encoding="utf-8"))
                and self.ref(p) != ref]

    def new_word(self) -> str:
        self.count += 1
        return f"Zq{self.count}x{self.rng.randrange(1000)}"

    # each returns what it did, for the failure message

    def _field(self, name: str, change: Callable[[str], str]) -> str:
        """One text field of a random entry changed as `change` says."""
        path = self.pick()
        doc = self.load(path)
        doc[name] = change(doc[name])
        self.save(path, doc)
        return f"{name} of {self.ref(path)}"

    def title(self) -> str:
        return self._field("title", lambda text: f"{text} {self.new_word()}")

    def summary(self) -> str:
        return self._field("summary", lambda text: f"{text.rstrip('.')} ({self.new_word()}).")

    def tags(self) -> str:
        path = self.pick("tactics")
        doc = self.load(path)
        all_tags = sorted(self.load(self.dir / "tags.yml"))
        doc["tags"] = sorted(self.rng.sample(all_tags, k=min(2, len(all_tags))))
        self.save(path, doc)
        return f"tags of {self.ref(path)}"

    def reference(self) -> str:
        path, target = self.pick("situations"), self.pick("tactics")
        doc = self.load(path)
        links = [link for link in doc.get("related", []) if link["to"] != self.ref(target)]
        if len(links) == len(doc.get("related", [])):
            links.append({"rel": "see-also", "to": self.ref(target)})
        doc["related"] = links
        self.save(path, doc)
        return f"reference {self.ref(path)} -> {self.ref(target)}"

    def path_step(self) -> str:
        path = self.pick("paths")
        doc = self.load(path)
        taken = {step["to"] for step in doc["steps"]}
        target = self.rng.choice([p for p in self.entries("tactics") if self.ref(p) not in taken])
        doc["steps"][self.rng.randrange(len(doc["steps"]))]["to"] = self.ref(target)
        self.save(path, doc)
        return f"a step of {self.ref(path)} -> {self.ref(target)}"

    def vocabulary(self) -> str:
        name = self.rng.choice(["tags", "competencies"])
        path = self.dir / f"{name}.yml"
        doc = self.load(path)
        term = self.rng.choice(sorted(doc))
        doc[term]["title"] = f"{doc[term]['title']} {self.new_word()}"
        self.save(path, doc)
        return f"{name}: title of {term}"

    def synonyms(self) -> str:
        path = self.dir / "synonyms.yml"
        doc = self.load(path) if path.exists() else {}
        doc.setdefault("synonyms", []).append({"reader": [self.new_word().lower()], "site": ["stakeholder"]})
        self.save(path, doc)
        return "synonyms: a rule added"

    def add(self) -> str:
        source = self.pick("tactics")
        new = source.with_name(f"added-{self.count + 1}-{source.stem}"[:60] + ".yml")
        doc = self.load(source)
        doc["title"] = f"Added {self.new_word()}"
        doc["aliases"] = []
        self.save(new, doc, like=source)
        return f"added {self.ref(new)}"

    def delete(self) -> str:
        free = [p for p in self.entries() if p.parent.name in ("tactics", "situations", "models") and not self.mentions(self.ref(p))]
        path = self.rng.choice(free)
        path.unlink()
        return f"deleted {self.ref(path)}"

    def hand_written_title(self) -> str:
        """A hand-written page's title: it shows in other pages' navigation and footers."""
        pages = sorted(p for p in (self.dir.parent / "docs").rglob("*.md") if re.search(r"^# ", p.read_text(encoding="utf-8"), re.M))
        page = self.rng.choice(pages)
        page.write_text(re.sub(r"^# (.*)$", lambda m: f"# {m.group(1)} {self.new_word()}", page.read_text(encoding="utf-8"),
                               count=1, flags=re.M), encoding="utf-8")
        return f"title of docs/{page.relative_to(self.dir.parent / 'docs')}"

    def rename(self) -> str:
        path = self.pick("tactics")
        old, new_id = self.ref(path), f"renamed-{self.count + 1}-{path.stem}"[:60]
        doc = self.load(path)
        doc["aliases"] = [*doc.get("aliases", []), path.stem]
        new = path.with_name(f"{new_id}.yml")
        self.save(new, doc, like=path)
        path.unlink()
        pattern = re.compile(rf"(?<![\w/-]){re.escape(old)}(?![\w-])")
        for other in self.mentions(old):
            other.write_text(pattern.sub(f"tactics/{new_id}", other.read_text(encoding="utf-8")), encoding="utf-8")
        return f"renamed {old} -> tactics/{new_id}"


EDITS: list[Callable[[Data], str]] = [Data.title, Data.summary, Data.tags, Data.reference, Data.path_step, Data.vocabulary,
                                      Data.synonyms, Data.add, Data.delete, Data.rename, Data.hand_written_title]


def kinds_of_edit(seed: int, rng: random.Random) -> list[Callable[[Data], str]]:
    """The kinds of edit one seed makes, in a random order: seed N takes the N-th window of STEPS kinds in EDITS, so
    consecutive seeds (the default 1, 2, 3 with six steps) make every kind at least once."""
    kinds = [EDITS[(seed * STEPS + step) % len(EDITS)] for step in range(STEPS)]
    rng.shuffle(kinds)
    return kinds


@pytest.mark.unit
def test_the_default_seeds_make_every_kind_of_edit():
    made = {kind for seed in (1, 2, 3) for kind in kinds_of_edit(seed, random.Random(seed))}
    assert len(EDITS) > STEPS * 3 or made == set(EDITS), sorted(k.__name__ for k in set(EDITS) - made)


@pytest.mark.parametrize("seed", SEEDS)
def test_every_served_page_equals_a_clean_build_after_every_edit(tmp_path: Path, seed: int):
    rng = random.Random(seed)
    project = copy_project(tmp_path / "project")
    data = Data(project, rng)
    served_dir = tmp_path / "served"
    served = Served(project, served_dir)
    done: list[str] = []
    try:
        assert served.build().startswith("built")
        for edit in kinds_of_edit(seed, rng):
            step = len(done)
            done.append(edit(data))
            answer = served.build()
            assert answer.startswith("built"), f"seed {seed}, after {done}: {answer}"
            clean = tmp_path / f"clean-{step}"
            clean_build(project, clean)
            ours, theirs = site_files(served_dir), site_files(clean)
            extra, missing = sorted(ours.keys() - theirs.keys()), sorted(theirs.keys() - ours.keys())
            differ = sorted(k for k in ours.keys() & theirs.keys() if ours[k] != theirs[k])
            assert not (extra or missing or differ), (
                f"seed {seed}, after {done}: served pages not in a clean build {extra[:5]}, missing {missing[:5]}, "
                f"different {differ[:8]}")
    finally:
        served.close()


def _git(project: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid", *args], cwd=project, check=True,
                   capture_output=True)


def test_a_commit_reaches_whats_new_and_the_entry_page_under_serve(tmp_path: Path):
    """The git history is read through queries of the index too: after a commit, serve rebuilds the hand-written
    What's new page and the entry's page, and both equal a clean build."""
    project = copy_project(tmp_path / "project")
    _git(project, "init", "-q")
    _git(project, "add", "-A")
    _git(project, "commit", "-q", "-m", "The playbook as it stands")
    served_dir = tmp_path / "served"
    served = Served(project, served_dir)
    try:
        assert served.build().startswith("built")
        entry = project / "data" / "tactics" / "pre-mortem.yml"
        entry.write_text(entry.read_text(encoding="utf-8").replace("\ntitle: ", "\ntitle: Sharpened ", 1), encoding="utf-8")
        _git(project, "commit", "-q", "-am", "Sharpen the pre-mortem's title")
        assert served.build().startswith("built")
        news = (served_dir / "whats-new" / "index.html").read_text(encoding="utf-8")
        assert "Sharpen the pre-mortem" in news and "Sharpened" in news
        clean = tmp_path / "clean"
        clean_build(project, clean)
        ours, theirs = site_files(served_dir), site_files(clean)
        differ = sorted(k for k in ours.keys() & theirs.keys() if ours[k] != theirs[k])
        assert ours.keys() == theirs.keys() and not differ, differ[:8]
    finally:
        served.close()


def test_site_wide_edits_rebuild_every_page_under_serve(tmp_path: Path):
    """What every page is made from beyond its data: an edit of the theme's overrides and a change of the navigation
    in mkdocs.yml each reach every page, equal to a clean build."""
    project = copy_project(tmp_path / "project")
    served_dir = tmp_path / "served"
    served = Served(project, served_dir)
    main_html, config = project / "overrides" / "main.html", project / "mkdocs.yml"
    steps = [
        ("override", lambda: main_html.write_text(main_html.read_text(encoding="utf-8").replace(
            "{% block extrahead %}", "{% block extrahead %}<!-- override edited -->", 1), encoding="utf-8")),
        ("nav", lambda: config.write_text(config.read_text(encoding="utf-8").replace("- Home: index.md", "- Start: index.md", 1),
                                          encoding="utf-8")),
    ]
    try:
        assert served.build().startswith("built")
        for n, (name, edit) in enumerate(steps):
            edit()
            assert served.build().startswith("built"), name
            clean = tmp_path / f"clean-{n}"
            clean_build(project, clean)
            ours, theirs = site_files(served_dir), site_files(clean)
            differ = sorted(k for k in ours.keys() & theirs.keys() if ours[k] != theirs[k])
            assert ours.keys() == theirs.keys() and not differ, (name, differ[:8])
        assert "override edited" in (served_dir / "tactics" / "pre-mortem" / "index.html").read_text(encoding="utf-8")
    finally:
        served.close()
