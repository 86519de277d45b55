"""`playbook tree OUT`: the plugin-free project that MkDocs, ProperDocs and Zensical build without our plugin.

The build tests write the tree of the real playbook for the address the session's site is built for, build it with
MkDocs (our venv, no plugin of ours) and with Zensical (its own venv, made here when missing), and compare both with
the plugin's build (`built_site`).
"""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from jinja2.exceptions import UndefinedError

from playbook.problems import DataError
from playbook.render.tree import MARK, MacroEnv, check_nav, hand_page, tree_config
from playbook.render.tree_paths import pages_before_index, relink, tree_not_in_nav, tree_path
from scripts import zensical as tools

from .conftest import Built

ROOT = Path(__file__).resolve().parent.parent


def _macros(env: MacroEnv) -> dict[str, object]:
    def find_move() -> str:
        env.page.meta.setdefault("search", {"boost": 2})
        return f"<p>found on {env.page.path} at {env.conf['site_url']}{env.page.url}</p>"

    return {"find_move": find_move}


def test_a_page_that_opts_in_has_its_macro_rendered_and_render_macros_dropped():
    text = "---\ntitle: Find\nrender_macros: true\n---\n# Find\n\n{{ find_move() }}\n"
    out, rendered = hand_page("interview/find.md", text, _macros, "https://example.org/pb/")
    assert rendered
    front, body = out.removeprefix("---\n").split("---\n", 1)
    assert yaml.safe_load(front) == {"title": "Find", "search": {"boost": 2}}  # the macro's metadata is kept
    assert body.strip() == "# Find\n\n<p>found on interview/find.md at https://example.org/pb/interview/find/</p>"


def test_a_page_that_does_not_opt_in_is_left_as_written():
    text = "---\ntitle: Braces\nrender_macros: false\n---\nA literal {{ find_move() }} stays.\n"
    out, rendered = hand_page("braces.md", text, _macros, "/")
    assert not rendered and out == "---\ntitle: Braces\n---\nA literal {{ find_move() }} stays.\n"
    plain = "---\ntitle: Plain\n---\nNo macros {{ here }}.\n"
    assert hand_page("plain.md", plain, _macros, "/") == (plain, False)  # byte for byte
    assert hand_page("bare.md", "# Bare\n", _macros, "/") == ("# Bare\n", False)


def test_an_unknown_macro_is_an_error_as_on_undefined_strict_makes_it():
    with pytest.raises(UndefinedError):
        hand_page("x.md", "---\nrender_macros: true\n---\n{{ find_moev() }}\n", _macros, "/")


def test_the_tree_config_drops_our_plugins_and_the_watch_list(tmp_path):
    (tmp_path / "docs").mkdir()
    config = {"site_url": "http://x/", "plugins": ["search", "playbook", {"macros": {"module_name": "macros"}}, {"tags": {}}],
              "watch": ["data", "docs"], "nav": [{"Home": "index.md"}, {"Models": "models/index.md"}],
              "theme": {"name": "material", "custom_dir": "theme-overrides"}}
    out = tree_config(config, "https://example.org/")
    assert out["plugins"] == ["search", {"tags": {}}]
    assert "watch" not in out and out["site_url"] == "https://example.org/" and out["docs_dir"] == "docs"
    assert out["theme"]["custom_dir"] == "overrides"
    assert {"Tactics": "tactics/index.md"} in out["nav"], "as the plugin does: every kind's index is in the navigation"
    assert config["plugins"][1] == "playbook", "the project's settings are not changed"


def test_every_page_of_the_tree_is_the_index_of_its_folder_and_its_markdown_links_follow():
    assert [tree_path(p) for p in ("tactics/x.md", "interview/drill.md", "index.md", "tactics/index.md", "404.md", "a.png")] == \
        ["tactics/x/index.md", "interview/drill/index.md", "index.md", "tactics/index.md", "404.md", "a.png"]
    text = ('See [a](../tactics/x.md#y), ![p](../assets/p.png "t"), [d](drill.md), [i](index.md#plan), `[c](x.md)`,\n'
            '<a href="../tactics/x/">raw</a> [w](https://e.org/a.md) [h](#top) [s](../tactics/)\n'
            '```\n[c](x.md)\n```\n[r]: ../prompts/p.md\n')
    assert relink(text, "interview/star-guide.md") == (
        'See [a](../../tactics/x/index.md#y), ![p](../../assets/p.png "t"), [d](../drill/index.md), [i](../index.md#plan), '
        '`[c](x.md)`,\n<a href="../tactics/x/">raw</a> [w](https://e.org/a.md) [h](#top) [s](../../tactics/)\n```\n[c](x.md)\n```\n'
        '[r]: ../../prompts/p/index.md\n')
    assert relink(text, "interview/index.md").startswith("See [a](../tactics/x/index.md#y), ![p](../assets/p.png")
    assert tree_not_in_nav("/models/*.md\n/x/index.md\n") == "/models/*.md\n/models/*/index.md\n/x/index.md\n"
    assert tree_path("guide/README.md") == "guide/README.md", "MkDocs serves README.md as its folder's index"


def test_a_page_before_its_sections_index_page_is_refused_with_its_line(tmp_path):
    """As the index.md of its folder it would become its section's link (navigation.indexes); left in place, its links
    in raw HTML would resolve against another folder under Zensical than under MkDocs. The tree writes neither."""
    nav = [{"Top": "top.md"}, {"Home": "index.md"}, {"A": ["a/index.md", {"B": "a/b.md"}]}, {"Solo": "solo.md"},
           {"C": [{"D": "d.md"}, "c/index.md", "e.md"]}, {"F": [{"G": "g.md"}, {"Web": "https://e.org/x.md"}]}]
    assert pages_before_index(nav) == [("top.md", ""), ("d.md", "C"), ("g.md", "F")]
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\nnav:\n  - Home: index.md\n  - C:\n      - D: d.md\n      - c/index.md\n")
    with pytest.raises(DataError) as err:
        check_nav(config, yaml.safe_load(config.read_text())["nav"])
    assert str(err.value).splitlines()[1].startswith("mkdocs.yml:5: nav: d.md comes before the index page of its section 'C': "
                                                     "put the section's index page first")
    check_nav(config, [{"Home": "index.md"}, {"C": ["c/index.md", {"D": "d.md"}]}])  # index first: nothing to refuse


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "playbook.cli", "--root", str(ROOT), "tree", *args],
                          capture_output=True, text=True, cwd=ROOT)


def test_the_tree_refuses_a_folder_it_did_not_write(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    done = _cli(str(tmp_path))
    assert done.returncode == 2 and "is not empty" in done.stderr and (tmp_path / "notes.txt").read_text() == "mine"
    done = _cli(str(ROOT / "docs" / "tree"))
    assert done.returncode == 2 and "outside the project's sources" in done.stderr
    assert not (ROOT / "docs" / "tree").exists()


@dataclass(frozen=True)
class Tree:
    path: Path
    site_url: str


@pytest.fixture(scope="module")
def tree(built_site: Built, tmp_path_factory: pytest.TempPathFactory) -> Tree:
    """The tree of the real playbook for the address the session's site is built for (its export names it)."""
    site_url = json.loads((built_site.site / "api" / "playbook.json").read_text(encoding="utf-8"))["site_url"]
    out = tmp_path_factory.mktemp("tree") / "tree"
    first = _cli(str(out), "--site-url", site_url)
    assert first.returncode == 0, first.stderr
    again = _cli(str(out), "--site-url", site_url)  # a tree written before is replaced, not refused
    assert again.returncode == 0 and again.stdout == first.stdout, again.stderr
    return Tree(out, site_url)


@pytest.fixture(scope="module")
def mkdocs_site(tree: Tree) -> Path:
    return tools.mkdocs_build(tree.path).site


def _html_pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


@pytest.mark.build
def test_the_tree_holds_no_plugin_and_no_macro_call(tree: Tree):
    settings = yaml.safe_load((tree.path / "mkdocs.yml").read_text(encoding="utf-8"))
    assert settings["plugins"] == []  # Material's search plugin is off in mkdocs.yml: the playbook has its own search
    assert "watch" not in settings and settings["site_url"] == tree.site_url
    assert (tree.path / MARK).is_file() and (tree.path / "overrides" / "main.html").is_file()
    hand = sorted(p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md"))
    written = sorted(p.relative_to(tree.path / "docs").as_posix() for p in (tree.path / "docs").rglob("*.md"))
    assert {tree_path(rel) for rel in hand} < set(written)
    assert all(p == "404.md" or p.endswith("/index.md") or p == "index.md" for p in written), "every other page is a folder's index"
    for rel in hand:
        text = (tree.path / "docs" / tree_path(rel)).read_text(encoding="utf-8")
        assert "render_macros" not in text.split("\n---\n", 1)[0], rel
        if "render_macros: true" in (ROOT / "docs" / rel).read_text(encoding="utf-8"):
            assert "{{" not in text and "{%" not in text, f"{rel}: its macro call is still there"
    assert json.loads((tree.path / "docs" / "api" / "playbook.json").read_text(encoding="utf-8"))["site_url"] == tree.site_url


@pytest.mark.build
def test_mkdocs_builds_the_tree_to_the_site_the_plugin_builds(built_site: Built, mkdocs_site: Path):
    """Without our plugin or mkdocs-macros, `mkdocs build --strict` of the tree gives the plugin's site: every page
    (whitespace aside), the JSON export and its schema byte for byte. The one difference: the playbook's search index
    (search/index.json), which our plugin writes from each built page, is not in the tree's site
    (docs/about/zensical.md#differs)."""
    ours, theirs = built_site.site, mkdocs_site
    assert _html_pages(theirs) == _html_pages(ours)
    differ = [rel for rel in _html_pages(ours)
              if " ".join((ours / rel).read_text(encoding="utf-8").split()) != " ".join((theirs / rel).read_text(encoding="utf-8").split())]
    assert not differ, differ[:10]
    for name in ("playbook.json", "playbook.schema.json"):
        assert (theirs / "api" / name).read_bytes() == (ours / "api" / name).read_bytes(), name
    assert (ours / "search" / "index.json").is_file() and not (theirs / "search" / "index.json").exists()


# What Zensical writes differently from MkDocs + Material, all of it allowed (each checked below):
ONLY_MKDOCS = {"sitemap.xml.gz"}  # MkDocs gzips the sitemap
ONLY_ZENSICAL = {"search.json"}  # Zensical's own search index
THEME_ASSETS = ("assets/javascripts/", "assets/stylesheets/")  # each theme's bundles, named by their hashes
ARTICLE = re.compile(r"<article\b.*?</article>", re.S)
TAG_CHIPS = re.compile(r'<nav class="md-tags"[^>]*>.*?</nav>', re.S)
"""Zensical shows a page's `tags` front matter as chips; Material shows them only with its tags plugin, which we do not
use (no page of ours sets `tags` today)."""


@dataclass(frozen=True)
class Facts:
    title: list[str]
    description: list[str]
    ids: list[str]
    hrefs: set[str]
    text: str


def _facts(page: Path) -> Facts:
    """What a reader gets from a page: its title and description, and in its article the anchors, the links and the text
    (each theme's own markup around them differs, and its `__` ids)."""
    text = page.read_text(encoding="utf-8")
    found = ARTICLE.search(text)
    article = TAG_CHIPS.sub(" ", found.group(0)) if found else ""
    return Facts(
        title=re.findall(r"<title>(.*?)</title>", text, re.S),
        description=re.findall(r'<meta name="description" content="([^"]*)"', text),
        ids=sorted({i for i in re.findall(r'\bid="([^"]+)"', article) if not i.startswith("__")}),
        hrefs=set(re.findall(r'\bhref="([^"]*)"', article)),
        text=" ".join(html.unescape(re.sub(r"<[^>]+>", " ", article)).split()),
    )


@pytest.fixture(scope="module")
def zensical_site(tree: Tree) -> Path:
    """Zensical's build of the tree. Its venv is made here when missing (bounded in time): when it cannot be made,
    the test fails and says why; a skipped test would hide that the move is not ready."""
    try:
        program = tools.zensical()
    except tools.ToolUnavailable as err:
        pytest.fail(f"Zensical cannot be installed ({tools.ZENSICAL[0]}), so the tree was not built with it:\n{err}")
    return tools.zensical_build(program, tree.path).site


@pytest.mark.build
def test_zensical_builds_the_tree_to_the_same_pages(mkdocs_site: Path, zensical_site: Path):
    """The same HTML pages (entries, indexes, redirects, hand-written pages, 404), the same export, and on every page
    the same title, description, anchors, text and links (each href as written: both builds put a page at the same
    place, so the same href leads to the same page). Allowed: the files in ONLY_MKDOCS, ONLY_ZENSICAL and
    THEME_ASSETS, the tag chips, and a description Zensical escapes once more (its template escapes the meta
    description, Material's does not, and the page's front matter holds it escaped)."""
    assert _html_pages(zensical_site) == _html_pages(mkdocs_site)
    files = [{p.relative_to(s).as_posix() for p in s.rglob("*") if p.is_file() and not p.relative_to(s).as_posix().startswith(THEME_ASSETS)}
             for s in (mkdocs_site, zensical_site)]
    assert files[0] - files[1] == ONLY_MKDOCS and files[1] - files[0] == ONLY_ZENSICAL
    for name in ("playbook.json", "playbook.schema.json"):
        assert (zensical_site / "api" / name).read_bytes() == (mkdocs_site / "api" / name).read_bytes(), name
    differ: dict[str, list[str]] = {}
    for rel in _html_pages(mkdocs_site):
        m, z = _facts(mkdocs_site / rel), _facts(zensical_site / rel)
        fields = [f for f in ("title", "ids", "text") if getattr(m, f) != getattr(z, f)]
        if m.description != z.description and m.description != [html.unescape(d) for d in z.description]:
            fields.append("description")
        if m.hrefs != z.hrefs:
            fields.append(f"hrefs: {sorted(m.hrefs - z.hrefs)[:3]} -> {sorted(z.hrefs - m.hrefs)[:3]}")
        if fields:
            differ[rel] = fields
    assert not differ, list(differ.items())[:10]


def test_the_link_check_finds_a_missing_page_a_missing_anchor_and_a_link_above_the_site(tmp_path):
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "b").mkdir()
    (site / "b" / "index.html").write_text('<h2 id="here">B</h2>')
    (site / "a" / "index.html").write_text(
        '<a href="../b/#here">ok</a> <a href="../b/">ok</a> <a href="../c/">gone</a> <a href="../b/#there">no anchor</a>'
        ' <img src="../../b/"> <a href="https://e.org/x">elsewhere</a> <script src="../b/index.html"></script>')
    (site / "404.html").write_text('<a href="/b/">home-relative</a>')
    root, under = tools.BASES
    assert tools.broken_links(site, root, "https://x/") == {"a/index.html": ["../b/#there (no such anchor)", "../c/ (no such file)"]}
    above_the_site = ["../../b/ (no such file)", "../b/#there (no such anchor)", "../c/ (no such file)"]
    assert tools.broken_links(site, under, "https://x/") == {"a/index.html": above_the_site}  # the 404 page: at site_url's path only
    assert tools.broken_links(site, under, "https://x/playbook/") == {"404.html": ["/b/ (no such file)"], "a/index.html": above_the_site}


@pytest.mark.build
@pytest.mark.parametrize("base", tools.BASES)
def test_every_link_of_mkdocs_build_of_the_tree_resolves(tree: Tree, mkdocs_site: Path, base: str):
    """The check the next test applies to Zensical, on MkDocs' build of the same tree."""
    assert tools.broken_links(mkdocs_site, base, tree.site_url) == {}


@pytest.mark.build
@pytest.mark.parametrize("base", tools.BASES)
def test_every_link_of_zensical_build_of_the_tree_resolves(tree: Tree, zensical_site: Path, base: str):
    """Zensical resolves a relative link in raw HTML against the Markdown file, MkDocs against the page's URL: the tree
    writes every page as the index.md of its URL's folder (playbook/render/tree_paths.py), where the two are one
    folder, so every link resolves, at the root of a host and under a path, and (previous test but one) to the page
    and anchor MkDocs' build leads to."""
    assert tools.broken_links(zensical_site, base, tree.site_url) == {}


def test_zensical_and_properdocs_stay_out_of_the_project_lock():
    """The other tools live in their own venvs under .cache/ (scripts/zensical.py), never in the project's lock."""
    lock = (ROOT / "requirements.lock").read_text(encoding="utf-8").lower()
    assert "zensical" not in lock and "properdocs" not in lock
