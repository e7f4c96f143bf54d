"""``--format jsonl``: JSON Lines, one object a line, for archives too large to hold in one report.

    {"type": "finding", "path": ..., "line": ..., ... the JSON contract's finding fields}
    {"type": "error", "path": ..., "message": ...}

The command line writes these file by file as results arrive (nothing is held in memory); each file's
findings come in order, files in the order they were given.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import Iterable

from newslint.finding import Finding, Severity
from newslint.formatters.text import PLAIN, FormatOptions
from newslint.report import Failure, FileResult, Report, printable


def lines(findings: Iterable[Finding], failures: Iterable[Failure]) -> str:
    out = [json.dumps({"type": "finding", **finding.to_dict()}, ensure_ascii=False) for finding in findings]
    out += [json.dumps({"type": "error", "path": path, "message": message}, ensure_ascii=False)
            for path, message in failures]
    return "".join(line + "\n" for line in out)


def format_jsonl(report: Report, _options: FormatOptions = PLAIN) -> str:
    return lines(report.findings, report.errors)


class JsonLinesStream:
    """``--format jsonl`` written file by file as results arrive, so that millions of stories need not fit in
    memory.

    With ``--output`` the lines go to a temporary file renamed into place at the end, as other reports are.
    """

    def __init__(self, output_file: str | None, earlier_errors: list[Failure]) -> None:
        self.target = Path(output_file) if output_file else None
        if self.target is None:
            self.handle = sys.stdout
        else:
            import tempfile

            folder = self.target.parent if str(self.target.parent) else Path(".")
            self.handle = tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=folder, delete=False,
                                                      prefix=f".{self.target.name}.", suffix=".tmp")
        self._write((), earlier_errors)  # inputs that never reached a linter (missing files, unreadable folders)

    def _write(self, findings: Iterable, failures: Iterable[Failure]) -> None:
        text = lines((replace(f, path=printable(f.path)) for f in findings),
                     (Failure(printable(f.path), printable(f.message)) for f in failures))
        if text:
            self.handle.write(text)
            self.handle.flush()

    def write(self, result: FileResult, at_least: Severity) -> None:
        self._write((f for f in result.findings if f.severity >= at_least), result.failures)

    def close(self) -> None:
        if self.target is not None:
            self.handle.close()
            os.replace(self.handle.name, self.target)
