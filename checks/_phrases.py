"""Reading the word and phrase lists in ``checks/data``: one entry per line, ``#`` starts a comment.

A file is either flat (:func:`load_lines`) or split into ``[sections]`` (:func:`load_sections`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

_SECTION = re.compile(r"^\[([a-z-]+)\]$")


# The lists install as plain files beside the checks (newslint is never imported from a zip), so a path read does
# what importlib.resources would, without its import (a twentieth of a one-article run's start-up).
_DATA = Path(__file__).parent / "data"


def _read(filename: str) -> str:
    return (_DATA / filename).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def load_lines(filename: str) -> tuple[str, ...]:
    """The entries of a flat data file: trailing ``# comments`` and blank lines are dropped."""
    entries = (raw.split("#", 1)[0].strip() for raw in _read(filename).splitlines())
    return tuple(entry for entry in entries if entry)


@lru_cache(maxsize=None)
def load_sections(filename: str) -> dict[str, tuple[str, ...]]:
    """``{section: phrases}`` from a data file; blank lines and ``#`` comments are skipped."""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for raw in _read(filename).splitlines():
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


def alternation(phrases: "tuple[str, ...] | list[str]") -> str:
    """A regex group matching any of the phrases, longest first, a space matching any run of spaces."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered) + ")"
