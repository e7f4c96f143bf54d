"""The engine: one call lints one source, and every front end (CLI, servers, tests, benchmarks) uses it.

    linter = Linter(load_checks(), config)
    result = linter.lint(Source("desk/story.md", text=copy))   # a FileResult: findings, failures, notices

Selection, suppression and sorting happen here, once for every check. Suppression, in this order:
per-file-ignores (the check does not run), inline ``newslint:`` directives, the baseline, then
``--diff`` (only findings on changed lines). Directives and baseline entries that suppressed nothing
are reported as ``unused-suppression``.
"""

from __future__ import annotations

from collections import ChainMap
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Mapping, MutableMapping, cast

from newslint.config import Config, ConfigError
from newslint.document import Document
from newslint.finding import Finding, Problem, Severity
from newslint.nlp import ModelUnavailable, Pipeline, model_location
from newslint.options import OptionError
from newslint.readers import READERS, kind_of, read_document
from newslint.reading import InputError, SourceText, decode, read_file, too_large
from newslint.registry import Check, CheckInfo, RegistryError, unknown_check
from newslint.report import Failure, FileResult
from newslint.suppression import ENGINE_CHECKS, UNUSED_SUPPRESSION, Suppressions, unused_suppression_finding

if TYPE_CHECKING:
    from newslint.baseline import Baseline
    from newslint.gitdiff import ChangedLines


class UsageError(Exception):
    """A bad check name or option: the run cannot start."""


@dataclass(frozen=True)
class Source:
    """What to lint: a file, or text that came from somewhere else (stdin, an HTTP request, an editor).

    ``path`` is the name findings carry; give ``text`` (already decoded) or ``data`` (bytes, decoded
    as files are), or neither to read the file at ``path``. ``reader`` is ``text``, ``markdown`` or
    ``html``; by default the path's suffix chooses.
    """

    path: str
    text: str | None = None
    data: bytes | None = None
    reader: str | None = None


def with_engine_checks(installed: Mapping[str, CheckInfo]) -> Mapping[str, CheckInfo]:
    """The installed checks plus those the engine itself produces (unused-suppression)."""
    # ChainMap looks a name up without loading every installed check (InstalledChecks loads lazily).
    return ChainMap(dict(ENGINE_CHECKS), cast("MutableMapping[str, CheckInfo]", installed))


class Linter:
    """The selected checks, their validated options and the model, ready to lint many sources.

    Building a Linter validates everything a run depends on (check names, options, a configured model)
    and raises :class:`ConfigError` or :class:`UsageError` with a one-line message; :meth:`lint` never
    raises for a bad input or a failing check: those are failures in its result.
    """

    def __init__(
        self,
        installed: Mapping[str, Check],
        config: Config,
        *,
        baseline: Baseline | None = None,
        changed_lines: ChangedLines | None = None,
    ) -> None:
        self.known = with_engine_checks(installed)
        self.config = config
        self.baseline = baseline
        self.changed_lines = changed_lines
        where = str(config.path) if config.path else "configuration"
        self._check_names_known(where)
        selected = config.select if config.select is not None else tuple(self.known)
        try:
            chosen = [self.known[name] for name in sorted(set(selected) - set(config.ignore))]
        except RegistryError as error:
            raise UsageError(str(error)) from None
        if not chosen and selected:
            # A leftover never silently turns every check off. (An empty selection is refused in configuration
            # files and on the command line; through the API it is a baseline: reading alone, as benches time it.)
            raise UsageError(f"{where}: 'select' and 'ignore' leave no check to run")
        self.checks: list[Check] = [c for c in chosen if isinstance(c, Check)]
        self.runs_engine_checks = any(not isinstance(c, Check) for c in chosen)
        base = config.path.parent if config.path else Path.cwd()
        self.options: dict[str, Any] = {}
        for check in self.checks:
            table = f"[checks.{check.name}]"
            try:
                self.options[check.name] = check.options.read(config.check_options.get(check.name, {}),
                                                              table=table, base=base)
            except OptionError as error:
                raise ConfigError(f"{where}: {error}") from None
        components = set().union(*(check.nlp_components for check in self.checks))
        model = config.model
        if model is not None:
            try:
                model = model_location(model, base)
            except ModelUnavailable as error:
                raise ConfigError(f"{where}: model = {config.model!r}: {error}") from None
        self.pipeline = Pipeline(model, components) if components else None
        self._nlp_failure: str | None = None  # set once the model has failed to load: said once, then silent

    def _check_names_known(self, where: str) -> None:
        named = [("select", name) for name in self.config.select or ()]
        named += [("ignore", name) for name in self.config.ignore]
        named += [(f"per-file-ignores {glob!r}", name) for glob, names in self.config.per_file_ignores
                  for name in names]
        named += [(f"[checks.{name}]", name) for name in self.config.check_options]
        for key, name in named:
            if name not in self.known:
                raise ConfigError(f"{where}: {key}: {unknown_check(name, self.known)}")

    @property
    def selected(self) -> list[CheckInfo]:
        """Every check this linter runs, the engine's own included (for SARIF rules and listings)."""
        engine = [info for name, info in ENGINE_CHECKS.items() if self.runs_engine_checks]
        return sorted([*self.checks, *engine], key=lambda info: info.name)

    def lint(self, source: Source | str) -> FileResult:
        """Read, check and filter one source. Never raises for bad input: see the result's failures."""
        if isinstance(source, str):
            source = Source(source)
        try:
            text = self._read(source)
        except InputError as error:
            return FileResult(source.path, failures=(Failure(error.path, error.message),), linted=False)
        notices = [text.notice] if text.notice else []
        if source.reader is not None and source.reader not in READERS:
            message = f"unknown reader {source.reader!r} (choose from {', '.join(READERS)})"
            return FileResult(source.path, failures=(Failure(source.path, message),), linted=False)
        parse = self.pipeline.parser() if self.pipeline else None
        try:
            document = read_document(source.path, text.text, parse, reader=source.reader,
                                     html_scope=self.config.html_scope)
        except Exception as error:  # a reader's bug must cost this file, never the run's other files
            message = f"could not be read as {source.reader or kind_of(source.path)}: {type(error).__name__}: {error}"
            return FileResult(source.path, failures=(Failure(source.path, message[:300]),), linted=False)
        notices.extend(f"{document.path}: {notice}" for notice in document.notices)
        if document.published is None:  # a date the file gives itself (front matter, <time>) comes first
            document.published = self.config.date
        findings, failures = self._check(document, notices)
        return FileResult(document.path, tuple(findings), tuple(failures), tuple(notices),
                          tuple(document.source_lines))

    def _read(self, source: Source) -> SourceText:
        limit = self.config.max_file_size
        if source.text is not None:
            if len(source.text) > limit:  # characters, at least as many bytes: the same limit, never looser
                raise InputError(source.path, too_large(len(source.text), limit))
            return SourceText(source.path, source.text, "utf-8")
        if source.data is not None:
            if len(source.data) > limit:
                raise InputError(source.path, too_large(len(source.data), limit))
            return decode(source.path, source.data, self.config.encoding)
        return read_file(source.path, self.config.encoding, limit)

    def _nlp_unavailable(self, reason: ModelUnavailable, failures: list[Failure], notices: list[str],
                         path: str) -> None:
        """The model failed to load when a check first asked for a parse: said once, then the NLP checks skip."""
        skipped = ", ".join(c.name for c in self.checks if c.needs_nlp)
        self._nlp_failure = str(reason)
        if self.config.model is not None:  # the model the configuration asks for: an error of the run
            where = str(self.config.path) if self.config.path else "configuration"
            failures.append(Failure(path, f"{where}: model = {self.config.model!r}: {reason}; {skipped} not run"))
        else:  # no model installed at all: the NLP checks are skipped, everything else still runs
            notices.append(f"{reason}; skipping {skipped} (the other checks still run)")

    def _check(self, document: Document, notices: list[str]) -> tuple[list[Finding], list[Failure]]:
        ignored = self.config.ignored_for(document.path)
        ran: list[str] = []
        failures: list[Failure] = []
        found: set[Finding] = set()
        for check in self.checks:
            if check.name in ignored:
                continue
            if check.needs_nlp and (self.pipeline is None or self._nlp_failure is not None):
                continue
            ran.append(check.name)
            try:  # one failing check must not lose the other checks' or files' findings; its own are dropped
                found.update([_finding(document, check, problem)
                              for problem in check.run(document, self.options[check.name])])
            except ModelUnavailable as reason:  # the model loads when a check first parses, not before
                ran.remove(check.name)
                self._nlp_unavailable(reason, failures, notices, document.path)
            except Exception as error:
                failures.append(Failure(document.path, f"check {check.name} failed: {type(error).__name__}: {error}"))
        if self.runs_engine_checks and UNUSED_SUPPRESSION not in ignored:
            ran.append(UNUSED_SUPPRESSION)
        findings = sorted(found)
        if document.suppressions:
            findings = self._apply_directives(document, findings, ran)
        if self.baseline is not None:
            findings = self._apply_baseline(document, findings, ran)
        if self.changed_lines is not None:
            from newslint.gitdiff import ALL_LINES

            changed = self.changed_lines.for_path(document.path)
            if changed is not ALL_LINES:
                findings = [f for f in findings if any(n in changed for n in range(f.line, f.end_line + 1))]
        return sorted(findings), failures

    def _apply_directives(self, document: Document, findings: list[Finding], ran: list[str]) -> list[Finding]:
        suppressions = Suppressions(document.suppressions, len(document.source_lines))
        kept = [f for f in findings if not suppressions.is_suppressed(f)]
        if UNUSED_SUPPRESSION in ran:
            for directive, message in suppressions.unused(ran, self.known):
                finding = unused_suppression_finding(document, directive, message)
                if not suppressions.is_suppressed(finding):
                    kept.append(finding)
        return kept

    def _apply_baseline(self, document: Document, findings: list[Finding], ran: list[str]) -> list[Finding]:
        assert self.baseline is not None
        kept = [f for f in findings if not self.baseline.absorbs(f)]
        if UNUSED_SUPPRESSION in ran:
            for key, count in self.baseline.leftovers(document.path, ran):
                times = f" ({count} of them)" if count > 1 else ""
                message = (f"baseline entry for {key.check} {key.text!r} matches nothing{times}; "
                           f"refresh the baseline with --write-baseline")
                kept.append(Finding(document.path, 1, 1, UNUSED_SUPPRESSION, 1, 1, Severity.INFO, message,
                                    text=key.text))
        return kept


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
        text=document.text[problem.start:problem.end],
    )


__all__ = ["Linter", "Source", "UsageError", "ConfigError", "with_engine_checks"]
