"""``--format gitlab``: a GitLab Code Quality report, which the merge-request widget shows.

A JSON array of issues, the subset of the Code Climate format that GitLab reads: ``description``,
``check_name``, ``fingerprint``, ``severity`` (info, minor, major, critical, blocker) and
``location.path`` with ``location.lines.begin``. Paths are relative to the working directory (the
repository root in a CI job), as GitLab resolves them; fingerprints survive edits above a finding.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from newslint.finding import Severity
from newslint.formatters.fingerprints import fingerprints
from newslint.formatters.paths import relative_to_working_directory
from newslint.formatters.text import PLAIN, FormatOptions
from newslint.report import Report

_SEVERITIES = {Severity.INFO: "info", Severity.WARNING: "major", Severity.ERROR: "critical"}


def _repository_path(path: str) -> str:
    if path == "-":
        return path
    relative = relative_to_working_directory(path)
    if relative is not None:
        return relative
    try:  # outside the working directory: GitLab still wants a relative path
        return Path(os.path.relpath(path, Path.cwd())).as_posix()
    except ValueError:  # another drive on Windows
        return Path(path).as_posix()


def format_gitlab(report: Report, _options: FormatOptions = PLAIN) -> str:
    issues = []
    for finding, stable in fingerprints(report.findings):
        description = finding.message + (f" (suggestion: {finding.suggestion})" if finding.suggestion else "")
        issues.append({
            "type": "issue",
            "description": description,
            "check_name": finding.check,
            "fingerprint": stable,
            "severity": _SEVERITIES[finding.severity],
            "location": {
                "path": _repository_path(finding.path),
                "lines": {"begin": finding.line, "end": finding.end_line},
            },
        })
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"
