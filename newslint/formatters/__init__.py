"""Report formatters. Each one depends only on Findings and the run's errors, never on checks.

A formatter is ``(report, context) -> str``: the whole text to print.
"""

from __future__ import annotations

from typing import Callable

from newslint.engine import Report
from newslint.formatters.json import format_json
from newslint.formatters.text import TextOptions, format_text

Formatter = Callable[[Report, TextOptions], str]

FORMATTERS: dict[str, Formatter] = {
    "text": format_text,
    "json": format_json,
}

__all__ = ["FORMATTERS", "Formatter", "TextOptions"]
