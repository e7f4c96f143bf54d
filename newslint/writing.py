"""Writing reports and baselines: whole or not at all.

A report or baseline is written to a temporary file in the same folder and renamed over the target, so
a reader racing the writer (an editor's tool, a CI step) sees the old file or the new one, never half.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomically(target: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``target`` by rename; raises OSError like ``Path.write_text``."""
    folder = target.parent if str(target.parent) else Path(".")
    descriptor, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        if target.exists():  # keep the permissions the file had
            os.chmod(temporary, target.stat().st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def same_file(first: Path, second: Path) -> bool:
    """Whether two paths name one file (also through links); False when either does not exist yet."""
    try:
        return os.path.samefile(first, second)
    except OSError:
        return False
