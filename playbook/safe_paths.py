"""Folders the build and the command line write or clean, checked before use.

A checkout can carry ignored paths (`git add -f .cache/pages` as a link to any folder, a `site` link), so every folder
the tools write into or clean is checked first: no part of its path is a symlink, it lies where it is meant to be
(inside the project, or a new, empty or marked folder for command-line output), and only files the tool recorded in
its manifest are ever removed. A refusal is an `UnsafePath`: one line that names the path.

Standard library only: scripts/dev.py loads this file by its path before the project's venv exists, to check the
folders it creates, clears or installs into (.venv, node_modules) before it runs `venv` or `npm ci`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

MANIFEST = ".playbook-pages"
"""The list of files `write_pages` wrote into a folder: the only files it ever removes there, and the folder's mark."""


class UnsafePath(ValueError):
    """A folder the tools refuse to write into or clean; str() is one line naming it."""


def _links_along(start: Path, parts: Iterable[str]) -> Path | None:
    """The first existing component below `start`, following `parts` in order, that is a symlink (or not a folder)."""
    here = start
    for part in parts:
        here = here / part
        if here.is_symlink():
            return here
        if not here.exists():
            return None
    return None


def _absolute(path: Path) -> Path:
    """`path` made absolute without resolving links (`..` kept: each component is checked as written)."""
    return path if path.is_absolute() else Path.cwd() / path


def _refusal(what: str, target: Path, link: Path) -> UnsafePath:
    where = "is" if link == target else f"goes through {link}, which is"
    return UnsafePath(f"{what} {target} {where} a symbolic link: refusing to write or clean through it (remove the link)")


def _no_links(path: Path, what: str) -> Path:
    """`path` (absolute) when none of its components is a symlink, else UnsafePath."""
    link = _links_along(Path(path.anchor), path.parts[1:])
    if link is not None:
        raise _refusal(what, path, link)
    return path


def inside(root: Path, folder: Path, what: str, *, owned: bool = False) -> Path:
    """`folder` (relative to `root`, or absolute) for the build to write or clean inside the project: no component
    below `root` is a symlink and it resolves inside `root`; an `owned` folder (all of it the tool's: the generated
    pages) holds no symlink anywhere. Returns the absolute folder."""
    root = _absolute(root)
    target = folder if folder.is_absolute() else root / folder
    real_root = root.resolve()
    try:
        rel = target.relative_to(root)
    except ValueError:
        raise UnsafePath(f"{what} {target}: not inside the project {root}") from None
    link = _links_along(root, rel.parts)
    if link is not None:
        raise _refusal(what, target, link)
    resolved = target.resolve()
    if resolved != real_root and real_root not in resolved.parents:
        raise UnsafePath(f"{what} {target}: resolves to {resolved}, outside the project {root}")
    if owned:
        _no_links_within(target, what)
    return target


def site_folder(root: Path, site_dir: Path) -> Path:
    """The site folder MkDocs writes and cleans: inside the project it obeys `inside`; elsewhere (named on the command
    line, a temporary folder under `mkdocs serve`) none of its components may be a symlink. Everything in it is
    written by the build (MkDocs' pages and assets, our api/, search/, feed.xml), so it holds no symlink anywhere
    (one walk) and, when it exists, is a folder."""
    root, site = _absolute(root), _absolute(site_dir)
    if site == root or site in root.parents:
        raise UnsafePath(f"site folder {site}: it holds the project; cleaning it would delete the sources")
    site = inside(root, site, "site folder") if root in site.parents else _no_links(site, "site folder")
    if site.exists() and not site.is_dir():
        raise UnsafePath(f"site folder {site}: not a folder (remove the file or choose another site_dir)")
    _no_links_within(site, "site folder")
    outside = root not in site.parents
    if outside and site.is_dir() and any(site.iterdir()) and not all((site / name).is_file() for name in SITE_MARKS):
        raise UnsafePath(f"site folder {site}: outside the project, it holds files and no site built before "
                         f"({' and '.join(SITE_MARKS)}); refusing to clean or write into it: choose an empty or new folder")
    return site


SITE_MARKS = ("404.html", "sitemap.xml")
"""What every build of the site writes at its top: a non-empty folder outside the project without them is not a site
(a `site_dir` a pull request points at a folder of someone's files)."""


def _no_links_within(folder: Path, what: str) -> None:
    """No symlink anywhere inside `folder` (os.walk does not descend into linked folders, it lists them)."""
    for here, dirs, files in os.walk(folder):
        link = next((Path(here) / name for name in sorted(dirs + files) if (Path(here) / name).is_symlink()), None)
        if link is not None:
            raise _refusal(what, folder, link)


def plain_file(path: Path, what: str) -> Path:
    """A file the command line overwrites (`export -o`, a schema): neither it nor any folder on its path is a symlink,
    and it is not a folder. Returns the absolute path."""
    target = _no_links(_absolute(path), what)
    if target.is_dir():
        raise UnsafePath(f"{what} {target}: is a folder, not a file")
    return target


def output_folder(folder: Path, mark: str, what: str) -> Path:
    """A folder the command line writes (`pages --out`, `tree`): no component is a symlink, and it is new, empty or
    marked with `mark` (written there before). Returns the absolute folder."""
    target = _no_links(_absolute(folder), what)
    if target.exists() and not target.is_dir():
        raise UnsafePath(f"{what} {target}: not a folder")
    if (target / mark).is_symlink():  # refused before anything is written, not after
        raise _refusal(what, target, target / mark)
    if target.is_dir() and any(target.iterdir()) and not (target / mark).is_file():
        raise UnsafePath(f"{what} {target} is not empty and holds nothing playbook wrote before (no {mark}): choose a new or empty folder")
    return target


def checked_pages_folder(folder: Path, rels: Iterable[str]) -> None:
    """Before `write_pages` writes `rels` into `folder`: neither the folder nor a subfolder it writes through is a
    symlink, and each name is a plain relative path (no `..`, not absolute)."""
    if folder.is_symlink():
        raise _refusal("pages folder", folder, folder)
    if (folder / MANIFEST).is_symlink():
        raise _refusal("pages folder", folder, folder / MANIFEST)
    for parent in sorted({PurePosixPath(_plain(rel, folder)).parent for rel in rels}):
        link = _links_along(folder, parent.parts)
        if link is not None:
            raise _refusal("pages folder", folder, link)


def _plain(rel: str, folder: Path) -> str:
    path = PurePosixPath(rel)
    if path.is_absolute() or ".." in path.parts or not path.parts or "\\" in rel:
        raise UnsafePath(f"pages folder {folder}: {rel!r} is not a plain relative path")
    return rel


def owned_files(folder: Path) -> list[Path]:
    """The files a previous `write_pages` recorded in `folder`'s manifest (absent: none), each a plain path inside it
    reached through no symlinked folder: the only files it may remove."""
    manifest = folder / MANIFEST
    if manifest.is_symlink() or not manifest.is_file():
        return []
    try:
        rels = [line for line in manifest.read_text(encoding="utf-8").splitlines() if line]
    except (UnicodeDecodeError, OSError) as err:
        raise UnsafePath(f"pages folder {folder}: its manifest {MANIFEST} cannot be read ({err.__class__.__name__}): "
                         "remove it and the pages it listed") from None
    checked_pages_folder(folder, rels)
    paths = [folder / rel for rel in sorted(set(rels)) if rel.endswith(".md")]
    return [path for path in paths if path.is_file() or path.is_symlink()]


def record_owned(folder: Path, rels: Iterable[str]) -> None:
    """Write `folder`'s manifest: the pages `write_pages` wrote there (replaced atomically, only when it changes)."""
    manifest = folder / MANIFEST
    text = "".join(f"{rel}\n" for rel in sorted(rels))
    if manifest.is_symlink():
        raise _refusal("pages folder", folder, manifest)
    if manifest.is_file() and manifest.read_bytes() == text.encode("utf-8"):
        return
    folder.mkdir(parents=True, exist_ok=True)
    temp = folder / f"{MANIFEST}.{os.getpid()}.tmp"
    try:
        temp.write_text(text, encoding="utf-8")
        os.replace(temp, manifest)
    finally:
        temp.unlink(missing_ok=True)


VENV_PARTS = ("bin", "lib", "include", "pyvenv.cfg", ".installed-lock")
"""What `venv` and pip write through inside a virtual environment (lib64 is venv's own link to lib)."""


def venv_folder(root: Path, venv: Path, what: str) -> Path:
    """A virtual environment the tools create, clear or install into: `inside` the project, a folder when it exists,
    and none of the parts venv and pip write through (bin, lib, lib/pythonX.Y, site-packages…) a symlink: a committed
    `.venv/lib` link would make pip install into the folder it points to."""
    venv = inside(root, venv, what)
    if venv.exists() and not venv.is_dir():
        raise UnsafePath(f"{what} {venv}: not a folder (remove the file)")
    inner = [venv / name for name in VENV_PARTS]
    inner += [p for lib in (venv / "lib",) if lib.is_dir() and not lib.is_symlink() for p in lib.iterdir()]
    inner += [p / "site-packages" for p in inner if p.parent.name == "lib" and p.is_dir() and not p.is_symlink()]
    link = next((p for p in inner if p.is_symlink()), None)
    if link is not None:
        raise _refusal(what, venv, link)
    return venv


def lock_file(path: Path, what: str) -> int:
    """Open (create) a lock file for writing without following a symlink: a committed link there would truncate the
    file it points to. Returns the file descriptor."""
    try:
        return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_NOFOLLOW, 0o644)
    except OSError as err:
        raise UnsafePath(f"{what} {path}: cannot be opened as a plain file ({err.strerror}): remove it") from None
