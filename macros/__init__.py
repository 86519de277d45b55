"""The macros that the hand-written pages in docs/ call, for mkdocs-macros: registration only. The macros
themselves are `playbook.tools.page_macros.SiteMacros`.

Under MkDocs the `playbook` plugin (playbook/adapter/plugin.py) runs the pipeline once per build and registers the
macros of that build (`Site.macros`) with mkdocs-macros itself (its `register_macros` hook). `define_env` below is
what mkdocs-macros calls for `module_name: macros`: it does nothing when the playbook plugin is there, and otherwise
(mkdocs-macros without our plugin) runs the pipeline itself.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs_macros.errors import format_error


@format_error.register(Exception)
def _error_without_traceback(error: Exception, markdown: str, page: Any) -> str:
    """What mkdocs-macros puts in the page (and logs) when a macro raises: one line naming the page, the error's type
    and message, never a Python traceback (its default renders the traceback into the built page). `mkdocs build
    --strict` still fails on it; the data behind a macro is checked by `playbook check` as `path:line: field: message`."""
    first = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return f"**Macro error** in `{page.file.src_path}`: {type(error).__name__}: {first}"


def define_env(env: Any) -> None:
    if "playbook" in env.conf["plugins"]:
        return  # the playbook plugin registers the macros, bound to the index of the build it runs
    from playbook.pipeline import run

    site = run(Path(env.project_dir), Path(env.conf["docs_dir"]))
    for name, macro in site.macros(env).items():
        env.macro(macro, name)


def on_post_page_macros(env: Any) -> None:
    """For the benchmark only: with PLAYBOOK_DUMP_MARKDOWN set, keep each hand-written page as plain Markdown
    (after its macros ran), to build the same pages without our plugin or mkdocs-macros."""
    import os

    folder = os.environ.get("PLAYBOOK_DUMP_MARKDOWN")
    if folder:
        from playbook.render.pages import dump_page

        dump_page(Path(folder), env.page.file.src_uri, env.page.meta, env.markdown)
