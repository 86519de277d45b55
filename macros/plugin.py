"""The mkdocs-macros hooks: run the data pipeline once per build and register the macros.

load YAML -> validate -> index (pipeline.py) -> keep page stubs in sync (pages.py)
-> render pages through templates (site.py, render.py) -> write the JSON export (export.py)
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from .export import write_export
from .pages import dump_page, sync_pages
from .pipeline import load_playbook
from .problems import DataError
from .site import SiteMacros

log = logging.getLogger("mkdocs.plugins.playbook")


def define_env(env: Any) -> None:
    root = Path(env.project_dir)
    try:
        book = load_playbook(root)
    except DataError as err:
        raise PluginError(str(err)) from None
    report = sync_pages(book, Path(env.conf["docs_dir"]))
    for path in report.written:
        log.info("playbook: wrote page stub docs/%s", path)
    for path in report.removed:
        log.info("playbook: removed page stub docs/%s", path)
    env.variables["playbook"] = book
    SiteMacros(book, env).register(env)


def on_post_page_macros(env: Any) -> None:
    """For the benchmark only: with PLAYBOOK_DUMP_MARKDOWN set, keep each page as plain Markdown."""
    folder = os.environ.get("PLAYBOOK_DUMP_MARKDOWN")
    if folder:
        dump_page(Path(folder), env.page.file.src_uri, env.page.meta, env.markdown)


def on_post_build(env: Any) -> None:
    book = env.variables["playbook"]
    write_export(book, Path(env.conf["site_dir"]), env.conf["site_url"] or "/")
