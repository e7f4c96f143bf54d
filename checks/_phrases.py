"""Reading the phrase lists in ``checks/data``: sectioned text files, one phrase per line."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files

_SECTION = re.compile(r"^\[([a-z-]+)\]$")


@lru_cache(maxsize=None)
def load_sections(filename: str) -> dict[str, tuple[str, ...]]:
    """``{section: phrases}`` from a data file; blank lines and ``#`` comments are skipped."""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for raw in files("newslint.checks").joinpath("data", filename).read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        header = _SECTION.match(line)
        if header:
            current = sections.setdefault(header.group(1), [])
        elif current is None:
            raise ValueError(f"{filename}: phrase {line!r} comes before any [section]")
        else:
            current.append(line)
    return {name: tuple(phrases) for name, phrases in sections.items()}


def normalise(text: str) -> str:
    """Case- and spacing-insensitive form for comparing short lines with phrases."""
    return " ".join(text.replace("’", "'").split()).casefold()
