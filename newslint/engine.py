"""The one place where selection, suppression and sorting happen, for every check alike."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping

from newslint.config import Config, ConfigError
from newslint.document import Document
from newslint.finding import Finding, Problem
from newslint.nlp import ModelUnavailable, Pipeline
from newslint.registry import Check


class UsageError(Exception):
    """A bad check name or option: the run cannot start."""


@dataclass
class Report:
    """Everything a run produced, in the order a formatter needs it."""

    findings: list[Finding] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)  # (path, message)
    notices: list[str] = field(default_factory=list)
    files: int = 0


def _unknown(names: Iterable[str], installed: Mapping[str, Check]) -> list[str]:
    return sorted(set(names) - set(installed))


class Linter:
    """Runs the selected checks over Documents and turns their Problems into Findings."""

    def __init__(self, installed: Mapping[str, Check], config: Config, *, notify: Callable[[str], None]) -> None:
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
        components = set().union(*(check.nlp_components for check in self.checks))
        self.pipeline = Pipeline(config.model, components) if components else None

    def _options_for(self, check: Check) -> dict[str, Any]:
        given = dict(self.config.check_options.get(check.name, {}))
        unknown = sorted(set(given) - set(check.options))
        if unknown:
            known = ", ".join(sorted(check.options)) or "none"
            where = self.config.path or "configuration"
            raise UsageError(f"{where}: check {check.name!r} has no option(s) {', '.join(unknown)} (known: {known})")
        base = self.config.path.parent if self.config.path else Path.cwd()
        for key, value in given.items():
            # Options naming a file are relative to the configuration file, wherever newslint is run.
            if key.endswith("-file") and isinstance(value, str) and value:
                given[key] = str((base / value).resolve())
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
        ignored = self.config.ignored_for(document.path)
        findings: list[Finding] = []
        for check in self.checks:
            if check.name in ignored:
                continue
            if check.needs_nlp and not self._nlp_ready():
                continue
            for problem in check.run(document, self.options[check.name]):
                findings.append(self._finding(document, check, problem))
        return sorted(set(findings))

    @staticmethod
    def _finding(document: Document, check: Check, problem: Problem) -> Finding:
        line, column = document.position(problem.start)
        end_line, end_column = document.position(max(problem.end, problem.start))
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


__all__ = ["Linter", "Report", "UsageError", "ConfigError"]
