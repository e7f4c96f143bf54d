"""``--format sarif``: SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

One rule per check (its summary and documentation as description and help). Columns count Unicode
code points, as newslint's do. Each result carries a partial fingerprint built from the check, the
path and the finding's text (flagged words, and the message less its line references), never a line
number, so code scanning keeps tracking a finding when lines are inserted above it.

The only URL in the output is the project's documentation, when the installed package declares one
(``[project.urls] Documentation``); no URL of anyone else's is made up.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

from newslint import __version__, documentation_url
from newslint.finding import Severity
from newslint.formatters.fingerprints import fingerprints
from newslint.formatters.paths import relative_to_working_directory
from newslint.formatters.text import PLAIN, FormatOptions
from newslint.report import Report

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
FINGERPRINT_KEY = "newslintFindingHash/v1"
SRCROOT = "%SRCROOT%"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def artifact_location(path: str) -> dict[str, str]:
    """A relative path stays relative to %SRCROOT% (the working directory); an absolute one is a file URI."""
    if path == "-":
        return {"uri": "stdin"}
    relative = relative_to_working_directory(path)
    if relative is None:
        return {"uri": Path(path).as_uri()}
    return {"uri": quote(relative), "uriBaseId": SRCROOT}


def _rule(name: str, check: object | None) -> dict[str, object]:
    summary = getattr(check, "summary", "") or f"newslint check {name}."
    documentation = getattr(check, "documentation", "") or summary
    severity = getattr(check, "severity", Severity.WARNING)
    return {
        "id": name,
        "name": "".join(part.capitalize() for part in name.split("-")),
        "shortDescription": {"text": summary},
        "fullDescription": {"text": summary},
        "help": {"text": documentation, "markdown": documentation},
        "defaultConfiguration": {"level": _LEVELS[severity]},
    }


def format_sarif(report: Report, options: FormatOptions = PLAIN) -> str:
    names = sorted(set(options.checks) | {finding.check for finding in report.findings})
    index = {name: position for position, name in enumerate(names)}
    results = []
    for finding, stable in fingerprints(report.findings):
        message = finding.message + (f" (suggestion: {finding.suggestion})" if finding.suggestion else "")
        result: dict[str, object] = {
            "ruleId": finding.check,
            "ruleIndex": index[finding.check],
            "level": _LEVELS[finding.severity],
            "message": {"text": message},
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": artifact_location(finding.path),
                    "region": {
                        "startLine": finding.line,
                        "startColumn": finding.column,
                        "endLine": finding.end_line,
                        "endColumn": max(finding.end_column, 1),
                    },
                },
            }],
            "partialFingerprints": {FINGERPRINT_KEY: stable},
        }
        if finding.suggestion:
            result["properties"] = {"suggestion": finding.suggestion}
        results.append(result)
    notifications = [
        {"level": "error", "message": {"text": message},
         "locations": [{"physicalLocation": {"artifactLocation": artifact_location(path)}}]}
        for path, message in report.errors
    ]
    driver: dict[str, object] = {
        "name": "newslint",
        "version": __version__,
        "rules": [_rule(name, options.checks.get(name)) for name in names],
    }
    documentation = documentation_url()
    if documentation:
        driver["informationUri"] = documentation
    run = {
        "tool": {"driver": driver},
        "invocations": [{"executionSuccessful": not report.errors, "toolExecutionNotifications": notifications}],
        "originalUriBaseIds": {SRCROOT: {"uri": Path.cwd().as_uri().rstrip("/") + "/"}},
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    return json.dumps({"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}, indent=2, ensure_ascii=False) + "\n"
