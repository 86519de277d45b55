"""A plugin-free copy of the site's sources (`playbook tree OUT`): what MkDocs, ProperDocs or Zensical build without
our plugin or mkdocs-macros, to the same pages.

    OUT/mkdocs.yml   the project's mkdocs.yml without the `playbook` and `macros` plugins, `site_url` fixed,
                     no `watch:` (it names the project's sources), every kind's index in the navigation
    OUT/docs/        the hand-written pages with their macro call already rendered (`render_macros` dropped from
                     their front matter), every generated page (`GeneratedPage.text`), each page the index.md of
                     its URL's folder (tree_paths.py; a nav with a page before its section's index page is
                     refused: check_nav), the assets, and the JSON
                     export (`api/playbook.json` and its schema) and the Atom feed (`feed.xml`), which every tool
                     copies into the site as is
    OUT/overrides/   the theme's custom_dir

Everything comes from one `Site` (playbook.pipeline.run): the generated pages, the JSON export, the feed, and the macros bound to
one page (`Site.macros` of a `MacroEnv`, the little of mkdocs-macros' plugin object that they read).
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from jinja2 import Environment, StrictUndefined

from playbook.contract.site_config import with_every_kind
from playbook.contract.urls import page_url
from playbook.problems import DataError, Problem
from playbook.render.export import write_export_of
from playbook.render.feed import write_feed_text
from playbook.render.tree_paths import pages_before_index, relink, tree_nav, tree_not_in_nav, tree_path

if TYPE_CHECKING:
    from playbook.pipeline import Site

OUR_PLUGINS = frozenset({"playbook", "macros"})
"""The plugins whose work the tree holds already: MkDocs, ProperDocs and Zensical build it without them."""
MARK = ".playbook-tree"
"""A file in every tree: a folder holding it may be written over; any other non-empty folder is refused."""
WRITTEN = ("mkdocs.yml", "docs", "overrides", MARK)
"""What a tree consists of: all that writing a tree replaces (a site built inside OUT is left alone)."""
# MkDocs' own front matter pattern (mkdocs.utils.meta): YAML between two `---` lines (the closing one may be `...`).
FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)


@dataclass
class MacroPage:
    """The page being rendered, as the macros read it (Zensical's page object has the same `path`)."""

    path: str
    url: str
    meta: dict[str, Any]


@dataclass
class MacroEnv:
    """What `playbook.tools.page_macros.SiteMacros` reads from mkdocs-macros' plugin object: the page and the site's
    settings."""

    page: MacroPage
    conf: dict[str, Any]


MacrosFor = Callable[[MacroEnv], Mapping[str, Callable[..., str]]]


@dataclass
class TreeReport:
    hand_written: list[str] = field(default_factory=list)
    rendered: list[str] = field(default_factory=list)  # hand-written pages whose macro call was rendered
    generated: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)  # assets and other files copied as they are


class _Dumper(yaml.SafeDumper):
    """Block scalars for text on several lines (not_in_nav), as a person writes them."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml with `!ENV` resolved as MkDocs resolves it; any other tag (`!relative`, `!!python/name:`) is refused
    rather than copied as a string that would mean something else."""


def _env_tag(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return os.environ.get(loader.construct_scalar(node))
    if not isinstance(node, yaml.SequenceNode):
        raise yaml.constructor.ConstructorError(None, None, "!ENV takes a name or a list of names", node.start_mark)
    names = loader.construct_sequence(node)
    *variables, default = names if len(names) > 1 else (*names, None)
    return next((os.environ[v] for v in variables if v in os.environ), default)


def _other_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    raise yaml.constructor.ConstructorError(None, None, f"the tag {node.tag!r} cannot be carried into the tree", node.start_mark)


_ConfigLoader.add_constructor("!ENV", _env_tag)
_ConfigLoader.add_multi_constructor("!", _other_tag)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _other_tag)


def _plugin_name(item: object) -> str:
    return str(next(iter(item))) if isinstance(item, dict) and item else str(item)


def tree_config(config: dict[str, Any], site_url: str) -> dict[str, Any]:
    """The settings of the tree's mkdocs.yml, from the project's."""
    config = dict(config)
    config["site_url"] = site_url
    config["docs_dir"] = "docs"
    if "plugins" in config:
        config["plugins"] = [p for p in config["plugins"] or () if _plugin_name(p) not in OUR_PLUGINS]
    config.pop("watch", None)  # the folders serve watches are the project's sources; the tree is a build product
    if config.get("nav"):  # as the plugin does: a kind mkdocs.yml does not place gets its index at the end
        config["nav"] = tree_nav(with_every_kind(config["nav"]))
    if isinstance(config.get("not_in_nav"), str):
        config["not_in_nav"] = tree_not_in_nav(config["not_in_nav"])
    if config.get("hooks"):
        raise DataError([Problem("mkdocs.yml", 0, "hooks", "hooks are Python run by MkDocs only: the tree cannot hold them")])
    theme = config.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir"):
        config["theme"] = {**theme, "custom_dir": "overrides"}
    return config


def _front_matter(text: str) -> tuple[dict[str, Any] | None, str]:
    found = FRONT_MATTER.match(text)
    if not found:
        return None, text
    meta = yaml.safe_load(found.group(1))
    return (meta if isinstance(meta, dict) else {}), text[found.end():]


def _with_front_matter(meta: dict[str, Any], body: str) -> str:
    if not meta:
        return body
    return "---\n" + yaml.dump(meta, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=10_000) + "---\n" + body


def hand_page(src_uri: str, text: str, macros_for: MacrosFor, site_url: str) -> tuple[str, bool]:
    """A hand-written page as the tree holds it, and whether a macro call was rendered: pages that opt in
    (`render_macros: true`) are rendered through Jinja with the site's macros, as mkdocs-macros does with
    `on_undefined: strict`; `render_macros` leaves the front matter (a macro may add metadata, e.g. search)."""
    meta, body = _front_matter(text)
    if meta is None or "render_macros" not in meta:
        return text, False
    render = meta.pop("render_macros") is True
    if render:
        env = MacroEnv(MacroPage(src_uri, page_url(src_uri), meta), {"site_url": site_url})
        jinja = Environment(undefined=StrictUndefined, autoescape=False)
        body = jinja.from_string(body).render(**macros_for(env))
    return _with_front_matter(meta, body), render


def _refuse_second(target: Path, rel: str) -> None:
    """Two pages that would be one file of the tree (`x.md` beside `x/index.md`)."""
    if target.exists():
        raise DataError([Problem(f"docs/{rel}", 0, "page", f"the tree writes it to {target.name} of its folder, where another page is")])


def check_nav(config_path: Path, nav: Any) -> None:
    """Refuse a `nav` with a page before its section's index page (tree_paths.pages_before_index): the tree could
    neither move it to its URL's folder (it would become the section's link) nor leave it where it is (Zensical would
    resolve its links in raw HTML against another folder than MkDocs does)."""
    pages = pages_before_index(nav)
    if not pages:
        return
    lines = config_path.read_text(encoding="utf-8").splitlines()
    start = next((n for n, line in enumerate(lines) if line.startswith("nav:")), 0)

    def line_of(page: str) -> int:
        found = (n for n, line in enumerate(lines[start:], start + 1) if re.search(rf"(^|[\s:'\"]){re.escape(page)}(['\"]|\s|$)", line))
        return next(found, 0)

    raise DataError([Problem(config_path.name, line_of(page), "nav",
                             f"{page} comes before the index page of its section{f' {section!r}' if section else ''}: "
                             "put the section's index page first (`playbook tree` writes each page as the index.md of "
                             "its folder, and the first index.md of a section becomes the section's link)")
                     for page, section in pages])


def _is_tree_or_empty(out: Path) -> bool:
    return not out.exists() or (out.is_dir() and (not any(out.iterdir()) or (out / MARK).is_file()))


def write_tree(root: Path, out: Path, site: Site, site_url: str) -> TreeReport:
    """Write the plugin-free project into `out` (empty, absent, or a tree written before: its parts are replaced)."""
    pages, macros_for = site.pages, site.macros
    root, out = root.resolve(), out.resolve()
    config_path = root / "mkdocs.yml"
    config = yaml.load(config_path.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}  # _ConfigLoader is a SafeLoader
    docs = root / str(config.get("docs_dir") or "docs")
    theme: dict[str, Any] = config["theme"] if isinstance(config.get("theme"), dict) else {}
    custom_dir = root / str(theme["custom_dir"]) if theme.get("custom_dir") else None
    sources = [docs, *([custom_dir] if custom_dir else [])]
    if out == root or any(out == s or s in out.parents for s in sources):
        raise ValueError(f"{out}: write the tree outside the project's sources (e.g. .cache/tree or a folder of its own)")
    check_nav(config_path, config.get("nav"))
    if not _is_tree_or_empty(out):
        raise ValueError(f"{out} is not empty and holds no tree written before ({MARK}): choose an empty or new folder")
    site_url = site_url if site_url.endswith("/") else site_url + "/"
    out.mkdir(parents=True, exist_ok=True)
    for part in WRITTEN:
        target = out / part
        if target.is_dir() and not target.is_symlink():
            shutil.rmtree(target)
        elif target.exists() or target.is_symlink():
            target.unlink()
    (out / MARK).write_text("written by `playbook tree`: this folder is replaced by the next one\n", encoding="utf-8")
    report = TreeReport()
    for path in sorted(docs.rglob("*")):
        rel = path.relative_to(docs).as_posix()
        if path.is_dir() or "__pycache__" in path.parts:
            continue
        if rel in pages:
            raise DataError([Problem(f"docs/{rel}", 0, "page", "this page is generated from data/: rename the page or the entry")])
        target = out / "docs" / tree_path(rel)  # a page is the index.md of its folder (tree_paths.py)
        target.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix == ".md":
            text, rendered = hand_page(rel, path.read_text(encoding="utf-8"), macros_for, site_url)
            _refuse_second(target, rel)
            target.write_text(relink(text, rel), encoding="utf-8")
            report.hand_written.append(rel)
            if rendered:
                report.rendered.append(rel)
        else:
            shutil.copy2(path, target)
            report.files.append(rel)
    for rel, page in sorted(pages.items()):
        target = out / "docs" / tree_path(rel)
        target.parent.mkdir(parents=True, exist_ok=True)
        _refuse_second(target, rel)
        target.write_text(page.text, encoding="utf-8")
        report.generated.append(rel)
    write_export_of(site.export, out / "docs")
    write_feed_text(site.feed(str(config.get("site_name") or "")), out / "docs")
    if custom_dir is not None and custom_dir.is_dir():
        shutil.copytree(custom_dir, out / "overrides", ignore=shutil.ignore_patterns("__pycache__"))
    settings = tree_config(config, site_url)
    header = "# Written by `playbook tree` from the project's mkdocs.yml, without the playbook and macros plugins: edit that one.\n"
    (out / "mkdocs.yml").write_text(header + yaml.dump(settings, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=10_000),
                                    encoding="utf-8")
    return report
