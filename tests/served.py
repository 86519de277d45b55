"""`mkdocs serve --dirty` in a process of its own, driven line by line: the calls MkDocs' serve makes for each
rebuild (the configuration loaded again, a dirty build into the one served folder, the plugins kept), without the
file watcher and the HTTP server, so a test decides when a rebuild happens and knows when it is done.

    python -m tests.served PROJECT SITE_DIR      then, on stdin, one line per rebuild: "build"
    answers one line per rebuild: "built <seconds>" or "failed <message>"
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config


def main(project: Path, site_dir: Path) -> None:
    def config():  # serve's get_config(): the file read again for every build, the plugin instances kept
        return load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site_dir))

    first = config()
    first.plugins.on_startup(command="serve", dirty=True)
    for line in sys.stdin:
        if line.strip() != "build":
            continue
        start = time.perf_counter()
        try:
            build(config(), dirty=True)
        except Exception as err:  # the test reads the message; serve goes on after a failed build the same way
            print(f"failed {type(err).__name__}: {err}".replace("\n", " | "), flush=True)
            continue
        print(f"built {time.perf_counter() - start:.3f}", flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
