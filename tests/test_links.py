"""linkchecker over the site served on 127.0.0.1, anchors included: 0 errors."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

CONFIG = Path(__file__).parent / "linkcheckerrc"


def test_linkchecker_finds_no_broken_link_or_anchor(server: str):
    beside = Path(sys.executable).parent / "linkchecker"
    exe = str(beside) if beside.exists() else shutil.which("linkchecker")
    assert exe, "linkchecker is a locked dependency; run the README's test command"
    result = subprocess.run([exe, "-f", str(CONFIG), "--no-status", server], capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert "0 errors found" in result.stdout
