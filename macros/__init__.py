"""The macros that the hand-written pages in docs/ call (`site.py`), for mkdocs-macros.

Under MkDocs the `playbook` plugin (playbook/adapter/plugin.py) runs the pipeline once per build and
registers these macros with mkdocs-macros itself (its `register_macros` hook), bound to that build's index.
`define_env` below is what mkdocs-macros calls for `module_name: macros`: it does nothing when the playbook
plugin is there, and otherwise (mkdocs-macros without our plugin) loads the index itself.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from macros.site import SiteMacros

__all__ = ["SiteMacros", "define_env"]


def define_env(env: Any) -> None:
    if "playbook" in env.conf["plugins"]:
        return  # the playbook plugin registers the macros, bound to the index of the build it runs
    from playbook.pipeline import Memo, load_playbook

    memo = Memo()
    book = load_playbook(Path(env.project_dir), Path(env.conf["docs_dir"]), memo)
    for name, macro in SiteMacros(book, memo.templates, env).macros().items():
        env.macro(macro, name)
