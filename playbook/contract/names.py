"""Names an entry may take: the id pattern, its length, and the names hand-written pages hold.

An entry's id is its file name and its URL `/<kind>/<id>/`; an alias is a former id whose URL
becomes a redirect. Neither may take the place of another page: a kind's index (`/tactics/`), the
print pack (`/checklists/print/`), the tag and tool pages. So the reserved names are derived from the
hand-written files in docs/ plus the one list below of names the site generator itself writes.
"""

from __future__ import annotations

import re
from pathlib import Path

from playbook.contract.characters import character_problem

MAX_ID = 80
"""Characters in an id: a URL segment people read, and far below the 255-byte file-name limit."""

ID = r"[a-z0-9]+(?:-[a-z0-9]+)*"
"""An id: lowercase letters and digits in words joined by single hyphens (the one definition; models.py builds
its patterns from it)."""
_ID = re.compile(ID)

def alias_ref(alias: str, kind_dir: str) -> str:
    """The `<kind dir>/<id>` an alias frees: a bare former id is of the entry's own kind; an entry merged from
    another kind names that kind (`tactics/surface-the-priority-deadlock` on a situation)."""
    return alias if "/" in alias else f"{kind_dir}/{alias}"


def redirect_target(old: str, kind_dir: str, entry_id: str) -> str:
    """The relative URL from the redirect page of `old` (`<kind dir>/<id>`) to the entry it now names."""
    return f"../{entry_id}/" if old.startswith(f"{kind_dir}/") else f"../../{kind_dir}/{entry_id}/"


SITE_NAMES = ("index", "print", "tags", "search", "assets", "api", "404", "sitemap", "stylesheets", "javascripts")
"""Names MkDocs, Material or the playbook plugin give to pages and folders (each kind's generated
`index`, the print pack): never an id or alias."""


WINDOWS_NAMES = frozenset({"con", "prn", "aux", "nul", *(f"{port}{n}" for port in ("com", "lpt") for n in range(10))})
"""Device names Windows reserves, with any extension (`con.yml`, `nul.tar.gz`): such a file or folder cannot be
checked out or built there."""


def windows_problem(name: str) -> str | None:
    """Why `name` cannot be a file or folder name on Windows, or None."""
    device = name.split(".", 1)[0].rstrip(" ").lower()
    if device in WINDOWS_NAMES:
        return f"'{device}' is a device name on Windows (with or without an extension): such a file cannot exist there; choose another name"
    return None


PROTOTYPE_NAMES = frozenset({"constructor", "prototype", "__proto__"})
"""Names every JavaScript object answers to: the browser code keys tables by ids (competencies, tags, entries), and
`table["constructor"]` is a function even in an empty `{}`, so such an id is refused (the code also uses `Map`)."""


def id_problem(name: str) -> str | None:
    """Why `name` is not a valid id, or None. The whole name must match (a trailing newline does not)."""
    if len(name) > MAX_ID:
        return f"an id is at most {MAX_ID} characters (this one has {len(name)})"
    if name in PROTOTYPE_NAMES:
        return f"'{name}' is a name every JavaScript object already has: the site's browser code would read it wrongly; choose another name"
    windows = windows_problem(name)
    if windows:
        return windows
    if not _ID.fullmatch(name):
        hidden = character_problem(name, one_line=True)
        return f"{hidden.split(':', 1)[0]}: use lowercase letters, digits and single hyphens" if hidden else \
            "use lowercase letters, digits and single hyphens"
    return None


def hand_written(docs_dir: Path) -> dict[str, list[str]]:
    """name -> docs-relative paths of the hand-written pages (and folders) of that name in docs/ (every page
    there is hand-written: the generated ones live in memory, in the pipeline's Site)."""
    names: dict[str, list[str]] = {}
    if not docs_dir.is_dir():
        return names
    for path in sorted(docs_dir.rglob("*")):
        rel = path.relative_to(docs_dir).as_posix()
        if path.suffix == ".md":
            names.setdefault(path.stem, []).append(f"docs/{rel}")
        elif path.is_dir():
            names.setdefault(path.name, []).append(f"docs/{rel}/")
    return names


def reserved_problem(name: str, kind_dir: str, pages: dict[str, list[str]]) -> str | None:
    """Why `name` may not be an id or alias in `kind_dir`, given the hand-written `pages`; or None."""
    windows = windows_problem(name)
    if windows:
        return windows
    if name in SITE_NAMES:
        return f"'{name}' is reserved for the site's own pages and folders: choose another name"
    if name in pages:
        paths = pages[name]
        shown = next((p for p in paths if p.startswith(f"docs/{kind_dir}/")), paths[0])
        return f"'{name}' is the name of the hand-written page {shown}: choose another name"
    return None
