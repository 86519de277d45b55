"""One module pattern in the browser code (docs/assets/*.js, not vendor/; core.js's header): each file one
`(function () { "use strict"; ... })();` that reads the core as `var playbook = window.playbook`, registers with
playbook.tool or playbook.provide, leaves Material's document$ to core.js, and has no function over 60 lines."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from . import jsmodules

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "docs" / "assets"
SCRIPTS = sorted(ASSETS.glob("*.js"))

CLEAN = """/* A tool. */
(function () {
  "use strict";
  var playbook = window.playbook, store = playbook.store;
  function setupDemo(root) {
    var braces = /[{]}/.test("}") ? "{" : '}';  /* braces in a regex and in strings are no blocks */
    root.textContent = braces + store.get("demo", "");
  }
  playbook.tool("demo", { root: "[data-demo]", setup: setupDemo });
})();
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_scripts_are_found() -> None:
    names = {p.name for p in SCRIPTS}
    assert {"core.js", "kit.js", "find.js", "search.js", "search-box.js"} <= names


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_each_script_follows_the_pattern(script: Path) -> None:
    assert jsmodules.problems(script) == []


def test_each_script_is_loaded_by_the_page_or_the_core() -> None:
    """Every file is in mkdocs.yml's extra_javascript or in core.js's TOOLS: none is loaded some other way."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    listed = {Path(p).name for p in config["extra_javascript"]}
    on_demand = set(re.findall(r'src: "([\w-]+\.js)"', (ASSETS / "core.js").read_text(encoding="utf-8")))
    assert {p.name for p in SCRIPTS} == listed | on_demand


def test_the_files_allowed_long_functions_still_have_one() -> None:
    """The allowance is for what is there: once a listed file has no long function, it leaves the list."""
    for name, reason in sorted(jsmodules.LONG_ALLOWED.items()):
        assert jsmodules.long_functions(ASSETS / name), f"{name} ({reason}): no function over the limit, drop it from LONG_ALLOWED"


def test_a_clean_module_passes(tmp_path: Path) -> None:
    assert jsmodules.problems(write(tmp_path, "demo.js", CLEAN)) == []


@pytest.mark.parametrize(("planted", "said"), [
    (CLEAN.replace("var playbook = window.playbook, store = playbook.store;",
                   "var P = window.playbook, store = P.store; var playbook = P;"), "window.playbook read other than"),
    (CLEAN.replace("store = playbook.store;", "store = playbook.store, T = playbook;"), "T is an alias of playbook"),
    (CLEAN.replace('  playbook.tool("demo"', '  window.document$.subscribe(function () {});\n  playbook.tool("demo"'),
     "document$ is followed by core.js alone"),
    (CLEAN.replace('  playbook.tool("demo"', '  document.addEventListener("DOMContentLoaded", setupDemo);\n  playbook.tool("demo"'),
     "DOMContentLoaded is waited for by core.js alone"),
    (CLEAN.replace("    root.textContent", "    root.hidden = false;\n" * 57 + "    root.textContent"),
     "function setupDemo is 61 lines, more than 60"),
    (CLEAN.replace('playbook.tool("demo", { root: "[data-demo]", setup: setupDemo });', "window.demo = setupDemo;"),
     "registers with neither"),
    (CLEAN.replace("(function () {", "(function (win) {").replace("})();", "})(window);"), "not one module"),
])
def test_a_planted_break_is_caught(tmp_path: Path, planted: str, said: str) -> None:
    found = jsmodules.problems(write(tmp_path, "demo.js", planted))
    assert any(said in line for line in found), found


def test_a_break_planted_in_a_shipped_script_is_caught(tmp_path: Path) -> None:
    """find.js as shipped, then with an alias and a subscription of its own (its form before this pattern)."""
    text = (ASSETS / "find.js").read_text(encoding="utf-8")
    assert jsmodules.problems(write(tmp_path, "find.js", text)) == []
    broken = text.replace("var playbook = window.playbook, all = playbook.all;",
                          "var P = window.playbook, all = P.all;").replace(
        'playbook.tool("find", { root: "[data-find]", setup: setupFind });',
        "window.document$.subscribe(function () { setupFind(document.querySelector('[data-find]')); });")
    found = jsmodules.problems(write(tmp_path, "find.js", broken))
    assert any("window.playbook read other than" in p for p in found), found
    assert any("document$" in p for p in found), found
    assert any("registers with neither" in p for p in found), found
