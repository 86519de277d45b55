"""The Nu HTML Checker (vnu.jar from the `vnu-jar` npm package, on Debian's Java) over a built site.

It is started in the background as soon as the session's site is built (`start`, called by the
`built_site` fixture) and read back by `tests/test_html.py` (`result`)."""

from __future__ import annotations

import atexit
import json
import shutil
import subprocess
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Errors that stock Material for MkDocs 9.8 emits on every site, by name. Each is matched on its message
# AND the markup it points at, so an error of ours with the same message is never counted here.
MATERIAL_ERRORS: dict[str, tuple[str, str]] = {
    "autocomplete on Material's md-toggle checkboxes": (
        "Attribute “autocomplete” is only allowed when the input type is", 'class="md-toggle"'),
    "empty tabindex on navigation section labels": (
        "Bad value “” for attribute “tabindex” on element “label”", 'class="md-nav__link'),
    "table-of-contents label for the __toc toggle of pages outside the navigation": (
        "The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control",
        'for="__toc"'),
}


@dataclass(frozen=True)
class Message:
    page: str
    line: int
    message: str
    extract: str

    def __str__(self) -> str:
        return f"{self.page}:{self.line}: {self.message}\n    {self.extract.strip()[:200]}"


@dataclass(frozen=True)
class Report:
    pages: int
    own: list[Message]
    material: Counter[str]


_running: dict[Path, tuple[subprocess.Popen[bytes], Path]] = {}


def java() -> str:
    found = shutil.which("java")
    assert found, "Java is missing: run the README's test command (it installs default-jre-headless)"
    assert VNU_JAR.exists(), "node_modules/vnu-jar is missing: run the README's test command (npm ci)"
    return found


def start(site: Path) -> None:
    """Start vnu over every HTML page of `site`; its JSON report goes to a file beside the site."""
    if site in _running or not VNU_JAR.exists() or shutil.which("java") is None:
        return  # `result` says what is missing
    out = site.parent / "vnu.json"
    with out.open("wb") as sink:
        process = subprocess.Popen([java(), "-jar", str(VNU_JAR), "--format", "json", "--skip-non-html", str(site)],
                                   stdout=subprocess.DEVNULL, stderr=sink)
    atexit.register(lambda: process.poll() is None and process.kill())
    _running[site] = (process, out)


def classify(messages: list[dict], site: Path) -> Report:
    """Split vnu's errors into Material's (counted by name) and ours (and non-document errors); warnings are not counted."""
    own: list[Message] = []
    material: Counter[str] = Counter({name: 0 for name in MATERIAL_ERRORS})
    for m in messages:
        if m.get("type") == "info":  # warnings and notes
            continue
        text, extract = m.get("message", ""), m.get("extract", "")
        name = next((n for n, (msg, mark) in MATERIAL_ERRORS.items() if text.startswith(msg) and mark in extract), None)
        if name:
            material[name] += 1
            continue
        page = m.get("url", "").removeprefix("file:").removeprefix(str(site)) or "?"
        own.append(Message(page, m.get("lastLine", 0), text, extract))
    return Report(sum(1 for _ in site.rglob("*.html")), own, material)


def result(site: Path, timeout: float = 900) -> Report:
    """Wait for the check of `site` (starting it if it is not running yet) and classify its errors."""
    java()
    start(site)
    process, out = _running[site]
    process.wait(timeout=timeout)
    raw = out.read_text(encoding="utf-8")
    assert raw.strip(), f"vnu exited {process.returncode} with no report"
    return classify(json.loads(raw)["messages"], site)
