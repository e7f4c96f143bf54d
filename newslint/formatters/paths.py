"""Paths as CI tools want them: relative to the working directory (the repository root in a job), POSIX."""

from __future__ import annotations

from pathlib import Path, PurePosixPath


def relative_to_working_directory(path: str) -> str | None:
    """``path`` relative to the working directory with ``/`` separators; None when it lies outside."""
    candidate = Path(path)
    if candidate.is_absolute():
        try:
            candidate = candidate.relative_to(Path.cwd())
        except ValueError:
            return None
    return PurePosixPath(*candidate.parts).as_posix().removeprefix("./")
