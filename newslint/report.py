"""What linting produces: one file's result, and a run's report that gathers them for a formatter.

Both are plain values built from :class:`~newslint.finding.Finding`; formatters, the CLI and the
servers read them and never reach back into the engine.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from newslint.finding import Finding, Severity


def printable(text: str) -> str:
    """``text`` safe to print as UTF-8: a file name's undecodable bytes (kept by Python as lone
    surrogates) become U+FFFD, so JSON stays valid UTF-8 and no formatter fails on them."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:  # a surrogate that no byte came from
        return text.encode("utf-8", "replace").decode("utf-8")


class Failure(NamedTuple):
    """An input that could not be linted, or a check that failed on it: an error of the run (exit 2)."""

    path: str
    message: str


@dataclass(frozen=True)
class FileResult:
    """Everything linting one source produced.

    ``linted`` is False when the source could not be read (``failures`` says why). ``notices`` are
    worth telling a person but are not failures: an encoding guess, checks skipped for want of a model.
    ``source_lines`` are the source file's lines, for excerpts (line N is ``source_lines[N - 1]``).
    """

    path: str
    findings: tuple[Finding, ...] = ()
    failures: tuple[Failure, ...] = ()
    notices: tuple[str, ...] = ()
    source_lines: tuple[str, ...] = ()
    linted: bool = True


@dataclass
class Report:
    """A run's results, in the order a formatter needs them."""

    findings: list[Finding] = field(default_factory=list)
    errors: list[Failure] = field(default_factory=list)
    files: int = 0  # files read and checked
    sources: dict[str, tuple[str, ...]] = field(default_factory=dict)  # path -> source lines, for excerpts
    severities: Counter[Severity] = field(default_factory=Counter)  # every finding added, kept or not

    def add(self, result: FileResult, keep: bool = True) -> None:
        """Add one file's result; ``keep=False`` counts its findings without holding them (streamed output)."""
        if result.linted:
            self.files += 1
            if keep:
                self.sources[result.path] = result.source_lines
        self.severities.update(finding.severity for finding in result.findings)
        if keep:
            self.findings.extend(result.findings)
        self.errors.extend(result.failures)

    def sort(self) -> None:
        self.findings.sort()

    def at_least(self, severity: Severity) -> "Report":
        """This report with only the findings at or above ``severity`` (what --min-severity shows)."""
        kept = [finding for finding in self.findings if finding.severity >= severity]
        return Report(findings=kept, errors=list(self.errors), files=self.files, sources=self.sources,
                      severities=self.severities)

    def printable(self) -> "Report":
        """This report with every path safe to print (see :func:`printable`)."""
        return Report(
            findings=[replace(f, path=printable(f.path)) if printable(f.path) != f.path else f
                      for f in self.findings],
            errors=[Failure(printable(e.path), printable(e.message)) for e in self.errors],
            files=self.files,
            sources={printable(path): lines for path, lines in self.sources.items()},
            severities=self.severities,
        )
