"""The default format: ``path:line:col: severity check message``, one finding per line.

With ``--show-source`` each finding is followed by its source line and a caret under the span; colour
only on a terminal (and never with ``NO_COLOR`` set) unless ``--color`` says otherwise. For a person (a
terminal, or ``--show-source``) a one-line summary closes the report, a clean one too ("3 files checked,
no problems"); piped plain output stays one finding per line, for grep, editors' quickfix lists and CI
problem matchers.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Mapping, Sequence

from newslint.finding import Finding, Severity
from newslint.report import Report


@dataclass(frozen=True)
class FormatOptions:
    """What a formatter may need beyond the findings: presentation choices and check metadata."""

    color: bool = False
    show_source: bool = False
    summary: bool = False  # end the text report with "3 warnings in 2 files (5 files checked)"
    checks: Mapping[str, object] = field(default_factory=dict)  # name -> Check, for SARIF rules


PLAIN = FormatOptions()  # the defaults: no colour, no excerpts, no summary

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"
_TAB_WIDTH = 4
_MAX_EXCERPT = 120  # characters of a long line shown around a finding
_CONTEXT = 40


def format_finding(finding: Finding, color: bool = False) -> str:
    severity = finding.severity.label
    if color:
        location = f"{_BOLD}{finding.path}:{finding.line}:{finding.column}:{_RESET}"
        return f"{location} {_COLORS[severity]}{severity}{_RESET} {_BOLD}{finding.check}{_RESET} {finding.message}"
    return f"{finding.path}:{finding.line}:{finding.column}: {severity} {finding.check} {finding.message}"


def excerpt(finding: Finding, lines: Sequence[str], color: bool = False) -> str:
    """The finding's first source line and a caret line under its span (to the line's end if it goes on)."""
    if not 1 <= finding.line <= len(lines):
        return ""
    line = lines[finding.line - 1]
    end_column = finding.end_column if finding.end_line == finding.line else len(line) + 1
    start, end = finding.column - 1, max(end_column - 1, finding.column)
    if len(line) > _MAX_EXCERPT:
        # A paragraph kept on one line (common in exported copy) is shown around the span only.
        left_edge = max(0, min(start - _CONTEXT, len(line) - _MAX_EXCERPT))
        right_edge = min(len(line), max(end + _CONTEXT, left_edge + _MAX_EXCERPT))
        prefix, suffix = ("…" if left_edge else ""), ("…" if right_edge < len(line) else "")
        line = prefix + line[left_edge:right_edge] + suffix
        start, end = start - left_edge + len(prefix), min(end, right_edge) - left_edge + len(prefix)
    shown = line.expandtabs(_TAB_WIDTH)
    # Columns count characters; a tab before the span widens it on screen.
    left = len(line[:start].expandtabs(_TAB_WIDTH))
    width = max(len(line[:end].expandtabs(_TAB_WIDTH)) - left, 1)
    marker = "^" + "~" * (width - 1)
    if color:
        marker = f"{_COLORS[finding.severity.label]}{marker}{_RESET}"
        shown = f"{_DIM}{shown}{_RESET}"
    return f"    {shown}\n    {' ' * left}{marker}\n"


def _files(count: int) -> str:
    return f"{count} file{'s' if count != 1 else ''} checked"


def summary(report: Report, streamed: bool = False) -> str:
    """``3 warnings, 1 info in 2 files (5 files checked)``; ``4 files checked, no problems`` when clean; and
    ``; 1 error`` after either when an input could not be read or a check failed (never "no problems" alone)."""
    errors = len(report.errors)
    said = f"; {errors} error{'s' if errors != 1 else ''}" if errors else ""
    # A streamed report (JSON Lines) keeps no findings, only their counts.
    counts = report.severities if streamed else Counter(finding.severity for finding in report.findings)
    if not sum(counts.values()):
        return f"{_files(report.files)}, no {'findings' if errors else 'problems'}{said}"
    parts = []
    for severity in sorted(counts, reverse=True):
        n = counts[severity]
        noun = severity.label if severity is Severity.INFO or n == 1 else severity.label + "s"
        parts.append(f"{n} {noun}")
    if streamed:
        return f"{', '.join(parts)} ({_files(report.files)}){said}"
    with_findings = len({finding.path for finding in report.findings})
    where = f"{with_findings} file{'s' if with_findings != 1 else ''}"
    return f"{', '.join(parts)} in {where} ({_files(max(report.files, with_findings))}){said}"


def statistics(report: Report) -> str:
    """One line per check with findings, most first (like ``ruff --statistics``): count, check, severity."""
    counts = Counter((finding.check, finding.severity) for finding in report.findings)
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0][0]))
    width = max((len(str(n)) for n in counts.values()), default=1)
    name_width = max((len(check) for check, _ in counts), default=0)
    return "".join(f"{n:>{width}}  {check:<{name_width}}  {severity.label}\n" for (check, severity), n in ordered)


def format_text(report: Report, options: FormatOptions = PLAIN) -> str:
    out = []
    for finding in report.findings:
        out.append(format_finding(finding, options.color) + "\n")
        if options.show_source:
            out.append(excerpt(finding, report.sources.get(finding.path, ()), options.color))
            if finding.suggestion:
                out.append(f"    suggestion: {finding.suggestion}\n")
    if options.summary:
        out.append(summary(report) + "\n")
    return "".join(out)
