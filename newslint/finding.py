"""What a check reports (a Problem, in character offsets) and what the engine outputs (a Finding)."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field

# "(line 26)", "line 26", "lines 3-4": where the other form or the list is, which moves with every edit above.
_LINE_REFERENCE = re.compile(r"\s*\(lines? \d+(?:[-–]\d+)?\)|\blines? \d+(?:[-–]\d+)?")


def without_line_numbers(message: str) -> str:
    """A message as it identifies its problem: the same before and after lines are added above it."""
    return _LINE_REFERENCE.sub("", message)


class Severity(enum.IntEnum):
    """Ordered so that ``severity >= fail_on`` reads naturally."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> "Severity":
        try:
            return cls[name.upper()]
        except KeyError:
            choices = ", ".join(s.label for s in cls)
            raise ValueError(f"unknown severity {name!r} (choose from {choices})") from None

    @property
    def label(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, slots=True)
class Problem:
    """A check's report: a span of ``Document.text`` (offsets, end exclusive) and what is wrong with it.

    Checks never compute lines or columns; the Document maps offsets to source positions.
    ``severity`` overrides the check's default for this one problem (rarely needed).
    """

    start: int
    end: int
    message: str
    suggestion: str | None = None
    severity: Severity | None = None


@dataclass(frozen=True, slots=True, order=True)
class Finding:
    """One reported problem, positioned in the source file.

    Lines and columns are 1-based; ``end_column`` is exclusive (the column just past the span),
    as in SARIF. Field order gives the sort order (path, line, column, check).

    ``text`` is the analysed text the finding flags (what a baseline entry and a SARIF fingerprint
    match on). It is not part of the finding's identity (equality, hashing, order) nor of the JSON
    contract.
    """

    path: str
    line: int
    column: int
    check: str
    end_line: int
    end_column: int
    severity: Severity
    message: str
    suggestion: str | None = None
    text: str = field(default="", compare=False, repr=False)

    @property
    def identity(self) -> tuple[str, str, str, str]:
        """What names this problem wherever it moves: check, path, the flagged text and the message less
        its line references (the other spelling or the list it is compared with stay in). Baselines and
        SARIF fingerprints key on this, never on a line number."""
        return (self.check, self.path, without_line_numbers(self.message), self.text)

    def to_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "check": self.check,
            "severity": self.severity.label,
            "message": self.message,
            "suggestion": self.suggestion,
        }
