"""Inline suppression: ``<!-- newslint: ... -->`` comments in Markdown and HTML copy.

Four directives, each naming one or more checks (comma- or space-separated; none means every check):

    <!-- newslint: ignore name-spelling -->        the next line that holds text (or this line,
                                                    when the comment shares it with text)
    <!-- newslint: disable promo-text -->           from here ...
    <!-- newslint: enable promo-text -->            ... to here (or to the end of the file)
    <!-- newslint: file-ignore count-claim -->      the whole file

The readers only find the comments (they know where comments are); the engine applies them, in one
place for every check, and reports a directive that suppressed nothing as ``unused-suppression``.
"""

from __future__ import annotations

import bisect
import inspect
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Collection, Iterable, Iterator, Mapping

from newslint.document import Document, SourceMap
from newslint.finding import Finding, Severity
from newslint.registry import CheckInfo

UNUSED_SUPPRESSION = "unused-suppression"
KINDS = ("ignore", "disable", "enable", "file-ignore")
EVERY_CHECK = "*"
_DIRECTIVE = re.compile(r"^\s*newslint\s*:\s*(?P<kind>[\w-]*)(?P<names>.*?)\s*$", re.S | re.I)


@dataclass(frozen=True)
class Directive:
    """One ``newslint:`` comment, positioned in the source (1-based lines and columns)."""

    kind: str  # one of KINDS, or "invalid" for a newslint: comment that is not a directive
    checks: tuple[str, ...]  # empty: every check
    line: int
    column: int
    end_line: int
    end_column: int
    target_line: int  # for "ignore": the line it silences; otherwise the comment's own line
    text: str  # the comment's body, as written


def parse_comment(body: str) -> tuple[str, tuple[str, ...]] | None:
    """``(kind, checks)`` for a comment body like `` newslint: ignore a, b ``; None if not ours."""
    match = _DIRECTIVE.match(body)
    if not match:
        return None
    kind = match["kind"].lower()
    names = tuple(name for name in re.split(r"[\s,]+", match["names"]) if name)
    return (kind if kind in KINDS else "invalid"), names


def directives_in(source: str, comments: Iterable[tuple[int, int, str]],
                  prose_lines: Collection[int] | None = None) -> list[Directive]:
    """Directives from comments given as ``(start, end, body)`` offsets into ``source`` (end exclusive).

    ``prose_lines`` are the source lines that hold prose the checks see (1-based); without it, any
    non-blank line counts. An ``ignore`` applies to its own line when that line holds prose, else to
    the next line that does.
    """
    line_column = SourceMap(source).position
    lines = source.split("\n")
    if prose_lines is None:
        prose_lines = {number for number, line in enumerate(lines, 1) if line.strip()}
    ordered_prose_lines = sorted(prose_lines)  # bisected: a thousand directives in a row stay linear

    directives = []
    for start, end, body in comments:
        parsed = parse_comment(body)
        if parsed is None:
            continue
        kind, names = parsed
        (line, column), (end_line, end_column) = line_column(start), line_column(end)
        target = line
        if kind == "ignore":
            own_line = _shares_line(lines, line, column, end_line, end_column, prose_lines)
            target = line if own_line else _next_prose_line(ordered_prose_lines, end_line)
        directives.append(Directive(kind, names, line, column, end_line, end_column, target, body.strip()))
    return directives


def _shares_line(lines: list[str], line: int, column: int, end_line: int, end_column: int,
                 prose_lines: Collection[int]) -> bool:
    """Whether the comment sits on a line of prose (text before it on its first line, or after it on its last)."""
    before = lines[line - 1][: column - 1].strip() and line in prose_lines
    after = lines[end_line - 1][end_column - 1:].strip() and end_line in prose_lines
    return bool(before or after)


def _next_prose_line(ordered_prose_lines: list[int], after: int) -> int:
    index = bisect.bisect_right(ordered_prose_lines, after)
    return ordered_prose_lines[index] if index < len(ordered_prose_lines) else after + 1


@dataclass
class _Rule:
    directive: Directive
    first_line: int
    last_line: int  # inclusive
    used: set[str] = field(default_factory=set)

    def silences(self, finding: Finding) -> str | None:
        """The name under which this rule silences the finding (its check, or EVERY_CHECK), if it does."""
        if not self.first_line <= finding.line <= self.last_line:
            return None
        if not self.directive.checks:
            return EVERY_CHECK
        return finding.check if finding.check in self.directive.checks else None


class Suppressions:
    """The directives of one document, applied to its findings, remembering which ones were used."""

    def __init__(self, directives: Iterable[Directive], last_line: int) -> None:
        self.rules: list[_Rule] = []
        self.unmatched_enables: list[Directive] = []
        self.invalid: list[Directive] = []
        open_disables: dict[tuple[str, ...], list[Directive]] = defaultdict(list)
        for directive in sorted(directives, key=lambda d: (d.line, d.column)):
            if directive.kind == "invalid":
                self.invalid.append(directive)
            elif directive.kind == "ignore":
                self.rules.append(_Rule(directive, directive.target_line, directive.target_line))
            elif directive.kind == "file-ignore":
                self.rules.append(_Rule(directive, 1, last_line))
            elif directive.kind == "disable":
                open_disables[_key(directive.checks)].append(directive)
            else:  # enable closes the latest disable of the same checks
                pending = open_disables.get(_key(directive.checks))
                if pending:
                    opened = pending.pop()
                    self.rules.append(_Rule(opened, opened.line, directive.line))
                else:
                    self.unmatched_enables.append(directive)
        for pending in open_disables.values():  # a disable with no enable lasts to the end of the file
            self.rules.extend(_Rule(opened, opened.line, last_line) for opened in pending)
        # An ignore covers one line: look those up by line, so many of them cost no more than a few.
        self._by_line: dict[int, list[_Rule]] = defaultdict(list)
        self._spans: list[_Rule] = []
        for rule in self.rules:
            if rule.first_line == rule.last_line:
                self._by_line[rule.first_line].append(rule)
            else:
                self._spans.append(rule)

    def is_suppressed(self, finding: Finding) -> bool:
        suppressed = False
        for rule in (*self._by_line.get(finding.line, ()), *self._spans):
            name = rule.silences(finding)
            if name is not None:
                rule.used.add(name)
                suppressed = True
        return suppressed

    def unused(self, checks_run: Iterable[str], known: Mapping[str, object]) -> Iterator[tuple[Directive, str]]:
        """``(directive, message)`` for each directive, or named check in one, that suppressed nothing.

        A check that did not run on this document (not selected, or skipped) cannot tell: silent.
        """
        ran = set(checks_run)
        for rule in self.rules:
            directive = rule.directive
            if not directive.checks:
                if not rule.used and ran:
                    yield directive, f"'{directive.kind}' suppresses nothing here; remove it"
                continue
            for name in directive.checks:
                if name not in known:
                    yield directive, f"'{directive.kind}' names an unknown check {name!r} (see newslint --list-checks)"
                elif name in ran and name not in rule.used and name != UNUSED_SUPPRESSION:
                    yield directive, f"'{directive.kind} {name}' suppresses nothing here; remove it"
        for directive in self.unmatched_enables:
            yield directive, "'enable' without a matching 'disable' before it"
        for directive in self.invalid:
            yield directive, f"not a newslint directive (use one of: {', '.join(KINDS)})"


def _key(checks: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(checks))


def unused_suppression_finding(document: Document, directive: Directive, message: str) -> Finding:
    return Finding(
        path=document.path,
        line=directive.line,
        column=directive.column,
        check=UNUSED_SUPPRESSION,
        end_line=directive.end_line,
        end_column=directive.end_column,
        severity=Severity.INFO,
        message=message,
        text=directive.text,
    )


_UNUSED_SUPPRESSION_DOC = """A suppression that suppresses nothing.

    What it does
    ------------
    Reports suppressions that silenced no finding in this run: an inline newslint comment (ignore,
    disable, file-ignore) or a baseline entry that no longer matches any finding in its file; also a
    comment that names an unknown check or is misspelt, and an enable with no disable before it. This
    check is produced by the engine while it applies suppressions, not by reading the text; select or
    ignore it like any other.
    A directive is judged only against checks that ran on the file: with ``--select promo-text``, a
    ``newslint: ignore name-spelling`` comment is not called unused.

    Why is this bad?
    ----------------
    Copy is edited after it is suppressed. Once the misspelt name is corrected, the comment that
    silenced it stays behind and will hide the next, real problem on that line. Reporting stale
    suppressions gets them cleaned up.

    Example
    -------
    ``<!-- newslint: ignore name-spelling -->`` above a line on which name-spelling reports nothing
    gives ``info unused-suppression 'ignore name-spelling' suppresses nothing here; remove it``.
    Refresh a baseline file with ``newslint --write-baseline FILE PATH...``.
    """

# Produced by the engine while it applies suppressions, not by reading the text: metadata only, so that
# --select, --list-checks, --explain and SARIF rules treat it like any other check.
ENGINE_CHECKS: Mapping[str, CheckInfo] = {
    UNUSED_SUPPRESSION: CheckInfo(UNUSED_SUPPRESSION, Severity.INFO, inspect.cleandoc(_UNUSED_SUPPRESSION_DOC)),
}
