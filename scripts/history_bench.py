"""Time the git pass of the build (playbook/index/history.py, `read_history`): on this repository and on a synthetic
history of N entry files with the same shape (about 3.5 changes per file, ten files of one kind a commit, a few
renames), made with `git fast-import` in a temporary folder and repacked. Prints the median of several runs of each.

    .venv/bin/python scripts/history_bench.py [--files 2500] [--runs 7]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playbook.index.history import read_history

ROOT = Path(__file__).resolve().parent.parent
KINDS = ("situations", "models", "tactics", "checklists", "prompts", "paths", "sources")


def timed(root: Path, runs: int) -> tuple[float, float, int, int]:
    """Median and fastest seconds of `read_history(root)`, with the number of changes and of files it found."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        history = read_history(root)
        times.append(time.perf_counter() - start)
    return statistics.median(times), min(times), len(history.changes), len(history.by_path)


def synthetic(folder: Path, files: int) -> Path:
    """A repository whose data/ holds `files` entries: each added, changed two or three times, one in 25 renamed."""
    subprocess.run(["git", "init", "-q", "-b", "main", str(folder)], check=True)
    names = [f"data/{KINDS[i * len(KINDS) // files]}/entry-{i:05d}.yml" for i in range(files)]  # a commit stays in one kind
    stream: list[bytes] = []
    mark = 0
    when = 1_750_000_000

    def commit(ops: list[str], subject: str) -> None:
        nonlocal mark, when
        mark += 1
        when += 3600
        message = subject.encode()
        head = [f"commit refs/heads/main\nmark :{mark}\ncommitter Ana <ana@example.org> {when} +0000\n".encode(),
                f"data {len(message)}\n".encode(), message, b"\n"]
        if mark > 1:
            head.append(f"from :{mark - 1}\n".encode())
        stream.extend(head)
        stream.extend(op.encode() for op in ops)
        stream.append(b"\n")

    def blob(name: str, version: int) -> str:
        body = f"title: Entry {name}\nsummary: Version {version} of a synthetic entry for the timing of the git pass.\n"
        return f"M 100644 inline {name}\ndata {len(body.encode())}\n{body}\n"

    for start in range(0, files, 10):
        commit([blob(n, 0) for n in names[start:start + 10]], f"Add entries {start} to {start + 9}")
    for version in (1, 2):
        for start in range(0, files, 10):
            commit([blob(n, version) for n in names[start:start + 10]], f"Edit entries {start} to {start + 9}")
    for start in range(0, files, 50):  # one in 25 renamed, then changed once more (3.5 changes a file on average)
        ops = [f"R {n} {n.replace('entry-', 'renamed-')}\n" for n in names[start:start + 2]]
        commit(ops, f"Rename entries {start} and {start + 1}")
    for start in range(0, files // 2, 10):
        commit([blob(n, 3) for n in names[start:start + 10] if int(n[-9:-4]) % 50 >= 2], f"Edit entries {start} to {start + 9}")
    subprocess.run(["git", "-C", str(folder), "fast-import", "--quiet"], input=b"".join(stream), check=True)
    subprocess.run(["git", "-C", str(folder), "reset", "-q", "--hard", "main"], check=True)
    subprocess.run(["git", "-C", str(folder), "repack", "-adq"], check=True)  # packed as a clone or a gc leaves it
    return folder


def report(name: str, median: float, fastest: float, changes: int, files: int) -> str:
    return (f"{name}: {files} files, {changes} changes: median {median * 1000:.0f} ms, fastest {fastest * 1000:.0f} ms "
            f"({fastest / max(changes, 1) * 1e6:.0f} µs a change at the fastest)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=2500)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    print(report("this repository", *timed(ROOT, args.runs)))
    with tempfile.TemporaryDirectory() as tmp:
        repo = synthetic(Path(tmp) / "repo", args.files)
        print(report("synthetic", *timed(repo, args.runs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
