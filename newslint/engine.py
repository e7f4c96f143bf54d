"""The one place where selection, suppression and sorting happen, for every check alike.

Suppression, in this order: per-file-ignores (the check does not run), inline ``newslint:``
directives, the baseline, then ``--diff`` (only findings on changed lines). Directives and baseline
entries that suppressed nothing are reported as ``unused-suppression``.
"""

from __future__ import annotations

from collections import ChainMap
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Mapping

from newslint.config import Config, ConfigError
from newslint.document import Document
from newslint.finding import Finding, Problem, Severity
from newslint.nlp import ModelUnavailable, Pipeline
from newslint.registry import Check
from newslint.suppression import ENGINE_CHECKS, UNUSED_SUPPRESSION, Suppressions, unused_suppression_finding

if TYPE_CHECKING:
    from newslint.baseline import Baseline
    from newslint.gitdiff import ChangedLines


class UsageError(Exception):
    """A bad check name or option: the run cannot start."""


@dataclass
class Report:
    """Everything a run produced, in the order a formatter needs it."""

    findings: list[Finding] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)  # (path, message)
    files: int = 0
    # The words each finding flags (for SARIF fingerprints) and each file's source lines (for excerpts).
    flagged: dict[Finding, str] = field(default_factory=dict)
    sources: dict[str, list[str]] = field(default_factory=dict)

    def add(self, document: Document, findings: Iterable[tuple[Finding, str]]) -> None:
        self.files += 1
        self.sources[document.path] = document.source_lines
        for finding, text in findings:
            self.findings.append(finding)
            self.flagged[finding] = text


def with_engine_checks(installed: Mapping[str, Check]) -> Mapping[str, Check]:
    """The installed checks plus those the engine itself produces (unused-suppression)."""
    return ChainMap(installed, ENGINE_CHECKS)  # type: ignore[arg-type]


def _unknown(names: Iterable[str], installed: Mapping[str, Check]) -> list[str]:
    return sorted(set(names) - set(installed))


Flagged = list[tuple[Finding, str]]  # each finding with the words it flags


class Linter:
    """Runs the selected checks over Documents and turns their Problems into Findings."""

    def __init__(
        self,
        installed: Mapping[str, Check],
        config: Config,
        *,
        notify: Callable[[str], None],
        baseline: Baseline | None = None,
        changed_lines: ChangedLines | None = None,
    ) -> None:
        installed = with_engine_checks(installed)
        self.installed = installed
        self.baseline = baseline
        self.changed_lines = changed_lines
        named = [*(config.select or ()), *config.ignore, *(c for _, cs in config.per_file_ignores for c in cs)]
        unknown = _unknown(named, installed) + _unknown(config.check_options, installed)
        if unknown:
            raise UsageError(
                f"unknown check(s): {', '.join(sorted(set(unknown)))} (see newslint --list-checks)"
            )
        selected = config.select if config.select is not None else tuple(installed)
        self.checks = [installed[name] for name in sorted(set(selected) - set(config.ignore))]
        self.config = config
        self.options = {check.name: self._options_for(check) for check in self.checks}
        self._notify = notify
        self._nlp_skipped = False
        # (path, message) for each check that raised instead of reporting: an error of the run (exit 2).
        self.failures: list[tuple[str, str]] = []
        components = set().union(*(check.nlp_components for check in self.checks))
        self.pipeline = Pipeline(config.model, components) if components else None

    def _options_for(self, check: Check) -> dict[str, Any]:
        given = dict(self.config.check_options.get(check.name, {}))
        where = self.config.path or "configuration"
        unknown = sorted(set(given) - set(check.options))
        if unknown:
            known = ", ".join(sorted(check.options)) or "none"
            raise UsageError(f"{where}: check {check.name!r} has no option(s) {', '.join(unknown)} (known: {known})")
        base = self.config.path.parent if self.config.path else Path.cwd()
        for key, value in given.items():
            # Options naming a file are relative to the configuration file, wherever newslint is run.
            if key.endswith("-file") and isinstance(value, str) and value:
                resolved = (base / value).resolve()
                if not resolved.is_file():
                    raise UsageError(f"{where}: [checks.{check.name}] {key} = {value!r}: no such file ({resolved})")
                given[key] = str(resolved)
        return given

    def parse_function(self) -> Callable[[str], Any] | None:
        return self.pipeline.parser() if self.pipeline else None

    def _nlp_ready(self) -> bool:
        if self.pipeline is None or self._nlp_skipped:
            return False
        try:
            self.pipeline.load()
            return True
        except ModelUnavailable as reason:
            skipped = ", ".join(c.name for c in self.checks if c.needs_nlp)
            self._notify(f"{reason}; skipping {skipped} (the other checks still run)")
            self._nlp_skipped = True
            return False

    def lint(self, document: Document) -> list[Finding]:
        return [finding for finding, _ in self.lint_with_text(document)]

    def lint_with_text(self, document: Document) -> Flagged:
        """Each reported finding with the words it flags (what a baseline entry matches on)."""
        ignored = self.config.ignored_for(document.path)
        ran: list[str] = []
        found: dict[Finding, str] = {}
        for check in self.checks:
            if check.name in ignored:
                continue
            if check.needs_nlp and not self._nlp_ready():
                continue
            ran.append(check.name)
            try:
                problems = list(check.run(document, self.options[check.name]))
            except Exception as error:  # one failing check must not lose the other checks' or files' findings
                self.failures.append((document.path, f"check {check.name} failed: {type(error).__name__}: {error}"))
                continue
            for problem in problems:
                found.setdefault(self._finding(document, check, problem), document.text[problem.start:problem.end])
        report_unused = UNUSED_SUPPRESSION in ran
        pairs = sorted(found.items())
        if document.suppressions:
            pairs = self._apply_directives(document, pairs, ran, report_unused)
        if self.baseline is not None:
            pairs = self._apply_baseline(document, pairs, ran, report_unused)
        if self.changed_lines is not None:
            from newslint.gitdiff import ALL_LINES

            changed = self.changed_lines.for_path(document.path)
            if changed is not ALL_LINES:
                pairs = [(f, t) for f, t in pairs if any(n in changed for n in range(f.line, f.end_line + 1))]
        return sorted(pairs)

    def _apply_directives(self, document: Document, pairs: Flagged, ran: list[str], report_unused: bool) -> Flagged:
        suppressions = Suppressions(document.suppressions, len(document.source_lines))
        kept = [(f, t) for f, t in pairs if not suppressions.is_suppressed(f)]
        if report_unused:
            for directive, message in suppressions.unused(ran, self.installed):
                finding = unused_suppression_finding(document, directive, message)
                if not suppressions.is_suppressed(finding):
                    kept.append((finding, directive.text))
        return kept

    def _apply_baseline(self, document: Document, pairs: Flagged, ran: list[str], report_unused: bool) -> Flagged:
        assert self.baseline is not None
        kept = [(f, t) for f, t in pairs if not self.baseline.absorbs(f, t)]
        if report_unused:
            for key, count in self.baseline.leftovers(document.path, ran):
                times = f" ({count} of them)" if count > 1 else ""
                message = (f"baseline entry for {key.check} {key.text!r} matches nothing{times}; "
                           f"refresh the baseline with --write-baseline")
                finding = Finding(document.path, 1, 1, UNUSED_SUPPRESSION, 1, 1, Severity.INFO, message)
                kept.append((finding, key.text))
        return kept

    @staticmethod
    def _finding(document: Document, check: Check, problem: Problem) -> Finding:
        line, column = document.position(problem.start)
        end_line, end_column = document.end_position(max(problem.end, problem.start))
        return Finding(
            path=document.path,
            line=line,
            column=column,
            check=check.name,
            end_line=end_line,
            end_column=end_column,
            severity=problem.severity or check.severity,
            message=problem.message,
            suggestion=problem.suggestion,
        )


__all__ = ["Linter", "Report", "UsageError", "ConfigError", "with_engine_checks"]
