"""``--format jsonl``: JSON Lines, one object a line, for archives too large to hold in one report.

    {"type": "finding", "path": ..., "line": ..., ... the JSON contract's finding fields}
    {"type": "error", "path": ..., "message": ...}

The command line writes these file by file as results arrive (nothing is held in memory); each file's
findings come in order, files in the order they were given.
"""

from __future__ import annotations

import json
from typing import Iterable

from newslint.finding import Finding
from newslint.formatters.text import PLAIN, FormatOptions
from newslint.report import Failure, Report


def lines(findings: Iterable[Finding], failures: Iterable[Failure]) -> str:
    out = [json.dumps({"type": "finding", **finding.to_dict()}, ensure_ascii=False) for finding in findings]
    out += [json.dumps({"type": "error", "path": path, "message": message}, ensure_ascii=False)
            for path, message in failures]
    return "".join(line + "\n" for line in out)


def format_jsonl(report: Report, _options: FormatOptions = PLAIN) -> str:
    return lines(report.findings, report.errors)
