"""The mkdocs-macros hooks: the macros that hand-written pages in docs/ call, on the build's index.

The `playbook` MkDocs plugin (mkdocs_plugin.py) runs the pipeline and adds the generated pages; here the
same index (pipeline.py keeps it for the build) is bound to the macros of site.py.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from macros.site import SiteMacros
from playbook.pipeline import book_for_build
from playbook.problems import DataError
from playbook.render.pages import dump_page


def define_env(env: Any) -> None:
    try:
        book = book_for_build(Path(env.project_dir))
    except DataError as err:
        raise PluginError(str(err)) from None
    env.variables["playbook"] = book
    SiteMacros(book, env).register(env)


def on_post_page_macros(env: Any) -> None:
    """For the benchmark only: with PLAYBOOK_DUMP_MARKDOWN set, keep each page as plain Markdown."""
    folder = os.environ.get("PLAYBOOK_DUMP_MARKDOWN")
    if folder:
        dump_page(Path(folder), env.page.file.src_uri, env.page.meta, env.markdown)
