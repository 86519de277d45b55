#!/usr/bin/env python3
"""One entry point for people and CI. Needs only Python 3.11+, git and apt on a fresh machine.

    python3 scripts/dev.py serve   # set up, then serve the site on http://127.0.0.1:8000/ with live reload
                                   # (a save rebuilds only the pages it changed; --full rebuilds every page;
                                   # --port N serves on another port, checked before the first build)
    python3 scripts/dev.py test    # set up (with Debian's chromium and java, npm ci), then ruff, mypy and every test
                                   # (vnu included) on two pytest-xdist workers
    python3 scripts/dev.py test --fast   # ruff, then the unit, build and content tiers: no browser, no linkchecker
    python3 scripts/dev.py test --tier unit   # one tier alone: unit (no build, seconds), build, browser or content
    python3 scripts/dev.py check   # validate the data: every problem as path:line: field: message
    python3 scripts/dev.py bench   # the benchmark: prints a table and writes docs/about/benchmark.md
    python3 scripts/dev.py lighthouse   # Lighthouse (desktop) on one page of every kind: scores per page
    python3 scripts/dev.py zensical     # build with Zensical (own venv), export included; --runs N times it beside MkDocs
    python3 scripts/dev.py build --site-url URL   # the site for URL in site/ (strict): what CI and a web server need
    python3 scripts/dev.py review-due   # entries never reviewed or reviewed over 12 months ago (--months N, --owner X)
    python3 scripts/dev.py lock    # re-pin requirements.lock from requirements.in (needs the network)
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
BIN = VENV / "bin"
LOCK = ROOT / "requirements.lock"
STAMP = VENV / ".installed-lock"
CHROMIUM = "/usr/bin/chromium"


def _load_guard():
    """playbook/safe_paths.py, loaded by its path (standard library only: it runs before .venv exists)."""
    spec = importlib.util.spec_from_file_location("playbook_safe_paths", ROOT / "playbook" / "safe_paths.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


GUARD = _load_guard()


def checked(folder: Path, what: str) -> Path:
    """`folder` when it is safe to create, clear or install into (no symlink on its path below the project, inside
    the project): a committed `.venv` or `node_modules` link would make `venv`/`npm ci` empty the folder it points
    to. Otherwise exit with one line naming it."""
    try:
        return GUARD.inside(ROOT, folder, what)
    except GUARD.UnsafePath as err:
        raise SystemExit(f"error: {err}") from None


def run(*cmd: str | Path, **kw) -> None:
    print("+", " ".join(map(str, cmd)), flush=True)
    subprocess.run([str(c) for c in cmd], check=True, cwd=ROOT, **kw)


def setup() -> None:
    """Create .venv and install the locked, hash-checked dependencies (again only when the lock changes)."""
    try:  # no committed link where venv or pip write (.venv, .venv/lib, site-packages…), and .venv a folder
        GUARD.venv_folder(ROOT, VENV, "virtual environment")
    except GUARD.UnsafePath as err:
        raise SystemExit(f"error: {err}") from None
    if not (BIN / "python").exists():
        run(sys.executable, "-m", "venv", VENV)
    digest = hashlib.sha256(LOCK.read_bytes() + (ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == digest:
        return
    run(BIN / "python", "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    run(BIN / "python", "-m", "pip", "install", "--quiet", "--require-hashes", "-r", LOCK)
    run(BIN / "python", "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation", "-e", ROOT)
    STAMP.write_text(digest)


def ensure_chromium() -> None:
    """Browser tests drive Debian's chromium (browser downloads are not possible here)."""
    if Path(CHROMIUM).exists():
        return
    apt_install("chromium", "fonts-dejavu-core")


def apt_install(*packages: str) -> None:
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    run(*sudo, "apt-get", "update", "-qq", env=env)
    run(*sudo, "apt-get", "install", "-y", "-qq", "--no-install-recommends", *packages, env=env)


def ensure_java() -> None:
    """The Nu HTML Checker (vnu.jar) runs on Debian's Java; the machine may already have one."""
    if shutil.which("java") is None:
        apt_install("default-jre-headless")


def ensure_node_tools() -> None:
    """vnu-jar and lighthouse at the exact versions of package-lock.json, in the project's node_modules/
    (again only when the lock changes). --ignore-scripts: vnu-jar's postinstall would download a Java."""
    if shutil.which("npm") is None:
        apt_install("nodejs", "npm")
    lock = ROOT / "package-lock.json"
    checked(ROOT / "node_modules", "node_modules folder")  # npm ci empties it first, following a link
    stamp = ROOT / "node_modules" / ".installed-lock"
    digest = hashlib.sha256(lock.read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == digest:
        return
    run("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund")
    stamp.write_text(digest)


def ensure_zensical() -> None:
    """The build tier builds the plugin-free tree with Zensical too: its own venv under .cache/ (made once, reused
    while its stamp holds; scripts/zensical.py). `venv --clear` empties the folder a link points to: checked first."""
    checked(ROOT / ".cache" / "zensical" / "venv", "Zensical's virtual environment")
    run(BIN / "python", "-c", "from scripts import zensical; print('zensical:', zensical.zensical())")


def workers(extra: list[str]) -> list[str]:
    """Two pytest-xdist workers, each module on one worker (its module fixtures are made once), unless the command
    line chooses (-n, -p no:xdist). Each worker builds the real site once, into its own temporary folder."""
    chosen = any(a.startswith(("-n", "--numprocesses", "--dist")) for a in extra) or "no:xdist" in extra
    return [] if chosen else ["-n", "2", "--dist", "loadfile"]


def serve_port(args: list[str]) -> tuple[int, list[str]]:
    """`--port N` (default 8000) and the other arguments. The site is served, and its site_url set, at that port."""
    if "--port" not in args[:-1]:
        return 8000, args
    at = args.index("--port")
    value = args[at + 1]
    if not value.isdigit() or not 0 < int(value) < 65536:
        sys.exit(f"error: --port takes a port number (1-65535), not '{value}'")
    return int(value), args[:at] + args[at + 2:]


def port_is_free(port: int) -> bool:
    """Whether serve can listen on 127.0.0.1:port: asked before the first build, not after it."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def env_for_tools() -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}


def build(extra: list[str], env: dict[str, str]) -> int:
    """`mkdocs build --strict --clean` into site/ for the address readers will use (--site-url, or PLAYBOOK_SITE_URL):
    instant navigation, the feed's links and the JSON export's URLs all take it."""
    url = extra[extra.index("--site-url") + 1] if "--site-url" in extra[:-1] else env.get("PLAYBOOK_SITE_URL", "")
    rest = [a for i, a in enumerate(extra) if a != "--site-url" and (i == 0 or extra[i - 1] != "--site-url")]
    if not url.startswith(("http://", "https://")):
        print("build: give the address readers will use, e.g. --site-url https://playbook.example.internal/", file=sys.stderr)
        return 2
    url = url if url.endswith("/") else url + "/"
    shallow = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--is-shallow-repository"], capture_output=True, text=True)
    if shallow.stdout.strip() == "true":
        print("build: a shallow clone: pages show a date only for what its commits changed, and What's new and the feed "
              "list only those; clone with the full history (GIT_DEPTH: 0 on GitLab, fetch-depth: 0 on GitHub)", file=sys.stderr)
    print(f"build: site/ for {url}", file=sys.stderr)
    return subprocess.run([BIN / "mkdocs", "build", "--strict", "--clean", *rest], cwd=ROOT,
                          env={**env, "PLAYBOOK_SITE_URL": url}).returncode


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "help"
    extra = argv[1:]
    if command in ("help", "-h", "--help"):
        print(__doc__)
        return 0
    if command == "lock":
        setup()
        run(BIN / "python", "-m", "pip", "install", "--quiet", "uv")
        run(BIN / "uv", "pip", "compile", "--quiet", "--generate-hashes", "requirements.in", "-o", LOCK)
        return 0
    setup()
    env = env_for_tools()
    if command == "serve":
        # --dirty: the playbook plugin marks exactly the pages an edit changes, so MkDocs rebuilds only those.
        mode = [] if "--full" in extra else ["--dirty"]
        port, args = serve_port([a for a in extra if a not in ("--full", "--dirty")])
        if not port_is_free(port):
            print(f"error: port {port} on 127.0.0.1 is taken (another serve?): stop it, or run "
                  f"`python3 scripts/dev.py serve --port {port + 1}`", file=sys.stderr)
            return 2
        os.execve(BIN / "mkdocs", ["mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", *mode, *args], env)
    if command == "check":
        return subprocess.run([BIN / "playbook", "check", *extra], cwd=ROOT, env=env).returncode
    if command == "review-due":
        return subprocess.run([BIN / "playbook", "review-due", *extra], cwd=ROOT, env=env).returncode
    if command == "build":
        return build(extra, env)
    if command == "lighthouse":
        ensure_chromium()
        ensure_node_tools()
        return subprocess.run([BIN / "python", ROOT / "scripts" / "lighthouse.py", *extra], cwd=ROOT, env=env).returncode
    if command == "zensical":
        return subprocess.run([BIN / "python", ROOT / "scripts" / "zensical.py", *extra], cwd=ROOT, env=env).returncode
    if command == "bench":
        return subprocess.run([BIN / "python", ROOT / "scripts" / "bench.py", *extra], cwd=ROOT, env=env).returncode
    if command == "test":
        fast = "--fast" in extra
        tier = extra[extra.index("--tier") + 1] if "--tier" in extra[:-1] else None
        extra = [a for i, a in enumerate(extra) if a != "--fast" and a != "--tier" and (i == 0 or extra[i - 1] != "--tier")]
        if tier:
            extra = ["-m", tier, *extra]
        elif fast:
            extra = ["-m", "not browser", "--ignore=tests/test_links.py", *extra]
        if tier in (None, "browser") and not fast:
            ensure_chromium()
        if tier in (None, "build"):
            ensure_zensical()
        if tier in (None, "build", "browser"):  # vnu (Java, npm) checks built pages; lighthouse drives the browser
            ensure_java()
            ensure_node_tools()
        for check in ([BIN / "ruff", "check", "macros", "playbook", "tests", "scripts"], [BIN / "mypy"]):  # mypy: [tool.mypy]
            print("+", " ".join(map(str, check)), flush=True)
            if code := subprocess.run(check, cwd=ROOT, env=env).returncode:
                print(f"{check[0].name} found problems: fix them, then run the tests again", file=sys.stderr)
                return code
        return subprocess.run([BIN / "python", "-m", "pytest", *workers(extra), *extra], cwd=ROOT, env=env).returncode
    print(f"unknown command '{command}'\n{__doc__}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
