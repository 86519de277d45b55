"""The layout the contributing page describes: stages that import only downwards, no module-level mutable state,
and mkdocs.yml read like data."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from playbook.contract.site_config import read_site_config
from playbook.contract.urls import DEFAULT_SITE_URL

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("playbook", "macros")

LAYERS = {
    # a module may import from its own layer and the layers below it, never above
    "playbook.problems": 0, "playbook.safe_paths": 0, "playbook.contract": 1, "playbook.load": 2, "playbook.schema": 3, "playbook.index": 4,
    "playbook.render": 5, "playbook.tools": 6, "playbook.quality": 6, "playbook.pipeline": 7, "macros": 8,
    "playbook.adapter": 9, "playbook.cli": 9,
}

pytestmark = pytest.mark.unit


def _modules() -> list[tuple[str, Path, ast.Module]]:
    out = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
            out.append((name, path, ast.parse(path.read_text(encoding="utf-8"))))
    return out


def _layer(module: str) -> int | None:
    best = max((p for p in LAYERS if module == p or module.startswith(p + ".")), key=len, default=None)
    return LAYERS[best] if best else None


def _imports(tree: ast.Module) -> list[tuple[int, str]]:
    """Imports that run when the module loads (not those under `if TYPE_CHECKING:`)."""
    out = []
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out += [(node.lineno, node.module)] + [(node.lineno, f"{node.module}.{a.name}") for a in node.names]
        elif isinstance(node, ast.Import):
            out += [(node.lineno, a.name) for a in node.names]
    return out


def test_stages_import_only_downwards():
    """load < schema < index < render < tools/quality < pipeline < macros < adapter/cli: no cycles by construction."""
    upward = []
    for name, path, tree in _modules():
        mine = _layer(name)
        for line, target in _imports(tree):
            theirs = _layer(target)
            if mine is not None and theirs is not None and theirs > mine:
                upward.append(f"{path.relative_to(ROOT)}:{line}: {name} imports {target}")
    assert not upward, "\n".join(upward)


def test_only_the_adapter_imports_mkdocs():
    found = [f"{path.relative_to(ROOT)}:{line}" for name, path, tree in _modules() if not name.startswith("playbook.adapter")
             for line, target in _imports(tree) if target == "mkdocs" or target.startswith("mkdocs.")]
    assert not found, found


MUTABLE = (ast.Dict, ast.List, ast.Set, ast.DictComp, ast.ListComp, ast.SetComp)
MUTABLE_CALLS = {"dict", "list", "set", "defaultdict", "OrderedDict", "Counter", "deque", "WeakValueDictionary",
                 "WeakKeyDictionary"}
CACHES = {"lru_cache", "cache", "cached"}


def _state(tree: ast.Module) -> list[tuple[int, str]]:
    found = []
    for node in tree.body:
        value = node.value if isinstance(node, ast.Assign | ast.AnnAssign) else None
        names = [t.id for t in getattr(node, "targets", [getattr(node, "target", None)]) if isinstance(t, ast.Name)]
        if value is not None and names and names != ["__all__"]:  # (attributes of a class, e.g. PyYAML's loader, are its API)
            call = value.func.attr if isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) else \
                value.func.id if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) else None
            if isinstance(value, MUTABLE) or call in MUTABLE_CALLS:
                found.append((node.lineno, f"{', '.join(names)}: a mutable {type(value).__name__} at module level"))
        if isinstance(node, ast.FunctionDef):
            for deco in node.decorator_list:
                name = deco.func if isinstance(deco, ast.Call) else deco
                label = name.attr if isinstance(name, ast.Attribute) else getattr(name, "id", "")
                if label in CACHES:
                    found.append((node.lineno, f"{node.name}: a module-level {label}"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Global):
            found.append((node.lineno, f"global {', '.join(node.names)}"))
    return found


def test_no_module_level_mutable_state():
    """Caches live on the plugin instance (a Memo): a module-level dict, list or set, an lru_cache or a `global`
    would outlive the build that filled it. Constants are tuples, frozensets and mappings built once."""
    found = [f"{path.relative_to(ROOT)}:{line}: {what}" for _, path, tree in _modules() for line, what in _state(tree)]
    assert not found, "\n".join(found)


def test_the_state_check_sees_state():
    tree = ast.parse("import functools\nA = {}\nB = [1]\n@functools.lru_cache\ndef f(): pass\ndef g():\n    global A\n")
    assert [line for line, _ in _state(tree)] == [2, 3, 5, 7]


def test_mkdocs_yml_sets_no_key_twice(tmp_path):
    settings, problems = read_site_config(ROOT / "mkdocs.yml")
    assert not problems, [str(p) for p in problems]
    assert settings["not_in_nav"] and isinstance(settings["nav"], list)
    twice = tmp_path / "mkdocs.yml"
    twice.write_text("site_name: x\nnav: |\n  /a/*.md\nnav:\n  - index.md\n", encoding="utf-8")
    assert [str(p) for p in read_site_config(twice)[1]] == ["mkdocs.yml:4: nav: 'nav' is set twice: YAML would keep only the last one"]


def test_one_default_site_address():
    settings, _ = read_site_config(ROOT / "mkdocs.yml")
    assert settings["site_url"] == DEFAULT_SITE_URL
    assert DEFAULT_SITE_URL.removeprefix("http://").rstrip("/") in (ROOT / "scripts" / "dev.py").read_text()


def test_the_architecture_picture_names_every_module_and_only_real_ones():
    """docs/contributing.md#architecture: a newcomer checks the picture against the tree; so does this test."""
    text = (ROOT / "docs" / "contributing.md").read_text(encoding="utf-8")
    picture = text[text.index("{ #architecture }"):]
    picture = picture[: picture.index("```", picture.index("```text") + 3)]
    folders = sorted({p.parent.relative_to(ROOT).as_posix() for p in (ROOT / "playbook").rglob("*.py")} - {"playbook"})
    missing = [f for f in folders if f + "/" not in picture]
    modules = [p for p in (ROOT / "playbook").rglob("*.py") if p.name != "__init__.py"]
    unnamed = [p.relative_to(ROOT).as_posix() for p in modules if p.name not in picture]
    named = set(re.findall(r"\b([a-z_]+\.py)\b", picture))
    real = {p.name for p in modules} | {"pipeline.py", "site.py", "cli.py"}
    ghosts = sorted(named - real)
    assert not missing and not unnamed and not ghosts, (missing, unnamed, ghosts)
