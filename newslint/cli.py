"""The command line: ``newslint [OPTIONS] PATH...``."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Mapping

import click

from newslint import __version__
from newslint.config import FAIL_ON_CHOICES, Config, ConfigError, find_config, load_config
from newslint.engine import Linter, Source, UsageError, with_engine_checks
from newslint.finding import Severity
from newslint.formatters import FORMATTERS, FormatOptions, get_formatter, summary
from newslint.reading import InputError, Skipped, check_encoding, discover
from newslint.registry import CheckInfo, RegistryError, load_checks, unknown_check
from newslint.report import Failure, Report, printable

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _names(values: tuple[str, ...], option: str, known: Mapping[str, CheckInfo]) -> tuple[str, ...] | None:
    """--select a,b --select c → ('a', 'b', 'c'); nothing given → None (use the configuration)."""
    if not values:
        return None
    names = tuple(name.strip() for value in values for name in value.split(",") if name.strip())
    if not names:  # `--select ""` from a script whose variable was empty must not silently run nothing
        raise click.BadParameter("names no check", param_hint=option)
    for name in names:
        if name not in known:
            raise click.BadParameter(unknown_check(name, known), param_hint=option)
    return names


def _notify(message: str) -> None:
    click.echo(printable(f"newslint: {message}"), err=True)


def _list_checks(installed: Mapping[str, CheckInfo]) -> int:
    """Every name --select accepts: the installed checks and the engine's own unused-suppression.

    A check pack that cannot be loaded is one error line naming its entry point; the others are listed.
    """
    known = with_engine_checks(installed)
    every: dict[str, CheckInfo] = {}
    broken = []
    for name in sorted(known):
        try:
            every[name] = known[name]
        except RegistryError as error:
            broken.append(str(error))
    width = max((len(name) for name in every), default=0)
    for name, check in every.items():
        origin = " (engine)" if name not in installed else " (nlp)" if check.needs_nlp else ""
        click.echo(f"{name:<{width}}  {check.severity.label:<7}  {check.summary}{origin}")
    for message in broken:
        _notify(f"error: {message}")
    return EXIT_ERROR if broken else EXIT_CLEAN


def _use_color() -> bool:
    # https://no-color.org: set and not empty means no colour.
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def _load_configuration(config_file: str | None) -> Config:
    if not config_file:
        return load_config(find_config())
    if not Path(config_file).is_file():
        raise ConfigError(f"{config_file}: no such configuration file")
    return load_config(Path(config_file))


def _exit_status(report: Report, fail_on: str) -> int:
    if report.errors:
        return EXIT_ERROR
    if fail_on == "never":
        return EXIT_CLEAN
    threshold = Severity.parse(fail_on)
    return EXIT_FINDINGS if any(f.severity >= threshold for f in report.findings) else EXIT_CLEAN


class _LintCommand(click.Command):
    """The lint command's usage reads as users type it: ``newslint [OPTIONS] PATH...``."""

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        formatter.write_usage(ctx.find_root().info_name or "newslint", " ".join(self.collect_usage_pieces(ctx)))


class _Commands(click.Group):
    """``newslint PATH...`` lints; ``newslint COMMAND ...`` runs one of the other commands.

    Linting is the default so that the contract ``newslint [OPTIONS] PATH...`` holds: anything that is not
    a command name is a lint run (a file named like a command is linted as ``./init``).
    """

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or args[0] not in self.commands or args[0] == "lint":
            args = ["lint", *(args[1:] if args[:1] == ["lint"] else args)]
        return super().parse_args(ctx, args)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """newslint: a fact-check and consistency linter for news copy."""


@main.command("lint", cls=_LintCommand, context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("paths", nargs=-1, metavar="PATH...")
@click.option("--select", multiple=True, metavar="CHECKS", help="Run only these checks (comma-separated).")
@click.option("--ignore", multiple=True, metavar="CHECKS", help="Do not run these checks (comma-separated).")
@click.option("--format", "output_format", type=click.Choice(sorted(FORMATTERS)), default="text", show_default=True,
              help="text for people, json for tools, sarif for code scanning, github for Actions annotations.")
@click.option("--output", "output_file", metavar="FILE", type=click.Path(dir_okay=False, writable=True),
              help="Write the report to FILE; a one-line summary still goes to the terminal.")
@click.option("--show-source", is_flag=True, help="Show each finding's source line with a caret under it (text).")
@click.option("--fail-on", type=click.Choice(FAIL_ON_CHOICES), default=None,
              help="Exit 1 when a finding is at or above this severity.  [default: warning]")
@click.option("--diff", "diff_ref", metavar="REF",
              help="Report only findings on lines added or changed since the git revision REF.")
@click.option("--baseline", "baseline_file", metavar="FILE",
              help="Report only findings that FILE (written by --write-baseline) does not record.")
@click.option("--write-baseline", "write_baseline_file", metavar="FILE",
              help="Record today's findings in FILE, report nothing, and exit 0.")
@click.option("--config", "config_file", metavar="FILE", help="Configuration file (default: nearest .newslint.toml "
              "or pyproject.toml with [tool.newslint]).")
@click.option("--encoding", default=None, help="Read inputs in this encoding instead of detecting it.")
@click.option("--stdin-filename", default=None, metavar="NAME", help="Name to report for input read from '-'.")
@click.option("--list-checks", is_flag=True, help="List the installed checks and exit.")
@click.option("--explain", metavar="CHECK", help="Print a check's documentation and exit.")
@click.version_option(__version__, prog_name="newslint")
def lint(paths, select, ignore, output_format, output_file, show_source, fail_on, diff_ref, baseline_file,
         write_baseline_file, config_file, encoding, stdin_filename, list_checks, explain):
    """Lint news copy for editorial problems: names spelled two ways, counts to verify,
    orphaned photo captions, stray promo text.

    PATH may be a file, a directory (searched for .txt, .md and .html files) or - for stdin.
    Markdown and HTML are reduced to their prose; <!-- newslint: ignore CHECK --> comments suppress,
    and the engine reports a suppression that suppresses nothing as unused-suppression (info; see
    --explain unused-suppression).
    Exit status: 0 clean, 1 findings at or above --fail-on, 2 usage error or unreadable input.
    """
    try:
        installed = load_checks()
    except RegistryError as error:
        _notify(f"error: {error}")
        sys.exit(EXIT_ERROR)
    known = with_engine_checks(installed)
    if list_checks:
        sys.exit(_list_checks(installed))
    if explain:
        if explain not in known:
            raise click.BadParameter(unknown_check(explain, known), param_hint="--explain")
        try:
            click.echo(known[explain].documentation)
        except RegistryError as error:
            _notify(f"error: {error}")
            sys.exit(EXIT_ERROR)
        return
    if not paths:
        raise click.UsageError("give at least one PATH (a file, a directory, or - for stdin)")
    if baseline_file and write_baseline_file:
        raise click.UsageError("--baseline and --write-baseline cannot be combined (writing records every finding)")
    if stdin_filename and "-" not in paths:
        raise click.UsageError("--stdin-filename names the input read from '-', and no '-' was given")
    if encoding:
        try:
            check_encoding(encoding)
        except LookupError:
            raise click.BadParameter(f"unknown text encoding {encoding!r}", param_hint="--encoding") from None

    # Baselines and git diffs are imported only when asked for: an editor's plain run stays quick.
    workflow_errors: tuple[type[Exception], ...] = ()  # the errors of the optional steps asked for
    baseline = changed_lines = None
    writing = write_baseline_file is not None
    try:
        config = _load_configuration(config_file).with_overrides(
            select=_names(select, "--select", known), fail_on=fail_on, encoding=encoding
        )
        extra_ignores = _names(ignore, "--ignore", known) or ()
        config = config.with_overrides(ignore=tuple(config.ignore) + tuple(extra_ignores))
        if baseline_file or writing:
            from newslint.baseline import BaselineError, load_baseline

            workflow_errors += (BaselineError,)
            baseline = load_baseline(Path(baseline_file)) if baseline_file else None
        if diff_ref and not writing:
            from newslint.gitdiff import ChangedLines, DiffError

            workflow_errors += (DiffError,)
            changed_lines = ChangedLines(diff_ref)
        linter = Linter(installed, config, baseline=baseline, changed_lines=changed_lines)
    except (ConfigError, UsageError) + workflow_errors as error:
        _notify(f"error: {error}")
        sys.exit(EXIT_ERROR)

    items = list(discover(paths))
    _refuse_to_overwrite_an_input(items, output_file, write_baseline_file)
    report = Report()
    try:
        for item in items:
            if isinstance(item, Skipped):
                _notify(f"{item.path}: skipped: {item.reason}")
                continue
            if isinstance(item, InputError):
                report.errors.append(Failure(item.path, item.message))
                _notify(f"error: {item.path}: {item.message}")
                continue
            if item == "-":  # read at most one byte past the limit: the engine refuses what is over it
                data = sys.stdin.buffer.read(config.max_file_size + 1)
                source = Source(stdin_filename or "-", data=data)
            else:
                source = Source(item)
            result = linter.lint(source)
            for notice in result.notices:
                _notify(notice)
            for failure in result.failures:
                _notify(f"error: {failure.path}: {failure.message}")
            report.add(result)
    except workflow_errors as error:
        _notify(f"error: {error}")
        sys.exit(EXIT_ERROR)

    report.sort()
    report = report.printable()
    if writing:
        sys.exit(_write_baseline(Path(write_baseline_file), report))
    _emit(report, output_format, output_file, FormatOptions(
        color=output_format == "text" and not output_file and _use_color(),
        show_source=show_source,
        summary=show_source or sys.stdout.isatty(),
        checks={check.name: check for check in linter.selected},
    ))
    sys.exit(_exit_status(report, config.fail_on))


def _refuse_to_overwrite_an_input(items: list, output_file: str | None, baseline_file: str | None) -> None:
    """--output or --write-baseline naming a file being linted would destroy the copy: a usage error."""
    from newslint.writing import same_file

    inputs = [Path(item) for item in items if isinstance(item, str) and item != "-"]
    for option, target in (("--output", output_file), ("--write-baseline", baseline_file)):
        if target and any(same_file(Path(target), path) for path in inputs):
            raise click.BadParameter(f"{target} is one of the files being linted; choose another file",
                                     param_hint=option)


def _write_baseline(location: Path, report: Report) -> int:
    from newslint.baseline import BaselineError, write_baseline

    try:
        recorded = write_baseline(location, report.findings)
    except BaselineError as error:
        _notify(f"error: {error}")
        return EXIT_ERROR
    _notify(f"recorded {recorded} finding{'s' if recorded != 1 else ''} in {location}")
    return EXIT_ERROR if report.errors else EXIT_CLEAN


def _emit(report: Report, output_format: str, output_file: str | None, options: FormatOptions) -> None:
    rendered = get_formatter(output_format)(report, options)
    if not output_file:
        click.echo(rendered, nl=False)
        return
    from newslint.writing import write_atomically

    try:
        write_atomically(Path(output_file), rendered)
    except OSError as error:
        _notify(f"error: {output_file}: cannot be written: {error.strerror or error}")
        sys.exit(EXIT_ERROR)
    click.echo(f"{summary(report)}; {output_format} report written to {output_file}")
