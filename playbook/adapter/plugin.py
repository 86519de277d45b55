"""The `playbook` MkDocs plugin: the only code that imports MkDocs. It runs the pipeline once per build
(playbook.pipeline.run, which returns the whole `Site`) and hands MkDocs its parts:

    on_startup        one Memo for the life of the process (`mkdocs serve` keeps this plugin between rebuilds)
    on_config         run the pipeline; the navigation and the macros of the hand-written pages come from the Site
    on_files          add the generated pages (`ViewFile`, entries not listed in the navigation); under `--dirty`, after
                      a data edit a page is rebuilt when its view changed: a generated page the pipeline rendered
                      anew, a hand-written page whose macros read something that changed; after an edit of a
                      hand-written page, a template or an override, a nav edit, a page added or deleted, and in a
                      process's first build, every page
    on_nav            pages MkDocs will not read again keep the title and metadata they had (for every page's nav)
    on_pre_page       a generated page takes its HTML, metadata and table of contents from the pipeline: MkDocs
                      neither parses its front matter nor runs Markdown over it (GeneratedHtmlPage)
    on_page_markdown  record what each hand-written page's macros read from the index (its view), around mkdocs-macros,
                      and keep the HTML blocks they make out of the Markdown pass (jinja.py SetAside)
    on_page_content   put those blocks back; index each rendered page for the site search (render/search_index.py)
    on_serve          listen for saves (inotify) instead of polling twice a second (watcher.py)
    on_post_build     write the JSON export, the feed and the search index; in a process's later dirty builds (serve),
                      remove the pages of deleted entries

Nothing is cached on disk between builds: a cache a checkout can carry is a cache an attacker can write. Every piece
of state lives on the plugin instance, as MkDocs and Material's own plugins keep theirs.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils.templates import TemplateContext

from playbook.adapter.watcher import listen_instead_of_polling
from playbook.contract.site_config import nav_paths
from playbook.index.views import ReadLog, View, view_of
from playbook.pipeline import Memo, Site, run
from playbook.problems import DataError
from playbook.render.export import write_export_of
from playbook.render.feed import write_feed_text
from playbook.render.headings import anchor_ids, toc_tokens
from playbook.render.jinja import SetAside
from playbook.render.living import edit_source
from playbook.render.pages import GeneratedPage
from playbook.render.search_index import SearchIndex
from playbook.safe_paths import UnsafePath, site_folder

log = logging.getLogger("mkdocs.plugins.playbook")


class PlaybookConfig(base.Config):
    export = c.Type(bool, default=True)
    """Write the JSON export (site/api/playbook.json) after a build."""
    html_pages = c.Type(bool, default=True)
    """Hand MkDocs the generated pages' HTML; false: let MkDocs build their Markdown form, as without the plugin."""
    set_aside = c.Type(bool, default=True)
    """Keep the HTML blocks that macros make out of the Markdown pass of hand-written pages (jinja.py SetAside);
    false: let Python-Markdown read them, as mkdocs-macros alone would (a test compares both)."""


class ViewFile(File):
    """A page file whose `is_modified` (what MkDocs' `--dirty` asks before reading and writing a page) answers from
    its view: a generated page is rebuilt when the pipeline rendered it anew, a hand-written page when its macros'
    view no longer holds or its source is newer than its page. Without `--dirty` MkDocs never asks."""

    stale: bool = True

    def is_modified(self) -> bool:
        if self.stale or not os.path.isfile(self.abs_dest_path):
            return True
        return False if self.generated_by else super().is_modified()


def _stale_copy(file: File, config: MkDocsConfig) -> ViewFile:
    """A hand-written page's file, marked to be rebuilt."""
    copy = ViewFile(file.src_path, config.docs_dir, config.site_dir, config.use_directory_urls, inclusion=file.inclusion)
    copy.stale = True
    return copy


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


def _site_wide(config: MkDocsConfig, files: Files, templates: object) -> object:
    """What every page is made from beyond its own data: our Jinja templates, the theme's overrides (`custom_dir`),
    the navigation of mkdocs.yml and the set of hand-written pages (a page added or deleted changes every page's
    navigation). When any of them changes, the next dirty build rebuilds every page."""
    custom = config.theme.custom_dir
    overrides = tuple(sorted((str(p), p.stat().st_mtime_ns) for p in Path(custom).rglob("*") if p.is_file())) if custom else ()
    pages = tuple(sorted(f.src_uri for f in files if f.is_documentation_page() and not f.generated_by))
    return templates, overrides, repr(config.nav), pages


class _DirtyNotice(logging.Filter):
    """MkDocs warns on every `--dirty` build, and `strict: true` turns that warning into an abort. Our pages are
    rebuilt exactly when their view changes, and every page when something site-wide changes (`_site_wide`: the
    templates, the overrides, the navigation, the set of hand-written pages), so a dirty build is exact: say so once."""

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
        self.site: Site | None = None
        self.search = SearchIndex()
        self.serving = False
        self.dirty = False
        self.served_log: logging.Logger | None = None
        self.builds = 0
        self.compiled = _CompiledInMemory()
        self.hand_views: dict[str, View] = {}
        """What each hand-written page's macros read from the index when it was last built."""
        self.shown: dict[str, tuple[str | None, dict[str, Any]]] = {}
        """The title and metadata of every page as last built: a page a dirty build does not read again keeps them."""
        self.outputs: dict[str, str] = {}
        """Page URL -> the file it was written to, for every page of the last build."""
        self.files: Files | None = None
        self.templates: object = None
        """The stamp of our templates at the last build."""
        self._recording: ReadLog | None = None
        self._asides: dict[str, SetAside] = {}
        """The HTML blocks each hand-written page's macros set aside, until Markdown has run over the page."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        self.dirty = dirty
        self.memo.templates.env.auto_reload = self.serving  # a build reads each template once; serve sees edits
        if dirty:
            logging.getLogger("mkdocs.commands.build").addFilter(_DirtyNotice())
            log.info("playbook: dirty builds rebuild exactly the pages whose view changed")
        if self.serving:
            # Outside MkDocs' logger tree on purpose: under `mkdocs serve`, data problems are shown without counting
            # as warnings, so strict mode does not abort the rebuild and the server keeps the last good site.
            self.served_log = logging.getLogger("playbook.serve")
            if not self.served_log.handlers:
                self.served_log.addHandler(logging.StreamHandler())
            self.served_log.propagate = False

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent
        try:  # a committed `site` link: refused before MkDocs cleans or writes through it
            site_folder(root, Path(config.site_dir))
        except UnsafePath as err:
            raise PluginError(str(err)) from None
        try:
            site = run(root, Path(config.docs_dir), self.memo, nav=config.nav, site_url=config.site_url or "/")
        except DataError as err:
            if not (self.serving and self.site is not None):
                raise PluginError(str(err)) from None
            assert self.served_log is not None
            self.served_log.error("%s\nStill serving the last good version of the site: fix the data and save again.", err)
            site = self.site
        self.site = site
        self.builds += 1
        if site.nav is not None:  # a kind mkdocs.yml does not place gets its index page at the end of the navigation
            config.nav = site.nav
        macros = config.plugins.get("macros")
        if macros is not None:  # the macros of the hand-written pages, bound to this build's index
            macros.register_macros(site.macros(macros))
        return config

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        return listen_instead_of_polling(server)

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        if self.serving:  # a bucket's key holds the template's name and its source's checksum: an edit recompiles it
            env.bytecode_cache = self.compiled
        return env

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.site is not None
        site = self.site
        in_nav = set(nav_paths(config.nav or []))
        # Everything is rebuilt by the first build of a process (the views are recorded then), after a template edit
        # (the templates are every page's input), and after an edit of a hand-written page (its title and place are in
        # every page's navigation and footer): only data edits are narrowed to the pages whose view changed.
        templates = _site_wide(config, files, self.memo.templates.stamp())
        everything = (not self.outputs or templates != self.templates
                      or any(f.is_documentation_page() and f.is_modified() for f in files if not f.generated_by))
        self.templates = templates
        if self.dirty:  # a hand-written page is rebuilt when its macros' view changed; the list keeps its order
            files = Files([_stale_copy(f, config) if f.is_documentation_page() and (everything or self._view_changed(f))
                           else f for f in files])
        for rel, page in site.pages.items():
            if files.get_file_from_path(rel) is not None:
                raise PluginError(f"docs/{rel}: this page is generated from data/ (an id or alias is '{rel}'); "
                                  "rename the hand-written page or the entry")
            inclusion = InclusionLevel.INCLUDED if rel in in_nav else InclusionLevel.NOT_IN_NAV
            generated = ViewFile.generated(config, rel, content=page.text if not self.config.html_pages else "",
                                           inclusion=inclusion)
            assert isinstance(generated, ViewFile)
            generated.stale = not self.dirty or everything or rel in site.rendered
            generated.edit_uri = edit_source(site.book, rel, Path(config.docs_dir))  # "Suggest a change" edits the data file
            files.append(generated)
        self.files = files
        return files

    def _view_changed(self, file: File) -> bool:
        view = self.hand_views.get(file.src_uri)
        return view is not None and self.site is not None and not view.holds(self.site.book)

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        if self.dirty:
            for page in nav.pages:  # every page's navigation shows these titles: one not read again keeps its own
                kept = self.shown.get(page.file.src_uri)
                if kept is not None and not page.file.is_modified():
                    page.title, page.meta = kept[0], dict(kept[1])
        return nav

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        assert self.site is not None
        generated = self.site.pages.get(page.file.src_uri) if self.config.html_pages else None
        if generated is not None and page.file.generated_by:
            page.__class__ = GeneratedHtmlPage  # the same object: the navigation and the file refer to it
            page.generated = generated  # type: ignore[attr-defined]
        return page

    @event_priority(100)  # before mkdocs-macros renders the page
    def _start_view(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self.site is not None and not page.file.generated_by:
            self._recording = self.site.book.log = ReadLog()
            if self.config.set_aside:
                self.memo.templates.aside = self._asides[page.file.src_uri] = SetAside()
        return markdown

    @event_priority(-100)  # after mkdocs-macros
    def _end_view(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self._recording is not None and self.site is not None:
            self.hand_views[page.file.src_uri] = view_of(self._recording)
            self.site.book.log = self._recording = None
        self.memo.templates.aside = None
        return markdown

    on_page_markdown = CombinedEvent(_start_view, _end_view)

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        assert self.site is not None
        aside = self._asides.pop(page.file.src_uri, None)
        html = aside.restore(html) if aside is not None else html
        self.search.add_page(page, html, self.site.book.records)
        return html

    def on_page_context(self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
        self.shown[page.file.src_uri] = (page.title, dict(page.meta))
        return context

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if self.dirty and not self.outputs:  # `mkdocs build --dirty` into an existing site: start from its index
            self.search.load(Path(config.site_dir))

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        assert self.site is not None and self.files is not None
        site_dir = Path(config.site_dir)
        pages = {(f.page.url if f.page else f.url): f.abs_dest_path for f in self.files.documentation_pages()}
        if self.dirty and self.outputs:  # under serve: the pages of entries deleted or renamed since the last build go
            _remove_outputs(site_dir, [self.outputs[url] for url in self.outputs.keys() - pages.keys()])
        for gone in self.hand_views.keys() - {f.src_uri for f in self.files.documentation_pages()}:
            del self.hand_views[gone]
        self.shown = {src: shown for src, shown in self.shown.items() if self.files.get_file_from_path(src) is not None}
        self.outputs = pages
        if self.config.export:
            write_export_of(self.site.export, site_dir)
        write_feed_text(self.site.feed(config.site_name), site_dir)  # feed.xml
        self.search.write(site_dir, self.site.book.synonyms, self.site.book.records, set(pages))


def _remove_outputs(site_dir: Path, outputs: list[str]) -> None:
    """Remove the built pages of pages that are gone: only files inside the site folder, never through a link."""
    top = site_dir.resolve()
    for output in outputs:
        path = Path(output)
        if path.is_symlink() or not path.is_file() or top not in path.resolve().parents:
            continue
        path.unlink()
        folder = path.parent
        while folder != top and folder.is_dir() and not folder.is_symlink() and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent
