"""``--format github``: GitHub Actions workflow commands, which annotate the pull request's diff.

    ::warning file=desk/story.txt,line=28,col=57,endLine=28,endColumn=63,title=name-spelling::"Menger" ...

The runner shows at most 10 annotations of each type (error, warning, notice) per step and drops the
rest without a word. Findings past that limit are printed as plain log lines and summed up in one
final notice (a notice slot is kept free for it), so none is silently lost.
"""

from __future__ import annotations

from pathlib import Path

from newslint.finding import Finding, Severity
from newslint.formatters.text import PLAIN, FormatOptions, format_finding
from newslint.report import Report

ANNOTATIONS_PER_TYPE = 10
_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
_MAX_LISTED = 50  # in the summary notice; the log lines above it list every one


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _workspace_path(path: str) -> str:
    """Annotations need a path relative to the checkout (the working directory in a workflow)."""
    candidate = Path(path)
    if candidate.is_absolute():
        try:
            return candidate.relative_to(Path.cwd()).as_posix()
        except ValueError:
            return path
    return candidate.as_posix()


def _command(kind: str, message: str, **properties: object) -> str:
    given = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items() if value is not None)
    return f"::{kind}{' ' + given if given else ''}::{escape_data(message)}\n"


def _annotation(finding: Finding) -> str:
    message = finding.message + (f" (suggestion: {finding.suggestion})" if finding.suggestion else "")
    return _command(
        _COMMANDS[finding.severity], message,
        file=_workspace_path(finding.path), line=finding.line, col=finding.column,
        endLine=finding.end_line, endColumn=finding.end_column, title=f"newslint {finding.check}",
    )


def format_github(report: Report, _options: FormatOptions = PLAIN) -> str:
    items: list[tuple[str, str, str]] = []  # (command type, annotation, plain log line)
    for path, message in report.errors:
        items.append(("error", _command("error", message, file=_workspace_path(path), title="newslint"),
                      f"{path}: error: {message}"))
    for finding in report.findings:
        items.append((_COMMANDS[finding.severity], _annotation(finding), format_finding(finding)))

    totals = {kind: sum(1 for item in items if item[0] == kind) for kind in ("error", "warning", "notice")}
    overflowing = any(total > ANNOTATIONS_PER_TYPE for total in totals.values())
    limits = dict.fromkeys(totals, ANNOTATIONS_PER_TYPE)
    if overflowing:
        limits["notice"] -= 1  # the summary notice needs the last slot
    used = dict.fromkeys(totals, 0)
    out, unannotated = [], []
    for kind, annotation, plain in items:
        if used[kind] < limits[kind]:
            used[kind] += 1
            out.append(annotation)
        else:
            unannotated.append(plain)
    if unannotated:
        out.extend(line + "\n" for line in unannotated)  # plain log lines: every finding stays visible
        listed = unannotated[:_MAX_LISTED]
        more = (
            f"\n... and {len(unannotated) - len(listed)} more (see the log)" if len(unannotated) > len(listed) else ""
        )
        out.append(_command(
            "notice",
            f"{len(unannotated)} more newslint finding(s) not annotated (GitHub shows at most "
            f"{ANNOTATIONS_PER_TYPE} annotations of each type per step):\n" + "\n".join(listed) + more,
            title="newslint: more findings",
        ))
    return "".join(out)
