"""The `playbook` MkDocs plugin: the only code that imports MkDocs. It runs the pipeline once per build
(playbook.pipeline.run) and hands MkDocs its results:

    on_startup  one Memo for the life of the process (`mkdocs serve` keeps this plugin between rebuilds)
    on_config   run the pipeline; for a dirty build (`serve`), write the generated pages whose text changed to
                .cache/pages/; register the macros of the hand-written pages with mkdocs-macros, bound to this build's index
    on_files    add the generated pages (File.generated; entries are not listed in the navigation)
    on_pre_page a generated page takes its HTML, metadata and table of contents from the pipeline: MkDocs
                neither parses its front matter nor runs Markdown over it (GeneratedHtmlPage)
    page_content  index each rendered page for the site search (playbook/render/search_index.py)
    post_build  write the JSON export and the search index (search/index.json; a dirty build keeps the pages it
                did not rebuild)

Nothing is cached on disk between builds: a cache a checkout can carry is a cache an attacker can write.

Every piece of state lives on the plugin instance, as MkDocs and Material's own plugins keep theirs.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from macros.site import SiteMacros
from playbook.contract.site_config import nav_paths, with_every_kind
from playbook.index.book import Playbook
from playbook.pipeline import Memo, run
from playbook.problems import DataError
from playbook.render.export import write_export
from playbook.render.feed import write_feed
from playbook.render.headings import anchor_ids, toc_tokens
from playbook.render.living import edit_source
from playbook.render.pages import PAGES_DIR, GeneratedPage, write_pages
from playbook.render.search_index import SearchIndex

log = logging.getLogger("mkdocs.plugins.playbook")


class PlaybookConfig(base.Config):
    pages_dir = c.Type(str, default=PAGES_DIR.as_posix())
    """Where the generated pages are written, relative to the project folder (ignored by git)."""
    export = c.Type(bool, default=True)
    """Write the JSON export (site/api/playbook.json) after a build."""
    html_pages = c.Type(bool, default=True)
    """Hand MkDocs the generated pages' HTML; false: let MkDocs build their Markdown files, as without the plugin."""


class GeneratedHtmlPage(Page):
    """A generated page whose HTML, metadata and table of contents the pipeline made already. MkDocs calls
    `read_source` and `render`; the rest of a Page (title, URL, navigation, templates) is MkDocs' own."""

    generated: GeneratedPage

    def read_source(self, config: MkDocsConfig) -> None:
        self.markdown, self.meta = "", dict(self.generated.meta)

    def render(self, config: MkDocsConfig, files: Files) -> None:
        self.content = self.generated.html
        self.toc = get_toc(toc_tokens(self.generated.headings))
        self.present_anchor_ids = anchor_ids(self.generated.html)
        self.links_to_anchors = {}  # links between generated pages come from resolved references (the index)


class _DirtyNotice(logging.Filter):
    """MkDocs warns on every `--dirty` build, and `strict: true` turns that warning into an abort. Our pages
    are rewritten exactly when their text changes, so a dirty build is exact for data edits: say so once."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


class _CompiledInMemory(BytecodeCache):
    """Compiled theme templates kept in memory between `serve` rebuilds (MkDocs makes a new Jinja environment for
    each build, which would compile every Material template again). Never written to disk: nothing a checkout
    carries is ever loaded as code."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.compiled.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


class PlaybookPlugin(BasePlugin[PlaybookConfig]):
    def __init__(self) -> None:
        self.memo = Memo()
        self.book: Playbook | None = None
        self.pages: dict[str, GeneratedPage] = {}
        self.pages_dir = Path(".cache/pages")
        self.search = SearchIndex()
        self.built: set[str] = set()
        self.serving = False
        self.dirty = False
        self.served_log: logging.Logger | None = None
        self.builds = 0
        self.compiled = _CompiledInMemory()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        self.dirty = dirty
        self.memo.templates.env.auto_reload = self.serving  # a build reads each template once; serve sees edits
        if dirty:
            logging.getLogger("mkdocs.commands.build").addFilter(_DirtyNotice())
            log.info("playbook: dirty builds rebuild exactly the pages whose data changed")
        if self.serving:
            # Outside MkDocs' logger tree on purpose: under `mkdocs serve`, data problems are shown without counting
            # as warnings, so strict mode does not abort the rebuild and the server keeps the last good site.
            self.served_log = logging.getLogger("playbook.serve")
            if not self.served_log.handlers:
                self.served_log.addHandler(logging.StreamHandler())
            self.served_log.propagate = False

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent
        docs_dir = Path(config.docs_dir)
        self.pages_dir = root / self.config.pages_dir
        try:
            built = run(root, docs_dir, self.memo)
        except DataError as err:
            if not (self.serving and self.book is not None):
                raise PluginError(str(err)) from None
            assert self.served_log is not None
            self.served_log.error("%s\nStill serving the last good version of the site: fix the data and save again.", err)
            return config
        self.book, self.pages = built.book, built.pages
        self.builds += 1
        if self.serving and self.builds > 1:  # 404 and sitemap exist from the first build; a rebuild need not redo them
            config.theme.static_templates.difference_update({"404.html", "sitemap.xml"})
        if config.nav:  # a kind mkdocs.yml does not place gets its index page at the end of the navigation
            config.nav = with_every_kind(config.nav)
        if self.dirty:  # a dirty build compares each page's file with its output: the files must exist and change only when edited
            report = write_pages(self.pages, self.pages_dir, self.memo.pages.written if self.serving else None)
            if report.written or report.removed:
                log.debug("playbook: %d pages written, %d removed", len(report.written), len(report.removed))
        self._register_macros(config)
        return config

    def _register_macros(self, config: MkDocsConfig) -> None:
        """Hand the macros of the hand-written pages to mkdocs-macros, bound to this build's index."""
        macros = config.plugins.get("macros")
        if macros is not None and self.book is not None:
            macros.register_macros(SiteMacros(self.book, self.memo.templates, macros).macros())

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        if self.serving:  # a bucket's key holds the template's name and its source's checksum: an edit recompiles it
            env.bytecode_cache = self.compiled
        return env

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        in_nav = set(nav_paths(config.nav or []))
        for rel in self.pages:
            if files.get_file_from_path(rel) is not None:
                raise PluginError(f"docs/{rel}: this page is generated from data/ (an id or alias is '{rel}'); "
                                  "rename the hand-written page or the entry")
            inclusion = InclusionLevel.INCLUDED if rel in in_nav else InclusionLevel.NOT_IN_NAV
            if self.dirty:
                file = File.generated(config, rel, abs_src_path=str(self.pages_dir / rel), inclusion=inclusion)
            else:  # a full build: the page lives in memory (its Markdown form is read only when html_pages is false)
                file = File.generated(config, rel, content=self.pages[rel].text if not self.config.html_pages else "",
                                      inclusion=inclusion)
            file.edit_uri = edit_source(self.book, rel, Path(config.docs_dir))  # "Suggest a change" edits the data file
            files.append(file)
        return files

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        generated = self.pages.get(page.file.src_uri) if self.config.html_pages else None
        if generated is not None and page.file.generated_by:
            page.__class__ = GeneratedHtmlPage  # the same object: the navigation and the file refer to it
            page.generated = generated  # type: ignore[attr-defined]
        return page

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.built = set()
        if self.dirty:  # `mkdocs build --dirty` into an existing site: the pages not rebuilt keep their documents
            self.search.load(Path(config.site_dir))

    def on_page_context(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
        self.built.add(page.url)
        return context

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        assert self.book is not None
        self.search.add_page(page, html, self.book.records)
        return html

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        assert self.book is not None
        if self.config.export and not (self.serving and self.builds > 1):  # under serve: the first build's export
            write_export(self.book, Path(config.site_dir), config.site_url or "/")
        if not (self.serving and self.builds > 1):  # the Atom feed of what changed (playbook/render/feed.py)
            write_feed(self.book, self.memo.templates, Path(config.site_dir), config.site_url or "/", config.site_name)
        self.search.write(Path(config.site_dir), self.book.synonyms.model_dump(), None if self.dirty else self.built)
