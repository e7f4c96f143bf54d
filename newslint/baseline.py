"""A baseline: today's findings, recorded so that only new ones are reported from now on.

An entry matches a finding by check, path and text (the flagged words, and the message without its
line references: "(line 26)" moves with every edit above), never by line number, so it survives edits
above it. Entries carry a count: two identical findings with a
baseline count of one leave one finding reported. The file is JSON, sorted, so it diffs well::

    {"version": 1, "findings": [{"path": "desk/story.txt", "check": "promo-text",
                                 "message": "...", "text": "Discuss as:", "count": 1}]}

Paths are stored relative to the baseline file's folder, so the baseline works from any directory.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from newslint.finding import Finding, without_line_numbers
from newslint.report import printable
from newslint.writing import write_atomically

BASELINE_VERSION = 1
_ENTRY_KEYS = {"path", "check", "message", "text", "count"}


class BaselineError(Exception):
    """A baseline file that cannot be used; the message names the file and the problem."""


@dataclass(frozen=True, order=True)
class Key:
    path: str
    check: str
    message: str  # without its line references (see Finding.identity)
    text: str


class Baseline:
    """The remaining allowance of each recorded finding; :meth:`absorbs` uses it up as findings match."""

    def __init__(self, location: Path, counts: Counter[Key]) -> None:
        self.location = location
        self._remaining = counts

    def key(self, finding: Finding) -> Key:
        path = printable(_relative(finding.path, self.location.parent))  # as the baseline file stores it
        return Key(path, finding.check, without_line_numbers(finding.message), finding.text)

    def absorbs(self, finding: Finding) -> bool:
        """True (and one allowance used) if the baseline records this finding."""
        key = self.key(finding)
        if self._remaining[key] > 0:
            self._remaining[key] -= 1
            return True
        return False

    def leftovers(self, path: str, checks_run: Iterable[str]) -> list[tuple[Key, int]]:
        """Entries of this file, for checks that ran, that matched nothing (call after every absorbs)."""
        relative, ran = _relative(path, self.location.parent), set(checks_run)
        return sorted((key, count) for key, count in self._remaining.items()
                      if count > 0 and key.path == relative and key.check in ran)


def _relative(path: str, base: Path) -> str:
    if path == "-":
        return path
    try:
        return Path(os.path.relpath(Path(path).resolve(), base.resolve())).as_posix()
    except ValueError:  # another drive on Windows
        return Path(path).resolve().as_posix()


def load_baseline(location: Path) -> Baseline:
    def fail(problem: str) -> BaselineError:
        return BaselineError(f"{location}: {problem}")

    try:
        if location.exists() and not location.is_file():  # a FIFO would block the run forever
            raise fail("not a regular file")
        data = json.loads(location.read_text(encoding="utf-8"))
    except BaselineError:
        raise
    except RecursionError:
        raise fail("nested too deeply to be a baseline file") from None
    except FileNotFoundError:
        raise fail("no such baseline file (create one with --write-baseline)") from None
    except OSError as error:
        raise fail(f"cannot be read: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise fail("not a baseline file (not UTF-8 text)") from None
    except json.JSONDecodeError as error:
        raise fail(f"not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})") from None
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise fail('not a newslint baseline (expected an object with a "findings" list)')
    if data.get("version") != BASELINE_VERSION:
        raise fail(f"unsupported baseline version {data.get('version')!r} (expected {BASELINE_VERSION})")
    counts: Counter[Key] = Counter()
    for number, entry in enumerate(data["findings"], 1):
        if not isinstance(entry, dict) or set(entry) != _ENTRY_KEYS:
            raise fail(f"entry {number} must have exactly the keys {', '.join(sorted(_ENTRY_KEYS))}")
        if not all(isinstance(entry[k], str) for k in ("path", "check", "message", "text")):
            raise fail(f"entry {number}: path, check, message and text must be strings")
        if not isinstance(entry["count"], int) or isinstance(entry["count"], bool) or entry["count"] < 1:
            raise fail(f"entry {number}: count must be a positive whole number")
        message = without_line_numbers(entry["message"])
        counts[Key(entry["path"], entry["check"], message, entry["text"])] += entry["count"]
    return Baseline(location, counts)


def write_baseline(location: Path, findings: Iterable[Finding]) -> int:
    """Record these findings; returns the number of findings recorded."""
    template = Baseline(location, Counter())
    counts = Counter(template.key(finding) for finding in findings)
    entries = [{"path": k.path, "check": k.check, "message": k.message, "text": k.text, "count": n}
               for k, n in sorted(counts.items())]
    payload = {"version": BASELINE_VERSION, "findings": entries}
    try:
        write_atomically(location, json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
    except OSError as error:
        raise BaselineError(f"{location}: cannot be written: {error.strerror or error}") from None
    return sum(counts.values())
