"""``--format json``: one object, the contract other tools rely on (see DESIGN.md)."""

from __future__ import annotations

import json

from newslint.report import Report

JSON_VERSION = 1


def format_json(report: Report, _options: object = None) -> str:
    payload = {
        "version": JSON_VERSION,
        "findings": [finding.to_dict() for finding in report.findings],
        "errors": [{"path": path, "message": message} for path, message in report.errors],
    }
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
