"""Report formatters. Each one depends only on the Report (findings, errors) and FormatOptions.

A formatter is ``(report, options) -> str``: the whole text to print or write.
"""

from __future__ import annotations

from typing import Callable

from newslint.engine import Report
from newslint.formatters.github import format_github
from newslint.formatters.json import format_json
from newslint.formatters.sarif import format_sarif
from newslint.formatters.text import FormatOptions, TextOptions, format_text, summary

Formatter = Callable[[Report, FormatOptions], str]

FORMATTERS: dict[str, Formatter] = {
    "text": format_text,
    "json": format_json,
    "sarif": format_sarif,
    "github": format_github,
}

__all__ = ["FORMATTERS", "Formatter", "FormatOptions", "TextOptions", "summary"]
