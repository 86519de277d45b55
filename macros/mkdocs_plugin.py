"""The `playbook` MkDocs plugin: runs the data pipeline once per build and adds the generated pages.

    on_config  load YAML -> validate -> index (pipeline.py); render every generated page (pages.py) and
               write the ones whose text changed to .cache/pages/
    on_files   add those pages to the site (entries are not listed in the navigation)
    page_content  index the rendered page for the site search (search.py)
    post_build write the JSON export and the search index (search/index.json)

mkdocs-macros (plugin.py) still renders the hand-written pages in docs/, from the same index.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel

from . import build_cache
from .export import write_export
from .index import Playbook
from .kinds import KINDS
from .pages import PAGES_DIR, generate_pages, write_pages
from .pipeline import load_playbook, use_for_build
from .problems import DataError
from .search import SearchIndex
from .validation import read_synonyms

log = logging.getLogger("mkdocs.plugins.playbook")
served_log = logging.getLogger("playbook.serve")
served_log.addHandler(logging.StreamHandler())
served_log.propagate = False
"""Outside MkDocs' logger tree on purpose: under `mkdocs serve`, data problems are shown without counting as
warnings, so strict mode does not abort the rebuild and the server keeps answering with the last good site."""


class _DirtyNotice(logging.Filter):
    """MkDocs warns on every `--dirty` build, and `strict: true` turns that warning into an abort. Our pages
    are rewritten exactly when their text changes, so a dirty build is exact for data edits: say so once."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


class PlaybookPlugin(BasePlugin):
    def __init__(self) -> None:
        self.book: Playbook | None = None
        self.pages: dict[str, str] = {}
        self.pages_dir = PAGES_DIR
        self.search = SearchIndex()
        self.built: set[str] = set()
        self.serving = False
        self.dirty = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        self.dirty = dirty
        if dirty:
            logging.getLogger("mkdocs.commands.build").addFilter(_DirtyNotice())
            log.info("playbook: dirty builds rebuild exactly the pages whose data changed")

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent
        self.pages_dir = root / PAGES_DIR
        # `mkdocs build` reuses the last build's results when nothing changed; `serve` keeps its own in memory.
        key = build_cache.stamp(root)
        cached = None if self.serving else build_cache.load(root, key)
        if cached is not None:
            self.book, self.pages = cached
        else:
            try:
                self.book = load_playbook(root)
            except DataError as err:
                if not (self.serving and self.book is not None):
                    raise PluginError(str(err)) from None
                served_log.error("%s\nStill serving the last good version of the site: fix the data and save again.", err)
                return config
            self.pages = generate_pages(self.book)
            if not self.serving:
                build_cache.save(root, key, self.book, self.pages)
        use_for_build(self.book)
        if config.nav:  # a kind mkdocs.yml does not place gets its index page at the end of the navigation
            placed = set(_nav_paths(config.nav))
            config.nav += [{k.title: f"{k.dir}/index.md"} for k in KINDS if f"{k.dir}/index.md" not in placed]
        report = write_pages(self.pages, self.pages_dir)
        if report.written or report.removed:
            log.debug("playbook: %d pages written, %d removed", len(report.written), len(report.removed))
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        in_nav = set(_nav_paths(config.nav or []))
        for rel in self.pages:
            if files.get_file_from_path(rel) is not None:
                raise PluginError(f"docs/{rel}: this page is generated from data/ (an id or alias is '{rel}'); "
                                  "rename the hand-written page or the entry")
            inclusion = InclusionLevel.INCLUDED if rel in in_nav else InclusionLevel.NOT_IN_NAV
            files.append(File(rel, str(self.pages_dir), config.site_dir, config.use_directory_urls, inclusion=inclusion))
        return files

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.built = set()
        if self.dirty:  # `mkdocs build --dirty` into an existing site: the pages not rebuilt keep their documents
            self.search.load(Path(config.site_dir))

    def on_page_context(self, context: dict[str, Any], *, page: Any, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
        self.built.add(page.url)
        return context

    def on_page_content(self, html: str, *, page: Any, config: MkDocsConfig, files: Files) -> str:
        assert self.book is not None
        self.search.add_page(page, html, self.book.records)
        return html

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        assert self.book is not None
        write_export(self.book, Path(config.site_dir), config.site_url or "/")
        root = Path(config.config_file_path).parent
        synonyms = read_synonyms(root / "data", root, [])  # validated with the data (load_playbook)
        self.search.write(Path(config.site_dir), synonyms.model_dump(), None if self.dirty else self.built)


def _nav_paths(nav: Any) -> list[str]:
    """Every page path named in mkdocs.yml's nav."""
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, dict):
        return [p for value in nav.values() for p in _nav_paths(value)]
    if isinstance(nav, list):
        return [p for item in nav for p in _nav_paths(item)]
    return []
