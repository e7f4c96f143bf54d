"""The default format: ``path:line:col: severity check message``, one finding per line."""

from __future__ import annotations

from dataclasses import dataclass

from newslint.engine import Report


@dataclass(frozen=True)
class TextOptions:
    color: bool = False


_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _RESET = "\033[1m", "\033[0m"


def format_finding(finding, color: bool = False) -> str:
    severity = finding.severity.label
    if color:
        location = f"{_BOLD}{finding.path}:{finding.line}:{finding.column}:{_RESET}"
        return f"{location} {_COLORS[severity]}{severity}{_RESET} {_BOLD}{finding.check}{_RESET} {finding.message}"
    return f"{finding.path}:{finding.line}:{finding.column}: {severity} {finding.check} {finding.message}"


def format_text(report: Report, options: TextOptions = TextOptions()) -> str:
    return "".join(format_finding(finding, options.color) + "\n" for finding in report.findings)
