"""mkdocs.yml read like data: a duplicate key is an error, not a silent overwrite.

YAML keeps the last of two equal keys, so a second `nav:` once replaced the first without a word. MkDocs'
own tags (`!ENV`, `!relative`, `!!python/name:`) are read as their plain values: this reader checks the shape
of the file, and MkDocs still reads it for the build.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from playbook.contract.kinds import KINDS
from playbook.problems import Problem

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _ConfigLoader(_Base):  # type: ignore[misc, valid-type]
    """Records every duplicate key with its line; constructs unknown tags as plain values."""

    duplicates: list[tuple[int, str]]


def _mapping(loader: _ConfigLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        if key in seen:
            loader.duplicates.append((key_node.start_mark.line + 1, str(key)))
        seen.add(key)
    return loader.construct_mapping(node)


def _any_tag(loader: _ConfigLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.SequenceNode):
        values = loader.construct_sequence(node)
        return values[-1] if values else None  # !ENV [NAME, default] -> the default
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node)
    return loader.construct_scalar(node)


_ConfigLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
_ConfigLoader.add_multi_constructor("!", _any_tag)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _any_tag)


def read_site_config(path: Path) -> tuple[dict[str, Any], list[Problem]]:
    """The settings of `mkdocs.yml` and its problems (duplicate keys) as `path:line: field: message`."""
    loader = _ConfigLoader(path.read_text(encoding="utf-8"))
    loader.duplicates = []
    try:
        data = loader.get_single_data() or {}
    finally:
        loader.dispose()
    problems = [Problem(path.name, line, key, f"'{key}' is set twice: YAML would keep only the last one")
                for line, key in loader.duplicates]
    return data, problems


def docs_dir(root: Path) -> Path:
    """The folder of the hand-written pages, as mkdocs.yml names it (MkDocs' default: docs)."""
    config = root / "mkdocs.yml"
    settings = read_site_config(config)[0] if config.is_file() else {}
    return root / str(settings.get("docs_dir") or "docs")


def nav_paths(nav: Any) -> list[str]:
    """Every page path named in a `nav:` setting."""
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, dict):
        return [p for value in nav.values() for p in nav_paths(value)]
    if isinstance(nav, list):
        return [p for item in nav for p in nav_paths(item)]
    return []


def with_every_kind(nav: list[Any]) -> list[Any]:
    """`nav` with the index page of each kind it does not place added at the end (the plugin and the tree alike)."""
    placed = set(nav_paths(nav))
    return [*nav, *({k.title: f"{k.dir}/index.md"} for k in KINDS if f"{k.dir}/index.md" not in placed)]
