"""Report formatters. Each one depends only on the Report (findings, errors) and FormatOptions.

A formatter is ``(report, options) -> str``: the whole text to print or write. Formatters are imported
when chosen, so a plain run does not pay for SARIF's hashing or the GitHub escaping tables.
"""

from __future__ import annotations

from importlib import import_module
from typing import Callable

from newslint.formatters.text import FormatOptions, summary
from newslint.report import Report

Formatter = Callable[[Report, FormatOptions], str]

FORMATTERS: dict[str, str] = {
    "text": "newslint.formatters.text:format_text",
    "json": "newslint.formatters.json:format_json",
    "jsonl": "newslint.formatters.jsonl:format_jsonl",
    "sarif": "newslint.formatters.sarif:format_sarif",
    "github": "newslint.formatters.github:format_github",
    "gitlab": "newslint.formatters.gitlab:format_gitlab",
}


def get_formatter(name: str) -> Formatter:
    module, function = FORMATTERS[name].split(":")
    return getattr(import_module(module), function)


__all__ = ["FORMATTERS", "Formatter", "FormatOptions", "get_formatter", "summary"]
