"""The playbook's mkdocs-macros module (`module_name: macros`): its hooks live in `plugin.py`.

Zensical, Material's successor, loads this file as a lone module rather than as a package, so relative
imports would fail; in that case it loads itself again as the package it is.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

if sys.modules.get(__name__) is None:  # executed outside the import system (Zensical)
    _spec = importlib.util.spec_from_file_location(__name__, __file__, submodule_search_locations=[str(Path(__file__).parent)])
    assert _spec and _spec.loader
    _package = importlib.util.module_from_spec(_spec)
    sys.modules[__name__] = _package
    _spec.loader.exec_module(_package)
    define_env = _package.define_env
    on_post_page_macros = _package.on_post_page_macros
else:
    from .plugin import define_env, on_post_page_macros

__all__ = ["define_env", "on_post_page_macros"]
